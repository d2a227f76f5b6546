// Store::TermCounts: the document frequencies read from the full-text index, kept while the
// database is unchanged (store/term_counts.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "masar/store/store.hpp"
#include "store/sqlite_util.hpp"

namespace masar::store {

struct Store::TermCounts {
  sql::Statement data_version;  // PRAGMA data_version: changes when another connection commits
  sql::Statement documents;     // of one term, through the fts5vocab table temp.masar_vocab
  std::int64_t version = -1;
  std::optional<std::int64_t> articles;
  std::unordered_map<std::string, std::int64_t> by_term;
  sql::Statement matching;  // the rowids of one FTS5 expression
  std::unordered_map<std::string, std::shared_ptr<const std::vector<std::int64_t>>> rows_by_query;
  std::size_t cached_rows = 0;

  // Prepares `counts` on first use; empties it when the database changed since it was filled.
  static Status refresh(sqlite3* db, std::unique_ptr<TermCounts>& counts);
};

}  // namespace masar::store
