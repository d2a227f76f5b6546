// User query syntax -> an FTS5 MATCH expression. Pure and separately testable.
//
//   words          analyzed like the index (normalize, stop words, stem) by the FTS5 tokenizer
//   "a phrase"     the words in this order
//   -word -"a b"   excluded
//   a OR b         either
//
// Bare words combine with AND in `all` mode and with OR (ranked by BM25) in `any` mode;
// phrases are always required and exclusions always apply.
#pragma once

#include <string>
#include <vector>

namespace masar::search {

struct QueryItem {
  std::string text;     // the user's words, unanalyzed (the FTS5 tokenizer analyzes them)
  bool phrase = false;  // written in quotes
};

struct ParsedQuery {
  // Each group is a set of alternatives joined by OR; groups are combined by the mode.
  std::vector<std::vector<QueryItem>> groups;
  std::vector<QueryItem> excluded;
  bool empty() const { return groups.empty(); }
  std::size_t word_count() const;
};

enum class MatchMode { all, any };

// Any bytes: invalid UTF-8 is repaired first (each bad sequence becomes U+FFFD), and control
// characters separate words like spaces.
ParsedQuery parse_query(std::string_view query);

// The FTS5 expression, or "" when nothing searchable is left (only stop words, say).
// Items whose words analyze to no term at all are dropped so a stop word cannot empty a phrase.
std::string to_fts5(const ParsedQuery& query, MatchMode mode);

// The same, with extra optional terms OR-ed in before the exclusions (query expansion).
// Phrases of the result, in order: the query's items, then `extra`, then the exclusions.
std::string to_fts5(const ParsedQuery& query, MatchMode mode, const std::vector<std::string>& extra);

}  // namespace masar::search
