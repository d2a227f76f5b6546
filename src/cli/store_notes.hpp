// What a command tells the user about the database it opened, on stderr.
#pragma once

#include <string_view>

#include "masar/store/store.hpp"

namespace masar::cli {

// The index was re-indexed on opening (a writer), or was built by another analyzer than the
// one this masar analyzes queries with (a reader): say so, and what brings it up to date.
void note_index_analyzer(const store::Store& store, std::string_view command, std::string_view db);

// Events and stories tracked with another analyzer, entities and event records made by other
// entity rules than this masar's: say which command makes them again.
void note_stale_derived_data(const store::Store& store, std::string_view command, std::string_view db);

}  // namespace masar::cli
