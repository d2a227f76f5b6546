// Prometheus counters of the server, written in the text exposition format (version 0.0.4):
// requests by route and status, a latency histogram by route, articles ingested.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace masar::server {

class Metrics {
 public:
  // `route` is the route pattern ("/api/articles/{id}"), never the raw path, so the number of
  // series stays bounded.
  void observe(const std::string& route, int status, double seconds);
  void add_ingested(std::int64_t articles);
  // The exposition, with the current number of stored articles.
  std::string exposition(std::int64_t articles) const;

  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> below{};  // not cumulative; summed when written
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::int64_t ingested_ = 0;
};

}  // namespace masar::server
