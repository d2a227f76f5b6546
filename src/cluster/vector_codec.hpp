// How the centroid of an event or story is kept in the store: a compact binary blob, exact
// to the bit, so a tracker restored from the store decides as the one that saved it did.
// Before schema 7 centroids were JSON text ([["term", weight], …]); those are still read.
//
// Blob layout, one entry per term in the vector's order: the term's length in bytes as an
// unsigned LEB128 varint, its UTF-8 bytes, then the weight as an IEEE-754 double in 8
// little-endian bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "masar/cluster/features.hpp"

namespace masar::cluster {

std::string encode_vector(const SparseVector& v);

// nullopt when the blob is cut short or a length runs past its end. The result is sorted by
// term, whatever order the blob was written in.
std::optional<SparseVector> decode_vector(std::string_view blob);

// The JSON text of schema 6 and before; an entry that is not [string, number] is skipped,
// text that is not an array gives an empty vector. Sorted by term.
SparseVector decode_vector_json(std::string_view text);

}  // namespace masar::cluster
