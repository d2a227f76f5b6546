// The stored mentions (article_entities) and entities as the folds see them (internal to
// entities/): read once in one pass over the table in its own order, then kept in memory and
// moved with each fold, so that every fold and every round of folds reads totals without
// reading the table again. (The GROUP BY queries of old went through the entity index and
// looked every row up in the table again: 0.4 s against 0.03 s for the person totals of
// ant-multisource; then one pass a fold, four at the end of every ingest.)
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "masar/error.hpp"

struct sqlite3;

namespace masar::entities {

struct StoredEntity {
  std::string type;
  std::string key;
};

// Every entity's type and key, by id.
Result<std::unordered_map<std::int64_t, StoredEntity>> stored_entities(sqlite3* db);

struct MentionTotals {
  // Entity -> the articles naming it (entities no article names are absent).
  std::unordered_map<std::int64_t, std::int64_t> articles;
  // One per (entity, surface), by entity id then surface (byte order): the articles that write
  // the entity so, and the mentions.
  struct Spelling {
    std::int64_t entity = 0;
    std::string surface;
    std::int64_t articles = 0;
    std::int64_t mentions = 0;
  };
  std::vector<Spelling> spellings;  // filled when asked for
};

// The entities and their mentions in memory; `fold` does to them what folding one entity into
// another does to the tables (entities/folding.cpp's Mover), so totals read after a fold are
// what reading the tables again would give.
class MentionTable {
 public:
  static Result<MentionTable> load(sqlite3* db);

  const std::unordered_map<std::int64_t, StoredEntity>& entities() const { return entities_; }

  // The totals of the entities `wanted` accepts.
  MentionTotals totals(const std::function<bool(std::int64_t entity)>& wanted, bool with_spellings) const;

  // `from`'s mentions become `into`'s (an article writing both the same way counts the
  // mentions of both), and `from` is gone.
  void fold(std::int64_t from, std::int64_t into);

 private:
  struct Row {
    std::int64_t article = 0;
    std::uint32_t surface = 0;  // index into surfaces_
    std::int64_t mentions = 0;
  };
  std::unordered_map<std::int64_t, StoredEntity> entities_;
  std::unordered_map<std::int64_t, std::vector<Row>> rows_;  // by entity; by article, then surface
  std::vector<std::string> surfaces_;
};

// The totals of the entities `wanted` accepts, read from the tables.
Result<MentionTotals> mention_totals(sqlite3* db, const std::function<bool(std::int64_t entity)>& wanted,
                                     bool with_spellings);

}  // namespace masar::entities
