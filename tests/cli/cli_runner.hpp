// Runs build/masar as a child process for end-to-end tests: arguments, optional stdin,
// captured stdout, stderr and exit status.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace masar::testing {

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::filesystem::path temp_path(const std::string& name) {
  static int counter = 0;
  return std::filesystem::temp_directory_path() /
         ("masar-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + name);
}

// `args` is passed to /bin/sh after the binary path; quote paths with spaces yourself.
inline RunResult run_masar(const std::string& args, const std::string& stdin_data = "") {
  const auto in = temp_path("stdin"), out = temp_path("stdout"), err = temp_path("stderr");
  std::ofstream(in, std::ios::binary) << stdin_data;
  const std::string cmd = std::string("'") + MASAR_BINARY + "' " + args + " <'" + in.string() + "' >'" + out.string() +
                          "' 2>'" + err.string() + "'";
  const int raw = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  std::filesystem::remove(in);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return r;
}

// A database file removed (with its WAL and shared-memory files) at the end of the test.
class TempDb {
 public:
  TempDb() : path_(temp_path("test.db")) {}
  ~TempDb() {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
  }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;
  std::string arg() const { return "--db '" + path_.string() + "'"; }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::filesystem::path demo_corpus() { return std::filesystem::path(MASAR_SOURCE_DIR) / "examples/demo-corpus"; }

// The demo corpus ingested once per test process, for tests that only read it.
inline const TempDb& demo_db() {
  static const TempDb db;
  static const bool done = [] {
    const auto r = run_masar("ingest --quiet " + db.arg() + " '" + demo_corpus().string() + "'");
    EXPECT_EQ(r.status, 0) << r.err;
    return true;
  }();
  (void)done;
  return db;
}

}  // namespace masar::testing
