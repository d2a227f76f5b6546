// The entity scan reads and tags on background threads with a second connection when the store
// is a file, and on the caller's thread otherwise: both must give the same entities, across
// more batches than the background queue holds.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>
#include <string>
#include <vector>

#include "masar/entities/pipeline.hpp"
#include "masar/store/ingest.hpp"
#include "masar/store/store.hpp"

namespace masar {
namespace {

std::vector<extract::Article> written_articles() {
  const char* people[] = {"رجب طيب أردوغان", "فلاديمير بوتين", "حسن روحاني", "ألكسندر لافرنتييف", "غير بيدرسون"};
  const char* places[] = {"أنقرة", "موسكو", "طهران", "أستانا", "جنيف", "سوتشي"};
  std::vector<extract::Article> out;
  for (int k = 0; k < 24; ++k) {
    extract::Article a;
    a.id = "scan-" + std::to_string(k);
    a.source = "test";
    a.date = "2019-0" + std::to_string(1 + k % 9) + "-1" + std::to_string(k % 10);
    const std::string who = people[k % 5], where = places[k % 6], other = people[(k + 2) % 5];
    a.title = "مباحثات في " + where + " رقم " + std::to_string(k);
    a.text = "قال الرئيس " + who + " في " + where + " إن المحادثات مع " + other + " كانت مثمرة. وأضاف أن الجولة " +
             std::to_string(k + 1) + " ستعقد الشهر المقبل في " + places[(k + 3) % 6] + ".";
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<std::string> scanned_entities(const std::filesystem::path& path, entities::EntityRunSummary& summary) {
  auto store = store::Store::open(path);
  EXPECT_TRUE(store) << store.error().message;
  if (!store) return {};
  auto ingester = store::Ingester::create(store.value(), {});
  EXPECT_TRUE(ingester);
  EXPECT_TRUE(ingester->ingest(written_articles()));
  const auto model = entities::NerModel::builtin();
  if (!model) return {};
  entities::EntityRunOptions options;
  options.threads = 2;
  options.batch_size = 2;  // 12 batches: more than the background queue keeps ahead
  auto scanned = entities::scan_pending(store.value(), model.value(), options);
  EXPECT_TRUE(scanned) << scanned.error().message;
  if (scanned) summary = scanned.value();
  entities::EntityQuery query;
  query.limit = 1000;
  std::vector<std::string> out;
  auto listed = entities::list_entities(store.value(), query);
  EXPECT_TRUE(listed);
  for (const auto& e : listed.value()) out.push_back(std::string(entities::type_name(e.type)) + " " + e.name + " " + std::to_string(e.articles));
  return out;
}

TEST(EntityScan, InMemoryAndFileStoresGiveTheSameEntities) {
  if (!entities::NerModel::builtin()) GTEST_SKIP() << "this build has no named-entity model";
  const auto file = std::filesystem::temp_directory_path() / ("masar-scan-" + std::to_string(::getpid()) + ".db");
  entities::EntityRunSummary in_memory, in_file;
  const auto a = scanned_entities(":memory:", in_memory);
  const auto b = scanned_entities(file, in_file);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  EXPECT_EQ(in_memory.articles, 24u);
  EXPECT_EQ(in_file.articles, 24u);
  EXPECT_EQ(in_memory.mentions, in_file.mentions);
  EXPECT_GT(in_file.mentions, 48u);
  EXPECT_EQ(a, b);
}

// `masar ingest` starts the scan before storing: batches are tagged as they are committed. An
// article stored again with other text after it was tagged must be saved with its new text.
TEST(EntityScan, FollowingArrivalsSavesWhatIsStoredAtTheEnd) {
  const auto model = entities::NerModel::builtin();
  if (!model) GTEST_SKIP() << "this build has no named-entity model";
  const auto file = std::filesystem::temp_directory_path() / ("masar-follow-" + std::to_string(::getpid()) + ".db");
  {
    auto store = store::Store::open(file);
    ASSERT_TRUE(store) << store.error().message;
    entities::EntityRunOptions options;
    options.threads = 2;
    options.batch_size = 2;
    entities::EntityScan scan(store.value(), model.value(), options, nullptr, true);
    auto ingester = store::Ingester::create(store.value(), {});
    ASSERT_TRUE(ingester);
    auto articles = written_articles();
    articles.resize(6);
    ASSERT_TRUE(ingester->ingest(articles));
    std::this_thread::sleep_for(std::chrono::milliseconds(400));  // time to tag them (either way the result holds)
    extract::Article changed = articles[0];
    changed.text = "قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن بلاده تدعم الحل السياسي.";
    ASSERT_TRUE(ingester->ingest({changed}));
    auto scanned = scan.run();
    ASSERT_TRUE(scanned) << scanned.error().message;
    EXPECT_EQ(scanned->articles, 6u);
    entities::EntityQuery macron;
    macron.query = "ماكرون";
    auto found = entities::list_entities(store.value(), macron);
    ASSERT_TRUE(found);
    ASSERT_FALSE(found->empty()) << "the new text of the changed article was not scanned";
    EXPECT_EQ(found->front().articles, 1);
    // The old text named Erdoğan in Ankara; only the other articles that name him count now.
    entities::EntityQuery erdogan;
    erdogan.query = "أردوغان";
    auto old = entities::list_entities(store.value(), erdogan);
    ASSERT_TRUE(old);
    std::int64_t with_erdogan = 0;
    for (const auto& e : old.value()) with_erdogan += e.articles;
    EXPECT_EQ(with_erdogan, 2);  // articles 0, 3 and 5 named him; 0 no longer does
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
}

// An article's mentions of one entity in one spelling make one row: their count, and the offset
// of the first (-1 when it is in the title).
TEST(EntityScan, MentionsOfOneNameInOneArticleAreCountedInOneRow) {
  const auto model = entities::NerModel::builtin();
  if (!model) GTEST_SKIP() << "this build has no named-entity model";
  auto store = store::Store::open(":memory:");
  ASSERT_TRUE(store) << store.error().message;
  extract::Article a;
  a.id = "rows-1";
  a.source = "test";
  a.date = "2019-04-25";
  a.title = "بوتين يستقبل أردوغان";
  a.text = "قال الرئيس الروسي فلاديمير بوتين إن المحادثات كانت مثمرة. وأضاف بوتين أن اللقاء المقبل في موسكو. "
           "وختم بوتين بالقول إن التعاون مستمر.";
  auto ingester = store::Ingester::create(store.value(), {});
  ASSERT_TRUE(ingester);
  ASSERT_TRUE(ingester->ingest({a}));
  auto scanned = entities::scan_pending(store.value(), model.value(), {});
  ASSERT_TRUE(scanned) << scanned.error().message;
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(store->handle(),
                               "SELECT sum(mentions), count(*), min(first_offset) FROM article_entities WHERE surface LIKE '%بوتين'",
                               -1, &st, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  const std::int64_t mentions = sqlite3_column_int64(st, 0), rows = sqlite3_column_int64(st, 1), first = sqlite3_column_int64(st, 2);
  sqlite3_finalize(st);
  EXPECT_GE(mentions, 3);  // the title's and two or more of the body's
  EXPECT_LT(rows, mentions);
  EXPECT_EQ(first, -1);
  EXPECT_GE(static_cast<std::int64_t>(scanned->mentions), mentions);
}

}  // namespace
}  // namespace masar
