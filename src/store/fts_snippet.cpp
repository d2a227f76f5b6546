// masar_snippet(fts, column, open, close, ellipsis, tokens): a snippet of `tokens` tokens
// around the matches, as an FTS5 auxiliary function.
//
// Why not FTS5's snippet(): it tokenizes the whole column to find sentence starts, and the
// pages users search are long (syria-web pages run to 20,000 characters), so marking up ten
// hits cost as much as ranking every match. The match positions come from the index
// (xInst), so the window is chosen before any text is read; the text is then tokenized
// piece by piece, cut after spaces, only until the window's last token.
#include "store/fts_snippet.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <unordered_map>

#include "masar/store/store.hpp"
#include "store/fts5_api.hpp"

namespace masar::store {
namespace snippet {

int best_window(const std::vector<Instance>& instances, int column_tokens, int window) {
  int best_score = -1, best_start = 0;
  std::unordered_map<int, int> in_window;  // phrase -> matches in [instances[i], j)
  int distinct = 0, count = 0;
  std::size_t j = 0;
  for (std::size_t i = 0; i < instances.size(); ++i) {
    const int from = instances[i].position;
    if (from > column_tokens) break;  // sorted: every later one is past the column too
    while (j < instances.size() && instances[j].position < from + window) {
      if (in_window[instances[j].phrase]++ == 0) ++distinct;
      ++count;
      ++j;
    }
    const int score = 1000 * distinct + (count - distinct);
    if (score > best_score) {
      const Instance& last = instances[j - 1];
      const int span = last.position + last.tokens - from;
      int start = from - (window - span) / 2;
      if (start + window > column_tokens) start = column_tokens - window;
      best_score = score;
      best_start = std::max(start, 0);
    }
    if (--in_window[instances[i].phrase] == 0) --distinct;
    --count;
  }
  return best_start;
}

std::string render(std::string_view text, const std::vector<Located>& tokens, const std::vector<Instance>& instances,
                   bool more_after, const Marks& marks) {
  if (tokens.empty()) return std::string(text.substr(0, more_after ? 0 : text.size()));
  const int first = tokens.front().position, last = tokens.back().position;
  // Matched ranges of positions inside the window, sorted, overlapping ones merged.
  std::vector<std::pair<int, int>> ranges;
  for (const Instance& m : instances) {
    const int from = std::max(m.position, first), to = std::min(m.position + m.tokens - 1, last);
    if (from <= to) ranges.emplace_back(from, to);
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<int, int>> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, r.second);
    } else {
      merged.push_back(r);
    }
  }
  const auto at = [&](int position) -> const Located& { return tokens[static_cast<std::size_t>(position - first)]; };
  std::string out;
  std::size_t cursor = 0;
  if (first > 0) {
    out += marks.ellipsis;
    cursor = tokens.front().begin;
  }
  for (const auto& [from, to] : merged) {
    const std::size_t begin = at(from).begin, end = at(to).end;
    out.append(text.substr(cursor, begin - cursor));
    out += marks.open;
    out.append(text.substr(begin, end - begin));
    out += marks.close;
    cursor = end;
  }
  const std::size_t end = tokens.back().end;
  out.append(text.substr(cursor, end - cursor));
  if (more_after) {
    out += marks.ellipsis;
  } else {
    out.append(text.substr(end));
  }
  return out;
}

std::size_t next_cut(std::string_view text, std::size_t from, std::size_t limit) {
  if (limit >= text.size()) return text.size();
  const auto is_break = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  for (std::size_t i = limit; i > from; --i) {
    if (is_break(text[i - 1])) return i;
  }
  for (std::size_t i = limit; i < text.size(); ++i) {
    if (is_break(text[i])) return i + 1;
  }
  return text.size();
}

}  // namespace snippet

namespace {

constexpr std::size_t kPieceBytes = 2048;

struct Collector {
  int window_start = 0, window_end = 0;  // token positions [start, end)
  int position = 0;
  std::uint32_t base = 0;  // byte offset of the piece being tokenized
  bool done = false;
  std::vector<snippet::Located> tokens;
};

int collect(void* context, int flags, const char*, int, int begin, int end) {
  auto* c = static_cast<Collector*>(context);
  if (c->done || (flags & FTS5_TOKEN_COLOCATED)) return SQLITE_OK;
  const int position = c->position++;
  if (position >= c->window_end) {
    c->done = true;
    return SQLITE_OK;
  }
  if (position >= c->window_start) {
    c->tokens.push_back({position, c->base + static_cast<std::uint32_t>(begin), c->base + static_cast<std::uint32_t>(end)});
  }
  return SQLITE_OK;
}

void masar_snippet(const Fts5ExtensionApi* api, Fts5Context* ctx, sqlite3_context* result, int argc, sqlite3_value** argv) {
  if (argc != 5) {
    sqlite3_result_error(result, "masar_snippet(fts, column, open, close, ellipsis, tokens): wrong number of arguments", -1);
    return;
  }
  const auto text_arg = [&](int i) {
    const auto* s = reinterpret_cast<const char*>(sqlite3_value_text(argv[i]));
    return std::string_view(s ? s : "", static_cast<std::size_t>(sqlite3_value_bytes(argv[i])));
  };
  const int column = sqlite3_value_int(argv[0]);
  const snippet::Marks marks{text_arg(1), text_arg(2), text_arg(3)};
  const int window = std::clamp(sqlite3_value_int(argv[4]), 1, 64);
  if (column < 0 || column >= api->xColumnCount(ctx)) {
    sqlite3_result_error(result, "masar_snippet: no such column", -1);
    return;
  }
  const char* data = nullptr;
  int bytes = 0, column_tokens = 0, count = 0;
  int rc = api->xColumnText(ctx, column, &data, &bytes);
  if (rc == SQLITE_OK) rc = api->xColumnSize(ctx, column, &column_tokens);
  if (rc == SQLITE_OK) rc = api->xInstCount(ctx, &count);
  std::vector<snippet::Instance> instances;
  for (int i = 0; i < count && rc == SQLITE_OK; ++i) {
    int phrase = 0, in_column = 0, position = 0;
    rc = api->xInst(ctx, i, &phrase, &in_column, &position);
    if (rc == SQLITE_OK && in_column == column) instances.push_back({phrase, position, std::max(1, api->xPhraseSize(ctx, phrase))});
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  std::sort(instances.begin(), instances.end(),
            [](const auto& a, const auto& b) { return a.position != b.position ? a.position < b.position : a.phrase < b.phrase; });
  const std::string_view text(data ? data : "", static_cast<std::size_t>(std::max(bytes, 0)));
  Collector c;
  c.window_start = snippet::best_window(instances, column_tokens, window);
  c.window_end = c.window_start + window;
  for (std::size_t from = 0; from < text.size() && !c.done && rc == SQLITE_OK;) {
    const std::size_t to = snippet::next_cut(text, from, from + kPieceBytes);
    c.base = static_cast<std::uint32_t>(from);
    rc = api->xTokenize(ctx, text.data() + from, static_cast<int>(to - from), &c, &collect);
    from = to;
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  // A window past the last token (a column size the text does not have) shows nothing.
  const std::string out = c.tokens.empty() && c.window_start > 0 ? std::string()
                                                                   : snippet::render(text, c.tokens, instances, c.done, marks);
  sqlite3_result_text(result, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

}  // namespace

Status register_fts5_snippet(sqlite3* db) { return register_fts5_function(db, "masar_snippet", &masar_snippet); }

}  // namespace masar::store
