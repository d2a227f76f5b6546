#include "masar/cluster/tracker.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace masar::cluster {
namespace {

// Days between t and the span [first, last]; 0 inside it.
double gap(double t, double first, double last) {
  if (t > last) return t - last;
  if (t < first) return first - t;
  return 0;
}

double decay(double days, double grace, double tau) {
  return days <= grace ? 1.0 : std::exp(-(days - grace) / tau);
}

}  // namespace

// c += article, then the `keep` heaviest terms (ties by term text, not by id, so that a
// restored tracker keeps the same ones); `entered` and `left` get the terms that came into
// and went out of the centroid, to keep the postings exact.
void Tracker::absorb(Centroid& c, const IdVector& article, std::size_t keep, std::vector<std::uint32_t>& entered,
                     std::vector<std::uint32_t>& left) {
  // The merged sum stays sorted by id; `from_centroid` says which of its terms c held.
  IdVector sum;
  std::vector<bool>& from_centroid = absorb_origin_;
  sum.reserve(c.terms.size() + article.size());
  from_centroid.clear();
  auto i = c.terms.begin();
  auto j = article.begin();
  while (i != c.terms.end() || j != article.end()) {
    if (j == article.end() || (i != c.terms.end() && i->first < j->first)) {
      sum.push_back(*i++);
      from_centroid.push_back(true);
    } else if (i == c.terms.end() || j->first < i->first) {
      sum.push_back(*j++);
      from_centroid.push_back(false);
    } else {
      sum.emplace_back(i->first, i->second + j->second);
      from_centroid.push_back(true);
      ++i;
      ++j;
    }
  }
  entered.clear();
  left.clear();
  if (keep == 0) {
    for (const auto& [t, w] : c.terms) left.push_back(t);
    sum.clear();
  } else if (sum.size() <= keep) {
    for (std::size_t k = 0; k < sum.size(); ++k) {
      if (!from_centroid[k]) entered.push_back(sum[k].first);
    }
  } else {
    // The lightest term kept: `keep` terms are at least as heavy (a strict order: equal
    // weights go by text). Filtering the sum by it keeps the id order without a sort.
    const auto lightest = vocabulary_.lightest_kept(sum, keep, absorb_ranked_);
    std::size_t kept = 0;
    for (std::size_t k = 0; k < sum.size(); ++k) {
      const bool keeps = sum[k].first == lightest.first || vocabulary_.heavier(sum[k], lightest);
      if (keeps) {
        if (!from_centroid[k]) entered.push_back(sum[k].first);
        sum[kept++] = sum[k];
      } else if (from_centroid[k]) {
        left.push_back(sum[k].first);
      }
    }
    sum.resize(kept);
  }
  c.terms.swap(sum);
  double squares = 0;
  for (const auto& [id, w] : c.terms) squares += w * w;
  c.norm = std::sqrt(squares);
}

IdVector Tracker::heaviest(const IdVector& v, std::size_t n) const {
  IdVector out = v;
  if (out.size() > n) {
    std::nth_element(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n), out.end(),
                     [this](const auto& x, const auto& y) { return vocabulary_.heavier(x, y); });
    out.resize(n);
  }
  return out;
}

void Tracker::set_span(std::vector<Span>& spans, std::int64_t id, double first, double last, bool live) {
  const auto k = static_cast<std::size_t>(id);
  if (k >= spans.size()) spans.resize(k + 4096);
  spans[k] = Span{first, last, live};
}

bool Tracker::within(const std::vector<Span>& spans, std::int64_t id, double time, double window) {
  const auto k = static_cast<std::size_t>(id);
  return k < spans.size() && spans[k].live && gap(time, spans[k].first, spans[k].last) <= window;
}

void Tracker::scatter(const IdVector& a) {
  if (dense_.size() < vocabulary_.size()) dense_.resize(vocabulary_.size() + 4096, 0.0);
  for (const auto& [id, w] : a) dense_[id] = w;
}

void Tracker::unscatter(const IdVector& a) {
  for (const auto& [id, w] : a) dense_[id] = 0.0;
}

// Cosine with the scattered article: one lookup per centroid term, in id order (the order
// and so the rounding of a merge of the two sorted vectors).
double Tracker::similarity(const Centroid& c) const {
  if (c.norm <= 0) return 0.0;
  double sum = 0;
  for (const auto& [id, w] : c.terms) sum += w * dense_[id];
  return sum / c.norm;
}

void Tracker::restore(std::vector<Event> events, std::vector<Story> stories, std::int64_t next_event, std::int64_t next_story) {
  std::vector<std::uint32_t> entered, left;
  for (auto& e : events) {
    EventState state;
    absorb(state.centroid, vocabulary_.to_ids(e.centroid), options_.event_centroid_terms, entered, left);
    for (std::uint32_t t : entered) event_index_[t].push_back(e.id);
    e.centroid.clear();
    for (const auto& key : e.series) round_index_[key].push_back(e.id);
    state.info = std::move(e);
    set_span(event_spans_, state.info.id, state.info.first_time, state.info.last_time, true);
    events_.emplace(state.info.id, std::move(state));
  }
  for (auto& s : stories) {
    StoryState state;
    absorb(state.centroid, vocabulary_.to_ids(s.centroid), options_.story_centroid_terms, entered, left);
    s.centroid.clear();
    state.info = std::move(s);
    set_span(story_spans_, state.info.id, state.info.first_time, state.info.last_time, true);
    auto& placed = stories_.emplace(state.info.id, std::move(state)).first->second;
    index_story(placed);
    for (const auto& name : placed.info.series) series_index_[name].push_back(placed.info.id);
  }
  next_event_ = next_event;
  next_story_ = next_story;
}

void Tracker::index_story(StoryState& s) {
  for (const auto& [t, w] : s.centroid.terms) story_index_[t].push_back(s.info.id);
}

namespace {

void unpost(std::unordered_map<std::uint32_t, std::vector<std::int64_t>>& index, std::uint32_t term, std::int64_t id) {
  auto it = index.find(term);
  if (it == index.end()) return;
  auto& ids = it->second;
  const auto at = std::find(ids.begin(), ids.end(), id);
  if (at == ids.end()) return;
  *at = ids.back();
  ids.pop_back();
}

}  // namespace

std::vector<std::int64_t> Tracker::candidates(const std::unordered_map<std::uint32_t, std::vector<std::int64_t>>& index,
                                              const IdVector& probe, std::vector<std::uint32_t>& counts, std::size_t limit,
                                              const std::function<bool(std::int64_t)>& live) {
  // Postings are exact sets (terms enter and leave with the centroid), so counting shared
  // probe terms and keeping the best `limit` gives the same candidates however the state
  // was built.
  std::vector<std::int64_t> hit;
  for (const auto& [term, w] : probe) {
    const auto it = index.find(term);
    if (it == index.end()) continue;
    for (std::int64_t id : it->second) {
      if (!live(id)) continue;
      const auto k = static_cast<std::size_t>(id);
      if (k >= counts.size()) counts.resize(k + 1024, 0);
      if (counts[k]++ == 0) hit.push_back(id);
    }
  }
  std::vector<std::pair<std::uint32_t, std::int64_t>> ranked;
  ranked.reserve(hit.size());
  for (std::int64_t id : hit) {
    ranked.emplace_back(counts[static_cast<std::size_t>(id)], id);
    counts[static_cast<std::size_t>(id)] = 0;
  }
  const auto better = [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; };
  if (ranked.size() > limit) {
    std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(limit), ranked.end(), better);
    ranked.resize(limit);
  }
  std::vector<std::int64_t> out;
  out.reserve(ranked.size());
  for (const auto& [c, id] : ranked) out.push_back(id);
  std::sort(out.begin(), out.end());
  return out;
}

std::int64_t Tracker::choose_story(const IdVector& a, const IdVector& probe, const TrackedArticle& article) {
  const Scattered scattered(*this, a);
  // A numbered series the story already follows wins whatever the gap: the rounds of one
  // negotiation are months apart.
  std::int64_t best = 0;
  double best_sim = -1;
  for (const auto& key : article.series) {
    const auto it = series_index_.find(key.series);
    if (it == series_index_.end()) continue;
    for (std::int64_t id : it->second) {
      const double sim = similarity(stories_.at(id).centroid);
      if (sim > best_sim || (sim == best_sim && id < best)) best = id, best_sim = sim;
    }
  }
  if (best != 0) return best;
  const std::vector<std::int64_t> seen =
      candidates(story_index_, probe, story_counts_, options_.max_candidates, [&](std::int64_t id) {
        return !article.dated || within(story_spans_, id, article.time, options_.story_window_days);
      });
  for (std::int64_t id : seen) {
    const StoryState& s = stories_.at(id);
    const double g = article.dated ? gap(article.time, s.info.first_time, s.info.last_time) : 0.0;
    if (g > options_.story_window_days) continue;
    const double sim = similarity(s.centroid) * decay(g, options_.story_grace_days, options_.story_tau_days);
    if (sim > best_sim) best = id, best_sim = sim;
  }
  return best_sim >= options_.story_threshold ? best : 0;
}

// The event the article joins (0: none): the event of a round it names, else the most similar
// recent event above the threshold.
std::int64_t Tracker::choose_event(const IdVector& a, const IdVector& probe, const TrackedArticle& article,
                                   double& similarity_out) {
  const Scattered scattered(*this, a);
  std::int64_t best = 0;
  double best_sim = -1;
  const auto consider = [&](std::int64_t id, double window) {
    const EventState& e = events_.at(id);
    // An undated article's time is the stream's clock: only events recent by it are
    // candidates (the same ones whether the archive was tracked in one run or many), undecayed.
    const double g = gap(article.time, e.info.first_time, e.info.last_time);
    if (g > window) return;
    const double sim = similarity(e.centroid) * (article.dated ? decay(g, options_.event_grace_days, options_.event_tau_days) : 1.0);
    if (sim > best_sim || (sim == best_sim && id < best)) best = id, best_sim = sim;
  };
  for (const auto& key : article.series) {
    const auto it = round_index_.find(key);
    if (it == round_index_.end()) continue;
    for (std::int64_t id : it->second) {
      if (is_live(id)) consider(id, options_.series_event_days);
    }
  }
  if (best != 0) {
    similarity_out = std::max(best_sim, 0.0);
    return best;
  }
  // Evicted events are out of every window: their postings are dropped when met.
  const std::vector<std::int64_t> seen = candidates(event_index_, probe, event_counts_, options_.max_candidates,
                                                    [&](std::int64_t id) { return within(event_spans_, id, article.time, options_.event_window_days); });
  for (std::int64_t id : seen) consider(id, options_.event_window_days);
  similarity_out = best_sim;
  return best != 0 && best_sim >= options_.event_threshold ? best : 0;
}

Decision Tracker::track(const TrackedArticle& article) {
  const IdVector& a = article.vector;
  const IdVector& for_story = article.story_vector.empty() ? a : article.story_vector;
  // Probe with the heaviest terms only: an article of an event shares some of them with it.
  const IdVector probe = heaviest(a, options_.probe_terms);
  Decision d;
  EventState* event = nullptr;
  double joined_sim = 0;
  if (const std::int64_t best = choose_event(a, probe, article, joined_sim); best != 0) {
    event = &events_.at(best);
    d.similarity = joined_sim;
  } else {
    EventState fresh;
    fresh.info.id = next_event_++;
    std::int64_t story = choose_story(for_story, heaviest(for_story, options_.probe_terms), article);
    if (story == 0) {
      StoryState s;
      s.info.id = next_story_++;
      s.info.first_time = s.info.last_time = article.dated ? article.time : 0.0;
      story = s.info.id;
      stories_.emplace(story, std::move(s));
      d.new_story = true;
    }
    // An undated article opens an undated event (time 0): out of every dated window.
    const double t = article.dated ? article.time : 0.0;
    fresh.info.first_time = fresh.info.last_time = t;
    fresh.info.story = story;
    ++stories_.at(story).info.events;
    const std::int64_t id = fresh.info.id;
    event = &events_.emplace(id, std::move(fresh)).first->second;

    d.new_event = true;
    d.similarity = 1;
  }
  std::vector<std::uint32_t> entered, left;
  // The event absorbs the article.
  absorb(event->centroid, a, options_.event_centroid_terms, entered, left);
  for (std::uint32_t t : entered) event_index_[t].push_back(event->info.id);
  for (std::uint32_t t : left) unpost(event_index_, t, event->info.id);
  Event& e = event->info;
  if (article.dated) {
    e.first_time = std::min(e.first_time, article.time);
    e.last_time = std::max(e.last_time, article.time);
  }
  ++e.articles;
  for (const auto& key : article.series) {
    if (e.series.insert(key).second) round_index_[key].push_back(e.id);
  }
  if (!article.source.empty()) e.sources.insert(article.source);
  // And so does its story.
  StoryState& story = stories_.at(e.story);
  absorb(story.centroid, for_story, options_.story_centroid_terms, entered, left);
  for (std::uint32_t t : entered) story_index_[t].push_back(story.info.id);
  for (std::uint32_t t : left) unpost(story_index_, t, story.info.id);
  Story& s = story.info;
  if (article.dated) {
    s.first_time = std::min(s.first_time, article.time);
    s.last_time = std::max(s.last_time, article.time);
  }
  ++s.articles;
  if (!article.source.empty()) s.sources.insert(article.source);
  for (const auto& key : article.series) {
    if (s.series.insert(key.series).second) series_index_[key.series].push_back(s.id);
  }
  set_span(event_spans_, e.id, e.first_time, e.last_time, true);
  set_span(story_spans_, s.id, s.first_time, s.last_time, true);
  touched_events_.insert(e.id);
  touched_stories_.insert(s.id);
  d.event = e.id;
  d.story = s.id;
  if (!d.new_event && s.events == 1) {
    if (const std::int64_t target = fold_lone_story(s.id, *event); target != 0) d.merged_story = d.story, d.story = target;
  }
  return d;
}

// The lone story of a growing event, compared with the other stories in its window; folded
// into the most similar at or above story_merge_threshold. Returns that story, or 0.
std::int64_t Tracker::fold_lone_story(std::int64_t lone_id, EventState& event) {
  StoryState& lone = stories_.at(lone_id);
  if (lone.centroid.norm <= 0) return 0;
  IdVector query = lone.centroid.terms;
  for (auto& [id, w] : query) w /= lone.centroid.norm;
  std::int64_t best = 0;
  double best_sim = -1;
  {
    const Scattered scattered(*this, query);
    const Span span{lone.info.first_time, lone.info.last_time, true};
    const auto seen = candidates(story_index_, heaviest(query, options_.probe_terms), story_counts_, options_.max_candidates,
                                 [&](std::int64_t id) {
                                   return id != lone_id && within(story_spans_, id, span.last, options_.story_window_days);
                                 });
    for (std::int64_t id : seen) {
      const StoryState& s = stories_.at(id);
      const double g = gap(span.last, s.info.first_time, s.info.last_time);
      const double sim = similarity(s.centroid) * decay(g, options_.story_grace_days, options_.story_tau_days);
      if (sim > best_sim) best = id, best_sim = sim;
    }
  }
  if (best == 0 || best_sim < options_.story_merge_threshold) return 0;
  StoryState& target = stories_.at(best);
  std::vector<std::uint32_t> entered, left;
  absorb(target.centroid, lone.centroid.terms, options_.story_centroid_terms, entered, left);
  for (std::uint32_t t : entered) story_index_[t].push_back(best);
  for (std::uint32_t t : left) unpost(story_index_, t, best);
  for (const auto& [t, w] : lone.centroid.terms) unpost(story_index_, t, lone_id);
  Story& s = target.info;
  if (lone.info.first_time != 0) {  // not an undated story
    s.first_time = std::min(s.first_time, lone.info.first_time);
    s.last_time = std::max(s.last_time, lone.info.last_time);
  }
  s.events += lone.info.events;
  s.articles += lone.info.articles;
  s.sources.insert(lone.info.sources.begin(), lone.info.sources.end());
  for (const auto& name : lone.info.series) {
    auto& ids = series_index_[name];
    ids.erase(std::remove(ids.begin(), ids.end(), lone_id), ids.end());
    if (s.series.insert(name).second) ids.push_back(best);
  }
  event.info.story = best;
  set_span(story_spans_, best, s.first_time, s.last_time, true);
  story_spans_[static_cast<std::size_t>(lone_id)].live = false;
  stories_.erase(lone_id);
  touched_stories_.erase(lone_id);
  touched_stories_.insert(best);
  removed_stories_.insert(lone_id);
  return best;
}

std::vector<std::int64_t> Tracker::take_removed_stories() {
  std::vector<std::int64_t> out(removed_stories_.begin(), removed_stories_.end());
  removed_stories_.clear();
  return out;
}

void Tracker::add_copy(std::int64_t event, const std::string& source) {
  auto it = events_.find(event);
  if (it == events_.end()) return;
  if (!source.empty()) {
    it->second.info.sources.insert(source);
    stories_.at(it->second.info.story).info.sources.insert(source);
    touched_stories_.insert(it->second.info.story);
  }
  touched_events_.insert(event);
}

std::optional<Event> Tracker::event(std::int64_t id) const {
  const auto it = events_.find(id);
  if (it == events_.end()) return std::nullopt;
  Event e = it->second.info;
  e.centroid = vocabulary_.to_terms(it->second.centroid.terms);
  return e;
}

std::optional<Story> Tracker::story(std::int64_t id) const {
  const auto it = stories_.find(id);
  if (it == stories_.end()) return std::nullopt;
  Story s = it->second.info;
  s.centroid = vocabulary_.to_terms(it->second.centroid.terms);
  return s;
}

std::vector<std::int64_t> Tracker::take_touched_events() {
  std::vector<std::int64_t> out(touched_events_.begin(), touched_events_.end());
  touched_events_.clear();
  return out;
}

std::vector<std::int64_t> Tracker::take_touched_stories() {
  std::vector<std::int64_t> out(touched_stories_.begin(), touched_stories_.end());
  touched_stories_.clear();
  return out;
}

void Tracker::evict_idle(double now) {
  for (auto it = events_.begin(); it != events_.end();) {
    if (it->second.info.last_time < now - options_.event_window_days && !touched_events_.count(it->first)) {
      for (const auto& [t, w] : it->second.centroid.terms) unpost(event_index_, t, it->first);
      for (const auto& key : it->second.info.series) {
        auto& ids = round_index_[key];
        ids.erase(std::remove(ids.begin(), ids.end(), it->first), ids.end());
        if (ids.empty()) round_index_.erase(key);
      }
      event_spans_[static_cast<std::size_t>(it->first)].live = false;
      it = events_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace masar::cluster
