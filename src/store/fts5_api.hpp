// The fts5_api pointer of a connection, through which FTS5 tokenizers and auxiliary
// functions are registered (https://sqlite.org/fts5.html#extending_fts5).
#pragma once

#include <sqlite3.h>

#include <string>

#include "masar/error.hpp"

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

// Registers an FTS5 auxiliary function (masar_rank, masar_snippet) on the connection.
inline Status register_fts5_function(sqlite3* db, const char* name, fts5_extension_function fn) {
  fts5_api* api = fts5_api_of(db);
  if (!api) return make_error(Errc::unsupported, "this SQLite has no FTS5");
  if (api->xCreateFunction(api, name, nullptr, fn, nullptr) != SQLITE_OK) {
    return make_error(Errc::internal, std::string("cannot register ") + name + ": " + sqlite3_errmsg(db));
  }
  return Ok{};
}

}  // namespace masar::store
