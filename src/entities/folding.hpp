// Entities folded into the one entity they stand for after a scan (internal to entities/).
#pragma once

#include <cstddef>

#include "masar/error.hpp"

struct sqlite3;

namespace masar::entities {

class MentionTable;

// Each fold below comes in two forms: on the tables as they stand (read for the call), and on
// a MentionTable the caller loaded, which the fold keeps in step with the tables.

// Inside the caller's transaction; returns how many partial names were folded.
Result<std::size_t> fold_partial_names(sqlite3* db);
Result<std::size_t> fold_partial_names(sqlite3* db, MentionTable& table);

// Names written with a preposition glued to their first word (لحزب الله) folded into the name
// without it; inside the caller's transaction, returns how many were folded.
Result<std::size_t> fold_glued_prepositions(sqlite3* db);

// Names whose keys differ only by spaces (فيس بوك / فيسبوك) folded into the commonest;
// inside the caller's transaction.
Result<std::size_t> fold_spacing_variants(sqlite3* db);

// Both of the above from one reading of the entities: prepositions, then spaces.
Result<std::size_t> fold_spellings(sqlite3* db);
Result<std::size_t> fold_spellings(sqlite3* db, MentionTable& table);

// Entities the tagger gave the wrong type, folded: a person far rarer than an entity of another
// type with the same key (a brand or club taken for a person), and a one-word place,
// organisation or other name far rarer than the same word as a person's family name ("ترامب"
// read as a place); inside the caller's transaction, after the partial names.
Result<std::size_t> fold_type_slips(sqlite3* db);
Result<std::size_t> fold_type_slips(sqlite3* db, MentionTable& table);

// All of the above, in that order, and again when they folded something: one fold may make
// another possible (a person retyped, a spelling joined, a full name grown by its partial
// name), which would otherwise wait for the next ingest, whatever it brings. Two rounds at
// most. Inside the caller's transaction.
Result<std::size_t> fold_names(sqlite3* db, MentionTable& table);

}  // namespace masar::entities
