// masar_rank(fts, k1, b, title_weight, body_weight [, phrase weights...]): BM25F over the
// FTS5 row, as an FTS5 auxiliary function. Optional per-phrase weights (in the order the
// phrases appear in the MATCH expression, default 1) let query expansion terms count less. Unlike FTS5's bm25(), which sums per-column BM25 scores, BM25F adds
// the column-weighted, length-normalized frequencies first and saturates once, so a word
// in the title and the body is not counted as two independent words. Higher is better.
#include <sqlite3.h>

#include <cmath>
#include <vector>

#include "masar/store/store.hpp"
#include "store/fts5_api.hpp"

namespace masar::store {
namespace {

struct QueryStats {
  int phrases = 0;
  int columns = 0;
  std::vector<double> idf;         // per phrase
  std::vector<double> avg_length;  // per column
};

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* user) {
  ++*static_cast<sqlite3_int64*>(user);
  return SQLITE_OK;
}

// Document frequencies are the same for every row of one query: computed once, kept as
// FTS5 auxdata (freed by FTS5 when the query ends).
QueryStats* query_stats(const Fts5ExtensionApi* api, Fts5Context* ctx, int* rc) {
  auto* stats = static_cast<QueryStats*>(api->xGetAuxdata(ctx, 0));
  if (stats) return stats;
  stats = new QueryStats;
  stats->phrases = api->xPhraseCount(ctx);
  stats->columns = api->xColumnCount(ctx);
  sqlite3_int64 rows = 0;
  *rc = api->xRowCount(ctx, &rows);
  stats->avg_length.assign(static_cast<std::size_t>(stats->columns), 1.0);
  for (int c = 0; c < stats->columns && *rc == SQLITE_OK; ++c) {
    sqlite3_int64 total = 0;
    *rc = api->xColumnTotalSize(ctx, c, &total);
    if (rows > 0 && total > 0) stats->avg_length[static_cast<std::size_t>(c)] = static_cast<double>(total) / static_cast<double>(rows);
  }
  for (int p = 0; p < stats->phrases && *rc == SQLITE_OK; ++p) {
    sqlite3_int64 df = 0;
    *rc = api->xQueryPhrase(ctx, p, &df, &count_row);
    const double n = static_cast<double>(rows), d = static_cast<double>(df);
    // The BM25 idf, floored like FTS5 so very common words still count a little.
    stats->idf.push_back(std::max(1e-6, std::log((n - d + 0.5) / (d + 0.5))));
  }
  if (*rc == SQLITE_OK) *rc = api->xSetAuxdata(ctx, stats, [](void* p) { delete static_cast<QueryStats*>(p); });
  if (*rc != SQLITE_OK) {
    delete stats;
    return nullptr;
  }
  return stats;
}

void masar_rank(const Fts5ExtensionApi* api, Fts5Context* ctx, sqlite3_context* result, int argc, sqlite3_value** argv) {
  auto arg = [&](int i, double fallback) { return i < argc ? sqlite3_value_double(argv[i]) : fallback; };
  const double k1 = arg(0, 1.2), b = arg(1, 0.75);
  int rc = SQLITE_OK;
  QueryStats* stats = query_stats(api, ctx, &rc);
  if (!stats) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  std::vector<double> weight(static_cast<std::size_t>(stats->columns), 1.0);
  for (int c = 0; c < stats->columns; ++c) weight[static_cast<std::size_t>(c)] = arg(2 + c, 1.0);
  std::vector<double> norm(static_cast<std::size_t>(stats->columns), 1.0);
  for (int c = 0; c < stats->columns; ++c) {
    int length = 0;
    if (api->xColumnSize(ctx, c, &length) != SQLITE_OK) length = 0;
    norm[static_cast<std::size_t>(c)] = 1.0 - b + b * static_cast<double>(length) / stats->avg_length[static_cast<std::size_t>(c)];
  }
  std::vector<double> tf(static_cast<std::size_t>(stats->phrases), 0.0);
  int instances = 0;
  if ((rc = api->xInstCount(ctx, &instances)) != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  for (int i = 0; i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if (api->xInst(ctx, i, &phrase, &column, &offset) != SQLITE_OK) continue;
    tf[static_cast<std::size_t>(phrase)] += weight[static_cast<std::size_t>(column)] / norm[static_cast<std::size_t>(column)];
  }
  double score = 0;
  const int first_phrase_arg = 2 + stats->columns;
  for (int p = 0; p < stats->phrases; ++p) {
    const double f = tf[static_cast<std::size_t>(p)];
    if (f > 0) score += arg(first_phrase_arg + p, 1.0) * stats->idf[static_cast<std::size_t>(p)] * f * (k1 + 1) / (f + k1);
  }
  sqlite3_result_double(result, score);
}


}  // namespace

Status register_fts5_rank(sqlite3* db) { return register_fts5_function(db, "masar_rank", &masar_rank); }

}  // namespace masar::store
