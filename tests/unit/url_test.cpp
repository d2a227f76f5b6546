// What a page's address says (masar/extract/url.hpp), one test per rule; the addresses are
// written for these tests.
#include "masar/extract/url.hpp"

#include <gtest/gtest.h>

#include "masar/extract/cleaner.hpp"

namespace masar::extract {
namespace {

TEST(UrlHost, LowercasedWithoutPortOrUser) {
  EXPECT_EQ(url_host("https://User@WWW.Example.com:8080/ar/x"), "www.example.com");
  EXPECT_EQ(url_host("no scheme here"), "");
}

TEST(UrlTitle, PercentEncodedSlug) {
  // "/ar/محادثات-أستانا-تنطلق-اليوم/a-123"
  EXPECT_EQ(title_from_url("http://news.example/ar/%D9%85%D8%AD%D8%A7%D8%AF%D8%AB%D8%A7%D8%AA-%D8%A3%D8%B3%D8%AA%D8%A7%D9%86"
                           "%D8%A7-%D8%AA%D9%86%D8%B7%D9%84%D9%82-%D8%A7%D9%84%D9%8A%D9%88%D9%85/a-123"),
            "محادثات أستانا تنطلق اليوم");
}

TEST(UrlTitle, RawArabicSlugWithDigitsAndExtension) {
  EXPECT_EQ(title_from_url("https://example.com/2017/12/24/وساطة-لإجلاء-500-محاصر-بالغوطة.html?ref=home#top"),
            "وساطة لإجلاء 500 محاصر بالغوطة");
}

TEST(UrlTitle, UnderscoresAndPlusSignsSplitWords) {
  EXPECT_EQ(title_from_url("https://wiki.example/wiki/أهم_أحداث_العام"), "أهم أحداث العام");
  EXPECT_EQ(title_from_url("https://example.com/search/جولة+جديدة+من+المحادثات"), "جولة جديدة من المحادثات");
}

TEST(UrlTitle, TheSegmentWithTheMostArabicWordsWins) {
  EXPECT_EQ(title_from_url("https://example.com/تقارير-خاصة/تنطلق-غدا-جولة-جديدة-من-المحادثات/"),
            "تنطلق غدا جولة جديدة من المحادثات");
}

TEST(UrlTitle, NoHeadlineInTheAddress) {
  EXPECT_EQ(title_from_url("http://www.example.com/article/4176427"), "");
  EXPECT_EQ(title_from_url("http://example.com/?p=276400"), "");
  EXPECT_EQ(title_from_url("https://example.com/news/talks-resume-in-astana"), "");  // a Latin slug
  EXPECT_EQ(title_from_url("https://example.com/ar/أخبار-سوريا"), "");               // two words: a section
  EXPECT_EQ(title_from_url("https://example.com"), "");
  EXPECT_EQ(title_from_url("محادثات أستانا تنطلق اليوم"), "");  // not an address
}

TEST(UrlTitle, TheQueryAndTheFragmentAreNotThePath) {
  EXPECT_EQ(title_from_url("http://example.com?ref=/وساطة-لإجلاء-محاصر"), "");
  EXPECT_EQ(title_from_url("http://example.com#/وساطة-لإجلاء-محاصر"), "");
  EXPECT_EQ(title_from_url("http://example.com/news?ref=/وساطة-لإجلاء-محاصر"), "");
}

TEST(UrlTitle, ExtensionsInCapitalsAndEncodedSlashes) {
  EXPECT_EQ(title_from_url("https://example.com/وساطة-لإجلاء-500-محاصر-بالغوطة.HTML"), "وساطة لإجلاء 500 محاصر بالغوطة");
  // "%2F" decodes to a slash inside the segment: a word break, not a character of the title.
  EXPECT_EQ(title_from_url("https://example.com/وساطة%2Fلإجلاء-محاصر-بالغوطة"), "وساطة لإجلاء محاصر بالغوطة");
}

TEST(UrlTitle, BrokenEncodingIsNoTitle) {
  // A cut sequence ("%D9%85%D8" then a dash) does not decode to UTF-8: the segment is skipped.
  EXPECT_EQ(title_from_url("http://example.com/%D9%85%D8-%D8%A3-%D8%A8-%D8%AA"), "");
  // A '%' without two hex digits stays as it is.
  EXPECT_EQ(title_from_url("http://example.com/نسبة-100%-من-الأصوات-للمرشح"), "نسبة 100% من الأصوات للمرشح");
}

TEST(UrlTitle, ThePageWithoutATitleLineTakesTheAddress) {
  Article a;
  a.id = "u-1";
  a.url = "https://example.com/2017/12/24/وساطة-لإجلاء-500-محاصر-بالغوطة";
  // A page whose first lines are a long paragraph: no title line to take.
  a.text = "قالت مصادر محلية إن وساطة جديدة تجري منذ أيام لإجلاء مئات المحاصرين من الغوطة الشرقية إلى الشمال، "
           "وإن المفاوضات تتعثر عند أسماء من يسمح لهم بالخروج ومن يبقى، في ظل قصف لا يتوقف على المدن والبلدات هناك "
           "منذ أسابيع طويلة دون أن يتوصل الطرفان إلى اتفاق نهائي يرضي الجميع.";
  const Cleaner cleaner;
  EXPECT_EQ(cleaner.clean_one(a).title, "وساطة لإجلاء 500 محاصر بالغوطة");
  // A title the input gives wins over the address.
  a.title = "وساطة جديدة في الغوطة";
  EXPECT_EQ(cleaner.clean_one(a).title, "وساطة جديدة في الغوطة");
}

}  // namespace
}  // namespace masar::extract
