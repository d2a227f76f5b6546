// What dedup found for each stored article (table dedup_docs, schema 9): its exact hash, its
// LSH band keys and its edges to earlier articles. A later ingest restores the deduplicator
// from these narrow rows (dedup::Deduplicator::restore) instead of reading and fingerprinting
// every stored body: memory and time then grow with a few hundred bytes an article, not with
// the archive's text. Private to store/.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "masar/dedup/dedup.hpp"
#include "masar/error.hpp"
#include "store/sqlite_util.hpp"

namespace masar::store {

struct DedupRecord {
  std::int64_t rowid = 0;                               // the article's
  std::uint64_t exact_hash = 0;                         // dedup::Fingerprint::exact_hash
  std::vector<std::uint64_t> bands;                     // dedup::band_keys of its fingerprint
  std::vector<std::pair<std::int64_t, double>> links;   // earlier articles (rowids) it was linked to, with the similarity
};

// The options and analysis the records were made with, as the one number store_meta keeps
// under "dedup": records made otherwise are not restored but rebuilt.
int dedup_records_version(const dedup::Options& options);

class DedupRecords {
 public:
  explicit DedupRecords(sqlite3* db);

  // Inserts or replaces the record of `r.rowid`.
  Status put(const DedupRecord& r);
  Status clear();
  // Every record in rowid order.
  Status for_each(const std::function<void(DedupRecord&&)>& fn);
  // Links to article `from` become links to `to` (and none from `to` to itself): the records
  // after Store::hand_down_copies, whose heir carries the text those links were made to.
  Status relink(std::int64_t from, std::int64_t to);
  // True when every stored article has a record (and no record lacks its article).
  Result<bool> covers_every_article();
  // The article's body (for a restored document's fingerprint) and id.
  Result<std::optional<std::string>> body(std::int64_t rowid);
  Result<std::optional<std::string>> article_id(std::int64_t rowid);
  Result<std::optional<std::int64_t>> rowid_of(const std::string& article_id);

 private:
  sqlite3* db_;
  sql::Statement put_, body_, id_, rowid_;
};

}  // namespace masar::store
