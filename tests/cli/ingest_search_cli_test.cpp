// End-to-end: `masar ingest`, `masar search`, `masar stats` on the demo corpus and on small
// inputs written here.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "masar/store/store.hpp"

using masar::testing::demo_corpus;
using masar::testing::run_masar;
using masar::testing::temp_path;
using masar::testing::TempDb;
using masar::testing::demo_db;
using nlohmann::json;

namespace {


json search_json(const std::string& args) {
  auto r = run_masar("search --json " + demo_db().arg() + " " + args);
  EXPECT_EQ(r.status, 0) << r.err;
  return r.out.empty() ? json::object() : json::parse(r.out);
}

}  // namespace

TEST(IngestCli, IngestsFoldersAndReportsASummary) {
  TempDb db;
  auto r = run_masar("ingest " + db.arg() + " '" + demo_corpus().string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("read 50, inserted 50"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("duplicates 5"), std::string::npos) << r.err;
}

TEST(IngestCli, ReingestIsIdempotent) {
  TempDb db;
  const std::string corpus = "'" + (demo_corpus() / "wire.jsonl").string() + "'";
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " " + corpus).status, 0);
  auto again = run_masar("ingest " + db.arg() + " " + corpus);
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("inserted 0, updated 0, unchanged 20"), std::string::npos) << again.err;
  auto stats = json::parse(run_masar("stats --json " + db.arg()).out);
  EXPECT_EQ(stats["articles"], 20);
}

TEST(IngestCli, UpdatesAnArticleInPlace) {
  TempDb db;
  const auto v1 = R"({"id": "u1", "title": "الجولة الأولى", "text": "انطلقت الجولة الأولى في أستانا", "date": "2017-01-23"})";
  const auto v2 = R"({"id": "u1", "title": "الجولة الأولى", "text": "اختتمت الجولة الأولى في أستانا", "date": "2017-01-24"})";
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " -", std::string(v1) + "\n").status, 0);
  auto r = run_masar("ingest " + db.arg() + " -", std::string(v2) + "\n");
  EXPECT_NE(r.err.find("updated 1"), std::string::npos) << r.err;
  auto s = json::parse(run_masar("search --json " + db.arg() + " اختتمت").out);
  ASSERT_EQ(s["hits"].size(), 1u);
  EXPECT_EQ(s["hits"][0]["date"], "2017-01-24");
  EXPECT_TRUE(json::parse(run_masar("search --json --mode all " + db.arg() + " انطلقت").out)["hits"].empty());
}

// An article rewritten into another story (a site reusing an address): the copy another outlet
// made of the first text is still found, and a later copy of that text is linked to it.
TEST(IngestCli, ACopyOfARewrittenArticleStandsForItsOldText) {
  TempDb db;
  const std::string text =
      "اجتمعت وفود الدول الضامنة روسيا وتركيا وإيران في أستانا لبحث توسيع مناطق خفض التصعيد في إدلب وحمص، "
      "وقال رئيس الوفد الروسي إن الجولة المقبلة ستبحث ملف المعتقلين وتبادل الجثث بين الأطراف المتحاربة.";
  const std::string other =
      "أعلنت وزارة الصحة تسجيل حالات جديدة من الإنفلونزا الموسمية في المدارس، ودعت الأهالي إلى تطعيم الأطفال "
      "قبل الفصل الدراسي الثاني، مؤكدة أن مخزون اللقاحات يكفي لتغطية الطلب في جميع المحافظات.";
  const auto line = [](const std::string& id, const std::string& source, const std::string& body) {
    return json{{"id", id}, {"source", source}, {"title", "خبر"}, {"date", "2023-06-21"}, {"text", body}}.dump() + "\n";
  };
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " -", line("site-1", "الموقع", text) + line("wire-1", "الوكالة", text)).status, 0);
  auto r = run_masar("ingest " + db.arg() + " -", line("site-1", "الموقع", other));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("1 updated articles now tell another story"), std::string::npos) << r.err;
  auto found = json::parse(run_masar("search --json " + db.arg() + " المعتقلين").out);
  ASSERT_EQ(found["hits"].size(), 1u);
  EXPECT_EQ(found["hits"][0]["id"], "wire-1");
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " -", line("paper-1", "الصحيفة", text)).status, 0);
  auto copy = masar::store::Store::open(db.path());
  ASSERT_TRUE(copy);
  EXPECT_EQ(copy->get("paper-1").value()->duplicate.representative_id, "wire-1");
}

// A file whose index an older analyzer wrote (simulated: analyzer 1 recorded, an index that
// holds nothing): a reader warns, the next writer re-indexes and says so.
TEST(IngestCli, AnIndexOfAnOlderAnalyzerIsRebuiltByTheNextIngest) {
  TempDb db;
  const auto first = R"({"id": "o1", "title": "لقاء", "text": "التقى المبعوث والأسد في دمشق", "date": "2017-01-23"})";
  const auto second = R"({"id": "o2", "title": "محادثات", "text": "انطلقت الجولة الأولى في أستانا", "date": "2017-01-24"})";
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " -", std::string(first) + "\n").status, 0);
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db.path().c_str(), &raw), SQLITE_OK);
    ASSERT_TRUE(masar::store::register_fts5_tokenizer(raw).ok());
    const char* sql = "UPDATE store_meta SET value = 1 WHERE key = 'analyzer';"
                      "INSERT INTO articles_fts(articles_fts) VALUES('delete-all');";
    ASSERT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
    sqlite3_close(raw);
  }
  auto stale = run_masar("search --json " + db.arg() + " الأسد");
  EXPECT_NE(stale.err.find("was indexed with analyzer 1"), std::string::npos) << stale.err;
  EXPECT_TRUE(json::parse(stale.out)["hits"].empty());
  auto r = run_masar("ingest --quiet " + db.arg() + " -", std::string(second) + "\n");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("re-indexed with analyzer"), std::string::npos) << r.err;
  auto found = run_masar("search --json " + db.arg() + " الأسد");
  EXPECT_EQ(found.err, "");
  ASSERT_EQ(json::parse(found.out)["hits"].size(), 1u);
  EXPECT_EQ(json::parse(found.out)["hits"][0]["id"], "o1");
}

// Events and stories tracked with an older analyzer, entities made by older rules (simulated
// by the versions the file records): an ingest goes on from them and says which command makes
// them again; once made again, nothing is said.
TEST(IngestCli, DerivedDataOfOlderVersionsIsNamedWithItsCommand) {
  TempDb db;
  const auto first = R"({"id": "d1", "title": "لقاء في دمشق", "text": "التقى المبعوث الأممي وزير الخارجية في دمشق", "date": "2017-01-23"})";
  const auto second = R"({"id": "d2", "title": "محادثات", "text": "انطلقت الجولة الأولى في أستانا", "date": "2017-01-24"})";
  auto fresh = run_masar("ingest --quiet " + db.arg() + " -", std::string(first) + "\n");
  ASSERT_EQ(fresh.status, 0) << fresh.err;
  EXPECT_EQ(fresh.err.find("warning"), std::string::npos) << fresh.err;
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db.path().c_str(), &raw), SQLITE_OK);
    const char* sql = "UPDATE store_meta SET value = 1 WHERE key IN ('tracking', 'entities');";
    ASSERT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
    ASSERT_EQ(sqlite3_changes(raw), 2);
    sqlite3_close(raw);
  }
  auto r = run_masar("ingest --quiet " + db.arg() + " -", std::string(second) + "\n");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("were tracked with analyzer 1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("`masar recluster --db"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("were made by entity rules 1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("`masar entities --rescan --db"), std::string::npos) << r.err;
  EXPECT_NE(run_masar("stats " + db.arg()).err.find("were tracked with analyzer 1"), std::string::npos);
  ASSERT_EQ(run_masar("recluster --quiet " + db.arg()).status, 0);
  ASSERT_EQ(run_masar("entities --rescan --quiet " + db.arg()).status, 0);
  EXPECT_EQ(run_masar("stats " + db.arg()).err, "");
}

TEST(IngestCli, StdinWithABadLine) {
  TempDb db;
  const std::string input = R"({"id": "a", "text": "اجتماع الدول الضامنة في أستانا"})" "\n"
                            "this is not json\n"
                            R"({"id": "b", "text": "زلزال يضرب جنوب تركيا وشمال سوريا"})" "\n";
  auto r = run_masar("ingest " + db.arg() + " -", input);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("<stdin>:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("inserted 2"), std::string::npos) << r.err;
}

TEST(IngestCli, NothingToIngestFails) {
  TempDb db;
  auto r = run_masar("ingest " + db.arg() + " -", "garbage\n");
  EXPECT_NE(r.status, 0);
}

TEST(SearchCli, FindsAstanaRoundsWhateverTheSpelling) {
  auto a = search_json("--limit 50 أستانا");
  auto b = search_json("--limit 50 استانه");
  EXPECT_GE(a["hits"].size(), 15u);
  EXPECT_EQ(a["hits"].size(), b["hits"].size());  // أستانا / أستانة / استانا fold together
}

TEST(SearchCli, DuplicatesAppearOnce) {
  auto r = search_json("--limit 50 \"الجولة العشرين\" OR \"الجولة العشرون\"");
  std::set<std::string> ids;
  for (const auto& h : r["hits"]) ids.insert(h["id"].get<std::string>());
  EXPECT_FALSE(ids.count("astana-20-madar") && ids.count("rafid-20230621-astana20"));
}

// Each response is kept in a variable: iterating search_json(...)["hits"] directly would walk
// a temporary that is already destroyed (AddressSanitizer caught it).
TEST(SearchCli, DateAndSourceFilters) {
  const json recent = search_json("--from 2023-01-01 --limit 50 أستانا");
  EXPECT_FALSE(recent["hits"].empty());
  for (const auto& h : recent["hits"]) EXPECT_GE(h["date"].get<std::string>(), "2023");
  const json early = search_json("--to 2017-12-31 --limit 50 أستانا");
  EXPECT_FALSE(early["hits"].empty());
  for (const auto& h : early["hits"]) EXPECT_LE(h["date"].get<std::string>().substr(0, 4), "2017");
  const json outlet = search_json("--source 'الشرق الجديد' --limit 50 سوريا");
  EXPECT_FALSE(outlet["hits"].empty());
  for (const auto& h : outlet["hits"]) EXPECT_EQ(h["source"], "الشرق الجديد");
}

TEST(SearchCli, PhraseAndExclusion) {
  const json phrase = search_json("--limit 50 '\"خفض التصعيد\"'");
  EXPECT_FALSE(phrase["hits"].empty());
  for (const auto& h : phrase["hits"]) {
    EXPECT_NE(h["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  }
  auto with = search_json("--mode all --limit 50 زلزال");
  auto without = search_json("--mode all --limit 50 زلزال -حلب");
  EXPECT_LT(without["hits"].size(), with["hits"].size());
}

// "--" ends the options, as everywhere else: what follows is the query even when a word
// starts with "-" (it was refused as an unexpected argument).
TEST(SearchCli, DoubleDashEndsTheOptions) {
  const json plain = search_json("--mode all --limit 50 زلزال -حلب");
  const json dashed = search_json("--mode all --limit 50 -- زلزال -حلب");
  EXPECT_EQ(dashed["query"], "زلزال -حلب");
  EXPECT_EQ(dashed["hits"], plain["hits"]);
  const json exclusion_first = search_json("--mode all --limit 50 -- -حلب زلزال");
  EXPECT_EQ(exclusion_first["query"], "-حلب زلزال");
  EXPECT_EQ(exclusion_first["hits"].size(), plain["hits"].size());
  EXPECT_FALSE(plain["hits"].empty());
}

// "masar search --db x.db أستانا --limit 3": an option written after the query is an option,
// not three more query words ("--limit" and "3" once went into the query).
TEST(SearchCli, OptionsAfterTheQueryAreOptions) {
  const json before = search_json("--mode all --limit 2 --no-coverage أستانا");
  const auto after = run_masar("search " + demo_db().arg() + " أستانا --mode all --limit=2 --json --no-coverage");
  ASSERT_EQ(after.status, 0) << after.err;
  const json parsed = json::parse(after.out);
  EXPECT_EQ(parsed["query"], "أستانا");
  EXPECT_EQ(parsed["hits"], before["hits"]);
  EXPECT_EQ(parsed["hits"].size(), 2u);
  // Words after "--" are the query, whatever they look like.
  EXPECT_EQ(search_json("-- أستانا --limit")["query"], "أستانا --limit");
  const auto unknown = run_masar("search " + demo_db().arg() + " أستانا --limt 2");
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("--limt"), std::string::npos) << unknown.err;
  const auto missing = run_masar("search " + demo_db().arg() + " أستانا --limit");
  EXPECT_EQ(missing.status, 2);
  const auto out_of_range = run_masar("search " + demo_db().arg() + " أستانا --limit 0");
  EXPECT_EQ(out_of_range.status, 2);
}

TEST(SearchCli, HighlightsTheOriginalCharacters) {
  TempDb db;
  const std::string input = R"({"id": "d1", "title": "تصريح", "text": "قال المبعوثُ الأمميّ إنّ الحلَّ سياسيّ"})" "\n";
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " -", input).status, 0);
  auto r = json::parse(run_masar("search --json " + db.arg() + " الاممي").out);
  ASSERT_EQ(r["hits"].size(), 1u);
  EXPECT_NE(r["hits"][0]["snippet"].get<std::string>().find("<mark>الأمميّ</mark>"), std::string::npos) << r.dump();
}

// An any-word query leaves a word out of the match when more than a tenth of the articles hold
// it; by default the best hits are then reordered by the share of the query's words they hold,
// the left-out word included, and `--no-coverage` keeps BM25F's order.
TEST(SearchCli, NoCoverageKeepsTheOrderOfTheRanking) {
  TempDb db;
  std::string input;
  for (int i = 0; i < 30; ++i) {
    json line{{"id", "filler-" + std::to_string(i)}, {"title", "نشرة اقتصادية"},
              {"text", "تقرير اقتصادي رقم " + std::to_string(i) + " عن الأسواق المحلية" + (i % 2 == 0 ? " وارتفاع الأسعار" : "")}};
    input += line.dump() + "\n";
  }
  input += json{{"id", "without-common"}, {"title", "خبر"}, {"text", "قمة الرياض الطاقة المتجددة اليوم"}}.dump() + "\n";
  input += json{{"id", "with-common"}, {"title", "خبر"}, {"text", "قمة الرياض الطاقة المتجددة الأسعار اليوم"}}.dump() + "\n";
  ASSERT_EQ(run_masar("ingest --quiet --no-cluster --no-entities " + db.arg() + " -", input).status, 0);
  const auto first_of_two = [&](const std::string& flags) {
    const auto r = run_masar("search --json --mode any " + flags + " " + db.arg() + " قمة الرياض الطاقة الأسعار");
    EXPECT_EQ(r.status, 0) << r.err;
    const json response = json::parse(r.out);  // kept: a temporary would die before the loop
    for (const auto& h : response["hits"]) {
      const std::string id = h["id"].get<std::string>();
      if (id == "with-common" || id == "without-common") return id;
    }
    return std::string("neither");
  };
  EXPECT_EQ(first_of_two(""), "with-common");
  EXPECT_EQ(first_of_two("--no-coverage"), "without-common");
}

TEST(SearchCli, TrecBatchMode) {
  const auto queries = temp_path("queries.tsv");
  std::ofstream(queries) << "q1\tمحادثات أستانا\nq2\tزلزال تركيا\n";
  auto r = run_masar("search " + demo_db().arg() + " --queries '" + queries.string() + "' --format trec --limit 5");
  std::filesystem::remove(queries);
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream in(r.out);
  std::string qid, q0, doc, tag;
  int rank = 0;
  double score = 0;
  std::size_t lines = 0;
  std::map<std::string, int> last_rank;
  while (in >> qid >> q0 >> doc >> rank >> score >> tag) {
    ++lines;
    EXPECT_EQ(q0, "Q0");
    EXPECT_EQ(tag, "masar");
    EXPECT_EQ(rank, ++last_rank[qid]);  // ranks count up per query, copies included
  }
  // Five hits a query, each followed by its stored copies (documents of their own in a run).
  EXPECT_GE(lines, 10u);
  EXPECT_EQ(last_rank.size(), 2u);
}

TEST(StatsCli, CountsBySourceAndMonth) {
  auto r = run_masar("stats --json " + demo_db().arg());
  ASSERT_EQ(r.status, 0) << r.err;
  auto s = json::parse(r.out);
  EXPECT_EQ(s["articles"], 50);
  EXPECT_EQ(s["duplicates"], 5);
  EXPECT_GT(s["by_source_month"].size(), 10u);
  EXPECT_GT(s["index_bytes"], 0);
}
