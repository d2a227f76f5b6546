// Duplicate detection: exact duplicates by a hash of the search-normalized body, near
// duplicates by MinHash over word shingles with LSH banding, verified against a Jaccard
// threshold. Groups are the connected components of the "is a duplicate of" graph.
//
// Work is split in two so ingest can scale: fingerprint() is pure (no shared state, call it
// from any thread), Deduplicator::add() decides in order. add() is thread-safe (one mutex;
// it costs a few microseconds against tens for a fingerprint), but the groups depend on the
// order of the calls: for reproducible output fingerprint in parallel and add in input order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "masar/error.hpp"

namespace masar::dedup {

struct Options {
  double threshold = 0.8;   // Jaccard of the shingle sets at or above which two bodies are near duplicates
  int shingle_words = 3;    // words per shingle
  int permutations = 128;   // MinHash signature length (1..1024)
  int bands = 0;            // LSH bands; 0 = chosen from the threshold (choose_bands)
  int min_shingles = 5;     // bodies with fewer distinct shingles only take part in exact matching
  bool exact_verify = true; // verify candidates by exact Jaccard of the shingle sets (kept in memory,
                            // 4 bytes a shingle) instead of the signature estimate (±0.035 at 0.8)
};

// Ok, or invalid_argument naming the bad field.
Status validate(const Options& options);

// LSH layout: `bands` × `rows` signature values (bands * rows <= permutations).
struct Banding {
  int bands = 0;
  int rows = 0;
};
// The layout with the most rows per band (fewest false candidates) whose probability of making
// a pair at exactly Jaccard = threshold a candidate, 1 - (1 - t^rows)^bands, is at least 0.97.
Banding choose_bands(double threshold, int permutations);
// 1 - (1 - s^rows)^bands: the probability that a pair of Jaccard s shares at least one band.
double candidate_probability(double jaccard, Banding banding);

enum class MatchKind : std::uint8_t { none, exact, near };
const char* match_kind_name(MatchKind kind) noexcept;  // "none", "exact", "near"

struct Fingerprint {
  std::uint64_t exact_hash = 0;          // xxh3 of the normalized words joined by one space; 0 when no words
  std::size_t words = 0;                 // normalized words in the body
  std::size_t shingles = 0;              // distinct shingles
  std::vector<std::uint64_t> minhash;    // `permutations` values; empty when shingles < min_shingles
  std::vector<std::uint32_t> shingle_set;  // sorted distinct shingle hashes (exact_verify only)
};

// Pure: the same body and options always give the same fingerprint, on any thread.
Fingerprint fingerprint(std::string_view body, const Options& options);

// Exact Jaccard of two sorted distinct sets, and the MinHash estimate of two signatures.
double jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);
double estimate_jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);

// The LSH bucket keys of a fingerprint, one per band of `banding` (empty when it has no
// signature): what Deduplicator::restore() takes back for a document of an earlier run.
std::vector<std::uint64_t> band_keys(const Fingerprint& fp, Banding banding);

// One verified "is a duplicate of" edge from a new document to an earlier one.
struct Link {
  std::size_t earlier = 0;  // the caller's id of the earlier document
  double similarity = 0;    // 1 for exact
};

// What add() found for the new document.
struct Match {
  MatchKind kind = MatchKind::none;  // exact if an earlier body normalizes to the same text
  std::size_t representative = 0;   // the group's representative after this add (the doc itself if none)
  std::size_t matched = 0;           // the earlier document it is most similar to (itself if none)
  double similarity = 0;             // similarity to `matched` (1 for exact, 0 for none)
  std::vector<Link> links;           // every edge add() made to earlier documents, in the order found
};

struct Member {
  std::size_t doc = 0;
  MatchKind kind = MatchKind::near;  // exact: same normalized body as the representative
  double similarity = 0;             // Jaccard to the representative; can fall below the threshold
                                     // when the member joined through a chain (A~B~C)
  std::size_t linked = 0;            // the group member it is most similar to
  double link_similarity = 0;        // similarity to `linked`: always >= threshold
};

struct Group {
  std::size_t representative = 0;  // the earliest added member
  std::vector<Member> members;     // the others, in the order they were added
};

// One verified "is a duplicate of" edge; `first` was added before `second`. Exact edges link a
// document to the first one with the same normalized body; near edges link documents whose
// bodies differ (an exact copy of either is not paired again).
struct Pair {
  std::size_t first = 0;
  std::size_t second = 0;
  MatchKind kind = MatchKind::near;
  double similarity = 0;
};

struct Stats {
  std::size_t documents = 0;        // add() calls (restored documents are not counted)
  std::size_t exact = 0;            // documents whose normalized body was seen before
  std::size_t near = 0;             // other documents with at least one near edge to an earlier one
  std::size_t near_pairs = 0;       // verified near edges
  std::size_t candidates = 0;       // LSH candidate pairs examined
  std::size_t exact_only = 0;       // documents too short for near matching (but with words)
  std::size_t empty = 0;            // documents with no words (take part in nothing)
};

class Deduplicator {
 public:
  // Throws std::invalid_argument when validate(options) fails.
  explicit Deduplicator(Options options = {});
  ~Deduplicator();
  Deduplicator(Deduplicator&&) noexcept;
  Deduplicator& operator=(Deduplicator&&) noexcept;

  const Options& options() const noexcept;
  Banding banding() const noexcept;

  // `doc` is the caller's id (opaque; adding the same id twice makes two documents). `fp` must
  // come from fingerprint() with the same options (throws std::invalid_argument otherwise).
  Match add(std::size_t doc, const Fingerprint& fp);

  // Documents of an earlier run, taken back without their bodies (store/ keeps what each add()
  // found, so a later ingest need not read and fingerprint the archive again). Restore every
  // document before any add() (throws std::invalid_argument after one), in the order they
  // were added, then their links; the state is then the one the same add() calls would have
  // built, except that a restored document's fingerprint is computed (by the loader) only when
  // a later document's bucket holds it.
  //   exact_hash: Fingerprint::exact_hash (0: no words); bands: band_keys() of its fingerprint
  //   (empty: too short for near matching).
  void restore(std::size_t doc, std::uint64_t exact_hash, std::vector<std::uint64_t> bands);
  // An edge between two restored documents, by position in the order of restore() (0-based),
  // as add() reported it (Match::links).
  void restore_link(std::size_t first, std::size_t second, double similarity);
  // Gives the fingerprint of a restored document (the caller's id); nullopt when it cannot (the
  // document then matches nothing). Needed once documents are restored.
  using FingerprintLoader = std::function<std::optional<Fingerprint>(std::size_t doc)>;
  void set_loader(FingerprintLoader load);

  std::vector<Group> groups() const;  // groups of two or more, ordered by representative's add order
  std::vector<Pair> pairs() const;    // every verified edge, in the order found
  Stats stats() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace masar::dedup
