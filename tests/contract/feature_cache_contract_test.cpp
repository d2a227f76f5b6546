// Random-input contract of the tracking features counted from the index terms
// (cluster/feature_cache.hpp): the same counts, to the last bit, as count_terms() on the text,
// and the same headline and series, whatever the text.
#include <gtest/gtest.h>

#include <random>

#include "masar/cluster/feature_cache.hpp"
#include "masar/store/index_terms.hpp"
#include "masar/text/utf8.hpp"

using namespace masar;
using namespace masar::cluster;

namespace {

// Words and pieces that make Arabic news hard: clitics, diacritics, tatweel, broken words,
// hashtags, digits of three scripts, Latin, names with spelling variants, stop words.
std::string random_text(std::mt19937& rng, int max_pieces) {
  static const std::vector<std::string> kPieces{
      "الجولة", "أستانا", "أستانة", "نور سلطان", "المبعوثُ", "القـ.ـضية", "خلافـ،ـات", "الأمميّ", "في", "من", "على",
      "2023",   "٢١",     "۱۲",     "#أستانا_9", "Lavrentiev", "وفد",  "الضامنة", "موسكو", "طهران", "،", ".", "..",
      "روسيا",  "تركيا",  "إيران",  "لافرنتييف", "لافرينتييف", "الـ20", "العشرين", "السادسة عشرة", "\u200b", "ـــ",
      "\n",     "  ",     "-",      "«",        "»",          "x",     "الاجتماع", "قمة", "أستانا 9", "ب", "وال"};
  std::uniform_int_distribution<int> count(0, max_pieces);
  std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1);
  std::uniform_int_distribution<int> glue(0, 5);
  std::string s;
  const int n = count(rng);
  for (int i = 0; i < n; ++i) {
    s += kPieces[pick(rng)];
    if (glue(rng) != 0) s += ' ';  // sometimes pieces run together
  }
  return s;
}

void expect_same_features(FeatureCache& cache, std::int64_t rowid, const std::string& title, const std::string& body,
                          const store::IndexTerms& terms) {
  auto entry = cache.count(title, body, terms);
  ASSERT_NE(entry, nullptr);
  cache.keep(rowid, entry);
  Vocabulary vocabulary;
  FeatureCache::Reader reader(cache, vocabulary);
  auto taken = reader.take(rowid);
  ASSERT_NE(taken, nullptr);
  const ArticleFeatures expected = article_features(title, body, cache.options());
  // Exactly equal weights: the tracker's decisions must not depend on the path.
  EXPECT_EQ(vocabulary.to_terms(reader.counts(*taken)), expected.counts) << "title: " << title << "\nbody: " << body;
  EXPECT_EQ(FeatureCache::Reader::headline(*taken), expected.headline);
  EXPECT_EQ(FeatureCache::Reader::series(*taken), expected.series);
}

}  // namespace

TEST(FeatureCacheContract, CountsFromIndexTermsEqualCountsFromTheText) {
  std::mt19937 rng(2024);
  FeatureOptions small;  // a cut within a few hundred bytes, crossed often
  small.body_terms = 12;
  small.lead_terms = 4;
  for (const FeatureOptions& options : {FeatureOptions{}, small}) {
    FeatureCache cache(options, std::size_t{1} << 24);
    for (int round = 0; round < 1500; ++round) {
      const std::string title = random_text(rng, 8);
      const std::string body = random_text(rng, round % 10 == 0 ? 1500 : 60);
      expect_same_features(cache, round, title, body, store::analyze_for_index(title, body));
    }
  }
}

TEST(FeatureCacheContract, TermsOfAnotherTextAreNotUsed) {
  std::mt19937 rng(7);
  FeatureCache cache(FeatureOptions{}, std::size_t{1} << 24);
  for (int round = 0; round < 300; ++round) {
    const std::string title = random_text(rng, 8);
    const std::string body = random_text(rng, 60);
    expect_same_features(cache, round, title, body, store::analyze_for_index(title, body + " تعديل"));
  }
}
