#include "masar/cluster/series.hpp"

#include <gtest/gtest.h>

#include <random>

#include "masar/text/normalize.hpp"
#include "masar/text/utf8.hpp"

using namespace masar::cluster;
using masar::text::normalize_for_search;

namespace {

std::string norm(std::string_view s) { return normalize_for_search(s); }

// The one mention of `text`, or a failure.
SeriesMention one(std::string_view text) {
  const auto found = find_series(text);
  EXPECT_EQ(found.size(), 1u) << text;
  return found.empty() ? SeriesMention{} : found.front();
}

std::string written(std::string_view text, const SeriesMention& m) {
  return std::string(text.substr(m.begin, m.end - m.begin));
}

std::optional<std::pair<int, std::size_t>> number_of(std::string_view words) {
  std::vector<std::string> w;
  std::string n = norm(words);
  for (std::size_t start = 0; start <= n.size();) {
    std::size_t space = n.find(' ', start);
    if (space == std::string::npos) space = n.size();
    if (space > start) w.push_back(n.substr(start, space - start));
    start = space + 1;
  }
  return parse_number_words(w, 0);
}

}  // namespace

// --- Number words

TEST(SeriesNumbers, OrdinalsBothGendersWithAndWithoutArticle) {
  EXPECT_EQ(number_of("الأولى"), (std::pair<int, std::size_t>{1, 1}));
  EXPECT_EQ(number_of("الأول"), (std::pair<int, std::size_t>{1, 1}));
  EXPECT_EQ(number_of("أول"), (std::pair<int, std::size_t>{1, 1}));
  EXPECT_EQ(number_of("الثانية"), (std::pair<int, std::size_t>{2, 1}));
  EXPECT_EQ(number_of("العاشرة"), (std::pair<int, std::size_t>{10, 1}));
  EXPECT_EQ(number_of("تاسع"), (std::pair<int, std::size_t>{9, 1}));
}
TEST(SeriesNumbers, Teens) {
  EXPECT_EQ(number_of("الحادية عشرة"), (std::pair<int, std::size_t>{11, 2}));
  EXPECT_EQ(number_of("الحادي عشر"), (std::pair<int, std::size_t>{11, 2}));
  EXPECT_EQ(number_of("الثانية عشرة"), (std::pair<int, std::size_t>{12, 2}));
  EXPECT_EQ(number_of("السادسة عشرة"), (std::pair<int, std::size_t>{16, 2}));
  EXPECT_EQ(number_of("السادس عشر"), (std::pair<int, std::size_t>{16, 2}));
  EXPECT_EQ(number_of("ثلاث عشرة"), (std::pair<int, std::size_t>{13, 2}));
}
TEST(SeriesNumbers, TensAndCompounds) {
  EXPECT_EQ(number_of("العشرين"), (std::pair<int, std::size_t>{20, 1}));
  EXPECT_EQ(number_of("العشرون"), (std::pair<int, std::size_t>{20, 1}));
  EXPECT_EQ(number_of("الثلاثين"), (std::pair<int, std::size_t>{30, 1}));
  EXPECT_EQ(number_of("الحادية والعشرين"), (std::pair<int, std::size_t>{21, 2}));
  EXPECT_EQ(number_of("الحادي والعشرين"), (std::pair<int, std::size_t>{21, 2}));
  EXPECT_EQ(number_of("الثانية والعشرين"), (std::pair<int, std::size_t>{22, 2}));
  EXPECT_EQ(number_of("الخامس و الأربعين"), (std::pair<int, std::size_t>{45, 3}));
  EXPECT_EQ(number_of("التاسعة والتسعين"), (std::pair<int, std::size_t>{99, 2}));
}
TEST(SeriesNumbers, Digits) {
  EXPECT_EQ(number_of("20"), (std::pair<int, std::size_t>{20, 1}));
  EXPECT_EQ(number_of("٢٠"), (std::pair<int, std::size_t>{20, 1}));
  EXPECT_EQ(number_of("الـ 20"), (std::pair<int, std::size_t>{20, 2}));
  EXPECT_EQ(number_of("ال20"), (std::pair<int, std::size_t>{20, 1}));
}
TEST(SeriesNumbers, NotNumbers) {
  EXPECT_FALSE(number_of("الأخيرة"));
  EXPECT_FALSE(number_of("الحادي"));  // only starts a compound
  EXPECT_FALSE(number_of("الأحد"));   // Sunday
  EXPECT_FALSE(number_of("3,500"));
  EXPECT_FALSE(number_of("الثلاثية"));
  EXPECT_FALSE(parse_number_words({"الاولي"}, 1));
}

// --- Noun, then number

TEST(SeriesNoun, OrdinalTeenWithNameAfter) {
  const auto m = one("انطلقت الجولة السادسة عشرة من محادثات أستانا أمس");
  EXPECT_EQ(m.noun, norm("جولة"));
  EXPECT_EQ(m.name, norm("أستانا"));
  EXPECT_EQ(m.number, 16);
}
TEST(SeriesNoun, DefiniteDigits) {
  const auto m = one("الجولة الـ20 من مسار أستانا");
  EXPECT_EQ(m.noun, norm("جولة"));
  EXPECT_EQ(m.name, norm("أستانا"));
  EXPECT_EQ(m.number, 20);
}
TEST(SeriesNoun, BareDigitsAndNoName) {
  const auto m = one("تبدأ الجولة 20 غدا");
  EXPECT_EQ(m.number, 20);
  EXPECT_EQ(m.name, "");
  EXPECT_EQ(one("الجولة ٢٠").number, 20);
  EXPECT_EQ(one("الجولة رقم 20").number, 20);
}
TEST(SeriesNoun, TensWord) { EXPECT_EQ(one("في الجولة العشرين").number, 20); }
TEST(SeriesNoun, CompoundWord) { EXPECT_EQ(one("الجولة الحادية والعشرين").number, 21); }
TEST(SeriesNoun, MasculineNounWithNameAfterPreposition) {
  const auto m = one("عقد الاجتماع السادس عشر بصيغة أستانا");
  EXPECT_EQ(m.noun, norm("اجتماع"));
  EXPECT_EQ(m.name, norm("أستانا"));
  EXPECT_EQ(m.number, 16);
}
TEST(SeriesNoun, AdjectiveBetweenNounAndNumber) {
  const auto m = one("القمة الثلاثية السادسة");
  EXPECT_EQ(m.noun, norm("قمة"));
  EXPECT_EQ(m.number, 6);
  EXPECT_EQ(one("المؤتمر الدولي الثالث").noun, norm("مؤتمر"));
  EXPECT_EQ(one("القمة العربية العادية الثانية والثلاثين").number, 32);
}
TEST(SeriesNoun, SessionOfACouncilHasNoName) {
  // Names come from the series table only: the council is not one, so the name stays empty.
  const auto m = one("في الدورة الثالثة والعشرين لمجلس حقوق الإنسان");
  EXPECT_EQ(m.noun, norm("دورة"));
  EXPECT_EQ(m.number, 23);
  EXPECT_EQ(m.name, "");
}
TEST(SeriesNoun, NameInConstructBeforeNumber) {
  auto m = one("جولة أستانا العشرين");
  EXPECT_EQ(m.name, norm("أستانا"));
  EXPECT_EQ(m.number, 20);
  m = one("مؤتمر جنيف الثاني");
  EXPECT_EQ(m.noun, norm("مؤتمر"));
  EXPECT_EQ(m.name, norm("جنيف"));
  EXPECT_EQ(m.number, 2);
  EXPECT_EQ(one("جولة المفاوضات الرابعة").number, 4);
}
TEST(SeriesNoun, CliticsOnTheNoun) {
  EXPECT_EQ(one("وللجولة الثالثة").noun, norm("جولة"));
  EXPECT_EQ(one("بالاجتماع الخامس").number, 5);
}
TEST(SeriesNoun, IndefiniteOrdinalAfterIndefiniteNoun) { EXPECT_EQ(one("تعقد جولة ثانية من المحادثات").number, 2); }
TEST(SeriesNoun, OrdinalBeforeNoun) {
  const auto m = one("أول قمة بين الزعيمين");
  EXPECT_EQ(m.noun, norm("قمة"));
  EXPECT_EQ(m.number, 1);
}
TEST(SeriesNoun, NameBeforeTheMention) {
  const auto m = one("محادثات أستانا: انطلاق الجولة العشرين");
  EXPECT_EQ(m.name, norm("أستانا"));
  EXPECT_EQ(m.number, 20);
}
TEST(SeriesNoun, TwoWordName) {
  const auto m = one("الجولة الثامنة من اجتماعات اللجنة الدستورية");
  EXPECT_EQ(m.name, norm("اللجنة الدستورية"));
}

// --- Name, then digits

TEST(SeriesName, NameAndDigits) {
  for (std::string_view s : {"أستانا 9", "أستانا-9", "أستانا9", "#أستانا_9"}) {
    const auto m = one(s);
    EXPECT_EQ(m.noun, "") << s;
    EXPECT_EQ(m.name, norm("أستانا")) << s;
    EXPECT_EQ(m.number, 9) << s;
  }
  const auto g = one("جنيف 8");
  EXPECT_EQ(g.name, norm("جنيف"));
  EXPECT_EQ(g.number, 8);
}
// The farthest the digits can be: a two-word name, a lone article, then the number.
TEST(SeriesName, TwoWordNameThenArticleThenDigits) {
  const auto m = one("انطلاق نور سلطان الـ12 اليوم");
  EXPECT_EQ(m.name, norm("أستانا"));
  EXPECT_EQ(m.number, 12);
}
TEST(SeriesName, QuotedMentionExcludesQuotes) {
  const std::string s = "اختتام \"أستانا 12\" بلا نتائج";
  const auto m = one(s);
  EXPECT_EQ(m.number, 12);
  EXPECT_EQ(written(s, m), "أستانا 12");
}
TEST(SeriesName, SpellingVariantsFoldToOneName) {
  const std::string astana = one("أستانا 9").name;
  EXPECT_EQ(one("أستانة 9").name, astana);
  EXPECT_EQ(one("استانا 9").name, astana);
  EXPECT_EQ(one("آستانا 9").name, astana);
  EXPECT_EQ(one("الجولة التاسعة في أستانة").name, astana);
  EXPECT_EQ(one("لأستانة 9").name, astana);
}
TEST(SeriesName, DatelineIsNotARound) {
  EXPECT_TRUE(find_series("جنيف 8 مايو (رويترز) - قال المبعوث").empty());
  EXPECT_TRUE(find_series("الجلسة 12/5").empty());
}
TEST(SeriesNegative, DurationAfterDigits) { EXPECT_TRUE(find_series("استمر الاجتماع 3 ساعات").empty()); }

// --- Offsets

TEST(SeriesOffsets, SpanCoversNounToName) {
  const std::string s = "قال إن الجولة السادسة عشرة من محادثات أستانا انتهت";
  EXPECT_EQ(written(s, one(s)), "الجولة السادسة عشرة من محادثات أستانا");
}
TEST(SeriesOffsets, DiacriticsAndTatweelKept) {
  const std::string s = "انطلقت الجولـــة السَّادِسَة عَشْرَة اليوم";
  const auto m = one(s);
  EXPECT_EQ(m.number, 16);
  EXPECT_EQ(written(s, m), "الجولـــة السَّادِسَة عَشْرَة");
}
TEST(SeriesOffsets, CliticStaysInTheSpan) {
  const std::string s = "الجولة الثالثة وأستانا 9";
  const auto found = find_series(s);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].name, "");  // the name belongs to the next mention
  EXPECT_EQ(written(s, found[1]), "وأستانا 9");
}
TEST(SeriesOffsets, HashtagPart) {
  const std::string s = "تابعوا #أستانا_9";
  EXPECT_EQ(written(s, one(s)), "أستانا_9");
}
TEST(SeriesOffsets, SeveralMentionsInOrder) {
  const std::string s = "بعد أستانا 9 عقدت الجولة العاشرة، ثم جنيف 8";
  const auto found = find_series(s);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(written(s, found[0]), "أستانا 9");
  EXPECT_EQ(written(s, found[1]), "الجولة العاشرة");
  EXPECT_EQ(found[1].name, "");  // the earlier mention keeps its name
  EXPECT_EQ(written(s, found[2]), "جنيف 8");
}

// --- Negatives

TEST(SeriesNegative, NoNumberAfterNoun) {
  EXPECT_TRUE(find_series("الجولة الأخيرة").empty());
  EXPECT_TRUE(find_series("الاجتماع المقبل").empty());
  EXPECT_TRUE(find_series("القمة الثلاثية").empty());
}
TEST(SeriesNegative, NotASeriesNoun) { EXPECT_TRUE(find_series("في المرة الأولى").empty()); }
TEST(SeriesNegative, NameWithoutNumber) { EXPECT_TRUE(find_series("أستانا اليوم").empty()); }
TEST(SeriesNegative, NumberBeforeName) { EXPECT_TRUE(find_series("2017 أستانا").empty()); }
TEST(SeriesNegative, YearAfterName) {
  EXPECT_TRUE(find_series("جنيف 2017").empty());
  EXPECT_TRUE(find_series("الجولة 2019").empty());
}
TEST(SeriesNegative, NumberWithoutNoun) { EXPECT_TRUE(find_series("عشرين شخصا").empty()); }
TEST(SeriesNegative, CountsAreNotRounds) {
  EXPECT_TRUE(find_series("اجتماع ثلاث دول").empty());
  EXPECT_TRUE(find_series("قمة العشرين").empty());  // the G20
  EXPECT_TRUE(find_series("الجولات الثلاث").empty());
}
TEST(SeriesNegative, ClauseBreakBetweenNounAndNumber) { EXPECT_TRUE(find_series("الجولة، 20 قتيلا").empty()); }

// --- Random input

TEST(SeriesContract, RandomInputNeverBreaksOffsets) {
  std::mt19937 rng(20240611);
  static const char32_t kAlphabet[] = {
      0x0627, 0x0644, 0x062C, 0x0648, 0x0629, 0x0623, 0x0633, 0x062A, 0x0646, 0x0639, 0x0634, 0x0631,
      0x064A, 0x0649, 0x062B, 0x0640, 0x064E, 0x0651, 0x0661, 0x0662, '1',    '2',    '9',    '0',
      ' ',    ' ',    ' ',    '-',    '_',    '#',    '.',    ',',    0x060C, '"',    ':',    '\n'};
  std::uniform_int_distribution<int> len(0, 60);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kAlphabet) + 2);
  std::uniform_int_distribution<int> byte(0x80, 0xFF);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int n = len(rng);
    for (int i = 0; i < n; ++i) {
      const std::size_t k = pick(rng);
      if (k < std::size(kAlphabet)) {
        masar::text::append_utf8(s, kAlphabet[k]);
      } else {
        s.push_back(static_cast<char>(byte(rng)));  // invalid UTF-8 more often than not
      }
    }
    // Seed real patterns now and then so the matching paths run too.
    if (round % 5 == 0) s += " الجولة الحادية والعشرين أستانا 9";
    const auto found = find_series(s);
    std::uint32_t last_end = 0;
    for (const auto& m : found) {
      EXPECT_LT(m.begin, m.end);
      EXPECT_LE(m.end, s.size());
      EXPECT_LE(last_end, m.begin);
      EXPECT_GE(m.number, 1);
      EXPECT_LE(m.number, 200);
      last_end = m.end;
    }
  }
}

TEST(SeriesNoun, NameSevenWordsAfterTheNumber) {
  const auto m = find_series("اختتمت الجولة السادسة عشرة من الاجتماعات الدولية حول سوريا بصيغة أستانا");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].number, 16);
  EXPECT_EQ(m[0].name, normalize_for_search("أستانا"));
}

namespace masar::cluster {
namespace {

TEST(SeriesNames, AsAUserWritesThem) {
  EXPECT_EQ(series_name_of("أستانا"), series_name_of("أستانة"));
  EXPECT_EQ(series_name_of("نور سلطان"), series_name_of("أستانا"));
  EXPECT_EQ(series_name_of("أستانا"), "استانا");
  EXPECT_EQ(series_name_of("اللجنة الدستورية"), "اللجنه الدستوريه");
  EXPECT_EQ(series_name_of("الجولة"), "جوله");  // an unnamed series is its kind of meeting
  EXPECT_EQ(series_name_of("جنيف للسلام"), "جنيف للسلام");  // more than a name is no name
}

// Names are compared in search form and shown as people write them; what is shown reads back
// as the same series.
TEST(SeriesNames, ShownAsWritten) {
  EXPECT_EQ(series_display_name("استانا"), "أستانا");
  EXPECT_EQ(series_display_name("اللجنه الدستوريه"), "اللجنة الدستورية");
  EXPECT_EQ(series_display_name("جوله"), "جولة");
  EXPECT_EQ(series_display_name("موتمر"), "مؤتمر");
  EXPECT_EQ(series_display_name("غير معروف"), "غير معروف");  // not a series of ours: as it is
  for (const char* key : {"استانا", "اللجنه الدستوريه", "جوله", "موتمر", "جنيف", "سوتشي"}) {
    EXPECT_EQ(series_name_of(series_display_name(key)), key) << key;
  }
}

}  // namespace
}  // namespace masar::cluster
