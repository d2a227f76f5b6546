// Index terms computed ahead (store/index_terms.hpp) must give the index the analysis at
// commit would have given it, and a text they were not computed from must be analyzed as usual.
#include "masar/store/index_terms.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <random>
#include <tuple>

#include "masar/store/ingest.hpp"
#include "masar/store/store.hpp"

using namespace masar;

namespace {

struct TempDb {
  std::filesystem::path path;
  explicit TempDb(const std::string& name)
      : path(std::filesystem::temp_directory_path() / ("masar-index-terms-" + std::to_string(::getpid()) + "-" + name + ".db")) {
    std::filesystem::remove(path);
  }
  ~TempDb() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
};

// Every (term, article id, column, position) of the index.
using Posting = std::tuple<std::string, std::string, std::string, std::int64_t>;
std::vector<Posting> postings(const store::Store& s) {
  EXPECT_EQ(sqlite3_exec(s.handle(), "CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, 'articles_fts', 'instance')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(s.handle(),
                               "SELECT v.term, a.id, v.col, v.offset FROM temp.v JOIN articles a ON a.rowid = v.doc "
                               "ORDER BY 1, 2, 3, 4",
                               -1, &st, nullptr),
            SQLITE_OK);
  std::vector<Posting> out;
  while (sqlite3_step(st) == SQLITE_ROW) {
    out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)),
                     reinterpret_cast<const char*>(sqlite3_column_text(st, 1)),
                     reinterpret_cast<const char*>(sqlite3_column_text(st, 2)), sqlite3_column_int64(st, 3));
  }
  sqlite3_finalize(st);
  return out;
}

std::vector<extract::Article> random_articles(unsigned seed, int n) {
  const std::vector<std::string> words{"الجولة", "أستانا", "المبعوثُ", "القـ.ـضية", "الأمميّ", "في", "من", "2023",
                                       "٢١", "#أستانا_9", "Lavrentiev", "وفد", "الضامنة", "موسكو", "طهران", "،", "."};
  std::mt19937 rng(seed);
  std::vector<extract::Article> out;
  for (int i = 0; i < n; ++i) {
    extract::Article a;
    a.id = "a" + std::to_string(i);
    a.date = "2023-06-21";
    a.source = i % 2 ? "مدار اليوم" : "الشرق";
    for (int w = 0; w < 4; ++w) a.title += (w ? " " : "") + words[rng() % words.size()];
    const int body_words = 20 + static_cast<int>(rng() % 300);
    for (int w = 0; w < body_words; ++w) a.text += words[rng() % words.size()] + (rng() % 15 == 0 ? "\n\n" : " ");
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

TEST(IndexTerms, AreTheAnalyzersTermsWithTheirOffsets) {
  const std::string body = "قال المبعوثُ إنّ القـ.ـضية معقدة";
  const store::IndexTerms t = store::analyze_for_index("خبر", body);
  EXPECT_TRUE(t.body.matches(body));
  EXPECT_FALSE(t.body.matches(body + " "));
  EXPECT_FALSE(t.title.matches(body));
  ASSERT_FALSE(t.body.entries.empty());
  for (const auto& e : t.body.entries) {
    EXPECT_LT(e.begin, e.end);
    EXPECT_LE(e.end, body.size());
  }
}

// Contract: an ingest that computes the index terms ahead (2 threads) writes exactly the
// postings of one that analyzes at commit (1 thread), batches and copies included.
TEST(IndexTerms, AheadGivesTheSameIndexAsAtCommit) {
  TempDb at_commit("commit"), ahead("ahead");
  for (auto [db, threads] : {std::pair{&at_commit, 1u}, std::pair{&ahead, 2u}}) {
    auto s = store::Store::open(db->path);
    ASSERT_TRUE(s.ok());
    store::IngestOptions options;
    options.threads = threads;
    options.batch_size = 7;  // several batches, a short last one
    auto ingester = store::Ingester::create(s.value(), options);
    ASSERT_TRUE(ingester.ok());
    auto articles = random_articles(11, 40);
    articles.push_back(articles[3]);  // the same id again: unchanged
    articles.back().id = "copy";       // a copy of a3: linked, not indexed
    ASSERT_TRUE(ingester->ingest(std::move(articles)).ok());
  }
  auto a = store::Store::open(at_commit.path), b = store::Store::open(ahead.path);
  ASSERT_TRUE(a.ok() && b.ok());
  const auto pa = postings(a.value()), pb = postings(b.value());
  EXPECT_GT(pa.size(), 1000u);
  EXPECT_EQ(pa, pb);
}

// A text other than the one the terms were computed from is analyzed, not given those terms.
TEST(IndexTerms, ATextTheyDoNotMatchIsAnalyzedAsUsual) {
  TempDb plain("plain"), mismatched("mismatched");
  extract::CleanedArticle article;
  article.id = "x";
  article.title = "انطلاق الجولة";
  article.paragraphs = {"اجتمعت الدول الضامنة في أستانا"};
  const auto wrong = std::make_shared<const store::IndexTerms>(store::analyze_for_index("زلزال", "ضرب زلزال المنطقة"));
  for (auto [db, terms] : {std::pair{&plain, std::shared_ptr<const store::IndexTerms>()}, std::pair{&mismatched, wrong}}) {
    auto s = store::Store::open(db->path);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE(s->upsert(article, {}, terms).ok());
  }
  auto a = store::Store::open(plain.path), b = store::Store::open(mismatched.path);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(postings(a.value()), postings(b.value()));
}

// The hook that wants the index terms (store::IngestOptions::with_index_terms) hears of every
// analyzed article, and learns the rowid of those stored as originals only: not of a copy
// (linked, not indexed) nor of an unchanged article ingested again.
TEST(IndexTerms, TheHookLearnsTheRowidsOfStoredOriginals) {
  TempDb db("hook");
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  std::vector<std::string> analyzed;
  std::map<std::string, std::int64_t> stored;  // title -> rowid
  store::IngestOptions options;
  options.threads = 2;
  options.batch_size = 3;
  options.with_index_terms = [&](std::string_view title, std::string_view body, const store::IndexTerms& terms) {
    EXPECT_TRUE(terms.title.matches(title));
    EXPECT_TRUE(terms.body.matches(body));
    analyzed.emplace_back(title);
    return [&stored, title = std::string(title)](std::int64_t rowid) { stored[title] = rowid; };
  };
  auto ingester = store::Ingester::create(s.value(), options);
  ASSERT_TRUE(ingester.ok());
  auto articles = random_articles(5, 8);
  for (std::size_t i = 0; i < articles.size(); ++i) articles[i].title = "t" + std::to_string(i);
  extract::Article copy = articles[2];
  copy.id = "copy";
  copy.title = "copy";
  articles.push_back(copy);
  ASSERT_TRUE(ingester->ingest(articles).ok());
  EXPECT_EQ(analyzed.size(), 9u);
  EXPECT_EQ(stored.size(), 8u);
  EXPECT_EQ(stored.count("copy"), 0u);
  for (std::size_t i = 0; i < 8; ++i) {
    auto row = s->get("a" + std::to_string(i));
    ASSERT_TRUE(row.ok() && row.value());
    EXPECT_EQ(stored["t" + std::to_string(i)], row.value()->rowid);
  }
  stored.clear();
  articles.pop_back();
  ASSERT_TRUE(ingester->ingest(articles).ok());  // the same again: unchanged
  EXPECT_TRUE(stored.empty());
}
