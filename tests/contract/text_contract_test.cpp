// Random-input contracts of the text stages: never crash, offsets in bounds and monotonic,
// tokens round-trip to the original bytes, output always valid UTF-8.
#include <gtest/gtest.h>

#include <random>

#include "masar/text/analyzer.hpp"
#include "masar/text/clean.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/tokenize.hpp"
#include "masar/text/utf8.hpp"

using namespace masar::text;

namespace {

// Random text drawn from the characters that make Arabic news hard: letters, diacritics,
// tatweel, marks, invisibles, digits of three scripts, Latin, spaces, presentation forms.
std::string random_text(std::mt19937& rng) {
  static const char32_t kAlphabet[] = {
      0x0627, 0x0644, 0x0642, 0x0636, 0x064A, 0x0629, 0x0648, 0x0623, 0x0649, 0x0621, 0x064E,
      0x0651, 0x0640, 0x0640, '.',    ',',    '-',    0x060C, 0x200B, 0x200C, 0x200F, 0x202B,
      ' ',    ' ',    '\n',   '#',    '_',    '0',    '9',    0x0661, 0x06F5, 'a',    'Z',
      '\'',   '"',    '(',    0xFEFB, 0xFDF2, 0xFE8D, 0x00A0, 0x1F600, 0x06A9, 0x06CC};
  std::uniform_int_distribution<int> len(0, 80);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kAlphabet) - 1);
  std::string s;
  const int n = len(rng);
  for (int i = 0; i < n; ++i) append_utf8(s, kAlphabet[pick(rng)]);
  return s;
}

}  // namespace

TEST(TextContract, TokenOffsetsRoundTripOnRandomInput) {
  std::mt19937 rng(1234);
  for (int round = 0; round < 5000; ++round) {
    const std::string s = random_text(rng);
    const auto tokens = tokenize(s);
    std::uint32_t last_end = 0;
    for (const Token& t : tokens) {
      ASSERT_LE(last_end, t.begin) << s;
      ASSERT_LT(t.begin, t.end) << s;
      ASSERT_LE(t.end, s.size()) << s;
      ASSERT_TRUE(is_valid_utf8(std::string_view(s).substr(t.begin, t.end - t.begin))) << s;
      last_end = t.end;
    }
  }
}

TEST(TextContract, AnalyzerTermsPointInsideTheOriginal) {
  std::mt19937 rng(99);
  for (int round = 0; round < 3000; ++round) {
    const std::string s = random_text(rng);
    std::uint32_t last_end = 0, last_pos = 0;
    bool first = true;
    Analyzer::standard().analyze(s, [&](const Term& t) {
      ASSERT_LE(last_end, t.begin);
      ASSERT_LE(t.end, s.size());
      ASSERT_FALSE(t.text.empty());
      ASSERT_TRUE(is_valid_utf8(t.text));
      if (!first) {
        ASSERT_LT(last_pos, t.position);
      }
      // The original slice analyzed alone gives the same term: offsets are exact.
      auto again = Analyzer::standard().analyze(std::string_view(s).substr(t.begin, t.end - t.begin));
      ASSERT_FALSE(again.empty());
      ASSERT_EQ(again.front().text, t.text);
      last_end = t.end;
      last_pos = t.position;
      first = false;
    });
  }
}

TEST(TextContract, CleaningAndNormalizingKeepUtf8Valid) {
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    const std::string s = random_text(rng);
    const std::string cleaned = clean_for_display(s);
    ASSERT_TRUE(is_valid_utf8(cleaned)) << s;
    ASSERT_LE(cleaned.size(), s.size()) << s;  // cleaning only removes
    ASSERT_TRUE(is_valid_utf8(normalize_for_search(s))) << s;
    ASSERT_TRUE(normalizes_to(s, normalize_for_search(s))) << s;
    ASSERT_FALSE(normalizes_to(s, normalize_for_search(s) + "x")) << s;
    ASSERT_EQ(clean_for_display(cleaned), cleaned) << "input: " << ::testing::PrintToString(s);  // idempotent
  }
}

// The FTS5 tokenizer maps highlight positions with the chain cut after "stopwords"; that is
// only correct when the later stages never drop a term.
TEST(TextContract, StagesAfterStopwordsKeepEveryTerm) {
  const auto cut = Analyzer::from_names({"normalize", "stopwords"}).value();
  std::mt19937 rng(31);
  for (int round = 0; round < 3000; ++round) {
    const std::string s = random_text(rng);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> full, positions;
    Analyzer::standard().analyze(s, [&](const Term& t) { full.emplace_back(t.begin, t.end); });
    cut.analyze(s, [&](const Term& t) { positions.emplace_back(t.begin, t.end); });
    ASSERT_EQ(full, positions) << s;
  }
  const std::string prose = "قال المبعوثُ الأمميّ إنّ القـ.ـضية السورية لا تُحل إلا بالحوار في أستانة وجنيف";
  std::size_t a = 0, b = 0;
  Analyzer::standard().analyze(prose, [&](const Term&) { ++a; });
  cut.analyze(prose, [&](const Term&) { ++b; });
  EXPECT_EQ(a, b);
}
