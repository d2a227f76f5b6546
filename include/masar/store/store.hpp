// The embedded store: one SQLite file in WAL mode holding articles (metadata, cleaned body,
// removed lines), their duplicate links, per-source boilerplate statistics and an FTS5 index
// whose tokenizer is the masar analyzer. Schema versions are applied by migrations.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "masar/error.hpp"
#include "masar/extract/article.hpp"
#include "masar/store/index_terms.hpp"

struct sqlite3;

namespace masar::store {

inline constexpr int kSchemaVersion = 9;

enum class OpenMode { read_write, read_only };

// How an article relates to the duplicate groups, decided by dedup before it is stored.
struct DuplicateLink {
  std::string representative_id;  // empty: the article is not a duplicate
  std::string kind;               // "exact" or "near"
  double similarity = 0;
};

enum class UpsertOutcome { inserted, updated, unchanged };

struct StoredArticle {
  std::int64_t rowid = 0;
  extract::CleanedArticle article;
  DuplicateLink duplicate;
};

struct SourceCount {
  std::string source;
  std::string month;  // "YYYY-MM", "" when undated
  std::int64_t articles = 0;
};

struct StoreStats {
  std::int64_t articles = 0;
  std::int64_t indexed = 0;     // articles in the full-text index (duplicates are not)
  std::int64_t duplicates = 0;  // articles linked to an earlier representative
  std::int64_t duplicate_groups = 0;
  std::vector<SourceCount> by_source_month;
  std::int64_t file_bytes = 0;
  std::int64_t index_bytes = 0;  // pages of the FTS5 shadow tables (0 when dbstat is unavailable)
};

class Store {
 public:
  // Creates the file when missing, applies pending migrations (read_write only), registers
  // the "masar" FTS5 tokenizer on the connection.
  static Result<Store> open(const std::filesystem::path& path, OpenMode mode = OpenMode::read_write);
  // Applies migrations up to `version` only: used by the migration test to build an old file.
  static Status create_at_version(const std::filesystem::path& path, int version);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  int schema_version() const;

  // The analysis chain (text::kAnalyzerVersion) the full-text index was built with; a file
  // from before the version was recorded (schema 7 and older) holds version 1. Opened
  // read-write, a store whose index another version built is re-indexed at once: the index
  // must be deleted from with the terms it was written with. Read-only, the caller warns.
  int index_analyzer_version() const;
  // The version the index had when open() re-indexed it (read-write), else nullopt.
  std::optional<int> reindexed_from() const { return reindexed_from_; }

  // What built the derived data of the file (store_meta): the version recorded under `key`
  // ("analyzer", "tracking", "entities"); for a file from before versions were recorded
  // (schema 7 and older), 1 when `table`, which holds that data, has rows; else nullopt.
  Result<std::optional<int>> data_version(std::string_view key, std::string_view table) const;
  // Records `version` under `key`, replacing what was recorded.
  Status record_version(std::string_view key, int version);

  // Batches: everything between begin() and commit() is one transaction. A crash loses at most
  // the open batch; WAL keeps the file consistent. Inside a batch the full-text index is
  // written at commit() (one index segment a batch): searches see the batch once committed.
  Status begin();
  Status commit();
  Status rollback();

  // Insert, update in place (same id, different content) or skip (unchanged). Duplicates are
  // stored and linked but not put in the full-text index. `terms`: the index terms of the
  // article's title and body computed ahead (analyze_for_index), so indexing only copies them.
  // `rowid`, when given, receives the article's rowid.
  Result<UpsertOutcome> upsert(const extract::CleanedArticle& article, const DuplicateLink& duplicate,
                               std::shared_ptr<const IndexTerms> terms = nullptr, std::int64_t* rowid = nullptr);

  Result<std::optional<StoredArticle>> get(const std::string& id) const;
  // Ids of the stored copies of an article (linked to it as their representative), in storage order.
  Result<std::vector<std::string>> duplicates_of(const std::string& id) const;
  // When an article's text has become another story, its stored copies still carry the old
  // text: the first of them takes its place (its link dropped, indexed; the next entity pass
  // scans it, and it keeps the event it had), the others are linked to it. The heir, or nothing
  // when the article had no copies. Call inside the transaction that stored the new text.
  struct Heir {
    std::int64_t rowid = 0;
    std::string id;
  };
  Result<std::optional<Heir>> hand_down_copies(std::int64_t rowid);
  // Every stored body with its id, in insertion order: used to rebuild dedup state.
  Status for_each_body(const std::function<void(std::int64_t rowid, const std::string& id, const std::string& body)>& fn) const;

  // Per-source boilerplate statistics: (source, line hash) -> documents containing it.
  // Adds `documents` to the stored count of each line.
  struct LineCount {
    std::uint64_t hash = 0;
    std::uint32_t documents = 0;
  };
  Status add_source_line_counts(const std::string& source, const std::vector<LineCount>& counts);
  Result<std::uint32_t> source_line_count(const std::string& source, std::uint64_t line_hash) const;

  Result<StoreStats> stats() const;
  // Stored articles, copies included (cheap, unlike stats()).
  Result<std::int64_t> article_count() const;

  // Indexed articles whose index holds `term` (an analyzed term, as the "masar" tokenizer
  // writes it), and the number of indexed articles. Read from the index once, then kept until
  // the database changes (a commit by another connection, or this one's index writes): a
  // stream of queries asks for the same common words again and again.
  Result<std::int64_t> term_document_count(const std::string& term) const;
  Result<std::int64_t> indexed_article_count() const;
  // The indexed articles (rowids, ascending) an FTS5 expression matches, kept like the counts
  // above. The searcher asks it which of its best hits hold each word of a query, the common
  // words included, and a stream of queries asks for the same common words again and again.
  Result<std::shared_ptr<const std::vector<std::int64_t>>> matching_articles(const std::string& fts) const;

  sqlite3* handle() const { return db_; }

 private:
  explicit Store(sqlite3* db);
  // Queues a full-text index write; written at once outside a transaction.
  Status index(bool remove, std::int64_t rowid, std::string title, std::string body,
               std::shared_ptr<const IndexTerms> terms = nullptr);
  Status write_index();
  // Re-indexes every indexed article when the index was built by another analyzer (analyzer_version.cpp).
  Status match_index_to_analyzer();
  sqlite3* db_ = nullptr;
  std::optional<int> reindexed_from_;
  struct Statements;
  std::unique_ptr<Statements> stmts_;
  struct TermCounts;  // store/term_counts.cpp
  mutable std::unique_ptr<TermCounts> term_counts_;
};

// Registers the "masar" FTS5 tokenizer (Analyzer::standard(), offsets into the given text).
Status register_fts5_tokenizer(sqlite3* db);
// Registers masar_rank(fts, k1, b, w_title, w_body): BM25F, higher is better.
Status register_fts5_rank(sqlite3* db);
// Registers masar_snippet(fts, column, open, close, ellipsis, tokens): FTS5's snippet() without
// tokenizing the whole column (src/store/fts_snippet.cpp).
Status register_fts5_snippet(sqlite3* db);

}  // namespace masar::store
