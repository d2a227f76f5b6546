// Fingerprints: the pure, parallel half of deduplication.
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>

#include "masar/dedup/dedup.hpp"
#include "masar/text/analyzer.hpp"
#include "masar/text/utf8.hpp"

namespace masar::dedup {
namespace {

constexpr int kMaxPermutations = 1024;
constexpr int kMaxShingleWords = 16;

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Permutation i is x -> a_i * x + b_i (mod 2^64) with odd a_i: a bijection, one multiply and
// one add per value. Shingle hashes are already xxh3 output, so a cheap affine map per
// permutation is enough; the tests check the estimate's error against the binomial bound.
struct Permutations {
  std::array<std::uint64_t, kMaxPermutations> a{};
  std::array<std::uint64_t, kMaxPermutations> b{};
  Permutations() {
    std::uint64_t state = 0x6D61736172646564ull;  // fixed: fingerprints must be stable across runs
    for (int i = 0; i < kMaxPermutations; ++i) {
      a[i] = splitmix64(state) | 1u;
      b[i] = splitmix64(state);
    }
  }
};

const Permutations& permutations() {
  static const Permutations p;
  return p;
}

// Search normalization on the tokenizer's words: the same words search indexes, without
// stop-word removal or stemming (those would merge bodies that differ).
const text::Analyzer& word_analyzer() {
  static const text::Analyzer analyzer = text::Analyzer::from_names({"normalize"}).value();
  return analyzer;
}

// sig[i] = min over xs of a[i] * x + b[i]. Eight permutations at a time stay in registers
// while the shingles stream past; with AVX-512 (64-bit multiply and unsigned min in one
// instruction each) this is ~8x faster than the plain loop, hence the clones.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#endif
void minhash_kernel(const std::uint64_t* xs, std::size_t m, const std::uint64_t* a_, const std::uint64_t* b_,
                    std::uint64_t* sig, std::size_t n) {
  constexpr std::size_t kWidth = 8;
  std::size_t i0 = 0;
  for (; i0 + kWidth <= n; i0 += kWidth) {
    std::uint64_t lo[kWidth], a[kWidth], b[kWidth];
    for (std::size_t j = 0; j < kWidth; ++j) {
      lo[j] = std::numeric_limits<std::uint64_t>::max();
      a[j] = a_[i0 + j];
      b[j] = b_[i0 + j];
    }
    for (std::size_t k = 0; k < m; ++k) {
      const std::uint64_t x = xs[k];
#pragma GCC unroll 8
      for (std::size_t j = 0; j < kWidth; ++j) {
        const std::uint64_t v = a[j] * x + b[j];
        lo[j] = v < lo[j] ? v : lo[j];
      }
    }
    for (std::size_t j = 0; j < kWidth; ++j) sig[i0 + j] = lo[j];
  }
  for (; i0 < n; ++i0) {
    std::uint64_t lo = std::numeric_limits<std::uint64_t>::max();
    for (std::size_t k = 0; k < m; ++k) {
      const std::uint64_t v = a_[i0] * xs[k] + b_[i0];
      lo = v < lo ? v : lo;
    }
    sig[i0] = lo;
  }
}

}  // namespace

Status validate(const Options& o) {
  auto bad = [](const std::string& what) { return make_error(Errc::invalid_argument, "dedup: " + what); };
  if (!(o.threshold > 0.0 && o.threshold <= 1.0)) return bad("threshold must be in (0, 1]");
  if (o.shingle_words < 1 || o.shingle_words > kMaxShingleWords) return bad("shingle_words must be in 1..16");
  if (o.permutations < 1 || o.permutations > kMaxPermutations) return bad("permutations must be in 1..1024");
  if (o.bands < 0 || o.bands > o.permutations) return bad("bands must be in 0..permutations");
  if (o.min_shingles < 1) return bad("min_shingles must be at least 1");
  return Ok{};
}

double candidate_probability(double jaccard, Banding banding) {
  if (banding.bands <= 0 || banding.rows <= 0) return 0.0;
  return 1.0 - std::pow(1.0 - std::pow(jaccard, banding.rows), banding.bands);
}

Banding choose_bands(double threshold, int perms) {
  constexpr double kRecallAtThreshold = 0.97;
  for (int rows = perms; rows >= 1; --rows) {
    const Banding b{perms / rows, rows};
    if (candidate_probability(threshold, b) >= kRecallAtThreshold) return b;
  }
  return Banding{perms, 1};
}

const char* match_kind_name(MatchKind kind) noexcept {
  switch (kind) {
    case MatchKind::exact: return "exact";
    case MatchKind::near: return "near";
    case MatchKind::none: break;
  }
  return "none";
}

Fingerprint fingerprint(std::string_view body, const Options& options) {
  thread_local std::string joined;
  thread_local std::vector<std::uint64_t> word_hashes;
  thread_local std::vector<std::uint64_t> shingles;
  joined.clear();
  word_hashes.clear();
  shingles.clear();

  // Readers hand over valid UTF-8; anything else is repaired rather than trusted.
  std::string repaired;
  if (!text::is_valid_utf8(body)) {
    repaired = text::decode_utf8(body).text;
    body = repaired;
  }

  // Normalized words joined by one space: spacing, punctuation, tatweel and diacritics vanish.
  word_analyzer().analyze(body, [&](const text::Term& term) {
    if (!joined.empty()) joined.push_back(' ');
    joined += term.text;
    word_hashes.push_back(XXH3_64bits(term.text.data(), term.text.size()));
  });

  Fingerprint fp;
  fp.words = word_hashes.size();
  if (fp.words == 0) return fp;
  fp.exact_hash = XXH3_64bits(joined.data(), joined.size());
  if (fp.exact_hash == 0) fp.exact_hash = 1;  // 0 means "no words"

  const auto k = static_cast<std::size_t>(std::clamp(options.shingle_words, 1, kMaxShingleWords));
  if (word_hashes.size() < k) return fp;
  shingles.reserve(word_hashes.size() - k + 1);
  for (std::size_t i = 0; i + k <= word_hashes.size(); ++i) {
    shingles.push_back(XXH3_64bits(&word_hashes[i], k * sizeof(std::uint64_t)));
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  fp.shingles = shingles.size();
  if (fp.shingles < static_cast<std::size_t>(std::max(options.min_shingles, 1))) return fp;

  const auto n = static_cast<std::size_t>(std::clamp(options.permutations, 1, kMaxPermutations));
  const Permutations& perm = permutations();
  fp.minhash.resize(n);
  minhash_kernel(shingles.data(), shingles.size(), perm.a.data(), perm.b.data(), fp.minhash.data(), n);

  if (options.exact_verify) {
    // The top 32 bits of each shingle (a spurious collision between two bodies is ~n^2/2^32);
    // the 64-bit values are sorted, so their top halves already are.
    fp.shingle_set.reserve(shingles.size());
    for (const std::uint64_t x : shingles) {
      const auto h = static_cast<std::uint32_t>(x >> 32);
      if (fp.shingle_set.empty() || fp.shingle_set.back() != h) fp.shingle_set.push_back(h);
    }
  }
  return fp;
}

double jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  std::size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

double estimate_jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  const std::size_t n = std::min(a.size(), b.size());
  if (n == 0) return 0.0;
  std::size_t equal = 0;
  for (std::size_t i = 0; i < n; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(n);
}

}  // namespace masar::dedup
