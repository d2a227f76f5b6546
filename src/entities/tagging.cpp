#include "entities/tagging.hpp"

#include <algorithm>
#include <chrono>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

#include "masar/util/parallel.hpp"
#include "store/sqlite_util.hpp"

namespace masar::entities {
namespace {

using store::sql::Statement;

constexpr char kPendingSql[] =
    "SELECT a.rowid FROM articles a LEFT JOIN entity_scan s ON s.article = a.rowid "
    "WHERE s.article IS NULL AND a.dup_of IS NULL";

// Tagging ahead should take the cores the caller's thread leaves idle (it stores articles or
// tracks events meanwhile, the longer path), not share them evenly with it. Threads this one
// starts inherit the lower priority.
void yield_to_the_caller() {
#ifdef __linux__
  (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
#endif
}

}  // namespace

Result<std::vector<std::int64_t>> pending_articles(sqlite3* db) {
  Statement st(db, std::string(kPendingSql) + " ORDER BY a.rowid");
  if (!st.ok()) return store::sql::db_error(db, "reading articles to scan");
  std::vector<std::int64_t> out;
  while (st.step() == SQLITE_ROW) out.push_back(st.int64(0));
  return out;
}

Result<std::size_t> count_pending_articles(sqlite3* db) {
  Statement st(db, "SELECT count(*) FROM (" + std::string(kPendingSql) + ")");
  if (!st.ok() || st.step() != SQLITE_ROW) return store::sql::db_error(db, "counting articles to scan");
  return static_cast<std::size_t>(st.int64(0));
}

TaggingQueue::TaggingQueue(sqlite3* db, const NerModel& model, const EntityRunOptions& options,
                           const ArticleObserver* observer, bool follow_arrivals)
    : model_(model), options_(options), observer_(observer), caller_db_(db), follow_(follow_arrivals) {
  input_complete_ = !follow_arrivals;
  // An in-memory or temporary database has no file for a second connection to open.
  const char* file = sqlite3_db_filename(db, "main");
  if (file == nullptr || *file == '\0') return;
  auto reader = store::Store::open(file, store::OpenMode::read_only);
  if (!reader) return;  // tag on the caller's thread instead
  worker_ = std::thread([this, r = std::move(reader.value())]() mutable { produce(std::move(r)); });
}

TaggingQueue::~TaggingQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void TaggingQueue::input_complete() {
  {
    std::lock_guard lock(mutex_);
    input_complete_ = true;
  }
  changed_.notify_all();
}

TaggedText TaggingQueue::tag_one(std::int64_t rowid, std::string title, std::string body, std::string date) const {
  TaggedText t;
  t.rowid = rowid;
  t.title = std::move(title), t.body = std::move(body), t.date = std::move(date);
  t.title_mentions = find_mentions(t.title, model_, PartialNames::keep);
  t.body_mentions = find_mentions(t.body, model_, PartialNames::keep);
  resolve_partial_names(t.title_mentions, t.body_mentions);
  if (observer_) t.prepared = observer_->prepare({t.rowid, t.title, t.body, t.date, t.title_mentions, t.body_mentions});
  return t;
}

Result<TaggedBatch> TaggingQueue::read_and_tag(sqlite3* db, const std::vector<std::int64_t>& rowids) {
  Statement text(db, "SELECT title, body, substr(date, 1, 10), content_hash FROM articles WHERE rowid = ?1");
  if (!text.ok()) return store::sql::db_error(db, "preparing to read articles for entities");
  struct Stored {
    std::string title, body, date;
    std::int64_t hash = 0;
  };
  std::vector<Stored> stored(rowids.size());
  for (std::size_t k = 0; k < rowids.size(); ++k) {
    text.reset().bind(1, rowids[k]);
    const store::sql::ResetAtExit done(text);  // no snapshot held while the batch is tagged
    if (text.step() == SQLITE_ROW) stored[k] = {text.text(0), text.text(1), text.text(2), text.int64(3)};
  }
  TaggedBatch batch;
  batch.articles.resize(rowids.size());
  util::parallel_for(rowids.size(), options_.threads, [&](std::size_t i) {
    batch.articles[i] = tag_one(rowids[i], std::move(stored[i].title), std::move(stored[i].body), std::move(stored[i].date));
    batch.articles[i].content_hash = stored[i].hash;
  }, 8);
  return batch;
}

bool TaggingQueue::push(Result<TaggedBatch> batch) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return stopping_ || ready_.size() < kAhead; });
  if (stopping_) return false;
  ready_.push_back(std::move(batch));
  lock.unlock();
  changed_.notify_all();
  return true;
}

// `rowids` read and tagged in batches, in order.
Status TaggingQueue::produce_in_batches(sqlite3* db, const std::vector<std::int64_t>& rowids) {
  for (std::size_t from = 0; from < rowids.size(); from += options_.batch_size) {
    const std::vector<std::int64_t> part(rowids.begin() + static_cast<std::ptrdiff_t>(from),
                                         rowids.begin() + static_cast<std::ptrdiff_t>(std::min(rowids.size(), from + options_.batch_size)));
    auto batch = read_and_tag(db, part);
    if (!batch) return batch.error();
    if (!push(std::move(batch))) return Ok{};
  }
  return Ok{};
}

// Full batches of articles as they are committed (newer rowids than any given so far); once
// the input is complete, the rest, and the articles stored again under an older rowid.
Status TaggingQueue::produce_arrivals(sqlite3* db) {
  Statement newer(db, std::string(kPendingSql) + " AND a.rowid > ?1 ORDER BY a.rowid LIMIT ?2");
  if (!newer.ok()) return store::sql::db_error(db, "reading articles to scan");
  std::unordered_set<std::int64_t> given;
  std::int64_t last = 0;
  for (;;) {
    bool complete = false;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return Ok{};
      complete = input_complete_;  // read before the query: what it finds then is all there is
    }
    std::vector<std::int64_t> rowids;
    newer.reset().bind(1, last).bind(2, static_cast<std::int64_t>(options_.batch_size));
    while (newer.step() == SQLITE_ROW) rowids.push_back(newer.int64(0));
    if (rowids.size() == options_.batch_size || (complete && !rowids.empty())) {
      auto batch = read_and_tag(db, rowids);
      if (!batch) return batch.error();
      given.insert(rowids.begin(), rowids.end());
      last = rowids.back();
      if (!push(std::move(batch))) return Ok{};
      continue;
    }
    if (complete) break;
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::milliseconds(100), [&] { return stopping_ || input_complete_; });
  }
  auto pending = pending_articles(db);
  if (!pending) return pending.error();
  std::vector<std::int64_t> missed;
  for (std::int64_t rowid : pending.value()) {
    if (!given.count(rowid)) missed.push_back(rowid);
  }
  return produce_in_batches(db, missed);
}

void TaggingQueue::produce(store::Store reader) {
  yield_to_the_caller();
  Status done = Ok{};
  if (follow_) {
    done = produce_arrivals(reader.handle());
  } else if (auto pending = pending_articles(reader.handle()); pending) {
    done = produce_in_batches(reader.handle(), pending.value());
  } else {
    done = pending.error();
  }
  std::lock_guard lock(mutex_);
  if (!done) ready_.push_back(done.error());  // the error ends the scan
  finished_ = true;
  changed_.notify_all();
}

Result<std::optional<TaggedBatch>> TaggingQueue::next() {
  if (!worker_.joinable()) {
    if (!inline_rowids_) {
      auto pending = pending_articles(caller_db_);
      if (!pending) return pending.error();
      inline_rowids_ = std::move(pending.value());
    }
    const auto& rowids = *inline_rowids_;
    if (inline_from_ >= rowids.size()) return std::optional<TaggedBatch>{};
    const std::size_t to = std::min(rowids.size(), inline_from_ + options_.batch_size);
    auto batch = read_and_tag(caller_db_, std::vector<std::int64_t>(rowids.begin() + static_cast<std::ptrdiff_t>(inline_from_),
                                                                    rowids.begin() + static_cast<std::ptrdiff_t>(to)));
    if (!batch) return batch.error();
    inline_from_ = to;
    return std::optional<TaggedBatch>(std::move(batch.value()));
  }
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return !ready_.empty() || finished_; });
  if (ready_.empty()) return std::optional<TaggedBatch>{};
  auto batch = std::move(ready_.front());
  ready_.pop_front();
  lock.unlock();
  changed_.notify_all();
  if (!batch) return batch.error();
  return std::optional<TaggedBatch>(std::move(batch.value()));
}

}  // namespace masar::entities
