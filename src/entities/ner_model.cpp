// The named-entity model: Viterbi decoding, averaged-perceptron training, and the model file
// (zstd-compressed: a header, the transition table, then the non-zero weights as delta-coded
// slots with 16-bit quantized values).
#include <algorithm>
#include <array>
#include <bit>
#include <atomic>
#include <cmath>
#include <cstring>
#include <memory>
#include <numeric>
#include <random>

#include "entities/model_file.hpp"
#include "entities/ner_internal.hpp"
#include "masar/entities/ner.hpp"

#include "masar/util/embed.hpp"
#include "masar/util/string_index.hpp"

#ifdef MASAR_NER_MODEL_PATH
// The shipped model, assembled into the program (util/embed.hpp).
MASAR_EMBED_FILE(masar_ner_model, MASAR_NER_MODEL_PATH)
#endif

namespace masar::entities {
namespace {

constexpr char kMagic[8] = {'M', 'A', 'S', 'A', 'R', 'N', 'E', 'R'};
constexpr std::uint32_t kFormat = 1;
constexpr int kStart = kTagCount;  // the "previous tag" of the first word

std::uint64_t next_identity() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

void put_u32(std::string& out, std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); }
void put_f32(std::string& out, float v) { out.append(reinterpret_cast<const char*>(&v), 4); }
void put_varint(std::string& out, std::uint32_t v) {
  while (v >= 0x80) out += static_cast<char>((v & 0x7F) | 0x80), v >>= 7;
  out += static_cast<char>(v);
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool u32(std::uint32_t& v) { return raw(&v, 4); }
  bool f32(float& v) { return raw(&v, 4); }
  bool i16(std::int16_t& v) { return raw(&v, 2); }
  bool varint(std::uint32_t& v) {
    v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (at_ >= bytes_.size()) return false;
      const auto b = static_cast<unsigned char>(bytes_[at_++]);
      v |= static_cast<std::uint32_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  bool raw(void* out, std::size_t n) {
    if (at_ + n > bytes_.size()) return false;
    std::memcpy(out, bytes_.data() + at_, n);
    at_ += n;
    return true;
  }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

}  // namespace

// The nine tag weights of a slot are adjacent: one pass over the features reads each slot's
// row once; a slot without weights (most features of unseen words) costs one bit test.
void NerModel::add_weights(const std::uint32_t* features, std::size_t count, std::int32_t (&sums)[kTagCount]) const {
  for (std::size_t k = 0; k < count; ++k) {
    const std::uint32_t slot = features[k] % kBuckets;
    const std::uint64_t word = present_[slot / 64];
    const std::uint64_t bit = std::uint64_t{1} << (slot % 64);
    if (!(word & bit)) continue;
    const std::int16_t* w = rows_[rank_[slot / 64] + static_cast<std::size_t>(std::popcount(word & (bit - 1)))].data();
    for (int t = 0; t < kTagCount; ++t) sums[t] += w[t];
  }
}

void NerModel::add_slot(std::uint32_t slot, const std::int16_t (&weights)[kTagCount]) {
  const std::size_t word = slot / 64;
  present_[word] |= std::uint64_t{1} << (slot % 64);
  std::array<std::int16_t, kTagCount> row;
  std::copy(std::begin(weights), std::end(weights), row.begin());
  rows_.push_back(row);
}

void NerModel::rank_slots() {
  std::uint32_t before = 0;
  for (std::size_t w = 0; w < present_.size(); ++w) {
    rank_[w] = before;
    before += static_cast<std::uint32_t>(std::popcount(present_[w]));
  }
}

NerModel NerModel::quantized(const std::vector<float>& weights, const float (&transitions)[kTagCount + 1][kTagCount]) {
  NerModel out;
  float largest = 0;
  for (float w : weights) largest = std::max(largest, std::fabs(w));
  out.scale_ = largest > 0 ? largest / 32767.0f : 1.0f;
  for (std::uint32_t slot = 0; slot < kBuckets; ++slot) {
    std::int16_t row[kTagCount];
    bool any = false;
    for (int t = 0; t < kTagCount; ++t) {
      row[t] = static_cast<std::int16_t>(std::lround(weights[static_cast<std::size_t>(slot) * kTagCount + t] / out.scale_));
      any |= row[t] != 0;
    }
    if (any) out.add_slot(slot, row);
  }
  out.rank_slots();
  std::memcpy(out.transitions_, transitions, sizeof out.transitions_);
  out.identity_ = next_identity();
  return out;
}

namespace {

// Best tag sequence under emission scores `emit[i][t]` and transitions, I- tags only where allowed.
std::vector<Tag> viterbi(const std::vector<std::array<float, kTagCount>>& emit, const float (&trans)[kTagCount + 1][kTagCount]) {
  const std::size_t n = emit.size();
  std::vector<Tag> out(n, Tag::O);
  if (n == 0) return out;
  constexpr float kNone = -1e30f;
  static const auto allowed = [] {
    std::array<std::array<bool, kTagCount>, kTagCount> out{};
    for (int p = 0; p < kTagCount; ++p) {
      for (int t = 0; t < kTagCount; ++t) out[p][t] = transition_allowed(static_cast<Tag>(p), static_cast<Tag>(t));
    }
    return out;
  }();
  std::vector<std::array<float, kTagCount>> best(n);
  std::vector<std::array<std::uint8_t, kTagCount>> back(n);
  for (int t = 0; t < kTagCount; ++t) {
    best[0][t] = transition_allowed(Tag::O, static_cast<Tag>(t)) ? emit[0][t] + trans[kStart][t] : kNone;
  }
  for (std::size_t i = 1; i < n; ++i) {
    for (int t = 0; t < kTagCount; ++t) {
      float top = kNone;
      std::uint8_t arg = 0;
      for (int p = 0; p < kTagCount; ++p) {
        if (best[i - 1][p] <= kNone || !allowed[p][t]) continue;
        const float s = best[i - 1][p] + trans[p][t];
        if (s > top) top = s, arg = static_cast<std::uint8_t>(p);
      }
      best[i][t] = top <= kNone ? kNone : top + emit[i][t];
      back[i][t] = arg;
    }
  }
  int t = static_cast<int>(std::max_element(best[n - 1].begin(), best[n - 1].end()) - best[n - 1].begin());
  for (std::size_t i = n; i-- > 0;) {
    out[i] = static_cast<Tag>(t);
    if (i > 0) t = back[i][t];
  }
  return out;
}

}  // namespace

// Training state: current weights and the running sums for averaging (Daumé's trick: the
// average is w - u / c, where every update at step c also adds c * delta to u).
class NerTrainer {
 public:
  NerTrainer()
      : weights_(static_cast<std::size_t>(NerModel::kBuckets) * kTagCount, 0.0f),
        sums_(static_cast<std::size_t>(NerModel::kBuckets) * kTagCount, 0.0) {}

  std::vector<Tag> predict(const std::vector<std::vector<std::uint32_t>>& features) const {
    std::vector<std::array<float, kTagCount>> emit(features.size());
    for (std::size_t i = 0; i < features.size(); ++i) {
      emit[i].fill(0.0f);
      for (std::uint32_t f : features[i]) {
        const float* w = &weights_[static_cast<std::size_t>(f % NerModel::kBuckets) * kTagCount];
        for (int t = 0; t < kTagCount; ++t) emit[i][t] += w[t];
      }
    }
    return viterbi(emit, transitions_);
  }

  void update(const std::vector<std::vector<std::uint32_t>>& features, const std::vector<Tag>& gold, const std::vector<Tag>& guess) {
    for (std::size_t i = 0; i < gold.size(); ++i) {
      const int g = static_cast<int>(gold[i]), p = static_cast<int>(guess[i]);
      if (g != p) {
        for (std::uint32_t f : features[i]) {
          const std::size_t slot = static_cast<std::size_t>(f % NerModel::kBuckets) * kTagCount;
          bump(slot + static_cast<std::size_t>(g), 1.0f);
          bump(slot + static_cast<std::size_t>(p), -1.0f);
        }
      }
      const int gp = i == 0 ? kStart : static_cast<int>(gold[i - 1]);
      const int pp = i == 0 ? kStart : static_cast<int>(guess[i - 1]);
      if (gp != pp || g != p) {
        transitions_[gp][g] += 1.0f, transition_sums_[gp][g] += static_cast<double>(step_);
        transitions_[pp][p] -= 1.0f, transition_sums_[pp][p] -= static_cast<double>(step_);
      }
    }
  }

  void next_step() { ++step_; }

  // The averaged weights, quantized as the model file stores them (the trained model and the
  // loaded one tag alike).
  NerModel averaged() const {
    const double c = static_cast<double>(step_);
    std::vector<float> average(weights_.size());
    for (std::size_t k = 0; k < weights_.size(); ++k) average[k] = static_cast<float>(weights_[k] - sums_[k] / c);
    float transitions[kTagCount + 1][kTagCount];
    for (int p = 0; p <= kTagCount; ++p) {
      for (int t = 0; t < kTagCount; ++t) transitions[p][t] = static_cast<float>(transitions_[p][t] - transition_sums_[p][t] / c);
    }
    return NerModel::quantized(average, transitions);
  }

 private:
  void bump(std::size_t k, float delta) {
    weights_[k] += delta;
    sums_[k] += delta * static_cast<double>(step_);
  }

  std::vector<float> weights_;
  std::vector<double> sums_;
  float transitions_[kTagCount + 1][kTagCount] = {};
  double transition_sums_[kTagCount + 1][kTagCount] = {};
  std::uint64_t step_ = 1;
};

NerModel NerModel::train(const std::vector<TaggedSentence>& sentences, const NerTrainOptions& options,
                         const std::function<void(int, double)>& progress) {
  std::vector<std::vector<std::vector<std::uint32_t>>> features;
  features.reserve(sentences.size());
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    features.push_back(sentence_features(sentences[k].words));
    if (sentences[k].tags.size() == sentences[k].words.size() && !sentences[k].words.empty()) order.push_back(k);
  }
  std::mt19937 rng(options.seed);
  NerTrainer trainer;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    std::size_t right = 0, total = 0;
    for (std::size_t k : order) {
      const auto& gold = sentences[k].tags;
      const auto guess = trainer.predict(features[k]);
      for (std::size_t i = 0; i < gold.size(); ++i) right += gold[i] == guess[i];
      total += gold.size();
      if (guess != gold) trainer.update(features[k], gold, guess);
      trainer.next_step();
    }
    if (progress) progress(epoch, total ? static_cast<double>(right) / static_cast<double>(total) : 0.0);
  }
  return trainer.averaged();
}

namespace {

// What one word adds to the nine tag scores at each position around a token, summed once per
// distinct word. News reuses a few tens of thousands of words for most of its tokens, so the
// tagger reads the weight table for the word pairs only (5 slots a token instead of ~35, each
// one a cache miss in a 19 MB table). Integer sums: the scores are exactly those of
// adding up every feature of sentence_features().
struct WordScores {
  PairKeys keys;
  std::int32_t at[kPositions][kTagCount] = {};
};

class WordScoreCache {
 public:
  // Ready for a sentence of `words` words under the model `identity`: starts over when the
  // model changed or the sentence might not fit (entries stay put while a sentence is tagged:
  // tag() keeps pointers to them, and the entries never move since their room is reserved).
  void prepare(std::uint64_t identity, std::size_t words) {
    if (identity == identity_ && values_.size() + words <= capacity_) return;
    // Room for at least this sentence, however long (a page with no punctuation).
    capacity_ = std::max(kMaxWords, std::bit_ceil(words));
    words_.clear(capacity_);
    values_.clear();
    values_.reserve(capacity_);
    identity_ = identity;
    edge_.reset();
  }
  template <class Sum>
  const WordScores& edge(const Sum& sum) {
    if (!edge_) edge_ = std::make_unique<WordScores>(sum(word_parts(nullptr)));
    return *edge_;
  }
  template <class Sum>
  const WordScores& word(const std::string& w, const Sum& sum) {
    bool added = false;
    const std::uint32_t number = words_.find_or_add(w, added);
    if (added) values_.push_back(sum(word_parts(&w)));
    return values_[number];
  }

 private:
  static constexpr std::size_t kMaxWords = 1 << 16;  // words kept before starting over
  std::uint64_t identity_ = 0;
  std::size_t capacity_ = 0;  // words before starting over
  util::StringIndex words_;            // most tokens are words seen before
  std::vector<WordScores> values_;     // by word number
  std::unique_ptr<WordScores> edge_;
};

// "الرئيس دونالد ترامب" tagged B-PER B-PER: one person whose name the model cut in two (the
// training data has such splits: "ألفريد نوبل", "نصر الله"). A second name joined by و is
// another person ("بوتين وميركل").
void join_split_names(const std::vector<std::string>& words, std::vector<Tag>& tags) {
  for (std::size_t i = 1; i < tags.size(); ++i) {
    if (tags[i] == Tag::B_PER && (tags[i - 1] == Tag::B_PER || tags[i - 1] == Tag::I_PER) && !words[i].starts_with("و")) {
      tags[i] = Tag::I_PER;
    }
  }
}

}  // namespace

std::vector<Tag> NerModel::tag(const std::vector<std::string>& words) const {
  thread_local WordScoreCache cache;
  cache.prepare(identity_, words.size());
  const auto sum = [this](const WordParts& parts) {
    WordScores out;
    out.keys = parts.keys;
    for (int p = 0; p < kPositions; ++p) add_weights(parts.at[p].data(), parts.at[p].size(), out.at[p]);
    return out;
  };
  const std::size_t n = words.size();
  std::vector<const WordScores*> scores(n);
  for (std::size_t i = 0; i < n; ++i) scores[i] = &cache.word(words[i], sum);
  const WordScores& edge = cache.edge(sum);
  const auto around = [&](std::size_t i, std::ptrdiff_t k) -> const WordScores& {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
    return j < 0 || j >= static_cast<std::ptrdiff_t>(n) ? edge : *scores[static_cast<std::size_t>(j)];
  };
  std::vector<std::array<float, kTagCount>> emit(n);
  for (std::size_t i = 0; i < n; ++i) {
    const WordScores* by_position[kPositions] = {&around(i, 0), &around(i, -1), &around(i, -2), &around(i, 1), &around(i, 2)};
    std::int32_t sums[kTagCount] = {};
    for (int p = 0; p < kPositions; ++p) {
      for (int t = 0; t < kTagCount; ++t) sums[t] += by_position[p]->at[p][t];
    }
    const auto pairs = pair_features({by_position[2]->keys, by_position[1]->keys, by_position[0]->keys, by_position[3]->keys,
                                      by_position[4]->keys});
    add_weights(pairs.data(), pairs.size(), sums);
    for (int t = 0; t < kTagCount; ++t) emit[i][t] = static_cast<float>(sums[t]) * scale_;
  }
  std::vector<Tag> tags = viterbi(emit, transitions_);
  join_split_names(words, tags);
  return tags;
}

std::size_t NerModel::nonzero_weights() const {
  std::size_t n = 0;
  for (const auto& row : rows_) n += static_cast<std::size_t>(std::count_if(row.begin(), row.end(), [](std::int16_t w) { return w != 0; }));
  return n;
}

std::string NerModel::to_bytes() const {
  std::string raw(kMagic, sizeof kMagic);
  put_u32(raw, kFormat);
  put_u32(raw, kBuckets);
  put_u32(raw, kTagCount);
  for (const auto& row : transitions_) {
    for (float t : row) put_f32(raw, t);
  }
  put_f32(raw, scale_);
  std::string entries;
  std::uint32_t count = 0, previous = 0;
  std::size_t row = 0;
  for (std::uint32_t slot = 0; slot < kBuckets; ++slot) {
    if (!(present_[slot / 64] >> (slot % 64) & 1)) continue;
    for (int t = 0; t < kTagCount; ++t) {
      const std::int16_t q = rows_[row][static_cast<std::size_t>(t)];
      if (q == 0) continue;
      const std::uint32_t k = slot * kTagCount + static_cast<std::uint32_t>(t);
      put_varint(entries, k - previous);
      entries.append(reinterpret_cast<const char*>(&q), 2);
      previous = k;
      ++count;
    }
    ++row;
  }
  put_u32(raw, count);
  raw += entries;
  return compress_model(raw);
}

Result<NerModel> NerModel::from_bytes(std::string_view bytes, std::string_view name) {
  const auto bad = [&](const char* why) { return make_error(Errc::parse_error, std::string(name) + ": not a masar NER model (" + why + ")"); };
  const auto raw = decompress_model(bytes, std::size_t{1} << 31);
  if (!raw) return bad("not a zstd frame");
  Reader in(*raw);
  char magic[sizeof kMagic];
  std::uint32_t format = 0, buckets = 0, tags = 0, count = 0;
  if (!in.raw(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0) return bad("magic");
  if (!in.u32(format) || format != kFormat) return bad("format version");
  if (!in.u32(buckets) || buckets != kBuckets || !in.u32(tags) || tags != kTagCount) return bad("table size");
  NerModel model;
  for (auto& row : model.transitions_) {
    for (float& t : row) {
      if (!in.f32(t)) return bad("truncated");
    }
  }
  if (!in.f32(model.scale_) || !in.u32(count)) return bad("truncated");
  // Weights come in increasing order of position (slot * kTagCount + tag): a slot's row is
  // complete when the next slot starts.
  std::uint64_t position = 0;
  std::uint32_t slot = kBuckets;
  std::int16_t row[kTagCount] = {};
  for (std::uint32_t k = 0; k < count; ++k) {
    std::uint32_t delta = 0;
    std::int16_t q = 0;
    if (!in.varint(delta) || !in.i16(q)) return bad("truncated");
    if (k > 0 && delta == 0) return bad("slots out of order");
    position += delta;
    if (position >= std::uint64_t{kBuckets} * kTagCount) return bad("slot out of range");
    if (position / kTagCount != slot) {
      if (slot != kBuckets) model.add_slot(slot, row);
      slot = static_cast<std::uint32_t>(position / kTagCount);
      std::fill(std::begin(row), std::end(row), std::int16_t{0});
    }
    row[position % kTagCount] = q;
  }
  if (slot != kBuckets) model.add_slot(slot, row);
  model.rank_slots();
  model.identity_ = next_identity();
  return model;
}

Status NerModel::save(const std::filesystem::path& path) const { return write_model_file(path, to_bytes()); }

Result<NerModel> NerModel::load(const std::filesystem::path& path) {
  auto bytes = read_model_file(path);
  if (!bytes) return bytes.error();
  return from_bytes(bytes.value(), path.string());
}

Result<NerModel> NerModel::builtin() {
#ifdef MASAR_NER_MODEL_PATH
  return from_bytes(masar_ner_model_bytes(), "built-in model");
#else
  return make_error(Errc::not_found, "this build has no named-entity model (models/ner.bin was missing at build time)");
#endif
}

}  // namespace masar::entities
