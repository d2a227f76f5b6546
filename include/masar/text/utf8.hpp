// UTF-8 decoding that never fails: every other stage may assume valid UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace masar::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct DecodedText {
  std::string text;            // valid UTF-8; each invalid sequence became U+FFFD
  std::size_t invalid_sequences = 0;
};

// Validates `bytes`; invalid or truncated sequences, overlongs, surrogates and code points
// above U+10FFFF are each replaced by one U+FFFD and counted. Valid input is copied as is.
DecodedText decode_utf8(std::string_view bytes);

bool is_valid_utf8(std::string_view bytes) noexcept;

// Decodes the code point at `pos` of VALID UTF-8 and advances `pos` past it.
inline char32_t next_code_point(std::string_view s, std::size_t& pos) noexcept {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) { ++pos; return b0; }
  if (b0 < 0xE0) {
    char32_t cp = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(s[pos + 1]) & 0x3Fu);
    pos += 2;
    return cp;
  }
  if (b0 < 0xF0) {
    char32_t cp = ((b0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[pos + 1]) & 0x3Fu) << 6) |
                  (static_cast<unsigned char>(s[pos + 2]) & 0x3Fu);
    pos += 3;
    return cp;
  }
  char32_t cp = ((b0 & 0x07u) << 18) | ((static_cast<unsigned char>(s[pos + 1]) & 0x3Fu) << 12) |
                ((static_cast<unsigned char>(s[pos + 2]) & 0x3Fu) << 6) |
                (static_cast<unsigned char>(s[pos + 3]) & 0x3Fu);
  pos += 4;
  return cp;
}

// Byte length of the sequence starting with lead byte `b0` (1 for continuation bytes).
inline std::size_t sequence_length(unsigned char b0) noexcept {
  return b0 < 0xC0 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
}

void append_utf8(std::string& out, char32_t cp);

}  // namespace masar::text
