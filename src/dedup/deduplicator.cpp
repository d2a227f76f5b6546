// Deduplicator: the ordered half. Exact map, LSH buckets, verification and union-find.
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "masar/dedup/dedup.hpp"

namespace masar::dedup {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Per added document, indexed by add order ("seq").
struct Doc {
  std::size_t id = 0;
  std::uint32_t owner = kNone;  // seq of the first document with the same normalized body
  std::uint32_t slot = kNone;   // index into the signature/set store (owners with enough shingles)
  std::uint32_t link = kNone;   // strongest edge
  double link_similarity = 0;
};

// The LSH bucket key of one band of a signature; the band is the seed, so equal values in two
// bands are two buckets.
std::uint64_t band_key(const std::uint64_t* sig, int band, int rows) {
  const auto r = static_cast<std::size_t>(rows);
  return XXH3_64bits_withSeed(sig + static_cast<std::size_t>(band) * r, r * sizeof(std::uint64_t),
                              static_cast<std::uint64_t>(band));
}

// What is known of a slot's fingerprint: restored slots are loaded when first needed.
enum class Loaded : std::uint8_t { yes, not_yet, unavailable };

struct Edge {
  std::uint32_t first = 0;
  std::uint32_t second = 0;
  MatchKind kind = MatchKind::near;
  double similarity = 0;
};

}  // namespace

struct Deduplicator::State {
  Options options;
  Banding banding;
  double prefilter = 0;  // signature estimate below which exact verification is skipped

  mutable std::mutex mutex;
  std::vector<Doc> docs;
  mutable std::vector<std::uint32_t> parent;  // union-find; a root is its set's earliest seq
  std::unordered_map<std::uint64_t, std::uint32_t> exact;  // exact hash -> owner seq

  // Per slot: where its signature starts in `signatures` (flat, in load order), shingle set,
  // seq, whether it is loaded; the added slots' LSH chains (next_in_chain).
  std::vector<std::uint64_t> signatures;
  std::vector<std::size_t> signature_at;
  std::vector<std::vector<std::uint32_t>> sets;
  std::vector<std::uint32_t> slot_seq;
  std::vector<Loaded> loaded;
  FingerprintLoader load;
  std::vector<std::uint32_t> chain;
  std::uint32_t chain_base = 0;  // the first added slot: chain[(slot - chain_base) * bands + band]
  bool added = false;            // add() was called: restore() no longer may be
  std::unordered_map<std::uint64_t, std::uint32_t> bucket_head;  // (band, band values) -> last slot
  // The restored slots' buckets as (key, slot) pairs, sorted by key when first searched: a
  // twentieth of the hash map's memory for an archive that is mostly never a candidate.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> restored_buckets;
  bool restored_sorted = true;

  std::vector<Edge> edges;
  Stats stats;
  std::vector<std::uint32_t> candidates;  // scratch

  std::uint32_t find(std::uint32_t x) const {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];  // path halving
      x = parent[x];
    }
    return x;
  }

  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    // The earlier document stays the root, so the root is always the representative.
    if (a < b) parent[b] = a; else parent[a] = b;
  }

  void link(std::uint32_t a, std::uint32_t b, MatchKind kind, double similarity) {
    edges.push_back(Edge{a, b, kind, similarity});
    for (auto [x, y] : {std::pair{a, b}, std::pair{b, a}}) {
      if (docs[x].link == kNone || similarity > docs[x].link_similarity) {
        docs[x].link = y;
        docs[x].link_similarity = similarity;
      }
    }
    unite(a, b);
  }

  const std::uint64_t* signature(std::uint32_t slot) const { return signatures.data() + signature_at[slot]; }

  // A new slot (the document `seq`), with its signature and set when known.
  std::uint32_t add_slot(std::uint32_t seq, const Fingerprint* fp) {
    const auto slot = static_cast<std::uint32_t>(slot_seq.size());
    docs[seq].slot = slot;
    slot_seq.push_back(seq);
    signature_at.push_back(fp ? signatures.size() : 0);
    if (fp) signatures.insert(signatures.end(), fp->minhash.begin(), fp->minhash.end());
    sets.push_back(fp && options.exact_verify ? fp->shingle_set : std::vector<std::uint32_t>{});
    loaded.push_back(fp ? Loaded::yes : Loaded::not_yet);
    if (fp) {  // added slots follow every restored one, and only they are chained
      if (chain.empty()) chain_base = slot;
      chain.resize(chain.size() + static_cast<std::size_t>(banding.bands), kNone);
    }
    return slot;
  }

  std::uint32_t& next_in_chain(std::uint32_t slot, int band) {
    return chain[static_cast<std::size_t>(slot - chain_base) * static_cast<std::size_t>(banding.bands) +
                 static_cast<std::size_t>(band)];
  }

  // Puts `slot` at the head of the bucket `key` of `band`; the slots already there, restored
  // ones included, are appended to `found`.
  void join_bucket(std::uint32_t slot, int band, std::uint64_t key, std::vector<std::uint32_t>& found) {
    if (!restored_buckets.empty()) {
      if (!restored_sorted) {
        std::sort(restored_buckets.begin(), restored_buckets.end());
        restored_sorted = true;
      }
      auto it = std::lower_bound(restored_buckets.begin(), restored_buckets.end(), std::pair{key, std::uint32_t{0}});
      for (; it != restored_buckets.end() && it->first == key; ++it) found.push_back(it->second);
    }
    auto [head, fresh] = bucket_head.try_emplace(key, slot);
    if (fresh) return;
    for (std::uint32_t c = head->second; c != kNone; c = next_in_chain(c, band)) found.push_back(c);
    next_in_chain(slot, band) = head->second;
    head->second = slot;
  }

  // Loads a restored slot's fingerprint on first use; false when it cannot be had.
  bool ensure_loaded(std::uint32_t slot) {
    if (loaded[slot] != Loaded::not_yet) return loaded[slot] == Loaded::yes;
    loaded[slot] = Loaded::unavailable;
    if (!load) return false;
    const std::optional<Fingerprint> fp = load(docs[slot_seq[slot]].id);
    if (!fp || fp->minhash.size() != static_cast<std::size_t>(options.permutations) ||
        (options.exact_verify && fp->shingle_set.empty())) {
      return false;
    }
    signature_at[slot] = signatures.size();
    signatures.insert(signatures.end(), fp->minhash.begin(), fp->minhash.end());
    if (options.exact_verify) sets[slot] = fp->shingle_set;
    loaded[slot] = Loaded::yes;
    return true;
  }

  double estimate(std::uint32_t s, std::uint32_t t) const {
    const std::uint64_t* a = signature(s);
    const std::uint64_t* b = signature(t);
    const auto n = static_cast<std::size_t>(options.permutations);
    std::size_t equal = 0;
    for (std::size_t i = 0; i < n; ++i) equal += a[i] == b[i];
    return static_cast<double>(equal) / static_cast<double>(n);
  }

  // Similarity of two slots: exact Jaccard when the sets are kept, else the estimate.
  double similarity(std::uint32_t s, std::uint32_t t) const {
    return options.exact_verify ? jaccard(sets[s], sets[t]) : estimate(s, t);
  }
};

std::vector<std::uint64_t> band_keys(const Fingerprint& fp, Banding banding) {
  std::vector<std::uint64_t> keys;
  if (fp.minhash.size() < static_cast<std::size_t>(banding.bands) * static_cast<std::size_t>(banding.rows)) return keys;
  keys.reserve(static_cast<std::size_t>(banding.bands));
  for (int band = 0; band < banding.bands; ++band) keys.push_back(band_key(fp.minhash.data(), band, banding.rows));
  return keys;
}

Deduplicator::Deduplicator(Options options) : state_(std::make_unique<State>()) {
  if (Status s = validate(options); !s) throw std::invalid_argument(s.error().message);
  State& st = *state_;
  st.options = options;
  st.banding = options.bands > 0 ? Banding{options.bands, options.permutations / options.bands}
                                 : choose_bands(options.threshold, options.permutations);
  // Five standard deviations of the estimate at the threshold, so that the prefilter almost
  // never drops a pair that exact verification would keep.
  const double t = options.threshold;
  st.prefilter = t - 5.0 * std::sqrt(t * (1.0 - t) / options.permutations) - 1.0 / options.permutations;
}

Deduplicator::~Deduplicator() = default;
Deduplicator::Deduplicator(Deduplicator&&) noexcept = default;
Deduplicator& Deduplicator::operator=(Deduplicator&&) noexcept = default;

const Options& Deduplicator::options() const noexcept { return state_->options; }
Banding Deduplicator::banding() const noexcept { return state_->banding; }

Match Deduplicator::add(std::size_t doc, const Fingerprint& fp) {
  State& st = *state_;
  const auto perms = static_cast<std::size_t>(st.options.permutations);
  if (!fp.minhash.empty() && (fp.minhash.size() != perms || (st.options.exact_verify && fp.shingle_set.empty()))) {
    throw std::invalid_argument("dedup: fingerprint computed with different options");
  }

  std::lock_guard lock(st.mutex);
  if (st.docs.size() >= kNone - 1) throw std::length_error("dedup: too many documents");
  st.added = true;
  const auto seq = static_cast<std::uint32_t>(st.docs.size());
  st.docs.push_back(Doc{doc});
  st.parent.push_back(seq);
  ++st.stats.documents;
  Match match{MatchKind::none, doc, doc, 0.0, {}};

  if (fp.words == 0) {
    ++st.stats.empty;
    return match;
  }
  auto [it, inserted] = st.exact.try_emplace(fp.exact_hash, seq);
  if (!inserted) {
    const std::uint32_t owner = it->second;
    st.docs[seq].owner = owner;
    ++st.stats.exact;
    st.link(owner, seq, MatchKind::exact, 1.0);
    return Match{MatchKind::exact, st.docs[st.find(seq)].id, st.docs[owner].id, 1.0, {{st.docs[owner].id, 1.0}}};
  }
  st.docs[seq].owner = seq;
  if (fp.minhash.empty()) {
    ++st.stats.exact_only;
    return match;
  }

  const std::uint32_t slot = st.add_slot(seq, &fp);

  // Candidates: every earlier slot sharing a band; then this slot joins the buckets.
  st.candidates.clear();
  const std::uint64_t* sig = st.signature(slot);
  for (int band = 0; band < st.banding.bands; ++band) {
    st.join_bucket(slot, band, band_key(sig, band, st.banding.rows), st.candidates);
  }
  std::sort(st.candidates.begin(), st.candidates.end());
  st.candidates.erase(std::unique(st.candidates.begin(), st.candidates.end()), st.candidates.end());
  st.stats.candidates += st.candidates.size();

  // Verify in slot order (deterministic); keep every edge so groups are whole components.
  double best = -1.0;
  std::uint32_t best_seq = kNone;
  for (const std::uint32_t c : st.candidates) {
    if (!st.ensure_loaded(c)) continue;
    const double estimate = st.estimate(slot, c);
    if (st.options.exact_verify ? estimate < st.prefilter : estimate < st.options.threshold) continue;
    const double sim = st.options.exact_verify ? jaccard(st.sets[slot], st.sets[c]) : estimate;
    if (sim < st.options.threshold) continue;
    const std::uint32_t other = st.slot_seq[c];
    st.link(other, seq, MatchKind::near, sim);
    match.links.push_back(Link{st.docs[other].id, sim});
    ++st.stats.near_pairs;
    if (sim > best) {
      best = sim;
      best_seq = other;
    }
  }
  if (best_seq == kNone) return match;
  ++st.stats.near;
  return Match{MatchKind::near, st.docs[st.find(seq)].id, st.docs[best_seq].id, best, std::move(match.links)};
}

void Deduplicator::restore(std::size_t doc, std::uint64_t exact_hash, std::vector<std::uint64_t> bands) {
  State& st = *state_;
  if (!bands.empty() && bands.size() != static_cast<std::size_t>(st.banding.bands)) {
    throw std::invalid_argument("dedup: restored band keys made with different options");
  }
  std::lock_guard lock(st.mutex);
  if (st.added) throw std::invalid_argument("dedup: restore() after add()");
  if (st.docs.size() >= kNone - 1) throw std::length_error("dedup: too many documents");
  const auto seq = static_cast<std::uint32_t>(st.docs.size());
  st.docs.push_back(Doc{doc});
  st.parent.push_back(seq);
  if (exact_hash == 0) return;  // no words: takes part in nothing
  auto [it, inserted] = st.exact.try_emplace(exact_hash, seq);
  st.docs[seq].owner = it->second;  // a copy's edge to its owner comes back through restore_link
  if (!inserted || bands.empty()) return;
  const std::uint32_t slot = st.add_slot(seq, nullptr);
  for (const std::uint64_t key : bands) st.restored_buckets.emplace_back(key, slot);
  st.restored_sorted = false;
}

void Deduplicator::restore_link(std::size_t first, std::size_t second, double similarity) {
  State& st = *state_;
  std::lock_guard lock(st.mutex);
  if (first >= st.docs.size() || second >= st.docs.size() || first == second) {
    throw std::invalid_argument("dedup: restored link between unknown documents");
  }
  const auto a = static_cast<std::uint32_t>(first);
  const auto b = static_cast<std::uint32_t>(second);
  const bool exact = st.docs[a].owner != kNone && st.docs[a].owner == st.docs[b].owner;
  st.link(a, b, exact ? MatchKind::exact : MatchKind::near, similarity);
}

void Deduplicator::set_loader(FingerprintLoader load) {
  std::lock_guard lock(state_->mutex);
  state_->load = std::move(load);
}

std::vector<Group> Deduplicator::groups() const {
  State& st = *state_;  // restored slots are loaded when a member's similarity needs them
  std::lock_guard lock(st.mutex);
  const auto n = static_cast<std::uint32_t>(st.docs.size());
  std::vector<std::uint32_t> size(n, 0);
  for (std::uint32_t s = 0; s < n; ++s) ++size[st.find(s)];

  std::vector<std::uint32_t> group_of(n, kNone);
  std::vector<Group> out;
  for (std::uint32_t s = 0; s < n; ++s) {
    const std::uint32_t root = st.find(s);
    if (size[root] < 2) continue;
    if (root == s) {  // roots come first: a root is its set's smallest seq
      group_of[s] = static_cast<std::uint32_t>(out.size());
      out.push_back(Group{st.docs[s].id, {}});
      out.back().members.reserve(size[root] - 1);
      continue;
    }
    const Doc& d = st.docs[s];
    const Doc& rep = st.docs[root];
    Member m;
    m.doc = d.id;
    m.linked = st.docs[d.link].id;
    m.link_similarity = d.link_similarity;
    if (d.owner == rep.owner) {
      m.kind = MatchKind::exact;
      m.similarity = 1.0;
    } else {
      m.kind = MatchKind::near;
      const std::uint32_t a = st.docs[d.owner].slot;
      const std::uint32_t b = st.docs[rep.owner].slot;
      m.similarity = a != kNone && b != kNone && st.ensure_loaded(a) && st.ensure_loaded(b) ? st.similarity(a, b) : 0.0;
    }
    out[group_of[root]].members.push_back(m);
  }
  return out;
}

std::vector<Pair> Deduplicator::pairs() const {
  const State& st = *state_;
  std::lock_guard lock(st.mutex);
  std::vector<Pair> out;
  out.reserve(st.edges.size());
  for (const Edge& e : st.edges) {
    out.push_back(Pair{st.docs[e.first].id, st.docs[e.second].id, e.kind, e.similarity});
  }
  return out;
}

Stats Deduplicator::stats() const {
  std::lock_guard lock(state_->mutex);
  return state_->stats;
}

}  // namespace masar::dedup
