// Statistics across the documents of one source: a line that recurs verbatim (after search
// normalization) in many articles of the same outlet is furniture: a slogan, a footer, a menu.
#include <algorithm>
#include <array>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <unordered_set>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "masar/extract/boilerplate.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/tokenize.hpp"
#include "masar/util/string_hash.hpp"

namespace masar::extract {

namespace {

// Long lines that recur are more likely syndicated content than furniture.
constexpr std::size_t kMaxRecurrentWords = 40;
// From this length a line reads as prose: it must also recur in 1% of the source's documents.
constexpr std::size_t kProseWords = 15;
constexpr std::uint32_t kProsePerMille = 10;
constexpr std::size_t kShards = 16;

using ViewHash = util::StringViewHash;

struct SourceCounts {
  std::uint32_t documents = 0;
  std::unordered_map<std::uint64_t, std::uint32_t> lines;
  std::unordered_set<std::uint64_t> seen;  // fingerprints of the documents counted
};

struct Shard {
  mutable std::shared_mutex mutex;
  std::unordered_map<std::string, SourceCounts, ViewHash, std::equal_to<>> sources;

  const SourceCounts* find(std::string_view source) const {
    const auto it = sources.find(source);
    return it == sources.end() ? nullptr : &it->second;
  }
  SourceCounts& get(std::string_view source) {
    auto it = sources.find(source);
    if (it == sources.end()) it = sources.emplace(std::string(source), SourceCounts{}).first;
    return it->second;
  }
};

// The distinct line hashes of a document, sorted, and their fingerprint.
std::uint64_t fingerprint(const std::vector<std::uint64_t>& distinct) {
  return XXH3_64bits(distinct.data(), distinct.size() * sizeof(std::uint64_t));
}

}  // namespace

struct SourceLineStats::State {
  std::array<Shard, kShards> shards;
  Shard& shard(std::string_view source) { return shards[std::hash<std::string_view>{}(source) % kShards]; }
  const Shard& shard(std::string_view source) const { return shards[std::hash<std::string_view>{}(source) % kShards]; }
};

SourceLineStats::SourceLineStats(std::size_t min_count, double min_share)
    : state_(std::make_unique<State>()), min_count_(min_count), min_share_(min_share) {}
SourceLineStats::~SourceLineStats() = default;
SourceLineStats::SourceLineStats(SourceLineStats&&) noexcept = default;
SourceLineStats& SourceLineStats::operator=(SourceLineStats&&) noexcept = default;

std::uint64_t SourceLineStats::line_hash(std::string_view line) {
  const std::string n = text::normalize_for_search(line);
  return XXH3_64bits(n.data(), n.size());
}

void SourceLineStats::add_document(std::string_view source, const std::vector<std::string>& lines) {
  std::vector<std::uint64_t> hashes;
  hashes.reserve(lines.size());
  for (const auto& l : lines) hashes.push_back(line_hash(l));
  add_document_hashes(source, hashes);
}

void SourceLineStats::add_document_hashes(std::string_view source, const std::vector<std::uint64_t>& hashes) {
  std::vector<std::uint64_t> distinct(hashes);  // each line once per document
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  const std::uint64_t fp = fingerprint(distinct);
  Shard& shard = state_->shard(source);
  std::unique_lock lock(shard.mutex);
  SourceCounts& s = shard.get(source);
  if (!distinct.empty() && !s.seen.insert(fp).second) return;  // the same page again
  ++s.documents;
  for (std::uint64_t h : distinct) ++s.lines[h];
}

void SourceLineStats::add_counts(std::string_view source, std::uint32_t documents,
                                 const std::vector<std::pair<std::uint64_t, std::uint32_t>>& line_counts) {
  Shard& shard = state_->shard(source);
  std::unique_lock lock(shard.mutex);
  SourceCounts& s = shard.get(source);
  s.documents += documents;
  for (const auto& [h, c] : line_counts) s.lines[h] += c;
}

void SourceLineStats::merge(const SourceLineStats& other) {
  if (&other == this) return;
  for (const Shard& from : other.state_->shards) {
    // Copy under the other's lock, add under ours: never two locks at once.
    std::vector<std::pair<std::string, SourceCounts>> copy;
    {
      std::shared_lock lock(from.mutex);
      copy.assign(from.sources.begin(), from.sources.end());
    }
    for (auto& [name, src] : copy) {
      Shard& to = state_->shard(name);
      std::unique_lock lock(to.mutex);
      SourceCounts& s = to.get(name);
      s.documents += src.documents;
      for (const auto& [h, c] : src.lines) s.lines[h] += c;
      s.seen.insert(src.seen.begin(), src.seen.end());
    }
  }
}

std::uint32_t SourceLineStats::documents(std::string_view source) const {
  const Shard& shard = state_->shard(source);
  std::shared_lock lock(shard.mutex);
  const SourceCounts* s = shard.find(source);
  return s ? s->documents : 0;
}

std::uint32_t SourceLineStats::count(std::string_view source, std::string_view line) const {
  const std::uint64_t h = line_hash(line);
  const Shard& shard = state_->shard(source);
  std::shared_lock lock(shard.mutex);
  const SourceCounts* s = shard.find(source);
  if (!s) return 0;
  const auto l = s->lines.find(h);
  return l == s->lines.end() ? 0 : l->second;
}

bool SourceLineStats::is_recurrent(std::string_view source, std::string_view line) const {
  return is_recurrent_hash(source, line_hash(line), line);
}

bool SourceLineStats::is_recurrent_hash(std::string_view source, std::uint64_t hash, std::string_view line) const {
  std::uint32_t n = 0, documents = 0;
  {
    const Shard& shard = state_->shard(source);
    std::shared_lock lock(shard.mutex);
    const SourceCounts* s = shard.find(source);
    if (!s) return false;
    const auto l = s->lines.find(hash);
    n = l == s->lines.end() ? 0 : l->second;
    documents = s->documents;
  }
  if (n < min_count_ || n < min_share_ * documents) return false;
  // Words are counted only for the few lines that recur (counting every line was most of the cost).
  const std::size_t words = text::count_words(line);
  if (words > kMaxRecurrentWords) return false;
  return words < kProseWords || std::uint64_t{n} * 1000 >= std::uint64_t{documents} * kProsePerMille;
}

void SourceLineStats::for_each(const std::function<void(const std::string&, std::uint64_t, std::uint32_t)>& fn) const {
  for (const Shard& shard : state_->shards) {
    std::shared_lock lock(shard.mutex);
    for (const auto& [name, src] : shard.sources) {
      for (const auto& [h, c] : src.lines) fn(name, h, c);
    }
  }
}

void SourceLineStats::for_each_source(const std::function<void(const std::string&, std::uint32_t)>& fn) const {
  for (const Shard& shard : state_->shards) {
    std::shared_lock lock(shard.mutex);
    for (const auto& [name, src] : shard.sources) fn(name, src.documents);
  }
}

}  // namespace masar::extract
