// Reading articles for the CLI commands: paths or "-" (stdin), problems reported on stderr
// as "masar: FILE:LINE: reason" and skipped.
#pragma once

#include <string>
#include <vector>

#include "masar/extract/article.hpp"
#include "masar/extract/cleaner.hpp"

namespace masar::cli {

struct ReadSummary {
  std::size_t articles = 0;
  std::size_t problems = 0;       // bad lines or files skipped
  std::size_t unreadable_paths = 0;
};

// Reads and runs Cleaner::prepare() at the same time: batches of articles are prepared on
// `threads` workers while the reader goes on. The result is in input order.
std::vector<extract::PreparedArticle> read_and_prepare(const std::vector<std::string>& paths, bool quiet,
                                                       unsigned threads, ReadSummary& summary);

}  // namespace masar::cli
