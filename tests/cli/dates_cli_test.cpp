// End-to-end: `masar dates` resolves time expressions against an anchor.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using masar::testing::run_masar;

TEST(DatesCli, JsonWithOffsetsIntoTheInput) {
  const auto r = run_masar("dates --json --anchor 2023-06-21", "وصل الوفد أمس، وتعقد الجولة مطلع الشهر المقبل\n");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["text"], "أمس");
  EXPECT_EQ(j[0]["first"], "2023-06-20");
  EXPECT_EQ(j[1]["text"], "مطلع الشهر المقبل");
  EXPECT_EQ(j[1]["last"], "2023-07-10");
  EXPECT_EQ(j[1]["precision"], "month_part");
}

TEST(DatesCli, OneLineOutPerLineIn) {
  const auto r = run_masar("dates --anchor 2023-06-21", "الأربعاء الماضي\nلا تاريخ هنا\n");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "الأربعاء الماضي → 2023-06-14 (day)\n\n");
}

// A bare weekday is read back, and its coming occurrence, the reading for a plan, is shown too.
TEST(DatesCli, ABareWeekdayShowsItsReadingAhead) {
  const auto text = run_masar("dates --anchor 2023-06-21", "سيصل الوفد الجمعة\n");
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_EQ(text.out, "الجمعة → 2023-06-16 (day; a plan: 2023-06-23)\n");
  const auto json = run_masar("dates --json --anchor 2023-06-21", "سيصل الوفد الجمعة أمس\n");
  ASSERT_EQ(json.status, 0) << json.err;
  const auto j = nlohmann::json::parse(json.out);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["ahead"], "2023-06-23");
  EXPECT_TRUE(j[1]["ahead"].is_null());
}

TEST(DatesCli, BadAnchorIsAUsageError) {
  const auto r = run_masar("dates --anchor yesterday أمس");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--anchor"), std::string::npos);
}
