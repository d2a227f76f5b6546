// Word clusters: words between the same neighbours share a cluster; the file round-trips.
#include <gtest/gtest.h>

#include "masar/entities/word_clusters.hpp"
#include "masar/text/normalize.hpp"

using masar::entities::WordClusterOptions;
using masar::entities::WordClusters;

namespace {

// Names always between "قال الرئيس" and "إن", cities always between "في مدينة" and "أمس".
WordClusters written_clusters() {
  WordClusters::Builder b;
  const char* names[] = {"سمير", "خالد", "ليلى", "منير"};
  const char* cities[] = {"حمص", "طرطوس", "نابلس", "وهران"};
  for (int round = 0; round < 20; ++round) {
    for (const char* n : names) b.add_text(std::string("قال الرئيس ") + n + " إن الوضع مستقر");
    for (const char* c : cities) b.add_text(std::string("انفجار في مدينة ") + c + " أمس صباحا");
  }
  WordClusterOptions o;
  o.min_count = 5;
  o.context_words = 50;
  o.clusters = 4;
  return b.build(o);
}

int cluster_of(const WordClusters& c, const char* word) { return c.cluster(masar::text::normalize_for_search(word)); }

}  // namespace

TEST(WordClusters, WordsInTheSameSlotShareACluster) {
  const auto c = written_clusters();
  ASSERT_GE(cluster_of(c, "سمير"), 0);
  EXPECT_EQ(cluster_of(c, "سمير"), cluster_of(c, "ليلى"));
  EXPECT_EQ(cluster_of(c, "حمص"), cluster_of(c, "وهران"));
  EXPECT_NE(cluster_of(c, "سمير"), cluster_of(c, "حمص"));
  EXPECT_EQ(cluster_of(c, "كلمةغائبة"), -1);
}

TEST(WordClusters, RoundTripThroughBytes) {
  const auto c = written_clusters();
  auto back = WordClusters::from_bytes(c.to_bytes(), "test");
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->size(), c.size());
  EXPECT_EQ(cluster_of(*back, "نابلس"), cluster_of(c, "نابلس"));
  EXPECT_FALSE(WordClusters::from_bytes("junk", "junk"));
}

TEST(WordClusters, BuiltinClustersLoad) {
  const auto& c = WordClusters::builtin();
  if (c.empty()) GTEST_SKIP() << "this build has no models/word-clusters.bin";
  EXPECT_GT(c.size(), 10000u);
  EXPECT_GE(cluster_of(c, "دمشق"), 0);
}
