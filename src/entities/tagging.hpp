// The reading and tagging half of an entity scan (internal to entities/): batches of pending
// articles read and tagged in order, by a background thread when the store is a file (its own
// read-only connection, so the caller's connection is free to write meanwhile), else on the
// caller's thread when it asks for the next batch. A queue that follows arrivals starts while
// articles are still being stored and takes each batch as it is committed.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "masar/entities/pipeline.hpp"
#include "masar/store/store.hpp"

namespace masar::entities {

struct TaggedText {
  std::int64_t rowid = 0;
  std::string title, body, date;       // date: "YYYY-MM-DD" as stored, "" when undated
  std::int64_t content_hash = 0;       // as stored when read: tells whether it was stored again since
  std::vector<Mention> title_mentions, body_mentions;
  std::unique_ptr<Prepared> prepared;  // the observer's work on this article
};

struct TaggedBatch {
  std::vector<TaggedText> articles;
};

// The stored articles not scanned yet and not copies, in storage order; how many they are.
Result<std::vector<std::int64_t>> pending_articles(sqlite3* db);
Result<std::size_t> count_pending_articles(sqlite3* db);

class TaggingQueue {
 public:
  // `db`: the caller's connection, read from only when no background connection could be
  // opened. In the background, tagging starts at once; with `follow_arrivals` it goes on until
  // input_complete(), then tags what the batches missed (articles stored again meanwhile).
  TaggingQueue(sqlite3* db, const NerModel& model, const EntityRunOptions& options, const ArticleObserver* observer,
               bool follow_arrivals);
  ~TaggingQueue();
  TaggingQueue(const TaggingQueue&) = delete;
  TaggingQueue& operator=(const TaggingQueue&) = delete;

  void input_complete();
  // The next batch; an empty optional once every pending article has been given.
  Result<std::optional<TaggedBatch>> next();
  // Reads and tags one article on the caller's thread (what a batch holds may have been stored
  // again since it was tagged).
  TaggedText tag_one(std::int64_t rowid, std::string title, std::string body, std::string date) const;

 private:
  Result<TaggedBatch> read_and_tag(sqlite3* db, const std::vector<std::int64_t>& rowids);
  void produce(store::Store reader);
  Status produce_in_batches(sqlite3* db, const std::vector<std::int64_t>& rowids);
  Status produce_arrivals(sqlite3* db);
  bool push(Result<TaggedBatch> batch);  // false when the queue is stopping

  const NerModel& model_;
  const EntityRunOptions options_;
  const ArticleObserver* observer_;
  sqlite3* caller_db_;
  const bool follow_;

  // On the caller's thread (no background connection): the pending list, read at the first next().
  std::optional<std::vector<std::int64_t>> inline_rowids_;
  std::size_t inline_from_ = 0;

  // Background mode: batches wait here, at most kAhead of them.
  static constexpr std::size_t kAhead = 8;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Result<TaggedBatch>> ready_;
  bool finished_ = false, stopping_ = false, input_complete_ = false;
  std::thread worker_;
};

}  // namespace masar::entities
