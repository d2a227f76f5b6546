// End-to-end: `masar analyze` prints the terms of the search chain, with offsets into the input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using masar::testing::run_masar;

TEST(AnalyzeCli, TermsOfTheSearchChain) {
  const auto r = run_masar("analyze 'وصل الوفد الروسي إلى أستانة'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "وصل وفد روس استانا\n");
}

TEST(AnalyzeCli, JsonOffsetsPointAtTheOriginalText) {
  const std::string text = "القـ.ـضية في أستانا";
  const auto r = run_masar("analyze --json '" + text + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto terms = nlohmann::json::parse(r.out);
  ASSERT_EQ(terms.size(), 2u);
  for (const auto& t : terms) {
    const auto begin = t["begin"].get<std::size_t>(), end = t["end"].get<std::size_t>();
    EXPECT_EQ(text.substr(begin, end - begin), t["original"].get<std::string>());
  }
  EXPECT_EQ(terms[0]["original"], "القـ.ـضية");
  EXPECT_EQ(terms[0]["term"], "قضي");
}

TEST(AnalyzeCli, StdinOneLinePerText) {
  const auto r = run_masar("analyze --stages normalize", "أستانا\nإدلب\n");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "استانا\nادلب\n");
}

TEST(AnalyzeCli, UnknownStageIsAUsageError) {
  const auto r = run_masar("analyze --stages normalize,nosuchstage x");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("nosuchstage"), std::string::npos) << r.err;
}

// Bytes that are not UTF-8 used to reach the tokenizer raw: a stray 0xFF swallowed the letter
// after it, a truncated lead byte the space after it. They are repaired first, as everywhere.
TEST(AnalyzeCli, InvalidBytesAreRepairedFirst) {
  const auto r = run_masar("analyze --stages normalize", "اتفاق\xff\xfeحلب\nحلب\xd9 x\n");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "اتفاق حلب\nحلب x\n");
}
