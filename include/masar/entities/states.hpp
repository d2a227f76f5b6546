// Capitals and demonyms that news writes for their state ("موسكو ترفض", "القوات الروسية"):
// curated tables of facts. Only the caller knows whether a mention is used as the state (an actor) or as the
// city (a place, the target of a strike), so this only answers which state a capital stands for.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace masar::entities {

// The state whose capital has the key `capital_key`, named as news writes it ("روسيا"), if listed
// (its linking key is text_key of that name).
// Capitals that share their name with their state (الكويت، تونس، الجزائر) need no entry;
// ambiguous names (عمّان / عُمان, طرابلس) have none.
std::optional<std::string_view> state_of_capital(std::string_view capital_key);

// The state a demonym adjective names, as written, for one word in search form with its article,
// masculine or feminine ("الروسي", "الروسيه" → "روسيا"; "الامريكيه" → "الولايات المتحدة").
std::optional<std::string_view> state_of_demonym(std::string_view normalized_word);

}  // namespace masar::entities
