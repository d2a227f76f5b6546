#include "masar/store/store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "masar/search/searcher.hpp"
#include "masar/text/analyzer.hpp"

using namespace masar;

namespace {

struct TempDb {
  std::filesystem::path path;
  TempDb() {
    path = std::filesystem::temp_directory_path() /
           ("masar-store-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
    std::filesystem::remove(path);
  }
  ~TempDb() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
  static inline int counter = 0;
};

extract::CleanedArticle article(std::string id, std::string title, std::string body, std::string date = "2023-06-21",
                                std::string source = "مدار اليوم") {
  extract::CleanedArticle a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.paragraphs = {std::move(body)};
  a.date = std::move(date);
  a.source = std::move(source);
  return a;
}

// A file of the previous schema version with rows written by `sql` (the tokenizer registered).
void write_previous_schema(const TempDb& db, const char* sql) {
  ASSERT_TRUE(store::Store::create_at_version(db.path, store::kSchemaVersion - 1).ok());
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.path.c_str(), &raw), SQLITE_OK);
  ASSERT_TRUE(store::register_fts5_tokenizer(raw).ok());
  EXPECT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
  sqlite3_close(raw);
}

search::SearchResponse find(const store::Store& s, std::string q, search::SearchRequest req = {}) {
  req.query = std::move(q);
  auto r = search::search(s, req);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : search::SearchResponse{};
}

// Requests with one field set (designated initializers would warn about the rest).
search::SearchRequest with_mode(search::ModeChoice mode) {
  search::SearchRequest r;
  r.mode = mode;
  return r;
}
search::SearchRequest with_dates(std::string from, std::string to) {
  search::SearchRequest r;
  r.from = std::move(from);
  r.to = std::move(to);
  return r;
}
search::SearchRequest with_source(std::string source) {
  search::SearchRequest r;
  r.source = std::move(source);
  return r;
}

}  // namespace

TEST(Store, CreatesCurrentSchemaInWalMode) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->schema_version(), store::kSchemaVersion);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(s->handle(), "PRAGMA journal_mode", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
}

TEST(Store, UpsertInsertsSkipsUnchangedAndUpdates) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  auto a = article("a1", "انطلاق الجولة", "انطلقت الجولة العشرون في أستانا");
  EXPECT_EQ(s->upsert(a, {}).value(), store::UpsertOutcome::inserted);
  EXPECT_EQ(s->upsert(a, {}).value(), store::UpsertOutcome::unchanged);
  a.paragraphs = {"اختتمت الجولة العشرون في أستانا"};
  EXPECT_EQ(s->upsert(a, {}).value(), store::UpsertOutcome::updated);
  // The index follows the update: the old word is gone, the new one found.
  EXPECT_TRUE(find(*s, "انطلقت", with_mode(search::ModeChoice::all)).hits.empty());
  EXPECT_EQ(find(*s, "اختتمت").hits.size(), 1u);
  EXPECT_EQ(s->stats().value().articles, 1);
}

TEST(Store, HighlightMarksTheOriginalCharacters) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  // The stored text keeps diacritics and a broken word; the query is plain.
  ASSERT_TRUE(s->upsert(article("h1", "خبر", "قال المبعوثُ الأمميّ إنّ القـ.ـضية السورية معقدة"), {}).ok());
  auto r = find(*s, "القضية");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_NE(r.hits[0].snippet.find("[القـ.ـضية]"), std::string::npos) << r.hits[0].snippet;
  r = find(*s, "الاممي");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_NE(r.hits[0].snippet.find("[الأمميّ]"), std::string::npos) << r.hits[0].snippet;
}

TEST(Store, TitleMatchesRankAboveBodyMatches) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s->upsert(article("body", "خبر عام", "جاء ذكر الزلزال في سطر واحد من تقرير طويل عن الاقتصاد والسياسة"), {}).ok());
  ASSERT_TRUE(s->upsert(article("title", "الزلزال يضرب المنطقة", "تقرير عن الاقتصاد والسياسة في سطر واحد طويل"), {}).ok());
  auto r = find(*s, "الزلزال");
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0].id, "title");
}

TEST(Store, DuplicatesAreStoredButNotIndexedTwice) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s->upsert(article("orig", "اجتماع", "اجتمعت الدول الضامنة في أستانا"), {}).ok());
  ASSERT_TRUE(s->upsert(article("copy", "اجتماع", "اجتمعت الدول الضامنة في أستانا", "2023-06-21", "الشرق الجديد"),
                        {"orig", "exact", 1.0}).ok());
  auto r = find(*s, "الضامنة");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].id, "orig");
  auto copy = s->get("copy").value();
  ASSERT_TRUE(copy.has_value());
  EXPECT_EQ(copy->duplicate.representative_id, "orig");
  EXPECT_EQ(copy->duplicate.kind, "exact");
  auto stats = s->stats().value();
  EXPECT_EQ(stats.duplicates, 1);
  EXPECT_EQ(stats.indexed, 1);
}

TEST(Store, FiltersByDateAndSource) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s->upsert(article("r4", "الجولة الرابعة", "مناطق خفض التصعيد", "2017-05-04", "مدار اليوم"), {}).ok());
  ASSERT_TRUE(s->upsert(article("r20", "الجولة العشرون", "مناطق خفض التصعيد", "2023-06-21", "الشرق الجديد"), {}).ok());
  EXPECT_EQ(find(*s, "التصعيد", with_dates("2020-01-01", "")).hits.size(), 1u);
  EXPECT_EQ(find(*s, "التصعيد", with_dates("", "2017-12-31")).hits.at(0).id, "r4");
  EXPECT_EQ(find(*s, "التصعيد", with_dates("", "2017")).hits.size(), 1u);
  EXPECT_EQ(find(*s, "التصعيد", with_source("الشرق الجديد")).hits.at(0).id, "r20");
}

TEST(Store, PhrasesExclusionsAndOr) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s->upsert(article("a", "أ", "خفض التصعيد في إدلب"), {}).ok());
  ASSERT_TRUE(s->upsert(article("b", "ب", "التصعيد العسكري دون خفض في حلب"), {}).ok());
  EXPECT_EQ(find(*s, "\"خفض التصعيد\"").hits.size(), 1u);
  EXPECT_EQ(find(*s, "التصعيد -حلب").hits.at(0).id, "a");
  EXPECT_EQ(find(*s, "التصعيد -حلب").hits.size(), 1u);
  EXPECT_EQ(find(*s, "إدلب OR حلب", with_mode(search::ModeChoice::all)).hits.size(), 2u);
  EXPECT_TRUE(find(*s, "في من على").hits.empty());  // only stop words: nothing to search
}

TEST(StoreMigration, OpensADatabaseOfThePreviousSchema) {
  TempDb db;
  write_previous_schema(db,
                        "INSERT INTO articles(id, title, body, date, source) VALUES('old', 'الجولة الأولى', 'انطلقت محادثات أستانا', "
                        "'2017-01-23', 'مدار اليوم');"
                        "INSERT INTO articles_fts(rowid, title, body) SELECT rowid, title, body FROM articles;");
  {
    auto ro = store::Store::open(db.path, store::OpenMode::read_only);
    EXPECT_FALSE(ro.ok());  // an old file must be migrated by a writer first
  }
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->schema_version(), store::kSchemaVersion);
  auto old = s->get("old").value();
  ASSERT_TRUE(old.has_value());
  EXPECT_EQ(old->article.title, "الجولة الأولى");
  EXPECT_TRUE(old->duplicate.representative_id.empty());
  EXPECT_EQ(find(*s, "أستانا").hits.size(), 1u);
  EXPECT_TRUE(s->add_source_line_counts("مدار اليوم", {{42, 3}}).ok());  // the v2 table exists
  EXPECT_TRUE(s->add_source_line_counts("مدار اليوم", {{42, 2}}).ok());
  EXPECT_EQ(s->source_line_count("مدار اليوم", 42).value(), 5u);
}

// A file whose index another analyzer wrote: the index holds terms the rows do not (here
// "قديم", standing for the old analyzer's terms). A writer re-indexes it before anything else.
TEST(StoreMigration, AnIndexOfAnotherAnalyzerIsRebuilt) {
  TempDb db;
  write_previous_schema(db,
                        "INSERT INTO articles(id, title, body) VALUES('a', 'لقاء', 'التقى وزير الخارجية بالرئيس بشار والأسد');"
                        "INSERT INTO articles(id, title, body, dup_of) VALUES('copy', 'لقاء', 'التقى وزير الخارجية بالأسد', 1);"
                        "INSERT INTO articles_fts(rowid, title, body) VALUES(1, 'قديم', 'قديم');");
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->reindexed_from(), std::optional<int>(1));
  EXPECT_EQ(s->index_analyzer_version(), text::kAnalyzerVersion);
  EXPECT_TRUE(find(*s, "قديم").hits.empty());
  const auto hits = find(*s, "الأسد").hits;
  ASSERT_EQ(hits.size(), 1u);  // the copy stays out of the index
  EXPECT_EQ(hits[0].id, "a");
  EXPECT_EQ(s->stats().value().indexed, 1);
  // An update deletes the terms the index holds: none is left behind.
  ASSERT_TRUE(s->upsert(article("a", "لقاء", "اجتماع في دمشق"), {}).ok());
  EXPECT_TRUE(find(*s, "الأسد").hits.empty());
  EXPECT_EQ(find(*s, "دمشق").hits.size(), 1u);
  s = store::Store::open(db.path);  // opened again: nothing to do
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->reindexed_from().has_value());
}

TEST(Store, ANewFileRecordsItsAnalyzer) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  EXPECT_FALSE(s->reindexed_from().has_value());
  EXPECT_EQ(s->index_analyzer_version(), text::kAnalyzerVersion);
  ASSERT_TRUE(s->upsert(article("a", "لقاء", "والأسد"), {}).ok());
  auto ro = store::Store::open(db.path, store::OpenMode::read_only);
  ASSERT_TRUE(ro.ok());
  EXPECT_EQ(ro->index_analyzer_version(), text::kAnalyzerVersion);
}

TEST(StoreMigration, RefusesANewerSchema) {
  TempDb db;
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db.path.c_str(), &raw), SQLITE_OK);
    sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
  }
  auto s = store::Store::open(db.path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::unsupported);
}

TEST(Store, FacetsCountEveryMatchWithFilters) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s->upsert(article("a", "محادثات أستانا", "الجولة الأولى", "2017-01-24", "مدار اليوم"), {}).ok());
  ASSERT_TRUE(s->upsert(article("b", "أستانا", "الجولة الثانية", "2017-02-16", "مدار اليوم"), {}).ok());
  ASSERT_TRUE(s->upsert(article("c", "محادثات جنيف", "جولة أخرى", "2017-02-23", "الشرق الجديد"), {}).ok());
  ASSERT_TRUE(s->upsert(article("d", "زلزال", "لا شيء هنا", "", "الشرق الجديد"), {}).ok());
  search::SearchRequest req;
  req.query = "محادثات أستانا";  // short: all words first, then any of them (a, then b and c)
  req.limit = 1;
  auto f = search::facets(*s, req);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->total, 3);
  ASSERT_EQ(f->source.size(), 2u);
  EXPECT_EQ(f->source[0].value, "مدار اليوم");
  EXPECT_EQ(f->source[0].count, 2);
  ASSERT_EQ(f->month.size(), 2u);
  EXPECT_EQ(f->month[0].value, "2017-01");
  EXPECT_EQ(f->month[1].value, "2017-02");
  EXPECT_EQ(f->month[1].count, 2);
  req.source = "الشرق الجديد";
  f = search::facets(*s, req);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->total, 1);
  req.source.clear();
  req.mode = search::ModeChoice::all;
  f = search::facets(*s, req);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->total, 1);
  req.query = "زلزال";
  f = search::facets(*s, req);
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->month.size(), 1u);
  EXPECT_EQ(f->month[0].value, "");  // undated
}

TEST(Store, FacetsFollowAnUpdatedArticle) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s->upsert(article("a", "محادثات أستانا", "الجولة الأولى", "2017-01-24", "مدار اليوم"), {}).ok());
  // Same id, new text, outlet and date: the facet side table follows the article row.
  ASSERT_TRUE(s->upsert(article("a", "محادثات أستانا", "الجولة الأولى بعد التأجيل", "2017-03-02", "بوابة الأفق"), {}).ok());
  search::SearchRequest req;
  req.query = "أستانا";
  auto f = search::facets(*s, req);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->total, 1);
  ASSERT_EQ(f->source.size(), 1u);
  EXPECT_EQ(f->source[0].value, "بوابة الأفق");
  ASSERT_EQ(f->month.size(), 1u);
  EXPECT_EQ(f->month[0].value, "2017-03");
  req.from = "2017-03-01";
  f = search::facets(*s, req);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->total, 1);
  req.from = "2017-04-01";
  f = search::facets(*s, req);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->total, 0);
}

TEST(Store, LaterPagesContinueAfterEveryAllWordMatch) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  // Three articles with both words once in a long body, four with one word in the title and
  // the body: in an any-word ranking these come first, but all-word matches are listed first.
  std::string filler;
  for (int i = 0; i < 40; ++i) filler += " كلمة" + std::to_string(i);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(s->upsert(article("both" + std::to_string(i), "تقرير", "محادثات" + filler + std::string(i + 1, 'x') + " أستانا"), {}).ok());
  }
  for (int i = 0; i < 4; ++i) {
    const std::string word = i % 2 ? "محادثات" : "أستانا";
    ASSERT_TRUE(s->upsert(article("one" + std::to_string(i), word, word + " " + word + " " + std::string(i + 1, 'y')), {}).ok());
  }
  search::SearchRequest any = with_mode(search::ModeChoice::any);
  ASSERT_EQ(find(*s, "محادثات أستانا", any).hits.at(0).id.substr(0, 3), "one");
  search::SearchRequest req;
  req.limit = 10;
  const auto all = find(*s, "محادثات أستانا", req);
  ASSERT_EQ(all.hits.size(), 7u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(all.hits[static_cast<std::size_t>(i)].id.substr(0, 4), "both");
  std::vector<search::SearchHit> paged;
  req.limit = 2;
  for (std::size_t page = 0; page < 4; ++page) {
    req.offset = page * 2;
    for (auto& h : find(*s, "محادثات أستانا", req).hits) paged.push_back(std::move(h));
  }
  ASSERT_EQ(paged.size(), 7u);
  for (std::size_t i = 0; i < paged.size(); ++i) {
    EXPECT_EQ(paged[i].id, all.hits[i].id) << i;
    EXPECT_DOUBLE_EQ(paged[i].score, all.hits[i].score) << i;  // the same score on every page
  }
}

namespace {

// Segments of the FTS5 index, read from its structure record (4-byte cookie, an optional
// version marker, then varints: levels, segments; values below 128 take one byte).
int index_segments(sqlite3* db) {
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT block FROM articles_fts_data WHERE id = 10", -1, &st, nullptr);
  int segments = -1;
  if (sqlite3_step(st) == SQLITE_ROW) {
    const auto* b = static_cast<const unsigned char*>(sqlite3_column_blob(st, 0));
    const int n = sqlite3_column_bytes(st, 0);
    int at = 4;
    if (n >= 8 && b[4] == 0xFF && b[5] == 0 && b[6] == 0) at = 8;
    if (at + 1 < n && b[at] < 0x80 && b[at + 1] < 0x80) segments = b[at + 1];
  }
  sqlite3_finalize(st);
  return segments;
}

}  // namespace

// Regression (ingest was a third slower than it needed to be): FTS5 writes its pending terms
// out at every statement savepoint, and storing an article opens one, so each article became
// a segment of its own. Indexed at commit, a batch is one segment.
TEST(Store, ABatchOfArticlesBecomesOneIndexSegment) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s->begin().ok());
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(s->upsert(article("b" + std::to_string(i), "الجولة " + std::to_string(i + 1),
                                  "اجتمعت الدول الضامنة في أستانا للمرة " + std::to_string(i + 1)),
                          {}).ok());
  }
  ASSERT_TRUE(s->commit().ok());
  EXPECT_EQ(index_segments(s->handle()), 1);
  search::SearchRequest all = with_mode(search::ModeChoice::all);
  all.limit = 50;
  EXPECT_EQ(find(*s, "الضامنة", all).hits.size(), 20u);
}

TEST(Store, AnArticleUpdatedTwiceInOneBatchIsIndexedOnceWithItsLastText) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s->begin().ok());
  ASSERT_TRUE(s->upsert(article("u1", "خبر", "انطلقت الجولة في أستانا"), {}).ok());
  ASSERT_TRUE(s->upsert(article("u1", "خبر", "تأجلت الجولة في أستانا"), {}).ok());
  ASSERT_TRUE(s->upsert(article("u1", "خبر", "اختتمت الجولة في أستانا"), {}).ok());
  ASSERT_TRUE(s->commit().ok());
  EXPECT_TRUE(find(*s, "انطلقت", with_mode(search::ModeChoice::all)).hits.empty());
  EXPECT_TRUE(find(*s, "تأجلت", with_mode(search::ModeChoice::all)).hits.empty());
  EXPECT_EQ(find(*s, "اختتمت").hits.size(), 1u);
  EXPECT_EQ(find(*s, "أستانا").hits.size(), 1u);
}

TEST(Store, ARolledBackBatchLeavesNothingInTheIndex) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s->begin().ok());
  ASSERT_TRUE(s->upsert(article("r1", "خبر", "انطلقت الجولة في أستانا"), {}).ok());
  ASSERT_TRUE(s->rollback().ok());
  ASSERT_TRUE(s->begin().ok());
  ASSERT_TRUE(s->upsert(article("r2", "خبر", "اختتمت الجولة في جنيف"), {}).ok());
  ASSERT_TRUE(s->commit().ok());
  EXPECT_TRUE(find(*s, "أستانا", with_mode(search::ModeChoice::all)).hits.empty());
  EXPECT_EQ(find(*s, "جنيف").hits.size(), 1u);
  EXPECT_EQ(s->stats().value().indexed, 1);
}

// The searcher asks for the same document frequencies query after query; the store keeps
// them, and must forget them when the index changes, by this connection or another one.
TEST(Store, TermCountsFollowWritesOfThisConnectionAndOthers) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  const std::string term = text::Analyzer::standard().analyze("الضامنة").at(0).text;
  ASSERT_TRUE(s->upsert(article("t1", "خبر", "اجتمعت الدول الضامنة في أستانا"), {}).ok());
  ASSERT_TRUE(s->upsert(article("t2", "خبر", "بيان الدول الضامنة"), {}).ok());
  ASSERT_TRUE(s->upsert(article("t3", "خبر", "زلزال في المنطقة"), {}).ok());
  EXPECT_EQ(s->term_document_count(term).value(), 2);
  EXPECT_EQ(s->indexed_article_count().value(), 3);
  EXPECT_EQ(s->term_document_count("كلمةغائبة").value(), 0);
  // This connection, in a batch: counted once the batch is committed.
  ASSERT_TRUE(s->begin().ok());
  ASSERT_TRUE(s->upsert(article("t4", "خبر", "وفود الدول الضامنة"), {}).ok());
  ASSERT_TRUE(s->commit().ok());
  EXPECT_EQ(s->term_document_count(term).value(), 3);
  EXPECT_EQ(s->indexed_article_count().value(), 4);
  // Another connection.
  {
    auto other = store::Store::open(db.path);
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE(other->upsert(article("t5", "خبر", "الضامنة تجتمع"), {}).ok());
  }
  EXPECT_EQ(s->term_document_count(term).value(), 4);
  EXPECT_EQ(s->indexed_article_count().value(), 5);
}
