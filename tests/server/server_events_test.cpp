// GET /api/events on the demo database: the JSON page with filters and paging, the JSON Lines
// and CSV exports, and bad parameters.
#include <gtest/gtest.h>

#include "server_fixture.hpp"

namespace masar::testing {
namespace {

TEST(ServerEvents, PageOfRecordsWithTotalAndPaging) {
  const json all = get_json("/api/events", {{"per_page", "5"}});
  ASSERT_GT(all["total"].get<int>(), 5);
  ASSERT_EQ(all["events"].size(), 5u);
  for (const auto& rec : all["events"]) {
    for (const char* f : {"id", "event", "mode", "date", "date_precision", "source", "target", "location", "series",
                          "articles", "copies", "outlets", "sentences"}) {
      EXPECT_TRUE(rec.contains(f)) << f;
    }
    EXPECT_FALSE(rec["articles"].empty());
    EXPECT_FALSE(rec["sentences"].empty());
  }
  const json second = get_json("/api/events", {{"per_page", "5"}, {"page", "2"}});
  EXPECT_EQ(second["total"], all["total"]);
  EXPECT_NE(second["events"][0]["id"], all["events"][0]["id"]);
}

TEST(ServerEvents, FiltersByTypeDateAndEntity) {
  const json consult = get_json("/api/events", {{"type", "CONSULT"}, {"from", "2023-06-01"}, {"to", "2023-06-30"}});
  ASSERT_FALSE(consult["events"].empty());
  bool round20 = false;
  for (const auto& rec : consult["events"]) {
    EXPECT_EQ(rec["event"], "CONSULT");
    EXPECT_GE(rec["date"].get<std::string>(), "2023-06-01");
    EXPECT_LE(rec["date"].get<std::string>(), "2023-06-30");
    round20 = round20 || (!rec["series"].is_null() && rec["series"]["ordinal"] == 20);
  }
  EXPECT_TRUE(round20);
  const json month = get_json("/api/events", {{"type", "CONSULT"}, {"from", "2023-06"}, {"to", "2023-06"}});
  EXPECT_EQ(month["total"], consult["total"]);  // a month is its first to its last day
  const json russia = get_json("/api/entities", {{"q", "روسيا"}, {"type", "LOC"}});
  ASSERT_FALSE(russia["entities"].empty());
  const auto id = russia["entities"][0]["id"].get<std::int64_t>();
  const json named = get_json("/api/events", {{"entity", std::to_string(id)}});
  ASSERT_FALSE(named["events"].empty());
  const json by_name = get_json("/api/events", {{"entity", "روسيا"}});
  EXPECT_EQ(by_name["total"], named["total"]);
}

// The rounds of one numbered series, however its name is written, in date order.
TEST(ServerEvents, FiltersBySeriesAndRound) {
  const json astana = get_json("/api/events", {{"series", "أستانة"}, {"type", "CONSULT"}, {"per_page", "100"}});
  ASSERT_GE(astana["total"].get<int>(), 20);
  std::string last_date;
  for (const auto& rec : astana["events"]) {
    EXPECT_EQ(rec["series"]["name"], "أستانا") << rec.dump();
    const std::string date = rec["date"];
    if (date.empty()) continue;
    EXPECT_LE(last_date, date);
    last_date = date;
  }
  const json renamed = get_json("/api/events", {{"series", "نور سلطان"}, {"type", "CONSULT"}});
  EXPECT_EQ(renamed["total"], astana["total"]);
  const json round18 = get_json("/api/events", {{"series", "أستانا"}, {"round", "18"}, {"type", "CONSULT"}});
  ASSERT_EQ(round18["total"], 1);
  EXPECT_EQ(round18["events"][0]["series"]["ordinal"], 18);
  expect_error(get_json("/api/events", {{"round", "18"}}, 400), "bad_request");
  expect_error(get_json("/api/events", {{"series", "أستانا"}, {"round", "x"}}, 400), "bad_request");
}

TEST(ServerEvents, ExportsEveryMatchAsJsonLinesAndCsv) {
  const auto& s = shared_server();
  auto c = s.client();
  const json page = get_json("/api/events", {{"type", "CONSULT"}});
  auto lines = c.Get("/api/events?type=CONSULT&format=jsonl");
  ASSERT_TRUE(lines);
  EXPECT_EQ(lines->status, 200);
  EXPECT_NE(lines->get_header_value("Content-Type").find("application/x-ndjson"), std::string::npos);
  const auto records = lines_of(lines->body);
  EXPECT_EQ(static_cast<std::int64_t>(records.size()), page["total"].get<std::int64_t>());
  for (const auto& l : records) EXPECT_EQ(json::parse(l)["event"], "CONSULT");
  auto csv = c.Get("/api/events?type=CONSULT&format=csv");
  ASSERT_TRUE(csv);
  EXPECT_NE(csv->get_header_value("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_EQ(csv->body.rfind("id,date,date_precision,event,mode,source", 0), 0u);
  // One header line, then one line per record (fields with commas or quotes are quoted).
  std::size_t rows = 0;
  for (std::size_t at = 0; (at = csv->body.find("\r\n", at)) != std::string::npos; at += 2) ++rows;
  EXPECT_EQ(static_cast<std::int64_t>(rows), page["total"].get<std::int64_t>() + 1);
}

TEST(ServerEvents, BadParametersAreClearErrors) {
  expect_error(get_json("/api/events", {{"type", "MEET"}}, 400), "bad_request");
  expect_error(get_json("/api/events", {{"format", "xml"}}, 400), "bad_request");
  expect_error(get_json("/api/events", {{"from", "yesterday"}}, 400), "bad_request");
  expect_error(get_json("/api/events", {{"from", "2018-13-45"}}, 400), "bad_request");
  expect_error(get_json("/api/stories", {{"to", "2018-02-30"}}, 400), "bad_request");
  expect_error(get_json("/api/events", {{"entity", "لا أحد بهذا الاسم"}}, 404), "not_found");
}

}  // namespace
}  // namespace masar::testing
