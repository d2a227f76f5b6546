#include "masar/search/searcher.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "masar/text/analyzer.hpp"
#include "search/coverage.hpp"
#include "store/sqlite_util.hpp"

namespace masar::search {
namespace {

using detail::Coverage;
using detail::LazyCoverage;
using detail::Ranked;
using store::sql::Statement;

constexpr std::size_t kAllModeMaxWords = 4;

std::string number(double v) {
  std::string s = std::to_string(v);
  return s;
}

constexpr const char* kMatchFrom =
    "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?1";

// The date and source filters, on parameters ?2 (from), ?3 (to) and ?4 (source).
// `a` is the table alias that holds date and source (articles, or article_facets).
std::string filter_sql(const SearchRequest& req, const std::string& a = "a") {
  std::string sql;
  if (!req.from.empty()) sql += " AND " + a + ".date >= ?2";
  if (!req.to.empty()) sql += " AND substr(" + a + ".date, 1, length(?3)) <= ?3";
  if (!req.source.empty()) sql += " AND " + a + ".source = ?4";
  return sql;
}

void bind_match(Statement& st, const std::string& fts, const SearchRequest& req) {
  st.bind(1, fts);
  if (!req.from.empty()) st.bind(2, req.from);
  if (!req.to.empty()) st.bind(3, req.to);
  if (!req.source.empty()) st.bind(4, req.source);
}

// Phrases of an FTS5 expression: strings in double quotes, a quote inside written twice.
std::size_t phrase_count(std::string_view fts) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < fts.size(); ++i) {
    if (fts[i] != '"') continue;
    ++n;
    for (++i; i < fts.size(); ++i) {
      if (fts[i] != '"') continue;
      if (i + 1 < fts.size() && fts[i + 1] == '"') {
        ++i;
        continue;
      }
      break;
    }
  }
  return n;
}

Result<std::int64_t> count_matches(sqlite3* db, const std::string& fts, const SearchRequest& req) {
  Statement st(db, std::string("SELECT count(*) ") + kMatchFrom + filter_sql(req));
  if (!st.ok()) return store::sql::db_error(db, "preparing a count");
  bind_match(st, fts, req);
  if (st.step() != SQLITE_ROW) return make_error(Errc::invalid_argument, std::string("search failed: ") + sqlite3_errmsg(db));
  return st.int64(0);
}

// Ranks every match but reads and marks up only the page of hits returned. The ranking reads
// the FTS table alone (and the narrow facets table when a date or source filter applies):
// joining the wide articles rows costs a B-tree lookup per match, and a claim-long query
// matches most of the collection. highlight() and masar_snippet() run per hit, bound to its rowid.
// `coverage` (may be null): the head of the ranking is reordered by it. The list is then read
// from its top and the page cut from it, so every page sees the same order and scores.
Status run(sqlite3* db, const std::string& fts, const SearchRequest& req, std::size_t limit,
           const std::vector<double>& phrase_weights, LazyCoverage* coverage, std::unordered_set<std::string>& seen,
           std::vector<SearchHit>& hits) {
  std::string weights;
  for (double w : phrase_weights) weights += ", " + number(w);
  const bool filtered = !req.from.empty() || !req.to.empty() || !req.source.empty();
  std::string sql = "SELECT articles_fts.rowid, masar_rank(articles_fts, " + number(kBm25K1) + ", " + number(kBm25B) +
                    ", " + number(kTitleWeight) + ", " + number(kBodyWeight) + weights + ") AS score FROM articles_fts " +
                    (filtered ? "JOIN article_facets f ON f.rowid = articles_fts.rowid " : "") +
                    "WHERE articles_fts MATCH ?1" + (filtered ? filter_sql(req, "f") : "") +
                    " ORDER BY score DESC LIMIT ?5 OFFSET ?6";
  Statement st(db, sql);
  if (!st.ok()) return store::sql::db_error(db, "preparing the search");
  bind_match(st, fts, req);
  const bool from_top = coverage != nullptr && coverage->may_apply();
  const std::size_t wanted = limit + seen.size();
  st.bind(5, static_cast<std::int64_t>(from_top ? std::max(Coverage::kDepth, req.offset + wanted) : wanted))
      .bind(6, static_cast<std::int64_t>(from_top ? 0 : req.offset));
  std::vector<Ranked> ranked;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) ranked.push_back(Ranked{st.int64(0), st.real(1)});
  if (rc != SQLITE_DONE) return make_error(Errc::invalid_argument, std::string("search failed: ") + sqlite3_errmsg(db));
  if (from_top) {
    auto built = coverage->get();
    if (!built) return built.error();
    built.value()->rerank(ranked);
  }
  Statement article(db, "SELECT id, title, date, source FROM articles WHERE rowid = ?1");
  if (!article.ok()) return store::sql::db_error(db, "reading hits");
  std::vector<std::int64_t> rowids;
  const std::size_t first_new = hits.size();
  for (std::size_t i = from_top ? req.offset : 0; i < ranked.size() && hits.size() < limit; ++i) {
    const std::int64_t rowid = ranked[i].rowid;
    article.reset().bind(1, rowid);
    if (article.step() != SQLITE_ROW) continue;  // an index row without its article: not a hit
    std::string id = article.text(0);
    if (!seen.insert(id).second) continue;
    rowids.push_back(rowid);
    hits.push_back(SearchHit{std::move(id), article.text(1), article.text(2), article.text(3), "", ranked[i].score, {}});
  }
  // Copies are stored but not indexed: each hit carries the ids of its copies.
  Statement copies(db, "SELECT id FROM articles WHERE dup_of = ?1 ORDER BY rowid");
  if (!copies.ok()) return store::sql::db_error(db, "reading duplicates");
  for (std::size_t i = 0; i < rowids.size(); ++i) {
    copies.reset().bind(1, rowids[i]);
    while (copies.step() == SQLITE_ROW) hits[first_new + i].duplicates.push_back(copies.text(0));
  }
  if (!req.snippets) return Ok{};
  Statement mark(db,
                 "SELECT highlight(articles_fts, 0, ?2, ?3), masar_snippet(articles_fts, 1, ?2, ?3, '…', ?4) "
                 "FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid = ?5");
  if (!mark.ok()) return store::sql::db_error(db, "preparing snippets");
  for (std::size_t i = 0; i < rowids.size(); ++i) {
    mark.reset().bind(1, fts).bind(2, req.mark_open).bind(3, req.mark_close)
        .bind(4, static_cast<std::int64_t>(req.snippet_tokens)).bind(5, rowids[i]);
    if (mark.step() == SQLITE_ROW) {
      hits[first_new + i].title = mark.text(0);
      hits[first_new + i].snippet = mark.text(1);
    }
  }
  return Ok{};
}

// RM3-style expansion: terms frequent in the top hits (weighted by their scores), rare in
// the collection, and not already in the query.
std::vector<std::pair<std::string, double>> feedback_terms(sqlite3* db, const std::vector<SearchHit>& top,
                                                           const std::unordered_set<std::string>& query_terms,
                                                           const SearchRequest& req) {
  std::vector<std::pair<std::string, double>> out;
  if (top.empty()) return out;
  Statement doc(db, "SELECT title, body FROM articles WHERE id = ?1");
  Statement df(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1");
  Statement rows(db, "SELECT count(*) FROM articles WHERE dup_of IS NULL");
  if (!doc.ok() || !df.ok() || !rows.ok() || rows.step() != SQLITE_ROW) return out;
  const double n = static_cast<double>(std::max<std::int64_t>(1, rows.int64(0)));
  double total_score = 0;
  for (const auto& h : top) total_score += std::max(0.0, h.score);
  if (total_score <= 0) return out;
  std::unordered_map<std::string, std::pair<double, int>> model;  // term -> (weight, feedback docs)
  for (const auto& h : top) {
    doc.reset().bind(1, h.id);
    if (doc.step() != SQLITE_ROW) continue;
    std::unordered_map<std::string, int> tf;
    std::size_t length = 0;
    const std::string text = doc.text(0) + "\n" + doc.text(1);
    text::Analyzer::standard().analyze(text, [&](const text::Term& t) {
      ++length;
      if (t.kind == text::TokenKind::arabic && t.text.size() >= 6 && !query_terms.count(t.text)) ++tf[t.text];
    });
    if (length == 0) continue;
    const double w = std::max(0.0, h.score) / total_score;
    for (const auto& [term, count] : tf) {
      auto& m = model[term];
      m.first += w * count / static_cast<double>(length);
      ++m.second;
    }
  }
  for (auto& [term, m] : model) {
    if (m.second < 2) continue;  // one page's vocabulary is not the topic's
    df.reset().bind(1, "\"" + term + "\"");
    const double d = df.step() == SQLITE_ROW ? static_cast<double>(df.int64(0)) : 1.0;
    out.emplace_back(term, m.first * std::log(n / std::max(1.0, d)));
  }
  const std::size_t keep = std::min(out.size(), req.feedback_terms);
  std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(keep), out.end(),
                    [](const auto& a, const auto& b) { return a.second > b.second; });
  out.resize(keep);
  if (!out.empty() && out.front().second > 0) {
    const double top_weight = out.front().second;
    for (auto& [term, w] : out) w = req.feedback_weight * w / top_weight;
  }
  return out;
}

// Long any-word queries (claims, whole sentences) list many words that occur in a large share
// of the collection. Their BM25 weight is close to nothing, but every document containing
// one must still be ranked: dropping them from the match keeps the ranking and skips that
// work. Phrases, OR groups and short queries are left alone.
ParsedQuery without_common_words(const store::Store& store, const ParsedQuery& q, double max_share) {
  constexpr std::size_t kMinWordsKept = 3;
  if (q.word_count() <= kMinWordsKept) return q;
  const auto rows = store.indexed_article_count();
  if (!rows) return q;
  const double n = static_cast<double>(rows.value());
  ParsedQuery out;
  out.excluded = q.excluded;
  for (const auto& group : q.groups) {
    if (group.size() == 1 && !group[0].phrase) {
      std::vector<std::string> terms;
      text::Analyzer::standard().analyze(group[0].text, [&](const text::Term& t) { terms.push_back(t.text); });
      if (terms.size() == 1) {
        const auto d = store.term_document_count(terms[0]);
        if (d && static_cast<double>(d.value()) > max_share * n) continue;
      }
    }
    out.groups.push_back(group);
  }
  return out.word_count() >= kMinWordsKept ? out : q;
}

std::unordered_set<std::string> analyzed_terms(const ParsedQuery& q) {
  std::unordered_set<std::string> terms;
  for (const auto& group : q.groups) {
    for (const auto& item : group) {
      text::Analyzer::standard().analyze(item.text, [&](const text::Term& t) { terms.insert(t.text); });
    }
  }
  return terms;
}

// How a request is matched: the parsed query (common words dropped in "any" mode), the mode
// of the first run, and whether any-word hits follow the all-word ones.
struct Plan {
  ParsedQuery parsed;
  ParsedQuery every_word;  // the groups before the common words left the match (coverage)
  MatchMode first = MatchMode::all;
  bool top_up = false;
};

Plan plan_of(const store::Store& store, const SearchRequest& req) {
  Plan plan;
  plan.parsed = parse_query(req.query);
  if (plan.parsed.empty()) return plan;
  plan.every_word.groups = plan.parsed.groups;
  const bool short_query = plan.parsed.word_count() <= kAllModeMaxWords;
  plan.first = req.mode == ModeChoice::all ? MatchMode::all
               : req.mode == ModeChoice::any ? MatchMode::any
               : short_query ? MatchMode::all : MatchMode::any;
  if (plan.first == MatchMode::any && req.common_word_share < 1.0) {
    plan.parsed = without_common_words(store, plan.parsed, req.common_word_share);
  }
  plan.top_up = req.mode == ModeChoice::automatic && plan.first == MatchMode::all && plan.parsed.word_count() > 1;
  return plan;
}

}  // namespace

Result<SearchFacets> facets(const store::Store& store, const SearchRequest& req) {
  sqlite3* db = store.handle();
  SearchFacets out;
  const Plan plan = plan_of(store, req);
  if (plan.parsed.empty()) return out;
  const std::string fts = to_fts5(plan.parsed, plan.top_up ? MatchMode::any : plan.first);
  if (fts.empty()) return out;
  // The narrow side table, not the wide articles rows: one page holds a hundred of its rows.
  Statement st(db, "SELECT f.source, substr(f.date, 1, 7), count(*) FROM articles_fts "
                   "JOIN article_facets f ON f.rowid = articles_fts.rowid WHERE articles_fts MATCH ?1" +
                       filter_sql(req, "f") + " GROUP BY 1, 2");
  if (!st.ok()) return store::sql::db_error(db, "preparing facets");
  bind_match(st, fts, req);
  std::unordered_map<std::string, std::int64_t> sources, months;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    const std::int64_t n = st.int64(2);
    sources[st.text(0)] += n;
    months[st.text(1)] += n;
    out.total += n;
  }
  if (rc != SQLITE_DONE) return make_error(Errc::invalid_argument, std::string("search failed: ") + sqlite3_errmsg(db));
  for (const auto& [value, n] : sources) out.source.push_back({value, n});
  for (const auto& [value, n] : months) out.month.push_back({value, n});
  std::sort(out.source.begin(), out.source.end(),
            [](const auto& a, const auto& b) { return a.count != b.count ? a.count > b.count : a.value < b.value; });
  std::sort(out.month.begin(), out.month.end(), [](const auto& a, const auto& b) {
    return a.value.empty() != b.value.empty() ? b.value.empty() : a.value < b.value;  // undated last
  });
  return out;
}

Result<SearchResponse> search(const store::Store& store, const SearchRequest& req) {
  const auto start = std::chrono::steady_clock::now();
  SearchResponse out;
  Plan plan = plan_of(store, req);
  if (plan.parsed.empty()) {
    out.took_ms = 0;
    return out;  // nothing searchable: no hits, not an error
  }
  ParsedQuery& parsed = plan.parsed;
  const MatchMode first = plan.first;
  std::unordered_set<std::string> seen;
  out.fts_query = to_fts5(parsed, first);
  const bool feedback = first == MatchMode::any && req.feedback_docs > 0 && req.offset == 0;
  const std::size_t first_limit = feedback ? std::max(req.limit, req.feedback_docs) : req.limit;
  // Coverage reorders hits that hold some of the words (an all-words match holds them all).
  LazyCoverage coverage(store, plan.every_word);
  LazyCoverage* any_coverage = req.coverage ? &coverage : nullptr;
  LazyCoverage* first_coverage = first == MatchMode::any ? any_coverage : nullptr;
  if (Status s = run(store.handle(), out.fts_query, req, first_limit, {}, first_coverage, seen, out.hits); !s) {
    return s.error();
  }
  if (feedback && !out.hits.empty()) {
    std::vector<SearchHit> top(out.hits.begin(), out.hits.begin() + static_cast<std::ptrdiff_t>(std::min(out.hits.size(), req.feedback_docs)));
    auto terms = feedback_terms(store.handle(), top, analyzed_terms(parsed), req);
    if (!terms.empty()) {
      std::vector<std::string> extra;
      std::vector<double> weights(parsed.word_count(), 1.0);
      for (auto& [t, w] : terms) {
        extra.push_back(t);
        weights.push_back(w);
        out.expansion.push_back(t);
      }
      out.fts_query = to_fts5(parsed, first, extra);
      seen.clear();
      out.hits.clear();
      if (Status s = run(store.handle(), out.fts_query, req, req.limit, weights, first_coverage, seen, out.hits); !s) {
        return s.error();
      }
    }
  }
  if (out.hits.size() > req.limit) out.hits.resize(req.limit);
  // Short queries: documents with every word first, then those with some of them.
  if (plan.top_up && out.hits.size() < req.limit) {
    const std::string all = out.fts_query;
    // The any-word list without the all-word matches, on every page, so that every page
    // reorders the same head. The phrases after NOT are the same as before it: weighted 0 they
    // leave the scores as they are.
    const std::string any_words = to_fts5(parsed, MatchMode::any);
    const std::size_t phrases = phrase_count(any_words);
    std::vector<double> weights(phrases, 1.0);
    weights.resize(2 * phrases, 0.0);
    const std::string any = "(" + any_words + ") NOT (" + all + ")";
    SearchRequest rest = req;
    if (req.offset > 0) {
      // A later page: the any-word list goes on after every all-word match, not after this
      // page's, so pages neither repeat nor skip an article.
      auto all_count = count_matches(store.handle(), all, req);
      if (!all_count) return all_count.error();
      const auto before = static_cast<std::size_t>(all_count.value());
      rest.offset = req.offset > before ? req.offset - before : 0;
    }
    if (Status s = run(store.handle(), any, rest, req.limit, weights, any_coverage, seen, out.hits); !s) return s.error();
    out.fts_query += " || " + any;
  }
  out.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace masar::search
