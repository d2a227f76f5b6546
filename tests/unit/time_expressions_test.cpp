// Time expressions: one test per rule family, against an anchor of Wednesday 2023-06-21.
#include <gtest/gtest.h>

#include "masar/extract/time_expressions.hpp"

using namespace masar::extract;

namespace {

const DateTime kAnchor = parse_iso_date("2023-06-21");  // a Wednesday

// "first..last precision" of the only (or the first relative) expression, "" when none.
std::string resolve(std::string_view text, const DateTime& anchor = kAnchor) {
  for (const auto& e : find_time_expressions(text, anchor)) {
    std::string out = e.first.iso();
    if (e.last.iso() != e.first.iso()) out += ".." + e.last.iso();
    return out + " " + precision_name(e.precision);
  }
  return "";
}

std::string covered(std::string_view text) {
  const auto all = find_time_expressions(text, kAnchor);
  return all.empty() ? "" : std::string(text.substr(all[0].begin, all[0].end - all[0].begin));
}

}  // namespace

TEST(TimeDays, TodayYesterdayTomorrow) {
  EXPECT_EQ(resolve("أعلن الوزير اليوم"), "2023-06-21 day");
  EXPECT_EQ(resolve("وصل الوفد أمس"), "2023-06-20 day");
  EXPECT_EQ(resolve("وأمس قال"), "2023-06-20 day");
  EXPECT_EQ(resolve("بالأمس"), "2023-06-20 day");
  EXPECT_EQ(resolve("أول أمس"), "2023-06-19 day");
  EXPECT_EQ(resolve("أول من أمس"), "2023-06-19 day");
  EXPECT_EQ(resolve("يصل غداً"), "2023-06-22 day");
  EXPECT_EQ(resolve("بعد غد"), "2023-06-23 day");
}

// "أمس الأول" is the day before yesterday, as "أول أمس" is; "… قبل الماضي" one more back.
TEST(TimeDays, TheDayBeforeYesterdayAndTheOneBeforeLast) {
  EXPECT_EQ(resolve("وصل الوفد أمس الأول"), "2023-06-19 day");
  EXPECT_EQ(covered("وصل الوفد أمس الأول"), "أمس الأول");
  EXPECT_EQ(resolve("الأسبوع قبل الماضي"), "2023-06-03..2023-06-09 week");
  EXPECT_EQ(resolve("الشهر قبل الماضي"), "2023-04-01..2023-04-30 month");
  EXPECT_EQ(resolve("في العام قبل الماضي"), "2021-01-01..2021-12-31 year");
  EXPECT_EQ(resolve("السنة قبل الماضية"), "2021-01-01..2021-12-31 year");
}

TEST(TimeDays, NamedDaysAreNotToday) {
  EXPECT_EQ(resolve("احتفالات اليوم الوطني"), "");
  EXPECT_EQ(resolve("اليوم الاثنين"), "2023-06-21 day");
}

TEST(TimeWeekdays, PastNextAndBare) {
  EXPECT_EQ(resolve("الأربعاء الماضي"), "2023-06-14 day");  // the anchor is a Wednesday
  EXPECT_EQ(resolve("يوم الخميس المقبل"), "2023-06-22 day");
  EXPECT_EQ(resolve("الأربعاء المقبل"), "2023-06-28 day");
  EXPECT_EQ(resolve("قال الوزير الثلاثاء"), "2023-06-20 day");
  EXPECT_EQ(resolve("أعلن الأربعاء"), "2023-06-21 day");
  EXPECT_EQ(resolve("السبت"), "2023-06-17 day");
  EXPECT_EQ(resolve("يوم الاثنين"), "2023-06-19 day");
  EXPECT_EQ(resolve("بين الاثنين"), "");  // "the two"
}

// A bare weekday also carries its next occurrence, the reading for a plan; the anchor's own
// weekday is the anchor either way, and a weekday with a direction has no second reading.
TEST(TimeWeekdays, ABareWeekdayAlsoReadsAhead) {
  const auto ahead = [](std::string_view text) {
    const auto all = find_time_expressions(text, kAnchor);
    return all.empty() || !all[0].ahead.valid() ? std::string() : all[0].ahead.iso();
  };
  EXPECT_EQ(ahead("سيصل الوفد الجمعة"), "2023-06-23");
  EXPECT_EQ(ahead("يوم الثلاثاء"), "2023-06-27");
  EXPECT_EQ(ahead("الأربعاء"), "2023-06-21");
  EXPECT_EQ(ahead("الجمعة المقبل"), "");
  EXPECT_EQ(ahead("الجمعة الماضي"), "");
  EXPECT_EQ(ahead("أمس"), "");
}

TEST(TimeDays, TomorrowAndTonightInOtherWords) {
  EXPECT_EQ(resolve("يصل الوفد يوم غد"), "2023-06-22 day");
  EXPECT_EQ(resolve("صباح الغد"), "2023-06-22 day");
  EXPECT_EQ(resolve("يلقي كلمة الليلة"), "2023-06-21 day");
  EXPECT_EQ(resolve("في الغد القريب"), "");  // "the near future"
}

// "قبل يومين", "قبل ثلاثة أيام", "قبل 5 أشهر", "قبل عام": counted back from the anchor (a
// week, month or year as the span that holds that day).
TEST(TimeCounted, DaysWeeksMonthsAndYearsAgo) {
  EXPECT_EQ(resolve("قتل قبل يومين"), "2023-06-19 day");
  EXPECT_EQ(resolve("وقبل يومين"), "2023-06-19 day");
  EXPECT_EQ(resolve("اختفى قبل ثلاثة أيام"), "2023-06-18 day");
  EXPECT_EQ(resolve("قبل 3 أيام"), "2023-06-18 day");
  EXPECT_EQ(resolve("قبل يوم واحد"), "2023-06-20 day");
  EXPECT_EQ(resolve("قبل أسبوعين"), "2023-06-03..2023-06-09 week");
  EXPECT_EQ(resolve("قبل أسبوع"), "2023-06-10..2023-06-16 week");
  EXPECT_EQ(resolve("قبل خمسة أشهر"), "2023-01-01..2023-01-31 month");
  EXPECT_EQ(resolve("قبل شهرين"), "2023-04-01..2023-04-30 month");
  EXPECT_EQ(resolve("قبل عام"), "2022-01-01..2022-12-31 year");
  EXPECT_EQ(resolve("قبل 15 عاما"), "2008-01-01..2008-12-31 year");
  EXPECT_EQ(resolve("قبل سنتين"), "2021-01-01..2021-12-31 year");
  const auto found = find_time_expressions("قبل يومين وأمس", kAnchor);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(found[0].counted);
  EXPECT_FALSE(found[1].counted);
}

// Counted from another happening, a noun and not a count, or a duration: no date.
TEST(TimeCounted, NotFromTheAnchor) {
  EXPECT_EQ(resolve("قبل ثلاثة أيام من الهجوم"), "");
  EXPECT_EQ(resolve("قبل يومين على الانتخابات"), "");
  EXPECT_EQ(resolve("قبل أسبوعين فقط من الإعلان"), "");
  EXPECT_EQ(resolve("قبل شهر رمضان"), "");
  EXPECT_EQ(resolve("قبل يوم الانتخابات"), "");
  EXPECT_EQ(resolve("قبل أيام"), "");  // how many is not said
  EXPECT_EQ(resolve("قبل الجولة الثالثة"), "");
  EXPECT_EQ(resolve("لن تنتهي الحرائق قبل أسبوع آخر"), "");
  EXPECT_EQ(resolve("واقترنت به بعد ثلاث سنوات"), "");
  EXPECT_EQ(resolve("يجتمع لأول مرة منذ 22 عاما"), "");
  EXPECT_EQ(resolve("منذ عام 2011"), "2011-01-01..2011-12-31 year");
}

TEST(TimeWeeks, SaturdayToFriday) {
  EXPECT_EQ(resolve("الأسبوع الماضي"), "2023-06-10..2023-06-16 week");
  EXPECT_EQ(resolve("هذا الأسبوع"), "2023-06-17..2023-06-23 week");
  EXPECT_EQ(resolve("الأسبوع المقبل"), "2023-06-24..2023-06-30 week");
}

TEST(TimeMonths, RelativeAndNamed) {
  EXPECT_EQ(resolve("الشهر الماضي"), "2023-05-01..2023-05-31 month");
  EXPECT_EQ(resolve("الشهر الجاري"), "2023-06-01..2023-06-30 month");
  EXPECT_EQ(resolve("الشهر المقبل"), "2023-07-01..2023-07-31 month");
  EXPECT_EQ(resolve("حزيران الماضي"), "2022-06-01..2022-06-30 month");
  EXPECT_EQ(resolve("آذار الماضي"), "2023-03-01..2023-03-31 month");
  EXPECT_EQ(resolve("يناير المقبل"), "2024-01-01..2024-01-31 month");
  EXPECT_EQ(resolve("سبتمبر من العام الماضي"), "2022-09-01..2022-09-30 month");
}

TEST(TimeYears, RelativeAndNumbered) {
  EXPECT_EQ(resolve("العام الماضي"), "2022-01-01..2022-12-31 year");
  EXPECT_EQ(resolve("خلال السنة المقبلة"), "2024-01-01..2024-12-31 year");
  EXPECT_EQ(resolve("هذا العام"), "2023-01-01..2023-12-31 year");
  EXPECT_EQ(resolve("في عام 2017"), "2017-01-01..2017-12-31 year");
  EXPECT_EQ(resolve("الأمين العام السابق للأمم المتحدة"), "");  // an adjective, not a year
}

TEST(TimeParts, StartMiddleEnd) {
  EXPECT_EQ(resolve("مطلع الشهر المقبل"), "2023-07-01..2023-07-10 month_part");
  EXPECT_EQ(resolve("منتصف الشهر الجاري"), "2023-06-11..2023-06-20 month_part");
  EXPECT_EQ(resolve("أواخر حزيران الماضي"), "2022-06-21..2022-06-30 month_part");
  EXPECT_EQ(resolve("بمطلع العام"), "2023-01-01..2023-03-31 month");
  EXPECT_EQ(resolve("نهاية العام المقبل"), "2024-10-01..2024-12-31 month");
}

TEST(TimeParts, HalvesAndQuarters) {
  EXPECT_EQ(resolve("النصف الثاني من العام الجاري"), "2023-07-01..2023-12-31 half_year");
  EXPECT_EQ(resolve("النصف الأول من العام المقبل"), "2024-01-01..2024-06-30 half_year");
  EXPECT_EQ(resolve("الربع الثالث من عام 2022"), "2022-07-01..2022-09-30 quarter");
}

TEST(TimeDayOfMonth, OrdinalsAndDigitsWithoutAYear) {
  EXPECT_EQ(resolve("في الخامس من الشهر الماضي"), "2023-05-05 day");
  EXPECT_EQ(resolve("في الحادي والعشرين من الشهر الجاري"), "2023-06-21 day");
  EXPECT_EQ(resolve("٢١ حزيران"), "2023-06-21 day");
  EXPECT_EQ(resolve("في 3 كانون الثاني"), "2023-01-03 day");
  EXPECT_EQ(resolve("30 كانون الأول", parse_iso_date("2024-01-02")), "2023-12-30 day");  // nearest year
  EXPECT_EQ(resolve("الجولة 20 من محادثات أستانا"), "");
}

TEST(TimeAbsolute, DatesWithYearsStayAbsoluteAndNeedNoAnchor) {
  const auto all = find_time_expressions("صدر في 2023/06/21 بيان", DateTime{});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].first.iso(), "2023-06-21");
  EXPECT_FALSE(all[0].relative);
  EXPECT_TRUE(find_time_expressions("وصل أمس", DateTime{}).empty());  // no anchor, no relative dates
}

TEST(TimeOffsets, PointIntoTheOriginalText) {
  EXPECT_EQ(covered("قال إنه وصل الأربعاءَ الماضـي إلى جنيف"), "الأربعاءَ الماضـي");
  EXPECT_EQ(covered("النصف الثاني من العام الجاري سيشهد"), "النصف الثاني من العام الجاري");
  const std::string text = "اجتماع في 21 حزيران/يونيو 2023 ثم أمس";
  const auto all = find_time_expressions(text, kAnchor);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_FALSE(all[0].relative);
  EXPECT_EQ(text.substr(all[1].begin, all[1].end - all[1].begin), "أمس");
}

TEST(TimeContract, InvalidUtf8GivesNothing) { EXPECT_TRUE(find_time_expressions("\xff أمس", kAnchor).empty()); }
