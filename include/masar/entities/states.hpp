// Capitals that news writes for their state ("موسكو ترفض", "أعلنت واشنطن"): a curated table of
// facts. Only the caller knows whether a mention is used as the state (an actor) or as the
// city (a place, the target of a strike), so this only answers which state a capital stands for.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace masar::entities {

// The key (text_key) of the state whose capital has the key `capital_key`, if it is listed.
// Capitals that share their name with their state (الكويت، تونس، الجزائر) need no entry;
// ambiguous names (عمّان / عُمان, طرابلس) have none.
std::optional<std::string> state_of_capital(std::string_view capital_key);

}  // namespace masar::entities
