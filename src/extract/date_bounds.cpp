// The bounds of a date range as users write them (--from / --to, from= / to=).
#include "masar/extract/dates.hpp"

namespace masar::extract {

std::optional<std::string> date_bound(std::string_view w, DateEdge edge) {
  const auto number = [&](std::size_t from, std::size_t n) -> int {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (w[i] < '0' || w[i] > '9') return -1;
      v = v * 10 + (w[i] - '0');
    }
    return v;
  };
  const bool shape = w.size() == 4 || (w.size() == 7 && w[4] == '-') || (w.size() == 10 && w[4] == '-' && w[7] == '-');
  if (!shape) return std::nullopt;
  const int year = number(0, 4);
  const int month = w.size() >= 7 ? number(5, 2) : edge == DateEdge::first ? 1 : 12;
  if (year < 0 || month < 1 || month > 12) return std::nullopt;
  const int day = w.size() == 10 ? number(8, 2) : edge == DateEdge::first ? 1 : days_in_month(year, month);
  const DateTime date{year, month, day};
  if (day < 1 || day > days_in_month(year, month) || !date.valid()) return std::nullopt;  // valid: 1900-2100, as dates are read
  return date.iso();
}

}  // namespace masar::extract
