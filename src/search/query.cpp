#include "masar/search/query.hpp"

#include "masar/text/analyzer.hpp"
#include "masar/text/utf8.hpp"

namespace masar::search {
namespace {

// Control characters (a NUL from a form, a tab) separate words like a space: FTS5 reads its
// expression as a C string, so a NUL would cut a quoted phrase short ("unterminated string").
bool is_space(char c) { return c == ' ' || static_cast<unsigned char>(c) < 0x20 || c == '\x7f'; }

// FTS5 string literal: double quotes inside are doubled.
std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    out += is_space(c) ? ' ' : c;
    if (c == '"') out += '"';
  }
  out += '"';
  return out;
}

bool has_terms(std::string_view s) {
  bool any = false;
  text::Analyzer::standard().analyze(s, [&](const text::Term&) { any = true; });
  return any;
}

std::string item_expr(const QueryItem& item) { return quoted(item.text); }

}  // namespace

std::size_t ParsedQuery::word_count() const {
  std::size_t n = 0;
  for (const auto& g : groups) n += g.size();
  return n;
}

ParsedQuery parse_query(std::string_view raw) {
  // A query is input like any other: the analysis chain assumes valid UTF-8.
  const std::string decoded = text::decode_utf8(raw).text;
  const std::string_view q = decoded;
  ParsedQuery out;
  bool pending_or = false;
  std::size_t i = 0;
  while (i < q.size()) {
    if (is_space(q[i])) {
      ++i;
      continue;
    }
    bool negate = false;
    if (q[i] == '-' && i + 1 < q.size() && !is_space(q[i + 1])) {
      negate = true;
      ++i;
    }
    QueryItem item;
    if (q[i] == '"') {
      const std::size_t close = q.find('"', i + 1);
      const std::size_t end = close == std::string_view::npos ? q.size() : close;
      item.text = std::string(q.substr(i + 1, end - i - 1));
      item.phrase = true;
      i = close == std::string_view::npos ? q.size() : close + 1;
    } else {
      std::size_t end = i;
      while (end < q.size() && !is_space(q[end]) && q[end] != '"') ++end;
      item.text = std::string(q.substr(i, end - i));
      i = end;
      if (!negate && item.text == "OR") {
        pending_or = !out.groups.empty();
        continue;
      }
    }
    if (item.text.empty() || !has_terms(item.text)) {
      pending_or = false;
      continue;
    }
    if (negate) {
      out.excluded.push_back(std::move(item));
    } else if (pending_or) {
      out.groups.back().push_back(std::move(item));
    } else {
      out.groups.push_back({std::move(item)});
    }
    pending_or = false;
  }
  return out;
}

std::string to_fts5(const ParsedQuery& query, MatchMode mode) { return to_fts5(query, mode, {}); }

std::string to_fts5(const ParsedQuery& query, MatchMode mode, const std::vector<std::string>& extra) {
  if (query.empty()) return {};
  std::vector<std::string> required, optional;
  for (const auto& group : query.groups) {
    std::string alt;
    for (std::size_t k = 0; k < group.size(); ++k) {
      if (k) alt += " OR ";
      alt += item_expr(group[k]);
    }
    const bool is_phrase_only = group.size() == 1 && group[0].phrase;
    if (mode == MatchMode::all || is_phrase_only) {
      required.push_back(group.size() > 1 ? "(" + alt + ")" : alt);
    } else {
      optional.push_back(alt);
    }
  }
  std::string expr;
  for (const auto& r : required) expr += (expr.empty() ? "" : " AND ") + r;
  if (!optional.empty()) {
    std::string any;
    for (const auto& o : optional) any += (any.empty() ? "" : " OR ") + o;
    expr += expr.empty() ? any : " AND (" + any + ")";
  }
  if (!extra.empty()) {
    expr = "(" + expr + ")";
    for (const auto& t : extra) expr += " OR " + quoted(t);
  }
  for (const auto& ex : query.excluded) expr = "(" + expr + ") NOT " + item_expr(ex);
  return expr;
}

}  // namespace masar::search
