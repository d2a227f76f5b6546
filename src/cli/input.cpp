#include "cli/input.hpp"

#include <deque>
#include <future>
#include <iostream>

#include "cli/progress.hpp"
#include "masar/extract/readers.hpp"

namespace masar::cli {

std::vector<extract::PreparedArticle> read_and_prepare(const std::vector<std::string>& paths, bool quiet,
                                                       unsigned threads, ReadSummary& summary) {
  constexpr std::size_t kBatch = 256;
  using Batch = std::vector<extract::PreparedArticle>;
  std::vector<extract::PreparedArticle> out;
  std::deque<std::future<Batch>> in_flight;
  std::vector<extract::Article> batch;
  Progress progress("read", 0, quiet);
  auto collect_oldest = [&] {
    for (auto& p : in_flight.front().get()) out.push_back(std::move(p));
    in_flight.pop_front();
  };
  auto dispatch = [&] {
    if (batch.empty()) return;
    // The reader keeps one core; at most `threads` batches are prepared at a time.
    while (in_flight.size() >= std::max(1u, threads)) collect_oldest();
    in_flight.push_back(std::async(std::launch::async, [articles = std::move(batch)]() mutable {
      Batch prepared;
      prepared.reserve(articles.size());
      for (auto& a : articles) prepared.push_back(extract::Cleaner::prepare(std::move(a)));
      return prepared;
    }));
    batch = {};
    batch.reserve(kBatch);
  };
  auto sink = [&](extract::Article&& a) {
    batch.push_back(std::move(a));
    progress.advance();
    if (batch.size() == kBatch) dispatch();
  };
  auto problems = [&](const Error& e) {
    ++summary.problems;
    std::cerr << "masar: " << e.message << "\n";
  };
  for (const auto& path : paths) {
    Status status = path == "-" ? extract::read_jsonl_stream(std::cin, "<stdin>", sink, problems)
                                : extract::read_path(path, sink, problems);
    if (!status.ok()) {
      ++summary.unreadable_paths;
      std::cerr << "masar: " << status.error().message << "\n";
    }
  }
  dispatch();
  while (!in_flight.empty()) collect_oldest();
  progress.finish();
  summary.articles = out.size();
  return out;
}

}  // namespace masar::cli
