// Words and letters of a name or key (internal to entities/).
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

#include "masar/text/utf8.hpp"

namespace masar::entities {

// The words of `text` between spaces, empty ones skipped.
inline std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    if (end > at) words.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return words;
}

// The code points of `s` (valid UTF-8; others as next_code_point reads them).
inline std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t pos = 0; pos < s.size();) out.push_back(text::next_code_point(s, pos));
  return out;
}

}  // namespace masar::entities
