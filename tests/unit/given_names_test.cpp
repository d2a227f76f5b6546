// How two given names of one family name compare (src/entities/given_names.cpp), and two
// one-word names (src/entities/one_word_spellings.cpp): one test per rule. Keys are compared, as
// the folds do.
#include <gtest/gtest.h>

#include <string>

#include "entities/folding.hpp"
#include "masar/entities/mentions.hpp"

using namespace masar::entities;

namespace {

GivenNameMatch match(const std::string& a, const std::string& b) { return given_names_match(text_key(a), text_key(b)); }

}  // namespace

TEST(GivenNames, ALongVowelMoreOrLessIsOneSpelling) {
  EXPECT_EQ(match("كيفن", "كيفين"), GivenNameMatch::spelling);
  EXPECT_EQ(match("إيدن", "إدين"), GivenNameMatch::spelling);
  EXPECT_EQ(match("هكتور", "هيكتور"), GivenNameMatch::spelling);
  EXPECT_EQ(match("فيليب", "فيليبي"), GivenNameMatch::spelling);
  EXPECT_EQ(match("كيفن", "كيفن"), GivenNameMatch::none);  // the same name is no variant
}

TEST(GivenNames, LettersOfOneForeignSoundAreOneSpelling) {
  EXPECT_EQ(match("يواكيم", "يواخيم"), GivenNameMatch::spelling);       // German ch
  EXPECT_EQ(match("أنتونيو", "أنطونيو"), GivenNameMatch::spelling);     // t
  EXPECT_EQ(match("سيباستيان", "زيباستيان"), GivenNameMatch::spelling);  // German s
  EXPECT_EQ(match("جورج", "خورخي"), GivenNameMatch::spelling);          // Spanish j
  EXPECT_EQ(match("جاك", "جو"), GivenNameMatch::none);                  // ج and ك are not one
  EXPECT_EQ(match("بيل", "ريك"), GivenNameMatch::none);
}

TEST(GivenNames, ArabicGivenNamesAreNeverOneSpelling) {
  EXPECT_EQ(match("محمد", "محمود"), GivenNameMatch::none);
  EXPECT_EQ(match("حسن", "حسين"), GivenNameMatch::none);
  EXPECT_EQ(match("سعد", "سعيد"), GivenNameMatch::none);
  EXPECT_EQ(match("سامر", "سمير"), GivenNameMatch::none);
  EXPECT_EQ(match("عبدالله", "عبداللاه"), GivenNameMatch::none);
}

TEST(GivenNames, TwoConsonantsAllowOnlyOneLongVowelApart) {
  EXPECT_EQ(match("نك", "نيك"), GivenNameMatch::short_name);
  EXPECT_EQ(match("ريك", "رياك"), GivenNameMatch::short_name);
  EXPECT_EQ(match("ديديه", "ديدييه"), GivenNameMatch::short_name);  // د د: a doubled letter is not two apart
  EXPECT_EQ(match("دين", "دان"), GivenNameMatch::none);  // Dean is not Dan
  EXPECT_EQ(match("رون", "ريان"), GivenNameMatch::none);
}

TEST(GivenNames, AShortFormDropsOneConsonantAtTheEnd) {
  EXPECT_EQ(match("ستيف", "ستيفن"), GivenNameMatch::short_form);
  EXPECT_EQ(match("جيم", "جيمس"), GivenNameMatch::short_form);
  EXPECT_EQ(match("إدوار", "إدوارد"), GivenNameMatch::short_form);
  EXPECT_EQ(match("بيتر", "باتريك"), GivenNameMatch::none);  // ك is no ending a short form drops
}

TEST(GivenNames, AFeminineEndingIsAnotherName) {
  EXPECT_EQ(match("كارلا", "كارلوس"), GivenNameMatch::none);
  EXPECT_EQ(match("جوليانا", "جوليان"), GivenNameMatch::none);
  EXPECT_EQ(match("فرانشيسكا", "فرانشيسكو"), GivenNameMatch::spelling);  // both end with a vowel: the context decides
}

TEST(OneWordSpellings, OneLongVowelMoreInsideIsOneSpelling) {
  EXPECT_TRUE(one_long_vowel_inside(text_key("تشلسي"), text_key("تشيلسي")));
  EXPECT_TRUE(one_long_vowel_inside(text_key("ميونخ"), text_key("ميونيخ")));
  EXPECT_TRUE(one_long_vowel_inside(text_key("كابل"), text_key("كابول")));
  EXPECT_FALSE(one_long_vowel_inside(text_key("تشيلسي"), text_key("تشلسي")));  // shorter first
  EXPECT_FALSE(one_long_vowel_inside(text_key("مكسيك"), text_key("مكسيكو")));  // at the end: Mexico City
  EXPECT_FALSE(one_long_vowel_inside(text_key("برج"), text_key("بريج")));      // three letters: Arabic words
  EXPECT_FALSE(one_long_vowel_inside(text_key("تشلسي"), text_key("تشلسمي")));  // not a long vowel
}
