#include "masar/extract/boilerplate.hpp"

#include <gtest/gtest.h>

using namespace masar::extract;
using B = Boilerplate;

// One test per in-page rule, positive and negative.
TEST(Boilerplate, ReadAlso) {
  EXPECT_EQ(classify_line("اقرأ أيضاً: أسعار النفط تتراجع"), B::read_also);
  EXPECT_EQ(classify_line("اقرا ايضا: أسعار النفط تتراجع"), B::read_also);
  EXPECT_EQ(classify_line("للمزيد من الأخبار تابعوا صفحتنا"), B::read_also);
}
TEST(Boilerplate, Related) { EXPECT_EQ(classify_line("مواضيع ذات صلة"), B::related); }
TEST(Boilerplate, FollowUs) {
  EXPECT_EQ(classify_line("تابعونا على تيلجرام"), B::follow_share);
  EXPECT_EQ(classify_line("تابعوا آخر الأخبار عبر قناتنا"), B::follow_share);
}
TEST(Boilerplate, TabiAsAVerbIsContent) {
  EXPECT_EQ(classify_line("تابع الوزير حديثه قائلاً إن المحادثات ستستمر"), B::none);
  EXPECT_EQ(classify_line("وتابعت الوكالة أن الوفد غادر القاعة"), B::none);
  EXPECT_EQ(classify_line("تابعوا المفاوضات حتى ساعة متأخرة من الليل"), B::none);
}
TEST(Boilerplate, Share) {
  EXPECT_EQ(classify_line("شارك هذا الخبر"), B::follow_share);
  EXPECT_EQ(classify_line("فيسبوك تويتر واتساب"), B::follow_share);
  EXPECT_EQ(classify_line("اشترك في النشرة البريدية اليومية"), B::follow_share);
}
TEST(Boilerplate, Breadcrumb) {
  EXPECT_EQ(classify_line("الرئيسية / أخبار / سوريا"), B::breadcrumb);
  EXPECT_EQ(classify_line("قال إن النسبة 50 / 50 غير مقبولة في المفاوضات الجارية بين الطرفين في جنيف"), B::none);
}
TEST(Boilerplate, ShortLink) {
  EXPECT_EQ(classify_line("رابط مختصر: https://example.org/s/1"), B::short_link);
  EXPECT_EQ(classify_line("https://example.org/a/b"), B::short_link);
  EXPECT_EQ(classify_line("ونشرت الوزارة البيان على موقعها https://example.org/b مساء الأحد"), B::none);
}
TEST(Boilerplate, Copyright) {
  EXPECT_EQ(classify_line("جميع الحقوق محفوظة © 2023 مدار اليوم"), B::copyright);
  EXPECT_EQ(classify_line("© 2017 جريدة الساحل"), B::copyright);
}
TEST(Boilerplate, PhotoCredit) { EXPECT_EQ(classify_line("الصورة: وفود الدول الضامنة في الجلسة الختامية"), B::caption); }
TEST(Boilerplate, TickerAndCounter) {
  EXPECT_EQ(classify_line("عاجل: ارتفاع حصيلة الضحايا"), B::navigation);
  EXPECT_EQ(classify_line("1432 مشاهدة"), B::navigation);
}
TEST(Boilerplate, MenuBar) { EXPECT_EQ(classify_line("الرئيسية أخبار سياسة اقتصاد رياضة منوعات"), B::navigation); }
TEST(Boilerplate, Byline) {
  EXPECT_EQ(classify_line("نور سلطان – خاص"), B::byline);
  EXPECT_EQ(classify_line("قال المسؤول – وهو عضو في الوفد – إن الجولة انتهت دون اتفاق على البيان"), B::none);
}

namespace {
std::vector<B> classify(const std::vector<std::string>& lines, std::string_view title = "") {
  return classify_lines(DocumentLines{lines, title});
}
}  // namespace

TEST(BoilerplateDocument, RepeatedCaptionIsDropped) {
  auto v = classify({"صورة جماعية للوفود", "اختتمت الجولة العشرون في أستانا بمشاركة الدول الضامنة الثلاث اليوم.",
                     "صورة جماعية للوفود", "وأكد البيان الختامي التزام الدول بوحدة سوريا وسلامة أراضيها."});
  EXPECT_EQ(v[0], B::caption);
  EXPECT_EQ(v[2], B::caption);
  EXPECT_EQ(v[1], B::none);
}
TEST(BoilerplateDocument, RepeatedTitle) {
  auto v = classify({"الجولة العشرون تختتم", "اختتمت الجولة العشرون في أستانا بمشاركة الدول الضامنة الثلاث اليوم."},
                    "الجولة العشرون تختتم");
  EXPECT_EQ(v[0], B::repeated_title);
}
TEST(BoilerplateDocument, TrailingTeasers) {
  auto v = classify({"اختتمت الجولة العشرون في أستانا بمشاركة الدول الضامنة الثلاث وسط غياب أي اختراق في الملفات العالقة.",
                     "وجاء الغياب مفاجئاً.", "أسعار الذهب في دمشق تسجل رقماً قياسياً جديداً",
                     "مقتل ثلاثة مدنيين بقصف على ريف إدلب الجنوبي"});
  EXPECT_EQ(v[1], B::none);  // a short content line that ends a sentence stays
  EXPECT_EQ(v[2], B::trailing_teaser);
  EXPECT_EQ(v[3], B::trailing_teaser);
}
TEST(BoilerplateDocument, ShortLinesInsideTheBodyStay) {
  auto v = classify({"اختتمت الجولة العشرون في أستانا بمشاركة الدول الضامنة الثلاث وسط غياب أي اختراق.",
                     "مناطق خفض التصعيد",
                     "وأكد البيان الختامي التزام الدول الضامنة بوحدة سوريا وسلامة أراضيها واستقلالها."});
  EXPECT_EQ(v[1], B::none);
}

TEST(SourceLineStats, RecurringLinesOfOneSource) {
  SourceLineStats stats(5);
  for (int i = 0; i < 10; ++i) {
    stats.add_document("مدار اليوم", {"مدار اليوم: صوتك في الأخبار", "خبر رقم " + std::to_string(i) + " عن الجولة",
                                      "الرئيسية أخبار سياسة"});
  }
  EXPECT_EQ(stats.documents("مدار اليوم"), 10u);
  EXPECT_TRUE(stats.is_recurrent("مدار اليوم", "مدار اليوم: صوتك في الأخبار"));
  EXPECT_TRUE(stats.is_recurrent("مدار اليوم", "الرئيسيه اخبار سياسه"));  // compared normalized
  EXPECT_FALSE(stats.is_recurrent("مدار اليوم", "خبر رقم 3 عن الجولة"));
  EXPECT_FALSE(stats.is_recurrent("الشرق الجديد", "مدار اليوم: صوتك في الأخبار"));  // per source
}
TEST(SourceLineStats, CountsALineOncePerDocument) {
  SourceLineStats stats(2);
  stats.add_document("s", {"سطر مكرر", "سطر مكرر", "سطر مكرر"});
  EXPECT_EQ(stats.count("s", "سطر مكرر"), 1u);
  EXPECT_FALSE(stats.is_recurrent("s", "سطر مكرر"));
}
TEST(SourceLineStats, LongSyndicatedLinesAreNotBoilerplate) {
  SourceLineStats stats(2);
  std::string long_line;
  for (int i = 0; i < 50; ++i) long_line += "كلمة" + std::to_string(i) + " ";
  for (int i = 0; i < 5; ++i) stats.add_document("s", {long_line});
  EXPECT_FALSE(stats.is_recurrent("s", long_line));
}
TEST(SourceLineStats, MergeAddsCounts) {
  SourceLineStats a(2), b(2);
  a.add_document("s", {"تذييل"});
  b.add_document("s", {"تذييل"});
  a.merge(b);
  EXPECT_TRUE(a.is_recurrent("s", "تذييل"));
}
