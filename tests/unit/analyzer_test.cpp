#include "masar/text/analyzer.hpp"

#include <gtest/gtest.h>

using namespace masar::text;

namespace {
std::vector<std::string> terms(const Analyzer& a, std::string_view s) {
  std::vector<std::string> out;
  for (const Term& t : a.analyze(s)) out.push_back(t.text);
  return out;
}
}  // namespace

TEST(Analyzer, StandardChain) {
  EXPECT_EQ(Analyzer::standard().stage_names(), (std::vector<std::string>{"normalize", "stopwords", "stem", "names"}));
  EXPECT_EQ(terms(Analyzer::standard(), "اجتمع الوفد في أستانا"),
            (std::vector<std::string>{"اجتمع", "وفد", "استانا"}));
}

TEST(Analyzer, SameTermsForNoisyAndCleanSpelling) {
  const Analyzer& a = Analyzer::standard();
  EXPECT_EQ(terms(a, "القـ.ـضية السّوريّة"), terms(a, "القضية السورية"));
  EXPECT_EQ(terms(a, "الجولة ٢١"), terms(a, "الجوله 21"));
}

TEST(Analyzer, OffsetsPointAtTheOriginalText) {
  const std::string s = "قال المبعوثُ إنّ القـ.ـضية";
  auto ts = Analyzer::standard().analyze(s);
  ASSERT_EQ(ts.size(), 2u);  // المبعوث, القضية (قال and إن are stop words)
  EXPECT_EQ(s.substr(ts[0].begin, ts[0].end - ts[0].begin), "المبعوثُ");
  EXPECT_EQ(s.substr(ts[1].begin, ts[1].end - ts[1].begin), "القـ.ـضية");
  EXPECT_EQ(ts[1].position, 3u);  // positions count the dropped stop words
}

TEST(Analyzer, StagesByName) {
  auto a = Analyzer::from_names({"normalize"});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(terms(a.value(), "في الجولة"), (std::vector<std::string>{"في", "الجوله"}));
}

TEST(Analyzer, UnknownStageIsAnError) {
  auto a = Analyzer::from_names({"normalize", "lemmatize"});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().code, masar::Errc::not_found);
}

TEST(Analyzer, HashtagBecomesItsWord) { EXPECT_EQ(terms(Analyzer::standard(), "#سوريا"), (std::vector<std::string>{"سوريا"})); }

TEST(Analyzer, NameVariantsFoldTogether) {
  const Analyzer& a = Analyzer::standard();
  EXPECT_EQ(terms(a, "أستانة"), terms(a, "أستانا"));
  EXPECT_EQ(terms(a, "لافرينتييف"), terms(a, "لافرنتييف"));
  EXPECT_EQ(terms(a, "وبيدرسن"), terms(a, "بيدرسون"));
  // The outlets split about evenly between أميركا and أمريكا, and their adjectives.
  EXPECT_EQ(terms(a, "وأميركا"), terms(a, "أمريكا"));
  EXPECT_EQ(terms(a, "الأميركية"), terms(a, "الأمريكية"));
  EXPECT_EQ(terms(a, "الأميركيين"), terms(a, "أمريكي"));
  // ك or ج for the English g, ج or غ for the g of other names, و in أوروبا or not.
  EXPECT_EQ(terms(a, "إنكلترا"), terms(a, "إنجلترا"));
  EXPECT_EQ(terms(a, "الإنكليزي"), terms(a, "الإنجليزية"));
  EXPECT_EQ(terms(a, "جوجل"), terms(a, "غوغل"));
  EXPECT_EQ(terms(a, "الكونجرس"), terms(a, "الكونغرس"));
  EXPECT_EQ(terms(a, "البنتاجون"), terms(a, "والبنتاغون"));
  EXPECT_EQ(terms(a, "أوربا"), terms(a, "أوروبا"));
  // Not the adjective's stem "اورب", which is also Orbán's.
  EXPECT_NE(terms(a, "أوربان"), terms(a, "الأوروبي"));
}

// A name listed with the article keeps one term however it is written: the stemmer leaves
// "الأسد" whole but strips "والأسد" to "اسد"; the names stage gives the article back (to its adjectives too, as the
// stemmer takes العراقية to the name: عراق).
TEST(Analyzer, ANameWithTheArticleIsOneTermWithEveryProclitic) {
  const Analyzer& a = Analyzer::standard();
  for (const char* written : {"والأسد", "للأسد", "بالأسد", "فالأسد"}) EXPECT_EQ(terms(a, written), terms(a, "الأسد")) << written;
  for (const char* written : {"والعراق", "للعراق", "العراقية", "عراقيون"}) EXPECT_EQ(terms(a, written), terms(a, "العراق")) << written;
  EXPECT_EQ(terms(a, "العراق"), (std::vector<std::string>{"العراق"}));
  // A word listed bare keeps its form ("باب" of باب الهوى is not the town الباب).
  EXPECT_EQ(terms(a, "باب"), (std::vector<std::string>{"باب"}));
  EXPECT_NE(terms(a, "فاسد"), terms(a, "الأسد"));
}
