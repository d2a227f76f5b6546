#include "masar/extract/html.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace masar::extract;

namespace {
bool has(const std::vector<std::string>& v, std::string_view needle) {
  for (const auto& s : v) {
    if (s.find(needle) != std::string::npos) return true;
  }
  return false;
}

const std::string kParagraph1 = "اختتمت في العاصمة الكازاخية أستانا الجولة العشرون من الاجتماعات الدولية حول سوريا بمشاركة الدول الضامنة.";
const std::string kParagraph2 = "وأكد البيان الختامي التزام الدول الضامنة بوحدة سوريا وسلامة أراضيها ورفض الأجندات الانفصالية.";
}  // namespace

TEST(Html, DropsNavigationFooterAsideScriptAndForms) {
  const std::string page = "<html lang=\"ar\"><body><nav>الرئيسية أخبار سياسة</nav><header>شعار الموقع</header>"
                           "<div><p>" + kParagraph1 + "</p><p>" + kParagraph2 + "</p></div>"
                           "<aside>الأكثر قراءة</aside><form>اشترك في النشرة</form><script>var x = 'نص';</script>"
                           "<footer>جميع الحقوق محفوظة</footer></body></html>";
  auto r = extract_html(page);
  EXPECT_EQ(r.lang, "ar");
  ASSERT_EQ(r.paragraphs.size(), 2u);
  EXPECT_EQ(r.paragraphs[0], kParagraph1);
  EXPECT_FALSE(has(r.paragraphs, "الرئيسية"));
  EXPECT_FALSE(has(r.paragraphs, "var x"));
  EXPECT_TRUE(has(r.dropped, "جميع الحقوق محفوظة"));
}

TEST(Html, MainContentWithoutArticleElementByTextDensity) {
  const std::string page = "<body><div class=\"col\"><div><a href=\"/1\">خبر أول مرتبط طويل العنوان</a></div>"
                           "<div><a href=\"/2\">خبر ثان مرتبط طويل العنوان أيضاً</a></div></div>"
                           "<div class=\"x\"><div class=\"y\"><p>" + kParagraph1 + "</p><p>" + kParagraph2 +
                           "</p></div></div></body>";
  auto r = extract_html(page);
  EXPECT_TRUE(has(r.paragraphs, "اختتمت"));
  EXPECT_FALSE(has(r.paragraphs, "خبر أول مرتبط"));
}

TEST(Html, TitleFromOpenGraphOrTitleTag) {
  auto og = extract_html("<head><meta property=\"og:title\" content=\"عنوان المقال\"><meta property=\"og:site_name\" "
                         "content=\"مدار اليوم\"></head><body><p>" + kParagraph1 + "</p></body>");
  EXPECT_EQ(og.title, "عنوان المقال");
  EXPECT_EQ(og.site_name, "مدار اليوم");
  auto tag = extract_html("<head><title>الجولة العشرون تختتم في أستانا | مدار اليوم</title></head><body><p>" + kParagraph1 + "</p></body>");
  EXPECT_EQ(tag.title, "الجولة العشرون تختتم في أستانا");
  EXPECT_EQ(tag.site_name, "مدار اليوم");
}

TEST(Html, PublishedDateFromMetaOrTime) {
  EXPECT_EQ(extract_html("<head><meta property=\"article:published_time\" content=\"2023-06-21T16:16:00+03:00\"></head>").published,
            "2023-06-21T16:16:00+03:00");
  EXPECT_EQ(extract_html("<body><time datetime=\"2024-01-25\">الخميس</time></body>").published, "2024-01-25");
}

TEST(Html, CaptionsAndLinkListsAreNotContent) {
  const std::string page = "<body><article><figure><img src=a.jpg><figcaption>وفود الدول الضامنة في الجلسة</figcaption></figure>"
                           "<p>" + kParagraph1 + "</p><p>" + kParagraph2 + "</p>"
                           "<ul><li><a href=/a>رابط إلى خبر آخر عن الموضوع نفسه</a></li></ul></article></body>";
  auto r = extract_html(page);
  EXPECT_FALSE(has(r.paragraphs, "وفود الدول الضامنة في الجلسة"));
  EXPECT_TRUE(has(r.dropped, "وفود الدول الضامنة في الجلسة"));
  EXPECT_FALSE(has(r.paragraphs, "رابط إلى خبر آخر"));
}

TEST(Html, EntitiesAreDecodedAndSpacesCollapsed) {
  auto r = extract_html("<body><p>" + kParagraph1 + " &amp;   &quot;خفض التصعيد&quot;</p></body>");
  ASSERT_EQ(r.paragraphs.size(), 1u);
  EXPECT_NE(r.paragraphs[0].find("& \"خفض التصعيد\""), std::string::npos);
}

TEST(HtmlContract, RandomBytesNeverCrash) {
  std::mt19937 rng(11);
  const std::string pieces[] = {"<p>", "</p>", "<div class=\"share\">", "</div>", "<a href=x>", "</a>", "<script>",
                                "سوريا ", "أستانا ", "&amp;", "<br>", "<", ">", "\"", "\xFF", "<nav>", "<figcaption>"};
  for (int round = 0; round < 500; ++round) {
    std::string s;
    for (int i = 0; i < 40; ++i) s += pieces[rng() % std::size(pieces)];
    auto r = extract_html(s);
    for (const auto& p : r.paragraphs) ASSERT_FALSE(p.empty());
  }
}
