// What an article looks like to event and story tracking: a sparse TF-IDF vector over the
// terms of the search analyzer (title weighted above the lead, the lead above the rest, known
// proper nouns above common words), and its publication time in days.
//
// Counting terms is pure and runs in parallel; weighing needs the running document
// frequencies, which grow in the order articles are tracked (so a replay gives the same weights).
// Tracking works on interned term ids (Vocabulary): after counting, a term is an integer.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "masar/util/string_hash.hpp"
#include "masar/util/string_index.hpp"

namespace masar::cluster {

// Lets maps keyed by std::string be searched with a string_view, without a copy.
using TermHash = util::StringViewHash;

// Sorted by term; weights > 0.
using SparseVector = std::vector<std::pair<std::string, double>>;

using TermId = std::uint32_t;
// Sorted by term id.
using IdVector = std::vector<std::pair<TermId, double>>;

// Term <-> id. Ids follow first sight, so they differ between runs over different orders:
// nothing may depend on them but the order of merges; ties are broken by the term itself.
class Vocabulary {
 public:
  TermId intern(std::string_view term);
  const std::string& term(TermId id) const { return index_.key(id); }
  std::size_t size() const { return index_.size(); }
  IdVector to_ids(const SparseVector& v);
  SparseVector to_terms(const IdVector& v) const;  // sorted by term
  // Heavier first; equal weights by term text. Equal weights are common (the terms of one
  // count seen in equally few articles), so the text is compared by its first 8 bytes first.
  bool heavier(const std::pair<TermId, double>& x, const std::pair<TermId, double>& y) const {
    if (x.second != y.second) return x.second > y.second;
    const std::uint64_t px = prefixes_[x.first], py = prefixes_[y.first];
    return px != py ? px < py : index_.key(x.first) < index_.key(y.first);
  }
  // Keeps the `keep` heaviest, in the order they were (by id when v was).
  void keep_heaviest(IdVector& v, std::size_t keep) const;
  // The lightest of the `keep` heaviest of v (keep >= 1, v.size() > keep): the terms kept are
  // it and those heavier. `scratch` is working space.
  std::pair<TermId, double> lightest_kept(const IdVector& v, std::size_t keep, IdVector& scratch) const;

 private:
  util::StringIndex index_;  // interning runs for every term of every article
  // By id: the term's first 8 bytes, big-endian, zero-padded: comparing two of them as
  // integers orders the texts as their first 8 bytes do.
  std::vector<std::uint64_t> prefixes_;
};

double dot(const SparseVector& a, const SparseVector& b);
double norm(const SparseVector& v);
// a += scale * b, both sorted by term.
void add_to(SparseVector& a, const SparseVector& b, double scale = 1.0);
// Keeps the `keep` heaviest terms (ties broken by term), sorted by term again.
void keep_heaviest(SparseVector& v, std::size_t keep);

struct FeatureOptions {
  double title_weight = 3.0;
  double lead_weight = 1.5;       // the first `lead_terms` terms of the body
  std::size_t lead_terms = 60;
  std::size_t body_terms = 300;   // the body beyond this is not read: news puts the happening first
  double name_weight = 1.5;       // protected proper nouns (countries, cities, leaders, bodies)
  std::size_t vector_terms = 80;  // kept per article
  double recent_share = 0.5;      // weight of the recent-window idf (RecentFrequencies)
  double recent_days = 3.0;
};

// Weighted term frequencies of one article, sorted by term.
SparseVector count_terms(std::string_view title, std::string_view body, const FeatureOptions& options);

// How much of the body count_terms() reads: about `body_terms` terms' worth of bytes, ended
// at a space so that no word is cut (the terms before it are exactly those the whole body's
// analysis gives there, whoever analyzed it).
std::size_t counted_body_bytes(std::string_view body, const FeatureOptions& options);

// What each occurrence of a term adds to its count in count_terms(), in the order of the
// article: the title's terms, then the body's (0 past the counted ones). For counting terms
// analyzed elsewhere (the full-text index's, feature_cache.hpp) exactly as count_terms() does;
// body terms past counted_body_bytes() must not be given.
class OccurrenceWeights {
 public:
  explicit OccurrenceWeights(const FeatureOptions& options) : options_(options) {}
  double title(std::string_view term) const;
  double next_body(std::string_view term);

 private:
  const FeatureOptions& options_;
  std::size_t body_seen_ = 0;
};

// Document frequencies of the articles tracked so far, by term id.
class DocumentFrequencies {
 public:
  void add(const IdVector& counted_terms);
  double idf(TermId term) const {
    const double d = term < counts_.size() ? counts_[term] : 0.0;
    return std::log((static_cast<double>(documents_) + 1.0) / (d + 1.0)) + 1.0;
  }
  std::uint64_t documents() const { return documents_; }
  std::uint32_t df(TermId term) const { return term < counts_.size() ? counts_[term] : 0; }
  // For persistence: the terms whose count changed since the last call, then forgotten.
  std::vector<TermId> take_changed();
  void load(TermId term, std::uint32_t df);
  void set_documents(std::uint64_t n) { documents_ = n; }

 private:
  std::vector<std::uint32_t> counts_;
  std::vector<bool> changed_flag_;
  std::vector<TermId> changed_;
  std::uint64_t documents_ = 0;
};

// Document frequencies over the last `window_days` of the stream: a word every article of the
// week uses ("كيماوي" the week of a chemical attack) tells this week's events apart less well
// than its archive-wide rarity suggests.
class RecentFrequencies {
 public:
  explicit RecentFrequencies(double window_days) : window_(window_days) {}
  void add(const IdVector& counted_terms, double time);
  // Forgets articles older than `time - window`.
  void advance(double time);
  double idf(TermId term) const {
    const double d = term < counts_.size() ? counts_[term] : 0.0;
    const double n = static_cast<double>(entries_.size() - head_);
    return std::log((n + 1.0) / (d + 1.0)) + 1.0;
  }

 private:
  double window_;
  std::vector<std::uint32_t> counts_;
  std::vector<std::pair<double, std::vector<TermId>>> entries_;  // (time, terms), oldest first
  std::size_t head_ = 0;
};

// Log-scaled tf times idf, the `vector_terms` heaviest kept, unit length. With `recent`,
// idf = archive idf^(1-b) * recent idf^b, b = options.recent_share; `archive_only` then also
// gets the vector with the archive idf alone (stories compare those).
IdVector weigh(const IdVector& counted_terms, const DocumentFrequencies& df, const Vocabulary& vocabulary,
               const FeatureOptions& options, const RecentFrequencies* recent = nullptr, IdVector* archive_only = nullptr);

// "2018-04-08", "2018-04-08T14:05", "2018-04-08T14:05:00+04:00" -> days since 1970-01-01
// (fractional); nullopt when there is no date.
std::optional<double> days_since_epoch(std::string_view iso_date);

}  // namespace masar::cluster
