#include "events/record_keys.hpp"

#include <algorithm>

#include "masar/text/normalize.hpp"

namespace masar::events::detail {

std::string actors_key(const std::vector<Actor>& actors) {
  std::vector<std::string> parts;
  for (const auto& a : actors) parts.push_back(a.entity ? "#" + std::to_string(*a.entity) : text::normalize_for_search(a.text));
  std::sort(parts.begin(), parts.end());
  parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
  std::string out;
  for (const auto& p : parts) out += p + ',';
  return out;
}

// Meetings, agreements and cooperation are mutual: "التقى بوتين أردوغان" and "بحث أردوغان مع
// بوتين في سوتشي" report one meeting, whichever party a report puts first and wherever it places
// it. With two or more parties named, their reports merge on the set of those parties alone.
std::optional<std::string> parties_key(const EventRecord& r) {
  if (r.type != EventType::CONSULT && r.type != EventType::AGREE && r.type != EventType::COOPERATE) return std::nullopt;
  std::vector<std::int64_t> ids;
  for (const auto* side : {&r.sources, &r.targets}) {
    for (const auto& a : *side) if (a.entity) ids.push_back(*a.entity);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.size() < 2) return std::nullopt;
  std::string out = "parties:";
  for (const std::int64_t id : ids) out += "#" + std::to_string(id) + ',';
  return out;
}

bool names_an_entity(const EventRecord& r) {
  const auto linked = [](const std::vector<Actor>& actors) {
    return std::any_of(actors.begin(), actors.end(), [](const Actor& a) { return a.entity.has_value(); });
  };
  return linked(r.sources) || linked(r.targets) || (r.location && r.location->entity);
}

}  // namespace masar::events::detail
