#include "server/metrics.hpp"

#include <sstream>

namespace masar::server {
namespace {

// A label value: backslash, double quote and newline escaped.
std::string label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::observe(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  auto& h = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.below[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::add_ingested(std::int64_t articles) {
  std::lock_guard lock(mutex_);
  ingested_ += articles;
}

std::string Metrics::exposition(std::int64_t articles) const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  out.precision(9);
  out << "# HELP masar_http_requests_total HTTP requests answered, by route and status.\n"
      << "# TYPE masar_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    out << "masar_http_requests_total{path=\"" << label(key.first) << "\",status=\"" << key.second << "\"} " << n << "\n";
  }
  out << "# HELP masar_http_request_duration_seconds Time to answer a request, by route.\n"
      << "# TYPE masar_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    const std::string path = "path=\"" + label(route) + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.below[i];
      out << "masar_http_request_duration_seconds_bucket{" << path << ",le=\"" << kBuckets[i] << "\"} " << cumulative
          << "\n";
    }
    out << "masar_http_request_duration_seconds_bucket{" << path << ",le=\"+Inf\"} " << h.count << "\n"
        << "masar_http_request_duration_seconds_sum{" << path << "} " << h.sum << "\n"
        << "masar_http_request_duration_seconds_count{" << path << "} " << h.count << "\n";
  }
  out << "# HELP masar_articles Articles in the database.\n# TYPE masar_articles gauge\nmasar_articles " << articles
      << "\n# HELP masar_ingested_total Articles received by POST /api/articles since start.\n"
      << "# TYPE masar_ingested_total counter\nmasar_ingested_total " << ingested_ << "\n";
  return out.str();
}

}  // namespace masar::server
