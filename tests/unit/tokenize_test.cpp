#include "masar/text/tokenize.hpp"

#include <gtest/gtest.h>

using namespace masar::text;

namespace {
std::vector<std::string> texts(std::string_view s) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(s)) out.emplace_back(s.substr(t.begin, t.end - t.begin));
  return out;
}
}  // namespace

TEST(Tokenize, ArabicWordsSplitOnSpaceAndPunctuation) {
  EXPECT_EQ(texts("اجتمع الوفد، ثم غادر."), (std::vector<std::string>{"اجتمع", "الوفد", "ثم", "غادر"}));
}
TEST(Tokenize, KeepsDiacriticsInsideTheToken) { EXPECT_EQ(texts("وَزِيرُ الخارجية")[0], "وَزِيرُ"); }
TEST(Tokenize, BrokenWordIsOneToken) { EXPECT_EQ(texts("حول القـ.ـضية"), (std::vector<std::string>{"حول", "القـ.ـضية"})); }
TEST(Tokenize, ZeroWidthInsideWordIsOneToken) { EXPECT_EQ(texts("سو\u200Bريا").size(), 1u); }
TEST(Tokenize, PlainDotBetweenWordsSplits) { EXPECT_EQ(texts("سوريا.وقال").size(), 2u); }
TEST(Tokenize, Numbers) {
  EXPECT_EQ(texts("بلغ 3,500 شخص و١٢٫٥ بالمئة"), (std::vector<std::string>{"بلغ", "3,500", "شخص", "و", "١٢٫٥", "بالمئة"}));
}
TEST(Tokenize, DateSplitsIntoNumbers) { EXPECT_EQ(texts("2023/06/21"), (std::vector<std::string>{"2023", "06", "21"})); }
TEST(Tokenize, NumberGluedToArabicWord) { EXPECT_EQ(texts("أستانا9"), (std::vector<std::string>{"أستانا", "9"})); }
TEST(Tokenize, LatinWords) { EXPECT_EQ(texts("UN envoy O'Brien"), (std::vector<std::string>{"UN", "envoy", "O'Brien"})); }
TEST(Tokenize, Hashtags) {
  const std::string s = "تابعوا #أستانا_9 و#Syria";
  auto toks = tokenize(s);
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_EQ(toks[1].kind, TokenKind::hashtag);
  EXPECT_EQ(s.substr(toks[1].begin, toks[1].end - toks[1].begin), "#أستانا_9");
  EXPECT_EQ(toks[3].kind, TokenKind::hashtag);
}
TEST(Tokenize, LoneHashIsNotAToken) { EXPECT_TRUE(texts("# #").empty()); }
TEST(Tokenize, KindsAreReported) {
  auto toks = tokenize("سوريا 2024 Astana");
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_EQ(toks[0].kind, TokenKind::arabic);
  EXPECT_EQ(toks[1].kind, TokenKind::number);
  EXPECT_EQ(toks[2].kind, TokenKind::latin);
}
TEST(Tokenize, RejoinedWordsAreFlagged) {
  auto toks = tokenize("حول القـ.ـضية");
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_FALSE(toks[0].rejoined);
  EXPECT_TRUE(toks[1].rejoined);
}
TEST(Tokenize, CountWordsMatchesTokensOnProse) {
  for (std::string_view s : {"اجتمع الوفد، ثم غادر.", "قال المبعوث ( الأممي ) إن « الحل » سياسي ؟", "UN envoy 2024 #أستانا",
                             "الرئيسية / أخبار / سوريا", "  سوريا   و  روسيا  "}) {
    EXPECT_EQ(count_words(s), tokenize(s).size()) << s;
  }
}
TEST(Tokenize, CountWordsStopsAfterTheLimit) {
  constexpr std::string_view s = "اجتمع الوفد، ثم غادر العاصمة.";  // five words
  EXPECT_EQ(count_words(s, 2), 3u);   // more than two: the limit plus one
  EXPECT_EQ(count_words(s, 4), 5u);
  EXPECT_EQ(count_words(s, 5), 5u);   // at the limit: the count itself
  EXPECT_EQ(count_words(s, 50), 5u);
  EXPECT_EQ(count_words(s, 0), 1u);
  EXPECT_EQ(count_words("", 0), 0u);
}
