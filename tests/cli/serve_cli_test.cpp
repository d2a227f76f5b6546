// `masar serve` as a process: flags, the ready line, answers, and a clean stop on SIGTERM.
#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "cli_runner.hpp"

extern char** environ;

namespace masar::testing {
namespace {

// Starts `masar serve ARGS` with stderr to a file; waits for "masar: serving http://HOST:PORT/".
class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> args) : err_(temp_path("serve-stderr")) {
    args.insert(args.begin(), {MASAR_BINARY, "serve"});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    EXPECT_EQ(posix_spawn(&pid_, MASAR_BINARY, &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    const std::regex ready("masar: serving http://127\\.0\\.0\\.1:([0-9]+)/");
    for (int i = 0; i < 300 && port_ == 0; ++i) {  // up to 30 s on a loaded machine
      std::smatch m;
      const std::string err = read_file(err_);
      if (std::regex_search(err, m, ready)) port_ = std::stoi(m[1]);
      else std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  ~ServeProcess() {
    if (pid_ > 0 && status_ < 0) stop();
    std::filesystem::remove(err_);
  }
  int port() const { return port_; }
  // SIGTERM, then the exit status.
  int stop() {
    kill(pid_, SIGTERM);
    int raw = 0;
    waitpid(pid_, &raw, 0);
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    return status_;
  }
  std::string err() const { return read_file(err_); }

 private:
  std::filesystem::path err_;
  pid_t pid_ = -1;
  int port_ = 0;
  int status_ = -1;
};

TEST(ServeCli, AnswersWithItsLimitsAndStopsOnSigterm) {
  const auto& db = demo_db();
  const auto web = temp_path("web");
  std::filesystem::create_directories(web);
  std::ofstream(web / "index.html") << "<!doctype html><title>page</title>";
  ServeProcess serve({"--db", db.path().string(), "--port", "0", "--max-per-page", "5", "--max-query-chars", "10",
                      "--threads", "2", "--timeout-ms", "5000", "--web-root", web.string(), "--quiet"});
  ASSERT_GT(serve.port(), 0) << serve.err();
  httplib::Client c("127.0.0.1", serve.port());
  auto res = c.Get("/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(nlohmann::json::parse(res->body)["status"], "ok");
  res = c.Get("/api/stories?per_page=6");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  res = c.Get("/api/stories?per_page=5");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  res = c.Get("/api/search?q=abcdefghijk");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  res = c.Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("<title>page</title>"), std::string::npos);
  EXPECT_EQ(serve.stop(), 0) << serve.err();
  EXPECT_EQ(serve.err().find("GET /health"), std::string::npos);  // --quiet: no access log
  std::filesystem::remove_all(web);
}

TEST(ServeCli, RefusesABadPortAndAnUnopenableDatabase) {
  auto r = run_masar("serve --db x.db --port 70000");
  EXPECT_EQ(r.status, 2);
  r = run_masar("serve --db /nonexistent-dir/x.db --port 0");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("masar serve:"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace masar::testing
