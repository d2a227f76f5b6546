// Which analysis chain built the full-text index, and re-indexing when it is another one;
// the versions of derived data in general (store_meta).
// The index is external-content FTS5: an update deletes an article's old terms by analyzing
// its old text again, so an index written by one analyzer and deleted from by another keeps
// terms no row holds. A writer therefore re-indexes before its first write.
#include "masar/store/store.hpp"
#include "masar/text/analyzer.hpp"
#include "store/sqlite_util.hpp"
#include "store/term_counts.hpp"

namespace masar::store {
namespace {

constexpr int kUnrecordedVersion = 1;  // files from before schema 8

}  // namespace

Result<std::optional<int>> Store::data_version(std::string_view key, std::string_view table) const {
  sql::Statement st(db_, "SELECT value FROM store_meta WHERE key = ?1");
  if (!st.ok()) return sql::db_error(db_, "reading the version of " + std::string(key));
  st.bind(1, key);
  const int rc = st.step();
  if (rc == SQLITE_ROW) return std::optional<int>(static_cast<int>(st.int64(0)));
  if (rc != SQLITE_DONE) return sql::db_error(db_, "reading the version of " + std::string(key));
  sql::Statement any(db_, "SELECT EXISTS(SELECT 1 FROM " + std::string(table) + ")");
  if (!any.ok() || any.step() != SQLITE_ROW) return sql::db_error(db_, "looking for rows of " + std::string(table));
  return any.int64(0) != 0 ? std::optional<int>(kUnrecordedVersion) : std::optional<int>();
}

Status Store::record_version(std::string_view key, int version) {
  sql::Statement st(db_, "INSERT OR REPLACE INTO store_meta(key, value) VALUES(?1, ?2)");
  if (!st.ok()) return sql::db_error(db_, "recording the version of " + std::string(key));
  st.bind(1, key).bind(2, static_cast<std::int64_t>(version));
  if (st.step() != SQLITE_DONE) return sql::db_error(db_, "recording the version of " + std::string(key));
  return Ok{};
}

int Store::index_analyzer_version() const {
  // An empty file without the row was just created: nothing in it was analyzed yet.
  auto built = data_version("analyzer", "articles");
  return built ? built.value().value_or(text::kAnalyzerVersion) : kUnrecordedVersion;
}

Status Store::match_index_to_analyzer() {
  auto built = data_version("analyzer", "articles");
  if (!built) return built.error();
  const int built_with = built.value().value_or(text::kAnalyzerVersion);
  if (built.value() == text::kAnalyzerVersion) return Ok{};  // recorded already (a new file records it below)
  if (Status s = begin(); !s) return s;
  Status done = record_version("analyzer", text::kAnalyzerVersion);
  if (done && built_with != text::kAnalyzerVersion) {
    // Copies are not indexed (upsert), so no 'rebuild' of the whole content table.
    done = sql::exec(db_,
                     "INSERT INTO articles_fts(articles_fts) VALUES('delete-all');"
                     "INSERT INTO articles_fts(rowid, title, body) SELECT rowid, title, body FROM articles WHERE dup_of IS NULL;");
  }
  if (!done) {
    (void)rollback();
    return make_error(done.error().code, "re-indexing with analyzer " + std::to_string(text::kAnalyzerVersion) + ": " + done.error().message);
  }
  if (Status s = commit(); !s) return s;
  if (built_with != text::kAnalyzerVersion) reindexed_from_ = built_with;
  term_counts_.reset();
  return Ok{};
}

}  // namespace masar::store
