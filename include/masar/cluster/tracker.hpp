// Online event and story tracking. Articles arrive one at a time, in publication order; each
// joins the most similar recent event or opens a new one, and each new event joins the most
// similar story (or the story of the same numbered series: "الجولة 20" of the Astana talks
// joins the story of "أستانا 9" whatever the gap) or opens a new one.
//
// Pure in-memory state with no I/O: cluster/pipeline.cpp loads it from the store, feeds it
// and saves what changed. Given the same state and the same articles in the same order, the
// decisions are the same, so an incremental run equals a rebuild (`masar recluster`).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "masar/cluster/features.hpp"

namespace masar::cluster {

struct TrackerOptions {
  // Events: cosine similarity to the event centroid, times a decay over the gap in days
  // beyond `event_grace_days`: sim * exp(-(gap - grace) / tau).
  double event_threshold = 0.20;
  double event_grace_days = 0.0;
  double event_tau_days = 1.0;
  double event_window_days = 7.0;  // events idle longer are no candidates
  // Stories: the same over story centroids, with a slower decay and a longer window.
  double story_threshold = 0.12;
  double story_grace_days = 30.0;
  double story_tau_days = 90.0;
  double story_window_days = 180.0;
  // A story of one event is decided by that event's first article. When the event grows, its
  // story is compared again with the others (centroid to centroid) and folded into the most
  // similar one at or above this.
  double story_merge_threshold = 0.15;
  std::size_t event_centroid_terms = 60;
  std::size_t story_centroid_terms = 100;
  // Reports naming the same round of a numbered series ("أستانا 21") within this many days
  // of its event join it whatever their wording: a round is one happening.
  double series_event_days = 7.0;
  std::size_t probe_terms = 12;     // an article's heaviest terms used to find candidates
  std::size_t max_candidates = 64;  // the events (stories) sharing most probe terms are compared
};

// A numbered series an article names, e.g. {"استانا", 20}: the series by its canonical name
// (whatever the noun: "الجولة 20 من محادثات أستانا", "أستانا 9"), and the round.
struct SeriesKey {
  std::string series;
  int number = 0;
  bool operator<(const SeriesKey& o) const { return series != o.series ? series < o.series : number < o.number; }
  bool operator==(const SeriesKey& o) const { return series == o.series && number == o.number; }
};

struct TrackedArticle {
  std::int64_t article = 0;  // store rowid
  IdVector vector;           // unit length (weigh()), compared with events; ids of tracker.vocabulary()
  IdVector story_vector;     // compared with stories (archive idf: the week's hot words link its events); empty: `vector`
  double time = 0;           // days since epoch
  bool dated = true;         // false: `time` is only the stream's clock; placed by content alone
  std::string source;
  std::vector<SeriesKey> series;
};

struct Event {
  std::int64_t id = 0;
  std::int64_t story = 0;
  SparseVector centroid;  // sum of member vectors, heaviest terms kept
  double first_time = 0, last_time = 0;
  std::int64_t articles = 0;
  std::set<std::string> sources;
  std::set<SeriesKey> series;  // rounds its articles name
};

struct Story {
  std::int64_t id = 0;
  SparseVector centroid;
  double first_time = 0, last_time = 0;
  std::int64_t events = 0, articles = 0;
  std::set<std::string> sources;
  std::set<std::string> series;  // series names ("استانا"), any round
};

struct Decision {
  std::int64_t event = 0, story = 0;
  double similarity = 0;  // to the event joined (1 for a new event)
  bool new_event = false, new_story = false;
  std::int64_t merged_story = 0;  // a story folded into `story` (now gone), 0 if none
};

class Tracker {
 public:
  explicit Tracker(TrackerOptions options = {}) : options_(options) {}
  Tracker(const Tracker&) = delete;
  Tracker& operator=(const Tracker&) = delete;

  // The ids of every vector given to and taken from the tracker.
  Vocabulary& vocabulary() { return vocabulary_; }
  const Vocabulary& vocabulary() const { return vocabulary_; }

  // State from the store (events recent enough to be candidates, every story) and the next
  // free ids. Must be called before the first track().
  void restore(std::vector<Event> events, std::vector<Story> stories, std::int64_t next_event, std::int64_t next_story);

  Decision track(const TrackedArticle& article);
  // A copy of an already tracked article counts once: it is only counted in the event.
  void add_copy(std::int64_t event, const std::string& source);

  // Snapshots for saving (nullopt for an unknown or evicted id).
  std::optional<Event> event(std::int64_t id) const;
  std::optional<Story> story(std::int64_t id) const;
  // Events and stories changed since the last call (ids), then forgotten.
  std::vector<std::int64_t> take_touched_events();
  std::vector<std::int64_t> take_touched_stories();
  // Stories folded into others since the last call (to delete), then forgotten.
  std::vector<std::int64_t> take_removed_stories();
  // Frees events idle for longer than the event window before `now` (days), once the caller
  // has saved them (touched events are kept). Only valid when later articles are not older.
  void evict_idle(double now);
  const TrackerOptions& options() const { return options_; }

 private:
  // Vectors are sorted by term id, so similarity is integer comparisons. Ids depend on
  // arrival order, so ties are broken by the term itself.
  struct Centroid {
    IdVector terms;
    double norm = 0;
  };
  struct EventState {
    Event info;  // centroid left empty: `centroid` holds it
    Centroid centroid;
  };
  struct StoryState {
    Story info;
    Centroid centroid;
  };

  void absorb(Centroid& c, const IdVector& article, std::size_t keep, std::vector<std::uint32_t>& entered,
              std::vector<std::uint32_t>& left);
  static std::vector<std::int64_t> candidates(const std::unordered_map<std::uint32_t, std::vector<std::int64_t>>& index,
                                              const IdVector& probe, std::vector<std::uint32_t>& counts, std::size_t limit,
                                              const std::function<bool(std::int64_t)>& live);
  // The article being compared, spread over a dense array by term id while a choice runs.
  void scatter(const IdVector& a);
  void unscatter(const IdVector& a);
  struct Scattered {
    Tracker& tracker;
    const IdVector& article;
    Scattered(Tracker& t, const IdVector& a) : tracker(t), article(a) { t.scatter(a); }
    ~Scattered() { tracker.unscatter(article); }
  };
  double similarity(const Centroid& c) const;
  IdVector heaviest(const IdVector& v, std::size_t n) const;  // unsorted
  std::int64_t choose_story(const IdVector& a, const IdVector& probe, const TrackedArticle& article);
  std::int64_t choose_event(const IdVector& a, const IdVector& probe, const TrackedArticle& article, double& similarity);
  void index_story(StoryState& s);
  std::int64_t fold_lone_story(std::int64_t lone, EventState& event);

  TrackerOptions options_;
  Vocabulary vocabulary_;
  // Looked up by id for every candidate; nothing depends on their order.
  std::unordered_map<std::int64_t, EventState> events_;
  std::unordered_map<std::int64_t, StoryState> stories_;
  std::unordered_map<std::uint32_t, std::vector<std::int64_t>> event_index_, story_index_;  // term -> ids
  std::map<std::string, std::vector<std::int64_t>> series_index_;                             // series -> stories
  std::map<SeriesKey, std::vector<std::int64_t>> round_index_;                                // round -> live events
  std::set<std::int64_t> touched_events_, touched_stories_, removed_stories_;
  std::vector<std::uint32_t> event_counts_, story_counts_;  // scratch of candidates(), by id
  std::vector<double> dense_;  // by term id: the scattered article, else 0
  IdVector absorb_ranked_;            // scratch of absorb()
  std::vector<bool> absorb_origin_;   // scratch of absorb()
  // By id: the span of every event in memory (live) and of every story, so that candidates
  // out of the time window are skipped before they are ranked — the same candidates however
  // many idle events were evicted yet.
  struct Span {
    double first = 0, last = 0;
    bool live = false;
  };
  std::vector<Span> event_spans_, story_spans_;
  static void set_span(std::vector<Span>& spans, std::int64_t id, double first, double last, bool live);
  static bool within(const std::vector<Span>& spans, std::int64_t id, double time, double window);
  bool is_live(std::int64_t id) const {
    return static_cast<std::size_t>(id) < event_spans_.size() && event_spans_[static_cast<std::size_t>(id)].live;
  }
  std::int64_t next_event_ = 1, next_story_ = 1;
};

}  // namespace masar::cluster
