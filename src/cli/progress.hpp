// Progress of long jobs on stderr: count, rate and ETA, redrawn at most 5 times a second.
// Silent when stderr is not a terminal or when --quiet was given.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace masar::cli {

class Progress {
 public:
  Progress(std::string label, std::size_t total, bool quiet);
  ~Progress();
  void advance(std::size_t by = 1);
  void set_total(std::size_t total) { total_ = total; }
  // For jobs that report "done of total" as they go (batches).
  void update(std::size_t done, std::size_t total) {
    total_ = total;
    if (done > done_) advance(done - done_);
  }
  void finish();
  // Seconds since construction, for summaries.
  double elapsed() const;

 private:
  void draw(bool final);

  std::string label_;
  std::size_t total_;
  std::size_t done_ = 0;
  bool enabled_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace masar::cli
