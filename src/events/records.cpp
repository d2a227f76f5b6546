// Event records: sentences coded as the entity scan hands articles over, reports of one event
// merged into one record, and the records read back with their actors and reports.
#include "masar/events/records.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "masar/cluster/series.hpp"
#include "masar/entities/states.hpp"
#include "masar/extract/dates.hpp"
#include "masar/extract/time_expressions.hpp"
#include "masar/text/normalize.hpp"
#include "events/record_keys.hpp"
#include "events/sentence.hpp"
#include "store/sqlite_util.hpp"

namespace masar::events {
namespace {

using detail::actors_key;
using detail::names_an_entity;
using detail::parties_key;
using store::sql::Statement;

// How far apart two reports of one event may be dated: a round of a series is one event over
// its days of talks; anything else is the same event only within a couple of days.
constexpr int kSeriesWindowDays = 10;
constexpr int kEventWindowDays = 2;
// How far from its trigger "قبل يومين" may date an event: about eight words of Arabic.
constexpr std::size_t kCountedReach = 100;  // bytes

// One specific event of a sentence with what is known of it before linking: its actors as
// mention indexes, its date and its numbered round. Worked out on a worker thread.
struct Coded {
  std::size_t index = 0;  // sentence index: 0 title, then body sentences
  std::size_t begin = 0;  // where the sentence starts in the title or body
  std::string sentence;
  CodedEvent event;
  bool in_title = false;
  std::vector<std::size_t> mentions;  // of each mention given to the coder: its place in the
                                      // article's title or body mentions
  std::string date, date_precision;   // see EventRecord
  std::optional<std::string> series_name;
  std::optional<int> series_ordinal;
  bool named_round = false;  // the round of a series the article names ("استانا" 9)
  bool group_unlisted = false;  // a meeting of "الدول الضامنة" whose text does not list them
};

struct CodedArticle : entities::Prepared {
  std::vector<Coded> coded;
};

// The state a capital among the actors stands for ("أعلنت موسكو", "واشنطن ترفض"), if listed.
std::optional<std::string_view> capital_state(const Argument& a, const Coded& c, const std::vector<entities::Mention>& mentions) {
  if (!a.mention || *a.mention >= c.mentions.size() || c.mentions[*a.mention] >= mentions.size()) return std::nullopt;
  const entities::Mention& m = mentions[c.mentions[*a.mention]];
  if (m.type != entities::EntityType::LOC) return std::nullopt;
  return entities::state_of_capital(m.key);
}

bool in_the_field(EventType t) {
  return t == EventType::ASSAULT || t == EventType::COERCE || t == EventType::PROTEST || t == EventType::MOBILIZE ||
         t == EventType::RETREAT;
}

// How finely a record is dated: a day (named in the sentence, or the article's own) before a
// week, a part of a month, a month … a year; undated last.
int date_rank(std::string_view precision) {
  static constexpr std::array<std::string_view, 8> kFinestFirst = {"day", "article", "week", "month_part", "month",
                                                                   "quarter", "half_year", "year"};
  const auto it = std::find(kFinestFirst.begin(), kFinestFirst.end(), precision);
  const int at = static_cast<int>(it - kFinestFirst.begin());
  return at <= 1 ? 0 : at;  // "day" and "article" are both one day
}

std::string shift_date(const std::string& iso, int days) {
  const extract::DateTime d = extract::parse_iso_date(iso);
  if (!d.valid()) return iso;
  return extract::civil_from_days(extract::days_from_civil(d.year, d.month, d.day) + days).iso();
}

// `ids` are the entities of the article's title or body mentions; `positions` maps the
// coder's mention index to them.
Actor actor_of(const Argument& a, const std::vector<std::size_t>& positions, const std::vector<std::int64_t>& ids) {
  Actor out{a.text, std::nullopt};
  if (a.mention && *a.mention < positions.size() && positions[*a.mention] < ids.size()) out.entity = ids[positions[*a.mention]];
  return out;
}

}  // namespace

struct RecordWriter::Impl {
  explicit Impl(sqlite3* h)
      : db(h),
        find(h, "SELECT id, date_precision FROM event_records WHERE merge_key = ?1 AND date BETWEEN ?2 AND ?3 "
                "ORDER BY abs(julianday(date) - julianday(?4)), id LIMIT 1"),
        tracked(h, "SELECT event FROM article_events WHERE article = ?1"),
        precision(h, "SELECT date_precision FROM event_records WHERE id = ?1"),
        redate(h, "UPDATE event_records SET date = ?2, date_precision = ?3 WHERE id = ?1"),
        insert(h, "INSERT INTO event_records(type, mode, date, date_precision, merge_key, series_name, series_ordinal) "
                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
        actor(h, "INSERT OR IGNORE INTO event_actors(record, role, text, entity) VALUES(?1, ?2, ?3, ?4)"),
        other_role(h, "SELECT 1 FROM event_actors WHERE record = ?1 AND entity = ?2 AND role <> ?3 LIMIT 1"),
        report(h, "INSERT OR IGNORE INTO event_reports(record, article, sentence, text) VALUES(?1, ?2, ?3, ?4)"),
        series_sources(h, "SELECT a.record, a.entity, a.text FROM event_records r JOIN event_actors a ON a.record = r.id "
                          "WHERE r.merge_key >= ?1 AND r.merge_key < ?2 AND a.role = 'source' AND a.entity IS NOT NULL "
                          "ORDER BY a.record, a.entity") {}

  bool ok() const {
    return find.ok() && tracked.ok() && precision.ok() && redate.ok() && insert.ok() && actor.ok() && other_role.ok() &&
           report.ok() && series_sources.ok();
  }

  // The record a report of `r` belongs to: the one of the same key dated nearest within
  // `window` days, or a new one (counted in `created`).
  Result<std::int64_t> record_for(const EventRecord& r, const std::string& key, int window, std::size_t& created) {
    const std::string low = r.date.empty() ? "" : shift_date(r.date, -window);
    const std::string high = r.date.empty() ? "" : shift_date(r.date, window);
    find.reset().bind(1, std::string_view(key)).bind(2, std::string_view(low)).bind(3, std::string_view(high))
        .bind(4, std::string_view(r.date));
    const store::sql::ResetAtExit done(find);
    const int found = find.step();
    if (found == SQLITE_ROW) {
      const std::int64_t record = find.int64(0);
      if (Status s = redate_if_finer(record, r, find.text(1)); !s) return s.error();
      return record;
    }
    if (found != SQLITE_DONE) return store::sql::db_error(db, "finding an event record");
    insert.reset().bind(1, std::string_view(type_name(r.type))).bind(2, std::string_view(mode_name(r.mode)))
        .bind(3, std::string_view(r.date)).bind(4, std::string_view(r.date_precision)).bind(5, std::string_view(key));
    if (r.series_name) insert.bind(6, std::string_view(*r.series_name)).bind(7, static_cast<std::int64_t>(*r.series_ordinal));
    if (insert.step() != SQLITE_DONE) return store::sql::db_error(db, "saving an event record");
    ++created;
    return sqlite3_last_insert_rowid(db);
  }

  // The event tracking put the article in, none before it is tracked.
  Result<std::optional<std::int64_t>> tracked_event_of(std::int64_t article) {
    tracked.reset().bind(1, article);
    const store::sql::ResetAtExit done(tracked);
    const int rc = tracked.step();
    if (rc == SQLITE_ROW) return std::optional<std::int64_t>(tracked.int64(0));
    if (rc != SQLITE_DONE) return store::sql::db_error(db, "reading the event of an article");
    return std::optional<std::int64_t>();
  }

  // A report that dates the event more finely dates the record: "أمس" after "الأسبوع الماضي".
  Status redate_if_finer(std::int64_t record, const EventRecord& r, std::string_view stored_precision) {
    if (date_rank(r.date_precision) >= date_rank(stored_precision)) return Ok{};
    redate.reset().bind(1, record).bind(2, std::string_view(r.date)).bind(3, std::string_view(r.date_precision));
    if (redate.step() != SQLITE_DONE) return store::sql::db_error(db, "dating an event record");
    return Ok{};
  }

  Status refine_date(std::int64_t record, const EventRecord& r) {
    precision.reset().bind(1, record);
    const store::sql::ResetAtExit done(precision);
    if (precision.step() != SQLITE_ROW) return store::sql::db_error(db, "reading the date of an event record");
    const std::string stored(precision.text(0));
    return redate_if_finer(record, r, stored);
  }

  // The actors of `r` (none for a report joining another's record) and the sentence reporting it.
  Status save_report(std::int64_t record, const EventRecord& r, std::int64_t article, const Coded& c) {
    // A party of a mutual event that a report before this one put in the other role keeps it.
    const bool mutual = parties_key(r).has_value();
    const auto save_actor = [&](const Actor& a, std::string_view role) -> Status {
      if (a.entity && mutual) {
        other_role.reset().bind(1, record).bind(2, *a.entity).bind(3, role);
        const store::sql::ResetAtExit done(other_role);
        const int rc = other_role.step();
        if (rc == SQLITE_ROW) return Ok{};
        if (rc != SQLITE_DONE) return store::sql::db_error(db, "reading the actors of an event record");
      }
      actor.reset().bind(1, record).bind(2, role).bind(3, std::string_view(a.text));
      if (a.entity) actor.bind(4, *a.entity);
      if (actor.step() != SQLITE_DONE) return store::sql::db_error(db, "saving an event actor");
      return Ok{};
    };
    for (const auto& a : r.sources) if (Status s = save_actor(a, "source"); !s) return s;
    for (const auto& a : r.targets) if (Status s = save_actor(a, "target"); !s) return s;
    if (r.location) if (Status s = save_actor(*r.location, "location"); !s) return s;
    report.reset().bind(1, record).bind(2, article).bind(3, static_cast<std::int64_t>(c.index)).bind(4, std::string_view(c.sentence));
    if (report.step() != SQLITE_DONE) return store::sql::db_error(db, "saving an event report");
    return Ok{};
  }

  // The group a series' meetings are usually held by: the set of two or more linked source
  // actors its asserted rounds list most often (the latest record wins a tie). "البيان الختامي
  // للدول الضامنة" of a round names that group without listing it.
  Result<std::vector<Actor>> usual_group(std::string_view series_key_prefix) {
    const std::string high = std::string(series_key_prefix.substr(0, series_key_prefix.size() - 1)) + ';';  // ':' + 1
    series_sources.reset().bind(1, series_key_prefix).bind(2, std::string_view(high));
    std::map<std::vector<std::int64_t>, std::pair<int, std::int64_t>> seen;  // entities → count, latest record
    std::map<std::int64_t, std::vector<Actor>> by_record;
    int rc;
    while ((rc = series_sources.step()) == SQLITE_ROW) {
      by_record[series_sources.int64(0)].push_back({std::string(series_sources.text(2)), series_sources.int64(1)});
    }
    if (rc != SQLITE_DONE) return store::sql::db_error(db, "reading the actors of a series");
    const std::vector<Actor>* best = nullptr;
    std::pair<int, std::int64_t> best_rank{0, 0};
    for (const auto& [record, actors] : by_record) {
      std::vector<std::int64_t> ids;
      for (const auto& a : actors) ids.push_back(*a.entity);
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      if (ids.size() < 2) continue;
      auto& rank = seen[ids];
      rank = {rank.first + 1, record};
      if (rank > best_rank) best_rank = rank, best = &actors;
    }
    return best ? *best : std::vector<Actor>{};
  }

  sqlite3* db;
  Statement find, tracked, precision, redate, insert, actor, other_role, report, series_sources;
};

RecordWriter::RecordWriter(store::Store& store) : impl_(std::make_unique<Impl>(store.handle())) {}
RecordWriter::~RecordWriter() = default;

namespace {

// The sentences of an article with the mentions inside each, offsets made relative to it.
void code_text(std::string_view text, const std::vector<entities::Mention>& mentions, bool is_title, std::size_t& index,
               std::vector<Coded>& out) {
  const std::vector<Span> sentences = is_title ? std::vector<Span>{{0, text.size()}} : split_sentences(text);
  for (const Span& s : sentences) {
    const std::size_t this_index = index++;
    std::vector<entities::Mention> inside;
    std::vector<std::size_t> positions;
    for (std::size_t m = 0; m < mentions.size(); ++m) {
      if (mentions[m].begin < s.begin || mentions[m].end > s.end) continue;
      entities::Mention shifted = mentions[m];
      shifted.begin -= s.begin;
      shifted.end -= s.begin;
      inside.push_back(std::move(shifted));
      positions.push_back(m);
    }
    const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
    for (auto& e : code_sentence(sentence, inside)) {
      // Talk of a kind of thing ("الاتفاق النووي", "الاغتيالات") is not a record of an event.
      if (!e.specific) continue;
      Coded c;
      c.index = this_index;
      c.begin = s.begin;
      c.sentence = std::string(sentence);
      c.event = std::move(e);
      c.in_title = is_title;
      c.mentions = positions;
      out.push_back(std::move(c));
    }
  }
}

// Whether the trigger is a verb in the present with the prefix ي / ت / ن ("يلتقي", "وتلتقي",
// "نطالب"): news writes what is coming so ("أمير قطر يصل أمريكا ويلتقي ترامب الثلاثاء") and
// what happened in the past tense. "أصيب" (أُصيب, was hurt) is written like the present "I hurt".
bool present_tense_trigger(const Coded& c) {
  if (c.event.form != CodedEvent::Form::present_verb) return false;
  const std::string norm = text::normalize_for_search(
      std::string_view(c.sentence).substr(c.event.trigger.begin, c.event.trigger.end - c.event.trigger.begin));
  const std::string_view verb = detail::without_conjunction(norm);
  return verb.starts_with("ي") || verb.starts_with("ت") || verb.starts_with("ن");
}

// Whether the event happens on the coming occurrence of the bare weekday `t`: a plan
// ("سيلتقيان الثلاثاء") or a meeting in the present ("يلتقي الرئيسان الخميس"), with the weekday
// after a trigger that is no verb in the past ("حذر الأحد من", "قد تعهد الخميس") and no past
// report between. Before the trigger, the weekday dates the statement ("أعلن الجمعة أن الوفد
// سيزور"); after "وفق ما أفاد … الأحد", "الذي بدأ الثلاثاء" or "منذ الجمعة" it is a past day.
bool happens_ahead(const Coded& c, const extract::TimeExpression& t) {
  if (!t.ahead.valid() || t.begin < c.event.trigger.end || c.event.form == CodedEvent::Form::past_verb) return false;
  // A meeting or visit in the present is mostly coming ("يلتقي الرئيسان الخميس"); other types
  // in the present are as often past ("وتجمد رصيد اليونايتد … السبت") or habitual.
  const bool coming_meeting = c.event.type == EventType::CONSULT && c.event.mode == Mode::asserted && present_tense_trigger(c);
  if (c.event.mode != Mode::hypothetical && !coming_meeting) return false;
  static const detail::WordList kPastMarkers{"قال", "قالت", "أعلن", "أعلنت", "أفاد", "أفادت", "أكد", "أكدت", "ذكر", "ذكرت",
                                              "صرح", "صرحت", "أوضح", "أوضحت", "أضاف", "أضافت", "بدأ", "بدأت", "انطلق",
                                              "انطلقت", "جرى", "جرت", "عقدت", "منذ", "قبل"};
  const auto between = detail::words_of(std::string_view(c.sentence).substr(c.event.trigger.end, t.begin - c.event.trigger.end));
  return std::none_of(between.begin(), between.end(), [](const detail::Word& w) {
    return kPastMarkers.contains(w.norm) || kPastMarkers.contains(detail::without_conjunction(w.norm));  // "وأعلن"
  });
}

// The date of each coded event (the time expression nearest its trigger, resolved against the
// article's date, else the article's date) and its numbered round.
void date_and_round(std::vector<Coded>& coded, const entities::TaggedArticle& article) {
  // A round named once ("الجولة العشرون من مسار أستانا") keeps its name where the article
  // later writes only "الجولة الـ20".
  const std::vector<cluster::SeriesMention> in_title = cluster::find_series(article.title);
  const std::vector<cluster::SeriesMention> in_body = cluster::find_series(article.body);
  std::map<int, std::string> series_names;
  for (const auto* found : {&in_title, &in_body}) {
    for (const auto& s : *found) {
      if (!s.name.empty()) series_names.emplace(s.number, s.name);
    }
  }
  const extract::DateTime anchor = extract::parse_iso_date(article.date);
  const Coded* previous = nullptr;  // events of one sentence come together
  std::vector<extract::TimeExpression> times;  // of the sentence of `previous`
  for (Coded& c : coded) {
    if (!previous || previous->index != c.index || previous->in_title != c.in_title) {
      times = extract::find_time_expressions(c.sentence, anchor);
    }
    previous = &c;
    // The expression nearest the trigger dates it: "اعتقلت السلطات أمس نواز شريف … قبل انتخابات
    // 25 يوليو" was arrested yesterday, not on election day.
    const extract::TimeExpression* nearest_time = nullptr;
    std::size_t nearest_time_gap = 0;
    for (const auto& t : times) {
      // "في 25 شباط/فبراير الماضي" is read as a day and, next to it, a month: the day dates it.
      constexpr std::size_t kJoined = 3;  // bytes between two readings of one date ("/", " / ")
      const bool finer_over_it = std::any_of(times.begin(), times.end(), [&](const extract::TimeExpression& u) {
        return u.begin < t.end + kJoined && t.begin < u.end + kJoined && u.precision < t.precision;
      });
      if (finer_over_it) continue;
      const std::size_t gap = t.end <= c.event.trigger.begin ? c.event.trigger.begin - t.end
                              : t.begin >= c.event.trigger.end ? t.begin - c.event.trigger.end
                                                               : 0;
      // "قبل ثلاثين عاما" far from the trigger dates the background, not the event: "يرفض قسم
      // من السكان … زيارة نصب لناشطين قتلوا … قبل ثلاثين عاما".
      if (t.counted && gap > kCountedReach) continue;
      if (!nearest_time || gap < nearest_time_gap) nearest_time = &t, nearest_time_gap = gap;
    }
    c.date = anchor.valid() ? std::string(article.date) : "";
    c.date_precision = anchor.valid() ? "article" : "";
    if (nearest_time) {
      // "سيلتقيان الجمعة" is the coming Friday; a report of the past reads the last one.
      c.date = (happens_ahead(c, *nearest_time) ? nearest_time->ahead : nearest_time->first).iso().substr(0, 10);
      c.date_precision = extract::precision_name(nearest_time->precision);
    }
    // The numbered round of the event: the one nearest its trigger inside the sentence, as the
    // scan of its whole text found it. A report takes any round its sentence names; a plan
    // only one next to its trigger ("«أستانا 9» تنتهي بالاتفاق على عقد الجولة المقبلة" plans
    // the next round, not the ninth).
    const std::size_t trigger_begin = c.begin + c.event.trigger.begin, trigger_end = c.begin + c.event.trigger.end;
    const cluster::SeriesMention* nearest = nullptr;
    std::size_t nearest_gap = 0;
    for (const auto& s : c.in_title ? in_title : in_body) {
      if (s.number <= 0 || s.begin < c.begin || s.end > c.begin + c.sentence.size()) continue;
      const std::size_t gap = s.end <= trigger_begin ? trigger_begin - s.end : s.begin >= trigger_end ? s.begin - trigger_end : 0;
      if (!nearest || gap < nearest_gap) nearest = &s, nearest_gap = gap;
    }
    constexpr std::size_t kNextToTrigger = 16;  // bytes: a short word or two of Arabic
    if (!nearest || (c.event.mode == Mode::hypothetical && nearest_gap > kNextToTrigger)) continue;
    const auto named = series_names.find(nearest->number);
    c.series_name = !nearest->name.empty() ? nearest->name : named != series_names.end() ? named->second : nearest->noun;
    c.series_ordinal = nearest->number;
    c.named_round = named != series_names.end() && named->second == *c.series_name;
    // A name inside the round's own words ("عقد «جنيف - 3»") is the series, not a party to it.
    const auto inside_round = [&](const Argument& a) {
      return c.begin + a.span.begin >= nearest->begin && c.begin + a.span.end <= nearest->end;
    };
    std::erase_if(c.event.sources, inside_round);
    std::erase_if(c.event.targets, inside_round);
  }
}

// A meeting whose sentence names no participant ("اختتمت في أستانا الجولة 18 … في أول لقاء
// للدول الضامنة") takes the states the same text names as that group ("روسيا وتركيا وإيران").
void add_named_group(std::vector<Coded>& coded, std::string_view text, const std::vector<entities::Mention>& mentions,
                     bool in_title) {
  std::optional<std::vector<std::size_t>> group;  // looked for once, when first needed
  bool names_group = false;
  for (Coded& c : coded) {
    if (c.in_title != in_title || c.event.type != EventType::CONSULT || !c.event.sources.empty()) continue;
    if (!group) {
      names_group = names_a_group(text);
      group = names_group ? named_group(text, mentions) : std::vector<std::size_t>{};
    }
    c.group_unlisted = group->empty() && names_group;
    for (std::size_t m : *group) {
      Argument a;
      a.text = as_written(mentions[m]);
      a.mention = c.mentions.size();
      c.mentions.push_back(m);
      c.event.sources.push_back(std::move(a));
    }
  }
}

}  // namespace

std::unique_ptr<entities::Prepared> RecordWriter::prepare(const entities::TaggedArticle& article) const {
  auto out = std::make_unique<CodedArticle>();
  std::size_t index = 0;
  code_text(article.title, article.title_mentions, true, index, out->coded);
  if (article.title.empty()) index = 1;
  code_text(article.body, article.body_mentions, false, index, out->coded);
  add_named_group(out->coded, article.title, article.title_mentions, true);
  add_named_group(out->coded, article.body, article.body_mentions, false);
  if (!out->coded.empty()) date_and_round(out->coded, article);
  return out;
}

namespace {

// One coded event of an article with its actors linked and the key its reports merge on.
struct Keyed {
  const Coded* coded = nullptr;
  EventRecord record;
  std::string key;
  int window = kEventWindowDays;
  bool anchored = false;  // a named round, or an actor or place linked to an entity
};

// Days between two "YYYY-MM-DD" dates; 0 when either is missing.
long days_apart(const std::string& a, const std::string& b) {
  const extract::DateTime x = extract::parse_iso_date(a), y = extract::parse_iso_date(b);
  if (!x.valid() || !y.valid()) return 0;
  return std::labs(extract::days_from_civil(x.year, x.month, x.day) - extract::days_from_civil(y.year, y.month, y.day));
}

// Who a later sentence names when it takes up a meeting or deal the article has already
// reported: "بحث الجانبان", "اتفق الطرفان", "ناقشت الوفود".
bool refers_back(std::string_view text) {
  static const std::vector<std::string> kReferences = [] {
    std::vector<std::string> out;
    for (const char* w : {"الجانبان", "الجانبين", "الطرفان", "الطرفين", "الوزيران", "الوزيرين", "الرئيسان", "الرئيسين",
                          "الزعيمان", "الزعيمين", "الوفدان", "الوفدين", "الوفود", "الدولتان", "الدولتين", "المجتمعون",
                          "المجتمعين", "المشاركون", "المشاركين"}) {
      out.push_back(text::normalize_for_search(w));
    }
    return out;
  }();
  const std::string key = text::normalize_for_search(text);
  return std::find(kReferences.begin(), kReferences.end(), key) != kReferences.end();
}

// The word right after the trigger: the subject of "وبحث الوزيران" when the coder took none.
std::string_view word_after_trigger(const Coded& c) {
  std::string_view rest = std::string_view(c.sentence).substr(std::min(c.event.trigger.end, c.sentence.size()));
  const std::size_t begin = rest.find_first_not_of(' ');
  if (begin == std::string_view::npos) return {};
  rest.remove_prefix(begin);
  std::string_view word = rest.substr(0, rest.find_first_of(" ,.:;\"()"));  // ASCII only: bytes
  for (const std::string_view mark : {"،", "؛", "»"}) {
    if (word.ends_with(mark)) word.remove_suffix(mark.size());
  }
  return word;
}

// A loose event takes up an anchored one only when its actors refer back to it: the
// article's last sentences often go on with "بحث الجانبان"; any other actor, or none, may be
// another happening ("كما طالب الفائز بنوبل بعقوبات", "وكان القضاء طالب…"): reading 20
// random takings-up of an actorless event found 9 right.
bool may_take_up(const Coded& c, const EventRecord& loose) {
  const auto text_refers_back = [](const Actor& a) { return refers_back(a.text); };
  if (loose.location) return false;
  if (loose.sources.empty() && loose.targets.empty()) return refers_back(word_after_trigger(c));
  return std::all_of(loose.sources.begin(), loose.sources.end(), text_refers_back) &&
         std::all_of(loose.targets.begin(), loose.targets.end(), text_refers_back);
}

// The one anchored event of the article an unanchored one of the same type and mode, dated
// within its window, takes up ("وبحث الوزيران" after "اجتمع لافروف مع جاويش أوغلو"); none when
// the article has no such event or more than one (which one is meant is not known).
const Keyed* only_anchor_for(const Keyed& loose, const std::vector<Keyed>& all) {
  if (!may_take_up(*loose.coded, loose.record)) return nullptr;
  const Keyed* found = nullptr;
  for (const Keyed& k : all) {
    if (!k.anchored || k.record.type != loose.record.type || k.record.mode != loose.record.mode) continue;
    if (found && found->key != k.key) return nullptr;
    if (!found) found = &k;
  }
  if (found && days_apart(found->record.date, loose.record.date) > found->window) return nullptr;
  return found;
}

}  // namespace

Status RecordWriter::article_scanned(const entities::ScannedArticle& scanned, const entities::Prepared* prepared) {
  Impl& d = *impl_;
  if (!d.ok()) return store::sql::db_error(d.db, "preparing the event statements");
  // `prepared` is what prepare() made of this article (entities::ArticleObserver).
  std::vector<Keyed> keyed;
  std::optional<std::string> scope;  // of the loose events, looked up once when first needed
  for (const Coded& c : static_cast<const CodedArticle&>(*prepared).coded) {
    Keyed k;
    k.coded = &c;
    EventRecord& r = k.record;
    r.type = c.event.type;
    r.mode = c.event.mode;
    r.date = c.date;
    r.date_precision = c.date_precision;
    r.series_name = c.series_name;
    r.series_ordinal = c.series_ordinal;
    const auto& ids = c.in_title ? scanned.title_entities : scanned.body_entities;
    const auto& mentions = c.in_title ? scanned.tagged.title_mentions : scanned.tagged.body_mentions;
    // In talk — meetings, statements, demands, sanctions — a capital stands for its state. In
    // force on the ground (strikes, arrests, protests, troops) it is mostly the city: "قصفت
    // طائرات مسيرة موسكو" is no Russian attack, whoever the coder took for the subject.
    const bool state_acts = !in_the_field(r.type);
    // An organ named by its demonym ("القوات الروسية") acts for its state in every kind of event.
    // The actor's text stays as written; its entity is the state's.
    const auto add = [&](std::vector<Actor>& to, const Argument& a) -> Status {
      to.push_back(actor_of(a, c.mentions, ids));
      std::optional<std::string_view> state = a.state;
      if (!state && state_acts) state = capital_state(a, c, mentions);
      if (!state) return Ok{};
      auto id = scanned.entity_named(entities::EntityType::LOC, entities::text_key(*state));
      if (!id) return id.error();
      to.back().entity = id.value();
      return Ok{};
    };
    for (const auto& a : c.event.sources) if (Status s = add(r.sources, a); !s) return s;
    for (const auto& a : c.event.targets) if (Status s = add(r.targets, a); !s) return s;
    if (c.event.location) r.location = actor_of(*c.event.location, c.mentions, ids);
    k.key = std::string(type_name(r.type)) + '|' + mode_name(r.mode) + '|';
    // A named series ("استانا" 9) is one event per round whoever reports it; a bare "الجولة
    // الثانية" is not enough to tell rounds of different talks apart.
    if (c.named_round) {
      k.key += "series:" + *r.series_name + ':';
      if (c.group_unlisted && r.sources.empty()) {
        auto group = d.usual_group(k.key);
        if (!group) return group.error();
        r.sources = std::move(group.value());
      }
      k.key += std::to_string(*r.series_ordinal);
      k.window = kSeriesWindowDays;
      k.anchored = true;
    } else if (auto parties = parties_key(r)) {
      k.key += *parties;
      k.anchored = true;
    } else {
      k.key += actors_key(r.sources) + '|' + actors_key(r.targets) + '|';
      if (r.location) k.key += actors_key({*r.location});
      // Nobody named: only reports of one article are known to agree. Actors named only by a
      // common noun ("قتل 26 شخصا", "الشرطة", "الوفود"): reports of one happening as tracking
      // grouped them (cluster/), or of one article when it is not tracked.
      k.anchored = names_an_entity(r);
      if (!k.anchored && r.sources.empty() && r.targets.empty() && !r.location) {
        k.key += "|article:" + std::to_string(scanned.tagged.rowid);
      } else if (!k.anchored) {
        if (!scope) {
          auto tracked = d.tracked_event_of(scanned.tagged.rowid);
          if (!tracked) return tracked.error();
          scope = tracked.value() ? "|event:" + std::to_string(*tracked.value()) : "|article:" + std::to_string(scanned.tagged.rowid);
        }
        k.key += *scope;
      }
    }
    keyed.push_back(std::move(k));
  }
  // The anchored events first, so that the loose ones of the article can join them.
  std::map<std::string, std::int64_t> record_of_key;
  for (const bool anchored : {true, false}) {
    for (const Keyed& k : keyed) {
      if (k.anchored != anchored) continue;
      const Keyed* anchor = anchored ? nullptr : only_anchor_for(k, keyed);
      Result<std::int64_t> record = anchor ? Result<std::int64_t>(record_of_key.at(anchor->key)) : Result<std::int64_t>(0);
      if (!anchor) record = d.record_for(k.record, k.key, k.window, new_records_);
      if (!record) return record.error();
      if (anchored) record_of_key.emplace(k.key, record.value());
      // A loose report joins its anchor's record as a sentence: its common-noun actors would
      // only blur the record's named ones.
      if (Status s = d.save_report(record.value(), anchor ? EventRecord{} : k.record, scanned.tagged.rowid, *k.coded); !s) return s;
      if (anchor) {
        if (Status s = d.refine_date(record.value(), k.record); !s) return s;
      }
      ++reports_;
    }
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
