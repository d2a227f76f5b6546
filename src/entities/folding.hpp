// Partial person names folded into the one full name they stand for (internal to entities/).
#pragma once

#include <cstddef>

#include "masar/error.hpp"

struct sqlite3;

namespace masar::entities {

// Inside the caller's transaction; returns how many partial names were folded.
Result<std::size_t> fold_partial_names(sqlite3* db);

}  // namespace masar::entities
