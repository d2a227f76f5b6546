// Event records: sentences coded as the entity scan hands articles over, reports of one event
// merged into one record, and the records read back with their actors and reports.
#include "masar/events/records.hpp"

#include <algorithm>
#include <map>

#include "masar/cluster/series.hpp"
#include "masar/extract/dates.hpp"
#include "masar/extract/time_expressions.hpp"
#include "masar/text/normalize.hpp"
#include "store/sqlite_util.hpp"

namespace masar::events {
namespace {

using store::sql::Statement;

// How far apart two reports of one event may be dated: a round of a series is one event over
// its days of talks; anything else is the same event only within a couple of days.
constexpr int kSeriesWindowDays = 10;
constexpr int kEventWindowDays = 2;

struct Coded {
  std::size_t index = 0;  // sentence index: 0 title, then body sentences
  std::string sentence;
  CodedEvent event;
  std::vector<std::int64_t> mention_entities;  // entity of each mention given to the coder
};

std::string shift_date(const std::string& iso, int days) {
  const extract::DateTime d = extract::parse_iso_date(iso);
  if (!d.valid()) return iso;
  return extract::civil_from_days(extract::days_from_civil(d.year, d.month, d.day) + days).iso();
}

Actor actor_of(const Argument& a, const std::vector<std::int64_t>& ids) {
  Actor out{a.text, std::nullopt};
  if (a.mention && *a.mention < ids.size()) out.entity = ids[*a.mention];
  return out;
}

// What makes two reports the same event besides type, mode and date: the actors (entities by
// id, generic actors by their search form).
std::string actors_key(const std::vector<Actor>& actors) {
  std::vector<std::string> parts;
  for (const auto& a : actors) parts.push_back(a.entity ? "#" + std::to_string(*a.entity) : text::normalize_for_search(a.text));
  std::sort(parts.begin(), parts.end());
  parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
  std::string out;
  for (const auto& p : parts) out += p + ',';
  return out;
}

}  // namespace

struct RecordWriter::Impl {
  explicit Impl(sqlite3* h)
      : db(h),
        meta(h, "SELECT id, substr(date, 1, 10) FROM articles WHERE rowid = ?1"),
        find(h, "SELECT id FROM event_records WHERE merge_key = ?1 AND date BETWEEN ?2 AND ?3 "
                "ORDER BY abs(julianday(date) - julianday(?4)), id LIMIT 1"),
        insert(h, "INSERT INTO event_records(type, mode, date, date_precision, merge_key, series_name, series_ordinal) "
                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
        actor(h, "INSERT OR IGNORE INTO event_actors(record, role, text, entity) VALUES(?1, ?2, ?3, ?4)"),
        report(h, "INSERT OR IGNORE INTO event_reports(record, article, sentence, text) VALUES(?1, ?2, ?3, ?4)") {}

  bool ok() const { return meta.ok() && find.ok() && insert.ok() && actor.ok() && report.ok(); }

  sqlite3* db;
  Statement meta, find, insert, actor, report;
};

RecordWriter::RecordWriter(store::Store& store) : impl_(std::make_unique<Impl>(store.handle())) {}
RecordWriter::~RecordWriter() = default;

namespace {

// The sentences of an article with the mentions inside each, offsets made relative to it.
void code_text(std::string_view text, const std::vector<entities::Mention>& mentions, const std::vector<std::int64_t>& ids,
               bool is_title, std::size_t& index, std::vector<Coded>& out) {
  const std::vector<Span> sentences = is_title ? std::vector<Span>{{0, text.size()}} : split_sentences(text);
  for (const Span& s : sentences) {
    const std::size_t this_index = index++;
    std::vector<entities::Mention> inside;
    std::vector<std::int64_t> inside_ids;
    for (std::size_t m = 0; m < mentions.size(); ++m) {
      if (mentions[m].begin < s.begin || mentions[m].end > s.end) continue;
      entities::Mention shifted = mentions[m];
      shifted.begin -= s.begin;
      shifted.end -= s.begin;
      inside.push_back(std::move(shifted));
      inside_ids.push_back(m < ids.size() ? ids[m] : 0);
    }
    const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
    for (auto& e : code_sentence(sentence, inside)) {
      // Talk of a kind of thing ("الاتفاق النووي", "الاغتيالات") is not a record of an event.
      if (!e.specific) continue;
      out.push_back({this_index, std::string(sentence), std::move(e), inside_ids});
    }
  }
}

}  // namespace

Status RecordWriter::article_scanned(const entities::ScannedArticle& article) {
  Impl& d = *impl_;
  if (!d.ok()) return store::sql::db_error(d.db, "preparing the event statements");
  std::vector<Coded> coded;
  std::size_t index = 0;
  code_text(article.title, article.title_mentions, article.title_entities, true, index, coded);
  if (article.title.empty()) index = 1;
  code_text(article.body, article.body_mentions, article.body_entities, false, index, coded);
  if (coded.empty()) return Ok{};
  // A round named once ("الجولة العشرون من مسار أستانا") keeps its name where the article
  // later writes only "الجولة الـ20".
  std::map<int, std::string> series_names;
  for (std::string_view text : {article.title, article.body}) {
    for (const auto& s : cluster::find_series(text)) {
      if (!s.name.empty()) series_names.emplace(s.number, s.name);
    }
  }
  d.meta.reset().bind(1, article.rowid);
  if (d.meta.step() != SQLITE_ROW) return store::sql::db_error(d.db, "reading an article's date");
  const std::string article_date = d.meta.text(1);
  const extract::DateTime anchor = extract::parse_iso_date(article_date);
  for (const Coded& c : coded) {
    EventRecord r;
    r.type = c.event.type;
    r.mode = c.event.mode;
    r.date = anchor.valid() ? article_date : "";
    r.date_precision = anchor.valid() ? "article" : "";
    const auto times = extract::find_time_expressions(c.sentence, anchor);
    if (!times.empty()) {
      r.date = times.front().first.iso().substr(0, 10);
      r.date_precision = extract::precision_name(times.front().precision);
    }
    for (const auto& a : c.event.sources) r.sources.push_back(actor_of(a, c.mention_entities));
    for (const auto& a : c.event.targets) r.targets.push_back(actor_of(a, c.mention_entities));
    if (c.event.location) r.location = actor_of(*c.event.location, c.mention_entities);
    for (const auto& s : cluster::find_series(c.sentence)) {
      if (s.number <= 0) continue;
      const auto named = series_names.find(s.number);
      r.series_name = !s.name.empty() ? s.name : named != series_names.end() ? named->second : s.noun;
      r.series_ordinal = s.number;
      break;
    }
    std::string key = std::string(type_name(r.type)) + '|' + mode_name(r.mode) + '|';
    int window = kEventWindowDays;
    // A named series ("استانا" 9) is one event per round whoever reports it; a bare "الجولة
    // الثانية" is not enough to tell rounds of different talks apart.
    if (r.series_name && series_names.count(*r.series_ordinal) && series_names.at(*r.series_ordinal) == *r.series_name) {
      key += "series:" + *r.series_name + ':' + std::to_string(*r.series_ordinal);
      window = kSeriesWindowDays;
    } else {
      key += actors_key(r.sources) + '|' + actors_key(r.targets) + '|';
      if (r.location) key += actors_key({*r.location});
      // With nobody and nowhere named, only reports of the same article are known to agree.
      if (r.sources.empty() && r.targets.empty() && !r.location) key += "article:" + std::to_string(article.rowid);
    }
    const std::string low = r.date.empty() ? "" : shift_date(r.date, -window);
    const std::string high = r.date.empty() ? "" : shift_date(r.date, window);
    d.find.reset().bind(1, std::string_view(key)).bind(2, std::string_view(low)).bind(3, std::string_view(high))
        .bind(4, std::string_view(r.date));
    std::int64_t record = 0;
    const int found = d.find.step();
    if (found == SQLITE_ROW) {
      record = d.find.int64(0);
    } else if (found == SQLITE_DONE) {
      d.insert.reset().bind(1, std::string_view(type_name(r.type))).bind(2, std::string_view(mode_name(r.mode)))
          .bind(3, std::string_view(r.date)).bind(4, std::string_view(r.date_precision)).bind(5, std::string_view(key));
      if (r.series_name) d.insert.bind(6, std::string_view(*r.series_name)).bind(7, static_cast<std::int64_t>(*r.series_ordinal));
      if (d.insert.step() != SQLITE_DONE) return store::sql::db_error(d.db, "saving an event record");
      record = sqlite3_last_insert_rowid(d.db);
      ++new_records_;
    } else {
      return store::sql::db_error(d.db, "finding an event record");
    }
    const auto save_actor = [&](const Actor& a, std::string_view role) -> Status {
      d.actor.reset().bind(1, record).bind(2, role).bind(3, std::string_view(a.text));
      if (a.entity) d.actor.bind(4, *a.entity);
      if (d.actor.step() != SQLITE_DONE) return store::sql::db_error(d.db, "saving an event actor");
      return Ok{};
    };
    for (const auto& a : r.sources) if (Status s = save_actor(a, "source"); !s) return s;
    for (const auto& a : r.targets) if (Status s = save_actor(a, "target"); !s) return s;
    if (r.location) if (Status s = save_actor(*r.location, "location"); !s) return s;
    d.report.reset().bind(1, record).bind(2, article.rowid).bind(3, static_cast<std::int64_t>(c.index)).bind(4, std::string_view(c.sentence));
    if (d.report.step() != SQLITE_DONE) return store::sql::db_error(d.db, "saving an event report");
    ++reports_;
  }
  return Ok{};
}

Status RecordWriter::forget_all() {
  return store::sql::exec(impl_->db, "DELETE FROM event_reports; DELETE FROM event_actors; DELETE FROM event_records;");
}

Status RecordWriter::finish() {
  return store::sql::exec(impl_->db,
                          "DELETE FROM event_records WHERE NOT EXISTS (SELECT 1 FROM event_reports p WHERE p.record = event_records.id);"
                          "DELETE FROM event_actors WHERE NOT EXISTS (SELECT 1 FROM event_records r WHERE r.id = event_actors.record);");
}

}  // namespace masar::events
