// Reordering the best hits of a long query by how many of its words each holds (private to
// search/). BM25F adds up what each matched word is worth, so among a claim-long query's best
// hits one that repeats a few rare words can outrank one that holds most of the claim; and the
// common words, left out of the match to keep it fast, count for nothing at all. The share of
// the query's words a hit holds, common words included, corrects the head of the ranking.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "masar/error.hpp"
#include "masar/search/query.hpp"
#include "masar/store/store.hpp"

namespace masar::search::detail {

struct Ranked {
  std::int64_t rowid = 0;
  double score = 0;
};

class Coverage {
 public:
  // Only the best hits are reordered: BM25F still chooses which articles come first, so a
  // long page holding many words cannot climb from far down.
  static constexpr std::size_t kDepth = 20;
  static constexpr double kExponent = 0.5;  // score × share^kExponent

  // The groups of `query` (before its common words left the match). A group is held when any
  // of its alternatives matches; words the analyzer drops (stopwords) are not counted.
  static Result<Coverage> of(const store::Store& store, const ParsedQuery& query);

  // Fewer than two groups: nothing to weigh.
  bool empty() const { return groups_.size() < 2; }
  double share(std::int64_t rowid) const;  // in [0, 1]
  // The first kDepth of `ranked` (best first, from the top of the ranking) reordered by
  // score × share^kExponent. The scores after them are kept below the head's, so the scores
  // of the whole list still decrease (tools such as trec_eval order a run by its scores).
  void rerank(std::vector<Ranked>& ranked) const;

 private:
  using Rows = std::shared_ptr<const std::vector<std::int64_t>>;
  std::vector<std::vector<Rows>> groups_;
};

// A Coverage built on first use: a query whose head is never reordered (its all-word matches
// fill the page, it has one word) reads no word lists.
class LazyCoverage {
 public:
  LazyCoverage(const store::Store& store, const ParsedQuery& query) : store_(store), query_(query) {}
  bool may_apply() const { return query_.groups.size() >= 2; }
  Result<const Coverage*> get();

 private:
  const store::Store& store_;
  const ParsedQuery& query_;
  std::optional<Coverage> built_;
};

}  // namespace masar::search::detail
