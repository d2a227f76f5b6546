#include "masar/text/stem.hpp"

#include <gtest/gtest.h>

#include "masar/text/normalize.hpp"

using namespace masar::text;

namespace {
std::string stem(std::string_view word) {
  const std::string n = normalize_for_search(word);
  return std::string(stem_arabic(n));
}
}  // namespace

// Protected proper nouns keep their stems (Snowball cuts أستانا to استا).
TEST(Stem, ProtectsAstana) { EXPECT_EQ(stem("أستانا"), "استانا"); }
TEST(Stem, ProtectsCountries) {
  EXPECT_EQ(stem("سوريا"), "سوريا");
  EXPECT_EQ(stem("روسيا"), "روسيا");
  EXPECT_EQ(stem("إيران"), "ايران");
  EXPECT_EQ(stem("لبنان"), "لبنان");
}
TEST(Stem, ProtectsCities) {
  EXPECT_EQ(stem("إدلب"), "ادلب");
  EXPECT_EQ(stem("طهران"), "طهران");
  EXPECT_EQ(stem("أنقرة"), "انقره");
}
TEST(Stem, ProtectsLeaders) {
  EXPECT_EQ(stem("بوتين"), "بوتين");
  EXPECT_EQ(stem("أردوغان"), "اردوغان");
  EXPECT_EQ(stem("بيدرسون"), "بيدرسون");
}
TEST(Stem, ProtectedNameWithProclitic) {
  EXPECT_EQ(stem("وروسيا"), "روسيا");
  EXPECT_EQ(stem("بسوريا"), "سوريا");
  EXPECT_EQ(stem("لإيران"), "ايران");
  EXPECT_EQ(stem("والأردن"), "اردن");
}
// A name listed with the article (الأسد، الباب) is written with it after a proclitic too
// (فالأسد، بالقصير): its bare form licenses no one-letter proclitic (فاسد is "corrupt"),
// while a name listed bare does (بسوريا).
TEST(Stem, TheBareFormOfANameWithTheArticleLicensesNoProclitic) {
  EXPECT_EQ(stem("فاسد"), "فاسد");
  EXPECT_EQ(stem("فالأسد"), "اسد");  // the analyzer's names stage gives the article back
  EXPECT_EQ(stem("لبيروت"), "بيروت");
}
// Foreign names whose first letters read as a proclitic and the article: فالنسيا is not
// ف + ال + "نسيا" (forgot), بالمر not ب + ال + "مر", والتر not و + ال + "تر".
TEST(Stem, AForeignNameIsNotAProcliticAndTheArticle) {
  EXPECT_EQ(stem("فالنسيا"), "فالنسيا");
  EXPECT_EQ(stem("كاليفورنيا"), "كاليفورنيا");
  EXPECT_EQ(stem("بالتيمور"), "بالتيمور");
  EXPECT_EQ(stem("بالمر"), "بالمر");
  EXPECT_EQ(stem("والتر"), "والتر");
  EXPECT_EQ(stem("بكاليفورنيا"), "كاليفورنيا");  // listed, so a proclitic before it goes
  EXPECT_EQ(stem("بالمركز"), "مركز");            // and the rule stands for other words
}
// "لل" is ل + ال (للعراق، للرئيس), except before a listed name that begins with ل: "للبنان"
// is "to Lebanon", not ل + ال + "بنان".
TEST(Stem, ToANameBeginningWithLamIsThatName) {
  EXPECT_EQ(stem("للبنان"), "لبنان");
  EXPECT_EQ(stem("وللبنان"), "لبنان");
  EXPECT_EQ(stem("فللندن"), "لندن");
  EXPECT_EQ(stem("لليبيا"), "ليبيا");
  EXPECT_EQ(stem("للعراق"), stem("والعراق"));  // ل + the article, as before
  EXPECT_EQ(stem("للرئيس"), normalize_for_search("رئيس"));  // and the rule stands for other words
}
TEST(Stem, AdjectiveOfProtectedNameStopsAtTheName) { EXPECT_EQ(stem("الإيرانية"), "ايران"); }

// Proclitics.
TEST(Stem, DefiniteArticle) { EXPECT_EQ(stem("الاجتماع"), "اجتماع"); }
TEST(Stem, ConjunctionPlusArticle) { EXPECT_EQ(stem("والرئيس"), normalize_for_search("رئيس")); }
TEST(Stem, PrepositionPlusArticle) {
  EXPECT_EQ(stem("بالاتفاق"), "اتفاق");
  EXPECT_EQ(stem("للمفاوضات"), "مفاوض");
  EXPECT_EQ(stem("كالعادة"), "عاد");
  EXPECT_EQ(stem("فالحكومة"), "حكوم");
}
TEST(Stem, ConjunctionWaw) { EXPECT_EQ(stem("وأعلن"), "اعلن"); }
TEST(Stem, RootWawIsKept) {
  EXPECT_EQ(stem("وزير"), "وزير");
  EXPECT_EQ(stem("الوفد"), "وفد");
  EXPECT_EQ(stem("ووزير"), "وزير");
}
TEST(Stem, SingleLetterPrepositionNotStrippedFromCommonWords) {
  EXPECT_EQ(stem("بيان"), "بيان");  // Snowball: يان
  EXPECT_EQ(stem("فريق"), "فريق");
}

// Suffixes.
TEST(Stem, FemininePlural) { EXPECT_EQ(stem("الاجتماعات"), "اجتماع"); }
TEST(Stem, MasculinePlural) {
  EXPECT_EQ(stem("المفاوضين"), "مفاوض");
  EXPECT_EQ(stem("المراقبون"), "مراقب");
}
TEST(Stem, NisbaAdjective) {
  EXPECT_EQ(stem("السورية"), "سور");
  EXPECT_EQ(stem("السوريين"), "سور");
  EXPECT_EQ(stem("الروسي"), "روس");
}
TEST(Stem, TaMarbuta) { EXPECT_EQ(stem("الجولة"), "جول"); }
TEST(Stem, PossessiveSuffix) { EXPECT_EQ(stem("سياساتها"), "سياس"); }

// Length guards.
TEST(Stem, ShortWordsUntouched) {
  EXPECT_EQ(stem("قوات"), "قوات");
  EXPECT_EQ(stem("دول"), "دول");
  EXPECT_EQ(stem("من"), "من");
}
TEST(Stem, NonArabicUntouched) {
  EXPECT_EQ(stem_arabic("2024"), "2024");
  EXPECT_EQ(stem_arabic("astana"), "astana");
}

TEST(StripProclitics, KeepsSuffixes) {
  const std::string n = normalize_for_search("والمفاوضات");
  EXPECT_EQ(strip_proclitics(n), normalize_for_search("مفاوضات"));
}
TEST(Stem, NoSecondRoundAfterTaMarbuta) { EXPECT_EQ(stem("بمدينة"), normalize_for_search("بمدين")); }
TEST(Stem, ProtectsMonthsAndRegions) {
  EXPECT_EQ(stem("تشرين"), "تشرين");
  EXPECT_EQ(stem("حزيران"), "حزيران");
  EXPECT_EQ(stem("كردستان"), "كردستان");
}
