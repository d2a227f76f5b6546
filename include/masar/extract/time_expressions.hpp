// Time expressions, absolute and relative, resolved against the article's publication date:
//   اليوم، أمس، أول أمس / أمس الأول، غداً، بعد غد؛ الأربعاء (الماضي / المقبل)؛ الأسبوع / الشهر / العام
//   الماضي، قبل الماضي، الجاري، المقبل؛ مطلع / منتصف / أواخر الشهر أو العام؛ النصف الثاني من العام
//   الجاري؛ الربع الأول من العام المقبل؛ في الخامس من الشهر الماضي؛ حزيران الماضي؛ ٢١ حزيران
//   (the year nearest the anchor)؛ عام 2017؛ قبل يومين / ثلاثة أسابيع / 5 سنوات؛ يوم غد، صباح
//   الغد، الليلة (الماضية)؛ and every absolute date find_dates() reads.
// Each is a span of days [first, last] with the precision it was written with; offsets point
// into the original text.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "masar/extract/dates.hpp"

namespace masar::extract {

enum class TimePrecision { day, week, month_part, month, quarter, half_year, year };
const char* precision_name(TimePrecision p);  // "day", "week", "month_part", ...

struct TimeExpression {
  std::size_t begin = 0, end = 0;  // bytes of the whole expression in the text
  DateTime first, last;            // the days it covers (first == last for one day)
  TimePrecision precision = TimePrecision::day;
  bool relative = false;           // resolved against the anchor
  // A weekday written with no الماضي/المقبل is read back (news reports past days); `ahead` is
  // its next occurrence on or after the anchor, the reading for a plan ("سيلتقيان الجمعة").
  // Not valid for every other expression.
  DateTime ahead;
  // Counted back from the anchor ("قبل ثلاثة أيام", "قبل 5 سنوات"): news also writes so the
  // background of a report ("الذي حكم البلاد منذ استقلالها قبل 70 عاما"), so a reader should
  // take it only for what stands next to it.
  bool counted = false;
};

// In text order, over valid UTF-8 (decode first: text/utf8.hpp; invalid text gives nothing).
// Relative expressions need a valid `anchor` (without one only absolute dates
// are returned); a weekday alone means its latest occurrence on or before the anchor, as news
// reports past days ("قال الوزير الثلاثاء"), with its next occurrence in `ahead` for a plan.
std::vector<TimeExpression> find_time_expressions(std::string_view text, const DateTime& anchor);

}  // namespace masar::extract
