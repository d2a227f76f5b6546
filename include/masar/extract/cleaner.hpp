// The cleaning pipeline: raw Article in, CleanedArticle out. It composes the stages of
// extract/ (HTML extraction, display cleaning, metadata guessing, boilerplate rules and
// per-source line statistics) in two steps so that statistics across documents can be
// learned between them:
//
//   prepare()  per article, pure, parallel: HTML -> blocks, text -> display-cleaned lines
//   learn()    per article: count its lines in the per-source statistics
//   finish()   per article, parallel once learning is done: title, date, outlet, boilerplate
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "masar/extract/article.hpp"

namespace masar::extract {

class SourceLineStats;

struct CleanOptions {
  // A line recurring verbatim in at least this many articles of one source is boilerplate.
  std::size_t recurrent_min_count = 5;
  bool use_source_stats = true;
};

// An article after prepare(): display-cleaned lines plus what the page itself said.
struct PreparedArticle {
  Article article;                 // text/html moved out into `lines`
  std::vector<std::string> lines;  // display-cleaned, non-empty
  std::vector<std::uint64_t> line_hashes;  // SourceLineStats::line_hash of each line
  std::vector<std::string> html_dropped;  // HTML blocks that were not main content
  std::string html_title;
  std::string html_site_name;
  std::string html_published;
  std::string source_key;  // what per-source statistics group by: source, else URL host
};

class Cleaner {
 public:
  explicit Cleaner(CleanOptions options = {});
  ~Cleaner();
  Cleaner(Cleaner&&) noexcept;
  Cleaner& operator=(Cleaner&&) noexcept;

  static PreparedArticle prepare(Article article);
  void learn(const PreparedArticle& prepared);  // thread-safe
  CleanedArticle finish(PreparedArticle prepared) const;

  // learn() every article, then finish() them on `threads` workers; sink(i, cleaned) runs on
  // the workers, i being the article's index in `prepared`.
  void clean_batch(std::vector<PreparedArticle> prepared, unsigned threads,
                   const std::function<void(std::size_t, CleanedArticle&&)>& sink);

  // prepare + finish without statistics across documents (one article on its own).
  CleanedArticle clean_one(Article article) const;

  const SourceLineStats& source_stats() const;

 private:
  CleanOptions options_;
  std::unique_ptr<SourceLineStats> stats_;
};

}  // namespace masar::extract
