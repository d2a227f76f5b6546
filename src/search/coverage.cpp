#include "search/coverage.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "masar/text/analyzer.hpp"

namespace masar::search::detail {

Result<Coverage> Coverage::of(const store::Store& store, const ParsedQuery& query) {
  Coverage out;
  for (const auto& group : query.groups) {
    std::vector<Rows> alternatives;
    for (const QueryItem& item : group) {
      bool any_term = false;
      text::Analyzer::standard().analyze(item.text, [&](const text::Term&) { any_term = true; });
      if (!any_term) continue;
      ParsedQuery one;
      one.groups.push_back({item});
      auto rows = store.matching_articles(to_fts5(one, MatchMode::any));
      if (!rows) return rows.error();
      alternatives.push_back(std::move(rows.value()));
    }
    if (!alternatives.empty()) out.groups_.push_back(std::move(alternatives));
  }
  return out;
}

double Coverage::share(std::int64_t rowid) const {
  if (groups_.empty()) return 1.0;
  std::size_t held = 0;
  for (const auto& alternatives : groups_) {
    held += std::any_of(alternatives.begin(), alternatives.end(),
                        [&](const Rows& rows) { return std::binary_search(rows->begin(), rows->end(), rowid); });
  }
  return static_cast<double>(held) / static_cast<double>(groups_.size());
}

void Coverage::rerank(std::vector<Ranked>& ranked) const {
  if (empty()) return;
  const std::size_t head = std::min(ranked.size(), kDepth);
  for (std::size_t i = 0; i < head; ++i) ranked[i].score *= std::pow(share(ranked[i].rowid), kExponent);
  std::stable_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(head),
                   [](const Ranked& a, const Ranked& b) { return a.score > b.score; });
  for (std::size_t i = std::max<std::size_t>(head, 1); i < ranked.size(); ++i) {
    if (ranked[i].score >= ranked[i - 1].score) {
      ranked[i].score = std::nextafter(ranked[i - 1].score, -std::numeric_limits<double>::infinity());
    }
  }
}

Result<const Coverage*> LazyCoverage::get() {
  if (!built_) {
    auto c = Coverage::of(store_, query_);
    if (!c) return c.error();
    built_ = std::move(c.value());
  }
  return &*built_;
}

}  // namespace masar::search::detail
