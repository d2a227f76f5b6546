// One test per metadata rule; the lines are written for these tests.
#include "masar/extract/metadata.hpp"

#include <gtest/gtest.h>

using namespace masar::extract;
using Lines = std::vector<std::string>;
using Indices = std::vector<std::size_t>;

namespace {
std::string long_paragraph(int words) {
  std::string s;
  for (int i = 0; i < words; ++i) s += "كلمة ";
  return s;
}
}  // namespace

// Title.
TEST(MetadataTitle, FirstRealLine) {
  auto g = guess_title({"محادثات أستانا تنطلق اليوم", "انطلقت اليوم في العاصمة الكازاخية جولة جديدة من المحادثات حول سوريا."});
  EXPECT_EQ(g.title, "محادثات أستانا تنطلق اليوم");
  EXPECT_EQ(g.consumed_lines, (Indices{0}));
}
TEST(MetadataTitle, SkipsEmptyLines) {
  auto g = guess_title({"", "  ", "الدفاع المدني ينهي عمليات البحث", "نص."});
  EXPECT_EQ(g.title, "الدفاع المدني ينهي عمليات البحث");
  EXPECT_EQ(g.consumed_lines, (Indices{2}));
}
TEST(MetadataTitle, SkipsPureDateLines) {
  auto g = guess_title({"الأربعاء، 21 يونيو 2023 - 4:16 م", "الجولة العشرون تختتم أعمالها في أستانا"});
  EXPECT_EQ(g.title, "الجولة العشرون تختتم أعمالها في أستانا");
}
TEST(MetadataTitle, SkipsPublishedOnLines) {
  auto g = guess_title({"نشر في 21/06/2023", "الجولة العشرون تختتم أعمالها في أستانا"});
  EXPECT_EQ(g.title, "الجولة العشرون تختتم أعمالها في أستانا");
}
TEST(MetadataTitle, SkipsNavigationWords) {
  auto g = guess_title({"الرئيسية", "أخبار سوريا", "وفد المعارضة يغيب عن الجولة الثالثة"});
  EXPECT_EQ(g.title, "وفد المعارضة يغيب عن الجولة الثالثة");
}
TEST(MetadataTitle, SkipsBreadcrumbs) {
  auto g = guess_title({"الرئيسية / أخبار / سوريا", "2023/06/21", "أستانا – مدار اليوم", "عنوان الخبر الحقيقي هنا"});
  EXPECT_EQ(g.title, "عنوان الخبر الحقيقي هنا");
  EXPECT_EQ(g.consumed_lines, (Indices{3}));
}
TEST(MetadataTitle, TitleAtTheEndOfABreadcrumb) {
  auto g = guess_title({"الرئيسية / سياسة / الدول الضامنة تتفق على مناطق خفض التصعيد", "نص الخبر."});
  EXPECT_EQ(g.title, "الدول الضامنة تتفق على مناطق خفض التصعيد");
  EXPECT_EQ(g.consumed_lines, (Indices{0}));
}
TEST(MetadataTitle, BreadcrumbWithGuillemets) {
  auto g = guess_title({"الرئيسية » اقتصاد » ملتقى الخليج يختتم أعماله في الدوحة", "نص الخبر."});
  EXPECT_EQ(g.title, "ملتقى الخليج يختتم أعماله في الدوحة");
}
TEST(MetadataTitle, BreadcrumbTitleRepeatedBelow) {
  auto g = guess_title({"الرئيسية / سياسة / الدول الضامنة تتفق على مناطق خفض التصعيد",
                        "الدول الضامنة تتفق على مناطق خفض التصعيد", "نص الخبر."});
  EXPECT_EQ(g.consumed_lines, (Indices{0, 1}));
}
TEST(MetadataTitle, RepeatedTitleCountsOnce) {
  auto g = guess_title({"محادثات أستانا تنطلق اليوم", "محادثات أستانا تنطلق اليوم", "نص الخبر."});
  EXPECT_EQ(g.consumed_lines, (Indices{0, 1}));
}
TEST(MetadataTitle, RepeatedTitleAfterNormalization) {
  auto g = guess_title({"الجولة العشرون في أستانا", "الجوله العشرون في استانا", "نص."});
  EXPECT_EQ(g.consumed_lines, (Indices{0, 1}));
}
TEST(MetadataTitle, RepeatedTitleAsAPrefix) {
  auto g = guess_title({"قمة طهران تبحث الملف السوري", "قمة طهران تبحث الملف السوري وسط تلويح تركي", "نص."});
  EXPECT_EQ(g.consumed_lines, (Indices{0, 1}));
}
TEST(MetadataTitle, ParagraphOpeningWithTheTitleIsContent) {
  const std::string para = "قمة طهران تبحث الملف السوري " + long_paragraph(35);
  auto g = guess_title({"قمة طهران تبحث الملف السوري", para});
  EXPECT_EQ(g.consumed_lines, (Indices{0}));
}
// Regression (syria-web audit): "headline | site name" glued onto the lead paragraph. The
// headline is the title; the line stays in the body, which would otherwise lose its lead.
TEST(MetadataTitle, PageTitleGluedOntoTheLeadKeepsTheLead) {
  auto g = guess_title({"الدول الضامنة تتفق على الجولة المقبلة | بوابة الأفق أعلنت الدول الضامنة الثلاث اليوم، في بيان "
                        "مشترك، أن الجولة المقبلة ستعقد في العاصمة الكازاخية.",
                        "وقال البيان إن الجولة ستبحث ملف المعتقلين."});
  EXPECT_EQ(g.title, "الدول الضامنة تتفق على الجولة المقبلة");
  EXPECT_TRUE(g.consumed_lines.empty());
}
TEST(MetadataTitle, PageTitleWithSiteNameIsConsumed) {
  auto g = guess_title({"الدول الضامنة تتفق على الجولة المقبلة | بوابة الأفق", "أعلنت الدول الضامنة اليوم موعد الجولة."});
  EXPECT_EQ(g.title, "الدول الضامنة تتفق على الجولة المقبلة | بوابة الأفق");
  EXPECT_EQ(g.consumed_lines, std::vector<std::size_t>{0});
}
TEST(MetadataTitle, DifferentNextLineIsNotConsumed) {
  auto g = guess_title({"قمة طهران تبحث الملف السوري", "قمة أنقرة تبحث ملف اللاجئين", "نص."});
  EXPECT_EQ(g.consumed_lines, (Indices{0}));
}
TEST(MetadataTitle, SkipsBylines) {
  auto g = guess_title({"الشرق الجديد – فريق التحرير", "ارتفاع حصيلة ضحايا الزلزال في سوريا"});
  EXPECT_EQ(g.title, "ارتفاع حصيلة ضحايا الزلزال في سوريا");
}
TEST(MetadataTitle, ALongParagraphIsNoTitle) { EXPECT_TRUE(guess_title({long_paragraph(40)}).title.empty()); }
TEST(MetadataTitle, NoTitleAfterTheBodyStarts) {
  auto g = guess_title({long_paragraph(40), "سطر قصير بعد الفقرة الأولى"});
  EXPECT_TRUE(g.title.empty());
  EXPECT_TRUE(g.consumed_lines.empty());
}

// Outlet.
TEST(MetadataOutlet, DeskWordAfterDash) {
  auto g = guess_outlet({"عنوان", "الشرق الجديد – فريق التحرير", "نص"});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->name, "الشرق الجديد");
  EXPECT_EQ(g->line, 1u);
  EXPECT_TRUE(g->line_is_only_byline);
}
TEST(MetadataOutlet, KhassAfterDash) { EXPECT_EQ(guess_outlet({"وكالة الرافد - خاص"})->name, "وكالة الرافد"); }
TEST(MetadataOutlet, CityThenOutlet) { EXPECT_EQ(guess_outlet({"طهران – مدار اليوم"})->name, "مدار اليوم"); }
TEST(MetadataOutlet, CitySpellingVariants) {
  EXPECT_EQ(guess_outlet({"استانة – مدار اليوم"})->name, "مدار اليوم");
  EXPECT_EQ(guess_outlet({"نور سلطان – مدار اليوم"})->name, "مدار اليوم");
  EXPECT_EQ(guess_outlet({"انقره – مدار اليوم"})->name, "مدار اليوم");
}
TEST(MetadataOutlet, OutletThenCity) { EXPECT_EQ(guess_outlet({"بوابة الأفق – أستانا"})->name, "بوابة الأفق"); }
TEST(MetadataOutlet, BylineWithDateAfterBar) {
  EXPECT_EQ(guess_outlet({"المرصد العربي – جنيف | 22 تشرين الأول 2021"})->name, "المرصد العربي");
}
TEST(MetadataOutlet, OutletAloneOnItsLine) {
  // Regression: a byte-set search for "،" matched the lead byte of every Arabic letter.
  EXPECT_EQ(guess_outlet({"صحيفة المنارة"})->name, "صحيفة المنارة");
}
TEST(MetadataOutlet, SourceLine) { EXPECT_EQ(guess_outlet({"المصدر: وكالة الرافد"})->name, "وكالة الرافد"); }
TEST(MetadataOutlet, SourceLineWithSpacedColon) { EXPECT_EQ(guess_outlet({"المصدر : الشرق الجديد"})->name, "الشرق الجديد"); }
TEST(MetadataOutlet, AgencyInParenthesesInADateline) {
  auto g = guess_outlet({"بغداد ( رويترز ) - قال التحالف الدولي يوم الأربعاء إن عدد المقاتلين تراجع"});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->name, "رويترز");
  EXPECT_FALSE(g->line_is_only_byline);
}
TEST(MetadataOutlet, AgencyAfterADashInADateline) {
  EXPECT_EQ(guess_outlet({"دمشق - رويترز - أعلنت الحكومة السورية اليوم عن إجراءات جديدة"})->name, "رويترز");
}
TEST(MetadataOutlet, AgencyInitialsNameTheAgency) {
  EXPECT_EQ(guess_outlet({"موسكو - (أ ف ب) - أعلنت الخارجية الروسية الخميس موعد الجولة"})->name, "فرانس برس");
  EXPECT_EQ(guess_outlet({"برلين - (د ب أ) - قالت الحكومة الألمانية إن المساعدات وصلت"})->name, "د ب أ");
}
TEST(MetadataOutlet, DatelineAfterAStamp) {
  auto g = guess_outlet({"العنوان", "نشر يوم 27 ديسمبر 2017 01:13 م جنيف (رويترز) - قالت اللجنة الدولية إن القافلة وصلت"});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->name, "رويترز");
  EXPECT_EQ(g->line, 1u);
}
TEST(MetadataOutlet, DatelineAloneOnItsLine) {
  auto g = guess_outlet({"بغداد (رويترز)", "قال التحالف الدولي إن عدد المقاتلين تراجع."});
  ASSERT_TRUE(g);
  EXPECT_TRUE(g->line_is_only_byline);
}
TEST(MetadataOutlet, AgencyQuotedInProseIsNotADateline) {
  EXPECT_FALSE(guess_outlet({"وقال مسؤول لوكالة (رويترز) في بيان إن الهدنة صامدة"}));
  EXPECT_FALSE(guess_outlet({"وأضاف المتحدث في تصريح لرويترز أن الجولة المقبلة ستعقد في سوتشي"}));
}
TEST(MetadataOutlet, PhotoCreditIsNotADateline) {
  EXPECT_FALSE(guess_outlet({"المعلم ولافروف خلال لقائهما في سوتشي (رويترز)"}));
  EXPECT_FALSE(guess_outlet({"(أ ف ب) عائلة تنتظر عند المعبر الحدودي"}));
}
TEST(MetadataOutlet, HeadlineQuotingAnAgencyIsNotAByline) { EXPECT_FALSE(guess_outlet({"\"تاس\": الجولة المقبلة في سوتشي"})); }
TEST(MetadataOutlet, VerbTabiIsNotAByline) { EXPECT_FALSE(guess_outlet({"تابع الوزير حديثه قائلا إن المحادثات مستمرة"})); }
TEST(MetadataOutlet, CallToActionWithDashIsNotAByline) { EXPECT_FALSE(guess_outlet({"تابعونا - دمشق"})); }
TEST(MetadataOutlet, HeadlineWithCityAndDashIsNotAByline) {
  EXPECT_FALSE(guess_outlet({"طهران - قمة ثلاثية تبحث الملف السوري وتدعو إلى التهدئة"}));
}
TEST(MetadataOutlet, CityAndDeskWordIsABylineWithoutOutlet) {
  EXPECT_FALSE(guess_outlet({"نور سلطان – خاص"}));
  EXPECT_TRUE(is_byline_line("نور سلطان – خاص"));
}
TEST(MetadataOutlet, OnlyTheFirstLinesAreSearched) {
  Lines lines(10, "سطر من نص الخبر لا يذكر أي وسيلة إعلام.");
  lines.push_back("الشرق الجديد – فريق التحرير");
  EXPECT_FALSE(guess_outlet(lines));
}

// Publication date.
TEST(MetadataDate, DateLineNearTheTop) {
  auto g = guess_publication_date({"عنوان", "الثلاثاء ٢١ شباط ٢٠٢٣", "نص الخبر."});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->date.iso(), "2023-02-21");
  EXPECT_EQ(g->line, 1u);
  EXPECT_TRUE(g->line_is_only_date);
}
TEST(MetadataDate, PublishedOnLeadIn) {
  auto g = guess_publication_date({"نشر بتاريخ: 22/12/2017 - 09:41 م"});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->date.iso(), "2017-12-22T21:41");
  EXPECT_TRUE(g->line_is_only_date);
}
TEST(MetadataDate, PublicationCueBeatsATodayWidget) {
  auto g = guess_publication_date({"الأحد 21 يناير 2018", "عنوان الخبر", "نشر في 19 يناير 2018"});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->date.iso(), "2018-01-19");
  EXPECT_EQ(g->line, 2u);
}
TEST(MetadataDate, PublishedBeforeUpdated) {
  auto g = guess_publication_date({"آخر تحديث: 23 يونيو 2023 - 10:00", "نشر في: 21 يونيو 2023 - 09:00"});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->date.iso(), "2023-06-21T09:00");
}
TEST(MetadataDate, EarliestStampWins) {
  auto g = guess_publication_date({"الأحد 21 يناير 2018", "عنوان الخبر", "الجمعة 19 يناير 2018 - 16:20"});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->date.iso(), "2018-01-19T16:20");
}
TEST(MetadataDate, UpdateOnlyStillGivesADate) {
  auto g = guess_publication_date({"عنوان", "آخر تحديث: 23/06/2023"});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->date.iso(), "2023-06-23");
  EXPECT_TRUE(g->line_is_only_date);
}
TEST(MetadataDate, HijriDateBesideItIsStillADateLine) {
  auto g = guess_publication_date({"الأحد 21 يناير 2018 م - 4 جمادى الأولى 1439 هـ"});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->date.iso(), "2018-01-21");
  EXPECT_TRUE(g->line_is_only_date);
}
TEST(MetadataDate, DateInsideASentenceIsNotADateLine) {
  auto g = guess_publication_date({"وقال المتحدث إن الاجتماع المقبل سيعقد في 21 يونيو 2023 في العاصمة الكازاخية أستانا."});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->date.iso(), "2023-06-21");
  EXPECT_FALSE(g->line_is_only_date);
}
TEST(MetadataDate, ProseTakesTheFirstDate) {
  auto g = guess_publication_date({"ولد القائد في 14 يناير 1965 وقتل في 10 يوليو 2006 في انفجار"});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->date.iso(), "1965-01-14");
}
TEST(MetadataDate, OnlyTheFirstLinesAreSearched) {
  Lines lines(9, "سطر من نص الخبر بلا تاريخ.");
  lines.push_back("21 يونيو 2023");
  EXPECT_FALSE(guess_publication_date(lines));
}
TEST(MetadataDate, NoDate) { EXPECT_FALSE(guess_publication_date({"عنوان", "نص بلا تاريخ."})); }
TEST(MetadataDate, OnlyDates) {
  const std::string a = "نشر في 21/06/2023 | آخر تحديث 22/06/2023";
  EXPECT_TRUE(only_dates(a, find_dates(a)));
  const std::string b = "العدد 10876 الأحد 21 يناير 2018";
  EXPECT_FALSE(only_dates(b, find_dates(b)));
  EXPECT_FALSE(only_dates("لا تاريخ", {}));
}

// Bylines and breadcrumbs.
TEST(MetadataByline, Forms) {
  EXPECT_TRUE(is_byline_line("مدار اليوم – سوتشي"));
  EXPECT_TRUE(is_byline_line("المرصد العربي – جنيف | 22 تشرين الأول 2021"));
  EXPECT_TRUE(is_byline_line("بغداد (رويترز)"));
  EXPECT_FALSE(is_byline_line("بغداد (رويترز) - قال التحالف الدولي إن عدد المقاتلين تراجع"));
  EXPECT_FALSE(is_byline_line("فاز الفريق 3 - 1 في المباراة"));
}
TEST(MetadataBreadcrumb, Forms) {
  EXPECT_TRUE(is_breadcrumb("الرئيسية / أخبار / سوريا"));
  EXPECT_TRUE(is_breadcrumb("الرئيسية » سياسة"));
  EXPECT_TRUE(is_breadcrumb("Home > News > Syria"));
  EXPECT_TRUE(is_breadcrumb("أخبار / سياسة / سوريا"));
}
TEST(MetadataBreadcrumb, NotBreadcrumbs) {
  EXPECT_FALSE(is_breadcrumb("قال المتحدث إن نسبة 50 / 50 غير مقبولة في المفاوضات الجارية حاليا"));
  EXPECT_FALSE(is_breadcrumb("2023 / 06 / 21"));
  EXPECT_FALSE(is_breadcrumb("حزيران / يونيو"));
}
