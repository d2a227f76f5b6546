// The curated capitals: each stands for its state, whatever the spelling the key folds.
#include <gtest/gtest.h>

#include "masar/entities/mentions.hpp"
#include "masar/entities/states.hpp"

namespace masar::entities {
namespace {

TEST(Capitals, StandForTheirState) {
  EXPECT_EQ(state_of_capital(text_key("موسكو")), text_key("روسيا"));
  EXPECT_EQ(state_of_capital(text_key("واشنطن")), text_key("الولايات المتحدة"));
  EXPECT_EQ(state_of_capital(text_key("أنقرة")), state_of_capital(text_key("انقرة")));  // hamza folded
  EXPECT_EQ(state_of_capital(text_key("أبو ظبي")), state_of_capital(text_key("أبوظبي")));
}

TEST(Capitals, OthersAndAmbiguousNamesAreNotListed) {
  EXPECT_FALSE(state_of_capital(text_key("حلب")));     // a city, no capital
  EXPECT_FALSE(state_of_capital(text_key("عمان")));    // Amman or Oman
  EXPECT_FALSE(state_of_capital(text_key("طرابلس")));  // Libya's or Lebanon's
  EXPECT_FALSE(state_of_capital(text_key("روسيا")));   // a state is not a capital
}

}  // namespace
}  // namespace masar::entities
