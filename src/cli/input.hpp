// Reading articles for the CLI commands: paths or "-" (stdin), problems reported on stderr
// as "masar: FILE:LINE: reason" and skipped.
#pragma once

#include <string>
#include <vector>

#include "masar/extract/article.hpp"

namespace masar::cli {

struct ReadSummary {
  std::size_t articles = 0;
  std::size_t problems = 0;       // bad lines or files skipped
  std::size_t unreadable_paths = 0;
};

std::vector<extract::Article> read_all(const std::vector<std::string>& paths, bool quiet, ReadSummary& summary);

}  // namespace masar::cli
