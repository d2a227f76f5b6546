// Per-source line statistics: recurring furniture is found, text and other sources are not.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <thread>
#include <vector>

#include "masar/extract/boilerplate.hpp"
#include "masar/text/tokenize.hpp"

using masar::extract::SourceLineStats;

namespace {

const std::string kFooter = "جميع المواد المنشورة على موقع الوادي تعبر عن رأي كاتبها";
const std::string kMenu = "الرئيسية محليات عربي دولي رياضة";

// Document i of a source: a menu and a footer shared by all, and lines of its own.
std::vector<std::string> document(int i) {
  return {kMenu, "ارتفع منسوب نهر العاصي في الأسبوع رقم " + std::to_string(i) + " من الموسم المطري",
          "وقال مسؤول محلي إن فرق الدفاع المدني أجلت " + std::to_string(10 + i) + " عائلة من القرى القريبة",
          kFooter};
}

std::string words(int n, const std::string& stem) {
  std::string out;
  for (int i = 0; i < n; ++i) out += stem + std::to_string(i) + " ";
  return out;
}

}  // namespace

TEST(SourceLineStats, FooterAndMenuOfTenDocumentsAreRecurrent) {
  SourceLineStats stats(5);
  for (int i = 0; i < 10; ++i) stats.add_document("الوادي", document(i));
  EXPECT_EQ(stats.documents("الوادي"), 10u);
  EXPECT_EQ(stats.count("الوادي", kFooter), 10u);
  EXPECT_TRUE(stats.is_recurrent("الوادي", kFooter));
  EXPECT_TRUE(stats.is_recurrent("الوادي", kMenu));
  EXPECT_TRUE(stats.is_recurrent("الوادي", "الرئيسيه محليات عربي دولي رياضه"));  // compared normalized
  for (int i = 0; i < 10; ++i) {
    for (std::size_t k = 1; k < 3; ++k) EXPECT_FALSE(stats.is_recurrent("الوادي", document(i)[k]));
  }
}

TEST(SourceLineStats, OtherSourcesDoNotInheritCounts) {
  SourceLineStats stats(5);
  for (int i = 0; i < 10; ++i) stats.add_document("الوادي", document(i));
  stats.add_document("الساحل", {kFooter, "خبر واحد من مصدر آخر"});
  EXPECT_EQ(stats.count("الساحل", kFooter), 1u);
  EXPECT_FALSE(stats.is_recurrent("الساحل", kFooter));
  EXPECT_FALSE(stats.is_recurrent("مصدر لم يرد", kFooter));
  EXPECT_EQ(stats.documents("مصدر لم يرد"), 0u);
}

TEST(SourceLineStats, TooFewDocumentsMeanNothingRecurs) {
  SourceLineStats stats(5);
  for (int i = 0; i < 4; ++i) stats.add_document("الوادي", document(i));
  EXPECT_FALSE(stats.is_recurrent("الوادي", kFooter));
}

TEST(SourceLineStats, CountsALineOncePerDocument) {
  SourceLineStats stats(2);
  stats.add_document("s", {"سطر مكرر", "سطر مكرر", "سطر مكرر"});
  EXPECT_EQ(stats.count("s", "سطر مكرر"), 1u);
  EXPECT_FALSE(stats.is_recurrent("s", "سطر مكرر"));
}

TEST(SourceLineStats, TheSamePageCrawledTwiceCountsOnce) {
  SourceLineStats stats(2);
  for (int i = 0; i < 6; ++i) stats.add_document("s", document(1));
  EXPECT_EQ(stats.documents("s"), 1u);
  EXPECT_FALSE(stats.is_recurrent("s", document(1)[1]));
  stats.add_document("s", document(2));  // a different page still counts
  EXPECT_EQ(stats.documents("s"), 2u);
  EXPECT_TRUE(stats.is_recurrent("s", kFooter));
}

TEST(SourceLineStats, LongSyndicatedLinesAreNeverRecurrent) {
  SourceLineStats stats(2);
  const std::string long_line = words(50, "كلمة");
  for (int i = 0; i < 5; ++i) stats.add_document("s", {long_line, "سطر " + std::to_string(i)});
  EXPECT_EQ(stats.count("s", long_line), 5u);
  EXPECT_FALSE(stats.is_recurrent("s", long_line));
}

TEST(SourceLineStats, ProseLinesNeedAShareOfALargeSource) {
  SourceLineStats stats(5);
  const std::string background = words(20, "خلفية");  // a stock background paragraph
  const std::string credit = "نقلا عن وكالة الوادي";
  for (int i = 0; i < 1000; ++i) {
    std::vector<std::string> doc = {"نص الخبر رقم " + std::to_string(i)};
    if (i % 100 == 0) doc.push_back(background);  // in 10 of 1000 documents: 1%
    if (i % 150 == 0) doc.push_back(credit);      // in 7 of 1000
    stats.add_document("وكالة", doc);
  }
  EXPECT_TRUE(stats.is_recurrent("وكالة", background));
  EXPECT_TRUE(stats.is_recurrent("وكالة", credit));  // short: the count alone decides
  SourceLineStats smaller(5);
  for (int i = 0; i < 1000; ++i) {
    std::vector<std::string> doc = {"نص الخبر رقم " + std::to_string(i)};
    if (i % 150 == 0) doc.push_back(background);  // 7 of 1000: under 1%
    smaller.add_document("وكالة", doc);
  }
  EXPECT_FALSE(smaller.is_recurrent("وكالة", background));
}

TEST(SourceLineStats, MinShare) {
  SourceLineStats stats(2, 0.5);
  for (int i = 0; i < 10; ++i) {
    std::vector<std::string> doc = {"خبر " + std::to_string(i)};
    if (i < 4) doc.push_back("سطر في أربع صفحات");
    if (i < 6) doc.push_back("سطر في ست صفحات");
    stats.add_document("s", doc);
  }
  EXPECT_FALSE(stats.is_recurrent("s", "سطر في أربع صفحات"));
  EXPECT_TRUE(stats.is_recurrent("s", "سطر في ست صفحات"));
}

TEST(SourceLineStats, HashApiAgreesWithText) {
  SourceLineStats stats(5);
  for (int i = 0; i < 10; ++i) {
    std::vector<std::uint64_t> hashes;
    for (const auto& l : document(i)) hashes.push_back(SourceLineStats::line_hash(l));
    stats.add_document_hashes("الوادي", hashes);
  }
  for (const auto& l : document(3)) {
    EXPECT_EQ(stats.is_recurrent_hash("الوادي", SourceLineStats::line_hash(l), l),
              stats.is_recurrent("الوادي", l));
  }
  EXPECT_TRUE(stats.is_recurrent("الوادي", kFooter));
  EXPECT_EQ(SourceLineStats::line_hash("اقرأ أيضاً"), SourceLineStats::line_hash("اقرا ايضا"));
}

TEST(SourceLineStats, MergeAddsCounts) {
  SourceLineStats a(5), b(5);
  for (int i = 0; i < 3; ++i) a.add_document("الوادي", document(i));
  for (int i = 3; i < 6; ++i) b.add_document("الوادي", document(i));
  EXPECT_FALSE(a.is_recurrent("الوادي", kFooter));
  a.merge(b);
  a.merge(a);  // no-op
  EXPECT_EQ(a.documents("الوادي"), 6u);
  EXPECT_EQ(a.count("الوادي", kFooter), 6u);
  EXPECT_TRUE(a.is_recurrent("الوادي", kFooter));
  EXPECT_EQ(b.documents("الوادي"), 3u);  // the other is left as it was
}

TEST(SourceLineStats, CountsSurviveARoundTripThroughForEach) {
  SourceLineStats pass1(5);
  for (int i = 0; i < 10; ++i) pass1.add_document("الوادي", document(i));
  pass1.add_document("الساحل", {"سطر من الساحل"});
  std::map<std::string, std::vector<std::pair<std::uint64_t, std::uint32_t>>> lines;
  std::map<std::string, std::uint32_t> docs;
  pass1.for_each([&](const std::string& s, std::uint64_t h, std::uint32_t c) { lines[s].emplace_back(h, c); });
  pass1.for_each_source([&](const std::string& s, std::uint32_t d) { docs[s] = d; });
  EXPECT_EQ(docs.size(), 2u);
  EXPECT_EQ(lines["الوادي"].size(), 2u + 20u);  // menu, footer and 2 own lines per document

  SourceLineStats restored(5);
  for (const auto& [s, counts] : lines) restored.add_counts(s, docs[s], counts);
  EXPECT_EQ(restored.documents("الوادي"), 10u);
  EXPECT_TRUE(restored.is_recurrent("الوادي", kFooter));
  EXPECT_FALSE(restored.is_recurrent("الوادي", document(2)[1]));
  EXPECT_EQ(restored.count("الساحل", "سطر من الساحل"), 1u);
}

TEST(SourceLineStats, ConcurrentAddsAndLookups) {
  SourceLineStats stats(5);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&stats, t] {
      for (int i = 0; i < 250; ++i) {
        const std::string source = "مصدر " + std::to_string(i % 3);
        stats.add_document(source, document(t * 1000 + i));
        (void)stats.is_recurrent(source, kFooter);
      }
    });
  }
  for (auto& th : threads) th.join();
  std::uint32_t total = 0;
  for (int s = 0; s < 3; ++s) total += stats.documents("مصدر " + std::to_string(s));
  EXPECT_EQ(total, 1000u);
  EXPECT_EQ(stats.count("مصدر 0", kFooter) + stats.count("مصدر 1", kFooter) + stats.count("مصدر 2", kFooter), 1000u);
}
