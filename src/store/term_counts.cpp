// Document frequencies for the searcher (which drops the words most articles hold from long
// queries), cached per connection. Reading one from the index walks the term's whole document
// list — a common word's is long, and common words are the ones asked for.
#include "store/term_counts.hpp"

#include <algorithm>

namespace masar::store {
namespace {

// Bounds the cache of a long-lived connection (a server's): cleared when full.
constexpr std::size_t kMaxTerms = 100000;
constexpr std::size_t kMaxCachedRows = std::size_t{1} << 22;  // 32 MB of rowids a connection

}  // namespace

Status Store::TermCounts::refresh(sqlite3* db, std::unique_ptr<TermCounts>& counts) {
  if (!counts) {
    if (Status s = sql::exec(db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.masar_vocab USING fts5vocab(main, 'articles_fts', 'row')"); !s) {
      return s;
    }
    counts = std::make_unique<TermCounts>(TermCounts{sql::Statement(db, "PRAGMA data_version"),
                                                     sql::Statement(db, "SELECT doc FROM temp.masar_vocab WHERE term = ?1"), -1, {}, {},
                                                     sql::Statement(db, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1"),
                                                     {}, 0});
    if (!counts->data_version.ok() || !counts->documents.ok() || !counts->matching.ok()) {
      counts.reset();
      return sql::db_error(db, "preparing term counts");
    }
  }
  TermCounts& c = *counts;
  if (c.data_version.reset().step() != SQLITE_ROW) return sql::db_error(db, "reading the data version");
  const std::int64_t version = c.data_version.int64(0);
  c.data_version.reset();  // a statement left on a row keeps its read transaction, and this connection's snapshot, open
  if (version != c.version) {
    c.version = version;
    c.articles.reset();
    c.by_term.clear();
    c.rows_by_query.clear();
    c.cached_rows = 0;
  }
  if (c.by_term.size() >= kMaxTerms) c.by_term.clear();
  if (c.cached_rows >= kMaxCachedRows) {
    c.rows_by_query.clear();
    c.cached_rows = 0;
  }
  return Ok{};
}

Result<std::int64_t> Store::term_document_count(const std::string& term) const {
  if (Status s = TermCounts::refresh(db_, term_counts_); !s) return s.error();
  TermCounts& c = *term_counts_;
  if (const auto it = c.by_term.find(term); it != c.by_term.end()) return it->second;
  c.documents.reset().bind(1, term);
  const int rc = c.documents.step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sql::db_error(db_, "counting the articles of a term");
  const std::int64_t n = rc == SQLITE_ROW ? c.documents.int64(0) : 0;
  c.documents.reset();
  c.by_term.emplace(term, n);
  return n;
}

Result<std::shared_ptr<const std::vector<std::int64_t>>> Store::matching_articles(const std::string& fts) const {
  if (Status s = TermCounts::refresh(db_, term_counts_); !s) return s.error();
  TermCounts& c = *term_counts_;
  if (const auto it = c.rows_by_query.find(fts); it != c.rows_by_query.end()) return it->second;
  c.matching.reset().bind(1, fts);
  const sql::ResetAtExit done(c.matching);
  auto rows = std::make_shared<std::vector<std::int64_t>>();
  int rc;
  while ((rc = c.matching.step()) == SQLITE_ROW) rows->push_back(c.matching.int64(0));
  if (rc != SQLITE_DONE) return sql::db_error(db_, "reading the articles of a query word");
  if (!std::is_sorted(rows->begin(), rows->end())) std::sort(rows->begin(), rows->end());
  c.cached_rows += rows->size() + 1;  // an empty list still takes an entry
  c.rows_by_query.emplace(fts, rows);
  return std::shared_ptr<const std::vector<std::int64_t>>(std::move(rows));
}

Result<std::int64_t> Store::indexed_article_count() const {
  if (Status s = TermCounts::refresh(db_, term_counts_); !s) return s.error();
  TermCounts& c = *term_counts_;
  if (!c.articles) {
    // Copies are stored but not indexed.
    sql::Statement rows(db_, "SELECT count(*) FROM articles WHERE dup_of IS NULL");
    if (!rows.ok() || rows.step() != SQLITE_ROW) return sql::db_error(db_, "counting indexed articles");
    c.articles = rows.int64(0);
  }
  return *c.articles;
}

}  // namespace masar::store
