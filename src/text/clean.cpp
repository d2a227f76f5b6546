#include "masar/text/clean.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "masar/text/chars.hpp"
#include "masar/text/utf8.hpp"

namespace masar::text {
namespace {

struct CodePoint {
  char32_t cp;
  std::uint32_t begin;  // byte offset in the source
  std::uint32_t end;
};

std::vector<CodePoint> decode_all(std::string_view text) {
  std::vector<CodePoint> cps;
  cps.reserve(text.size() / 2 + 1);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t begin = pos;
    const char32_t cp = next_code_point(text, pos);
    cps.push_back({cp, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(pos)});
  }
  return cps;
}

bool has_non_ascii(std::string_view text) noexcept {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

void bump(CleanStats* stats, std::size_t CleanStats::*field) {
  if (stats) ++(stats->*field);
}

// Short Arabic words that stand alone: a short piece equal to one of these may be a real
// word, so a stray mark next to it is not evidence of a broken word.
bool is_short_standalone_word(const std::vector<char32_t>& piece) {
  static constexpr char32_t kWords[][2] = {
      {0x0641, 0x064A}, {0x0645, 0x0646}, {0x0639, 0x0646}, {0x0644, 0x0627}, {0x0645, 0x0627},
      {0x0623, 0x0646}, {0x0625, 0x0646}, {0x0623, 0x0648}, {0x0644, 0x0645}, {0x0644, 0x0646},
      {0x0642, 0x062F}, {0x0647, 0x0648}, {0x0647, 0x064A}, {0x0643, 0x0645}, {0x062B, 0x0645},
      {0x0645, 0x0639}, {0x064A, 0x0627}, {0x0630, 0x0627}, {0x0623, 0x064A}, {0x0625, 0x0630}};
  if (piece.size() == 1) return piece[0] == 0x0648;  // و on its own (tokenized text)
  if (piece.size() != 2) return false;
  for (const auto& w : kWords) {
    if (piece[0] == w[0] && piece[1] == w[1]) return true;
  }
  return false;
}

// Letters that only end a word (ة ى): a piece ending in one is a complete word.
bool ends_word(char32_t c) noexcept { return c == 0x0629 || c == 0x0649; }

// Whether rejoin_broken_words could change `text`: it acts only where an Arabic letter or
// mark is followed by a run of tatweels, marks and zero-width characters holding at least one
// mark or zero-width character, and then by an Arabic letter. Prose rarely has one (a dot or
// comma is followed by a space), and finding out costs one decoding pass with no copies.
bool may_have_broken_words(std::string_view text) noexcept {
  bool after_letter = false;  // an Arabic letter or diacritic, then only run characters
  bool run_has_mark = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = next_code_point(text, pos);
    if (is_arabic_letter(c)) {
      if (after_letter && run_has_mark) return true;
      after_letter = true;
      run_has_mark = false;
    } else if (is_arabic_diacritic(c)) {
      after_letter = true;
      run_has_mark = false;
    } else if (after_letter && (c == kTatweel || is_word_breaking_mark(c) || is_zero_width(c))) {
      run_has_mark = run_has_mark || c != kTatweel;
    } else {
      after_letter = false;
    }
  }
  return false;
}

}  // namespace

std::string rejoin_broken_words(std::string_view text, CleanStats* stats) {
  if (!has_non_ascii(text) || !may_have_broken_words(text)) return std::string(text);
  const std::vector<CodePoint> cps = decode_all(text);
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  const std::size_t n = cps.size();
  while (i < n) {
    // Look for: letter, a run of tatweels / marks / zero-width characters, letter.
    if (is_arabic_letter(cps[i].cp) || is_arabic_diacritic(cps[i].cp)) {
      std::size_t j = i + 1;
      bool tatweel = false;
      std::size_t visible_marks = 0, invisible_marks = 0;
      char32_t mark = 0;
      while (j < n && (cps[j].cp == kTatweel || is_word_breaking_mark(cps[j].cp) || is_zero_width(cps[j].cp))) {
        if (cps[j].cp == kTatweel) {
          tatweel = true;
        } else if (is_zero_width(cps[j].cp)) {
          ++invisible_marks;
        } else {
          ++visible_marks;
          mark = cps[j].cp;
        }
        ++j;
      }
      if (visible_marks + invisible_marks > 0 && j < n && is_arabic_letter(cps[j].cp)) {
        bool join = tatweel || visible_marks == 0;
        if (!join && visible_marks == 1 && mark != '-') {
          // No tatweel: join only when one side is a fragment that cannot be a word.
          // Pieces are counted in letters; tatweel, harakat and invisibles inside them are
          // skipped so that the verdict does not change once they are removed.
          // Both pieces must be bounded by something other than another mark: a chain of
          // marked pieces (و،و_ک) is not one broken word.
          std::vector<char32_t> left_piece, right_piece;
          bool clean_bounds = true;
          for (std::size_t k = i + 1; k-- > 0;) {
            if (is_arabic_letter(cps[k].cp)) {
              left_piece.insert(left_piece.begin(), cps[k].cp);
            } else if (!(cps[k].cp == kTatweel || is_arabic_diacritic(cps[k].cp) || is_invisible(cps[k].cp))) {
              clean_bounds = !is_word_breaking_mark(cps[k].cp);
              break;
            }
          }
          for (std::size_t k = j; k < n; ++k) {
            if (is_arabic_letter(cps[k].cp)) {
              right_piece.push_back(cps[k].cp);
            } else if (!(cps[k].cp == kTatweel || is_arabic_diacritic(cps[k].cp) || is_invisible(cps[k].cp))) {
              clean_bounds = clean_bounds && !is_word_breaking_mark(cps[k].cp);
              break;
            }
          }
          const bool left_fragment = left_piece.size() <= 2 && !is_short_standalone_word(left_piece);
          const bool right_fragment = right_piece.size() <= 2 && !is_short_standalone_word(right_piece);
          join = clean_bounds && !left_piece.empty() && (left_fragment || right_fragment) && !ends_word(left_piece.back()) &&
                 !(right_piece.size() >= 2 && right_piece[0] == 0x0627 && right_piece[1] == 0x0644);
        }
        if (join) {
          out.append(text.substr(cps[i].begin, cps[i].end - cps[i].begin));
          bump(stats, &CleanStats::words_rejoined);
          i = j;  // continue at the letter after the break
          continue;
        }
      }
    }
    out.append(text.substr(cps[i].begin, cps[i].end - cps[i].begin));
    ++i;
  }
  return out;
}

namespace {

template <class Predicate>
std::string drop_code_points(std::string_view text, CleanStats* stats, Predicate drop) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t begin = pos;
    const char32_t cp = next_code_point(text, pos);
    if (drop(cp)) {
      bump(stats, &CleanStats::invisibles_removed);
      continue;
    }
    out.append(text.data() + begin, pos - begin);
  }
  return out;
}

}  // namespace

std::string strip_bidi_controls(std::string_view text, CleanStats* stats) {
  return drop_code_points(text, stats, [](char32_t c) { return is_bidi_control(c); });
}

namespace {

// Bidi controls anywhere, and zero-width characters that touch a space or an end: those
// cannot be splitting a word, and leaving them would hide spacing from the later rules.
std::string strip_stray_invisibles(std::string_view text, CleanStats* stats) {
  const std::string no_bidi = strip_bidi_controls(text, stats);
  const std::vector<CodePoint> cps = decode_all(no_bidi);
  std::string out;
  out.reserve(no_bidi.size());
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (is_zero_width(cps[i].cp)) {
      std::size_t before = i, after = i + 1;
      while (before > 0 && is_zero_width(cps[before - 1].cp)) --before;
      while (after < cps.size() && is_zero_width(cps[after].cp)) ++after;
      if (before == 0 || after == cps.size() || is_space(cps[before - 1].cp) || is_space(cps[after].cp)) {
        bump(stats, &CleanStats::invisibles_removed);
        continue;
      }
    }
    out.append(no_bidi, cps[i].begin, cps[i].end - cps[i].begin);
  }
  return out;
}

}  // namespace

std::string strip_invisibles(std::string_view text, CleanStats* stats) {
  return drop_code_points(text, stats, [](char32_t c) { return is_invisible(c); });
}

std::string remove_tatweel(std::string_view text, CleanStats* stats) {
  if (!has_non_ascii(text)) return std::string(text);
  const std::vector<CodePoint> cps = decode_all(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (cps[i].cp == kTatweel) {
      // "الـ20", "الـ 20": after a bare definite article the tatweel is how the article is
      // written before a number or a foreign word; it is not decoration.
      const bool after_article = i >= 2 && cps[i - 2].cp == 0x0627 && cps[i - 1].cp == 0x0644 &&
                                 (i == 2 || !is_arabic_letter(cps[i - 3].cp) ||
                                  cps[i - 3].cp == 0x0648 || cps[i - 3].cp == 0x0628);
      const bool next_is_letter = i + 1 < cps.size() && (is_arabic_letter(cps[i + 1].cp) || cps[i + 1].cp == kTatweel);
      const bool prev_is_letter = i > 0 && (is_arabic_letter(cps[i - 1].cp) || is_arabic_diacritic(cps[i - 1].cp) || cps[i - 1].cp == kTatweel);
      if ((after_article && !next_is_letter) || !(prev_is_letter || next_is_letter)) {
        if (!(i + 1 < cps.size() && cps[i + 1].cp == kTatweel)) out.append("\xD9\x80");
        continue;  // keep one, drop repeats
      }
      bump(stats, &CleanStats::tatweels_removed);
      continue;
    }
    out.append(text.substr(cps[i].begin, cps[i].end - cps[i].begin));
  }
  return out;
}

std::string reduce_elongation(std::string_view text, CleanStats* stats) {
  if (!has_non_ascii(text)) return std::string(text);
  const std::vector<CodePoint> cps = decode_all(text);
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < cps.size()) {
    std::size_t j = i + 1;
    if (is_arabic_letter(cps[i].cp)) {
      while (j < cps.size() && cps[j].cp == cps[i].cp) ++j;
    }
    out.append(text.substr(cps[i].begin, cps[i].end - cps[i].begin));
    if (j - i >= 3) {
      bump(stats, &CleanStats::elongations_reduced);  // Arabic never writes a letter 3 times
    } else if (j - i == 2) {
      out.append(text.substr(cps[i + 1].begin, cps[i + 1].end - cps[i + 1].begin));
    }
    i = j;
  }
  return out;
}

namespace {

bool closes(char32_t c) noexcept {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == '}' || c == 0x060C || c == 0x061B || c == 0x061F || c == 0x00BB;
}
bool opens(char32_t c) noexcept { return c == '(' || c == '[' || c == '{' || c == 0x00AB; }
bool is_horizontal_space(char32_t c) noexcept { return is_space(c) && c != '\n'; }

}  // namespace

std::string fix_punctuation_spacing(std::string_view text, CleanStats* stats) {
  // One pass over the bytes, decoding only where a rule looks: runs between spaces are copied
  // whole. Text is valid UTF-8 here, so a '"' byte is always the quote.
  const std::size_t n = text.size();
  // Straight double quotes pair up inside one line: odd ones open, even ones close.
  const bool pair_quotes = std::count(text.begin(), text.end(), '"') % 2 == 0;
  std::size_t quote_index = 0;
  std::string out;
  out.reserve(n);
  char32_t previous = 0;  // the code point before `pos`
  std::size_t pos = 0;
  const auto code_point_at = [&](std::size_t at, std::size_t& after) -> char32_t {
    after = at;
    return at < n ? next_code_point(text, after) : 0;
  };
  while (pos < n) {
    std::size_t after = pos;
    const char32_t c = code_point_at(pos, after);
    if (!is_horizontal_space(c)) {
      // Copy up to the next horizontal space, counting quotes on the way.
      const std::size_t run_begin = pos;
      char32_t cp = c;
      for (;;) {
        quote_index += cp == '"';
        previous = cp;
        pos = after;
        if (pos >= n) break;
        cp = code_point_at(pos, after);
        if (is_horizontal_space(cp)) break;
      }
      out.append(text, run_begin, pos - run_begin);
      continue;
    }
    std::size_t j = after, past_j = after;
    std::size_t spaces = 1;
    char32_t last_space = c, at_j = 0;
    while (j < n) {
      at_j = code_point_at(j, past_j);
      if (!is_horizontal_space(at_j)) break;
      last_space = at_j;
      ++spaces;
      j = past_j;
    }
    const bool at_end = j >= n;
    const bool at_line_edge = out.empty() || out.back() == '\n' || at_end || at_j == '\n';
    const bool before_closer = !at_end && (closes(at_j) || (pair_quotes && at_j == '"' && quote_index % 2 == 1));
    const bool after_opener = !out.empty() && pos > 0 && (opens(previous) || (pair_quotes && previous == '"' && quote_index % 2 == 1));
    // "3 . 5" and "DW . COM" style spacing is fixed like prose; digits grouped by spaces are not.
    std::size_t past_next = past_j;
    const char32_t next = before_closer && at_j != '"' ? code_point_at(past_j, past_next) : 0;
    const bool closer_glued_to_next = before_closer && at_j != '"' && past_j < n &&
                                      (is_arabic_letter(next) || is_latin_letter(next) || is_any_digit(next));
    if (closer_glued_to_next && !at_line_edge) {
      // "قال ،ثم" -> "قال، ثم": the mark belongs to the word before it.
      bump(stats, &CleanStats::spaces_fixed);
      out.append(text, j, past_j - j);
      out.push_back(' ');
      previous = at_j;
      pos = past_j;
      continue;
    }
    if (at_line_edge || before_closer || after_opener) {
      if (!at_line_edge) bump(stats, &CleanStats::spaces_fixed);
    } else {
      if (spaces > 1 || c != ' ') bump(stats, &CleanStats::spaces_fixed);
      out.push_back(' ');
    }
    previous = last_space;
    pos = j;
  }
  return out;
}

namespace {

bool is_arabic_lead(unsigned char b) noexcept { return b >= 0xD8 && b <= 0xDB; }
bool is_ascii_closer(unsigned char b) noexcept {
  return b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?' || b == ')' || b == ']' || b == '}' || b == '"';
}
bool is_ascii_mark(unsigned char b) noexcept {
  return b == '.' || b == ',' || b == '-' || b == '_' || b == '*' || b == '\'' || b == '`';
}

// One byte pass that says whether any rule could change `text`. Most lines of clean news
// need nothing, and this is far cheaper than running the rules to find out.
bool may_need_cleaning(std::string_view text) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  if (n == 0) return false;
  if (p[0] == ' ' || p[n - 1] == ' ') return true;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char b = p[i];
    const unsigned char next = i + 1 < n ? p[i + 1] : 0;
    if (b < 0x80) {
      if (b == ' ') {
        if (next == ' ' || next == '\n' || is_ascii_closer(next) || next == 0xD8 || next == 0xC2) return true;
      } else if (b == '\n') {
        if (next == ' ') return true;
      } else if (b < 0x20 || b == '"') {
        return true;  // tabs, CR, control characters; quotes are paired by the spacing rule
      } else if ((b == '(' || b == '[' || b == '{') && next == ' ') {
        return true;
      } else if (is_ascii_mark(b) && i > 0 && p[i - 1] >= 0x80 && is_arabic_lead(next)) {
        return true;  // a mark glued between two Arabic letters
      }
      continue;
    }
    if (b == 0xD9 && next == 0x80) return true;                      // tatweel
    if (b == 0xD8 && next == 0x9C) return true;                      // Arabic letter mark
    if (b == 0xD8 && next == 0x8C && i + 2 < n && is_arabic_lead(p[i + 2])) return true;  // ، glued to a letter
    if (b == 0xE2 || b == 0xEF || b == 0xE1 || b == 0xC2 || b == 0xE3) return true;  // invisibles, odd spaces, dashes
    if (is_arabic_lead(b) && i + 5 < n && p[i + 2] == b && p[i + 4] == b && p[i + 3] == next && p[i + 5] == next) {
      return true;  // one letter three times
    }
  }
  return false;
}

bool has_tatweel(std::string_view t) noexcept { return t.find("\xD9\x80") != std::string_view::npos; }
// Lead bytes of every invisible character (U+200B-U+200F, U+202A-U+202E, U+2060-U+2069,
// U+FEFF, U+00AD, U+061C, U+180E); a false positive only costs a rule run.
bool may_have_invisibles(std::string_view t) noexcept {
  // Each sequence is looked for by a byte that is rare in Arabic text (memchr), then checked
  // around it: searching "\xD8\x9C" from its first byte stopped at half of all Arabic letters.
  const auto has = [&](char rare, std::size_t at, std::string_view sequence) {
    for (std::size_t from = 0;;) {
      const auto* hit = static_cast<const char*>(std::memchr(t.data() + from, rare, t.size() - from));
      if (!hit) return false;
      const std::size_t pos = static_cast<std::size_t>(hit - t.data());
      if (pos >= at && t.substr(pos - at, sequence.size()) == sequence) return true;
      from = pos + 1;
    }
  };
  return t.find('\xE2') != std::string_view::npos || has('\xEF', 0, "\xEF\xBB\xBF") || has('\xC2', 0, "\xC2\xAD") ||
         has('\x9C', 1, "\xD8\x9C") || has('\xE1', 0, "\xE1\xA0\x8E");
}
bool may_have_triple_letter(std::string_view t) noexcept {
  for (std::size_t i = 0; i + 5 < t.size(); ++i) {
    if (is_arabic_lead(static_cast<unsigned char>(t[i])) && t[i + 2] == t[i] && t[i + 4] == t[i] &&
        t[i + 3] == t[i + 1] && t[i + 5] == t[i + 1]) {
      return true;
    }
  }
  return false;
}

std::string clean_once(std::string_view text, CleanStats* stats) {
  // Each rule runs only when a cheap byte scan says it could apply.
  std::string s = may_have_invisibles(text) ? strip_stray_invisibles(text, stats) : std::string(text);
  s = fix_punctuation_spacing(s, nullptr);  // spacing can make marks adjacent to letters
  const bool tatweel = has_tatweel(s), invisibles = may_have_invisibles(s);
  if (may_have_triple_letter(s)) s = reduce_elongation(s, stats);
  s = rejoin_broken_words(s, stats);
  if (invisibles) s = strip_invisibles(s, stats);
  if (tatweel) {
    s = remove_tatweel(s, stats);
    if (may_have_triple_letter(s)) s = reduce_elongation(s, stats);
  }
  return fix_punctuation_spacing(s, stats);
}

}  // namespace

std::string clean_for_display(std::string_view text, CleanStats* stats) {
  if (!may_need_cleaning(text)) return std::string(text);
  // Each rule is local, so one rule's output can enable another (a removed tatweel makes a
  // new run of one letter, a rejoined word changes a neighbour's length). Repeating until
  // nothing changes makes cleaning idempotent, which a contract test checks; unchanged
  // text costs one pass and a comparison.
  constexpr int kMaxPasses = 4;
  std::string current = clean_once(text, stats);
  if (current == text) return current;
  for (int pass = 1; pass < kMaxPasses && may_need_cleaning(current); ++pass) {
    std::string next = clean_once(current, stats);
    if (next == current) break;
    current.swap(next);
  }
  return current;
}

}  // namespace masar::text
