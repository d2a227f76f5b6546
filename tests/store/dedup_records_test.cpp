// The dedup state a later ingest takes back from the store's records (store/dedup_records.hpp)
// instead of fingerprinting every stored body: ingesting in several runs must link copies as
// one run does, and files without usable records must get them.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <unistd.h>

#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "masar/search/searcher.hpp"
#include "masar/store/ingest.hpp"
#include "masar/store/store.hpp"

namespace masar {
namespace {

struct TempDb {
  std::filesystem::path path;
  TempDb() {
    path = std::filesystem::temp_directory_path() /
           ("masar-dedup-records-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
    std::filesystem::remove(path);
  }
  ~TempDb() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
  static inline int counter = 0;
};

// Letters search normalization leaves alone, so that made-up words stay distinct.
const char* const kLetters[] = {"ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ", "ف", "ق"};

std::string word(int i) {
  std::string w;
  for (int d = 0; d < 4; ++d, i /= 20) w += kLetters[i % 20];
  return w;
}

// 40 articles, each from its own outlet (so no line recurs within an outlet): originals of
// 90 made-up words, and exact copies and copies with two or six words changed, spread over
// both halves so that the second half holds copies of the first.
std::vector<extract::Article> corpus() {
  std::vector<std::vector<int>> bodies;
  for (int k = 0; k < 40; ++k) {
    std::vector<int> words;
    if (k % 4 == 3) {
      int of = k * 5 % (k - 2);  // a copy of an earlier original
      if (of % 4 == 3) --of;
      words = bodies[static_cast<std::size_t>(of)];
      // Exact, near (two words changed: Jaccard about 0.87) or looser (six: about 0.66).
      const int changes = (k / 4) % 3 == 0 ? 0 : ((k / 4) % 3 == 1 ? 2 : 6);
      for (int c = 0; c < changes; ++c) words[static_cast<std::size_t>(c * 13 + 5)] = 100000 + k * 50 + c;
    } else {
      for (int w = 0; w < 90; ++w) words.push_back(k * 1000 + w);
    }
    bodies.push_back(words);
  }
  std::vector<extract::Article> out;
  for (int k = 0; k < 40; ++k) {
    extract::Article a;
    a.id = "dedup-" + std::to_string(k);
    a.source = "outlet-" + std::to_string(k);
    a.date = "2020-01-" + std::to_string(10 + k % 20);
    a.title = "عنوان " + word(50000 + k);
    for (const int w : bodies[static_cast<std::size_t>(k)]) a.text += word(w) + " ";
    out.push_back(std::move(a));
  }
  return out;
}

void ingest(const TempDb& db, std::vector<extract::Article> articles, store::IngestOptions options = {}) {
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s) << s.error().message;
  auto ingester = store::Ingester::create(s.value(), options);
  ASSERT_TRUE(ingester) << ingester.error().message;
  auto done = ingester->ingest(std::move(articles));
  ASSERT_TRUE(done) << done.error().message;
}

using Links = std::vector<std::tuple<std::string, std::string, std::string, double>>;  // id, representative, kind, similarity

Links links(const TempDb& db, std::size_t from = 0) {
  auto s = store::Store::open(db.path);
  Links out;
  for (std::size_t k = from; k < 40; ++k) {
    const std::string id = "dedup-" + std::to_string(k);
    auto a = s->get(id);
    EXPECT_TRUE(a && a.value()) << id;
    if (!a || !a.value()) continue;
    out.emplace_back(id, a.value()->duplicate.representative_id, a.value()->duplicate.kind, a.value()->duplicate.similarity);
  }
  return out;
}

std::vector<extract::Article> part(std::size_t from, std::size_t to) {
  auto all = corpus();
  return {all.begin() + static_cast<std::ptrdiff_t>(from), all.begin() + static_cast<std::ptrdiff_t>(to)};
}

void exec(const TempDb& db, const char* sql) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.path.c_str(), &raw), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
  sqlite3_close(raw);
}

std::string scalar(const TempDb& db, const char* sql) {
  sqlite3* raw = nullptr;
  EXPECT_EQ(sqlite3_open(db.path.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(raw, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    const auto* p = sqlite3_column_text(st, 0);
    out = p ? reinterpret_cast<const char*>(p) : "";
  }
  sqlite3_finalize(st);
  sqlite3_close(raw);
  return out;
}

// The links of one ingest of all 40 (checked to hold exact and near copies across halves).
const Links& one_run() {
  static const Links out = [] {
    TempDb db;
    ingest(db, corpus());
    return links(db);
  }();
  return out;
}

TEST(DedupRecords, TheCorpusHoldsCopiesAcrossTheHalves) {
  int exact = 0, near = 0;
  for (std::size_t k = 20; k < 40; ++k) {
    const auto& [id, rep, kind, similarity] = one_run()[k];
    if (rep.empty()) continue;
    EXPECT_LT(std::stoi(rep.substr(6)), 20) << id;  // every copy of the second half is of the first
    (kind == "exact" ? exact : near) += 1;
  }
  EXPECT_GE(exact, 2);
  EXPECT_GE(near, 1);
}

TEST(DedupRecords, SeveralRunsLinkCopiesAsOneRun) {
  TempDb db;
  ingest(db, part(0, 20));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM dedup_docs"), "20");
  ingest(db, part(20, 31));
  ingest(db, part(31, 40));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM dedup_docs"), "40");
  EXPECT_EQ(links(db), one_run());
}

TEST(DedupRecords, AFileWithoutRecordsGetsThemAtItsNextIngest) {
  // As a file of schema 8 is after its migration: articles, no records.
  TempDb db;
  ingest(db, part(0, 20));
  exec(db, "DELETE FROM dedup_docs; DELETE FROM store_meta WHERE key = 'dedup'");
  ingest(db, part(20, 40));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM dedup_docs"), "40");
  EXPECT_EQ(links(db), one_run());
}

TEST(DedupRecords, AMissingOrDamagedRecordMakesTheNextIngestRebuildThem) {
  TempDb missing;
  ingest(missing, part(0, 20));
  exec(missing, "DELETE FROM dedup_docs WHERE rowid = 5");
  ingest(missing, part(20, 40));
  EXPECT_EQ(scalar(missing, "SELECT count(*) FROM dedup_docs"), "40");
  EXPECT_EQ(links(missing), one_run());

  TempDb damaged;
  ingest(damaged, part(0, 20));
  exec(damaged, "UPDATE dedup_docs SET bands = x'010203' WHERE rowid = (SELECT max(rowid) FROM dedup_docs WHERE length(bands) > 0)");
  ingest(damaged, part(20, 40));
  EXPECT_EQ(scalar(damaged, "SELECT count(*) FROM dedup_docs WHERE length(bands) % 8 != 0"), "0");
  EXPECT_EQ(links(damaged), one_run());

  // Whole keys, but not one a band: the deduplicator refuses them, the ingest rebuilds.
  TempDb short_bands;
  ingest(short_bands, part(0, 20));
  exec(short_bands, "UPDATE dedup_docs SET bands = x'0102030405060708' WHERE rowid = 3");
  ingest(short_bands, part(20, 40));
  EXPECT_EQ(scalar(short_bands, "SELECT count(*) FROM dedup_docs WHERE length(bands) = 8"), "0");
  EXPECT_EQ(links(short_bands), one_run());
}

TEST(DedupRecords, AnArticleChangedInALaterRunIsNotItsOwnCopy) {
  // dedup-1 is stored; a later run brings it back with two words changed (a near copy of its
  // own earlier text), then an exact copy of the new text under another id.
  TempDb db;
  ingest(db, part(0, 20));
  const char* const record = "SELECT exact_hash FROM dedup_docs WHERE rowid = (SELECT rowid FROM articles WHERE id = 'dedup-1')";
  const std::string before = scalar(db, record);
  auto changed = part(1, 2);
  changed[0].text.replace(0, changed[0].text.find(' '), word(123456));
  changed[0].text.replace(changed[0].text.rfind(' ', changed[0].text.size() - 2) + 1, std::string::npos, word(123457) + " ");
  auto copy = changed;
  copy[0].id = "dedup-copy";
  copy[0].source = "outlet-copy";
  std::vector<extract::Article> run = {changed[0], copy[0]};
  ingest(db, run);
  auto s = store::Store::open(db.path);
  auto updated = s->get("dedup-1");
  ASSERT_TRUE(updated && updated.value());
  EXPECT_EQ(updated.value()->article.body(), changed[0].text.substr(0, changed[0].text.size() - 1));
  EXPECT_TRUE(updated.value()->duplicate.representative_id.empty());  // not a copy of itself
  auto copied = s->get("dedup-copy");
  ASSERT_TRUE(copied && copied.value());
  EXPECT_EQ(copied.value()->duplicate.representative_id, "dedup-1");
  EXPECT_EQ(copied.value()->duplicate.kind, "exact");
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM dedup_docs"), "21");
  EXPECT_NE(scalar(db, record), before);  // the record holds the new text
  // The next run restores the changed text's record: another copy of it is found.
  auto again = copy;
  again[0].id = "dedup-copy-2";
  again[0].source = "outlet-copy-2";
  ingest(db, again);
  auto s2 = store::Store::open(db.path);
  const auto copy2 = s2->get("dedup-copy-2").value();
  ASSERT_TRUE(copy2);
  EXPECT_EQ(copy2->duplicate.representative_id, "dedup-1");
  EXPECT_EQ(copy2->duplicate.kind, "exact");
}

// An original and two exact copies of it from other outlets; `words` picks the body.
extract::Article story(std::string id, std::string outlet, int words) {
  extract::Article a;
  a.id = std::move(id);
  a.source = std::move(outlet);
  a.date = "2020-02-01";
  a.title = "عنوان " + word(60000 + words);
  for (int w = 0; w < 90; ++w) a.text += word(words * 1000 + w) + " ";
  return a;
}

std::string representative(const TempDb& db, const std::string& id) {
  auto s = store::Store::open(db.path);
  auto a = s->get(id);
  EXPECT_TRUE(a && a.value()) << id;
  return a && a.value() ? a.value()->duplicate.representative_id : "?";
}

std::vector<std::string> hits(const TempDb& db, std::string query) {
  auto s = store::Store::open(db.path);
  search::SearchRequest req;
  req.query = std::move(query);
  auto r = search::search(s.value(), req);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  std::vector<std::string> out;
  if (r.ok()) {
    for (const auto& h : r.value().hits) out.push_back(h.id);
  }
  return out;
}

// A story rewritten under its id into another story: its copies carry the old text, so the
// first of them takes its place (indexed, found by search) and the others and later copies of
// that text, in the same run or the next, are its copies — not copies of the new text.
TEST(DedupRecords, AnOriginalRewrittenHandsItsCopiesToTheFirstOfThem) {
  TempDb db;
  ingest(db, {story("orig", "outlet-1", 1), story("copy-a", "outlet-2", 1), story("copy-b", "outlet-3", 1)});
  ASSERT_EQ(representative(db, "copy-a"), "orig");
  ASSERT_EQ(representative(db, "copy-b"), "orig");
  ingest(db, {story("orig", "outlet-1", 2), story("copy-c", "outlet-4", 1)});
  EXPECT_EQ(representative(db, "orig"), "");
  EXPECT_EQ(representative(db, "copy-a"), "");
  EXPECT_EQ(representative(db, "copy-b"), "copy-a");
  EXPECT_EQ(representative(db, "copy-c"), "copy-a");
  ingest(db, {story("copy-d", "outlet-5", 1), story("copy-e", "outlet-6", 2)});
  EXPECT_EQ(representative(db, "copy-d"), "copy-a");
  EXPECT_EQ(representative(db, "copy-e"), "orig");
  EXPECT_EQ(hits(db, word(1000 + 7)), std::vector<std::string>{"copy-a"});
  EXPECT_EQ(hits(db, word(2000 + 7)), std::vector<std::string>{"orig"});
  // The records say the same: one more run links as the rows do.
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM articles WHERE dup_of IS NULL"), "2");
}

// The same within one run: the original, a copy, the original rewritten, a copy of the old text.
TEST(DedupRecords, AnOriginalRewrittenInTheSameRunHandsItsCopiesOn) {
  TempDb db;
  ingest(db, {story("orig", "outlet-1", 1), story("copy-a", "outlet-2", 1), story("orig", "outlet-1", 2),
              story("copy-b", "outlet-3", 1)});
  EXPECT_EQ(representative(db, "orig"), "");
  EXPECT_EQ(representative(db, "copy-a"), "");
  EXPECT_EQ(representative(db, "copy-b"), "copy-a");
  EXPECT_EQ(hits(db, word(1000 + 7)), std::vector<std::string>{"copy-a"});
}

// A correction (two words of ninety) keeps the story and its copies together.
TEST(DedupRecords, AnOriginalCorrectedKeepsItsCopies) {
  TempDb db;
  ingest(db, {story("orig", "outlet-1", 1), story("copy-a", "outlet-2", 1)});
  auto corrected = story("orig", "outlet-1", 1);
  corrected.text.replace(0, corrected.text.find(' '), word(987654));
  ingest(db, {corrected});
  EXPECT_EQ(representative(db, "orig"), "");
  EXPECT_EQ(representative(db, "copy-a"), "orig");
}

TEST(DedupRecords, OtherDedupOptionsRebuildTheRecords) {
  store::IngestOptions looser;
  looser.dedup.threshold = 0.5;
  TempDb reference;
  ingest(reference, corpus(), looser);
  TempDb db;
  ingest(db, part(0, 20));
  const std::string before = scalar(db, "SELECT value FROM store_meta WHERE key = 'dedup'");
  ingest(db, part(20, 40), looser);
  EXPECT_NE(scalar(db, "SELECT value FROM store_meta WHERE key = 'dedup'"), before);
  // The second half is linked as a one-run ingest at 0.5 links it (the first half keeps the
  // links it was stored with).
  EXPECT_EQ(links(db, 20), links(reference, 20));
  EXPECT_NE(links(reference, 20), Links(one_run().begin() + 20, one_run().end()));  // 0.5 links more
}

}  // namespace
}  // namespace masar
