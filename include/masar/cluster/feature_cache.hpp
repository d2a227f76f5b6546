// What tracking reads of an article (counted terms, headline, numbered series), and a cache of
// it filled while an ingest stores the articles.
//
// The full-text index analyzes every stored title and body ahead of the write anyway
// (store::IndexTerms, on the ingest's analysis thread). Counting the tracker's terms from those
// terms there, instead of reading and analyzing the text again when tracking starts, takes
// both off the tracking thread. The cached counts equal count_terms() on the text (a contract
// test checks it), and they enter the tracker's vocabulary in the same order as uncached ones,
// so tracking decides exactly as it would without the cache.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "masar/cluster/features.hpp"
#include "masar/cluster/tracker.hpp"
#include "masar/store/index_terms.hpp"

namespace masar::cluster {

struct ArticleFeatures {
  std::string headline;  // the title, or the opening words of an untitled page
  SparseVector counts;   // count_terms()
  std::vector<SeriesKey> series;  // named rounds in the title or the lead ({"استانا", 9})
};

ArticleFeatures article_features(std::string_view title, std::string_view body, const FeatureOptions& options);

// The title, or for untitled pages the opening words of the body.
std::string headline_of(std::string_view title, std::string_view body);

// Features of stored articles by rowid, held until tracking takes them. Two threads fill it, each
// through its own half, never at once on the same half: the analysis thread count()s (one call
// at a time), the writing thread keep()s with the rowid. Tracking reads it after both are done.
// Past `max_terms` counted terms in all (8 bytes each, 16 when a count is not exact as a
// float), articles are no longer kept: tracking reads their text.
class FeatureCache {
 public:
  struct Entry;
  FeatureCache(const FeatureOptions& options, std::size_t max_terms);
  ~FeatureCache();
  FeatureCache(const FeatureCache&) = delete;
  FeatureCache& operator=(const FeatureCache&) = delete;

  // Analysis thread: count_terms() of this title and body from their index terms (the text
  // when the terms are of another text). Null once the cache is full.
  std::shared_ptr<Entry> count(std::string_view title, std::string_view body, const store::IndexTerms& terms);
  // Writing thread: `entry` belongs to the article stored as `rowid` (a later keep replaces it;
  // a null one forgets it, so that a row stored again uncounted is read from its text).
  void keep(std::int64_t rowid, std::shared_ptr<Entry> entry);
  const FeatureOptions& options() const { return options_; }
  std::size_t size() const { return kept_.size(); }

  // Tracking: the kept features of `rowid`, once; its counts interned into `vocabulary` as
  // Vocabulary::to_ids() interns them (terms in order), sorted by id.
  class Reader {
   public:
    Reader(FeatureCache& cache, Vocabulary& vocabulary) : cache_(cache), vocabulary_(vocabulary) {}
    bool has(std::int64_t rowid) const;
    std::shared_ptr<const Entry> take(std::int64_t rowid);
    IdVector counts(const Entry& entry);
    static const std::string& headline(const Entry& entry);
    static const std::vector<SeriesKey>& series(const Entry& entry);

   private:
    FeatureCache& cache_;
    Vocabulary& vocabulary_;
    std::vector<TermId> to_tracker_;  // cache term id -> tracker term id + 1 (0: not yet seen)
  };

 private:
  FeatureOptions options_;
  std::size_t max_terms_;
  std::size_t counted_terms_ = 0;  // analysis thread
  Vocabulary vocabulary_;          // analysis thread while storing; Reader's afterwards
  class LocalCounts;
  std::unique_ptr<LocalCounts> local_;  // analysis thread: the article being counted
  std::unordered_map<std::int64_t, std::shared_ptr<const Entry>> kept_;  // writing thread, then Reader's
};

}  // namespace masar::cluster
