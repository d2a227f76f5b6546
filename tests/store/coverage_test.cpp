// The best hits of a query matched in "any" mode are reordered by the share of the query's
// words each holds, common words included (src/search/coverage.hpp).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "masar/search/searcher.hpp"
#include "masar/store/store.hpp"
#include "search/coverage.hpp"

namespace masar {
namespace {

using search::detail::Coverage;

struct TempDb {
  std::filesystem::path path;
  TempDb() {
    path = std::filesystem::temp_directory_path() /
           ("masar-coverage-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
    std::filesystem::remove(path);
  }
  ~TempDb() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
  static inline int counter = 0;
};

extract::CleanedArticle article(std::string id, std::string title, std::string body) {
  extract::CleanedArticle a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.paragraphs = {std::move(body)};
  a.date = "2023-06-21";
  a.source = "مدار اليوم";
  return a;
}

search::SearchResponse find(const store::Store& s, const std::string& q, bool coverage, std::size_t limit = 10,
                            std::size_t offset = 0, search::ModeChoice mode = search::ModeChoice::any) {
  search::SearchRequest req;
  req.query = q;
  req.mode = mode;
  req.coverage = coverage;
  req.limit = limit;
  req.offset = offset;
  auto r = search::search(s, req);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : search::SearchResponse{};
}

// Filler articles in which "الأسعار" is common (more than a tenth of them hold it), so that an
// any-word query leaves it out of the match.
void add_filler(store::Store& s) {
  for (int i = 0; i < 30; ++i) {
    std::string body = "تقرير اقتصادي رقم " + std::to_string(i) + " عن الأسواق المحلية";
    if (i % 2 == 0) body += " وارتفاع الأسعار";
    ASSERT_TRUE(s.upsert(article("filler-" + std::to_string(i), "نشرة اقتصادية", body), {}).ok());
  }
}

const std::string kQuery = "قمة الرياض الطاقة الأسعار";

// Both hold the two rare words; "with-common" also holds the common word, which makes its body
// one word longer and its BM25F a little lower.
void add_candidates(store::Store& s) {
  ASSERT_TRUE(s.upsert(article("without-common", "خبر", "قمة الرياض الطاقة المتجددة اليوم"), {}).ok());
  ASSERT_TRUE(s.upsert(article("with-common", "خبر", "قمة الرياض الطاقة المتجددة الأسعار اليوم"), {}).ok());
}

std::size_t position(const search::SearchResponse& r, const std::string& id) {
  for (std::size_t i = 0; i < r.hits.size(); ++i) {
    if (r.hits[i].id == id) return i;
  }
  return r.hits.size();
}

TEST(Coverage, AHitHoldingACommonQueryWordLeftOutOfTheMatchMovesAhead) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  add_filler(s.value());
  add_candidates(s.value());
  const auto plain = find(*s, kQuery, false);
  const auto covered = find(*s, kQuery, true);
  ASSERT_LT(position(plain, "without-common"), position(plain, "with-common"));  // BM25F alone
  EXPECT_LT(position(covered, "with-common"), position(covered, "without-common"));
}

TEST(Coverage, ScoresAreBm25fTimesTheSquareRootOfTheShareHeld) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  add_filler(s.value());
  add_candidates(s.value());
  const auto plain = find(*s, kQuery, false);
  const auto covered = find(*s, kQuery, true);
  ASSERT_FALSE(plain.hits.empty());
  // "الأسعار" is left out of the match, so BM25F is the same for both; the share counts it.
  for (const auto& [id, share] : {std::pair{"with-common", 4.0 / 4}, std::pair{"without-common", 3.0 / 4}}) {
    const std::size_t p = position(plain, id), c = position(covered, id);
    ASSERT_LT(p, plain.hits.size());
    ASSERT_LT(c, covered.hits.size());
    EXPECT_NEAR(covered.hits[c].score, plain.hits[p].score * std::sqrt(share), 1e-9) << id;
  }
  for (std::size_t i = 1; i < covered.hits.size(); ++i) EXPECT_GE(covered.hits[i - 1].score, covered.hits[i].score);
}

TEST(Coverage, PagesNeitherRepeatNorSkipAHit) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  add_filler(s.value());
  add_candidates(s.value());
  for (int i = 0; i < 6; ++i) {
    ASSERT_TRUE(s->upsert(article("more-" + std::to_string(i), "قمة", "الرياض " + std::string(static_cast<std::size_t>(i + 1), 'z')), {}).ok());
  }
  const auto all = find(*s, kQuery, true, 40);
  ASSERT_GE(all.hits.size(), 8u);
  std::vector<search::SearchHit> paged;
  for (std::size_t offset = 0; offset < all.hits.size(); offset += 3) {
    for (auto& h : find(*s, kQuery, true, 3, offset).hits) paged.push_back(std::move(h));
  }
  ASSERT_EQ(paged.size(), all.hits.size());
  for (std::size_t i = 0; i < paged.size(); ++i) {
    EXPECT_EQ(paged[i].id, all.hits[i].id) << i;
    EXPECT_DOUBLE_EQ(paged[i].score, all.hits[i].score) << i;
  }
}

// Every page of `query` (limit `page`) put together gives the list read at once, with the same
// scores, and the scores decrease down the list.
void expect_pages_make_the_list(const store::Store& s, const std::string& query, std::size_t page,
                                search::ModeChoice mode) {
  const auto all = find(s, query, true, 100, 0, mode);
  ASSERT_GT(all.hits.size(), 2 * Coverage::kDepth);
  for (std::size_t i = 1; i < all.hits.size(); ++i) EXPECT_GE(all.hits[i - 1].score, all.hits[i].score) << i;
  std::vector<search::SearchHit> paged;
  for (std::size_t offset = 0; offset < all.hits.size(); offset += page) {
    for (auto& h : find(s, query, true, page, offset, mode).hits) paged.push_back(std::move(h));
  }
  ASSERT_EQ(paged.size(), all.hits.size());
  for (std::size_t i = 0; i < paged.size(); ++i) {
    EXPECT_EQ(paged[i].id, all.hits[i].id) << i;
    EXPECT_DOUBLE_EQ(paged[i].score, all.hits[i].score) << i;
  }
}

// Articles holding one, two or three of the words "قمة الرياض الطاقة" in varied amounts, so the
// reordering moves hits across the head's edge.
void add_many(store::Store& s) {
  const char* words[] = {"قمة", "الرياض", "الطاقة"};
  for (int i = 0; i < 50; ++i) {
    std::string body;
    for (int w = 0; w < 3; ++w) {
      if ((i >> w) & 1) body += std::string(" ") + words[w];
    }
    if (body.empty()) body = " قمة";
    for (int r = 0; r < i % 5; ++r) body += std::string(" ") + words[i % 3];
    body += " " + std::string(static_cast<std::size_t>(1 + i % 7), 'q');
    ASSERT_TRUE(s.upsert(article("many-" + std::to_string(i), "خبر", body), {}).ok());
  }
}

TEST(Coverage, PagesAcrossTheReorderedHeadNeitherRepeatNorSkip) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  add_many(s.value());
  expect_pages_make_the_list(*s, "قمة الرياض الطاقة", 7, search::ModeChoice::any);
}

// A short query lists its all-word matches first, then tops up with the others: each page must
// reorder the same head of that second list.
TEST(Coverage, PagesOfAToppedUpShortQueryNeitherRepeatNorSkip) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  add_many(s.value());
  expect_pages_make_the_list(*s, "قمة الرياض الطاقة", 10, search::ModeChoice::automatic);
}

TEST(Coverage, MatchingArticlesFollowTheWritesOfThisConnection) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s->upsert(article("m1", "خبر", "اجتمعت الدول الضامنة"), {}).ok());
  ASSERT_TRUE(s->upsert(article("m2", "خبر", "زلزال في المنطقة"), {}).ok());
  auto first = s->matching_articles("\"الضامنة\"");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value()->size(), 1u);
  ASSERT_TRUE(s->upsert(article("m3", "خبر", "بيان الدول الضامنة"), {}).ok());
  auto second = s->matching_articles("\"الضامنة\"");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.value()->size(), 2u);
  EXPECT_TRUE(std::is_sorted(second.value()->begin(), second.value()->end()));
}

}  // namespace
}  // namespace masar
