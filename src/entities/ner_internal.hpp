// Shared by the tagger's feature extraction and its model (not part of the public API).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace masar::entities {

// The hashed features of every word of a sentence (the context is computed once).
std::vector<std::vector<std::uint32_t>> sentence_features(const std::vector<std::string>& words);

// Where a word stands relative to the token being tagged. Every feature but the word pairs
// reads one word only, so what a word adds to the scores at each position can be summed once
// per distinct word: sentence_features() is the same features as word_parts() of the token,
// the two words before and after it (the edge of the sentence where there is none), plus
// pair_features() of those five.
enum class Position : std::uint8_t { self, before1, before2, after1, after2 };
constexpr int kPositions = 5;
constexpr int kPairFeatures = 5;

struct PairKeys {
  std::uint64_t norm = 0, bare = 0;  // hashes of the normalized word and of it without proclitics
};

struct WordParts {
  PairKeys keys;
  std::vector<std::uint32_t> at[kPositions];  // indexed by Position
};

// nullptr: the edge of the sentence.
WordParts word_parts(const std::string* word);
// `around`: two words before the token, the token, two after.
std::array<std::uint32_t, kPairFeatures> pair_features(const std::array<PairKeys, 5>& around);

}  // namespace masar::entities
