// The curated capitals: each stands for its state, whatever the spelling the key folds.
#include <gtest/gtest.h>

#include "masar/entities/mentions.hpp"
#include "masar/entities/states.hpp"

namespace masar::entities {
namespace {

TEST(Capitals, StandForTheirState) {
  EXPECT_EQ(state_of_capital(text_key("موسكو")), "روسيا");
  EXPECT_EQ(state_of_capital(text_key("واشنطن")), "الولايات المتحدة");
  EXPECT_EQ(state_of_capital(text_key("انقرة")), "تركيا");  // hamza folded
  EXPECT_EQ(state_of_capital(text_key("أبو ظبي")), "الإمارات");
  EXPECT_EQ(state_of_capital(text_key("أبوظبي")), "الإمارات");
  EXPECT_EQ(state_of_capital(text_key("نور سلطان")), "كازاخستان");  // Astana's name 2019–2022
}

TEST(Capitals, OthersAndAmbiguousNamesAreNotListed) {
  EXPECT_FALSE(state_of_capital(text_key("حلب")));     // a city, no capital
  EXPECT_FALSE(state_of_capital(text_key("عمان")));    // Amman or Oman
  EXPECT_FALSE(state_of_capital(text_key("طرابلس")));  // Libya's or Lebanon's
  EXPECT_FALSE(state_of_capital(text_key("روسيا")));   // a state is not a capital
}

}  // namespace
}  // namespace masar::entities

namespace masar::entities {
namespace {

TEST(Demonyms, BothGendersNameTheirState) {
  EXPECT_EQ(state_of_demonym("الروسي"), "روسيا");
  EXPECT_EQ(state_of_demonym("الروسيه"), "روسيا");  // search form of الروسية
  EXPECT_EQ(state_of_demonym("الامريكيه"), "الولايات المتحدة");
  EXPECT_EQ(state_of_demonym("الاميركي"), "الولايات المتحدة");
}

TEST(Demonyms, OnlyTheAdjectiveWithItsArticle) {
  EXPECT_FALSE(state_of_demonym("روسي"));     // no article: "جندي روسي" is one soldier, not the state
  EXPECT_FALSE(state_of_demonym("الرئيسي"));  // an adjective, no demonym
  EXPECT_FALSE(state_of_demonym("روسيا"));
}

}  // namespace
}  // namespace masar::entities
