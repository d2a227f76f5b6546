// Numbers written in digits or in words, over search-normalized words: "20", "الـ20",
// "العشرين", "السادسة عشرة" (and the common "السادسة عشر"), "الحادي والعشرين", "أول".
// Shared by numbered series (cluster/series) and time expressions (extract/relative_dates).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace masar::text {

struct NumberMatch {
  int value = 0;
  std::size_t used = 0;  // words read
  bool digits = false, definite = false, ordinal = false;
};

// The number at words[at] (search-normalized words), reading no word at or past `limit`.
std::optional<NumberMatch> parse_number(const std::vector<std::string>& words, std::size_t at, std::size_t limit);

// ASCII digits only (search form has folded Arabic-Indic digits); "3,500" and "12.5" are not.
std::optional<int> digits_value(std::string_view w);

}  // namespace masar::text
