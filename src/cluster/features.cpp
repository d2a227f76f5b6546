#include "masar/cluster/features.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "masar/extract/dates.hpp"
#include "masar/text/analyzer.hpp"
#include "masar/text/stem.hpp"

namespace masar::cluster {

double dot(const SparseVector& a, const SparseVector& b) {
  double sum = 0;
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    const int c = i->first.compare(j->first);
    if (c == 0) {
      sum += i->second * j->second;
      ++i;
      ++j;
    } else if (c < 0) {
      ++i;
    } else {
      ++j;
    }
  }
  return sum;
}

double norm(const SparseVector& v) {
  double sum = 0;
  for (const auto& [term, w] : v) sum += w * w;
  return std::sqrt(sum);
}

void add_to(SparseVector& a, const SparseVector& b, double scale) {
  SparseVector out;
  out.reserve(a.size() + b.size());
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() || j != b.end()) {
    if (j == b.end() || (i != a.end() && i->first < j->first)) {
      out.push_back(std::move(*i++));
    } else if (i == a.end() || j->first < i->first) {
      out.emplace_back(j->first, scale * j->second);
      ++j;
    } else {
      out.emplace_back(std::move(i->first), i->second + scale * j->second);
      ++i;
      ++j;
    }
  }
  a.swap(out);
}

void keep_heaviest(SparseVector& v, std::size_t keep) {
  if (v.size() <= keep) return;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(keep), v.end(), [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  });
  v.resize(keep);
  std::sort(v.begin(), v.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
}

double OccurrenceWeights::title(std::string_view term) const {
  return text::is_protected_name(term) ? options_.title_weight * options_.name_weight : options_.title_weight;
}

double OccurrenceWeights::next_body(std::string_view term) {
  if (body_seen_ >= options_.body_terms) return 0.0;
  const double base = body_seen_++ < options_.lead_terms ? options_.lead_weight : 1.0;
  return text::is_protected_name(term) ? base * options_.name_weight : base;
}

std::size_t counted_body_bytes(std::string_view body, const FeatureOptions& options) {
  // About 12 bytes per Arabic term with its space, and stop words between them: a long page
  // is not analyzed to its end.
  const std::size_t limit = options.body_terms * 16;
  if (body.size() <= limit) return body.size();
  const std::size_t space = body.find_last_of(" \t\r\n", limit);
  return space == std::string_view::npos ? 0 : space;
}

SparseVector count_terms(std::string_view title, std::string_view body, const FeatureOptions& options) {
  std::map<std::string, double, std::less<>> counts;
  OccurrenceWeights weights(options);
  const auto& analyzer = text::Analyzer::standard();
  analyzer.analyze(title, [&](const text::Term& t) { counts[t.text] += weights.title(t.text); });
  analyzer.analyze(body.substr(0, counted_body_bytes(body, options)), [&](const text::Term& t) {
    if (const double w = weights.next_body(t.text); w > 0) counts[t.text] += w;
  });
  return SparseVector(counts.begin(), counts.end());
}

TermId Vocabulary::intern(std::string_view term) {
  bool added = false;
  const TermId id = index_.find_or_add(term, added);
  if (added) {
    std::uint64_t prefix = 0;
    for (std::size_t i = 0; i < 8; ++i) prefix = (prefix << 8) | (i < term.size() ? static_cast<unsigned char>(term[i]) : 0u);
    prefixes_.push_back(prefix);
  }
  return id;
}

IdVector Vocabulary::to_ids(const SparseVector& v) {
  IdVector out;
  out.reserve(v.size());
  for (const auto& [term, w] : v) out.emplace_back(intern(term), w);
  std::sort(out.begin(), out.end());
  return out;
}

SparseVector Vocabulary::to_terms(const IdVector& v) const {
  // Sorted as pointers to the interned text: the strings are copied once, into place.
  std::vector<std::pair<const std::string*, double>> by_text;
  by_text.reserve(v.size());
  for (const auto& [id, w] : v) by_text.emplace_back(&index_.key(id), w);
  std::sort(by_text.begin(), by_text.end(), [](const auto& a, const auto& b) {
    return *a.first != *b.first ? *a.first < *b.first : a.second < b.second;
  });
  SparseVector out;
  out.reserve(v.size());
  for (const auto& [text, w] : by_text) out.emplace_back(*text, w);
  return out;
}

std::pair<TermId, double> Vocabulary::lightest_kept(const IdVector& v, std::size_t keep, IdVector& scratch) const {
  scratch.assign(v.begin(), v.end());
  std::nth_element(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(keep - 1), scratch.end(),
                   [this](const auto& x, const auto& y) { return heavier(x, y); });
  return scratch[keep - 1];
}

void Vocabulary::keep_heaviest(IdVector& v, std::size_t keep) const {
  if (v.size() <= keep) return;
  if (keep == 0) return v.clear();
  thread_local IdVector scratch;
  const auto lightest = lightest_kept(v, keep, scratch);
  std::erase_if(v, [&](const auto& x) { return x.first != lightest.first && !heavier(x, lightest); });
}

namespace {

template <class T>
void grow(std::vector<T>& v, TermId term) {
  if (term >= v.size()) v.resize(std::max<std::size_t>(term + 1, v.size() * 3 / 2), T());
}

}  // namespace

void DocumentFrequencies::add(const IdVector& counted_terms) {
  for (const auto& [term, w] : counted_terms) {
    grow(counts_, term);
    grow(changed_flag_, term);
    ++counts_[term];
    if (!changed_flag_[term]) changed_flag_[term] = true, changed_.push_back(term);
  }
  ++documents_;
}

void DocumentFrequencies::load(TermId term, std::uint32_t df) {
  grow(counts_, term);
  counts_[term] = df;
}

std::vector<TermId> DocumentFrequencies::take_changed() {
  std::vector<TermId> out;
  out.swap(changed_);
  for (TermId t : out) changed_flag_[t] = false;
  return out;
}

void RecentFrequencies::add(const IdVector& counted_terms, double time) {
  std::vector<TermId> terms;
  terms.reserve(counted_terms.size());
  for (const auto& [term, w] : counted_terms) {
    grow(counts_, term);
    ++counts_[term];
    terms.push_back(term);
  }
  entries_.emplace_back(time, std::move(terms));
}

void RecentFrequencies::advance(double time) {
  while (head_ < entries_.size() && entries_[head_].first < time - window_) {
    for (TermId term : entries_[head_].second) --counts_[term];
    entries_[head_].second = {};
    ++head_;
  }
  if (head_ > 4096 && head_ * 2 > entries_.size()) {
    entries_.erase(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(head_));
    head_ = 0;
  }
}

namespace {

void finish_vector(IdVector& v, std::size_t keep, const Vocabulary& vocabulary) {
  vocabulary.keep_heaviest(v, keep);
  double squares = 0;
  for (const auto& [term, w] : v) squares += w * w;
  if (squares > 0) {
    const double n = std::sqrt(squares);
    for (auto& [term, w] : v) w /= n;
  }
}

}  // namespace

IdVector weigh(const IdVector& counted_terms, const DocumentFrequencies& df, const Vocabulary& vocabulary,
               const FeatureOptions& options, const RecentFrequencies* recent, IdVector* archive_only) {
  IdVector v;
  v.reserve(counted_terms.size());
  if (archive_only) archive_only->clear(), archive_only->reserve(counted_terms.size());
  const double b = recent ? options.recent_share : 0.0;
  for (const auto& [term, tf] : counted_terms) {
    const double archive_idf = df.idf(term);
    const double scaled_tf = 1.0 + std::log(tf);
    // idf^(1-b) * recent^b as exp((1-b) log idf + b log recent): one exp, two logs.
    const double idf = b > 0 ? std::exp((1.0 - b) * std::log(archive_idf) + b * std::log(recent->idf(term))) : archive_idf;
    v.emplace_back(term, scaled_tf * idf);
    if (archive_only) archive_only->emplace_back(term, scaled_tf * archive_idf);
  }
  finish_vector(v, options.vector_terms, vocabulary);
  if (archive_only) finish_vector(*archive_only, options.vector_terms, vocabulary);
  return v;
}

std::optional<double> days_since_epoch(std::string_view s) {
  auto number = [&](std::size_t at, std::size_t len, int& out) {
    if (at + len > s.size()) return false;
    const auto r = std::from_chars(s.data() + at, s.data() + at + len, out);
    return r.ec == std::errc() && r.ptr == s.data() + at + len;
  };
  int y = 0, m = 0, d = 0;
  if (!number(0, 4, y) || s.size() < 10 || s[4] != '-' || !number(5, 2, m) || s[7] != '-' || !number(8, 2, d)) return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  double days = static_cast<double>(extract::days_from_civil(y, m, d));
  int hh = 0, mm = 0;
  if (s.size() >= 16 && s[10] == 'T' && number(11, 2, hh) && s[13] == ':' && number(14, 2, mm)) days += (hh * 60 + mm) / 1440.0;
  return days;
}

}  // namespace masar::cluster
