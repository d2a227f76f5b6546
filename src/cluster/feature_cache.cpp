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
  // Cache term ids with their counts, in the order of their terms: in `narrow` when every count
  // is exact as a float, else in `wide`.
  std::vector<std::pair<TermId, float>> narrow;
  IdVector wide;
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

FeatureCache::FeatureCache(const FeatureOptions& options, std::size_t max_terms)
    : options_(options), max_terms_(max_terms), local_(std::make_unique<LocalCounts>()) {}
FeatureCache::~FeatureCache() = default;

// The distinct terms of one article with their summed weights, keyed by the text of the
// terms (views into the index terms): each occurrence costs a hash, not an interning.
class FeatureCache::LocalCounts {
 public:
  void start(std::size_t most_terms) {
    ++stamp_;
    terms_.clear();
    sums_.clear();
    std::size_t size = 64;
    while (size < 2 * most_terms) size *= 2;
    if (slots_.size() < size) slots_.assign(size, Slot{});
  }
  void add(std::string_view term, double w) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = std::hash<std::string_view>()(term) & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.stamp != stamp_) {
        slot = Slot{stamp_, static_cast<std::uint32_t>(terms_.size())};
        terms_.push_back(term);
        sums_.push_back(w);
        return;
      }
      if (terms_[slot.index] == term) {
        sums_[slot.index] += w;  // in the order of the text, as count_terms() adds them
        return;
      }
    }
  }
  const std::vector<std::string_view>& terms() const { return terms_; }
  const std::vector<double>& sums() const { return sums_; }

 private:
  struct Slot {
    std::uint32_t stamp = 0, index = 0;
  };
  std::vector<Slot> slots_;
  std::uint32_t stamp_ = 0;
  std::vector<std::string_view> terms_;
  std::vector<double> sums_;
};

std::shared_ptr<FeatureCache::Entry> FeatureCache::count(std::string_view title, std::string_view body,
                                                         const store::IndexTerms& terms) {
  if (counted_terms_ >= max_terms_) return nullptr;
  auto entry = std::make_shared<Entry>();
  entry->headline = headline_of(title, body);
  entry->series = series_keys(title, body);
  SparseVector from_text;  // when the terms are of another text
  std::vector<std::pair<std::string_view, double>> counted;
  if (terms.title.matches(title) && terms.body.matches(body)) {
    LocalCounts& local = *local_;
    local.start(terms.title.entries.size() + options_.body_terms);
    OccurrenceWeights weights(options_);
    const auto term_text = [](const store::IndexTerms::Column& column, const store::IndexTerms::Term& t) {
      return std::string_view(column.terms).substr(t.text_begin, t.text_size);
    };
    for (const auto& t : terms.title.entries) {
      const std::string_view term = term_text(terms.title, t);
      local.add(term, weights.title(term));
    }
    const std::size_t cut = counted_body_bytes(body, options_);
    for (const auto& t : terms.body.entries) {
      if (t.end > cut) break;
      const std::string_view term = term_text(terms.body, t);
      const double w = weights.next_body(term);
      if (w <= 0) break;
      local.add(term, w);
    }
    counted.reserve(local.terms().size());
    for (std::size_t i = 0; i < local.terms().size(); ++i) counted.emplace_back(local.terms()[i], local.sums()[i]);
    // In the order of the terms, like count_terms(): the order the tracker interns them in.
    std::sort(counted.begin(), counted.end());
  } else {
    from_text = count_terms(title, body, options_);
    for (const auto& [term, w] : from_text) counted.emplace_back(term, w);
  }
  // Most weights are sums of a few multiples of the title, lead and name weights, exact in a
  // float: half the memory. Otherwise the doubles are kept, so the counts stay exact.
  const bool narrow = std::all_of(counted.begin(), counted.end(),
                                  [](const auto& c) { return static_cast<double>(static_cast<float>(c.second)) == c.second; });
  for (const auto& [term, w] : counted) {
    const TermId id = vocabulary_.intern(term);
    if (narrow) {
      entry->narrow.emplace_back(id, static_cast<float>(w));
    } else {
      entry->wide.emplace_back(id, w);
    }
  }
  counted_terms_ += counted.size();
  return entry;
}

void FeatureCache::keep(std::int64_t rowid, std::shared_ptr<Entry> entry) {
  if (entry) {
    kept_[rowid] = std::move(entry);
  } else {
    kept_.erase(rowid);
  }
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
  out.reserve(entry.narrow.size() + entry.wide.size());
  // In the order of the terms, as Vocabulary::to_ids() interns a counted vector: the tracker's
  // ids, and so the order of its sums, are those of a run without the cache.
  const auto add = [&](TermId cached, double w) {
    if (cached >= to_tracker_.size()) to_tracker_.resize(std::max<std::size_t>(cached + 1, to_tracker_.size() * 3 / 2), 0);
    TermId& id = to_tracker_[cached];
    if (id == 0) id = vocabulary_.intern(cache_.vocabulary_.term(cached)) + 1;
    out.emplace_back(id - 1, w);
  };
  for (const auto& [cached, w] : entry.narrow) add(cached, w);
  for (const auto& [cached, w] : entry.wide) add(cached, w);
  std::sort(out.begin(), out.end());
  return out;
}

const std::string& FeatureCache::Reader::headline(const Entry& entry) { return entry.headline; }
const std::vector<SeriesKey>& FeatureCache::Reader::series(const Entry& entry) { return entry.series; }

}  // namespace masar::cluster
