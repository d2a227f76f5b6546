#include "masar/cluster/feature_cache.hpp"

#include <algorithm>
#include <utility>

#include "masar/cluster/series.hpp"
#include "masar/text/tokenize.hpp"

namespace masar::cluster {
namespace {

// Numbered series named in the title or the lead (the body up to its first line break).
std::vector<SeriesKey> series_keys(std::string_view title, std::string_view body) {
  const std::string_view lead = body.substr(0, std::min(body.find('\n'), std::size_t{4000}));
  std::vector<SeriesKey> out;
  for (const std::string_view text : {title, lead}) {
    for (const auto& m : find_series(text)) {
      if (m.name.empty()) continue;  // "الجولة الثالثة" of what? Only named series link stories
      out.push_back({m.name, m.number});
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

struct FeatureCache::Entry {
  std::string headline;
  IdVector counts;  // cache term ids, in the order of their terms
  std::vector<SeriesKey> series;
};

std::string headline_of(std::string_view title, std::string_view body) {
  if (!title.empty()) return std::string(title);
  const auto tokens = text::tokenize(body.substr(0, std::min<std::size_t>(body.size(), 400)));
  if (tokens.empty()) return {};
  const std::size_t last = std::min<std::size_t>(tokens.size(), 12) - 1;
  return std::string(body.substr(0, tokens[last].end)) + (tokens.size() > 12 ? "…" : "");
}

ArticleFeatures article_features(std::string_view title, std::string_view body, const FeatureOptions& options) {
  return {headline_of(title, body), count_terms(title, body, options), series_keys(title, body)};
}

FeatureCache::FeatureCache(const FeatureOptions& options, std::size_t max_terms) : options_(options), max_terms_(max_terms) {}
FeatureCache::~FeatureCache() = default;

std::shared_ptr<FeatureCache::Entry> FeatureCache::count(std::string_view title, std::string_view body,
                                                         const store::IndexTerms& terms) {
  if (counted_terms_ >= max_terms_) return nullptr;
  ++articles_;
  auto entry = std::make_shared<Entry>();
  entry->headline = headline_of(title, body);
  entry->series = series_keys(title, body);
  IdVector& counts = entry->counts;
  const auto add = [&](std::string_view term, double w) {
    const TermId id = vocabulary_.intern(term);
    if (id >= sums_.size()) {
      const std::size_t size = std::max<std::size_t>(id + 1, sums_.size() * 3 / 2);
      sums_.resize(size, 0.0);
      seen_in_.resize(size, 0);
    }
    if (seen_in_[id] != articles_) seen_in_[id] = articles_, counts.emplace_back(id, 0.0);
    sums_[id] += w;  // in the order of the text, as count_terms() adds them
  };
  if (terms.title.matches(title) && terms.body.matches(body)) {
    OccurrenceWeights weights(options_);
    const auto term_text = [](const store::IndexTerms::Column& column, const store::IndexTerms::Term& t) {
      return std::string_view(column.terms).substr(t.text_begin, t.text_size);
    };
    for (const auto& t : terms.title.entries) add(term_text(terms.title, t), weights.title(term_text(terms.title, t)));
    const std::size_t cut = counted_body_bytes(body, options_);
    for (const auto& t : terms.body.entries) {
      if (t.end > cut) break;
      const double w = weights.next_body(term_text(terms.body, t));
      if (w <= 0) break;
      add(term_text(terms.body, t), w);
    }
  } else {
    for (const auto& [term, w] : count_terms(title, body, options_)) add(term, w);
  }
  for (auto& [id, w] : counts) w = std::exchange(sums_[id], 0.0);
  // In the order of the terms, like count_terms(): the order the tracker interns them in.
  std::sort(counts.begin(), counts.end(), [this](const auto& a, const auto& b) { return vocabulary_.term(a.first) < vocabulary_.term(b.first); });
  counted_terms_ += counts.size();
  return entry;
}

void FeatureCache::keep(std::int64_t rowid, std::shared_ptr<Entry> entry) {
  if (entry) kept_[rowid] = std::move(entry);
}

bool FeatureCache::Reader::has(std::int64_t rowid) const { return cache_.kept_.count(rowid) != 0; }

std::shared_ptr<const FeatureCache::Entry> FeatureCache::Reader::take(std::int64_t rowid) {
  const auto it = cache_.kept_.find(rowid);
  if (it == cache_.kept_.end()) return nullptr;
  auto entry = std::move(it->second);
  cache_.kept_.erase(it);
  return entry;
}

IdVector FeatureCache::Reader::counts(const Entry& entry) {
  IdVector out;
  out.reserve(entry.counts.size());
  // In the order of the terms, as Vocabulary::to_ids() interns a counted vector: the tracker's
  // ids, and so the order of its sums, are those of a run without the cache.
  for (const auto& [cached, w] : entry.counts) {
    if (cached >= to_tracker_.size()) to_tracker_.resize(std::max<std::size_t>(cached + 1, to_tracker_.size() * 3 / 2), 0);
    TermId& id = to_tracker_[cached];
    if (id == 0) id = vocabulary_.intern(cache_.vocabulary_.term(cached)) + 1;
    out.emplace_back(id - 1, w);
  }
  std::sort(out.begin(), out.end());
  return out;
}

const std::string& FeatureCache::Reader::headline(const Entry& entry) { return entry.headline; }
const std::vector<SeriesKey>& FeatureCache::Reader::series(const Entry& entry) { return entry.series; }

}  // namespace masar::cluster
