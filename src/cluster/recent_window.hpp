// The articles of the recent window that tracking counts again when an ingest continues from
// saved events (internal to cluster/).
#pragma once

#include <string>
#include <vector>

#include "masar/error.hpp"

struct sqlite3;

namespace masar::cluster {

struct WindowArticle {
  double time = 0;  // days since the epoch
  std::string title, body;
};

// The tracked articles (copies aside) of the `days` before `earliest` up to it, in time order:
// what a run over the whole archive in publication order would have counted on reaching
// `earliest`.
Result<std::vector<WindowArticle>> recent_window_articles(sqlite3* db, double earliest, double days);

}  // namespace masar::cluster
