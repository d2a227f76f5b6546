#include "masar/text/clean.hpp"

#include <gtest/gtest.h>

using namespace masar::text;

// Rejoining words broken to dodge filters.
TEST(CleanRejoin, TatweelAndDot) { EXPECT_EQ(clean_for_display("القـ.ـضية"), "القضية"); }
TEST(CleanRejoin, TatweelAndDotInPlural) { EXPECT_EQ(clean_for_display("خلافـ.ـات"), "خلافات"); }
TEST(CleanRejoin, TatweelAndArabicComma) { EXPECT_EQ(clean_for_display("الهـ،ـجوم"), "الهجوم"); }
TEST(CleanRejoin, TatweelAndDash) { EXPECT_EQ(clean_for_display("الاحتـ-ـلال"), "الاحتلال"); }
TEST(CleanRejoin, TatweelOnOneSideOnly) { EXPECT_EQ(clean_for_display("القصـ.ف"), "القصف"); }
TEST(CleanRejoin, ZeroWidthInsideWord) { EXPECT_EQ(clean_for_display("المعا\u200Bرضة"), "المعارضة"); }
TEST(CleanRejoin, StrayMarkNextToFragment) { EXPECT_EQ(clean_for_display("خلاف.ات"), "خلافات"); }
TEST(CleanRejoin, DoesNotJoinTwoWordsAfterPeriod) {
  EXPECT_EQ(clean_for_display("في سوريا.وقال الوزير"), "في سوريا.وقال الوزير");
}
TEST(CleanRejoin, DoesNotJoinCompoundWithDash) {
  EXPECT_EQ(clean_for_display("المحادثات الروسية-التركية"), "المحادثات الروسية-التركية");
}
TEST(CleanRejoin, DoesNotJoinAfterTaMarbuta) { EXPECT_EQ(clean_for_display("الجولة.في"), "الجولة.في"); }
TEST(CleanRejoin, DoesNotJoinBeforeArticle) { EXPECT_EQ(clean_for_display("قال.الوزير"), "قال.الوزير"); }

// rejoin_broken_words skips texts with no letter-run-letter break; these must not be skipped.
TEST(CleanRejoin, BreakAfterADiacritic) { EXPECT_EQ(rejoin_broken_words("القَـ.ـضية"), "القَضية"); }
TEST(CleanRejoin, BreakAfterOrdinaryPunctuation) {
  EXPECT_EQ(rejoin_broken_words("قال الوزير. ثم أضاف، إن القـ.ـضية معقدة"), "قال الوزير. ثم أضاف، إن القضية معقدة");
}
TEST(CleanRejoin, OnlyTatweelIsNoBreak) { EXPECT_EQ(rejoin_broken_words("ســـوريا. و"), "ســـوريا. و"); }

TEST(CleanInvisibles, StripsBidiControls) { EXPECT_EQ(strip_invisibles("\u202Bسوريا\u202C"), "سوريا"); }

TEST(CleanTatweel, RemovesDecorativeTatweel) { EXPECT_EQ(clean_for_display("ســـوريا"), "سوريا"); }
TEST(CleanTatweel, KeepsArticleTatweelBeforeNumber) {
  EXPECT_EQ(clean_for_display("الجولة الـ20"), "الجولة الـ20");
  EXPECT_EQ(clean_for_display("الجولة الـ 20"), "الجولة الـ 20");
}

TEST(CleanElongation, ReducesRepeatedLetter) {
  EXPECT_EQ(clean_for_display("وجيييه"), "وجيه");
  EXPECT_EQ(clean_for_display("جداااا"), "جدا");
}
TEST(CleanElongation, KeepsDoubleLetters) { EXPECT_EQ(clean_for_display("الليل"), "الليل"); }

TEST(CleanSpacing, NoSpaceBeforePunctuation) {
  EXPECT_EQ(clean_for_display("انتهت الجولة ."), "انتهت الجولة.");
  EXPECT_EQ(clean_for_display("قال ، ثم أضاف ؟"), "قال، ثم أضاف؟");
}
TEST(CleanSpacing, BracketsAndQuotes) {
  EXPECT_EQ(clean_for_display("( رويترز ) قال \" الرقة \" اليوم"), "(رويترز) قال \"الرقة\" اليوم");
}
TEST(CleanSpacing, CollapsesRunsAndTrims) { EXPECT_EQ(clean_for_display("  سوريا   و  روسيا  "), "سوريا و روسيا"); }
TEST(CleanSpacing, KeepsNewlines) { EXPECT_EQ(clean_for_display("سطر أول \nسطر ثان"), "سطر أول\nسطر ثان"); }

TEST(CleanStats, CountsWhatItDid) {
  CleanStats stats;
  (void)clean_for_display("القـ.ـضية ســوريا وجيييه \u200B.", &stats);
  EXPECT_EQ(stats.words_rejoined, 1u);
  EXPECT_GE(stats.tatweels_removed, 2u);
  EXPECT_EQ(stats.elongations_reduced, 1u);
  EXPECT_EQ(stats.invisibles_removed, 1u);
}
TEST(CleanSpacing, MarkGluedToNextWordMovesBack) { EXPECT_EQ(clean_for_display("قال ،ثم أضاف"), "قال، ثم أضاف"); }
