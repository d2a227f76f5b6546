// What the folds share (fold_support.hpp).
#include "entities/fold_support.hpp"

#include <cmath>
#include <unordered_map>

#include "entities/mention_totals.hpp"

namespace masar::entities {
namespace {

// What a set of articles is about: how many of them name each other entity.
using Profile = std::unordered_map<std::int64_t, double>;

double cosine(const Profile& a, const Profile& b) {
  double dot = 0, na = 0, nb = 0;
  for (const auto& [id, x] : a) {
    na += x * x;
    if (const auto it = b.find(id); it != b.end()) dot += x * it->second;
  }
  for (const auto& [id, y] : b) nb += y * y;
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0.0;
}

Profile profile(store::sql::Statement& named, const std::vector<std::int64_t>& articles, std::int64_t a, std::int64_t b) {
  Profile out;
  for (std::int64_t article : articles) {
    named.reset().bind(1, article);
    while (named.step() == SQLITE_ROW) {
      const std::int64_t e = named.int64(0);
      if (e != a && e != b) out[e] += 1;
    }
  }
  return out;
}

}  // namespace

ContextCheck::ContextCheck(sqlite3* db)
    : alone_(db, "SELECT article FROM article_entities WHERE entity = ?1 EXCEPT "
                 "SELECT article FROM article_entities WHERE entity = ?2 ORDER BY article DESC LIMIT ?3"),
      with_(db, "SELECT DISTINCT article FROM article_entities WHERE entity = ?1 ORDER BY article DESC LIMIT ?2"),
      named_(db, "SELECT DISTINCT entity FROM article_entities WHERE article = ?1") {}

std::optional<double> ContextCheck::agreement(std::int64_t one, std::int64_t other) {
  std::vector<std::int64_t> alone, with;
  alone_.reset().bind(1, one).bind(2, other).bind(3, static_cast<std::int64_t>(kSample));
  while (alone_.step() == SQLITE_ROW) alone.push_back(alone_.int64(0));
  if (alone.size() < kMinAlone) return std::nullopt;
  with_.reset().bind(1, other).bind(2, static_cast<std::int64_t>(kSample));
  while (with_.step() == SQLITE_ROW) with.push_back(with_.int64(0));
  return cosine(profile(named_, alone, one, other), profile(named_, with, one, other));
}

Mover::Mover(sqlite3* db, MentionTable& table)
    : db_(db),
      table_(&table),
      move_(db, "INSERT INTO article_entities(article, entity, surface, mentions, first_offset) "
                "SELECT article, ?2, surface, mentions, first_offset FROM article_entities WHERE entity = ?1 "
                "ON CONFLICT(article, entity, surface) DO UPDATE SET mentions = mentions + excluded.mentions"),
      drop_rows_(db, "DELETE FROM article_entities WHERE entity = ?1"),
      drop_(db, "DELETE FROM entities WHERE id = ?1"),
      redirect_(db, "INSERT OR REPLACE INTO entity_merges(old, into_entity) VALUES(?1, ?2)"),
      rechain_(db, "UPDATE entity_merges SET into_entity = ?2 WHERE into_entity = ?1") {}

Status Mover::fold(std::int64_t from, std::int64_t into) {
  move_.reset().bind(1, from).bind(2, into);
  drop_rows_.reset().bind(1, from);
  drop_.reset().bind(1, from);
  redirect_.reset().bind(1, from).bind(2, into);
  rechain_.reset().bind(1, from).bind(2, into);
  if (move_.step() != SQLITE_DONE || drop_rows_.step() != SQLITE_DONE || drop_.step() != SQLITE_DONE ||
      redirect_.step() != SQLITE_DONE || rechain_.step() != SQLITE_DONE) {
    return store::sql::db_error(db_, "folding names");
  }
  table_->fold(from, into);
  return Ok{};
}

Result<std::size_t> with_table(sqlite3* db, Result<std::size_t> (*fold)(sqlite3*, MentionTable&)) {
  auto table = MentionTable::load(db);
  if (!table) return table.error();
  return fold(db, table.value());
}

}  // namespace masar::entities
