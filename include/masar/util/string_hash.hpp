// A hash for maps and sets keyed by std::string that can be searched with a string_view
// (heterogeneous lookup: no string built per lookup).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

namespace masar::util {

struct StringViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// A cheap mix of a word's length and of the bytes 1, 3 and last (the second bytes of its first,
// second and last letters in Arabic, where the first byte is nearly always D8 or D9), for the
// bitmaps that turn most words away from a word set before it is hashed.
inline std::uint32_t word_signature(std::string_view w) noexcept {
  if (w.empty()) return 0;
  const auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(w[std::min(i, w.size() - 1)])); };
  std::uint32_t h = static_cast<std::uint32_t>(w.size()) * 0x9E3779B1u;
  h ^= byte(1) * 0x85EBCA77u;
  h ^= byte(3) * 0xC2B2AE3Du;
  h ^= byte(w.size() - 1) * 0x27D4EB2Fu;
  return h ^ (h >> 16);
}

}  // namespace masar::util
