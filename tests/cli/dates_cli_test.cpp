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

TEST(DatesCli, BadAnchorIsAUsageError) {
  const auto r = run_masar("dates --anchor yesterday أمس");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--anchor"), std::string::npos);
}
