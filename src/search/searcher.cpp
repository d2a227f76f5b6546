#include "masar/search/searcher.hpp"

#include <chrono>
#include <unordered_set>

#include "store/sqlite_util.hpp"

namespace masar::search {
namespace {

using store::sql::Statement;

constexpr std::size_t kAllModeMaxWords = 4;

Status run(sqlite3* db, const std::string& fts, const SearchRequest& req, std::size_t limit,
           std::unordered_set<std::string>& seen, std::vector<SearchHit>& hits) {
  std::string sql =
      "SELECT a.id, highlight(articles_fts, 0, ?2, ?3), a.date, a.source, "
      "snippet(articles_fts, 1, ?2, ?3, '…', ?4), masar_rank(articles_fts, " + std::to_string(kBm25K1) + ", " +
      std::to_string(kBm25B) + ", " + std::to_string(kTitleWeight) + ", " + std::to_string(kBodyWeight) +
      ") AS score FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
      "WHERE articles_fts MATCH ?1";
  if (!req.from.empty()) sql += " AND a.date >= ?5";
  if (!req.to.empty()) sql += " AND substr(a.date, 1, length(?6)) <= ?6";
  if (!req.source.empty()) sql += " AND a.source = ?7";
  sql += " ORDER BY score DESC LIMIT ?8 OFFSET ?9";
  Statement st(db, sql);
  if (!st.ok()) return store::sql::db_error(db, "preparing the search");
  st.bind(1, fts).bind(2, req.mark_open).bind(3, req.mark_close).bind(4, static_cast<std::int64_t>(req.snippet_tokens));
  if (!req.from.empty()) st.bind(5, req.from);
  if (!req.to.empty()) st.bind(6, req.to);
  if (!req.source.empty()) st.bind(7, req.source);
  st.bind(8, static_cast<std::int64_t>(limit + seen.size())).bind(9, static_cast<std::int64_t>(req.offset));
  int rc;
  while ((rc = st.step()) == SQLITE_ROW && hits.size() < limit) {
    std::string id = st.text(0);
    if (!seen.insert(id).second) continue;
    hits.push_back(SearchHit{std::move(id), st.text(1), st.text(2), st.text(3), st.text(4), st.real(5)});
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    return make_error(Errc::invalid_argument, std::string("search failed: ") + sqlite3_errmsg(db));
  }
  return Ok{};
}

}  // namespace

Result<SearchResponse> search(const store::Store& store, const SearchRequest& req) {
  const auto start = std::chrono::steady_clock::now();
  SearchResponse out;
  const ParsedQuery parsed = parse_query(req.query);
  if (parsed.empty()) {
    out.took_ms = 0;
    return out;  // nothing searchable: no hits, not an error
  }
  const bool short_query = parsed.word_count() <= kAllModeMaxWords;
  const MatchMode first = req.mode == ModeChoice::all ? MatchMode::all
                          : req.mode == ModeChoice::any ? MatchMode::any
                          : short_query ? MatchMode::all : MatchMode::any;
  std::unordered_set<std::string> seen;
  out.fts_query = to_fts5(parsed, first);
  if (Status s = run(store.handle(), out.fts_query, req, req.limit, seen, out.hits); !s) return s.error();
  // Short queries: documents with every word first, then those with some of them.
  if (req.mode == ModeChoice::automatic && first == MatchMode::all && out.hits.size() < req.limit &&
      parsed.word_count() > 1) {
    const std::string any = to_fts5(parsed, MatchMode::any);
    if (Status s = run(store.handle(), any, req, req.limit, seen, out.hits); !s) return s.error();
    out.fts_query += " || " + any;
  }
  out.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace masar::search
