// What the folds of entities/ share (internal): moving one entity's rows into another, and
// comparing what two entities' articles are about.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "masar/error.hpp"
#include "store/sqlite_util.hpp"

namespace masar::entities {

class MentionTable;

// Whether the articles of one name that do not also name another are about what the other's
// are about: "المالكي" alone is Nouri al-Maliki in Iraqi news, with تركي المالكي the
// coalition's spokesman in Yemeni news; "عبد الرحمن" alone is any of thousands.
class ContextCheck {
 public:
  explicit ContextCheck(sqlite3* db);
  bool ok() const { return alone_.ok() && with_.ok() && named_.ok(); }

  // Cosine of the profiles (how many articles name each other entity) of the articles of
  // `one` without `other` and of the articles of `other`; none when `one` is rarely alone.
  std::optional<double> agreement(std::int64_t one, std::int64_t other);

  static constexpr std::size_t kSample = 300;   // latest articles of each side
  static constexpr std::size_t kMinAlone = 5;   // fewer alone articles say nothing either way

 private:
  store::sql::Statement alone_, with_, named_;
};

// One entity's rows moved into another; ids kept by other stages (event actors) follow the
// fold through entity_merges, chains flattened. The table in memory moves with them.
class Mover {
 public:
  Mover(sqlite3* db, MentionTable& table);
  bool ok() const { return move_.ok() && drop_rows_.ok() && drop_.ok() && redirect_.ok() && rechain_.ok(); }
  Status fold(std::int64_t from, std::int64_t into);

 private:
  sqlite3* db_;
  MentionTable* table_;
  store::sql::Statement move_, drop_rows_, drop_, redirect_, rechain_;
};

// A fold on the tables as they stand: the mention table read for the call.
Result<std::size_t> with_table(sqlite3* db, Result<std::size_t> (*fold)(sqlite3*, MentionTable&));

}  // namespace masar::entities
