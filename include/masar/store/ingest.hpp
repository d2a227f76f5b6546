// Ingest: cleaned, deduplicated articles into a Store, in batched transactions. The same
// pipeline serves the CLI (`masar ingest`) and, later, the HTTP bulk endpoint.
//
//   prepare (parallel) -> learn source statistics -> finish (parallel) -> fingerprint
//   (parallel) -> dedup decision (input order) -> upsert (one transaction per batch)
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "masar/dedup/dedup.hpp"
#include "masar/error.hpp"
#include "masar/extract/article.hpp"
#include "masar/extract/cleaner.hpp"
#include "masar/store/index_terms.hpp"
#include "masar/store/store.hpp"

namespace masar::store {

// Work that wants the index terms of each article's title and body (tracking counts its terms from them,
// cluster/feature_cache.hpp). Called on the analysis thread, one article at a time; the function
// it returns, if any, is called on the writing thread with the article's rowid once the article
// is stored as an original (inserted or changed, not a duplicate).
using IndexTermsHook = std::function<std::function<void(std::int64_t rowid)>(
    std::string_view title, std::string_view body, const IndexTerms& terms)>;

struct IngestOptions {
  extract::CleanOptions clean;
  dedup::Options dedup;
  unsigned threads = 1;
  std::size_t batch_size = 2000;  // articles per transaction
  // Runs only where the terms are computed ahead of the write (threads > 1).
  IndexTermsHook with_index_terms;
};

struct IngestSummary {
  std::size_t read = 0;
  std::size_t inserted = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t duplicates = 0;  // inserted or updated articles linked to an earlier one
  std::size_t skipped = 0;     // articles that could not be stored (see `problems`)
  std::size_t handed_down = 0;  // updated articles whose copies of their old text got an heir (Store::hand_down_copies)
  std::vector<std::string> problems;  // "id: reason"
};

// Per-article outcome, in input order, for callers that answer one result per input (bulk API).
struct IngestResult {
  std::string id;
  std::string status;  // "inserted", "updated", "unchanged", "skipped"
  std::string duplicate_of;
  std::string error;
};

class Ingester {
 public:
  // Loads what dedup needs to know about articles already in the store.
  static Result<Ingester> create(Store& store, IngestOptions options);
  Ingester(Ingester&&) noexcept;
  ~Ingester();

  // Cleans, deduplicates and stores `articles`. `progress(done)` is called after each batch.
  Result<IngestSummary> ingest(std::vector<extract::Article> articles,
                               const std::function<void(std::size_t)>& progress = {},
                               std::vector<IngestResult>* results = nullptr);
  // The same for articles already through Cleaner::prepare() (readers that prepare while
  // they read, see cli/input.hpp).
  Result<IngestSummary> ingest_prepared(std::vector<extract::PreparedArticle> prepared,
                                        const std::function<void(std::size_t)>& progress = {},
                                        std::vector<IngestResult>* results = nullptr);

 private:
  Ingester(Store& store, IngestOptions options);
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace masar::store
