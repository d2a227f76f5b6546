// One test per date form and rule; sentences are written for these tests.
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
// The text of the only mention in `s` (empty when there is not exactly one).
std::string mention(const std::string& s) {
  auto all = find_dates(s);
  return all.size() == 1 ? s.substr(all[0].begin, all[0].end - all[0].begin) : "";
}
}  // namespace

// Numeric forms.
TEST(Dates, YearFirstSlash) { EXPECT_EQ(iso("2023/06/21"), "2023-06-21"); }
TEST(Dates, YearFirstDash) { EXPECT_EQ(iso("2023-06-21"), "2023-06-21"); }
TEST(Dates, DayFirstSlash) { EXPECT_EQ(iso("21/06/2023"), "2023-06-21"); }
TEST(Dates, DayFirstDash) { EXPECT_EQ(iso("21-06-2023"), "2023-06-21"); }
TEST(Dates, DayFirstDot) { EXPECT_EQ(iso("21.06.2023"), "2023-06-21"); }
TEST(Dates, SpacesAroundSeparators) { EXPECT_EQ(iso("صدر البيان في 21 / 06 / 2023 مساء"), "2023-06-21"); }
TEST(Dates, BackslashAndArabicDateSeparator) {
  EXPECT_EQ(iso("الاحد 21 \\ 1 \\ 2018"), "2018-01-21");
  EXPECT_EQ(iso("21؍06؍2023"), "2023-06-21");
}
TEST(Dates, DayFirstUnlessImpossible) { EXPECT_EQ(iso("05/06/2023"), "2023-06-05"); }
TEST(Dates, MonthFirstWhenTheDayCannotBeAMonth) { EXPECT_EQ(iso("06/21/2023"), "2023-06-21"); }
TEST(Dates, MixedSeparatorsAreNoDate) { EXPECT_EQ(iso("21/06-2023"), ""); }
TEST(Dates, ArabicIndicDigits) {
  EXPECT_EQ(iso("٢٠٢٣/٠٦/٢١"), "2023-06-21");
  EXPECT_EQ(iso("٢٣-٠١-٢٠١٧"), "2017-01-23");
}
TEST(Dates, PersianDigits) { EXPECT_EQ(iso("۲۰۲۳/۰۶/۲۱"), "2023-06-21"); }

// Month names.
TEST(Dates, EgyptianMonth) { EXPECT_EQ(iso("21 يونيو 2023"), "2023-06-21"); }
TEST(Dates, EgyptianSpellingsWithHa) {
  EXPECT_EQ(iso("21 يونيه 2023"), "2023-06-21");
  EXPECT_EQ(iso("4 يوليه 2023"), "2023-07-04");
}
TEST(Dates, TaMarbutaSpelling) { EXPECT_EQ(iso("21 يونية 2023"), "2023-06-21"); }
TEST(Dates, GulfMonths) {
  EXPECT_EQ(iso("1 يناير 2024"), "2024-01-01");
  EXPECT_EQ(iso("14 فبراير 2024"), "2024-02-14");
  EXPECT_EQ(iso("9 مارس 2024"), "2024-03-09");
  EXPECT_EQ(iso("30 سبتمبر 2024"), "2024-09-30");
  EXPECT_EQ(iso("2 نوفمبر 2024"), "2024-11-02");
}
TEST(Dates, LevantineMonthWithMin) { EXPECT_EQ(iso("21 من حزيران 2023"), "2023-06-21"); }
TEST(Dates, LevantineMonths) {
  EXPECT_EQ(iso("7 نيسان 2022"), "2022-04-07");
  EXPECT_EQ(iso("15 أيار 2022"), "2022-05-15");
  EXPECT_EQ(iso("3 تموز 2022"), "2022-07-03");
  EXPECT_EQ(iso("19 آب 2022"), "2022-08-19");
  EXPECT_EQ(iso("11 أيلول 2022"), "2022-09-11");
}
TEST(Dates, LevantineThenGregorianWithSlash) { EXPECT_EQ(iso("21 حزيران/يونيو 2023"), "2023-06-21"); }
TEST(Dates, GregorianThenLevantine) { EXPECT_EQ(iso("8 فبراير / شباط 2023"), "2023-02-08"); }
TEST(Dates, SecondNameInParentheses) { EXPECT_EQ(iso("16 آذار ( مارس ) 2016"), "2016-03-16"); }
TEST(Dates, TwoWordLevantineMonths) {
  EXPECT_EQ(iso("27 كانون الأول 2017"), "2017-12-27");
  EXPECT_EQ(iso("3 كانون الثاني 2018"), "2018-01-03");
  EXPECT_EQ(iso("30 تشرين الأول 2019"), "2019-10-30");
  EXPECT_EQ(iso("12 تشرين الثاني 2020"), "2020-11-12");
  EXPECT_EQ(iso("12 تشرين ثاني 2020"), "2020-11-12");
}
TEST(Dates, KanunWithoutOrdinalIsNoMonth) { EXPECT_EQ(iso("21 كانون 2017"), ""); }
TEST(Dates, GluedMonthNames) { EXPECT_EQ(iso("الاحد 21 ينايركانون الثاني 2018"), "2018-01-21"); }
TEST(Dates, SpacedPunctuationAsInScrapedText) { EXPECT_EQ(iso("( 27 كانون الأول / ديسمبر 2017 )"), "2017-12-27"); }
TEST(Dates, CommaBeforeYear) { EXPECT_EQ(iso("27 ديسمبر , 2017"), "2017-12-27"); }
TEST(Dates, YearWord) { EXPECT_EQ(iso("في 30 سبتمبر عام 2015"), "2015-09-30"); }
TEST(Dates, MonthBetweenSlashes) { EXPECT_EQ(iso("الأحد 03 / ديسمبر / 2017"), "2017-12-03"); }
TEST(Dates, MonthFirstWithComma) { EXPECT_EQ(iso("نشر يناير 20 , 2018 في القسم"), "2018-01-20"); }
TEST(Dates, EnglishFurniture) {
  EXPECT_EQ(iso("Sunday 21st January 2018"), "2018-01-21");
  EXPECT_EQ(iso("20 Aug, 2013"), "2013-08-20");
  EXPECT_EQ(iso("December 28, 2017"), "2017-12-28");
}
TEST(Dates, WeekdayIsPartOfTheMention) { EXPECT_EQ(mention("نشر الأربعاء 21 يونيو 2023 في دمشق"), "الأربعاء 21 يونيو 2023"); }
TEST(Dates, WeekdayWithArabicComma) { EXPECT_EQ(mention("نشر الأربعاء، 21 يونيو 2023 في دمشق"), "الأربعاء، 21 يونيو 2023"); }
TEST(Dates, AlgerianMonths) {
  EXPECT_EQ(iso("21 جانفي 2018"), "2018-01-21");
  EXPECT_EQ(iso("3 فيفري 2018"), "2018-02-03");
  EXPECT_EQ(iso("9 أفريل 2018"), "2018-04-09");
  EXPECT_EQ(iso("5 جوان 2017"), "2017-06-05");
  EXPECT_EQ(iso("14 جويلية 2017"), "2017-07-14");
  EXPECT_EQ(iso("2 أوت 2017"), "2017-08-02");
}
TEST(Dates, MoroccanMonths) {
  EXPECT_EQ(iso("1 ماي 2019"), "2019-05-01");
  EXPECT_EQ(iso("20 يوليوز 2019"), "2019-07-20");
  EXPECT_EQ(iso("10 غشت 2019"), "2019-08-10");
  EXPECT_EQ(iso("3 شتنبر 2019"), "2019-09-03");
  EXPECT_EQ(iso("6 نونبر 2019"), "2019-11-06");
  EXPECT_EQ(iso("9 دجنبر 2019"), "2019-12-09");
}
TEST(Dates, AlefAndHamzaVariantsOfMonthNames) {
  EXPECT_EQ(iso("1 ابريل 2018"), "2018-04-01");
  EXPECT_EQ(iso("1 إبريل 2018"), "2018-04-01");
  EXPECT_EQ(iso("2 اذار 2018"), "2018-03-02");
  EXPECT_EQ(iso("2 اغسطس 2018"), "2018-08-02");
  EXPECT_EQ(iso("2 ايلول 2018"), "2018-09-02");
}
TEST(Dates, DiacriticsAndTatweelInMonthNames) { EXPECT_EQ(iso("21 حَزِيـران 2023"), "2023-06-21"); }
TEST(Dates, ArabicIndicDigitsWithMonthName) { EXPECT_EQ(iso("٢١ حزيران ٢٠٢٣"), "2023-06-21"); }

// Times.
TEST(Dates, TimeAfternoon) { EXPECT_EQ(iso("21 من حزيران 2023 - 4:16 م"), "2023-06-21T16:16"); }
TEST(Dates, TimeMorning) { EXPECT_EQ(iso("22/12/2017 - 04:16 ص"), "2017-12-22T04:16"); }
TEST(Dates, TwelveAmIsMidnight) { EXPECT_EQ(iso("22/12/2017 12:05 ص"), "2017-12-22T00:05"); }
TEST(Dates, TimeWithSpacesAroundColon) { EXPECT_EQ(iso("27 ديسمبر , 2017 01 : 13 م"), "2017-12-27T13:13"); }
TEST(Dates, TwentyFourHourTime) { EXPECT_EQ(iso("2023/06/21 16:04"), "2023-06-21T16:04"); }
TEST(Dates, TimeWithSecondsAndWords) {
  EXPECT_EQ(iso("21 / 11 / 2017 06:33:55 م"), "2017-11-21T18:33");
  EXPECT_EQ(iso("الثلاثاء 31 - 10 - 2017 الساعة 8:27 مساء"), "2017-10-31T20:27");
}
TEST(Dates, TimeBeforeTheDate) {
  EXPECT_EQ(iso("تم النشر: 18:38 16/02/2017"), "2017-02-16T18:38");
  EXPECT_EQ(iso("18:38:55 16/02/2017"), "2017-02-16T18:38");
}
TEST(Dates, EraMarkIsNotPm) {
  EXPECT_EQ(iso("الأحد 21 يناير 2018 م"), "2018-01-21");
  EXPECT_EQ(mention("العدد 88 الأحد 21 يناير 2018 م | الموافق"), "الأحد 21 يناير 2018 م");
}
TEST(Dates, ImpossibleTimeIsLeftOut) { EXPECT_EQ(iso("21/06/2023 25:10"), "2023-06-21"); }

// Negatives.
TEST(Dates, ImpossibleDatesAreRejected) {
  EXPECT_EQ(iso("31/02/2023"), "");
  EXPECT_EQ(iso("13/13/2023"), "");
  EXPECT_EQ(iso("31 حزيران 2023"), "");
}
TEST(Dates, YearsOutsideTheRangeAreRejected) {
  EXPECT_EQ(iso("1/1/1800"), "");
  EXPECT_EQ(iso("5 يونيو 2150"), "");
}
TEST(Dates, LeapDay) {
  EXPECT_EQ(iso("29/02/2024"), "2024-02-29");
  EXPECT_EQ(iso("29/02/2023"), "");
}
TEST(Dates, ScoreIsNotADate) { EXPECT_EQ(iso("فاز الفريق 3-1 أمس في الدوري"), ""); }
TEST(Dates, PhoneNumbersAreNotDates) {
  EXPECT_EQ(iso("اتصلوا على 0933-123-456"), "");
  EXPECT_EQ(iso("الرقم 0933-21-06-2023 للطوارئ"), "");
}
TEST(Dates, VersionNumberIsNotADate) { EXPECT_EQ(iso("الإصدار 1.21.06.2023 متاح"), ""); }
TEST(Dates, MonthWithoutYearIsNoAbsoluteDate) { EXPECT_EQ(iso("تعقد الجولة في 12 يونيو المقبل"), ""); }
TEST(Dates, FatherIsNotAugust) { EXPECT_EQ(iso("أب الشهيد 2023"), ""); }
TEST(Dates, HijriDateIsNotGregorian) { EXPECT_EQ(iso("5 جمادى الأولى 1439"), ""); }
TEST(Dates, DateNeverSpansLines) { EXPECT_EQ(iso("21 يونيو\n2023"), ""); }

// Several dates and offsets.
TEST(Dates, SeveralDatesInOrder) {
  const std::string s = "ولد في 14 يناير 1965 وتوفي في 10 يوليو 2006 في القوقاز";
  auto all = find_dates(s);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].value.iso(), "1965-01-14");
  EXPECT_EQ(all[1].value.iso(), "2006-07-10");
  EXPECT_LE(all[0].end, all[1].begin);
}
TEST(Dates, RangeTakesTheLastDay) { EXPECT_EQ(iso("بين 21-23 يونيو 2023"), "2023-06-23"); }
TEST(Dates, OffsetsPointIntoTheOriginal) {
  EXPECT_EQ(mention("قال مصدر يوم ٢١ من حَزيران ٢٠٢٣ إن"), "٢١ من حَزيران ٢٠٢٣");
}
TEST(Dates, MentionIncludesTheTime) { EXPECT_EQ(mention("نشر في 21/06/2023 - 4:16 م ثم"), "21/06/2023 - 4:16 م"); }

// Word lookups and ISO input.
TEST(Dates, MonthOfWord) {
  EXPECT_EQ(month_of_word("حزيران"), 6);
  EXPECT_EQ(month_of_word("ابريل"), 4);
  EXPECT_EQ(month_of_word("دجنبر"), 12);
  EXPECT_EQ(month_of_word("الوزير"), 0);
  EXPECT_EQ(month_of_pair("كانون", "الاول"), 12);
  EXPECT_EQ(month_of_pair("تشرين", "الثاني"), 11);
  EXPECT_EQ(month_of_pair("كانون", "اخر"), 0);
}
TEST(Dates, IsoFromJsonFeeds) {
  EXPECT_EQ(parse_iso_date("2018-04-10T12:00:00+03:00").iso(), "2018-04-10T12:00");
  EXPECT_EQ(parse_iso_date("2018-04-10T09:30:00Z").iso(), "2018-04-10T09:30");
  EXPECT_EQ(parse_iso_date("2018-04-10 09:30").iso(), "2018-04-10T09:30");
  EXPECT_EQ(parse_iso_date("2018-04-10").iso(), "2018-04-10");
}
TEST(Dates, NonIsoIsInvalid) {
  EXPECT_FALSE(parse_iso_date("10/04/2018").valid());
  EXPECT_FALSE(parse_iso_date("2018-02-30").valid());
  EXPECT_FALSE(parse_iso_date("2018-04").valid());
  EXPECT_FALSE(parse_iso_date("").valid());
}
TEST(Dates, IsoFormat) {
  EXPECT_EQ((DateTime{2023, 6, 1, -1, -1}).iso(), "2023-06-01");
  EXPECT_EQ((DateTime{2023, 6, 1, 7, 5}).iso(), "2023-06-01T07:05");
  EXPECT_EQ((DateTime{2023, 2, 30, -1, -1}).iso(), "");
}

// Random input: seeded strings mixing Arabic letters, digits of three scripts, separators and
// month names of every system. find_dates must not crash; mentions stay in bounds, in order
// and valid.
TEST(DatesContract, RandomInputKeepsOffsetsInBoundsAndIncreasing) {
  static const char32_t kChars[] = {'0', '1', '2', '3', '9', '/', '-', '.', ' ', ' ', ':', ',', '(', ')', 0x060C,
                                    0x0662, 0x0660, 0x06F1, 0x062D, 0x064A, 0x0645, 0x0644, 0x0627, 0x064E, 0x0640};
  static const char* const kWords[] = {"حزيران", "يونيو", "يونيه", "كانون", "الأول", "الثاني", "تشرين", "من", "جانفي",
                                       "دجنبر", "آب", "أيار", "January", "21st", "الأربعاء،", "2023", "٢٠٢٣", "31",
                                       "12", "م", "ص", "عام", "ينايركانون", "1900", "2100"};
  std::mt19937 rng(20230621);
  for (int round = 0; round < 500; ++round) {
    std::string s;
    const int pieces = 1 + static_cast<int>(rng() % 40);
    for (int i = 0; i < pieces; ++i) {
      if (rng() % 3 == 0) {
        s += kWords[rng() % std::size(kWords)];
        s += ' ';
      } else {
        masar::text::append_utf8(s, kChars[rng() % std::size(kChars)]);
      }
    }
    std::size_t last_end = 0;
    for (const auto& m : find_dates(s)) {
      ASSERT_LE(last_end, m.begin) << s;
      ASSERT_LT(m.begin, m.end) << s;
      ASSERT_LE(m.end, s.size()) << s;
      ASSERT_TRUE(m.value.valid()) << s;
      ASSERT_TRUE(masar::text::is_valid_utf8(std::string_view(s).substr(m.begin, m.end - m.begin))) << s;
      last_end = m.end;
    }
  }
}

TEST(DatesContract, TruncatedUtf8DoesNotCrash) {
  const std::string whole = "21 حزيران 2023";
  for (std::size_t cut = 0; cut <= whole.size(); ++cut) {
    const std::string s = whole.substr(0, cut) + "\xD8";  // a lead byte with nothing after it
    for (const auto& m : find_dates(s)) ASSERT_LE(m.end, s.size());
  }
}

// --from / --to of the CLI and the API: a year or a month stands for its first day when it opens
// a range and for its last when it closes one; a date that does not exist is refused.
TEST(DateBound, AYearOrAMonthStandsForItsFirstOrLastDay) {
  EXPECT_EQ(date_bound("2018", DateEdge::first).value_or(""), "2018-01-01");
  EXPECT_EQ(date_bound("2018", DateEdge::last).value_or(""), "2018-12-31");
  EXPECT_EQ(date_bound("2018-02", DateEdge::last).value_or(""), "2018-02-28");
  EXPECT_EQ(date_bound("2016-02", DateEdge::last).value_or(""), "2016-02-29");
  EXPECT_EQ(date_bound("2018-04", DateEdge::first).value_or(""), "2018-04-01");
  EXPECT_EQ(date_bound("2018-04-10", DateEdge::last).value_or(""), "2018-04-10");
  for (const char* bad : {"2018-13", "2018-02-30", "2018-00-10", "18-01-01", "2018-1-1", "2018/04/10", "yesterday", "", "1850", "2201"}) {
    EXPECT_FALSE(date_bound(bad, DateEdge::first).has_value()) << bad;
  }
}
