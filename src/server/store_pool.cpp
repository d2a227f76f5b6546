#include "server/store_pool.hpp"

#include <sqlite3.h>

namespace masar::server {
namespace {

constexpr int kProgressSteps = 1000;  // virtual-machine steps between deadline checks (a few microseconds)

int past_deadline(void* context) {
  auto* reader = static_cast<Reader*>(context);
  if (std::chrono::steady_clock::now() < reader->deadline) return 0;
  reader->timed_out = true;
  return 1;  // SQLITE_INTERRUPT for the running statement
}

}  // namespace

ReaderPool::Lease::~Lease() {
  if (reader_ && pool_) pool_->release(std::move(reader_));
}

Result<ReaderPool::Lease> ReaderPool::acquire(std::chrono::milliseconds budget) {
  std::unique_ptr<Reader> reader;
  {
    std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      reader = std::move(free_.back());
      free_.pop_back();
    }
  }
  if (!reader) {
    auto store = store::Store::open(db_, store::OpenMode::read_only);
    if (!store) return store.error();
    reader = std::make_unique<Reader>(Reader{std::move(store.value()), {}, false});
    sqlite3_progress_handler(reader->store.handle(), kProgressSteps, &past_deadline, reader.get());
  }
  reader->deadline = std::chrono::steady_clock::now() + budget;
  reader->timed_out = false;
  return Lease(this, std::move(reader));
}

void ReaderPool::release(std::unique_ptr<Reader> reader) {
  std::lock_guard lock(mutex_);
  if (free_.size() < idle_) free_.push_back(std::move(reader));
}

}  // namespace masar::server
