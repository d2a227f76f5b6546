// The recent window tracking restores before an ingest continues from saved events: the tracked
// articles a run over the whole archive in publication order would have counted on reaching the
// ingest's earliest article — not those published after it (an older article arriving late).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "../cli/cli_runner.hpp"
#include "cluster/recent_window.hpp"
#include "masar/cluster/features.hpp"
#include "masar/store/store.hpp"
#include "store/sqlite_util.hpp"

namespace masar::cluster {
namespace {

class RecentWindow : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::Store::open(db_.path());
    ASSERT_TRUE(opened) << opened.error().message;
    store_.emplace(std::move(opened.value()));
  }
  // A tracked article (a copy when `copy`), titled by its date.
  void tracked(int rowid, const std::string& date, bool copy = false) {
    exec("INSERT INTO articles(rowid, id, title, date, body) VALUES(" + std::to_string(rowid) + ", 'a" + std::to_string(rowid) +
         "', '" + date + "', '" + date + "', 'نص')");
    exec("INSERT INTO article_events(article, event, similarity, copy) VALUES(" + std::to_string(rowid) + ", 1, 1, " +
         (copy ? "1" : "0") + ")");
  }
  std::vector<std::string> window_titles(const std::string& earliest, double days) {
    auto got = recent_window_articles(store_->handle(), *days_since_epoch(earliest), days);
    EXPECT_TRUE(got) << got.error().message;
    std::vector<std::string> out;
    if (got) {
      for (const auto& a : got.value()) out.push_back(a.title);
    }
    return out;
  }

 private:
  void exec(const std::string& sql) { ASSERT_TRUE(store::sql::exec(store_->handle(), sql.c_str())) << sql; }
  masar::testing::TempDb db_;  // removed with its WAL after the store below has closed
  std::optional<store::Store> store_;
};

TEST_F(RecentWindow, HoldsTheDaysBeforeTheEarliestArticleOnly) {
  tracked(1, "2018-01-01");
  tracked(2, "2018-01-08");
  tracked(3, "2018-01-09");
  tracked(4, "2018-01-09", true);  // a copy counts through its original
  tracked(5, "2018-01-10");
  tracked(6, "2018-02-01");  // published after the late article: not yet seen at its time
  tracked(7, "2018-03-15");
  EXPECT_EQ(window_titles("2018-01-10", 3), (std::vector<std::string>{"2018-01-08", "2018-01-09", "2018-01-10"}));
  EXPECT_EQ(window_titles("2018-03-16", 3), (std::vector<std::string>{"2018-03-15"}));
}

}  // namespace
}  // namespace masar::cluster
