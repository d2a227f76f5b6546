#include "masar/text/utf8.hpp"

namespace masar::text {
namespace {

// Length of the valid sequence at `pos`, or 0 when it is invalid (WHATWG/Unicode rules:
// no overlongs, no surrogates, nothing above U+10FFFF, no truncation).
std::size_t valid_sequence_length(std::string_view s, std::size_t pos) noexcept {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  const std::size_t left = s.size() - pos;
  auto cont = [&](std::size_t i) { return (static_cast<unsigned char>(s[pos + i]) & 0xC0u) == 0x80u; };
  if (b0 < 0x80) return 1;
  if (b0 < 0xC2) return 0;
  if (b0 < 0xE0) return left >= 2 && cont(1) ? 2 : 0;
  if (b0 < 0xF0) {
    if (left < 3 || !cont(1) || !cont(2)) return 0;
    const auto b1 = static_cast<unsigned char>(s[pos + 1]);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;   // overlong
    if (b0 == 0xED && b1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (b0 < 0xF5) {
    if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    const auto b1 = static_cast<unsigned char>(s[pos + 1]);
    if (b0 == 0xF0 && b1 < 0x90) return 0;   // overlong
    if (b0 == 0xF4 && b1 >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// Bytes to skip for one invalid sequence: the lead byte plus the continuation bytes that
// could have belonged to it ("maximal subpart" replacement, one U+FFFD each).
std::size_t invalid_span(std::string_view s, std::size_t pos) noexcept {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  const std::size_t expected = b0 >= 0xF0 && b0 < 0xF5 ? 4 : b0 >= 0xE0 && b0 < 0xF0 ? 3 : b0 >= 0xC2 && b0 < 0xE0 ? 2 : 1;
  std::size_t n = 1;
  while (n < expected && pos + n < s.size() &&
         (static_cast<unsigned char>(s[pos + n]) & 0xC0u) == 0x80u) {
    ++n;
  }
  return n;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) noexcept {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    // ASCII fast path, 8 bytes at a time.
    while (pos + 8 <= bytes.size()) {
      std::uint64_t chunk;
      __builtin_memcpy(&chunk, bytes.data() + pos, 8);
      if (chunk & 0x8080808080808080ULL) break;
      pos += 8;
    }
    if (pos >= bytes.size()) break;
    const std::size_t n = valid_sequence_length(bytes, pos);
    if (n == 0) return false;
    pos += n;
  }
  return true;
}

DecodedText decode_utf8(std::string_view bytes) {
  DecodedText out;
  if (is_valid_utf8(bytes)) {
    out.text.assign(bytes);
    return out;
  }
  out.text.reserve(bytes.size() + 16);
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const std::size_t n = valid_sequence_length(bytes, pos);
    if (n > 0) {
      out.text.append(bytes.data() + pos, n);
      pos += n;
    } else {
      append_utf8(out.text, kReplacementChar);
      ++out.invalid_sequences;
      pos += invalid_span(bytes, pos);
    }
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace masar::text
