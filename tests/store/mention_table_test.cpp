// The folds' mentions in memory (entities/mention_totals.hpp) against the tables: after any
// sequence of folds, the totals the table gives are those read from article_entities after the
// same folds done in SQL, as the folds' Mover does them.
#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <string>
#include <vector>

#include "entities/folding.hpp"
#include "entities/mention_totals.hpp"
#include "masar/entities/mentions.hpp"
#include "store/sqlite_util.hpp"
#include "store_fixture.hpp"

namespace masar::entities {
namespace {

class MentionTableTest : public store::StoreFixture {
 protected:
  MentionTableTest() : StoreFixture("mention-table") {}

  void entity(int id, const std::string& type, const std::string& key) {
    store::sql::Statement st(db(), "INSERT INTO entities(id, type, key, skeleton) VALUES(?1, ?2, ?3, '')");
    st.bind(1, static_cast<std::int64_t>(id)).bind(2, std::string_view(type)).bind(3, std::string_view(key));
    ASSERT_EQ(st.step(), SQLITE_DONE);
  }
  void named(int article, int id, const std::string& surface, int mentions) {
    store::sql::Statement st(db(),
                             "INSERT INTO article_entities(article, entity, surface, mentions, first_offset) VALUES(?1, ?2, ?3, ?4, 0) "
                             "ON CONFLICT(article, entity, surface) DO UPDATE SET mentions = mentions + excluded.mentions");
    st.bind(1, static_cast<std::int64_t>(article)).bind(2, static_cast<std::int64_t>(id)).bind(3, std::string_view(surface))
        .bind(4, static_cast<std::int64_t>(mentions));
    ASSERT_EQ(st.step(), SQLITE_DONE);
  }
  // What the folds' Mover does to the tables.
  void fold_in_sql(int from, int into) {
    const std::string f = std::to_string(from), i = std::to_string(into);
    exec("INSERT INTO article_entities(article, entity, surface, mentions, first_offset) SELECT article, " + i +
         ", surface, mentions, first_offset FROM article_entities WHERE entity = " + f +
         " ON CONFLICT(article, entity, surface) DO UPDATE SET mentions = mentions + excluded.mentions");
    exec("DELETE FROM article_entities WHERE entity = " + f);
    exec("DELETE FROM entities WHERE id = " + f);
  }
  // The table's totals and entities are those read from the tables again.
  void expect_as_read(const MentionTable& table, const std::function<bool(std::int64_t)>& wanted) {
    auto read = mention_totals(db(), wanted, true);
    ASSERT_TRUE(read) << read.error().message;
    const MentionTotals held = table.totals(wanted, true);
    EXPECT_EQ(held.articles, read->articles);
    ASSERT_EQ(held.spellings.size(), read->spellings.size());
    for (std::size_t k = 0; k < held.spellings.size(); ++k) {
      EXPECT_EQ(held.spellings[k].entity, read->spellings[k].entity) << k;
      EXPECT_EQ(held.spellings[k].surface, read->spellings[k].surface) << k;
      EXPECT_EQ(held.spellings[k].articles, read->spellings[k].articles) << k;
      EXPECT_EQ(held.spellings[k].mentions, read->spellings[k].mentions) << k;
    }
    auto entities = stored_entities(db());
    ASSERT_TRUE(entities);
    ASSERT_EQ(table.entities().size(), entities->size());
    for (const auto& [id, e] : entities.value()) {
      ASSERT_TRUE(table.entities().count(id)) << id;
      EXPECT_EQ(table.entities().at(id).key, e.key);
      EXPECT_EQ(table.entities().at(id).type, e.type);
    }
  }
};

const auto kEvery = [](std::int64_t) { return true; };

// An article writing both names the same way keeps one row with the mentions of both, and
// counts once for the entity they become.
TEST_F(MentionTableTest, AFoldMergesTheRowsOfAnArticleThatWritesBothAlike) {
  entity(1, "PER", text_key("رجب طيب أردوغان"));
  entity(2, "PER", text_key("أردوغان"));
  named(1, 1, "رجب طيب أردوغان", 2);
  named(1, 2, "أردوغان", 3);
  named(2, 1, "أردوغان", 1);
  named(2, 2, "أردوغان", 4);
  auto table = MentionTable::load(db());
  ASSERT_TRUE(table) << table.error().message;
  table->fold(2, 1);
  const MentionTotals totals = table->totals(kEvery, true);
  EXPECT_EQ(totals.articles.size(), 1u);
  EXPECT_EQ(totals.articles.at(1), 2);
  ASSERT_EQ(totals.spellings.size(), 2u);
  EXPECT_EQ(totals.spellings[0].surface, "أردوغان");
  EXPECT_EQ(totals.spellings[0].articles, 2);
  EXPECT_EQ(totals.spellings[0].mentions, 8);  // 3 + 1 + 4
  EXPECT_FALSE(table->entities().count(2));
  fold_in_sql(2, 1);
  expect_as_read(table.value(), kEvery);
}

// The folds keep the table they are given in step with what they write.
TEST_F(MentionTableTest, TheFoldsKeepTheTableInStep) {
  entity(1, "PER", text_key("رجب طيب أردوغان"));
  entity(2, "PER", text_key("أردوغان"));
  entity(3, "LOC", text_key("أنقرة"));
  entity(4, "ORG", text_key("فيسبوك"));
  entity(5, "PER", text_key("فيسبوك"));
  entity(6, "ORG", text_key("فيس بوك"));
  for (int a = 1; a <= 30; ++a) {
    named(a, 1, "رجب طيب أردوغان", 1);
    named(a, 3, "أنقرة", 1);
    named(a, 4, "فيسبوك", 2);
  }
  for (int a = 5; a <= 14; ++a) named(a, 2, "أردوغان", 1);
  named(40, 5, "فيسبوك", 1);
  for (int a = 41; a <= 43; ++a) named(a, 6, "فيس بوك", 1);
  auto table = MentionTable::load(db());
  ASSERT_TRUE(table) << table.error().message;
  auto respelled = fold_spellings(db(), table.value());
  ASSERT_TRUE(respelled) << respelled.error().message;
  auto folded = fold_partial_names(db(), table.value());
  ASSERT_TRUE(folded) << folded.error().message;
  auto retyped = fold_type_slips(db(), table.value());
  ASSERT_TRUE(retyped) << retyped.error().message;
  EXPECT_EQ(respelled.value() + folded.value() + retyped.value(), 3u);  // فيس بوك, أردوغان, فيسبوك the person
  expect_as_read(table.value(), kEvery);
  expect_as_read(table.value(), [](std::int64_t id) { return id % 2 == 1; });
}

// Random mentions and random folds, chains included: the table and the tables agree.
TEST_F(MentionTableTest, RandomFoldsAgreeWithTheTables) {
  std::mt19937 random(7);
  const char* surfaces[] = {"أ", "ب ت", "ث", "ج ح خ", "د"};
  constexpr int kEntities = 12;
  for (int id = 1; id <= kEntities; ++id) entity(id, id % 3 == 0 ? "LOC" : "PER", "k" + std::to_string(id));
  for (int row = 0; row < 200; ++row) {
    named(static_cast<int>(random() % 25) + 1, static_cast<int>(random() % kEntities) + 1, surfaces[random() % 5],
          static_cast<int>(random() % 4) + 1);
  }
  auto table = MentionTable::load(db());
  ASSERT_TRUE(table) << table.error().message;
  std::vector<int> alive;
  for (int id = 1; id <= kEntities; ++id) alive.push_back(id);
  while (alive.size() > 2) {
    const std::size_t from = random() % alive.size();
    std::size_t into = random() % alive.size();
    if (into == from) into = (into + 1) % alive.size();
    table->fold(alive[from], alive[into]);
    fold_in_sql(alive[from], alive[into]);
    alive.erase(alive.begin() + static_cast<std::ptrdiff_t>(from));
    expect_as_read(table.value(), kEvery);
  }
}

}  // namespace
}  // namespace masar::entities
