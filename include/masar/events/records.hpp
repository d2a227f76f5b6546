// Event records over the store: every sentence of every scanned article is coded (coder.hpp),
// its actors linked to the entities the scan found, its date resolved against the article's,
// and reports of one real event merged into one record — same type, mode and actors within a
// few days, or the same numbered round of a series ("أستانا 9") — that lists every article and
// sentence reporting it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "masar/entities/pipeline.hpp"
#include "masar/error.hpp"
#include "masar/events/coder.hpp"
#include "masar/store/store.hpp"

namespace masar::events {

struct Actor {
  std::string text;
  std::optional<std::int64_t> entity;  // the linked entity (folds followed), none for generic actors
};

struct SentenceRef {
  std::string article;    // article id
  std::int64_t index = 0;  // 0: the title; 1, 2, …: sentences of the body
  std::string text;
};

struct EventRecord {
  std::int64_t id = 0;
  EventType type = EventType::CONSULT;
  Mode mode = Mode::asserted;
  std::string date;            // "YYYY-MM-DD", "" when neither the sentence nor the article dates it
  std::string date_precision;  // day, week, month, … (extract/time_expressions); "article" when the
                               // publication date stands in for an undated sentence
  std::vector<Actor> sources, targets;
  std::optional<Actor> location;
  std::optional<std::string> series_name;  // search form: "استانا"
  std::optional<int> series_ordinal;
  std::vector<std::string> articles;  // those whose sentences report it, oldest first
  std::vector<std::string> copies;    // copies of those articles (dedup): the same reports, syndicated
  std::vector<std::string> outlets;   // sources of the articles and their copies, each once
  std::vector<SentenceRef> sentences;
};

// Codes articles as the entity scan links them: pass it to entities::scan_pending / rescan.
class RecordWriter : public entities::ArticleObserver {
 public:
  explicit RecordWriter(store::Store& store);
  ~RecordWriter() override;
  RecordWriter(const RecordWriter&) = delete;
  RecordWriter& operator=(const RecordWriter&) = delete;

  // Codes the sentences (worker threads); dates, entities and merging follow in order.
  std::unique_ptr<entities::Prepared> prepare(const entities::TaggedArticle& article) const override;
  Status article_scanned(const entities::ScannedArticle& article, const entities::Prepared* prepared) override;
  Status forget_all() override;
  Status finish() override;  // drops records no report is left for (articles updated since)

  std::size_t reports() const { return reports_; }
  std::size_t new_records() const { return new_records_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::size_t reports_ = 0, new_records_ = 0;
};

struct RecordFilter {
  std::optional<EventType> type;
  std::vector<std::int64_t> entities;  // records naming any of them (as source, target or place)
  std::string from, to;                // inclusive "YYYY-MM-DD"
  std::string series;                  // records of this numbered series (cluster::series_name_of form)
  std::optional<int> round;            // ... and this round of it
  bool asserted_only = false;
  std::size_t limit = 0;               // 0: every record
  std::size_t offset = 0;
};

// Records in date order (undated last), then id.
Result<std::vector<EventRecord>> list_records(const store::Store& store, const RecordFilter& filter);
Result<std::int64_t> count_records(const store::Store& store, const RecordFilter& filter);

}  // namespace masar::events
