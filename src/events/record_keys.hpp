// The keys reports of one event merge on: who took part (entities by id, generic actors by their
// search form) and, for mutual events, the set of parties alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "masar/events/records.hpp"

namespace masar::events::detail {

// The actors as one key: sorted, each once; order and repetition in the text do not matter.
std::string actors_key(const std::vector<Actor>& actors);

// For a meeting, agreement or cooperation naming two or more linked parties: the set of those
// parties, whatever role each report gives them; nullopt for anything else.
std::optional<std::string> parties_key(const EventRecord& r);

// Whether an actor or the place of `r` is linked to an entity.
bool names_an_entity(const EventRecord& r);

}  // namespace masar::events::detail
