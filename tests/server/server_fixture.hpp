// masar serve in-process for the server tests: a server on its own copy of the demo database
// on a free port, and small helpers to call it with httplib's client.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "../cli/cli_runner.hpp"
#include "masar/server/server.hpp"

namespace masar::testing {

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
inline const RunningServer& shared_server() {
  static const RunningServer server;
  return server;
}

inline json get_json(const httplib::Client& c_in, const std::string& path, const httplib::Params& params,
                     int status = 200) {
  auto& c = const_cast<httplib::Client&>(c_in);
  auto res = c.Get(path, params, httplib::Headers{});
  EXPECT_TRUE(res) << path;
  if (!res) return json();
  EXPECT_EQ(res->status, status) << path << ": " << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << path;
  return json::parse(res->body, nullptr, false);
}

inline json get_json(const std::string& path, const httplib::Params& params = {}, int status = 200) {
  const auto c = shared_server().client();
  return get_json(c, path, params, status);
}

inline void expect_error(const json& body, const std::string& code) {
  ASSERT_TRUE(body.is_object()) << body;
  ASSERT_TRUE(body.contains("error")) << body;
  EXPECT_EQ(body["error"]["code"], code) << body;
  EXPECT_TRUE(body["error"]["message"].is_string());
  EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
}

inline std::int64_t sum_of(const json& counts) {
  std::int64_t n = 0;
  for (const auto& c : counts) n += c["count"].get<std::int64_t>();
  return n;
}

inline std::vector<std::string> lines_of(const std::string& body) {
  std::vector<std::string> out;
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

inline std::string article_line(const std::string& id, const std::string& title, const std::string& text) {
  return json{{"id", id}, {"title", title}, {"text", text}, {"date", "2024-03-05"}, {"source", "test-wire"}}.dump();
}

}  // namespace masar::testing
