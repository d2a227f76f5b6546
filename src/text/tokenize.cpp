#include "masar/text/tokenize.hpp"

#include <array>

#include "masar/text/chars.hpp"
#include "masar/text/utf8.hpp"

namespace masar::text {
namespace {

// Inside an Arabic word: letters, harakat, tatweel, and invisible joiners/breakers.
bool is_arabic_word_char(char32_t c) noexcept {
  return is_arabic_letter(c) || is_arabic_diacritic(c) || c == kTatweel || is_zero_width(c);
}

bool is_number_separator(char32_t c) noexcept {
  return c == '.' || c == ',' || c == 0x066B || c == 0x066C;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool done() const noexcept { return pos_ >= text_.size(); }
  std::size_t pos() const noexcept { return pos_; }
  void seek(std::size_t pos) noexcept { pos_ = pos; }

  // Code point at `at`, and the offset after it; 0 at the end.
  char32_t peek_at(std::size_t at, std::size_t* next = nullptr) const noexcept {
    if (at >= text_.size()) {
      if (next) *next = at;
      return 0;
    }
    std::size_t p = at;
    const char32_t cp = next_code_point(text_, p);
    if (next) *next = p;
    return cp;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// An Arabic word starting at `begin` (which holds a letter). A run of filter-dodging marks
// inside the word does not end it when a tatweel touches the run or when the run is only
// invisible characters, and an Arabic letter follows: القـ.ـضية is one token.
// is_arabic_word_char and is_zero_width over the Arabic block U+0600-U+06FF (two bytes, lead
// D8-DB), where nearly every character of a word lies: one table lookup instead of the ranges.
struct ArabicBlock {
  std::array<bool, 256> word_char{}, zero_width{};
  ArabicBlock() {
    for (char32_t c = 0x0600; c <= 0x06FF; ++c) {
      word_char[c - 0x0600] = is_arabic_word_char(c);
      zero_width[c - 0x0600] = is_zero_width(c);
    }
  }
};
const ArabicBlock kArabicBlock;

std::size_t scan_arabic_word(const Scanner& s, std::string_view text, std::size_t begin, bool& rejoined) {
  std::size_t pos = begin;
  std::size_t word_end = begin;  // after the last letter/diacritic taken
  bool last_was_tatweel = false;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (;;) {
    if (pos + 1 < text.size() && bytes[pos] >= 0xD8 && bytes[pos] <= 0xDB) {
      const char32_t c = ((bytes[pos] & 0x1Fu) << 6) | (bytes[pos + 1] & 0x3Fu);
      if (kArabicBlock.word_char[c - 0x0600]) {
        if (!kArabicBlock.zero_width[c - 0x0600]) word_end = pos + 2;
        last_was_tatweel = c == kTatweel;
        pos += 2;
        continue;
      }
    }
    std::size_t next = 0;
    const char32_t c = s.peek_at(pos, &next);
    if (c == 0) break;
    if (is_arabic_word_char(c)) {
      if (!is_zero_width(c)) word_end = next;
      last_was_tatweel = c == kTatweel;
      pos = next;
      continue;
    }
    if (!is_word_breaking_mark(c)) break;
    // A run of marks: look past it (and past tatweels) for a letter.
    std::size_t look = next;
    bool tatweel_after = false;
    char32_t after = s.peek_at(look, &next);
    while (is_word_breaking_mark(after)) {
      look = next;
      after = s.peek_at(look, &next);
    }
    while (after == kTatweel) {
      tatweel_after = true;
      look = next;
      after = s.peek_at(look, &next);
    }
    if (!(last_was_tatweel || tatweel_after) || !is_arabic_letter(after)) break;
    pos = look;  // continue the word at the letter after the break
    rejoined = true;
  }
  return word_end;
}

std::size_t scan_number(const Scanner& s, std::size_t begin) {
  std::size_t pos = begin;
  std::size_t end = begin;
  for (;;) {
    std::size_t next = 0;
    const char32_t c = s.peek_at(pos, &next);
    if (is_any_digit(c)) {
      pos = end = next;
      continue;
    }
    if (is_number_separator(c)) {
      std::size_t after_next = 0;
      if (is_any_digit(s.peek_at(next, &after_next))) {
        pos = next;
        continue;
      }
    }
    break;
  }
  return end;
}

std::size_t scan_latin_word(const Scanner& s, std::size_t begin) {
  std::size_t pos = begin;
  std::size_t end = begin;
  for (;;) {
    std::size_t next = 0;
    const char32_t c = s.peek_at(pos, &next);
    if (is_latin_letter(c) || is_ascii_digit(c)) {
      pos = end = next;
      continue;
    }
    if (c == '\'' || c == 0x2019) {  // O'Brien, don't
      std::size_t after = 0;
      if (is_latin_letter(s.peek_at(next, &after))) {
        pos = next;
        continue;
      }
    }
    break;
  }
  return end;
}

// '#' then word characters of any script; '_' joins parts (#أستانا_9).
std::size_t scan_hashtag(const Scanner& s, std::size_t hash_pos) {
  std::size_t pos = hash_pos + 1;
  std::size_t end = hash_pos;
  for (;;) {
    std::size_t next = 0;
    const char32_t c = s.peek_at(pos, &next);
    if (is_arabic_word_char(c) || is_latin_letter(c) || is_any_digit(c)) {
      if (!is_zero_width(c)) end = next;
      pos = next;
      continue;
    }
    if (c == '_' && end > hash_pos) {
      pos = next;
      continue;
    }
    break;
  }
  return end;
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& out) {
  Scanner s(text);
  std::size_t pos = 0;
  const std::size_t n = text.size();
  while (pos < n) {
    const auto b0 = static_cast<unsigned char>(text[pos]);
    // ASCII fast paths: spaces and punctuation are skipped without decoding.
    if (b0 < 0x80 && !((b0 | 0x20) >= 'a' && (b0 | 0x20) <= 'z') && !(b0 >= '0' && b0 <= '9') && b0 != '#') {
      ++pos;
      continue;
    }
    std::size_t next = 0;
    const char32_t c = s.peek_at(pos, &next);
    std::size_t end = pos;
    TokenKind kind = TokenKind::arabic;
    bool rejoined = false;
    if (is_arabic_letter(c)) {
      end = scan_arabic_word(s, text, pos, rejoined);
    } else if (is_any_digit(c)) {
      end = scan_number(s, pos);
      kind = TokenKind::number;
    } else if (is_latin_letter(c)) {
      end = scan_latin_word(s, pos);
      kind = TokenKind::latin;
    } else if (c == '#') {
      end = scan_hashtag(s, pos);
      kind = TokenKind::hashtag;
    }
    if (end > pos) {
      out.push_back(Token{static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(end), kind, rejoined});
      pos = end;
    } else {
      pos = next;
    }
  }
}

std::size_t count_words(std::string_view text, std::size_t stop_after) noexcept {
  std::size_t words = 0;
  bool in_word = false;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char b = p[i];
    bool word_byte;
    if (b < 0x80) {
      word_byte = (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') || b == '#';
    } else if (b == 0xD8 && i + 1 < n && (p[i + 1] == 0x8C || p[i + 1] == 0x9B || p[i + 1] == 0x9F)) {
      word_byte = false;  // ، ؛ ؟
      ++i;
    } else if (b == 0xC2 && i + 1 < n && (p[i + 1] == 0xA0 || p[i + 1] == 0xAB || p[i + 1] == 0xBB)) {
      word_byte = false;  // no-break space, « »
      ++i;
    } else {
      word_byte = true;
    }
    if (word_byte && !in_word && ++words > stop_after) return words;
    in_word = word_byte;
  }
  return words;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 6 + 1);
  tokenize(text, out);
  return out;
}

}  // namespace masar::text
