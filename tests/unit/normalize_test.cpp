#include "masar/text/normalize.hpp"

#include <gtest/gtest.h>

using masar::text::ascii_digits;
using masar::text::normalize_for_search;
using masar::text::normalizes_to;

// One test per folding rule.
TEST(Normalize, RemovesDiacritics) { EXPECT_EQ(normalize_for_search("فَرَضَ وَزِيرُ"), "فرض وزير"); }
TEST(Normalize, RemovesTatweel) { EXPECT_EQ(normalize_for_search("ســوريا"), "سوريا"); }
TEST(Normalize, FoldsAlefForms) { EXPECT_EQ(normalize_for_search("أإآٱا"), "ااااا"); }
TEST(Normalize, FoldsAlefMaqsura) { EXPECT_EQ(normalize_for_search("مستشفى"), "مستشفي"); }
TEST(Normalize, FoldsTaMarbuta) { EXPECT_EQ(normalize_for_search("الجولة"), "الجوله"); }
TEST(Normalize, FoldsHamzaSeats) { EXPECT_EQ(normalize_for_search("مؤتمر رئيس"), "موتمر رييس"); }
TEST(Normalize, FoldsPersianAndUrduLetters) {
  EXPECT_EQ(normalize_for_search("کی"), "كي");   // Persian kaf and yeh
  EXPECT_EQ(normalize_for_search("ہ"), "ه");     // Urdu heh goal
  EXPECT_EQ(normalize_for_search("پ"), "ب");
}
TEST(Normalize, FoldsDigits) {
  EXPECT_EQ(normalize_for_search("٢٠٢٣"), "2023");
  EXPECT_EQ(normalize_for_search("۱۴۰۲"), "1402");
}
TEST(Normalize, DecomposesPresentationFormsAndLigatures) {
  EXPECT_EQ(normalize_for_search("\uFEFB"), "لا");          // lam-alef ligature
  EXPECT_EQ(normalize_for_search("\uFE8D\uFEDF"), "ال");    // isolated alef, initial lam
  EXPECT_EQ(normalize_for_search("\uFDF2"), "الله");         // Allah ligature
}
TEST(Normalize, RemovesInvisibles) { EXPECT_EQ(normalize_for_search("سو\u200Bريا\u200F"), "سوريا"); }
TEST(Normalize, LowercasesLatin) {
  EXPECT_EQ(normalize_for_search("UN Envoy"), "un envoy");
  EXPECT_EQ(normalize_for_search("ÉTAT"), "état");
}
TEST(Normalize, AsciiDigitsKeepsLetters) { EXPECT_EQ(ascii_digits("أستانا ٩"), "أستانا 9"); }
// The slow path (characters outside ASCII and the Arabic block) on a long text: its speed
// regression (each such character re-filled the rest of the buffer) shows in make bench
// (BM_MasarNormalizeOnly 49 -> 467 MB/s); this checks the rewritten path stays correct.
TEST(Normalize, LongTextWithManySlowPathCharacters) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "«سوريا» ";
  const std::string out = normalize_for_search(text);
  EXPECT_EQ(out.size(), text.size());  // « and » stay (two bytes each), nothing else changes
  EXPECT_EQ(out.substr(0, 15), "«سوريا» ");
}
// Compared piece by piece: a text folded across the pieces' edges (marks, tatweel, a ligature
// at byte 64) still equals its search form, and a difference at the very end is seen.
TEST(Normalize, NormalizesToComparesTheWholeSearchForm) {
  std::string text;
  for (int i = 0; i < 12; ++i) text += "الجَوْلـةُ \uFEFB ";
  const std::string norm = normalize_for_search(text);
  EXPECT_TRUE(normalizes_to(text, norm));
  EXPECT_FALSE(normalizes_to(text, norm + "ا"));
  EXPECT_FALSE(normalizes_to(text, norm.substr(0, norm.size() - 1)));
  EXPECT_FALSE(normalizes_to(text + "ب", norm + "ا"));
  EXPECT_TRUE(normalizes_to("", ""));
  EXPECT_FALSE(normalizes_to("", "ا"));
  EXPECT_TRUE(normalizes_to("\u064B", ""));  // a mark alone folds to nothing
}
