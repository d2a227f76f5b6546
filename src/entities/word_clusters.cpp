// Word clusters: neighbour vectors (positive PMI), spherical k-means, and the cluster file.
#include "masar/entities/word_clusters.hpp"

#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <random>

#include "entities/model_file.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/tokenize.hpp"
#include "masar/util/embed.hpp"
#include "masar/util/parallel.hpp"

#ifdef MASAR_WORD_CLUSTERS_PATH
// The shipped model, assembled into the program (util/embed.hpp).
MASAR_EMBED_FILE(masar_word_clusters, MASAR_WORD_CLUSTERS_PATH)
#endif

namespace masar::entities {
namespace {

constexpr std::uint32_t kBreak = 0xFFFFFFFFu;
constexpr char kMagic[8] = {'M', 'A', 'S', 'A', 'R', 'W', 'C', '1'};

std::uint32_t word_hash(std::string_view w) { return static_cast<std::uint32_t>(XXH3_64bits(w.data(), w.size())); }

using Sparse = std::vector<std::pair<std::uint32_t, float>>;

float dot_dense(const Sparse& v, const float* centroid) {
  float s = 0;
  for (const auto& [d, w] : v) s += w * centroid[d];
  return s;
}

}  // namespace

void WordClusters::Builder::add_text(std::string_view text) {
  std::string norm;
  for (const auto& t : text::tokenize(text)) {
    norm.clear();
    text::normalize_for_search(text.substr(t.begin, t.end - t.begin), norm);
    if (norm.empty()) continue;
    auto [it, fresh] = ids_.try_emplace(norm, static_cast<std::uint32_t>(words_.size()));
    if (fresh) words_.push_back(norm), counts_.push_back(0);
    ++counts_[it->second];
    sequence_.push_back(it->second);
  }
  sequence_.push_back(kBreak);
}

WordClusters WordClusters::Builder::build(const WordClusterOptions& o, const std::function<void(int, std::size_t)>& progress) const {
  // Words by frequency (ties by text, so the result does not depend on reading order).
  std::vector<std::uint32_t> by_count(words_.size());
  std::iota(by_count.begin(), by_count.end(), 0);
  std::sort(by_count.begin(), by_count.end(), [&](std::uint32_t a, std::uint32_t b) {
    return counts_[a] != counts_[b] ? counts_[a] > counts_[b] : words_[a] < words_[b];
  });
  std::vector<std::int32_t> row(words_.size(), -1), context(words_.size(), -1);
  std::size_t rows = 0;
  for (std::uint32_t w : by_count) {
    if (rows >= o.max_words || counts_[w] < o.min_count) break;
    row[w] = static_cast<std::int32_t>(rows++);
  }
  const std::size_t contexts = std::min(o.context_words, by_count.size());
  for (std::size_t k = 0; k < contexts; ++k) context[by_count[k]] = static_cast<std::int32_t>(k);
  const std::size_t dims = 2 * contexts;  // left neighbours, then right neighbours
  // (row, dim) pairs, counted by sorting.
  std::vector<std::uint64_t> pairs;
  for (std::size_t i = 0; i < sequence_.size(); ++i) {
    const std::uint32_t w = sequence_[i];
    if (w == kBreak || row[w] < 0) continue;
    const auto r = static_cast<std::uint64_t>(row[w]) << 32;
    if (i > 0 && sequence_[i - 1] != kBreak && context[sequence_[i - 1]] >= 0) pairs.push_back(r | static_cast<std::uint32_t>(context[sequence_[i - 1]]));
    if (i + 1 < sequence_.size() && sequence_[i + 1] != kBreak && context[sequence_[i + 1]] >= 0) {
      pairs.push_back(r | (static_cast<std::uint32_t>(contexts) + static_cast<std::uint32_t>(context[sequence_[i + 1]])));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<double> dim_total(dims, 0.0), row_total(rows, 0.0);
  for (std::uint64_t p : pairs) ++dim_total[p & 0xFFFFFFFFu], ++row_total[p >> 32];
  const double total = static_cast<double>(pairs.size());
  // Positive PMI vectors, unit length, the 200 strongest dimensions kept.
  std::vector<Sparse> vectors(rows);
  for (std::size_t a = 0; a < pairs.size();) {
    std::size_t b = a;
    while (b < pairs.size() && pairs[b] == pairs[a]) ++b;
    const std::size_t r = pairs[a] >> 32;
    const std::uint32_t d = static_cast<std::uint32_t>(pairs[a] & 0xFFFFFFFFu);
    const double pmi = std::log(static_cast<double>(b - a) * total / (row_total[r] * dim_total[d]));
    if (pmi > 0) vectors[r].emplace_back(d, static_cast<float>(pmi));
    a = b;
  }
  for (auto& v : vectors) {
    if (v.size() > 200) {
      std::nth_element(v.begin(), v.begin() + 200, v.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
      v.resize(200);
    }
    double sq = 0;
    for (const auto& [d, w] : v) sq += static_cast<double>(w) * w;
    const float n = sq > 0 ? static_cast<float>(std::sqrt(sq)) : 1.0f;
    for (auto& [d, w] : v) w /= n;
  }
  // Spherical k-means, seeded k-means++ style (each next seed drawn with probability growing
  // with its distance to the seeds so far; a fixed generator keeps it reproducible).
  const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(std::max(o.clusters, 1)), std::max<std::size_t>(rows, 1));
  std::vector<float> centroids(k * dims, 0.0f);
  if (rows > 0) {
    std::mt19937_64 rng(12345);
    std::vector<float> closest(rows, -1.0f);  // best similarity to a seed so far
    std::size_t seed = 0;
    for (std::size_t c = 0; c < k; ++c) {
      float* centroid = &centroids[c * dims];
      for (const auto& [d, w] : vectors[seed]) centroid[d] = w;
      util::parallel_for(rows, o.threads, [&](std::size_t r) { closest[r] = std::max(closest[r], dot_dense(vectors[r], centroid)); }, 1024);
      double sum = 0;
      for (float sim : closest) sum += (1.0 - sim) * (1.0 - sim);
      if (sum <= 0) break;
      double pick = std::uniform_real_distribution<double>(0.0, sum)(rng);
      for (seed = 0; seed + 1 < rows; ++seed) {
        pick -= (1.0 - closest[seed]) * (1.0 - closest[seed]);
        if (pick <= 0) break;
      }
    }
  }
  std::vector<std::int32_t> assigned(rows, -1);
  for (int iteration = 1; iteration <= o.iterations && rows > 0; ++iteration) {
    std::vector<std::int32_t> next(rows, 0);
    util::parallel_for(rows, o.threads, [&](std::size_t r) {
      float best = -1;
      std::int32_t arg = 0;
      for (std::size_t c = 0; c < k; ++c) {
        const float s = dot_dense(vectors[r], &centroids[c * dims]);
        if (s > best) best = s, arg = static_cast<std::int32_t>(c);
      }
      next[r] = arg;
    }, 256);
    std::size_t changed = 0;
    for (std::size_t r = 0; r < rows; ++r) changed += next[r] != assigned[r];
    assigned.swap(next);
    std::fill(centroids.begin(), centroids.end(), 0.0f);
    for (std::size_t r = 0; r < rows; ++r) {
      float* c = &centroids[static_cast<std::size_t>(assigned[r]) * dims];
      for (const auto& [d, w] : vectors[r]) c[d] += w;
    }
    for (std::size_t c = 0; c < k; ++c) {
      float* v = &centroids[c * dims];
      double sq = 0;
      for (std::size_t d = 0; d < dims; ++d) sq += static_cast<double>(v[d]) * v[d];
      if (sq > 0) {
        const auto n = static_cast<float>(std::sqrt(sq));
        for (std::size_t d = 0; d < dims; ++d) v[d] /= n;
      }
    }
    if (progress) progress(iteration, changed);
    if (changed == 0) break;
  }
  WordClusters out;
  for (std::uint32_t w = 0; w < words_.size(); ++w) {
    if (row[w] >= 0) out.entries_.emplace_back(word_hash(words_[w]), static_cast<std::uint16_t>(assigned[static_cast<std::size_t>(row[w])]));
  }
  std::sort(out.entries_.begin(), out.entries_.end());
  out.entries_.erase(std::unique(out.entries_.begin(), out.entries_.end(),
                                 [](const auto& a, const auto& b) { return a.first == b.first; }),
                     out.entries_.end());
  return out;
}

int WordClusters::cluster(std::string_view normalized_word) const {
  const std::uint32_t h = word_hash(normalized_word);
  const auto it = std::lower_bound(entries_.begin(), entries_.end(), h, [](const auto& e, std::uint32_t x) { return e.first < x; });
  return it != entries_.end() && it->first == h ? it->second : -1;
}

std::string WordClusters::to_bytes() const {
  std::string raw(kMagic, sizeof kMagic);
  const auto n = static_cast<std::uint32_t>(entries_.size());
  raw.append(reinterpret_cast<const char*>(&n), 4);
  for (const auto& [h, c] : entries_) raw.append(reinterpret_cast<const char*>(&h), 4);
  for (const auto& [h, c] : entries_) raw.append(reinterpret_cast<const char*>(&c), 2);
  return compress_model(raw);
}

Result<WordClusters> WordClusters::from_bytes(std::string_view bytes, std::string_view name) {
  const auto bad = [&](const char* why) { return make_error(Errc::parse_error, std::string(name) + ": not a masar word-cluster file (" + why + ")"); };
  const auto frame = decompress_model(bytes, std::size_t{1} << 30);
  if (!frame) return bad("not a zstd frame");
  const std::string& raw = *frame;
  if (raw.size() < sizeof kMagic + 4 || std::memcmp(raw.data(), kMagic, sizeof kMagic) != 0) return bad("magic");
  std::uint32_t n = 0;
  std::memcpy(&n, raw.data() + sizeof kMagic, 4);
  if (raw.size() != sizeof kMagic + 4 + static_cast<std::size_t>(n) * 6) return bad("size");
  WordClusters out;
  out.entries_.resize(n);
  const char* hashes = raw.data() + sizeof kMagic + 4;
  const char* ids = hashes + static_cast<std::size_t>(n) * 4;
  for (std::uint32_t i = 0; i < n; ++i) {
    std::memcpy(&out.entries_[i].first, hashes + i * 4, 4);
    std::memcpy(&out.entries_[i].second, ids + i * 2, 2);
  }
  if (!std::is_sorted(out.entries_.begin(), out.entries_.end())) return bad("order");
  return out;
}

Result<WordClusters> WordClusters::load(const std::filesystem::path& path) {
  auto bytes = read_model_file(path);
  if (!bytes) return bytes.error();
  return from_bytes(bytes.value(), path.string());
}

Status WordClusters::save(const std::filesystem::path& path) const { return write_model_file(path, to_bytes()); }

const WordClusters& WordClusters::builtin() {
  static const WordClusters clusters = [] {
#ifdef MASAR_WORD_CLUSTERS_PATH
    auto loaded = from_bytes(masar_word_clusters_bytes(), "built-in word clusters");
    if (loaded) return std::move(loaded.value());
#endif
    return WordClusters();
  }();
  return clusters;
}

}  // namespace masar::entities
