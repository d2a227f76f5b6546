// End-to-end: ingest extracts entities; `masar entities` lists them linked across spellings.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.hpp"

using masar::testing::demo_corpus;
using masar::testing::run_masar;
using masar::testing::TempDb;
using masar::testing::demo_db;
using nlohmann::json;

namespace {


std::vector<json> entities(const std::string& args) {
  const auto r = run_masar("entities --json " + demo_db().arg() + " " + args);
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<json> out;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) out.push_back(json::parse(line));
  return out;
}

bool has_alias(const json& e, const std::string& alias) {
  for (const auto& a : e["aliases"]) {
    if (a["alias"] == alias) return true;
  }
  return false;
}

}  // namespace

TEST(EntitiesCli, SpellingVariantsAreOneEntity) {
  const auto found = entities("--type PER --query لافرنتييف");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(has_alias(found[0], "ألكسندر لافرنتييف"));
  EXPECT_TRUE(has_alias(found[0], "ألكسندر لافرينتييف"));
  EXPECT_GE(found[0]["articles"], 5);
}

TEST(EntitiesCli, AstanaSpellingsAreOnePlace) {
  const auto found = entities("--type LOC --query أستانا");
  ASSERT_FALSE(found.empty());
  EXPECT_TRUE(has_alias(found[0], "أستانا"));
  EXPECT_TRUE(has_alias(found[0], "أستانة"));
  EXPECT_TRUE(has_alias(found[0], "نور سلطان"));  // renamed 2019-2022: a curated alias
  EXPECT_EQ(found[0]["name"], "أستانا");
}

TEST(EntitiesCli, MostMentionedFirstWithDatesAndTypeFilter) {
  const auto found = entities("--limit 10");
  ASSERT_EQ(found.size(), 10u);
  for (std::size_t i = 1; i < found.size(); ++i) EXPECT_GE(found[i - 1]["articles"], found[i]["articles"]);
  EXPECT_EQ(found[0]["name"], "سوريا");
  EXPECT_LE(found[0]["first_date"].get<std::string>(), found[0]["last_date"].get<std::string>());
  for (const auto& e : entities("--type ORG")) EXPECT_EQ(e["type"], "ORG");
}

TEST(EntitiesCli, RescanGivesTheSameEntities) {
  TempDb db;
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " '" + demo_corpus().string() + "'").status, 0);
  const auto before = run_masar("entities --json --limit 1000 " + db.arg());
  const auto again = run_masar("entities --json --limit 1000 --rescan --quiet " + db.arg());
  ASSERT_EQ(again.status, 0) << again.err;
  // Ids may differ; names, types, aliases and counts may not.
  const auto strip = [](const std::string& out) {
    std::vector<std::string> rows;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
      json j = json::parse(line);
      j.erase("id");
      rows.push_back(j.dump());
    }
    std::sort(rows.begin(), rows.end());
    return rows;
  };
  EXPECT_EQ(strip(before.out), strip(again.out));
}

TEST(EntitiesCli, BadTypeIsAUsageError) {
  const auto r = run_masar("entities " + demo_db().arg() + " --type person");
  EXPECT_EQ(r.status, 2);
}
