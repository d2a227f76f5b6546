// Tokenizer: words, numbers and hashtags with byte offsets into the original text.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace masar::text {

enum class TokenKind : std::uint8_t { arabic, latin, number, hashtag };

struct Token {
  std::uint32_t begin = 0;  // byte offset of the first byte in the original text
  std::uint32_t end = 0;    // one past the last byte; text.substr(begin, end - begin) is the token
  TokenKind kind = TokenKind::arabic;
  bool rejoined = false;    // an Arabic word that crossed filter-dodging marks (القـ.ـضية)
};

// Splits valid UTF-8 into tokens. Offsets are strictly increasing and never overlap.
//  - An Arabic word is a run of Arabic letters, diacritics, tatweel and zero-width characters;
//    a word broken by a filter-dodging mark with tatweel (القـ.ـضية) stays ONE token.
//  - A number is a run of digits (ASCII, Arabic-Indic, Persian) with inner . , ٫ ٬ separators.
//  - A Latin word is a run of Latin letters and digits, with inner apostrophes.
//  - A hashtag is '#' followed by word characters; '_' joins its parts (#أستانا_9).
void tokenize(std::string_view text, std::vector<Token>& out);
std::vector<Token> tokenize(std::string_view text);

// The number of words, for length thresholds in rules: runs of anything but spaces, ASCII
// punctuation and Arabic punctuation (، ؛ ؟). Equals tokenize(text).size() on ordinary prose
// and costs a byte scan instead of decoding. The scan stops once `stop_after` words are
// passed (a rule asking "more than N?" need not read a paragraph to its end): then it returns
// stop_after + 1.
std::size_t count_words(std::string_view text, std::size_t stop_after = SIZE_MAX) noexcept;

}  // namespace masar::text
