// Named-entity tagging: PER, LOC, ORG, MISC in BIO tags, one tag per token.
//
// A structured averaged perceptron (Collins 2002) with first-order Viterbi decoding. Arabic has
// no capitals, so the features are what the text core gives: the search-normalized word, its
// stem and its form without proclitics (و ب ل ك ف ال), its first and last letters, the same of
// its neighbours, word shape, and membership in masar's curated list of proper nouns. Features
// are hashed (no feature strings are stored), so a model is a table of small integers.
//
// The model trained on ANERcorp ships with masar (models/ner.bin, compiled into the program):
// NerModel::builtin() needs no file and no training step.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "masar/error.hpp"

namespace masar::entities {

// O, then B- and I- of each type, in this order.
enum class Tag : std::uint8_t { O, B_PER, I_PER, B_LOC, I_LOC, B_ORG, I_ORG, B_MISC, I_MISC };
constexpr int kTagCount = 9;

std::string_view tag_name(Tag tag);  // "O", "B-PER", ...
// "B-PERS" and "B-PER" alike; nullopt-like Tag::O with ok = false for an unknown tag.
bool parse_tag(std::string_view text, Tag& out);
// An I- tag may only follow the B- or I- of its own type.
bool transition_allowed(Tag previous, Tag next);

struct TaggedSentence {
  std::vector<std::string> words;
  std::vector<Tag> tags;  // empty when untagged
};

// CoNLL: one token a line ("word TAG" or "word<TAB>TAG"; only the first column when
// `tagged` is false), blank lines between sentences, -DOCSTART- lines ignored. A token with an
// unknown tag is reported to `problem` ("name:line: ...") and skipped.
std::vector<TaggedSentence> read_conll(std::string_view text, bool tagged, std::string_view name = "input",
                                       const std::function<void(const std::string&)>& problem = {});

// The hashed features of word i of a sentence (exposed for tests).
std::vector<std::uint32_t> ner_features(const std::vector<std::string>& words, std::size_t i);

struct NerTrainOptions {
  int epochs = 12;
  std::uint32_t seed = 1;  // sentence order of each epoch
};

class NerModel {
 public:
  // The model shipped with masar; an error when this build has none.
  static Result<NerModel> builtin();
  static Result<NerModel> load(const std::filesystem::path& path);
  static Result<NerModel> from_bytes(std::string_view bytes, std::string_view name);
  Status save(const std::filesystem::path& path) const;
  std::string to_bytes() const;

  std::vector<Tag> tag(const std::vector<std::string>& words) const;

  // `progress(epoch, tokens right on the training data)` after each epoch.
  static NerModel train(const std::vector<TaggedSentence>& sentences, const NerTrainOptions& options,
                        const std::function<void(int, double)>& progress = {});

  std::size_t nonzero_weights() const;

 private:
  friend class NerTrainer;
  static constexpr std::uint32_t kBuckets = 1u << 20;  // hashed feature slots
  // Adds the weights of `count` features to `sums` (one per tag, in units of scale_).
  void add_weights(const std::uint32_t* features, std::size_t count, std::int32_t (&sums)[kTagCount]) const;
  static NerModel quantized(const std::vector<float>& weights, const float (&transitions)[kTagCount + 1][kTagCount]);
  // Appends the weights of the next slot that has any (slots in increasing order).
  void add_slot(std::uint32_t slot, const std::int16_t (&weights)[kTagCount]);
  void rank_slots();  // after the last add_slot()
  // The weights, times scale_, of the one slot in eight that has any: a bit per slot tells
  // which, and the slot's rank among them finds its row. 2.4 MB where a full table took 19 MB,
  // so the tagger's lookups (five word pairs a token) mostly hit the cache.
  std::vector<std::uint64_t> present_ = std::vector<std::uint64_t>(kBuckets / 64);
  std::vector<std::uint32_t> rank_ = std::vector<std::uint32_t>(kBuckets / 64);  // set bits before each word of present_
  std::vector<std::array<std::int16_t, kTagCount>> rows_;
  float scale_ = 1.0f;
  std::uint64_t identity_ = 0;  // tells a tagging thread's word cache which weights it holds
  float transitions_[kTagCount + 1][kTagCount] = {};  // [previous (kTagCount = start)][next]
};

}  // namespace masar::entities
