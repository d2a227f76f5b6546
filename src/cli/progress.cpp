#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace masar::cli {

Progress::Progress(std::string label, std::size_t total, bool quiet)
    : label_(std::move(label)), total_(total), enabled_(!quiet && isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

Progress::~Progress() { finish(); }

double Progress::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::advance(std::size_t by) {
  done_ += by;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  draw(false);
}

void Progress::finish() {
  if (finished_) return;
  finished_ = true;
  if (enabled_) draw(true);
}

void Progress::draw(bool final) {
  const double secs = elapsed();
  const double rate = secs > 0 ? static_cast<double>(done_) / secs : 0.0;
  if (total_ > 0 && !final && rate > 0) {
    const double eta = static_cast<double>(total_ > done_ ? total_ - done_ : 0) / rate;
    std::fprintf(stderr, "\r%s: %zu/%zu (%.0f/s, ETA %.0fs)   ", label_.c_str(), done_, total_, rate, eta);
  } else {
    std::fprintf(stderr, "\r%s: %zu (%.0f/s)%s   ", label_.c_str(), done_, rate, final ? "\n" : "");
  }
  std::fflush(stderr);
}

}  // namespace masar::cli
