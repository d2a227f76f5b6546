#include "masar/store/store.hpp"

#include <nlohmann/json.hpp>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "store/schema.hpp"
#include "store/sqlite_util.hpp"
#include "store/pending_terms.hpp"
#include "store/term_counts.hpp"

namespace masar::store {

using sql::Statement;

// A write to the full-text index, held until the end of the transaction.
struct IndexWrite {
  bool remove = false;  // take this text out (external content: FTS5 needs the old text)
  std::int64_t rowid = 0;
  std::string title, body;
  std::shared_ptr<const IndexTerms> terms;  // computed ahead, or null
};

struct Store::Statements {
  Statement find, insert, update, unassign, unscan, unmention, unreport, fts_insert, fts_delete, rowid_of, line_add, line_get;
  // Index writes of the open transaction, in order. FTS5 writes its pending terms out as a
  // new segment at every statement savepoint once it is part of a transaction, and every
  // insert into `articles` opens one (its trigger makes it a multi-row write): indexing each
  // article as it was stored flushed one tiny segment per article, then merged them. Indexed
  // at commit, a batch of articles becomes one segment.
  std::vector<IndexWrite> index_writes;
};

namespace {

Status configure(sqlite3* db, OpenMode mode) {
  sqlite3_busy_timeout(db, 5000);
  if (mode == OpenMode::read_write) {
    // WAL: readers never block the writer; a crash loses at most the open transaction.
    if (Status s = sql::exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"); !s) return s;
  }
  return sql::exec(db, "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
}

Result<sqlite3*> open_connection(const std::filesystem::path& path, OpenMode mode) {
  sqlite3* db = nullptr;
  const int flags = mode == OpenMode::read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    Error e = make_error(Errc::io_error, "cannot open database " + path.string() + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close(db);
    return e;
  }
  for (auto reg : {&register_fts5_tokenizer, &register_fts5_rank, &register_fts5_snippet}) {
    if (Status s = reg(db); !s) {
      sqlite3_close(db);
      return s.error();
    }
  }
  if (Status s = configure(db, mode); !s) {
    sqlite3_close(db);
    return make_error(Errc::io_error, path.string() + ": " + s.error().message);
  }
  return db;
}

nlohmann::json removed_json(const std::vector<extract::RemovedLine>& removed) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& r : removed) j.push_back({{"text", r.text}, {"reason", r.reason}});
  return j;
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// Hash of everything stored for an article: an unchanged re-ingest is detected without
// comparing fields one by one. The fields in the order of `content_hash` below.
std::int64_t content_hash(std::initializer_list<const std::string*> fields) {
  XXH3_state_t* st = XXH3_createState();
  XXH3_64bits_reset(st);
  for (const std::string* f : fields) {
    XXH3_64bits_update(st, f->data(), f->size());
    XXH3_64bits_update(st, "\x1F", 1);  // field separator
  }
  const auto h = static_cast<std::int64_t>(XXH3_64bits_digest(st));
  XXH3_freeState(st);
  return h;
}

std::int64_t content_hash(const extract::CleanedArticle& a, const std::string& body, const std::string& removed,
                          const std::string& extra, const DuplicateLink& dup) {
  return content_hash({&a.title, &a.date, &a.source, &a.url, &a.category, &a.lang, &body, &removed, &extra,
                       &dup.representative_id, &dup.kind});
}

// A stored copy, as hand_down_copies reads it: the stored fields hash as the ingest hashed them.
struct StoredCopy {
  std::int64_t rowid = 0;
  std::string id, title, date, source, url, category, lang, body, removed, extra, kind;
  double similarity = 0;
  std::int64_t hash_with(const DuplicateLink& dup) const {
    return content_hash({&title, &date, &source, &url, &category, &lang, &body, &removed, &extra, &dup.representative_id,
                         &dup.kind});
  }
};

}  // namespace

Store::Store(sqlite3* db) : db_(db), stmts_(std::make_unique<Statements>()) {}
Store::Store(Store&& o) noexcept
    : db_(o.db_), reindexed_from_(o.reindexed_from_), stmts_(std::move(o.stmts_)), term_counts_(std::move(o.term_counts_)) {
  o.db_ = nullptr;
}
Store& Store::operator=(Store&& o) noexcept {
  std::swap(db_, o.db_);
  std::swap(reindexed_from_, o.reindexed_from_);
  std::swap(stmts_, o.stmts_);
  std::swap(term_counts_, o.term_counts_);
  return *this;
}
Store::~Store() {
  stmts_.reset();  // statements before the connection
  term_counts_.reset();
  if (db_) sqlite3_close(db_);
}

Result<std::optional<Store::Heir>> Store::hand_down_copies(std::int64_t rowid) {
  Statement copies(db_,
                   "SELECT rowid, id, title, date, source, url, category, lang, body, removed, extra, dup_kind, dup_similarity "
                   "FROM articles WHERE dup_of = ?1 ORDER BY rowid");
  Statement relink(db_, "UPDATE articles SET dup_of = ?2, dup_kind = ?3, dup_similarity = ?4, content_hash = ?5 WHERE rowid = ?1");
  if (!copies.ok() || !relink.ok()) return sql::db_error(db_, "handing down copies");
  copies.bind(1, rowid);
  std::vector<StoredCopy> rows;
  int rc;
  while ((rc = copies.step()) == SQLITE_ROW) {
    StoredCopy c;
    c.rowid = copies.int64(0);
    std::string* text[] = {&c.id, &c.title, &c.date, &c.source, &c.url, &c.category, &c.lang, &c.body, &c.removed, &c.extra, &c.kind};
    for (int i = 0; i < 11; ++i) *text[i] = copies.text(i + 1);
    c.similarity = copies.real(12);
    rows.push_back(std::move(c));
  }
  if (rc != SQLITE_DONE) return sql::db_error(db_, "reading copies");
  if (rows.empty()) return std::optional<Heir>();
  const StoredCopy& heir = rows.front();
  const DuplicateLink none;
  relink.bind(1, heir.rowid).bind_null(2).bind(3, none.kind).bind(4, none.similarity).bind(5, heir.hash_with(none));
  if (relink.step() != SQLITE_DONE) return sql::db_error(db_, "handing down copies");
  if (Status st = index(false, heir.rowid, heir.title, heir.body, nullptr); !st) return st.error();
  for (std::size_t i = 1; i < rows.size(); ++i) {
    // Both were copies of the old text: exact copies of each other only when both were exact.
    const StoredCopy& c = rows[i];
    const DuplicateLink link{heir.id, heir.kind == "exact" && c.kind == "exact" ? "exact" : "near", c.similarity};
    relink.reset().bind(1, c.rowid).bind(2, heir.rowid).bind(3, link.kind).bind(4, link.similarity).bind(5, c.hash_with(link));
    if (relink.step() != SQLITE_DONE) return sql::db_error(db_, "handing down copies");
  }
  return std::optional<Heir>(Heir{heir.rowid, heir.id});
}

Result<Store> Store::open(const std::filesystem::path& path, OpenMode mode) {
  auto db = open_connection(path, mode);
  if (!db) return db.error();
  Store store(db.value());
  if (mode == OpenMode::read_write) {
    if (Status s = migrate(store.db_, kSchemaVersion); !s) return make_error(s.error().code, path.string() + ": " + s.error().message);
  } else if (store.schema_version() != kSchemaVersion) {
    return make_error(Errc::unsupported, path.string() + ": schema version " + std::to_string(store.schema_version()) +
                                             ", expected " + std::to_string(kSchemaVersion) + ": a writer migrates it (masar ingest, recluster or serve)");
  }
  auto& s = *store.stmts_;
  sqlite3* h = store.db_;
  s.find = Statement(h, "SELECT rowid, content_hash, title, body, dup_of FROM articles WHERE id = ?1");
  s.rowid_of = Statement(h, "SELECT rowid FROM articles WHERE id = ?1");
  s.fts_insert = Statement(h, "INSERT INTO articles_fts(rowid, title, body) VALUES(?1, ?2, ?3)");
  s.fts_delete = Statement(h, "INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES('delete', ?1, ?2, ?3)");
  s.line_get = Statement(h, "SELECT documents FROM source_lines WHERE source = ?1 AND line_hash = ?2");
  if (mode == OpenMode::read_write) {
    s.insert = Statement(h,
                         "INSERT INTO articles(id, title, date, source, url, category, lang, body, removed, extra, "
                         "content_hash, dup_of, dup_kind, dup_similarity) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    s.update = Statement(h,
                         "UPDATE articles SET title=?2, date=?3, source=?4, url=?5, category=?6, lang=?7, body=?8, "
                         "removed=?9, extra=?10, content_hash=?11, dup_of=?12, dup_kind=?13, dup_similarity=?14 "
                         "WHERE id=?1");
    s.unassign = Statement(h, "DELETE FROM article_events WHERE article = ?1");
    s.unscan = Statement(h, "DELETE FROM entity_scan WHERE article = ?1");
    s.unmention = Statement(h, "DELETE FROM article_entities WHERE article = ?1");
    // Records left with no report are removed by the next event run (events/records).
    s.unreport = Statement(h, "DELETE FROM event_reports WHERE article = ?1");
    s.line_add = Statement(h,
                           "INSERT INTO source_lines(source, line_hash, documents) VALUES(?1, ?2, ?3) "
                           "ON CONFLICT(source, line_hash) DO UPDATE SET documents = documents + excluded.documents");
  }
  for (const Statement* st : {&s.find, &s.rowid_of, &s.fts_insert, &s.fts_delete, &s.line_get}) {
    if (!st->ok()) return make_error(Errc::internal, "preparing a statement: " + st->error());
  }
  if (mode == OpenMode::read_write) {
    if (Status st = store.match_index_to_analyzer(); !st) return make_error(st.error().code, path.string() + ": " + st.error().message);
  }
  return store;
}

Status Store::create_at_version(const std::filesystem::path& path, int version) {
  auto db = open_connection(path, OpenMode::read_write);
  if (!db) return db.error();
  Status s = migrate(db.value(), version);
  sqlite3_close(db.value());
  return s;
}

int Store::schema_version() const {
  auto v = read_schema_version(db_);
  return v ? v.value() : -1;
}

Status Store::begin() { return sql::exec(db_, "BEGIN IMMEDIATE"); }

Status Store::commit() {
  if (Status s = write_index(); !s) return s;
  return sql::exec(db_, "COMMIT");
}

Status Store::rollback() {
  stmts_->index_writes.clear();
  return sql::exec(db_, "ROLLBACK");
}

Status Store::index(bool remove, std::int64_t rowid, std::string title, std::string body,
                    std::shared_ptr<const IndexTerms> terms) {
  auto& s = *stmts_;
  s.index_writes.push_back({remove, rowid, std::move(title), std::move(body), std::move(terms)});
  // Outside a transaction there is no commit to wait for.
  return sqlite3_get_autocommit(db_) ? write_index() : Status(Ok{});
}

Status Store::write_index() {
  auto& s = *stmts_;
  std::vector<IndexWrite> writes;
  writes.swap(s.index_writes);
  if (!writes.empty()) term_counts_.reset();  // its counts are of the index before
  for (const IndexWrite& w : writes) {
    Statement& st = w.remove ? s.fts_delete : s.fts_insert;
    const PendingTerms pending(w.terms.get());
    st.reset().bind(1, w.rowid).bind(2, w.title).bind(3, w.body);
    if (st.step() != SQLITE_DONE) return sql::db_error(db_, w.remove ? "unindexing an article" : "indexing an article");
  }
  return Ok{};
}

Result<UpsertOutcome> Store::upsert(const extract::CleanedArticle& a, const DuplicateLink& dup,
                                    std::shared_ptr<const IndexTerms> terms, std::int64_t* rowid_out) {
  auto& s = *stmts_;
  if (!s.insert.ok()) return make_error(Errc::invalid_argument, "the database was opened read-only");
  std::string body = a.body();
  const std::string removed = dump(removed_json(a.removed));
  const std::string extra = dump(a.extra);
  const std::int64_t hash = content_hash(a, body, removed, extra, dup);

  std::optional<std::int64_t> dup_rowid;
  if (!dup.representative_id.empty()) {
    s.rowid_of.reset().bind(1, dup.representative_id);
    const sql::ResetAtExit done(s.rowid_of);
    if (s.rowid_of.step() == SQLITE_ROW) dup_rowid = s.rowid_of.int64(0);
  }

  s.find.reset().bind(1, a.id);
  const sql::ResetAtExit found(s.find);
  const bool exists = s.find.step() == SQLITE_ROW;
  std::int64_t rowid = 0;
  if (exists) {
    rowid = s.find.int64(0);
    if (rowid_out) *rowid_out = rowid;
    if (s.find.int64(1) == hash) return UpsertOutcome::unchanged;
    // Take the old text out of the index before the row changes (external-content FTS5).
    if (s.find.is_null(4)) {
      if (Status st = index(true, rowid, s.find.text(2), s.find.text(3)); !st) return st.error();
    }
  }
  Statement& write = exists ? s.update : s.insert;
  write.reset().bind(1, a.id).bind(2, a.title).bind(3, a.date).bind(4, a.source).bind(5, a.url).bind(6, a.category)
      .bind(7, a.lang).bind(8, body).bind(9, removed).bind(10, extra).bind(11, hash);
  if (dup_rowid) write.bind(12, *dup_rowid); else write.bind_null(12);
  write.bind(13, dup.kind).bind(14, dup.similarity);
  if (write.step() != SQLITE_DONE) return sql::db_error(db_, "storing " + a.id);
  if (!exists) rowid = sqlite3_last_insert_rowid(db_);
  if (rowid_out) *rowid_out = rowid;
  if (exists) {  // changed text: tracked again by the next clustering pass
    // An updated article is tracked and scanned for entities again.
    for (Statement* st : {&s.unassign, &s.unscan, &s.unmention, &s.unreport}) {
      st->reset().bind(1, rowid);
      if (st->step() != SQLITE_DONE) return sql::db_error(db_, "unassigning " + a.id);
    }
  }
  if (!dup_rowid) {  // duplicates are linked, not indexed twice
    if (Status st = index(false, rowid, a.title, std::move(body), std::move(terms)); !st) return st.error();
  }
  return exists ? UpsertOutcome::updated : UpsertOutcome::inserted;
}

Result<std::optional<StoredArticle>> Store::get(const std::string& id) const {
  Statement st(db_,
               "SELECT a.rowid, a.id, a.title, a.date, a.source, a.url, a.category, a.lang, a.body, a.removed, a.extra, "
               "r.id, a.dup_kind, a.dup_similarity FROM articles a LEFT JOIN articles r ON r.rowid = a.dup_of "
               "WHERE a.id = ?1");
  if (!st.ok()) return sql::db_error(db_, "reading an article");
  st.bind(1, id);
  const int rc = st.step();
  if (rc == SQLITE_DONE) return std::optional<StoredArticle>{};
  if (rc != SQLITE_ROW) return sql::db_error(db_, "reading " + id);
  StoredArticle out;
  out.rowid = st.int64(0);
  auto& a = out.article;
  a.id = st.text(1);
  a.title = st.text(2);
  a.date = st.text(3);
  a.source = st.text(4);
  a.url = st.text(5);
  a.category = st.text(6);
  a.lang = st.text(7);
  const std::string body = st.text(8);
  std::size_t start = 0;
  while (start < body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    a.paragraphs.push_back(body.substr(start, end - start));
    start = end + 1;
  }
  auto removed = nlohmann::json::parse(st.text(9), nullptr, false);
  if (removed.is_array()) {
    for (const auto& r : removed) a.removed.push_back({r.value("text", ""), r.value("reason", "")});
  }
  auto extra = nlohmann::json::parse(st.text(10), nullptr, false);
  if (extra.is_object()) a.extra = std::move(extra);
  out.duplicate = DuplicateLink{st.text(11), st.text(12), st.real(13)};
  return std::optional<StoredArticle>(std::move(out));
}

Result<std::int64_t> Store::article_count() const {
  Statement st(db_, "SELECT count(*) FROM articles");
  if (!st.ok() || st.step() != SQLITE_ROW) return sql::db_error(db_, "counting articles");
  return st.int64(0);
}

Result<std::vector<std::string>> Store::duplicates_of(const std::string& id) const {
  Statement st(db_, "SELECT c.id FROM articles c JOIN articles a ON c.dup_of = a.rowid WHERE a.id = ?1 ORDER BY c.rowid");
  if (!st.ok()) return sql::db_error(db_, "reading duplicates");
  st.bind(1, id);
  std::vector<std::string> out;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) out.push_back(st.text(0));
  if (rc != SQLITE_DONE) return sql::db_error(db_, "reading duplicates of " + id);
  return out;
}

Status Store::for_each_body(const std::function<void(std::int64_t, const std::string&, const std::string&)>& fn) const {
  Statement st(db_, "SELECT rowid, id, body FROM articles ORDER BY rowid");
  if (!st.ok()) return sql::db_error(db_, "reading bodies");
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) fn(st.int64(0), st.text(1), st.text(2));
  if (rc != SQLITE_DONE) return sql::db_error(db_, "reading bodies");
  return Ok{};
}

Status Store::add_source_line_counts(const std::string& source, const std::vector<LineCount>& counts) {
  auto& st = stmts_->line_add;
  if (!st.ok()) return make_error(Errc::invalid_argument, "the database was opened read-only");
  for (const LineCount& c : counts) {
    st.reset().bind(1, source).bind(2, static_cast<std::int64_t>(c.hash)).bind(3, static_cast<std::int64_t>(c.documents));
    if (st.step() != SQLITE_DONE) return sql::db_error(db_, "counting source lines");
  }
  return Ok{};
}

Result<std::uint32_t> Store::source_line_count(const std::string& source, std::uint64_t line_hash) const {
  auto& st = stmts_->line_get;
  st.reset().bind(1, source).bind(2, static_cast<std::int64_t>(line_hash));
  const sql::ResetAtExit done(st);
  const int rc = st.step();
  if (rc == SQLITE_ROW) return static_cast<std::uint32_t>(st.int64(0));
  if (rc == SQLITE_DONE) return std::uint32_t{0};
  return sql::db_error(db_, "reading source lines");
}

Result<StoreStats> Store::stats() const {
  StoreStats out;
  Statement counts(db_,
                   "SELECT count(*), sum(dup_of IS NULL), sum(dup_of IS NOT NULL), "
                   "(SELECT count(DISTINCT dup_of) FROM articles WHERE dup_of IS NOT NULL) FROM articles");
  if (!counts.ok() || counts.step() != SQLITE_ROW) return sql::db_error(db_, "counting articles");
  out.articles = counts.int64(0);
  out.indexed = counts.int64(1);
  out.duplicates = counts.int64(2);
  out.duplicate_groups = counts.int64(3);
  Statement by(db_, "SELECT source, substr(date, 1, 7), count(*) FROM articles GROUP BY 1, 2 ORDER BY 1, 2");
  if (!by.ok()) return sql::db_error(db_, "counting by source");
  while (by.step() == SQLITE_ROW) out.by_source_month.push_back({by.text(0), by.text(1), by.int64(2)});
  Statement pages(db_, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
  if (pages.ok() && pages.step() == SQLITE_ROW) out.file_bytes = pages.int64(0);
  Statement fts(db_, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'articles_fts%'");
  if (fts.ok() && fts.step() == SQLITE_ROW) out.index_bytes = fts.int64(0);
  return out;
}

}  // namespace masar::store
