#include "entities/tagging.hpp"

#include <algorithm>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

#include "masar/util/parallel.hpp"
#include "store/sqlite_util.hpp"

namespace masar::entities {

TaggingQueue::TaggingQueue(sqlite3* db, std::vector<std::int64_t> rowids, const NerModel& model,
                           const EntityRunOptions& options, const ArticleObserver* observer)
    : rowids_(std::move(rowids)), model_(model), options_(options), observer_(observer), caller_db_(db) {
  if (rowids_.empty()) return;
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

Result<TaggedBatch> TaggingQueue::tag_batch(sqlite3* db, std::size_t from) {
  const std::size_t to = std::min(rowids_.size(), from + options_.batch_size);
  store::sql::Statement text(db, "SELECT title, body, substr(date, 1, 10) FROM articles WHERE rowid = ?1");
  if (!text.ok()) return store::sql::db_error(db, "preparing to read articles for entities");
  TaggedBatch batch;
  batch.done = to;
  batch.articles.resize(to - from);
  for (std::size_t k = from; k < to; ++k) {
    TaggedText& t = batch.articles[k - from];
    t.rowid = rowids_[k];
    text.reset().bind(1, t.rowid);
    if (text.step() == SQLITE_ROW) t.title = text.text(0), t.body = text.text(1), t.date = text.text(2);
  }
  util::parallel_for(batch.articles.size(), options_.threads, [&](std::size_t i) {
    TaggedText& t = batch.articles[i];
    t.title_mentions = find_mentions(t.title, model_);
    t.body_mentions = find_mentions(t.body, model_);
    if (observer_) t.prepared = observer_->prepare({t.rowid, t.title, t.body, t.date, t.title_mentions, t.body_mentions});
  }, 8);
  return batch;
}

namespace {

// Tagging ahead should take the cores the caller's thread leaves idle (it tracks events
// meanwhile, and that is the longer path), not share them evenly with it. Threads this one
// starts inherit the lower priority.
void yield_to_the_caller() {
#ifdef __linux__
  (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
#endif
}

}  // namespace

void TaggingQueue::produce(store::Store reader) {
  yield_to_the_caller();
  for (std::size_t from = 0; from < rowids_.size(); from += options_.batch_size) {
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stopping_ || ready_.size() < kAhead; });
      if (stopping_) return;
    }
    auto batch = tag_batch(reader.handle(), from);
    const bool failed = !batch;
    {
      std::lock_guard lock(mutex_);
      ready_.push_back(std::move(batch));
    }
    changed_.notify_all();
    if (failed) break;  // the error ends the scan
  }
  {
    std::lock_guard lock(mutex_);
    finished_ = true;
  }
  changed_.notify_all();
}

Result<std::optional<TaggedBatch>> TaggingQueue::next() {
  if (!worker_.joinable()) {
    if (next_from_ >= rowids_.size()) return std::optional<TaggedBatch>{};
    auto batch = tag_batch(caller_db_, next_from_);
    if (!batch) return batch.error();
    next_from_ = batch->done;
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
