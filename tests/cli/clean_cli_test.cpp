// End-to-end: `masar clean` and `masar dedup` on the hand-written demo corpus, checked
// against its manifest (examples/demo-manifest.jsonl).
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.hpp"

using masar::testing::demo_corpus;
using masar::testing::run_masar;
using nlohmann::json;

namespace {

std::vector<json> json_lines(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(json::parse(line));
  }
  return out;
}

const std::vector<json>& manifest() {
  static const std::vector<json> items = json_lines(masar::testing::read_file(demo_corpus().parent_path() / "demo-manifest.jsonl"));
  return items;
}

// `masar clean --json` over the whole corpus, run once for all tests, keyed by id.
const std::map<std::string, json>& cleaned() {
  static const std::map<std::string, json> by_id = [] {
    auto r = run_masar("clean --json --quiet '" + demo_corpus().string() + "'");
    EXPECT_EQ(r.status, 0) << r.err;
    std::map<std::string, json> m;
    for (auto& j : json_lines(r.out)) m[j["id"].get<std::string>()] = j;
    return m;
  }();
  return by_id;
}

}  // namespace

TEST(CleanCli, EveryItemComesOutOnce) {
  ASSERT_GE(manifest().size(), 40u);
  EXPECT_EQ(cleaned().size(), manifest().size());
  for (const auto& item : manifest()) EXPECT_TRUE(cleaned().count(item["id"])) << item["id"];
}

TEST(CleanCli, TitlesMatchTheManifest) {
  for (const auto& item : manifest()) {
    const auto it = cleaned().find(item["id"]);
    if (it == cleaned().end()) continue;
    EXPECT_EQ(it->second["title"], item["title"]) << item["id"] << " (" << item["file"] << ")";
  }
}

TEST(CleanCli, DatesMatchTheManifest) {
  for (const auto& item : manifest()) {
    const auto it = cleaned().find(item["id"]);
    if (it == cleaned().end()) continue;
    const std::string date = it->second["date"];
    EXPECT_EQ(date.substr(0, 10), item["date"].get<std::string>()) << item["id"] << " (" << item["file"] << ")";
  }
}

TEST(CleanCli, OutletsMatchTheManifest) {
  for (const auto& item : manifest()) {
    const auto it = cleaned().find(item["id"]);
    if (it == cleaned().end() || item["source"].get<std::string>().empty()) continue;
    EXPECT_EQ(it->second["source"], item["source"]) << item["id"] << " (" << item["file"] << ")";
  }
}

TEST(CleanCli, KeepsContentLines) {
  for (const auto& item : manifest()) {
    const auto it = cleaned().find(item["id"]);
    if (it == cleaned().end()) continue;
    const std::string body = it->second["body"];
    for (const auto& keep : item["must_keep"]) {
      EXPECT_NE(body.find(keep.get<std::string>()), std::string::npos) << item["id"] << " lost: " << keep;
    }
  }
}

TEST(CleanCli, DropsBoilerplateLines) {
  for (const auto& item : manifest()) {
    const auto it = cleaned().find(item["id"]);
    if (it == cleaned().end()) continue;
    const std::string body = it->second["body"];
    for (const auto& drop : item["must_drop"]) {
      EXPECT_EQ(body.find(drop.get<std::string>()), std::string::npos) << item["id"] << " kept: " << drop;
    }
  }
}

TEST(CleanCli, RemovedLinesAreListedWithReasons) {
  std::size_t removed = 0;
  for (const auto& [id, j] : cleaned()) {
    for (const auto& r : j["removed"]) {
      EXPECT_FALSE(r["reason"].get<std::string>().empty()) << id;
      ++removed;
    }
  }
  EXPECT_GT(removed, 50u);
  auto r = run_masar("clean --show-removed --quiet '" + (demo_corpus() / "text").string() + "'");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("-- removed"), std::string::npos);
}

TEST(CleanCli, UnknownJsonFieldsAreKept) {
  for (const auto& item : manifest()) {
    if (item["format"] != "jsonl") continue;
    const auto it = cleaned().find(item["id"]);
    ASSERT_NE(it, cleaned().end());
  }
  std::size_t with_extra = 0;
  for (const auto& [id, j] : cleaned()) with_extra += j.contains("author") || j.contains("tags");
  EXPECT_GE(with_extra, 1u);
}

TEST(CleanCli, BadLineIsReportedAndSkipped) {
  const auto file = masar::testing::temp_path("bad.jsonl");
  std::ofstream(file) << R"({"id": "ok1", "text": "خبر أول عن محادثات أستانا في العاصمة الكازاخية"})" << "\n"
                      << "{not json\n"
                      << R"({"id": "ok2", "text": "خبر ثان عن اجتماع الدول الضامنة"})" << "\n";
  auto r = run_masar("clean --json '" + file.string() + "'");
  std::filesystem::remove(file);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find(file.string() + ":2:"), std::string::npos) << r.err;
  EXPECT_EQ(json_lines(r.out).size(), 2u);
}

TEST(CleanCli, ReadsJsonLinesFromStdin) {
  auto r = run_masar("clean --json --quiet -", R"({"id": "s1", "title": "عنوان", "text": "القـ.ـضية السورية"})" "\n");
  ASSERT_EQ(r.status, 0) << r.err;
  auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["body"], "القضية السورية");
}

TEST(CleanCli, NothingReadableFails) {
  auto r = run_masar("clean /nonexistent/masar/path");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("/nonexistent/masar/path"), std::string::npos);
}

TEST(DedupCli, FindsTheCorpusDuplicateGroupsAndNotTheRewrites) {
  auto r = run_masar("dedup --json --quiet '" + demo_corpus().string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  std::map<std::string, std::string> group_of;  // id -> representative
  for (const auto& g : json_lines(r.out)) {
    const std::string rep = g["representative"];
    group_of[rep] = rep;
    for (const auto& m : g["members"]) group_of[m["id"].get<std::string>()] = rep;
  }
  for (const auto& item : manifest()) {
    const std::string id = item["id"];
    if (!item["duplicate_of"].is_null()) {
      const std::string orig = item["duplicate_of"];
      ASSERT_TRUE(group_of.count(id)) << id << " not grouped with " << orig;
      EXPECT_EQ(group_of[id], group_of[orig]) << id;
    }
    if (item.contains("rewrite_of") && !item["rewrite_of"].is_null()) {
      const std::string orig = item["rewrite_of"];
      EXPECT_FALSE(group_of.count(id) && group_of.count(orig) && group_of[id] == group_of[orig])
          << id << " is a rewrite of " << orig << ", not a duplicate";
    }
  }
}
