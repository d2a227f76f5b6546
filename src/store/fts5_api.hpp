// The fts5_api pointer of a connection, through which FTS5 tokenizers and auxiliary
// functions are registered (https://sqlite.org/fts5.html#extending_fts5).
#pragma once

#include <sqlite3.h>

namespace masar::store {

inline fts5_api* fts5_api_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace masar::store
