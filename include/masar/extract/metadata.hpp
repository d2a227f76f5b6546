// Metadata guessed from an article's first lines when the input lacks it: the title, the
// publication date and the outlet (from a byline or dateline). Lines are display-cleaned.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "masar/extract/dates.hpp"

namespace masar::extract {

struct TitleGuess {
  std::string title;
  // Lines that are the title, its repetition, or a breadcrumb ending in it; the first is
  // the title line itself when the title was a line of its own.
  std::vector<std::size_t> consumed_lines;
};
// The first real line: not empty, not a date, not a breadcrumb (unless the breadcrumb ends
// in a long segment, which is then the title), not a byline, not a long paragraph. A title
// repeated as the next line counts once.
TitleGuess guess_title(const std::vector<std::string>& lines);

struct OutletGuess {
  std::string name;
  std::size_t line = 0;
  bool line_is_only_byline = false;  // the line says nothing else and can be dropped
};
// "X – فريق التحرير", "طهران – مدار اليوم" (city – outlet), "صحيفة المنارة" alone, "المصدر: X",
// "بغداد (رويترز) - ..." (an agency in a dateline).
std::optional<OutletGuess> guess_outlet(const std::vector<std::string>& lines);

struct DateGuess {
  DateTime date;
  std::size_t line = 0;
  bool line_is_only_date = false;
};
// The publication date from the first lines: a date after "نشر في"/"تاريخ النشر" first, then
// the earliest stamp (a line of dates, a date with a time or weekday, "آخر تحديث ..."), then
// the first date in prose.
std::optional<DateGuess> guess_publication_date(const std::vector<std::string>& lines);

// A line that is only a byline or dateline: "نور سلطان – خاص", "مدار اليوم – سوتشي",
// "المرصد العربي – جنيف | 22 تشرين الأول 2021".
bool is_byline_line(const std::string& line);

// A breadcrumb line: "الرئيسية / أخبار / سوريا", "Home > News".
bool is_breadcrumb(const std::string& line);
// A city that opens datelines (دمشق, نور سلطان, أستانة ...); `normalized` is search-normalized.
bool is_known_city(const std::string& normalized);
// True when `line` holds nothing but these dates and their lead-ins ("نشر في", "آخر تحديث:",
// a Hijri date); `mentions` are find_dates(line).
bool only_dates(std::string_view line, const std::vector<DateMention>& mentions);

}  // namespace masar::extract
