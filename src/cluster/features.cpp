#include "masar/cluster/features.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

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

SparseVector count_terms(std::string_view title, std::string_view body, const FeatureOptions& options) {
  std::map<std::string, double> counts;
  auto weight_of = [&](const text::Term& t, double base) {
    return text::is_protected_name(t.text) ? base * options.name_weight : base;
  };
  const auto& analyzer = text::Analyzer::standard();
  analyzer.analyze(title, [&](const text::Term& t) { counts[t.text] += weight_of(t, options.title_weight); });
  std::size_t seen = 0;
  // Stop reading once enough body terms were seen: the cut happens at a byte bound first so a
  // long page is not analyzed to its end (about 12 bytes per Arabic term with its space).
  const std::string_view head = body.substr(0, std::min(body.size(), options.body_terms * 16));
  analyzer.analyze(head, [&](const text::Term& t) {
    if (seen >= options.body_terms) return;
    counts[t.text] += weight_of(t, seen < options.lead_terms ? options.lead_weight : 1.0);
    ++seen;
  });
  return SparseVector(counts.begin(), counts.end());
}

void DocumentFrequencies::add(const SparseVector& counted_terms) {
  for (const auto& [term, w] : counted_terms) {
    ++counts_[term];
    changed_.push_back(term);
  }
  ++documents_;
}

std::uint32_t DocumentFrequencies::df(const std::string& term) const {
  const auto it = counts_.find(term);
  return it == counts_.end() ? 0 : it->second;
}

double DocumentFrequencies::idf(std::string_view term) const {
  const auto it = counts_.find(term);
  const double d = it == counts_.end() ? 0.0 : static_cast<double>(it->second);
  return std::log((static_cast<double>(documents_) + 1.0) / (d + 1.0)) + 1.0;
}

std::vector<std::pair<std::string, std::uint32_t>> DocumentFrequencies::take_changed() {
  std::sort(changed_.begin(), changed_.end());
  changed_.erase(std::unique(changed_.begin(), changed_.end()), changed_.end());
  std::vector<std::pair<std::string, std::uint32_t>> out;
  out.reserve(changed_.size());
  for (auto& term : changed_) {
    const std::uint32_t d = counts_.at(term);
    out.emplace_back(std::move(term), d);
  }
  changed_.clear();
  return out;
}

void RecentFrequencies::add(const SparseVector& counted_terms, double time) {
  std::vector<std::string> terms;
  terms.reserve(counted_terms.size());
  for (const auto& [term, w] : counted_terms) {
    ++counts_[term];
    terms.push_back(term);
  }
  entries_.emplace_back(time, std::move(terms));
}

void RecentFrequencies::advance(double time) {
  while (head_ < entries_.size() && entries_[head_].first < time - window_) {
    for (const auto& term : entries_[head_].second) {
      auto it = counts_.find(term);
      if (--it->second == 0) counts_.erase(it);
    }
    entries_[head_].second.clear();
    ++head_;
  }
  if (head_ > 4096 && head_ * 2 > entries_.size()) {
    entries_.erase(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(head_));
    head_ = 0;
  }
}

double RecentFrequencies::idf(std::string_view term) const {
  const auto it = counts_.find(term);
  const double d = it == counts_.end() ? 0.0 : static_cast<double>(it->second);
  const double n = static_cast<double>(entries_.size() - head_);
  return std::log((n + 1.0) / (d + 1.0)) + 1.0;
}

namespace {

void finish_vector(SparseVector& v, std::size_t keep) {
  keep_heaviest(v, keep);
  const double n = norm(v);
  if (n > 0) {
    for (auto& [term, w] : v) w /= n;
  }
}

}  // namespace

SparseVector weigh(const SparseVector& counted_terms, const DocumentFrequencies& df, const FeatureOptions& options,
                   const RecentFrequencies* recent, SparseVector* archive_only) {
  SparseVector v;
  v.reserve(counted_terms.size());
  if (archive_only) archive_only->clear(), archive_only->reserve(counted_terms.size());
  const double b = recent ? options.recent_share : 0.0;
  for (const auto& [term, tf] : counted_terms) {
    const double archive_idf = df.idf(term);
    const double scaled_tf = 1.0 + std::log(tf);
    const double idf = b > 0 ? std::pow(archive_idf, 1.0 - b) * std::pow(recent->idf(term), b) : archive_idf;
    v.emplace_back(term, scaled_tf * idf);
    if (archive_only) archive_only->emplace_back(term, scaled_tf * archive_idf);
  }
  finish_vector(v, options.vector_terms);
  if (archive_only) finish_vector(*archive_only, options.vector_terms);
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
  // Days from civil (H. Hinnant's algorithm).
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  double days = static_cast<double>(era) * 146097 + static_cast<double>(doe) - 719468;
  int hh = 0, mm = 0;
  if (s.size() >= 16 && s[10] == 'T' && number(11, 2, hh) && s[13] == ':' && number(14, 2, mm)) days += (hh * 60 + mm) / 1440.0;
  return days;
}

}  // namespace masar::cluster
