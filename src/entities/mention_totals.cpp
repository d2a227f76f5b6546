// One pass over article_entities for the folds' totals (mention_totals.hpp).
#include "entities/mention_totals.hpp"

#include <map>
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

Result<MentionTotals> mention_totals(sqlite3* db, const std::function<bool(std::int64_t entity)>& wanted,
                                     bool with_spellings) {
  // The table's key is (article, entity, surface): in that order an article's rows for one
  // entity are adjacent, so each new (article, entity) pair is one more article of the entity.
  store::sql::Statement st(db, "SELECT article, entity, surface, mentions FROM article_entities ORDER BY article, entity, surface");
  if (!st.ok()) return store::sql::db_error(db, "reading mentions");
  MentionTotals out;
  std::map<std::pair<std::int64_t, std::string>, std::pair<std::int64_t, std::int64_t>> spellings;  // -> articles, mentions
  std::int64_t last_article = -1, last_entity = -1;
  bool last_wanted = false;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    const std::int64_t article = st.int64(0), entity = st.int64(1);
    if (article != last_article || entity != last_entity) {
      last_article = article;
      last_entity = entity;
      last_wanted = wanted(entity);
      if (last_wanted) ++out.articles[entity];
    }
    if (!last_wanted || !with_spellings) continue;
    auto& [articles, mentions] = spellings[{entity, st.text(2)}];
    ++articles;  // (article, entity, surface) is the key: one row an article
    mentions += st.int64(3);
  }
  if (rc != SQLITE_DONE) return store::sql::db_error(db, "reading mentions");
  out.spellings.reserve(spellings.size());
  for (auto& [entity_surface, counts] : spellings) {
    out.spellings.push_back({entity_surface.first, entity_surface.second, counts.first, counts.second});
  }
  return out;
}

}  // namespace masar::entities
