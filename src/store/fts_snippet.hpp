// The parts of masar_snippet() that need no SQLite: choosing the window of tokens to show and
// rendering it with the matches marked. Pure functions on positions and byte offsets, so each
// rule has its own test (tests/store/fts_snippet_test.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace masar::store::snippet {

// One match of a query phrase in the column: its first token position and its length in tokens.
struct Instance {
  int phrase = 0;
  int position = 0;
  int tokens = 1;
};

// A token of the column text: its position (as the index counts them) and its bytes.
struct Located {
  int position = 0;
  std::uint32_t begin = 0, end = 0;
};

struct Marks {
  std::string_view open, close, ellipsis;
};

// The first token of the best window of `window` tokens, scored as FTS5's snippet() scores
// it: 1000 for each distinct phrase in the window, 1 for each repeat; the window is then
// centred on the matches it holds and kept inside the column. The earliest window wins a tie
// (a news article's lead is the better snippet). 0 when `instances` (sorted by position) is empty.
int best_window(const std::vector<Instance>& instances, int column_tokens, int window);

// The window's text, from its first token to its last (from the start of the text when the
// window starts at 0, to its end when nothing follows), each match between the marks —
// overlapping matches in one pair of marks — and the ellipsis where text is left out.
// `tokens` are the window's tokens in order; `more_after`: the column goes on past them.
std::string render(std::string_view text, const std::vector<Located>& tokens, const std::vector<Instance>& instances,
                   bool more_after, const Marks& marks);

// Where to cut a long text into pieces that tokenize the same as the whole: just after an
// ASCII space or line break (no token crosses one), at or before `limit` when there is one,
// else the first after it; the text's size when none is left.
std::size_t next_cut(std::string_view text, std::size_t from, std::size_t limit);

}  // namespace masar::store::snippet
