// A statement left on a row keeps its connection in a read transaction. On the writing
// connection that stops SQLite's automatic checkpoint after each commit (the checkpoint fails
// with SQLITE_LOCKED), so the WAL grows for the whole run and is copied into the database at
// close: 535 MB of WAL for ant-multisource, about a second at the end of every ingest. On a
// reading connection it pins an old snapshot. These tests watch every commit of every stage.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "masar/pipeline/after_ingest.hpp"
#include "masar/store/ingest.hpp"
#include "masar/store/store.hpp"

namespace masar {
namespace {

struct TempDb {
  std::filesystem::path path;
  TempDb() {
    path = std::filesystem::temp_directory_path() /
           ("masar-wal-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
    std::filesystem::remove(path);
  }
  ~TempDb() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
  static inline int counter = 0;
};

// The SQL of every statement still reading on `db` after one of its commits. (The hook takes
// the place of the automatic checkpoint while it is installed.)
class StaleReads {
 public:
  explicit StaleReads(sqlite3* db) : db_(db) { sqlite3_wal_hook(db, &StaleReads::after_commit, this); }
  ~StaleReads() { sqlite3_wal_hook(db_, nullptr, nullptr); }
  const std::set<std::string>& seen() const { return seen_; }
  int commits() const { return commits_; }

 private:
  static int after_commit(void* self, sqlite3* db, const char*, int) {
    auto& me = *static_cast<StaleReads*>(self);
    ++me.commits_;
    for (sqlite3_stmt* st = sqlite3_next_stmt(db, nullptr); st != nullptr; st = sqlite3_next_stmt(db, st)) {
      if (sqlite3_stmt_busy(st)) me.seen_.insert(sqlite3_sql(st));
    }
    return SQLITE_OK;
  }
  sqlite3* db_;
  std::set<std::string> seen_;
  int commits_ = 0;
};

extract::Article written(std::string id, std::string date, std::string title, std::string text) {
  extract::Article a;
  a.id = std::move(id);
  a.source = "مدار اليوم";
  a.date = std::move(date);
  a.title = std::move(title);
  a.text = std::move(text);
  return a;
}

// Two reports of one meeting (one event record, merged), a copy of one of them, and an
// unrelated article.
std::vector<extract::Article> written_articles() {
  const std::string meeting =
      "التقى الرئيس التركي رجب طيب أردوغان الرئيس الروسي فلاديمير بوتين في سوتشي أمس. وبحث الرئيسان الوضع في "
      "إدلب والجولة العشرين من محادثات أستانا التي تعقد الشهر المقبل.";
  return {
      written("wal-1", "2023-06-20", "أردوغان يلتقي بوتين في سوتشي", meeting),
      written("wal-2", "2023-06-20", "قمة تركية روسية في سوتشي",
              "التقى الرئيس التركي رجب طيب أردوغان الرئيس الروسي فلاديمير بوتين في سوتشي. وقال الكرملين إن المباحثات "
              "تناولت إدلب."),
      written("wal-3", "2023-06-21", "أردوغان يلتقي بوتين في سوتشي", meeting),  // a copy of wal-1
      written("wal-4", "2023-06-22", "افتتاح معرض الكتاب في عمان",
              "افتتح وزير الثقافة الأردني معرض عمان الدولي للكتاب بمشاركة أربعمئة دار نشر من عشرين دولة."),
  };
}

void ingest_and_follow(store::Store& store, std::vector<extract::Article> articles) {
  store::IngestOptions options;
  options.batch_size = 1;  // a commit after each article
  auto ingester = store::Ingester::create(store, options);
  ASSERT_TRUE(ingester) << ingester.error().message;
  pipeline::AfterIngestOptions after;
  after.threads = 2;
  auto started = pipeline::AfterIngest::start(store, after, true);
  ASSERT_TRUE(started) << started.error().message;
  auto summary = ingester->ingest(std::move(articles));
  ASSERT_TRUE(summary) << summary.error().message;
  auto report = started->finish();
  ASSERT_TRUE(report) << report.error().message;
}

TEST(WalCheckpoint, NoStageLeavesAStatementReadingAfterItsCommits) {
  TempDb db;
  auto store = store::Store::open(db.path);
  ASSERT_TRUE(store) << store.error().message;
  StaleReads watch(store->handle());
  ingest_and_follow(store.value(), written_articles());
  // The same articles again (unchanged), and one of them changed.
  std::vector<extract::Article> again = written_articles();
  again[3].text += " ويستمر المعرض عشرة أيام.";
  ingest_and_follow(store.value(), std::move(again));
  EXPECT_GT(watch.commits(), 8);
  for (const std::string& sql : watch.seen()) ADD_FAILURE() << "still reading after a commit: " << sql;
}

TEST(WalCheckpoint, TheWriterCheckpointsWhileItIngests) {
  TempDb db;
  auto store = store::Store::open(db.path);
  ASSERT_TRUE(store) << store.error().message;
  ingest_and_follow(store.value(), written_articles());
  int log = -1, copied = -1;
  EXPECT_EQ(sqlite3_wal_checkpoint_v2(store->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied), SQLITE_OK)
      << sqlite3_errmsg(store->handle());
  EXPECT_EQ(log, copied);
}

}  // namespace
}  // namespace masar
