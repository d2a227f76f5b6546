// masar serve in-process on a copy of the demo database, called over HTTP with httplib's
// client: the read endpoints' shapes, errors, static files and escaping of marked text.
#include <algorithm>
#include <fstream>

#include "masar/entities/pipeline.hpp"
#include "masar/text/analyzer.hpp"
#include "server/views.hpp"
#include "server_fixture.hpp"

namespace masar::testing {
namespace {

TEST(Server, HealthAndSecurityHeaders) {
  auto c = shared_server().client();
  auto res = c.Get("/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const json j = json::parse(res->body);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_GT(j["articles"].get<int>(), 30);
  EXPECT_EQ(j["schema_version"], store::kSchemaVersion);
  // What made the derived data, against what this masar makes: the demo database is current.
  EXPECT_EQ(j["versions"]["analyzer"], text::kAnalyzerVersion);
  EXPECT_EQ(j["versions"]["index"], text::kAnalyzerVersion);
  EXPECT_EQ(j["versions"]["tracking"], text::kAnalyzerVersion);
  EXPECT_EQ(j["versions"]["entity_rules"], entities::kEntityRulesVersion);
  EXPECT_EQ(j["versions"]["entities"], entities::kEntityRulesVersion);
  EXPECT_EQ(j["stale"], json::array());
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST(Server, SearchShapeHighlightsAndFacets) {
  const json j = get_json("/api/search", {{"q", "أستانا"}});
  EXPECT_EQ(j["query"], "أستانا");
  EXPECT_TRUE(j["took_ms"].is_number());
  EXPECT_EQ(j["page"], 1);
  EXPECT_EQ(j["per_page"], 20);
  ASSERT_FALSE(j["hits"].empty());
  EXPECT_GE(j["total"].get<std::size_t>(), j["hits"].size());
  bool marked = false;
  for (const auto& h : j["hits"]) {
    for (const char* field : {"id", "title", "date", "source", "snippet"}) EXPECT_TRUE(h[field].is_string()) << field;
    EXPECT_TRUE(h["score"].is_number());
    EXPECT_TRUE(h["duplicates"].is_array());
    const std::string date = h["date"];
    EXPECT_TRUE(date.empty() || date.size() == 10) << date;
    marked = marked || h["snippet"].get<std::string>().find("<mark>") != std::string::npos ||
             h["title"].get<std::string>().find("<mark>") != std::string::npos;
  }
  EXPECT_TRUE(marked);
  // Facets count every match, not the page.
  EXPECT_EQ(sum_of(j["facets"]["source"]), j["total"].get<std::int64_t>());
  EXPECT_EQ(sum_of(j["facets"]["month"]), j["total"].get<std::int64_t>());
  const auto& months = j["facets"]["month"];
  for (std::size_t i = 1; i < months.size(); ++i) {
    if (!months[i]["value"].get<std::string>().empty()) {
      EXPECT_LT(months[i - 1]["value"], months[i]["value"]);
    }
  }
}

TEST(Server, SearchFiltersNarrowTheFacets) {
  const json all = get_json("/api/search", {{"q", "أستانا"}});
  const json later = get_json("/api/search", {{"q", "أستانا"}, {"from", "2023-01-01"}});
  EXPECT_LT(later["total"].get<int>(), all["total"].get<int>());
  for (const auto& m : later["facets"]["month"]) EXPECT_GE(m["value"].get<std::string>(), "2023-01");
  ASSERT_FALSE(all["facets"]["source"].empty());
  const std::string source = all["facets"]["source"][0]["value"];
  const json one = get_json("/api/search", {{"q", "أستانا"}, {"source", source}});
  EXPECT_EQ(one["total"], all["facets"]["source"][0]["count"]);
  for (const auto& h : one["hits"]) EXPECT_EQ(h["source"], source);
}

TEST(Server, SearchPagesNeitherRepeatNorSkip) {
  const json all = get_json("/api/search", {{"q", "محادثات أستانا"}, {"per_page", "100"}});
  const auto total = all["total"].get<std::size_t>();
  ASSERT_GT(total, 6u);
  EXPECT_EQ(all["hits"].size(), std::min<std::size_t>(total, 100));
  std::vector<std::string> paged;
  for (int page = 1; page <= 3; ++page) {
    const json j = get_json("/api/search", {{"q", "محادثات أستانا"}, {"per_page", "3"}, {"page", std::to_string(page)}});
    EXPECT_EQ(j["total"].get<std::size_t>(), total);
    for (const auto& h : j["hits"]) paged.push_back(h["id"]);
  }
  ASSERT_EQ(paged.size(), 9u);
  for (std::size_t i = 0; i < paged.size(); ++i) EXPECT_EQ(paged[i], all["hits"][i]["id"]) << i;
}

TEST(Server, SearchRejectsBadParameters) {
  expect_error(get_json("/api/search", {{"q", "أستانا"}, {"page", "0"}}, 400), "bad_request");
  expect_error(get_json("/api/search", {{"q", "أستانا"}, {"page", "x"}}, 400), "bad_request");
  expect_error(get_json("/api/search", {{"q", "أستانا"}, {"per_page", "101"}}, 400), "bad_request");
  expect_error(get_json("/api/search", {{"q", std::string(513, 'a')}}, 400), "bad_request");
  expect_error(get_json("/api/search", {{"q", "أستانا"}, {"from", "May 2018"}}, 400), "bad_request");
  // 512 characters of Arabic (1024 bytes) are within the limit: characters, not bytes.
  std::string arabic;
  for (int i = 0; i < 512; ++i) arabic += "ب";
  get_json("/api/search", {{"q", arabic}}, 200);
}

TEST(Server, ArticleWithDuplicatesEventStoryAndEntities) {
  // Three copies of one report (docs: examples/demo-corpus/README.md); the first stored is
  // the representative of the others.
  const json copy = get_json("/api/articles/astana-20-madar");
  ASSERT_TRUE(copy["duplicate_of"].is_object()) << copy;
  EXPECT_EQ(copy["duplicate_of"]["kind"], "exact");
  EXPECT_DOUBLE_EQ(copy["duplicate_of"]["similarity"].get<double>(), 1.0);
  const std::string original = copy["duplicate_of"]["id"];
  const json j = get_json("/api/articles/" + original);
  EXPECT_EQ(j["id"], original);
  EXPECT_FALSE(j["title"].get<std::string>().empty());
  EXPECT_EQ(j["date"], "2023-06-21");
  EXPECT_TRUE(j["source"].is_string());
  EXPECT_TRUE(j["url"].is_string());
  ASSERT_FALSE(j["paragraphs"].empty());
  EXPECT_TRUE(j["paragraphs"][0].is_string());
  EXPECT_TRUE(j["removed"].is_array());
  EXPECT_TRUE(j["duplicate_of"].is_null());
  auto copies = j["duplicates"].get<std::vector<std::string>>();
  copies.push_back(original);
  std::sort(copies.begin(), copies.end());
  EXPECT_EQ(copies, (std::vector<std::string>{"astana-20-madar", "astana-20-sharq", "rafid-20230621-astana20"}));
  EXPECT_TRUE(j["event"].is_number_integer());
  EXPECT_TRUE(j["story"].is_number_integer());
  ASSERT_FALSE(j["entities"].empty());
  for (const auto& e : j["entities"]) {
    EXPECT_TRUE(e["id"].is_number_integer());
    EXPECT_FALSE(e["name"].get<std::string>().empty());
    EXPECT_TRUE(e["type"] == "PER" || e["type"] == "LOC" || e["type"] == "ORG" || e["type"] == "MISC");
    EXPECT_GE(e["mentions"].get<int>(), 1);
  }
  // A copy shares the event, story and entities of its original.
  EXPECT_EQ(copy["event"], j["event"]);
  EXPECT_EQ(copy["story"], j["story"]);
  EXPECT_EQ(copy["entities"], j["entities"]);
  EXPECT_TRUE(copy["duplicates"].empty());
}

TEST(Server, UnknownThingsAre404) {
  expect_error(get_json("/api/articles/no-such-article", {}, 404), "not_found");
  expect_error(get_json("/api/stories/999999", {}, 404), "not_found");
  expect_error(get_json("/api/entities/999999", {}, 404), "not_found");
  expect_error(get_json("/api/nothing", {}, 404), "not_found");
  expect_error(get_json("/api/stories/abc", {}, 400), "bad_request");
}

TEST(Server, WrongMethodIs405) {
  auto c = shared_server().client();
  auto res = c.Delete("/api/search");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(res->get_header_value("Allow"), "GET");
  expect_error(json::parse(res->body), "method_not_allowed");
  res = c.Post("/api/stories", "{}", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  expect_error(json::parse(res->body), "method_not_allowed");
  res = c.Get("/api/articles");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(res->get_header_value("Allow"), "POST");
}

TEST(Server, StoriesAndTimeline) {
  const json j = get_json("/api/stories", {{"per_page", "5"}});
  EXPECT_EQ(j["page"], 1);
  EXPECT_EQ(j["per_page"], 5);
  ASSERT_FALSE(j["stories"].empty());
  EXPECT_LE(j["stories"].size(), 5u);
  for (const auto& s : j["stories"]) {
    for (const char* f : {"label", "first_date", "last_date"}) EXPECT_TRUE(s[f].is_string()) << f;
    for (const char* f : {"id", "events", "articles"}) EXPECT_TRUE(s[f].is_number_integer()) << f;
    EXPECT_TRUE(s["sources"].is_array());
  }
  const json second = get_json("/api/stories", {{"per_page", "5"}, {"page", "2"}});
  for (const auto& s : second["stories"]) {
    for (const auto& f : j["stories"]) EXPECT_NE(s["id"], f["id"]);
  }
  const json filtered = get_json("/api/stories", {{"q", "أستانا"}});
  ASSERT_FALSE(filtered["stories"].empty());

  const auto id = j["stories"][0]["id"].get<std::int64_t>();
  const json story = get_json("/api/stories/" + std::to_string(id));
  EXPECT_EQ(story["id"], id);
  EXPECT_EQ(story["label"], j["stories"][0]["label"]);
  ASSERT_EQ(story["timeline"].size(), story["events"].get<std::size_t>());
  std::string last;
  for (const auto& e : story["timeline"]) {
    for (const char* f : {"id", "articles", "copies"}) EXPECT_TRUE(e[f].is_number_integer()) << f;
    EXPECT_FALSE(e["article_ids"].empty());
    EXPECT_TRUE(e["sources"].is_array());
    const std::string first = e["first_date"];
    if (!first.empty()) {
      EXPECT_GE(first, last);
      last = first;
    }
  }
}

TEST(Server, EntitiesAndOneEntity) {
  const json j = get_json("/api/entities", {{"type", "PER"}, {"per_page", "10"}});
  ASSERT_FALSE(j["entities"].empty());
  for (const auto& e : j["entities"]) {
    EXPECT_EQ(e["type"], "PER");
    EXPECT_FALSE(e["aliases"].empty());
    EXPECT_TRUE(e["aliases"][0]["text"].is_string());
    EXPECT_TRUE(e["aliases"][0]["mentions"].is_number_integer());
    EXPECT_GE(e["articles"].get<int>(), 1);
  }
  expect_error(get_json("/api/entities", {{"type", "PERSON"}}, 400), "bad_request");
  const json places = get_json("/api/entities", {{"q", "أستانا"}});
  ASSERT_FALSE(places["entities"].empty());

  const json top = get_json("/api/entities", {{"per_page", "1"}});
  const auto id = top["entities"][0]["id"].get<std::int64_t>();
  const json e = get_json("/api/entities/" + std::to_string(id));
  EXPECT_EQ(e["id"], id);
  EXPECT_EQ(e["name"], top["entities"][0]["name"]);
  EXPECT_EQ(e["articles_list"].size(), e["articles"].get<std::size_t>());
  std::string previous = "9999";
  for (const auto& a : e["articles_list"]) {
    for (const char* f : {"id", "title", "date", "source"}) EXPECT_TRUE(a[f].is_string()) << f;
    EXPECT_LE(a["date"].get<std::string>(), previous);  // newest first
    previous = a["date"];
  }
  ASSERT_FALSE(e["cooccurring"].empty());
  EXPECT_LE(e["cooccurring"].size(), 20u);
  for (const auto& o : e["cooccurring"]) {
    EXPECT_NE(o["id"], id);
    EXPECT_GE(o["articles"].get<int>(), 1);
    EXPECT_LE(o["articles"].get<int>(), e["articles"].get<int>());
  }
  // The event records naming it (the most mentioned entity of the demo corpus takes part in some).
  ASSERT_TRUE(e["events"].is_array());
  EXPECT_FALSE(e["events"].empty());
  for (const auto& rec : e["events"]) {
    bool named = false;
    for (const char* role : {"source", "target"}) {
      for (const auto& a : rec[role]) named = named || a["entity"] == id;
    }
    if (!rec["location"].is_null()) named = named || rec["location"]["entity"] == id;
    EXPECT_TRUE(named) << rec.dump();
  }
}

TEST(Server, WebRootWithoutPageAnswers404NamingIt) {
  const auto& s = shared_server();
  auto c = s.client();
  auto res = c.Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  const json j = json::parse(res->body);
  expect_error(j, "not_found");
  EXPECT_NE(j["error"]["message"].get<std::string>().find(s.web_root().string()), std::string::npos);
}

TEST(Server, ServesTheWebPageWithContentTypes) {
  const auto root = temp_path("page");
  std::filesystem::create_directories(root / "assets");
  std::ofstream(root / "index.html") << "<!doctype html><title>masar</title>";
  std::ofstream(root / "assets" / "app.js") << "console.log(1);";
  std::ofstream(root / "assets" / "app.css") << "body{}";
  std::ofstream(root.string() + "-secret.txt") << "TOP-SECRET-CONTENT";
  {
    RunningServer s({}, root);
    auto c = s.client();
    auto res = c.Get("/");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(res->body.find("<title>masar</title>"), std::string::npos);
    EXPECT_FALSE(res->get_header_value("Content-Security-Policy").empty());
    res = c.Get("/assets/app.js");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    res = c.Get("/assets/app.css");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/css; charset=utf-8");
    const std::string secret = root.filename().string() + "-secret.txt";
    for (const std::string& bad : {std::string("/missing.js"), std::string("/../"), "/../" + secret,
                                   "/assets/../../" + secret, "/%2e%2e/" + secret, "/assets/%2e%2e/%2e%2e/" + secret}) {
      res = c.Get(bad);
      ASSERT_TRUE(res) << bad;
      EXPECT_NE(res->status, 200) << bad;
      EXPECT_EQ(res->body.find("TOP-SECRET-CONTENT"), std::string::npos) << bad;
    }
  }
  std::filesystem::remove_all(root);
  std::filesystem::remove(root.string() + "-secret.txt");
}

TEST(Server, MarkedTextIsEscapedBetweenTheMarks) {
  const std::string open(server::kMarkOpen), close(server::kMarkClose);
  EXPECT_EQ(server::marked_html("a <script>&" + open + "b<i>" + close + " \"c'"),
            "a &lt;script&gt;&amp;<mark>b&lt;i&gt;</mark> &quot;c&#39;");
  EXPECT_EQ(server::marked_html(open + "x"), "<mark>x</mark>");  // unclosed: closed
  EXPECT_EQ(server::marked_html(close + "x" + open + open + "y" + close + close), "x<mark>y</mark>");  // stray: dropped
  EXPECT_EQ(server::marked_html("<mark>"), "&lt;mark&gt;");
}

}  // namespace
}  // namespace masar::testing
