// Partial person names folded into the full name they stand for, on rows written for the test:
// a family name alone (أردوغان), also through a spelling linked into its full name (زيلنسكي); a
// given name alone stays (مايك), as does one that begins several names (محمد), a given name
// without the article next to a family name with it (فيصل / خالد الفيصل) and a house (آل سعود).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "entities/folding.hpp"
#include "masar/entities/mentions.hpp"
#include "masar/store/store.hpp"
#include "store/sqlite_util.hpp"

namespace masar::entities {
namespace {

class Folding : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() / ("masar-folding-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    auto opened = store::Store::open(path_);
    ASSERT_TRUE(opened) << opened.error().message;
    store_.emplace(std::move(opened.value()));
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }

  void person(int id, const std::string& key) {
    exec("INSERT INTO entities(id, type, key, skeleton) VALUES(" + std::to_string(id) + ", 'PER', '" + key + "', '')");
  }
  // Entity `id` named in articles first..last (as `surface`).
  void named(int id, int first, int last, const std::string& surface) {
    for (int a = first; a <= last; ++a) {
      exec("INSERT INTO article_entities(article, entity, surface, mentions, first_offset) VALUES(" + std::to_string(a) +
           ", " + std::to_string(id) + ", '" + surface + "', 1, 0)");
    }
  }
  // A full name (entity 1) in articles 1..full_last and a short one (entity 2) in 5..14, each
  // keyed and written as given.
  void full_and_alone(const std::string& full, const std::string& alone, int full_last = 20) {
    person(1, text_key(full));
    person(2, text_key(alone));
    named(1, 1, full_last, full);
    named(2, 5, 14, alone);
  }
  bool exists(int id) {
    store::sql::Statement st(store_->handle(), "SELECT 1 FROM entities WHERE id = ?1");
    st.bind(1, static_cast<std::int64_t>(id));
    return st.step() == SQLITE_ROW;
  }
  std::size_t fold() {
    auto folded = fold_partial_names(store_->handle());
    EXPECT_TRUE(folded) << folded.error().message;
    return folded ? folded.value() : 0;
  }

 private:
  void exec(const std::string& sql) { ASSERT_TRUE(store::sql::exec(store_->handle(), sql.c_str())) << sql; }
  std::filesystem::path path_;
  std::optional<store::Store> store_;
};

TEST_F(Folding, AFamilyNameAloneFoldsIntoItsFullName) {
  person(1, "رجب طيب اردوغان");
  person(2, "اردوغان");
  named(1, 1, 10, "رجب طيب أردوغان");
  named(2, 5, 14, "أردوغان");
  EXPECT_EQ(fold(), 1u);
  EXPECT_FALSE(exists(2));
}

// A given name alone may be anyone who bears it: "مايك" is Pompeo here and Pence there.
TEST_F(Folding, AGivenNameAloneStays) {
  person(1, "مايك بومبيو");
  person(2, "مايك");
  named(1, 1, 20, "مايك بومبيو");
  named(2, 3, 6, "مايك");
  EXPECT_EQ(fold(), 0u);
  EXPECT_TRUE(exists(2));
}

// "ترمب" alone ends no entity's key, but it ends a spelling linked into one ("دونالد ترمب" in
// "دونالد ترامب").
TEST_F(Folding, AFamilyNameFoldsThroughALinkedSpelling) {
  // (A spelling the text core's variant table lists, ترمب, is the same key already.)
  person(1, text_key("فولوديمير زيلينسكي"));
  person(2, text_key("زيلنسكي"));
  named(1, 1, 10, "فولوديمير زيلينسكي");
  named(1, 11, 14, "فولوديمير زيلنسكي");
  named(2, 12, 18, "زيلنسكي");
  EXPECT_EQ(fold(), 1u);
  EXPECT_FALSE(exists(2));
}

TEST_F(Folding, AGivenNameOfManyStays) {
  person(1, "محمد صلاح");
  person(2, "محمد بن سلمان");
  person(3, "محمد");
  named(1, 1, 10, "محمد صلاح");
  named(2, 11, 20, "محمد بن سلمان");
  named(3, 21, 25, "محمد");
  EXPECT_EQ(fold(), 0u);
  EXPECT_TRUE(exists(3));
}

// Keys drop the article, names do not: "فيصل" alone is a given name, "الفيصل" the family name.
TEST_F(Folding, AGivenNameStaysOutOfAFamilyNameWithTheArticle) {
  full_and_alone("خالد الفيصل", "فيصل");
  EXPECT_EQ(fold(), 0u);
  EXPECT_TRUE(exists(2));
}

TEST_F(Folding, AFamilyNameWithTheArticleFolds) {
  full_and_alone("بشار الأسد", "الأسد");
  EXPECT_EQ(fold(), 1u);
  EXPECT_FALSE(exists(2));
}

// After آل comes the house: "سعود" alone is not King Salman.
TEST_F(Folding, AHouseNameIsNotThePerson) {
  full_and_alone("سلمان بن عبدالعزيز آل سعود", "سعود", 10);
  EXPECT_EQ(fold(), 0u);
  EXPECT_TRUE(exists(2));
}

}  // namespace
}  // namespace masar::entities
