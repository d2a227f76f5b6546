// Tracking features: where counting stops in a long body, and the cache that carries what an
// ingest counted to tracking (cluster/feature_cache.hpp).
#include <gtest/gtest.h>

#include <algorithm>

#include "masar/cluster/feature_cache.hpp"
#include "masar/store/index_terms.hpp"

using namespace masar;
using namespace masar::cluster;

namespace {

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

bool has_term(const SparseVector& v, std::string_view term) {
  return std::any_of(v.begin(), v.end(), [&](const auto& p) { return p.first == term; });
}

}  // namespace

TEST(CountedBody, AShortBodyIsReadWhole) {
  EXPECT_EQ(counted_body_bytes("وفد روسيا", FeatureOptions{}), std::string_view("وفد روسيا").size());
}

TEST(CountedBody, ALongBodyEndsAtASpaceBeforeTheLimit) {
  FeatureOptions options;
  const std::string body = repeat("موسكو ", 1000);  // 12 bytes a word with its space
  const std::size_t cut = counted_body_bytes(body, options);
  EXPECT_LE(cut, options.body_terms * 16);
  EXPECT_EQ(body[cut], ' ');
}

// Regression: the body used to be cut at a byte count, so a word across the cut was counted
// by its first letters (or a broken character), a term no other text has.
TEST(CountedBody, AWordAcrossTheLimitIsNotCountedInPart) {
  const FeatureOptions options;
  const std::size_t limit = options.body_terms * 16;
  std::string body = repeat("في ", static_cast<int>(limit / 5) - 1);  // stop words only, 5 bytes each
  body += "مفاوضات ختامية";  // "مفاوضات" starts 5 bytes before the limit
  ASSERT_LT(body.size() - std::string("مفاوضات ختامية").size(), limit);
  ASSERT_GT(body.size(), limit);
  const SparseVector counts = count_terms("", body, options);
  EXPECT_TRUE(counts.empty()) << counts.front().first;
}

TEST(CountedBody, WordsBeforeTheLimitAreCounted) {
  const SparseVector counts = count_terms("", "وصل الوفد الروسي " + repeat("في ", 2000), FeatureOptions{});
  EXPECT_EQ(counts.size(), 3u);
}

TEST(FeatureCache, TakesEachArticleOnce) {
  FeatureCache cache(FeatureOptions{}, 1000);
  const std::string title = "انطلاق الجولة العشرين من محادثات أستانا";
  const std::string body = "وصل الوفد الروسي إلى العاصمة الكازاخية.\nوقال المبعوث إن الجولة المقبلة في الصيف.";
  cache.keep(5, cache.count(title, body, store::analyze_for_index(title, body)));
  EXPECT_EQ(cache.size(), 1u);
  Vocabulary vocabulary;
  FeatureCache::Reader reader(cache, vocabulary);
  EXPECT_TRUE(reader.has(5));
  EXPECT_FALSE(reader.has(6));
  const auto entry = reader.take(5);
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(reader.take(5), nullptr);
  EXPECT_EQ(FeatureCache::Reader::headline(*entry), title);
  ASSERT_EQ(FeatureCache::Reader::series(*entry).size(), 1u);
  EXPECT_EQ(FeatureCache::Reader::series(*entry)[0].number, 20);
  EXPECT_TRUE(has_term(vocabulary.to_terms(reader.counts(*entry)), "استانا"));
}

TEST(FeatureCache, StopsKeepingWhenFull) {
  FeatureCache cache(FeatureOptions{}, 3);  // terms in all
  const std::string text = "وصل الوفد الروسي إلى العاصمة";
  const auto terms = store::analyze_for_index(text, "");
  EXPECT_NE(cache.count(text, "", terms), nullptr);  // 4 terms: over the budget after it
  EXPECT_EQ(cache.count(text, "", terms), nullptr);
}

// A row stored again when the cache is full must not keep its earlier version's counts.
TEST(FeatureCache, ANullEntryForgetsTheRowsEarlierOne) {
  FeatureCache cache(FeatureOptions{}, 1000);
  const std::string text = "وصل الوفد الروسي";
  cache.keep(3, cache.count(text, "", store::analyze_for_index(text, "")));
  cache.keep(3, nullptr);
  Vocabulary vocabulary;
  FeatureCache::Reader reader(cache, vocabulary);
  EXPECT_FALSE(reader.has(3));
}

// The tracker's ids come in the order a run without the cache would give them.
TEST(FeatureCache, InternsTermsInTheOrderOfTheTerms) {
  FeatureCache cache(FeatureOptions{}, 1000);
  const std::string first = "موسكو طهران", second = "أنقرة موسكو";
  cache.keep(1, cache.count(first, "", store::analyze_for_index(first, "")));
  cache.keep(2, cache.count(second, "", store::analyze_for_index(second, "")));
  Vocabulary cached_ids, text_ids;
  FeatureCache::Reader reader(cache, cached_ids);
  // Tracked in the other order than counted.
  EXPECT_EQ(reader.counts(*reader.take(2)), text_ids.to_ids(count_terms(second, "", FeatureOptions{})));
  EXPECT_EQ(reader.counts(*reader.take(1)), text_ids.to_ids(count_terms(first, "", FeatureOptions{})));
}
