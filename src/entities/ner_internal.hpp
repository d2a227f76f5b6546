// Shared by the tagger's feature extraction and its model (not part of the public API).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace masar::entities {

// The hashed features of every word of a sentence (the context is computed once).
std::vector<std::vector<std::uint32_t>> sentence_features(const std::vector<std::string>& words);

}  // namespace masar::entities
