#include "cli/input.hpp"

#include <iostream>

#include "cli/progress.hpp"
#include "masar/extract/readers.hpp"

namespace masar::cli {

std::vector<extract::Article> read_all(const std::vector<std::string>& paths, bool quiet, ReadSummary& summary) {
  std::vector<extract::Article> articles;
  Progress progress("read", 0, quiet);
  auto sink = [&](extract::Article&& a) {
    articles.push_back(std::move(a));
    progress.advance();
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
  progress.finish();
  summary.articles = articles.size();
  return articles;
}

}  // namespace masar::cli
