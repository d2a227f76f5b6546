#include "masar/extract/metadata.hpp"

#include <gtest/gtest.h>

using namespace masar::extract;
using Lines = std::vector<std::string>;

TEST(MetadataTitle, FirstRealLine) {
  auto g = guess_title({"محادثات أستانا تنطلق اليوم", "انطلقت اليوم في العاصمة الكازاخية جولة جديدة من المحادثات حول سوريا."});
  EXPECT_EQ(g.title, "محادثات أستانا تنطلق اليوم");
  EXPECT_EQ(g.consumed_lines, (std::vector<std::size_t>{0}));
}
TEST(MetadataTitle, RepeatedTitleCountsOnce) {
  auto g = guess_title({"محادثات أستانا تنطلق اليوم", "محادثات أستانا تنطلق اليوم", "نص الخبر."});
  EXPECT_EQ(g.consumed_lines, (std::vector<std::size_t>{0, 1}));
}
TEST(MetadataTitle, RepeatedTitleAfterNormalization) {
  auto g = guess_title({"الجولة العشرون في أستانا", "الجوله العشرون في استانا", "نص."});
  EXPECT_EQ(g.consumed_lines.size(), 2u);
}
TEST(MetadataTitle, SkipsBreadcrumbsAndDates) {
  auto g = guess_title({"الرئيسية / أخبار / سوريا", "2023/06/21", "أستانا – مدار اليوم", "عنوان الخبر الحقيقي هنا"});
  EXPECT_EQ(g.title, "عنوان الخبر الحقيقي هنا");
}
TEST(MetadataTitle, TitleAtTheEndOfABreadcrumb) {
  auto g = guess_title({"الرئيسية / سياسة / الدول الضامنة تتفق على مناطق خفض التصعيد", "نص الخبر."});
  EXPECT_EQ(g.title, "الدول الضامنة تتفق على مناطق خفض التصعيد");
}
TEST(MetadataTitle, ALongParagraphIsNoTitle) {
  std::string para;
  for (int i = 0; i < 40; ++i) para += "كلمة ";
  EXPECT_TRUE(guess_title({para}).title.empty());
}

TEST(MetadataOutlet, DeskWordAfterDash) {
  auto g = guess_outlet({"عنوان", "الشرق الجديد – فريق التحرير", "نص"});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->name, "الشرق الجديد");
  EXPECT_EQ(g->line, 1u);
  EXPECT_TRUE(g->line_is_only_byline);
}
TEST(MetadataOutlet, CityThenOutlet) { EXPECT_EQ(guess_outlet({"طهران – مدار اليوم"})->name, "مدار اليوم"); }
TEST(MetadataOutlet, OutletThenCity) { EXPECT_EQ(guess_outlet({"بوابة الأفق – أستانا"})->name, "بوابة الأفق"); }
TEST(MetadataOutlet, BylineWithDateAfterBar) {
  EXPECT_EQ(guess_outlet({"المرصد العربي – جنيف | 22 تشرين الأول 2021"})->name, "المرصد العربي");
}
TEST(MetadataOutlet, OutletAloneOnItsLine) {
  // Regression: a byte-set search for "،" matched the lead byte of every Arabic letter.
  EXPECT_EQ(guess_outlet({"صحيفة المنارة"})->name, "صحيفة المنارة");
}
TEST(MetadataOutlet, SourceLine) { EXPECT_EQ(guess_outlet({"المصدر: وكالة الرافد"})->name, "وكالة الرافد"); }
TEST(MetadataOutlet, AgencyInADateline) {
  auto g = guess_outlet({"بغداد ( رويترز ) - قال التحالف الدولي يوم الأربعاء إن عدد المقاتلين تراجع"});
  ASSERT_TRUE(g);
  EXPECT_EQ(g->name, "رويترز");
  EXPECT_FALSE(g->line_is_only_byline);
}
TEST(MetadataOutlet, VerbTabiIsNotAByline) {
  EXPECT_FALSE(guess_outlet({"تابع الوزير حديثه قائلا إن المحادثات مستمرة"}));
}
TEST(MetadataOutlet, CityAndDeskWordIsABylineWithoutOutlet) {
  EXPECT_FALSE(guess_outlet({"نور سلطان – خاص"}));
  EXPECT_TRUE(is_byline_line("نور سلطان – خاص"));
}

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
TEST(MetadataDate, DateInsideASentenceIsNotADateLine) {
  auto g = guess_publication_date({"وقال المتحدث إن الاجتماع المقبل سيعقد في 21 يونيو 2023 في العاصمة الكازاخية أستانا."});
  ASSERT_TRUE(g);
  EXPECT_FALSE(g->line_is_only_date);
}

TEST(MetadataBreadcrumb, Forms) {
  EXPECT_TRUE(is_breadcrumb("الرئيسية / أخبار / سوريا"));
  EXPECT_TRUE(is_breadcrumb("الرئيسية » سياسة"));
  EXPECT_TRUE(is_breadcrumb("Home > News > Syria"));
  EXPECT_FALSE(is_breadcrumb("قال المتحدث إن نسبة 50 / 50 غير مقبولة في المفاوضات الجارية حاليا"));
}
