// Statistics across the documents of one source: a line that recurs verbatim (after search
// normalization) in many articles of the same outlet is furniture: a slogan, a footer, a menu.
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "masar/extract/boilerplate.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/tokenize.hpp"

namespace masar::extract {

namespace {
// Long lines that recur are more likely syndicated content than furniture.
constexpr std::size_t kMaxRecurrentWords = 40;
}  // namespace

struct SourceLineStats::State {
  struct Source {
    std::uint32_t documents = 0;
    std::unordered_map<std::uint64_t, std::uint32_t> lines;
  };
  mutable std::mutex mutex;
  std::unordered_map<std::string, Source> sources;
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
  const std::unordered_set<std::uint64_t> distinct(hashes.begin(), hashes.end());  // once per document
  std::lock_guard lock(state_->mutex);
  auto& s = state_->sources[std::string(source)];
  ++s.documents;
  for (std::uint64_t h : distinct) ++s.lines[h];
}

void SourceLineStats::merge(const SourceLineStats& other) {
  std::scoped_lock lock(state_->mutex, other.state_->mutex);
  for (const auto& [name, src] : other.state_->sources) {
    auto& s = state_->sources[name];
    s.documents += src.documents;
    for (const auto& [h, c] : src.lines) s.lines[h] += c;
  }
}

std::uint32_t SourceLineStats::documents(std::string_view source) const {
  std::lock_guard lock(state_->mutex);
  auto it = state_->sources.find(std::string(source));
  return it == state_->sources.end() ? 0 : it->second.documents;
}

std::uint32_t SourceLineStats::count(std::string_view source, std::string_view line) const {
  const std::uint64_t h = line_hash(line);
  std::lock_guard lock(state_->mutex);
  auto it = state_->sources.find(std::string(source));
  if (it == state_->sources.end()) return 0;
  auto l = it->second.lines.find(h);
  return l == it->second.lines.end() ? 0 : l->second;
}

bool SourceLineStats::is_recurrent(std::string_view source, std::string_view line) const {
  return is_recurrent_hash(source, line_hash(line), text::count_words(line));
}

bool SourceLineStats::is_recurrent_hash(std::string_view source, std::uint64_t hash, std::size_t words) const {
  if (words > kMaxRecurrentWords) return false;
  std::lock_guard lock(state_->mutex);
  const auto it = state_->sources.find(std::string(source));
  if (it == state_->sources.end()) return false;
  const auto l = it->second.lines.find(hash);
  const std::uint32_t n = l == it->second.lines.end() ? 0 : l->second;
  return n >= min_count_ && n >= min_share_ * it->second.documents;
}

void SourceLineStats::for_each(const std::function<void(const std::string&, std::uint64_t, std::uint32_t)>& fn) const {
  std::lock_guard lock(state_->mutex);
  for (const auto& [name, src] : state_->sources) {
    for (const auto& [h, c] : src.lines) fn(name, h, c);
  }
}

}  // namespace masar::extract
