// Ranked full-text search over a Store: BM25 with the title weighted above the body, date
// and source filters, snippets with the matched words marked in the original text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "masar/error.hpp"
#include "masar/search/query.hpp"
#include "masar/store/store.hpp"

namespace masar::search {

enum class ModeChoice { automatic, all, any };

struct SearchRequest {
  std::string query;
  std::string from;    // inclusive "YYYY-MM-DD" (prefix compare on the stored ISO date)
  std::string to;      // inclusive
  std::string source;  // exact outlet name
  std::size_t limit = 10;
  std::size_t offset = 0;
  // automatic: all words required for short queries (<= 4 words), topped up with "any"
  // results when fewer than `limit` match; any words for longer ones (claims, sentences).
  ModeChoice mode = ModeChoice::automatic;
  std::string mark_open = "[";
  std::string mark_close = "]";
  int snippet_tokens = 24;
  bool snippets = true;  // highlight titles and cut snippets (off for batch evaluation)
  // In "any" mode, words found in more than this share of the articles are left out of the
  // match (their BM25 weight is near zero); 1 keeps every word.
  double common_word_share = 0.1;
  // Queries of several words matched in "any" mode: the best hits are reordered by the share
  // of the query's words each holds, common words included (search/coverage.hpp).
  bool coverage = true;
  // Pseudo-relevance feedback (RM3-style) for long queries in "any" mode: the top
  // `feedback_docs` hits suggest `feedback_terms` more terms, weighted `feedback_weight`
  // relative to the query's own. 0 docs turns it off.
  std::size_t feedback_docs = 0;  // off by default: +0.003 nDCG@10 on search-dev, 5x the latency
  std::size_t feedback_terms = 10;
  double feedback_weight = 0.3;
};

struct SearchHit {
  std::string id;
  std::string title;  // with matches marked
  std::string date;
  std::string source;
  std::string snippet;
  double score = 0;   // BM25F, higher is better
  std::vector<std::string> duplicates;  // ids of stored copies of this article (not indexed)
};

struct SearchResponse {
  std::vector<SearchHit> hits;
  std::string fts_query;  // what was sent to FTS5, for debugging
  std::vector<std::string> expansion;  // feedback terms added to the query
  double took_ms = 0;
};

// BM25F parameters (see docs/quality.md for how they were chosen).
inline constexpr double kTitleWeight = 3.0;
inline constexpr double kBodyWeight = 1.0;
inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0.75;

Result<SearchResponse> search(const store::Store& store, const SearchRequest& request);

struct FacetCount {
  std::string value;  // an outlet, or a month "YYYY-MM" ("" for undated articles)
  std::int64_t count = 0;
};

struct SearchFacets {
  std::int64_t total = 0;           // every match over all pages, filters applied
  std::vector<FacetCount> source;   // most matches first
  std::vector<FacetCount> month;    // in date order, undated last
};

// Counts what search() lists over all its pages: the same query translation and filters (for
// short queries in automatic mode, every article with any of the words, since the articles with
// all of them come first and the others follow). `limit`, `offset` and the marks are ignored.
Result<SearchFacets> facets(const store::Store& store, const SearchRequest& request);

}  // namespace masar::search
