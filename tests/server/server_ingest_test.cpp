// masar serve in-process: bulk ingest (per-line answers, escaping on search, one writer at a
// time), body limits and media types, the query budget, readers during a bulk ingest, metrics.
#include <atomic>
#include <thread>

#include "server_fixture.hpp"

namespace masar::testing {
namespace {

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
