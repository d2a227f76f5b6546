// Word clusters learned from unlabeled news: words that occur between the same neighbours
// ("قال الرئيس ___ إن") fall into one cluster, so a tagger that has seen some names in a
// cluster generalizes to the others (Miller et al. 2004; Turian et al. 2010).
//
// Built from raw text: search-normalized tokens, each frequent word described by the words
// just before and after it (positive PMI), spherical k-means over those vectors. Stored as
// 32-bit word hashes with their cluster (no word list), zstd-compressed; the clusters built
// from ant-multisource ship in models/word-clusters.bin and are assembled into the program.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "masar/error.hpp"

namespace masar::entities {

struct WordClusterOptions {
  std::size_t min_count = 10;        // rarer words get no cluster
  std::size_t max_words = 60000;     // the most frequent words clustered
  std::size_t context_words = 2000;  // neighbours that describe a word
  int clusters = 256;
  int iterations = 12;
  unsigned threads = 1;
};

class WordClusters {
 public:
  // The shipped clusters (empty when this build has none).
  static const WordClusters& builtin();
  static Result<WordClusters> from_bytes(std::string_view bytes, std::string_view name);
  static Result<WordClusters> load(const std::filesystem::path& path);
  std::string to_bytes() const;
  Status save(const std::filesystem::path& path) const;

  // The cluster of a search-normalized word, or -1.
  int cluster(std::string_view normalized_word) const;
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

  // Collects texts, then clusters their words.
  class Builder {
   public:
    void add_text(std::string_view text);
    std::size_t tokens() const { return sequence_.size(); }
    // `progress(iteration, words that changed cluster)`.
    WordClusters build(const WordClusterOptions& options, const std::function<void(int, std::size_t)>& progress = {}) const;

   private:
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::vector<std::string> words_;
    std::vector<std::uint32_t> counts_;
    std::vector<std::uint32_t> sequence_;  // word ids, kBreak between texts
  };

 private:
  std::vector<std::pair<std::uint32_t, std::uint16_t>> entries_;  // sorted by word hash
};

}  // namespace masar::entities
