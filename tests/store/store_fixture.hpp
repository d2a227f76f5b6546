// A fresh database file for each test of the store's internals (tests/store/), removed with
// its WAL files after the test.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>

#include "masar/store/store.hpp"
#include "store/sqlite_util.hpp"

namespace masar::store {

class StoreFixture : public ::testing::Test {
 protected:
  // `name` keeps the files of one suite apart from another's run in the same process.
  explicit StoreFixture(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / ("masar-" + name + "-" + std::to_string(::getpid()) + ".db")) {}

  void SetUp() override {
    std::filesystem::remove(path_);
    auto opened = Store::open(path_);
    ASSERT_TRUE(opened) << opened.error().message;
    store_.emplace(std::move(opened.value()));
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  sqlite3* db() { return store_->handle(); }
  void exec(const std::string& sql) { ASSERT_TRUE(sql::exec(db(), sql.c_str())) << sql; }

 private:
  std::filesystem::path path_;
  std::optional<Store> store_;
};

}  // namespace masar::store
