// masar serve in-process on a copy of the demo database, called over HTTP with httplib's
// client: every endpoint's shape, every error, escaping, limits, concurrency and metrics.
#include "masar/server/server.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "../cli/cli_runner.hpp"
#include "server/views.hpp"

namespace masar::testing {
namespace {

using nlohmann::json;

// A server on its own copy of the demo database (tests that ingest change it), on a free port,
// answering from a thread until the end of the test.
class RunningServer {
 public:
  explicit RunningServer(server::ServerLimits limits = {}, std::filesystem::path web_root = {}) {
    for (const char* suffix : {"", "-wal"}) {
      const std::filesystem::path from = demo_db().path().string() + suffix;
      if (std::filesystem::exists(from)) std::filesystem::copy_file(from, db_.path().string() + suffix);
    }
    if (web_root.empty()) {  // a folder with no page in it
      web_root_ = temp_path("web");
      std::filesystem::create_directories(web_root_);
      web_root = web_root_;
    }
    server::ServerOptions options;
    options.port = 0;
    options.db = db_.path();
    options.web_root = web_root;
    options.limits = limits;
    options.quiet = true;
    auto created = server::Server::create(options);
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    if (!created) return;
    server_ = std::move(created.value());
    thread_ = std::thread([this] { (void)server_->run(); });
  }
  ~RunningServer() {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
    if (!web_root_.empty()) std::filesystem::remove_all(web_root_);
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", server_ ? server_->port() : 1);
    c.set_read_timeout(std::chrono::seconds(60));
    return c;
  }
  const std::filesystem::path& web_root() const { return web_root_; }

 private:
  TempDb db_;
  std::filesystem::path web_root_;
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
};

// One server for the tests that only read.
const RunningServer& shared_server() {
  static const RunningServer server;
  return server;
}

json get_json(const httplib::Client& c_in, const std::string& path, const httplib::Params& params, int status = 200) {
  auto& c = const_cast<httplib::Client&>(c_in);
  auto res = c.Get(path, params, httplib::Headers{});
  EXPECT_TRUE(res) << path;
  if (!res) return json();
  EXPECT_EQ(res->status, status) << path << ": " << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << path;
  return json::parse(res->body, nullptr, false);
}

json get_json(const std::string& path, const httplib::Params& params = {}, int status = 200) {
  const auto c = shared_server().client();
  return get_json(c, path, params, status);
}

void expect_error(const json& body, const std::string& code) {
  ASSERT_TRUE(body.is_object()) << body;
  ASSERT_TRUE(body.contains("error")) << body;
  EXPECT_EQ(body["error"]["code"], code) << body;
  EXPECT_TRUE(body["error"]["message"].is_string());
  EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
}

std::int64_t sum_of(const json& counts) {
  std::int64_t n = 0;
  for (const auto& c : counts) n += c["count"].get<std::int64_t>();
  return n;
}

std::vector<std::string> lines_of(const std::string& body) {
  std::vector<std::string> out;
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string article_line(const std::string& id, const std::string& title, const std::string& text) {
  return json{{"id", id}, {"title", title}, {"text", text}, {"date", "2024-03-05"}, {"source", "test-wire"}}.dump();
}

TEST(Server, HealthAndSecurityHeaders) {
  auto c = shared_server().client();
  auto res = c.Get("/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const json j = json::parse(res->body);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_GT(j["articles"].get<int>(), 30);
  EXPECT_EQ(j["schema_version"], 4);
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
  EXPECT_FALSE(e.contains("events"));  // added with the event records
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

TEST(Server, BulkIngestAnswersEveryLineAndEscapesOnSearch) {
  RunningServer s;
  auto c = s.client();
  const std::string body = article_line("evil-1", "<script>alert(1)</script> زرافة & شركاه",
                                        "كتب أحدهم <script>alert('x')</script> عن زرافة & فيل في حديقة الحيوان.\n"
                                        "وقال الحارس إن الزرافة بخير.") +
                           "\n{not json\n" + "\n" +
                           json{{"title", "no id"}, {"text", "نص"}}.dump() + "\n" +
                           article_line("giraffe-2", "زرافة جديدة في الحديقة", "وصلت زرافة جديدة إلى حديقة الحيوان اليوم.") +
                           "\n";
  auto res = c.Post("/api/articles", body, "application/x-ndjson");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/x-ndjson");
  const auto lines = lines_of(res->body);
  ASSERT_EQ(lines.size(), 4u) << res->body;  // the blank line 3 is skipped
  const json first = json::parse(lines[0]), bad = json::parse(lines[1]), no_id = json::parse(lines[2]),
             last = json::parse(lines[3]);
  EXPECT_EQ(first["line"], 1);
  EXPECT_EQ(first["id"], "evil-1");
  EXPECT_EQ(first["result"], "inserted");
  EXPECT_FALSE(first.contains("error"));
  EXPECT_EQ(bad["line"], 2);
  EXPECT_EQ(bad["result"], "error");
  EXPECT_EQ(bad["error"]["code"], "bad_request");
  EXPECT_EQ(no_id["line"], 4);
  EXPECT_EQ(no_id["result"], "error");
  EXPECT_EQ(last["line"], 5);
  EXPECT_EQ(last["result"], "inserted");

  // Again: unchanged.
  res = c.Post("/api/articles", article_line("giraffe-2", "زرافة جديدة في الحديقة", "وصلت زرافة جديدة إلى حديقة الحيوان اليوم."),
               "application/x-ndjson");
  ASSERT_TRUE(res);
  EXPECT_EQ(json::parse(lines_of(res->body).at(0))["result"], "unchanged");

  const json found = get_json(c, "/api/search", {{"q", "زرافة"}});
  ASSERT_EQ(found["total"], 2);
  bool saw_evil = false;
  for (const auto& h : found["hits"]) {
    const std::string title = h["title"], snippet = h["snippet"];
    for (const std::string& t : {title, snippet}) {
      EXPECT_EQ(t.find("<script"), std::string::npos) << t;
      std::string without_marks = t;
      for (const std::string tag : {"<mark>", "</mark>"}) {
        for (auto at = without_marks.find(tag); at != std::string::npos; at = without_marks.find(tag)) without_marks.erase(at, tag.size());
      }
      EXPECT_EQ(without_marks.find('<'), std::string::npos) << t;
      EXPECT_EQ(without_marks.find('>'), std::string::npos) << t;
    }
    if (h["id"] == "evil-1") {
      saw_evil = true;
      EXPECT_NE(title.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << title;
      EXPECT_NE(title.find("<mark>زرافة</mark> &amp; شركاه"), std::string::npos) << title;
      EXPECT_NE(snippet.find("&lt;script&gt;"), std::string::npos) << snippet;
      EXPECT_NE(snippet.find("&amp;"), std::string::npos) << snippet;
    }
  }
  EXPECT_TRUE(saw_evil);
  // The article view is plain text (the page escapes it).
  const json article = get_json(c, "/api/articles/evil-1", {});
  EXPECT_EQ(article["title"], "<script>alert(1)</script> زرافة & شركاه");
  // Tracked into an event and a story like `masar ingest` does.
  EXPECT_TRUE(article["event"].is_number_integer());
  EXPECT_TRUE(article["story"].is_number_integer());
}

TEST(Server, BodyLimitsAndMediaType) {
  server::ServerLimits limits;
  limits.max_body_bytes = 1024;
  RunningServer s(limits);
  auto c = s.client();
  auto res = c.Post("/api/articles", article_line("big", "عنوان", std::string(4000, 'x')), "application/x-ndjson");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  expect_error(json::parse(res->body), "payload_too_large");
  EXPECT_FALSE(res->get_header_value("Content-Security-Policy").empty());
  res = c.Post("/api/articles", "id,title\n1,x\n", "text/csv");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 415);
  expect_error(json::parse(res->body), "unsupported_media_type");
  res = c.Post("/api/articles", article_line("small", "عنوان قصير", "نص قصير عن زرافة."), "application/x-ndjson");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
}

TEST(Server, QueriesPastTheBudgetAre503) {
  server::ServerLimits limits;
  limits.query_budget = std::chrono::milliseconds(0);
  RunningServer s(limits);
  auto c = s.client();
  // Listing entities aggregates every mention: thousands of SQLite steps, past a zero budget.
  expect_error(get_json(c, "/api/entities", {}, 503), "timeout");
}

TEST(Server, ReadersGoOnWhileABulkIngestRuns) {
  RunningServer s;
  std::string batch;
  for (int i = 0; i < 60; ++i) {
    batch += article_line("bulk-" + std::to_string(i), "خبر رقم " + std::to_string(i) + " عن محادثات أستانا",
                          "نص الخبر رقم " + std::to_string(i) + " عن جولة جديدة من محادثات أستانا في العاصمة.") + "\n";
  }
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, searches{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      auto c = s.client();
      while (!done) {
        auto res = c.Get("/api/search", httplib::Params{{"q", "محادثات أستانا"}}, httplib::Headers{});
        if (!res || res->status != 200) ++failures;
        ++searches;
        auto health = c.Get("/health");
        if (!health || health->status != 200) ++failures;
      }
    });
  }
  auto c = s.client();
  auto res = c.Post("/api/articles", batch, "application/x-ndjson");
  done = true;
  for (auto& t : readers) t.join();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(lines_of(res->body).size(), 60u);
  EXPECT_EQ(res->body.find("\"error\""), std::string::npos) << res->body;
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(searches.load(), 0);
  const json health = get_json(c, "/health", {});
  EXPECT_EQ(health["articles"].get<int>(), get_json("/health")["articles"].get<int>() + 60);
  auto metrics = c.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("\nmasar_ingested_total 60\n"), std::string::npos) << metrics->body;
  EXPECT_NE(metrics->body.find("\nmasar_articles " + std::to_string(health["articles"].get<int>()) + "\n"), std::string::npos);
}

TEST(Server, OneBulkIngestAtATime) {
  RunningServer s;
  std::string batch;
  for (int i = 0; i < 300; ++i) {
    batch += article_line("many-" + std::to_string(i), "خبر رقم " + std::to_string(i),
                          "نص طويل بعض الشيء عن الخبر رقم " + std::to_string(i) + " في مدينة حلب.") + "\n";
  }
  // Small posts in a loop while the big one runs: some of them (or the big one) meet a busy
  // writer; every answer is either done or "come back".
  std::atomic<bool> done{false};
  std::atomic<int> busy{0}, other{0};
  std::thread small([&] {
    auto c = s.client();
    while (!done) {
      auto res = c.Post("/api/articles", "", "application/x-ndjson");
      if (res && res->status == 429) {
        ++busy;
        EXPECT_EQ(res->get_header_value("Retry-After"), "1");
        expect_error(json::parse(res->body), "too_many_requests");
      } else if (!res || res->status != 200) {
        ++other;
      }
    }
  });
  auto c = s.client();
  int status = 0;
  std::string body;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto res = c.Post("/api/articles", batch, "application/x-ndjson");
    status = res ? res->status : -1;
    body = res ? res->body : "";
    if (status != 429) break;
    ++busy;
  }
  done = true;
  small.join();
  EXPECT_EQ(status, 200);
  EXPECT_EQ(lines_of(body).size(), 300u);
  EXPECT_GT(busy.load(), 0);
  EXPECT_EQ(other.load(), 0);
}

TEST(Server, MetricsCountRequests) {
  RunningServer s;
  auto c = s.client();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(c.Get("/health"));
  ASSERT_TRUE(c.Get("/api/stories/999999"));
  ASSERT_TRUE(c.Get("/api/articles/rafid-20230621-astana20"));
  auto res = c.Get("/metrics");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0), 0u);
  const std::string& m = res->body;
  EXPECT_NE(m.find("masar_http_requests_total{path=\"/health\",status=\"200\"} 3\n"), std::string::npos) << m;
  EXPECT_NE(m.find("masar_http_requests_total{path=\"/api/stories/{id}\",status=\"404\"} 1\n"), std::string::npos) << m;
  EXPECT_NE(m.find("masar_http_requests_total{path=\"/api/articles/{id}\",status=\"200\"} 1\n"), std::string::npos) << m;
  EXPECT_NE(m.find("masar_http_request_duration_seconds_bucket{path=\"/health\",le=\"+Inf\"} 3\n"), std::string::npos) << m;
  EXPECT_NE(m.find("masar_http_request_duration_seconds_count{path=\"/health\"} 3\n"), std::string::npos) << m;
  EXPECT_NE(m.find("# TYPE masar_http_request_duration_seconds histogram"), std::string::npos);
  EXPECT_NE(m.find("\nmasar_articles "), std::string::npos);
  EXPECT_NE(m.find("\nmasar_ingested_total 0\n"), std::string::npos);
}

}  // namespace
}  // namespace masar::testing
