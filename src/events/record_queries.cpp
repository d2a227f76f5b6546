// Reading event records back with their actors, place and reports: what `masar events` and
// the HTTP API serve.
#include <algorithm>
#include <string>
#include <variant>

#include "masar/events/records.hpp"
#include "store/sqlite_util.hpp"

namespace masar::events {
namespace {

using store::sql::Statement;

// The WHERE clause of a filter and its parameters, bound in order.
struct Where {
  std::string sql = " WHERE 1";
  std::vector<std::variant<std::string, std::int64_t>> params;

  void text(const std::string& fragment, const std::string& value) {
    sql += fragment;
    params.emplace_back(value);
  }
  void number(const std::string& fragment, std::int64_t value) {
    sql += fragment;
    params.emplace_back(value);
  }
  void bind(Statement& st) const {
    for (std::size_t i = 0; i < params.size(); ++i) {
      std::visit([&](const auto& v) { st.bind(static_cast<int>(i + 1), v); }, params[i]);
    }
  }
};

Where where_of(const RecordFilter& f) {
  Where w;
  if (f.type) w.text(" AND r.type = ?", type_name(*f.type));
  if (f.asserted_only) w.text(" AND r.mode = ?", "asserted");
  if (!f.from.empty()) w.text(" AND r.date >= ?", f.from.substr(0, 10));
  if (!f.to.empty()) w.text(" AND r.date <> '' AND r.date <= ?", f.to.substr(0, 10));
  if (!f.series.empty()) w.text(" AND r.series_name = ?", f.series);
  if (f.round) w.number(" AND r.series_ordinal = ?", *f.round);
  if (!f.entities.empty()) {
    // An actor names the entity directly or through a folded name (entity_merges).
    std::string list;
    for (std::size_t i = 0; i < f.entities.size(); ++i) list += i ? ",?" : "?";
    w.sql += " AND r.id IN (SELECT record FROM event_actors WHERE entity IN (" + list +
             ") OR entity IN (SELECT old FROM entity_merges WHERE into_entity IN (" + list + ")))";
    for (int pass = 0; pass < 2; ++pass) {
      for (std::int64_t id : f.entities) w.params.emplace_back(id);
    }
  }
  return w;
}

}  // namespace

Result<std::vector<EventRecord>> list_records(const store::Store& store, const RecordFilter& filter) {
  sqlite3* db = store.handle();
  const Where w = where_of(filter);
  std::string sql = "SELECT r.id, r.type, r.mode, r.date, r.date_precision, r.series_name, r.series_ordinal "
                    "FROM event_records r" + w.sql + " ORDER BY r.date = '', r.date, r.id";
  if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit) + " OFFSET " + std::to_string(filter.offset);
  Statement st(db, sql);
  Statement actors(db, "SELECT a.role, a.text, coalesce(m.into_entity, a.entity) FROM event_actors a "
                       "LEFT JOIN entity_merges m ON m.old = a.entity WHERE a.record = ?1 ORDER BY a.role, a.text");
  Statement reports(db, "SELECT a.id, p.sentence, p.text, a.source FROM event_reports p JOIN articles a ON a.rowid = p.article "
                        "WHERE p.record = ?1 ORDER BY a.date, a.rowid, p.sentence");
  Statement copies(db, "SELECT c.id, c.source FROM articles c WHERE c.dup_of IN "
                       "(SELECT article FROM event_reports WHERE record = ?1) ORDER BY c.date, c.rowid");
  if (!st.ok() || !actors.ok() || !reports.ok() || !copies.ok()) return store::sql::db_error(db, "reading event records");
  w.bind(st);
  std::vector<EventRecord> out;
  while (st.step() == SQLITE_ROW) {
    EventRecord r;
    r.id = st.int64(0);
    (void)parse_type(st.text(1), r.type);
    const std::string mode = st.text(2);
    r.mode = mode == "negated" ? Mode::negated : mode == "hypothetical" ? Mode::hypothetical : Mode::asserted;
    r.date = st.text(3);
    r.date_precision = st.text(4);
    if (!st.is_null(5)) r.series_name = st.text(5);
    if (!st.is_null(6)) r.series_ordinal = static_cast<int>(st.int64(6));
    actors.reset().bind(1, r.id);
    while (actors.step() == SQLITE_ROW) {
      Actor a{actors.text(1), actors.is_null(2) ? std::nullopt : std::optional<std::int64_t>(actors.int64(2))};
      const std::string role = actors.text(0);
      if (role == "source") r.sources.push_back(std::move(a));
      else if (role == "target") r.targets.push_back(std::move(a));
      else if (!r.location) r.location = std::move(a);
    }
    const auto add_outlet = [&](std::string source) {
      if (!source.empty() && std::find(r.outlets.begin(), r.outlets.end(), source) == r.outlets.end()) {
        r.outlets.push_back(std::move(source));
      }
    };
    reports.reset().bind(1, r.id);
    while (reports.step() == SQLITE_ROW) {
      SentenceRef s{reports.text(0), reports.int64(1), reports.text(2)};
      if (r.articles.empty() || r.articles.back() != s.article) r.articles.push_back(s.article);
      r.sentences.push_back(std::move(s));
      add_outlet(reports.text(3));
    }
    copies.reset().bind(1, r.id);
    while (copies.step() == SQLITE_ROW) {
      r.copies.push_back(copies.text(0));
      add_outlet(copies.text(1));
    }
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::int64_t> count_records(const store::Store& store, const RecordFilter& filter) {
  const Where w = where_of(filter);
  Statement st(store.handle(), "SELECT count(*) FROM event_records r" + w.sql);
  if (!st.ok()) return store::sql::db_error(store.handle(), "counting event records");
  w.bind(st);
  if (st.step() != SQLITE_ROW) return store::sql::db_error(store.handle(), "counting event records");
  return st.int64(0);
}

}  // namespace masar::events
