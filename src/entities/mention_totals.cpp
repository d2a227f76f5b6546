// The folds' entities and mentions in memory (mention_totals.hpp).
#include "entities/mention_totals.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include "store/sqlite_util.hpp"

namespace masar::entities {

Result<std::unordered_map<std::int64_t, StoredEntity>> stored_entities(sqlite3* db) {
  store::sql::Statement st(db, "SELECT id, type, key FROM entities");
  if (!st.ok()) return store::sql::db_error(db, "reading entities");
  std::unordered_map<std::int64_t, StoredEntity> out;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) out.emplace(st.int64(0), StoredEntity{st.text(1), st.text(2)});
  if (rc != SQLITE_DONE) return store::sql::db_error(db, "reading entities");
  return out;
}

Result<MentionTable> MentionTable::load(sqlite3* db) {
  MentionTable table;
  auto entities = stored_entities(db);
  if (!entities) return entities.error();
  table.entities_ = std::move(entities.value());
  // In the table's own order (its key is (article, entity, surface)): no index lookups.
  store::sql::Statement st(db, "SELECT article, entity, surface, mentions FROM article_entities");
  if (!st.ok()) return store::sql::db_error(db, "reading mentions");
  std::unordered_map<std::string, std::uint32_t> surface_ids;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    const auto [it, added] = surface_ids.try_emplace(st.text(2), static_cast<std::uint32_t>(table.surfaces_.size()));
    if (added) table.surfaces_.push_back(it->first);
    table.rows_[st.int64(1)].push_back({st.int64(0), it->second, st.int64(3)});
  }
  if (rc != SQLITE_DONE) return store::sql::db_error(db, "reading mentions");
  for (auto& [entity, rows] : table.rows_) {
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      return a.article != b.article ? a.article < b.article : a.surface < b.surface;
    });
  }
  return table;
}

MentionTotals MentionTable::totals(const std::function<bool(std::int64_t entity)>& wanted, bool with_spellings) const {
  MentionTotals out;
  std::vector<std::int64_t> named;
  for (const auto& [entity, rows] : rows_) {
    if (!rows.empty() && wanted(entity)) named.push_back(entity);
  }
  std::sort(named.begin(), named.end());
  std::unordered_map<std::uint32_t, std::pair<std::int64_t, std::int64_t>> by_surface;  // -> articles, mentions
  std::vector<MentionTotals::Spelling> spelled;
  for (const std::int64_t entity : named) {
    const std::vector<Row>& rows = rows_.at(entity);
    std::int64_t articles = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) articles += i == 0 || rows[i].article != rows[i - 1].article;
    out.articles.emplace(entity, articles);
    if (!with_spellings) continue;
    by_surface.clear();
    for (const Row& r : rows) {
      auto& [in_articles, mentions] = by_surface[r.surface];
      ++in_articles;  // (article, entity, surface) is the table's key: one row an article
      mentions += r.mentions;
    }
    spelled.clear();
    for (const auto& [surface, counts] : by_surface) spelled.push_back({entity, surfaces_[surface], counts.first, counts.second});
    std::sort(spelled.begin(), spelled.end(), [](const auto& a, const auto& b) { return a.surface < b.surface; });
    std::move(spelled.begin(), spelled.end(), std::back_inserter(out.spellings));
  }
  return out;
}

void MentionTable::fold(std::int64_t from, std::int64_t into) {
  if (from == into) return;
  entities_.erase(from);
  const auto found = rows_.find(from);
  if (found == rows_.end()) return;
  std::vector<Row> moved = std::move(found->second);
  rows_.erase(found);
  std::vector<Row>& kept = rows_[into];
  std::vector<Row> merged;
  merged.reserve(kept.size() + moved.size());
  const auto before = [](const Row& a, const Row& b) {
    return a.article != b.article ? a.article < b.article : a.surface < b.surface;
  };
  std::size_t i = 0, j = 0;
  while (i < kept.size() || j < moved.size()) {
    if (j == moved.size() || (i < kept.size() && before(kept[i], moved[j]))) {
      merged.push_back(kept[i++]);
    } else if (i == kept.size() || before(moved[j], kept[i])) {
      merged.push_back(moved[j++]);
    } else {  // the same article writes both the same way: one row, the mentions of both
      merged.push_back({kept[i].article, kept[i].surface, kept[i].mentions + moved[j].mentions});
      ++i, ++j;
    }
  }
  kept = std::move(merged);
}

Result<MentionTotals> mention_totals(sqlite3* db, const std::function<bool(std::int64_t entity)>& wanted,
                                     bool with_spellings) {
  auto table = MentionTable::load(db);
  if (!table) return table.error();
  return table->totals(wanted, with_spellings);
}

}  // namespace masar::entities
