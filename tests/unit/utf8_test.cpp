#include "masar/text/utf8.hpp"

#include <gtest/gtest.h>

using masar::text::decode_utf8;
using masar::text::is_valid_utf8;

TEST(Utf8, ValidArabicIsCopiedUnchanged) {
  const std::string s = "جولة أستانا ٢١";
  auto d = decode_utf8(s);
  EXPECT_EQ(d.text, s);
  EXPECT_EQ(d.invalid_sequences, 0u);
}

TEST(Utf8, InvalidByteBecomesReplacementAndIsCounted) {
  const std::string s = std::string("ab\xFF") + "سوريا";
  auto d = decode_utf8(s);
  EXPECT_EQ(d.text, "ab\xEF\xBF\xBD" "سوريا");
  EXPECT_EQ(d.invalid_sequences, 1u);
}

TEST(Utf8, TruncatedSequenceAtEnd) {
  const std::string s = "\xD8";  // lead byte of an Arabic letter, nothing after
  auto d = decode_utf8(s);
  EXPECT_EQ(d.text, "\xEF\xBF\xBD");
  EXPECT_EQ(d.invalid_sequences, 1u);
}

TEST(Utf8, OverlongAndSurrogateRejected) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // U+D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));   // emoji
  EXPECT_EQ(decode_utf8("\xED\xA0\x80").invalid_sequences, 1u);  // one per sequence
}

TEST(Utf8, RandomBytesAlwaysDecodeToValidUtf8) {
  std::uint64_t state = 42;
  for (int round = 0; round < 2000; ++round) {
    std::string bytes;
    const int len = static_cast<int>(state % 64);
    for (int i = 0; i < len; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      bytes.push_back(static_cast<char>(state >> 56));
    }
    auto d = decode_utf8(bytes);
    ASSERT_TRUE(is_valid_utf8(d.text));
    ASSERT_EQ(d.invalid_sequences == 0, is_valid_utf8(bytes));
  }
}
