#include "masar/cluster/queries.hpp"

#include <nlohmann/json.hpp>

#include "masar/cluster/features.hpp"
#include "masar/cluster/pipeline.hpp"
#include "masar/search/query.hpp"
#include "store/sqlite_util.hpp"

namespace masar::cluster {
namespace {

using store::sql::Statement;

std::vector<std::string> strings_of(const std::string& json_text) {
  std::vector<std::string> out;
  const auto j = nlohmann::json::parse(json_text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& s : j) {
    if (s.is_string()) out.push_back(s.get<std::string>());
  }
  return out;
}

constexpr const char* kStoryColumns = "s.id, s.label, s.first_time, s.last_time, s.events, s.articles, s.sources";

StoryInfo story_from(const Statement& st) {
  StoryInfo s;
  s.id = st.int64(0);
  s.label = st.text(1);
  s.first_date = date_of_days(st.real(2));
  s.last_date = date_of_days(st.real(3));
  s.events = st.int64(4);
  s.articles = st.int64(5);
  s.sources = strings_of(st.text(6));
  return s;
}

}  // namespace

Status for_each_assignment(const store::Store& store, const std::function<void(const ArticleAssignment&)>& fn) {
  sqlite3* db = store.handle();
  Statement st(db,
               "SELECT a.id, ae.event, e.story FROM article_events ae JOIN articles a ON a.rowid = ae.article "
               "JOIN events e ON e.id = ae.event ORDER BY a.rowid");
  if (!st.ok()) return store::sql::db_error(db, "reading events");
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) fn(ArticleAssignment{st.text(0), st.int64(1), st.int64(2)});
  return rc == SQLITE_DONE ? Status(Ok{}) : store::sql::db_error(db, "reading events");
}

Result<std::optional<ArticleAssignment>> article_assignment(const store::Store& store, const std::string& article_id) {
  sqlite3* db = store.handle();
  Statement st(db,
               "SELECT a.id, ae.event, e.story FROM articles a JOIN article_events ae ON ae.article = a.rowid "
               "JOIN events e ON e.id = ae.event WHERE a.id = ?1");
  if (!st.ok()) return store::sql::db_error(db, "reading an article's event");
  st.bind(1, article_id);
  const int rc = st.step();
  if (rc == SQLITE_ROW) return std::optional<ArticleAssignment>(ArticleAssignment{st.text(0), st.int64(1), st.int64(2)});
  if (rc != SQLITE_DONE) return store::sql::db_error(db, "reading an article's event");
  return std::optional<ArticleAssignment>{};
}

Result<std::vector<StoryInfo>> list_stories(const store::Store& store, const StoryFilter& filter) {
  sqlite3* db = store.handle();
  const double from = filter.from.empty() ? -1e9 : days_since_epoch(filter.from).value_or(-1e9);
  const double to = filter.to.empty() ? 1e9 : days_since_epoch(filter.to).value_or(1e9) + 1;
  std::string sql;
  std::string fts;
  if (filter.query.empty()) {
    sql = std::string("SELECT ") + kStoryColumns + ", 0 FROM stories s WHERE s.articles >= ?2 AND s.last_time >= ?3 AND "
          "s.first_time < ?4 ORDER BY s.articles DESC, s.id LIMIT ?5 OFFSET ?6";
  } else {
    const auto parsed = search::parse_query(filter.query);
    if (parsed.empty()) return std::vector<StoryInfo>{};
    fts = search::to_fts5(parsed, parsed.word_count() <= 4 ? search::MatchMode::all : search::MatchMode::any);
    sql = std::string("SELECT ") + kStoryColumns + ", m.hits FROM (SELECT e.story AS story, count(*) AS hits "
          "FROM articles_fts f JOIN article_events ae ON ae.article = f.rowid JOIN events e ON e.id = ae.event "
          "WHERE articles_fts MATCH ?1 GROUP BY e.story) m JOIN stories s ON s.id = m.story "
          "WHERE s.articles >= ?2 AND s.last_time >= ?3 AND s.first_time < ?4 "
          "ORDER BY m.hits DESC, s.articles DESC, s.id LIMIT ?5 OFFSET ?6";
  }
  Statement st(db, sql);
  if (!st.ok()) return store::sql::db_error(db, "listing stories");
  if (!fts.empty()) st.bind(1, fts);
  st.bind(2, static_cast<std::int64_t>(filter.min_articles)).bind(3, from).bind(4, to).bind(5, static_cast<std::int64_t>(filter.limit));
  st.bind(6, static_cast<std::int64_t>(filter.offset));
  std::vector<StoryInfo> out;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    out.push_back(story_from(st));
    out.back().matches = st.int64(7);
  }
  if (rc != SQLITE_DONE) return make_error(Errc::invalid_argument, std::string("listing stories: ") + sqlite3_errmsg(db));
  return out;
}

Result<std::optional<StoryInfo>> story_info(const store::Store& store, std::int64_t story) {
  sqlite3* db = store.handle();
  Statement st(db, std::string("SELECT ") + kStoryColumns + " FROM stories s WHERE s.id = ?1");
  if (!st.ok()) return store::sql::db_error(db, "reading a story");
  st.bind(1, story);
  if (st.step() != SQLITE_ROW) return std::optional<StoryInfo>{};
  return std::optional<StoryInfo>(story_from(st));
}

Result<std::vector<EventInfo>> story_timeline(const store::Store& store, std::int64_t story) {
  sqlite3* db = store.handle();
  Statement events(db, "SELECT id, label, first_time, last_time, articles, sources FROM events WHERE story = ?1 "
                       "ORDER BY first_time = 0, first_time, id");  // undated last
  Statement members(db, "SELECT a.id, ae.copy FROM article_events ae JOIN articles a ON a.rowid = ae.article "
                        "WHERE ae.event = ?1 ORDER BY ae.copy, a.date, a.rowid");
  if (!events.ok() || !members.ok()) return store::sql::db_error(db, "reading a timeline");
  events.bind(1, story);
  std::vector<EventInfo> out;
  while (events.step() == SQLITE_ROW) {
    EventInfo e;
    e.id = events.int64(0);
    e.label = events.text(1);
    e.first_date = date_of_days(events.real(2));
    e.last_date = date_of_days(events.real(3));
    e.articles = events.int64(4);
    e.sources = strings_of(events.text(5));
    members.reset().bind(1, e.id);
    while (members.step() == SQLITE_ROW) {
      e.article_ids.push_back(members.text(0));
      e.copies += members.int64(1);
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace masar::cluster
