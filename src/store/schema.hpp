#pragma once

#include <sqlite3.h>

#include "masar/error.hpp"
#include "masar/store/store.hpp"

namespace masar::store {

Result<int> read_schema_version(sqlite3* db);
// Applies migrations from the file's version up to `target` (<= kSchemaVersion).
Status migrate(sqlite3* db, int target);

}  // namespace masar::store
