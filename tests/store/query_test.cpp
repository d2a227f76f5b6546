#include "masar/search/query.hpp"

#include <gtest/gtest.h>

#include "masar/text/utf8.hpp"

using namespace masar::search;

TEST(Query, WordsBecomeGroups) {
  auto q = parse_query("محادثات أستانا");
  ASSERT_EQ(q.groups.size(), 2u);
  EXPECT_EQ(to_fts5(q, MatchMode::all), "\"محادثات\" AND \"أستانا\"");
  EXPECT_EQ(to_fts5(q, MatchMode::any), "\"محادثات\" OR \"أستانا\"");
}
TEST(Query, PhrasesAreAlwaysRequired) {
  auto q = parse_query("\"خفض التصعيد\" إدلب");
  EXPECT_EQ(to_fts5(q, MatchMode::any), "\"خفض التصعيد\" AND (\"إدلب\")");
}
TEST(Query, ExclusionsAndOr) {
  auto q = parse_query("إدلب OR حلب -دمشق");
  ASSERT_EQ(q.groups.size(), 1u);
  EXPECT_EQ(q.groups[0].size(), 2u);
  EXPECT_EQ(to_fts5(q, MatchMode::all), "((\"إدلب\" OR \"حلب\")) NOT \"دمشق\"");
}
TEST(Query, StopWordsAreDropped) {
  auto q = parse_query("في أستانا");
  EXPECT_EQ(q.groups.size(), 1u);
  EXPECT_TRUE(parse_query("في من").empty());
  EXPECT_EQ(to_fts5(parse_query("في من"), MatchMode::all), "");
}
TEST(Query, QuotesInsideAreEscaped) {
  auto q = parse_query("a\"b");  // unbalanced quote: the rest is a phrase
  EXPECT_FALSE(q.empty());
  EXPECT_EQ(to_fts5(parse_query("\"unclosed phrase"), MatchMode::all), "\"unclosed phrase\"");
}
TEST(Query, LeadingOrIsAWord) {
  auto q = parse_query("OR سوريا");
  EXPECT_EQ(q.groups.size(), 1u);
}
TEST(Query, ControlCharactersSeparateWords) {
  // FTS5 reads its expression as a C string: a NUL left in a phrase cut it short.
  const std::string nul_in_phrase("\"خفض\0التصعيد\"", sizeof("\"خفض\0التصعيد\"") - 1);
  EXPECT_EQ(to_fts5(parse_query(nul_in_phrase), MatchMode::all), "\"خفض التصعيد\"");
  const std::string nul_between("إدلب\0حلب\x7f", sizeof("إدلب\0حلب\x7f") - 1);
  EXPECT_EQ(to_fts5(parse_query(nul_between), MatchMode::all), "\"إدلب\" AND \"حلب\"");
  EXPECT_EQ(to_fts5(parse_query("إدلب\tOR\vحلب"), MatchMode::all), "(\"إدلب\" OR \"حلب\")");
}
TEST(Query, InvalidUtf8IsRepairedBeforeAnalysis) {
  // Found by fuzz_search: a truncated sequence at the end of a word made the tokenizer read
  // past the word (heap-buffer-overflow under ASan). The query is decoded first, as every
  // other input is: each invalid sequence becomes U+FFFD, a separator.
  const std::string fts = to_fts5(parse_query("\x80\xff حلب\xd9"), MatchMode::all);
  EXPECT_TRUE(masar::text::is_valid_utf8(fts)) << fts;
  EXPECT_NE(fts.find("حلب"), std::string::npos) << fts;
  EXPECT_TRUE(masar::text::is_valid_utf8(to_fts5(parse_query("\"خفض\xe2\x80 التصعيد\""), MatchMode::any)));
}
