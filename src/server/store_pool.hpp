// Read-only connections for the worker threads, and the time budget of one request.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "masar/error.hpp"
#include "masar/store/store.hpp"

namespace masar::server {

// A connection with its request deadline. sqlite3_progress_handler checks the deadline every
// few thousand virtual-machine steps and interrupts the statement once it has passed.
struct Reader {
  store::Store store;
  std::chrono::steady_clock::time_point deadline;
  bool timed_out = false;
};

class ReaderPool {
 public:
  // `idle` connections are kept open between requests (one per worker thread).
  ReaderPool(std::filesystem::path db, std::size_t idle) : db_(std::move(db)), idle_(idle) {}

  // The connection goes back to the pool when the lease ends.
  class Lease {
   public:
    Lease(ReaderPool* pool, std::unique_ptr<Reader> reader) : pool_(pool), reader_(std::move(reader)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    store::Store& store() { return reader_->store; }
    // Whether the request ran out of its budget (so an error is a timeout, not a failure).
    bool timed_out() const { return reader_->timed_out; }

   private:
    ReaderPool* pool_;
    std::unique_ptr<Reader> reader_;
  };

  // A connection whose statements are interrupted after `budget`.
  Result<Lease> acquire(std::chrono::milliseconds budget);

 private:
  void release(std::unique_ptr<Reader> reader);
  std::filesystem::path db_;
  std::size_t idle_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Reader>> free_;
};

}  // namespace masar::server
