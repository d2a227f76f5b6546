// The reading and tagging half of an entity scan (internal to entities/): batches of pending
// articles read and tagged in order, by a background thread when the store is a file (its own
// read-only connection, so the caller's connection is free to write meanwhile), else on the
// caller's thread when it asks for the next batch.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "masar/entities/pipeline.hpp"
#include "masar/store/store.hpp"

namespace masar::entities {

struct TaggedText {
  std::int64_t rowid = 0;
  std::string title, body, date;       // date: "YYYY-MM-DD" as stored, "" when undated
  std::vector<Mention> title_mentions, body_mentions;
  std::unique_ptr<Prepared> prepared;  // the observer's work on this article
};

struct TaggedBatch {
  std::vector<TaggedText> articles;
  std::size_t done = 0;  // pending articles up to the end of this batch
};

class TaggingQueue {
 public:
  // `db`: the caller's connection, read from only when no background connection could be
  // opened. Tagging starts at once when it runs in the background.
  TaggingQueue(sqlite3* db, std::vector<std::int64_t> rowids, const NerModel& model, const EntityRunOptions& options,
               const ArticleObserver* observer);
  ~TaggingQueue();
  TaggingQueue(const TaggingQueue&) = delete;
  TaggingQueue& operator=(const TaggingQueue&) = delete;

  // The next batch in article order; an empty optional once every article has been given.
  Result<std::optional<TaggedBatch>> next();
  std::size_t total() const { return rowids_.size(); }
  bool in_background() const { return worker_.joinable(); }

 private:
  Result<TaggedBatch> tag_batch(sqlite3* db, std::size_t from);
  void produce(store::Store reader);

  const std::vector<std::int64_t> rowids_;
  const NerModel& model_;
  const EntityRunOptions options_;
  const ArticleObserver* observer_;
  sqlite3* caller_db_;
  std::size_t next_from_ = 0;  // for tagging on the caller's thread

  // Background mode: batches wait here, at most kAhead of them.
  static constexpr std::size_t kAhead = 8;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Result<TaggedBatch>> ready_;
  bool finished_ = false, stopping_ = false;
  std::thread worker_;
};

}  // namespace masar::entities
