// Reading entities back: listings with aliases, one entity, its articles, the entities it
// shares articles with, and the entities of one article.
#include <algorithm>

#include "masar/entities/pipeline.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/utf8.hpp"
#include "store/sqlite_util.hpp"

namespace masar::entities {
namespace {

using store::sql::Statement;

// Whether a surface form is the key as written, only the article and spelling folded ("تركيا"
// for "تركيا", not "وتركيا"); a transliteration variant of the key counts ("بيدرسون" for
// "بيدرسن": same skeleton), so the name shown is the spelling most used.
bool plain_spelling(const std::string& surface, const std::string& key) {
  std::string folded;
  const std::string norm = text::normalize_for_search(surface);
  for (std::size_t at = 0; at < norm.size();) {
    std::size_t end = norm.find(' ', at);
    if (end == std::string::npos) end = norm.size();
    std::string_view w = std::string_view(norm).substr(at, end - at);
    if (w.size() > 6 && w.substr(0, 4) == "ال") w.remove_prefix(4);
    if (!w.empty()) folded += (folded.empty() ? "" : " ") + std::string(w);
    at = end + 1;
  }
  return folded == key || skeleton(folded) == skeleton(key);
}

// The most used spelling written as the key reads, without a glued و/ب/ل; the most used
// spelling when none is.
std::string name_of(const std::vector<std::pair<std::string, std::int64_t>>& aliases, const std::string& key) {
  for (const auto& [surface, n] : aliases) {
    if (plain_spelling(surface, key)) return surface;
  }
  return aliases.empty() ? std::string() : aliases.front().first;
}

// Surface forms of an entity with their mentions, most first.
class AliasReader {
 public:
  explicit AliasReader(sqlite3* db)
      : st_(db, "SELECT surface, sum(mentions) FROM article_entities WHERE entity = ?1 GROUP BY surface ORDER BY 2 DESC, surface") {}
  bool ok() const { return st_.ok(); }
  std::vector<std::pair<std::string, std::int64_t>> read(std::int64_t entity) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    st_.reset().bind(1, entity);
    while (st_.step() == SQLITE_ROW) out.emplace_back(st_.text(0), st_.int64(1));
    return out;
  }

 private:
  Statement st_;
};

constexpr const char* kEntitySelect =
    "SELECT e.id, e.type, count(DISTINCT ae.article), sum(ae.mentions), min(nullif(a.date, '')), max(a.date), e.key "
    "FROM entities e JOIN article_entities ae ON ae.entity = e.id JOIN articles a ON a.rowid = ae.article ";

EntityInfo entity_from(const Statement& st, AliasReader& aliases) {
  EntityInfo e;
  e.id = st.int64(0);
  (void)parse_type(st.text(1), e.type);
  e.articles = st.int64(2);
  e.mentions = st.int64(3);
  e.first_date = st.text(4).substr(0, 10);
  e.last_date = st.text(5).substr(0, 10);
  e.aliases = aliases.read(e.id);
  e.name = name_of(e.aliases, st.text(6));
  return e;
}

// The display name and type of one entity.
struct NameReader {
  explicit NameReader(sqlite3* db) : aliases(db), key(db, "SELECT key, type FROM entities WHERE id = ?1") {}
  bool ok() const { return aliases.ok() && key.ok(); }
  bool read(std::int64_t entity, std::string& name, EntityType& type) {
    key.reset().bind(1, entity);
    if (key.step() != SQLITE_ROW) return false;
    (void)parse_type(key.text(1), type);
    name = name_of(aliases.read(entity), key.text(0));
    return true;
  }
  AliasReader aliases;
  Statement key;
};

// A name as a user typed it, as valid text: a byte that is no UTF-8 separates words, as it
// does in a search ("\xff" + "بوتين" is بوتين), and is never part of a name.
std::string typed_name(std::string_view raw) {
  std::string text = text::decode_utf8(raw).text;
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD, what decoding put there
  for (std::size_t at = text.find(kReplacement); at != std::string::npos; at = text.find(kReplacement, at)) {
    text.replace(at, kReplacement.size(), " ");
  }
  return text;
}

}  // namespace

Result<std::vector<EntityInfo>> list_entities(store::Store& store, const EntityQuery& q) {
  sqlite3* db = store.handle();
  const std::string key = q.query.empty() ? std::string() : text_key(typed_name(q.query));
  // A curated name ("أمريكا") is asked for under the key it links to (الولايات المتحدة).
  std::string curated_key;
  if (!key.empty()) {
    if (const auto curated = curated_name(key)) curated_key = std::string(curated->second);
  }
  // The page is chosen from article_entities alone; the dates, which join every article that
  // names an entity, are read for that page only (all of them at once took a second on 30k
  // articles).
  Statement page(db, "SELECT ae.entity FROM article_entities ae JOIN entities e ON e.id = ae.entity "
                     "WHERE (?1 = '' OR e.type = ?1) AND (?2 = '' OR instr(e.key, ?2) > 0 OR e.key = ?5) "
                     "GROUP BY ae.entity ORDER BY count(DISTINCT ae.article) DESC, ae.entity LIMIT ?3 OFFSET ?4");
  Statement one(db, std::string(kEntitySelect) + "WHERE e.id = ?1 GROUP BY e.id");
  AliasReader aliases(db);
  if (!page.ok() || !one.ok() || !aliases.ok()) return store::sql::db_error(db, "reading entities");
  page.bind(1, std::string_view(q.type ? type_name(*q.type) : "")).bind(2, std::string_view(key))
      .bind(3, static_cast<std::int64_t>(q.limit)).bind(4, static_cast<std::int64_t>(q.offset))
      .bind(5, std::string_view(curated_key));
  std::vector<std::int64_t> ids;
  int rc;
  while ((rc = page.step()) == SQLITE_ROW) ids.push_back(page.int64(0));
  if (rc != SQLITE_DONE) return store::sql::db_error(db, "reading entities");
  std::vector<EntityInfo> out;
  for (const std::int64_t id : ids) {
    one.reset().bind(1, id);
    if (one.step() != SQLITE_ROW) return store::sql::db_error(db, "reading an entity");
    out.push_back(entity_from(one, aliases));
  }
  return out;
}

Result<std::vector<std::int64_t>> entities_named(store::Store& store, std::string_view raw) {
  const std::string decoded = typed_name(raw);  // keys are made of valid UTF-8
  const std::string_view spec = decoded;
  std::string_view digits = spec;
  if (!digits.empty() && digits.front() == 'N') digits.remove_prefix(1);
  if (!digits.empty() && digits.size() <= 18 && digits.find_first_not_of("0123456789") == std::string_view::npos) {
    return std::vector<std::int64_t>{std::stoll(std::string(digits))};
  }
  EntityQuery q;
  q.query = std::string(spec);
  q.limit = 20;
  auto found = list_entities(store, q);
  if (!found) return found.error();
  std::vector<std::int64_t> ids;
  for (const auto& e : found.value()) ids.push_back(e.id);
  // An entity no article names yet (a state its capital or demonym stood for) has no aliases to
  // match: its key does.
  Statement by_key(store.handle(), "SELECT id FROM entities WHERE key = ?1 ORDER BY id");
  if (!by_key.ok()) return store::sql::db_error(store.handle(), "finding an entity by key");
  by_key.bind(1, std::string_view(text_key(spec)));
  while (by_key.step() == SQLITE_ROW) {
    if (std::find(ids.begin(), ids.end(), by_key.int64(0)) == ids.end()) ids.push_back(by_key.int64(0));
  }
  return ids;
}

Result<std::optional<EntityInfo>> entity_info(store::Store& store, std::int64_t entity) {
  sqlite3* db = store.handle();
  Statement st(db, std::string(kEntitySelect) + "WHERE e.id = ?1 GROUP BY e.id");
  AliasReader aliases(db);
  if (!st.ok() || !aliases.ok()) return store::sql::db_error(db, "reading an entity");
  st.bind(1, entity);
  const int rc = st.step();
  if (rc == SQLITE_ROW) return std::optional<EntityInfo>(entity_from(st, aliases));
  if (rc != SQLITE_DONE) return store::sql::db_error(db, "reading an entity");
  return std::optional<EntityInfo>{};
}

Result<std::vector<EntityArticle>> entity_articles(store::Store& store, std::int64_t entity, std::size_t limit) {
  sqlite3* db = store.handle();
  Statement st(db,
               "SELECT a.id, a.title, a.date, a.source FROM articles a WHERE a.rowid IN "
               "(SELECT article FROM article_entities WHERE entity = ?1) ORDER BY a.date DESC, a.rowid DESC LIMIT ?2");
  if (!st.ok()) return store::sql::db_error(db, "reading an entity's articles");
  st.bind(1, entity).bind(2, static_cast<std::int64_t>(limit));
  std::vector<EntityArticle> out;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) out.push_back({st.text(0), st.text(1), st.text(2).substr(0, 10), st.text(3)});
  if (rc != SQLITE_DONE) return store::sql::db_error(db, "reading an entity's articles");
  return out;
}

Result<std::vector<CooccurringEntity>> cooccurring(store::Store& store, std::int64_t entity, std::size_t limit) {
  sqlite3* db = store.handle();
  Statement st(db,
               "SELECT other.entity, count(DISTINCT other.article) AS shared FROM article_entities mine "
               "JOIN article_entities other ON other.article = mine.article AND other.entity != mine.entity "
               "WHERE mine.entity = ?1 GROUP BY other.entity ORDER BY shared DESC, other.entity LIMIT ?2");
  NameReader names(db);
  if (!st.ok() || !names.ok()) return store::sql::db_error(db, "reading co-occurring entities");
  st.bind(1, entity).bind(2, static_cast<std::int64_t>(limit));
  std::vector<CooccurringEntity> out;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    CooccurringEntity c;
    c.id = st.int64(0);
    c.articles = st.int64(1);
    if (names.read(c.id, c.name, c.type)) out.push_back(std::move(c));
  }
  if (rc != SQLITE_DONE) return store::sql::db_error(db, "reading co-occurring entities");
  return out;
}

Result<std::vector<ArticleEntity>> article_entities(store::Store& store, const std::string& article_id) {
  sqlite3* db = store.handle();
  Statement st(db,
               "SELECT ae.entity, sum(ae.mentions) FROM article_entities ae JOIN articles a ON a.rowid = ae.article "
               "WHERE a.id = ?1 GROUP BY ae.entity ORDER BY 2 DESC, ae.entity");
  NameReader names(db);
  if (!st.ok() || !names.ok()) return store::sql::db_error(db, "reading an article's entities");
  st.bind(1, article_id);
  std::vector<ArticleEntity> out;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    ArticleEntity e;
    e.id = st.int64(0);
    e.mentions = st.int64(1);
    if (names.read(e.id, e.name, e.type)) out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return store::sql::db_error(db, "reading an article's entities");
  return out;
}

}  // namespace masar::entities
