// Entities folded into the one entity they stand for after a scan (internal to entities/).
#pragma once

#include <cstddef>
#include <string_view>

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

// Full person names apart only by how their given name is transliterated ("كيفن دي بروين" /
// "كيفين دي بروين", "ستيف منوتشين" / "ستيفن منوتشين"), the family name written alike, folded
// into the commoner (given_names.cpp); inside the caller's transaction.
Result<std::size_t> fold_given_name_spellings(sqlite3* db);
Result<std::size_t> fold_given_name_spellings(sqlite3* db, MentionTable& table);

// One-word names of places, organisations and other things apart by one long vowel inside
// (تشيلسي / تشلسي, ميونيخ / ميونخ), folded into the commoner when their articles agree
// (one_word_spellings.cpp); never without five articles of one apart from the other to compare.
Result<std::size_t> fold_one_word_vowel_spellings(sqlite3* db);
Result<std::size_t> fold_one_word_vowel_spellings(sqlite3* db, MentionTable& table);
// Whether `longer` is `shorter` with one long vowel (ا و ي) more, neither first nor last, the
// shorter of four letters or more. Keys, in search form.
bool one_long_vowel_inside(std::string_view shorter, std::string_view longer);

// How two given names of one family name compare: `spelling`, the same consonants as a
// transliteration writes them (كيفن / كيفين, يواكيم / يواخيم, أنتونيو / أنطونيو); `short_name`,
// the same with only two consonants and one long vowel apart (نك / نيك); `short_form`, one of
// ن د س ت more at the end (ستيف / ستيفن, جيم / جيمس). Arabic given names (محمد / محمود, حسن /
// حسين) and feminine endings against masculine ones (كارلا / كارلوس) are `none`. Keys, in
// search form.
enum class GivenNameMatch { none, spelling, short_name, short_form };
GivenNameMatch given_names_match(std::string_view a, std::string_view b);

// All of the above, in that order, and again when they folded something: one fold may make
// another possible (a person retyped, a spelling joined, a full name grown by its partial
// name), which would otherwise wait for the next ingest, whatever it brings. Two rounds at
// most. Inside the caller's transaction.
Result<std::size_t> fold_names(sqlite3* db, MentionTable& table);

}  // namespace masar::entities
