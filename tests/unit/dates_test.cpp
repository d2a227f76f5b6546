#include "masar/extract/dates.hpp"

#include <gtest/gtest.h>

#include <random>

#include "masar/text/utf8.hpp"

using namespace masar::extract;

namespace {
std::string iso(std::string_view s) {
  auto d = parse_date(s);
  return d ? d->iso() : "";
}
}  // namespace

// Numeric forms.
TEST(Dates, YearFirstSlash) { EXPECT_EQ(iso("2023/06/21"), "2023-06-21"); }
TEST(Dates, YearFirstDash) { EXPECT_EQ(iso("2023-06-21"), "2023-06-21"); }
TEST(Dates, DayFirstSlash) { EXPECT_EQ(iso("21/06/2023"), "2023-06-21"); }
TEST(Dates, DayFirstDash) { EXPECT_EQ(iso("21-06-2023"), "2023-06-21"); }
TEST(Dates, DayFirstDot) { EXPECT_EQ(iso("21.06.2023"), "2023-06-21"); }
TEST(Dates, MonthFirstOnlyWhenForced) {
  EXPECT_EQ(iso("06/21/2023"), "2023-06-21");  // 21 cannot be a month
  EXPECT_EQ(iso("05/06/2023"), "2023-06-05");  // ambiguous: day first
}
TEST(Dates, ArabicIndicDigits) {
  EXPECT_EQ(iso("٢٠٢٣/٠٦/٢١"), "2023-06-21");
  EXPECT_EQ(iso("٢٣-٠١-٢٠١٧"), "2017-01-23");
}
// Month names.
TEST(Dates, EgyptianMonth) { EXPECT_EQ(iso("21 يونيو 2023"), "2023-06-21"); }
TEST(Dates, LevantineMonthWithMin) { EXPECT_EQ(iso("21 من حزيران 2023"), "2023-06-21"); }
TEST(Dates, LevantinePairWithSlash) { EXPECT_EQ(iso("8 شباط/فبراير 2023"), "2023-02-08"); }
TEST(Dates, TwoWordLevantineMonths) {
  EXPECT_EQ(iso("27 كانون الأول 2017"), "2017-12-27");
  EXPECT_EQ(iso("3 كانون الثاني 2018"), "2018-01-03");
  EXPECT_EQ(iso("30 تشرين الأول 2019"), "2019-10-30");
  EXPECT_EQ(iso("12 تشرين الثاني 2020"), "2020-11-12");
}
TEST(Dates, SpacedPunctuationAsInScrapedText) { EXPECT_EQ(iso("( 27 كانون الأول / ديسمبر 2017 )"), "2017-12-27"); }
TEST(Dates, CommaBeforeYear) { EXPECT_EQ(iso("27 ديسمبر , 2017"), "2017-12-27"); }
TEST(Dates, WeekdayIsPartOfTheMention) {
  const std::string s = "نشر الأربعاء، 21 يونيو 2023 في دمشق";
  auto all = find_dates(s);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(s.substr(all[0].begin, all[0].end - all[0].begin), "الأربعاء، 21 يونيو 2023");
}
TEST(Dates, MaghrebiMonths) {
  EXPECT_EQ(iso("5 جوان 2017"), "2017-06-05");
  EXPECT_EQ(iso("14 جويلية 2017"), "2017-07-14");
  EXPECT_EQ(iso("2 أوت 2017"), "2017-08-02");
}
TEST(Dates, MoroccanMonths) {
  EXPECT_EQ(iso("10 غشت 2019"), "2019-08-10");
  EXPECT_EQ(iso("3 شتنبر 2019"), "2019-09-03");
  EXPECT_EQ(iso("9 دجنبر 2019"), "2019-12-09");
}
TEST(Dates, AlefAndHamzaVariantsOfMonthNames) {
  EXPECT_EQ(iso("1 ابريل 2018"), "2018-04-01");
  EXPECT_EQ(iso("1 إبريل 2018"), "2018-04-01");
  EXPECT_EQ(iso("2 اذار 2018"), "2018-03-02");
}
// Times.
TEST(Dates, TimeAfternoon) { EXPECT_EQ(iso("21 من حزيران 2023 - 4:16 م"), "2023-06-21T16:16"); }
TEST(Dates, TimeMorning) { EXPECT_EQ(iso("22/12/2017 - 09:41 ص"), "2017-12-22T09:41"); }
TEST(Dates, TimeWithSpacesAroundColon) { EXPECT_EQ(iso("27 ديسمبر , 2017 01 : 13 م"), "2017-12-27T13:13"); }
TEST(Dates, TwentyFourHourTime) { EXPECT_EQ(iso("2023/06/21 16:04"), "2023-06-21T16:04"); }
// Negatives.
TEST(Dates, ImpossibleDatesAreRejected) {
  EXPECT_EQ(iso("31/02/2023"), "");
  EXPECT_EQ(iso("13/13/2023"), "");
  EXPECT_EQ(iso("1/1/1800"), "");
}
TEST(Dates, ScoresAndPhoneNumbersAreNotDates) {
  EXPECT_EQ(iso("فاز الفريق 3-1 أمس"), "");
  EXPECT_EQ(iso("اتصلوا على 0933-123-456"), "");
  EXPECT_EQ(iso("أب الشهيد 2023"), "");  // "أب" is a father here, not August: no day before it
}
TEST(Dates, IsoFromJsonFeeds) {
  EXPECT_EQ(parse_iso_date("2018-04-10T12:00:00+03:00").iso(), "2018-04-10T12:00");
  EXPECT_EQ(parse_iso_date("2018-04-10").iso(), "2018-04-10");
  EXPECT_FALSE(parse_iso_date("10/04/2018").valid());
}
TEST(Dates, OffsetsPointIntoTheOriginal) {
  const std::string s = "قال مصدر يوم ٢١ من حَزيران ٢٠٢٣ إن";
  auto all = find_dates(s);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(s.substr(all[0].begin, all[0].end - all[0].begin), "٢١ من حَزيران ٢٠٢٣");
}

TEST(DatesContract, RandomInputNeverBreaksOffsets) {
  static const char32_t kPieces[] = {'0', '1', '2', '9', '/', '-', '.', ' ', ':', 0x0662, 0x0660, 0x062D, 0x064A, 0x0645};
  std::mt19937 rng(5);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
  const std::vector<std::string> words = {"حزيران", "يونيو", "كانون", "الأول", "من", "2023", "31", "12", "م"};
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    for (int i = 0; i < 30; ++i) {
      if (rng() % 4 == 0) s += words[rng() % words.size()] + " ";
      else masar::text::append_utf8(s, kPieces[pick(rng)]);
    }
    std::size_t last_end = 0;
    for (const auto& m : find_dates(s)) {
      ASSERT_LE(last_end, m.begin) << s;
      ASSERT_LT(m.begin, m.end);
      ASSERT_LE(m.end, s.size());
      ASSERT_TRUE(m.value.valid());
      last_end = m.end;
    }
  }
}
