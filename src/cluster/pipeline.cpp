#include "masar/cluster/pipeline.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <future>
#include <optional>
#include <unordered_map>

#include "masar/cluster/feature_cache.hpp"
#include "masar/cluster/series.hpp"
#include "masar/extract/dates.hpp"
#include "masar/text/analyzer.hpp"
#include "masar/text/tokenize.hpp"
#include "masar/util/parallel.hpp"
#include "cluster/recent_window.hpp"
#include "cluster/vector_codec.hpp"
#include "store/sqlite_util.hpp"

namespace masar::cluster {
namespace {

using nlohmann::json;
using store::sql::Statement;

constexpr std::string_view kTrackingKey = "tracking";  // store_meta: tracked_with_analyzer()

// An article to track, in the order of tracking; its text is read a chunk at a time.
struct Pending {
  std::int64_t rowid = 0;
  std::optional<double> time;
  std::optional<std::int64_t> copy_of;  // rowid of the original when this is a stored duplicate
  double copy_similarity = 0;
  std::string source;
};

// What counting (in parallel, ahead of the tracker) makes of an article's text, or what the
// ingest counted of it while storing it (`cached`).
struct Counted {
  ArticleFeatures features;
  std::shared_ptr<const FeatureCache::Entry> cached;
};

// A stored centroid: a blob since schema 7, JSON text before it. A damaged blob gives an empty
// centroid, as damaged JSON always did: the event or story is still restored, it only
// attracts nothing until it grows again.
SparseVector centroid_of(const Statement& st, int col) {
  if (!st.is_blob(col)) return decode_vector_json(st.text(col));
  return decode_vector(st.blob(col)).value_or(SparseVector{});
}

std::set<std::string> set_of(const std::string& text) {
  std::set<std::string> out;
  const json j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& s : j) {
    if (s.is_string()) out.insert(s.get<std::string>());
  }
  return out;
}

std::set<SeriesKey> rounds_of(const std::string& text) {
  std::set<SeriesKey> out;
  const json j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& r : j) {
    if (r.is_array() && r.size() == 2 && r[0].is_string() && r[1].is_number_integer()) out.insert({r[0].get<std::string>(), r[1].get<int>()});
  }
  return out;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// How central a headline is to a centroid: the weight of its distinct terms, over the square
// root of their number (long headlines do not win by length alone).
double centrality(const std::string& headline, const SparseVector& centroid) {
  SparseVector terms;
  text::Analyzer::standard().analyze(headline, [&](const text::Term& t) { terms.emplace_back(t.text, 1.0); });
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  if (terms.empty()) return -1;
  return dot(terms, centroid) / std::sqrt(static_cast<double>(terms.size()));
}

class Saver {
 public:
  explicit Saver(sqlite3* db)
      : db_(db),
        event_(db, "INSERT OR REPLACE INTO events(id, story, label, first_time, last_time, articles, sources, series, centroid) "
                   "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
        story_(db, "INSERT OR REPLACE INTO stories(id, label, first_time, last_time, events, articles, sources, series, centroid) "
                   "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
        members_(db, "SELECT a.title, a.body FROM article_events ae JOIN articles a ON a.rowid = ae.article "
                     "WHERE ae.event = ?1 AND ae.copy = 0 ORDER BY a.rowid"),
        labels_(db, "SELECT label FROM events WHERE story = ?1 ORDER BY articles DESC, id LIMIT ?2"),
        assign_(db, "INSERT OR REPLACE INTO article_events(article, event, similarity, copy) VALUES(?1, ?2, ?3, ?4)"),
        df_(db, "INSERT OR REPLACE INTO term_df(term, df) VALUES(?1, ?2)"),
        meta_(db, "INSERT OR REPLACE INTO cluster_meta(key, value) VALUES(?1, ?2)"),
        remove_story_(db, "DELETE FROM stories WHERE id = ?1") {}

  bool ok() const {
    return event_.ok() && story_.ok() && members_.ok() && labels_.ok() && assign_.ok() && df_.ok() && meta_.ok() &&
           remove_story_.ok();
  }

  Status assign(std::int64_t article, std::int64_t event, double similarity, bool copy) {
    assign_.reset().bind(1, article).bind(2, event).bind(3, similarity).bind(4, static_cast<std::int64_t>(copy));
    return assign_.step() == SQLITE_DONE ? Status(Ok{}) : store::sql::db_error(db_, "saving an event assignment");
  }

  // Label: the member headline whose terms weigh most in the centroid.
  std::string event_label(const Event& e) {
    std::string best;
    double best_score = -1;
    members_.reset().bind(1, e.id);
    while (members_.step() == SQLITE_ROW) {
      std::string headline = headline_of(members_.text(0), members_.text(1));
      const double score = centrality(headline, e.centroid);
      if (score > best_score) best_score = score, best = std::move(headline);
    }
    return best;
  }

  // Of the labels of its biggest events, the one whose terms weigh most in the story; with
  // `quick` (a batch before the last of a run), the biggest event's.
  std::string story_label(const Story& s, bool quick) {
    const bool compare = s.events >= 3 && !quick;
    std::string best;
    double best_score = -1;
    labels_.reset().bind(1, s.id).bind(2, static_cast<std::int64_t>(compare ? 12 : 1));
    while (labels_.step() == SQLITE_ROW) {
      std::string label = labels_.text(0);
      const double score = compare ? centrality(label, s.centroid) : 0.0;
      if (score > best_score) best_score = score, best = std::move(label);
    }
    return best;
  }

  // `opening_headline`: the headline of its only article, when known (no member query needed).
  Status event(const Event& e, const std::string* opening_headline) {
    json sources(e.sources);
    json rounds = json::array();
    for (const auto& key : e.series) rounds.push_back(json::array({key.series, key.number}));
    const std::string label = e.articles == 1 && opening_headline ? *opening_headline : event_label(e);
    event_.reset().bind(1, e.id).bind(2, e.story).bind(3, label).bind(4, e.first_time).bind(5, e.last_time)
        .bind(6, e.articles).bind(7, dump(sources)).bind(8, dump(rounds)).bind_blob(9, encode_vector(e.centroid));
    return event_.step() == SQLITE_DONE ? Status(Ok{}) : store::sql::db_error(db_, "saving an event");
  }

  Status story(const Story& s, bool quick_label) {
    const std::string label = story_label(s, quick_label);
    story_.reset().bind(1, s.id).bind(2, label).bind(3, s.first_time).bind(4, s.last_time).bind(5, s.events)
        .bind(6, s.articles).bind(7, dump(json(s.sources))).bind(8, dump(json(s.series))).bind_blob(9, encode_vector(s.centroid));
    return story_.step() == SQLITE_DONE ? Status(Ok{}) : store::sql::db_error(db_, "saving a story");
  }

  Status remove_story(std::int64_t id) {
    remove_story_.reset().bind(1, id);
    return remove_story_.step() == SQLITE_DONE ? Status(Ok{}) : store::sql::db_error(db_, "removing a folded story");
  }

  Status df(const std::string& term, std::uint32_t count) {
    df_.reset().bind(1, term).bind(2, static_cast<std::int64_t>(count));
    return df_.step() == SQLITE_DONE ? Status(Ok{}) : store::sql::db_error(db_, "saving document frequencies");
  }

  Status meta(const char* key, double value) {
    meta_.reset().bind(1, std::string_view(key)).bind(2, value);
    return meta_.step() == SQLITE_DONE ? Status(Ok{}) : store::sql::db_error(db_, "saving clustering state");
  }

 private:
  sqlite3* db_;
  Statement event_, story_, members_, labels_, assign_, df_, meta_, remove_story_;
};

double meta_value(sqlite3* db, const char* key) {
  Statement st(db, "SELECT value FROM cluster_meta WHERE key = ?1");
  st.bind(1, std::string_view(key));
  return st.ok() && st.step() == SQLITE_ROW ? st.real(0) : 0.0;
}

Result<std::vector<Pending>> read_pending(sqlite3* db) {
  Statement st(db,
               "SELECT a.rowid, a.date, a.dup_of, a.dup_similarity, a.source FROM articles a "
               "LEFT JOIN article_events ae ON ae.article = a.rowid WHERE ae.article IS NULL ORDER BY a.rowid");
  if (!st.ok()) return store::sql::db_error(db, "reading articles to cluster");
  std::vector<Pending> out;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    Pending p;
    p.rowid = st.int64(0);
    p.time = days_since_epoch(st.text(1));
    if (!st.is_null(2)) p.copy_of = st.int64(2), p.copy_similarity = st.real(3);
    p.source = st.text(4);
    out.push_back(p);
  }
  if (rc != SQLITE_DONE) return store::sql::db_error(db, "reading articles to cluster");
  // Publication order; undated articles after the dated ones, in the order they were stored.
  std::stable_sort(out.begin(), out.end(), [](const Pending& a, const Pending& b) {
    if (a.time.has_value() != b.time.has_value()) return a.time.has_value();
    return a.time && *a.time < *b.time;
  });
  return out;
}

Status restore(sqlite3* db, Tracker& tracker, DocumentFrequencies& df, double earliest) {
  Vocabulary& vocabulary = tracker.vocabulary();
  std::vector<Event> events;
  Statement ev(db, "SELECT id, story, first_time, last_time, articles, sources, series, centroid FROM events WHERE last_time >= ?1");
  Statement st(db, "SELECT id, first_time, last_time, events, articles, sources, series, centroid FROM stories");
  Statement terms(db, "SELECT term, df FROM term_df");
  Statement next(db, "SELECT (SELECT coalesce(max(id), 0) FROM events), (SELECT coalesce(max(id), 0) FROM stories)");
  if (!ev.ok() || !st.ok() || !terms.ok() || !next.ok()) return store::sql::db_error(db, "reading events and stories");
  ev.bind(1, earliest - tracker.options().event_window_days);
  while (ev.step() == SQLITE_ROW) {
    Event e;
    e.id = ev.int64(0);
    e.story = ev.int64(1);
    e.first_time = ev.real(2);
    e.last_time = ev.real(3);
    e.articles = ev.int64(4);
    e.sources = set_of(ev.text(5));
    e.series = rounds_of(ev.text(6));
    e.centroid = centroid_of(ev, 7);
    events.push_back(std::move(e));
  }
  std::vector<Story> stories;
  while (st.step() == SQLITE_ROW) {
    Story s;
    s.id = st.int64(0);
    s.first_time = st.real(1);
    s.last_time = st.real(2);
    s.events = st.int64(3);
    s.articles = st.int64(4);
    s.sources = set_of(st.text(5));
    s.series = set_of(st.text(6));
    s.centroid = centroid_of(st, 7);
    stories.push_back(std::move(s));
  }
  while (terms.step() == SQLITE_ROW) df.load(vocabulary.intern(terms.text(0)), static_cast<std::uint32_t>(terms.int64(1)));
  df.set_documents(static_cast<std::uint64_t>(meta_value(db, "documents")));
  if (next.step() != SQLITE_ROW) return store::sql::db_error(db, "reading event ids");
  tracker.restore(std::move(events), std::move(stories), next.int64(0) + 1, next.int64(1) + 1);
  return Ok{};
}

// The recent-window frequencies as a run over the whole archive would have them on reaching
// `earliest`: the tracked articles of the window before it, counted again, in time order.
Status restore_recent(sqlite3* db, RecentFrequencies& recent, Vocabulary& vocabulary, double earliest,
                      const FeatureOptions& options) {
  if (options.recent_share <= 0) return Ok{};
  auto window = recent_window_articles(db, earliest, options.recent_days);
  if (!window) return window.error();
  for (const WindowArticle& a : window.value()) recent.add(vocabulary.to_ids(count_terms(a.title, a.body, options)), a.time);
  return Ok{};
}

// Saves what the tracker changed since the last call, then lets it forget idle events.
// `last`: the last batch of the run (stories get their full labels then: a story touched in
// many batches is labelled once).
Status save(Saver& saver, Tracker& tracker, DocumentFrequencies& df, double clock, double now,
            std::unordered_map<std::int64_t, std::string>& opening_headlines, std::set<std::int64_t>& to_relabel, bool last) {
  for (std::int64_t id : tracker.take_touched_events()) {
    const auto known = opening_headlines.find(id);
    if (Status s = saver.event(*tracker.event(id), known == opening_headlines.end() ? nullptr : &known->second); !s) return s;
  }
  opening_headlines.clear();
  const std::vector<std::int64_t> touched = tracker.take_touched_stories();
  to_relabel.insert(touched.begin(), touched.end());
  const std::vector<std::int64_t> stories = last ? std::vector<std::int64_t>(to_relabel.begin(), to_relabel.end()) : touched;
  for (std::int64_t id : stories) {
    const auto story = tracker.story(id);
    if (!story) continue;  // folded into another
    if (Status s = saver.story(*story, !last); !s) return s;
  }
  if (last) to_relabel.clear();
  for (std::int64_t id : tracker.take_removed_stories()) {
    if (Status s = saver.remove_story(id); !s) return s;
  }
  for (const TermId term : df.take_changed()) {
    if (Status s = saver.df(tracker.vocabulary().term(term), df.df(term)); !s) return s;
  }
  if (Status s = saver.meta("documents", static_cast<double>(df.documents())); !s) return s;
  if (Status s = saver.meta("clock", clock); !s) return s;
  tracker.evict_idle(now);
  return Ok{};
}

}  // namespace

Result<std::vector<WindowArticle>> recent_window_articles(sqlite3* db, double earliest, double days) {
  Statement st(db,
               "SELECT a.title, a.body, a.date FROM article_events ae JOIN articles a ON a.rowid = ae.article "
               "WHERE ae.copy = 0 AND a.date >= ?1 AND a.date < ?2 ORDER BY a.date, a.rowid");
  if (!st.ok()) return store::sql::db_error(db, "reading recent articles");
  // Not the articles published after `earliest`: an older article arriving late was counted
  // with the archive's last days, and every later article was analyzed again for it.
  st.bind(1, date_of_days(earliest - days - 1)).bind(2, date_of_days(earliest + 2));
  std::vector<WindowArticle> window;
  while (st.step() == SQLITE_ROW) {
    const auto t = days_since_epoch(st.text(2));
    if (!t || *t < earliest - days || *t > earliest) continue;
    window.push_back({*t, st.text(0), st.text(1)});
  }
  std::stable_sort(window.begin(), window.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
  return window;
}

std::string date_of_days(double days) {
  if (days == 0) return {};
  const extract::DateTime d = extract::civil_from_days(static_cast<long>(std::floor(days)));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

namespace {

// Reads and counts the articles order[from, to) — on a worker, while the tracker runs. Articles
// the ingest counted already (`cache`) are only looked up.
class ChunkReader {
 public:
  ChunkReader(sqlite3* db, const ClusterOptions& options, FeatureCache::Reader* cache)
      : db_(db),
        options_(options),
        cache_(cache),
        text_(db, "SELECT title, body FROM articles WHERE rowid = ?1") {}
  bool ok() const { return text_.ok(); }

  // Reading uses the connection, so it happens on the caller's thread; counting is returned as
  // a future.
  std::future<std::vector<Counted>> start(const std::vector<Pending>& items, const std::vector<std::size_t>& order,
                                          std::size_t from, std::size_t to) {
    std::vector<std::pair<std::string, std::string>> texts;
    std::vector<Counted> out(to - from);
    texts.reserve(to - from);
    for (std::size_t k = from; k < to; ++k) {
      const std::int64_t rowid = items[order[k]].rowid;
      Counted& c = out[k - from];
      // A copy is counted from its text, as ever: it only needs it when its original has no
      // event, and its row may have been stored as an original earlier in the same ingest.
      if (cache_ && !items[order[k]].copy_of && (c.cached = cache_->take(rowid))) {
        texts.emplace_back();
        continue;
      }
      text_.reset().bind(1, rowid);
      const store::sql::ResetAtExit done(text_);
      if (text_.step() == SQLITE_ROW) {
        texts.emplace_back(text_.text(0), text_.text(1));
      } else {
        texts.emplace_back();
      }
    }
    return std::async(std::launch::async, [texts = std::move(texts), out = std::move(out), this]() mutable {
      util::parallel_for(out.size(), options_.threads, [&](std::size_t i) {
        if (out[i].cached) return;
        const auto& [title, body] = texts[i];
        out[i].features = article_features(title, body, options_.features);
      });
      return std::move(out);
    });
  }

 private:
  sqlite3* db_;
  const ClusterOptions& options_;
  FeatureCache::Reader* cache_;
  Statement text_;
};

constexpr std::size_t kChunk = 1024;

// Whether terms counted with `a` are what counting with `b` would give.
bool counts_alike(const FeatureOptions& a, const FeatureOptions& b) {
  return a.title_weight == b.title_weight && a.lead_weight == b.lead_weight && a.lead_terms == b.lead_terms &&
         a.body_terms == b.body_terms && a.name_weight == b.name_weight;
}

}  // namespace

Result<ClusterSummary> cluster_pending(store::Store& store, const ClusterOptions& options,
                                       const std::function<void(std::size_t, std::size_t)>& progress, FeatureCache* counted) {
  sqlite3* db = store.handle();
  ClusterSummary summary;
  auto pending = read_pending(db);
  if (!pending) return pending.error();
  auto& items = pending.value();
  if (items.empty()) return summary;
  // A run that continues from saved events keeps the version they were tracked with.
  auto tracked_with = tracked_with_analyzer(store);
  if (!tracked_with) return tracked_with.error();
  if (Status s = store.record_version(kTrackingKey, tracked_with.value().value_or(text::kAnalyzerVersion)); !s) return s.error();

  Tracker tracker(options.tracker);
  Vocabulary& vocabulary = tracker.vocabulary();
  DocumentFrequencies df;
  RecentFrequencies recent(options.features.recent_days);
  const double earliest = items.front().time.value_or(0);
  if (Status s = restore(db, tracker, df, earliest); !s) return s.error();
  if (items.front().time) {
    if (Status s = restore_recent(db, recent, vocabulary, earliest, options.features); !s) return s.error();
  }
  double clock = meta_value(db, "clock");  // the latest publication time tracked so far
  Saver saver(db);
  std::optional<FeatureCache::Reader> cached;
  if (counted && counts_alike(counted->options(), options.features)) cached.emplace(*counted, vocabulary);
  ChunkReader reader(db, options, cached ? &*cached : nullptr);
  Statement event_of(db, "SELECT event FROM article_events WHERE article = ?1");
  if (!saver.ok() || !reader.ok() || !event_of.ok()) return store::sql::db_error(db, "preparing the clustering statements");

  // Originals first, then copies (their original may be in this run).
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < items.size(); ++i) if (!items[i].copy_of) order.push_back(i);
  for (std::size_t i = 0; i < items.size(); ++i) if (items[i].copy_of) order.push_back(i);

  std::unordered_map<std::int64_t, std::string> opening_headlines;  // of events opened in this batch
  std::set<std::int64_t> to_relabel;                                 // stories touched in this run
  const auto fail = [&](Error e) -> Result<ClusterSummary> {
    (void)store.rollback();
    return e;
  };
  auto next = reader.start(items, order, 0, std::min(order.size(), kChunk));
  std::size_t since_commit = 0;
  // The latest time tracked in this run (not the stream's clock): events older than the clock
  // stay candidates for late-arriving older articles until this run has moved past them.
  double now = -std::numeric_limits<double>::infinity();
  if (Status s = store.begin(); !s) return s.error();
  for (std::size_t from = 0; from < order.size(); from += kChunk) {
    const std::size_t to = std::min(order.size(), from + kChunk);
    std::vector<Counted> chunk = next.get();
    if (to < order.size()) next = reader.start(items, order, to, std::min(order.size(), to + kChunk));
    for (std::size_t k = from; k < to; ++k) {
      const Pending& p = items[order[k]];
      Counted& c = chunk[k - from];
      std::optional<std::int64_t> original_event;
      if (p.copy_of) {
        event_of.reset().bind(1, *p.copy_of);
        const store::sql::ResetAtExit done(event_of);
        if (event_of.step() == SQLITE_ROW) original_event = event_of.int64(0);
      }
      Status s = Ok{};
      if (original_event) {
        tracker.add_copy(*original_event, p.source);
        s = saver.assign(p.rowid, *original_event, p.copy_similarity, true);
        ++summary.copies;
      } else {
        const IdVector counts = c.cached ? cached->counts(*c.cached) : vocabulary.to_ids(c.features.counts);
        std::vector<SeriesKey> series = c.cached ? FeatureCache::Reader::series(*c.cached) : std::move(c.features.series);
        const double t = p.time.value_or(clock);
        recent.advance(t);
        TrackedArticle a{p.rowid, {}, {}, t, p.time.has_value(), p.source, std::move(series)};
        a.vector = weigh(counts, df, vocabulary, options.features, &recent, &a.story_vector);
        if (p.time) clock = std::max(clock, *p.time), now = std::max(now, *p.time);
        const Decision d = tracker.track(a);
        if (d.new_event) opening_headlines.emplace(d.event, c.cached ? FeatureCache::Reader::headline(*c.cached) : std::move(c.features.headline));
        df.add(counts);
        recent.add(counts, t);
        summary.new_events += d.new_event;
        summary.new_stories += d.new_story;
        summary.new_stories -= d.merged_story != 0;  // counted when it opened
        s = saver.assign(p.rowid, d.event, d.similarity, false);
      }
      if (!s) return fail(s.error());
      ++summary.articles;
    }
    since_commit += to - from;
    tracker.evict_idle(now);  // saved or not, idle events are out of every window
    if (since_commit >= options.batch_size || to == order.size()) {
      const bool last = to == order.size();
      if (Status s = save(saver, tracker, df, clock, now, opening_headlines, to_relabel, last); !s) return fail(s.error());
      if (Status s = store.commit(); !s) return s.error();
      if (progress) progress(to, order.size());
      since_commit = 0;
      if (to < order.size()) {
        if (Status s = store.begin(); !s) return s.error();
      }
    }
  }
  return summary;
}

Result<std::optional<int>> tracked_with_analyzer(const store::Store& store) { return store.data_version(kTrackingKey, "events"); }

Result<ClusterSummary> recluster(store::Store& store, const ClusterOptions& options,
                                 const std::function<void(std::size_t, std::size_t)>& progress) {
  if (Status s = store::sql::exec(store.handle(),
                                  "BEGIN IMMEDIATE; DELETE FROM article_events; DELETE FROM events; DELETE FROM stories; "
                                  "DELETE FROM term_df; DELETE FROM cluster_meta; DELETE FROM store_meta WHERE key = 'tracking'; COMMIT;");
      !s) {
    (void)store::sql::exec(store.handle(), "ROLLBACK");
    return s.error();
  }
  return cluster_pending(store, options, progress);
}

}  // namespace masar::cluster
