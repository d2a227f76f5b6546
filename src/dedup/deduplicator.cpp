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

  // Per slot: signature (flat), shingle set, seq, and LSH chains (slot * bands + band -> next slot).
  std::vector<std::uint64_t> signatures;
  std::vector<std::vector<std::uint32_t>> sets;
  std::vector<std::uint32_t> slot_seq;
  std::vector<std::uint32_t> chain;
  std::unordered_map<std::uint64_t, std::uint32_t> bucket_head;  // (band, band values) -> last slot

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

  const std::uint64_t* signature(std::uint32_t slot) const {
    return signatures.data() + static_cast<std::size_t>(slot) * static_cast<std::size_t>(options.permutations);
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

  std::uint64_t band_key(const std::uint64_t* sig, int band) const {
    const auto rows = static_cast<std::size_t>(banding.rows);
    return XXH3_64bits_withSeed(sig + static_cast<std::size_t>(band) * rows, rows * sizeof(std::uint64_t),
                                static_cast<std::uint64_t>(band));
  }
};

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
  const auto seq = static_cast<std::uint32_t>(st.docs.size());
  st.docs.push_back(Doc{doc});
  st.parent.push_back(seq);
  ++st.stats.documents;
  Match match{MatchKind::none, doc, doc, 0.0};

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
    return Match{MatchKind::exact, st.docs[st.find(seq)].id, st.docs[owner].id, 1.0};
  }
  st.docs[seq].owner = seq;
  if (fp.minhash.empty()) {
    ++st.stats.exact_only;
    return match;
  }

  const auto slot = static_cast<std::uint32_t>(st.slot_seq.size());
  st.docs[seq].slot = slot;
  st.slot_seq.push_back(seq);
  st.signatures.insert(st.signatures.end(), fp.minhash.begin(), fp.minhash.end());
  st.sets.push_back(st.options.exact_verify ? fp.shingle_set : std::vector<std::uint32_t>{});

  // Candidates: every earlier slot sharing a band; then this slot joins the buckets.
  const int bands = st.banding.bands;
  st.chain.resize(st.chain.size() + static_cast<std::size_t>(bands), kNone);
  st.candidates.clear();
  const std::uint64_t* sig = st.signature(slot);
  for (int band = 0; band < bands; ++band) {
    auto [head, fresh] = st.bucket_head.try_emplace(st.band_key(sig, band), slot);
    if (fresh) continue;
    for (std::uint32_t c = head->second; c != kNone; c = st.chain[static_cast<std::size_t>(c) * bands + band]) {
      st.candidates.push_back(c);
    }
    st.chain[static_cast<std::size_t>(slot) * bands + band] = head->second;
    head->second = slot;
  }
  std::sort(st.candidates.begin(), st.candidates.end());
  st.candidates.erase(std::unique(st.candidates.begin(), st.candidates.end()), st.candidates.end());
  st.stats.candidates += st.candidates.size();

  // Verify in slot order (deterministic); keep every edge so groups are whole components.
  double best = -1.0;
  std::uint32_t best_seq = kNone;
  for (const std::uint32_t c : st.candidates) {
    const double estimate = st.estimate(slot, c);
    if (st.options.exact_verify ? estimate < st.prefilter : estimate < st.options.threshold) continue;
    const double sim = st.options.exact_verify ? jaccard(st.sets[slot], st.sets[c]) : estimate;
    if (sim < st.options.threshold) continue;
    const std::uint32_t other = st.slot_seq[c];
    st.link(other, seq, MatchKind::near, sim);
    ++st.stats.near_pairs;
    if (sim > best) {
      best = sim;
      best_seq = other;
    }
  }
  if (best_seq == kNone) return match;
  ++st.stats.near;
  return Match{MatchKind::near, st.docs[st.find(seq)].id, st.docs[best_seq].id, best};
}

std::vector<Group> Deduplicator::groups() const {
  const State& st = *state_;
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
      m.similarity = a != kNone && b != kNone ? st.similarity(a, b) : 0.0;
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
