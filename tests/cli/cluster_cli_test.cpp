// End-to-end: events and stories on the demo corpus — `masar clusters`, `recluster`,
// `stories`, `timeline` — and the incremental path against a rebuild.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <nlohmann/json.hpp>

#include <sqlite3.h>

#include "cli_runner.hpp"
#include "cluster/vector_codec.hpp"

using masar::testing::demo_corpus;
using masar::testing::read_file;
using masar::testing::run_masar;
using masar::testing::TempDb;
using masar::testing::demo_db;
using nlohmann::json;

namespace {

struct Assignment {
  std::string event, story;
};

std::map<std::string, Assignment> clusters(const TempDb& db) {
  const auto r = run_masar("clusters --format tsv " + db.arg());
  EXPECT_EQ(r.status, 0) << r.err;
  std::map<std::string, Assignment> out;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string id;
    Assignment a;
    std::getline(fields, id, '\t');
    std::getline(fields, a.event, '\t');
    std::getline(fields, a.story, '\t');
    out[id] = a;
  }
  return out;
}

// Partitions are compared, not ids: "the same result" means the same groups.
std::set<std::set<std::string>> groups(const std::map<std::string, Assignment>& c, bool stories) {
  std::map<std::string, std::set<std::string>> by;
  for (const auto& [id, a] : c) by[stories ? a.story : a.event].insert(id);
  std::set<std::set<std::string>> out;
  for (auto& [key, ids] : by) out.insert(ids);
  return out;
}

// The clusters the online path left in `db` (all `articles` of them) are the groups a rebuild
// gives.
void expect_recluster_agrees(const TempDb& db, std::size_t articles) {
  const auto incremental = clusters(db);
  ASSERT_EQ(incremental.size(), articles);
  ASSERT_EQ(run_masar("recluster --quiet " + db.arg()).status, 0);
  const auto rebuilt = clusters(db);
  EXPECT_EQ(groups(incremental, false), groups(rebuilt, false));
  EXPECT_EQ(groups(incremental, true), groups(rebuilt, true));
}

struct ManifestItem {
  std::string id, story, date;
  int round = 0;
};

std::vector<ManifestItem> manifest() {
  std::vector<ManifestItem> out;
  std::ifstream in(std::filesystem::path(MASAR_SOURCE_DIR) / "examples/demo-manifest.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    const json j = json::parse(line);
    ManifestItem m;
    m.id = j["id"];
    m.story = j.value("story", "");
    m.date = j.value("date", "");
    if (j.contains("round") && j["round"].is_number()) m.round = j["round"];
    out.push_back(m);
  }
  return out;
}

// The demo corpus as JSON Lines of cleaned articles ("text" = the cleaned body), sorted by date.
std::vector<std::string> demo_lines_by_date() {
  const auto r = run_masar("clean --json --quiet '" + demo_corpus().string() + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<std::pair<std::string, std::string>> dated;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    json j = json::parse(line);
    j["text"] = j["body"];
    j.erase("body");
    j.erase("removed");
    std::string date = j.value("date", "");
    if (date.empty()) date = "9999";  // undated last, as the tracker takes them
    dated.emplace_back(date, j.dump());
  }
  std::stable_sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& [d, l] : dated) out.push_back(l + "\n");
  return out;
}

std::string join(const std::vector<std::string>& lines, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += lines[i];
  return out;
}


json run_json(const std::string& args) {
  const auto r = run_masar(args);
  EXPECT_EQ(r.status, 0) << r.err;
  return r.out.empty() ? json() : json::parse(r.out);
}

std::vector<json> json_lines(const std::string& args) {
  const auto r = run_masar(args);
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<json> out;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(json::parse(line));
  }
  return out;
}

}  // namespace

TEST(ClustersCli, EveryArticleHasAnEventAndAStory) {
  const auto c = clusters(demo_db());
  EXPECT_EQ(c.size(), manifest().size());
  for (const auto& [id, a] : c) {
    EXPECT_EQ(a.event.rfind("E", 0), 0u) << id;
    EXPECT_EQ(a.story.rfind("S", 0), 0u) << id;
  }
}

TEST(ClustersCli, IngestThenReclusterGivesTheSameClusters) {
  TempDb db;
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " '" + demo_corpus().string() + "'").status, 0);
  const auto incremental = clusters(db);
  const auto r = run_masar("recluster --quiet " + db.arg());
  ASSERT_EQ(r.status, 0) << r.err;
  const auto rebuilt = clusters(db);
  EXPECT_EQ(groups(incremental, false), groups(rebuilt, false));
  EXPECT_EQ(groups(incremental, true), groups(rebuilt, true));
}

// Two ingests in publication order (the online path) equal one rebuild over the same order.
TEST(ClustersCli, ChronologicalBatchesEqualRecluster) {
  const auto lines = demo_lines_by_date();
  ASSERT_GT(lines.size(), 40u);
  TempDb db;
  const std::size_t half = lines.size() / 2;
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " -", join(lines, 0, half)).status, 0);
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " -", join(lines, half, lines.size())).status, 0);
  expect_recluster_agrees(db, lines.size());
}

// A file of schema 6 kept its centroids as JSON text; the online path continues from them as
// from the blobs of schema 7, and gives what a rebuild gives.
TEST(ClustersCli, CentroidsStoredAsJsonByAnOlderSchemaStillContinue) {
  const auto lines = demo_lines_by_date();
  TempDb db;
  const std::size_t half = lines.size() / 2;
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " -", join(lines, 0, half)).status, 0);
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db.path().c_str(), &raw), SQLITE_OK);
    std::vector<std::tuple<std::string, std::int64_t, std::string>> rewrites;  // table, id, JSON
    for (const char* table : {"events", "stories"}) {
      sqlite3_stmt* st = nullptr;
      ASSERT_EQ(sqlite3_prepare_v2(raw, (std::string("SELECT id, centroid, typeof(centroid) FROM ") + table).c_str(), -1, &st, nullptr), SQLITE_OK);
      while (sqlite3_step(st) == SQLITE_ROW) {
        EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 2)), "blob");
        const auto* p = static_cast<const char*>(sqlite3_column_blob(st, 1));
        const auto v = masar::cluster::decode_vector(std::string_view(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(st, 1))));
        ASSERT_TRUE(v.has_value());
        json j = json::array();
        for (const auto& [term, w] : *v) j.push_back(json::array({term, w}));
        rewrites.emplace_back(table, sqlite3_column_int64(st, 0), j.dump());
      }
      sqlite3_finalize(st);
    }
    ASSERT_FALSE(rewrites.empty());
    for (const auto& [table, id, text] : rewrites) {
      sqlite3_stmt* st = nullptr;
      ASSERT_EQ(sqlite3_prepare_v2(raw, ("UPDATE " + table + " SET centroid = ?1 WHERE id = ?2").c_str(), -1, &st, nullptr), SQLITE_OK);
      sqlite3_bind_text(st, 1, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
      sqlite3_bind_int64(st, 2, id);
      EXPECT_EQ(sqlite3_step(st), SQLITE_DONE);
      sqlite3_finalize(st);
    }
    // Schema 8's and 9's tables too go: a file of schema 6 has neither.
    ASSERT_EQ(sqlite3_exec(raw, "DROP TABLE store_meta; DROP TABLE dedup_docs; PRAGMA user_version = 6", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
  }
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " -", join(lines, half, lines.size())).status, 0);
  expect_recluster_agrees(db, lines.size());
}

TEST(ClustersCli, NumberedAstanaRoundsFormOneStoryWithNothingElse) {
  const auto c = clusters(demo_db());
  std::set<std::string> stories;
  for (const auto& m : manifest()) {
    if (m.story == "astana" && m.round > 0) stories.insert(c.at(m.id).story);
  }
  ASSERT_EQ(stories.size(), 1u) << "the numbered rounds are split over " << stories.size() << " stories";
  for (const auto& m : manifest()) {
    if (m.story != "astana") {
      EXPECT_NE(c.at(m.id).story, *stories.begin()) << m.id << " (" << m.story << ")";
    }
  }
}

TEST(ClustersCli, LateArrivingOlderRoundsJoinTheStory) {
  // The later half of the stream first, then the older half: old rounds arrive late.
  const auto lines = demo_lines_by_date();
  TempDb db;
  const std::size_t half = lines.size() / 2;
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " -", join(lines, half, lines.size())).status, 0);
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " -", join(lines, 0, half)).status, 0);
  const auto c = clusters(db);
  std::set<std::string> stories;
  for (const auto& m : manifest()) {
    // The opening report names no round ("محادثات هي الأولى من نوعها") and, arriving first in
    // its batch, has no story within reach yet: it alone may stand apart.
    if (m.story == "astana" && m.round > 0 && m.id != "astana-1-yaqeen") stories.insert(c.at(m.id).story);
  }
  EXPECT_EQ(stories.size(), 1u);
}

TEST(ClustersCli, CopiesCountOnceInTheirEvent) {
  const auto c = clusters(demo_db());
  // The three syndicated reports of round 20 are one event of one article and two copies.
  const std::string event = c.at("astana-20-sharq").event;
  EXPECT_EQ(c.at("rafid-20230621-astana20").event, event);
  EXPECT_EQ(c.at("astana-20-madar").event, event);
  const json story = run_json("timeline --json " + demo_db().arg() + " --story " + c.at("astana-20-sharq").story.substr(1));
  bool found = false;
  for (const auto& e : story["timeline"]) {
    if ("E" + std::to_string(e["id"].get<int>()) != event) continue;
    found = true;
    EXPECT_EQ(e["articles"], 1);
    EXPECT_EQ(e["copies"], 2);
    EXPECT_EQ(e["article_ids"].size(), 3u);
    EXPECT_EQ(e["sources"].size(), 3u);
  }
  EXPECT_TRUE(found);
}

TEST(TimelineCli, EventsOfTheAstanaStoryInDateOrder) {
  const auto c = clusters(demo_db());
  const std::string story = c.at("astana-9-yaqeen").story;
  const json t = run_json("timeline --json " + demo_db().arg() + " --story " + story.substr(1));
  ASSERT_TRUE(t["timeline"].is_array());
  ASSERT_GE(t["timeline"].size(), 20u);
  std::string previous;
  std::size_t listed = 0;
  bool undated_seen = false;
  for (const auto& e : t["timeline"]) {
    const std::string first = e["first_date"];
    if (first.empty()) {
      undated_seen = true;  // undated events close the timeline
    } else {
      EXPECT_FALSE(undated_seen) << "a dated event after an undated one";
      EXPECT_LE(previous, first);
      previous = first;
    }
    EXPECT_FALSE(e["label"].get<std::string>().empty());
    EXPECT_LE(e["first_date"].get<std::string>(), e["last_date"].get<std::string>());
    listed += e["article_ids"].size();
  }
  EXPECT_GE(listed, t["articles"].get<std::size_t>());  // every article, copies too
  // Round 1 opens the timeline, round 22 closes it.
  EXPECT_EQ(t["first_date"], "2017-01-23");
  EXPECT_GE(listed, 25u);
}

TEST(TimelineCli, AQueryPicksTheBestMatchingStory) {
  const auto c = clusters(demo_db());
  const json t = run_json("timeline --json " + demo_db().arg() + " زلزال");
  ASSERT_TRUE(t.contains("id"));
  EXPECT_EQ("S" + std::to_string(t["id"].get<int>()), c.at("earthquake-first-day-sada").story);
}

// Like search, the query is every word after the options, quoted or not.
TEST(TimelineCli, AQueryOfSeveralWordsNeedsNoQuotes) {
  const auto quoted = run_masar("timeline --json " + demo_db().arg() + " 'زلزال جنوب تركيا'");
  const auto unquoted = run_masar("timeline --json " + demo_db().arg() + " زلزال جنوب تركيا");
  ASSERT_EQ(quoted.status, 0) << quoted.err;
  ASSERT_EQ(unquoted.status, 0) << unquoted.err;
  EXPECT_EQ(unquoted.out, quoted.out);
}

TEST(TimelineCli, UnknownStoryIsAnError) {
  const auto r = run_masar("timeline " + demo_db().arg() + " --story 999999");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("999999"), std::string::npos) << r.err;
}

TEST(StoriesCli, QueryKeepsOnlyMatchingStories) {
  const auto c = clusters(demo_db());
  const auto stories = json_lines("stories --json " + demo_db().arg() + " --query زلزال");
  ASSERT_FALSE(stories.empty());
  std::set<std::string> ids;
  for (const auto& s : stories) {
    EXPECT_GT(s["matches"], 0);
    ids.insert("S" + std::to_string(s["id"].get<int>()));
  }
  EXPECT_TRUE(ids.count(c.at("earthquake-first-day-sada").story));
  EXPECT_FALSE(ids.count(c.at("astana-9-yaqeen").story));
}

TEST(StoriesCli, DateRangeKeepsOverlappingStories) {
  const auto stories = json_lines("stories --json " + demo_db().arg() + " --from 2023-02-01 --to 2023-02-28");
  ASSERT_FALSE(stories.empty());
  for (const auto& s : stories) {
    EXPECT_LE(s["first_date"].get<std::string>(), "2023-02-28");
    EXPECT_GE(s["last_date"].get<std::string>(), "2023-02-01");
    EXPECT_FALSE(s["label"].get<std::string>().empty());
    EXPECT_GE(s["articles"], s["events"]);
  }
}

TEST(StoriesCli, ListsBiggestFirstWithLabelsDatesAndSources) {
  const auto stories = json_lines("stories --json " + demo_db().arg());
  ASSERT_GE(stories.size(), 3u);
  for (std::size_t i = 1; i < stories.size(); ++i) EXPECT_GE(stories[i - 1]["articles"], stories[i]["articles"]);
  EXPECT_GE(stories[0]["sources"].size(), 5u);
}

TEST(ClustersCli, ReingestOfUnchangedArticlesKeepsTheClusters) {
  TempDb db;
  const std::string corpus = "'" + demo_corpus().string() + "'";
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " " + corpus).status, 0);
  const auto before = clusters(db);
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " " + corpus).status, 0);
  EXPECT_EQ(clusters(db).size(), before.size());
  const auto after = clusters(db);
  for (const auto& [id, a] : before) {
    EXPECT_EQ(after.at(id).event, a.event) << id;
    EXPECT_EQ(after.at(id).story, a.story) << id;
  }
}

TEST(ClustersCli, AnUpdatedArticleIsTrackedAgain) {
  TempDb db;
  const auto v1 = R"({"id": "u1", "title": "انطلاق الجولة الأولى من محادثات أستانا", "text": "انطلقت الجولة الأولى من محادثات أستانا حول سوريا", "date": "2017-01-23"})";
  const auto v2 = R"({"id": "u1", "title": "زلزال يضرب شمال سوريا", "text": "ضرب زلزال عنيف شمال سوريا وجنوب تركيا", "date": "2023-02-06"})";
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " -", std::string(v1) + "\n").status, 0);
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " -", std::string(v2) + "\n").status, 0);
  const auto c = clusters(db);
  ASSERT_EQ(c.size(), 1u);
  const json t = run_json("timeline --json " + db.arg() + " زلزال");
  ASSERT_EQ(t["timeline"].size(), 1u);
  EXPECT_EQ(t["timeline"][0]["first_date"], "2023-02-06");
}

TEST(ClustersCli, JsonFormatMatchesTsv) {
  const auto tsv = clusters(demo_db());
  const auto r = run_masar("clusters --format json " + demo_db().arg());
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream in(r.out);
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    const json j = json::parse(line);
    ++n;
    EXPECT_EQ("E" + std::to_string(j["event"].get<int>()), tsv.at(j["id"]).event);
  }
  EXPECT_EQ(n, tsv.size());
}
