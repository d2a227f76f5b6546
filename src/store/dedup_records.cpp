// dedup_docs: the rows a later ingest restores its deduplicator from (dedup_records.hpp).
#include "store/dedup_records.hpp"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cstring>

#include "masar/text/analyzer.hpp"

namespace masar::store {
namespace {

// Blobs hold fixed-width little-endian numbers: band keys (8 bytes each), links (rowid and
// similarity, 16 bytes each).
void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i, v >>= 8) out.push_back(static_cast<char>(v & 0xFF));
}

std::uint64_t get_u64(std::string_view in, std::size_t at) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in[at + static_cast<std::size_t>(i)]);
  return v;
}

std::string encode_bands(const std::vector<std::uint64_t>& bands) {
  std::string out;
  out.reserve(bands.size() * 8);
  for (const std::uint64_t b : bands) put_u64(out, b);
  return out;
}

std::string encode_links(const std::vector<std::pair<std::int64_t, double>>& links) {
  std::string out;
  out.reserve(links.size() * 16);
  for (const auto& [rowid, similarity] : links) {
    put_u64(out, static_cast<std::uint64_t>(rowid));
    put_u64(out, std::bit_cast<std::uint64_t>(similarity));
  }
  return out;
}

}  // namespace

int dedup_records_version(const dedup::Options& options) {
  // Bumped when what a record means changes (fingerprint, band keys or links).
  constexpr std::uint64_t kRecordFormat = 1;
  const dedup::Banding banding = options.bands > 0 ? dedup::Banding{options.bands, options.permutations / options.bands}
                                                   : dedup::choose_bands(options.threshold, options.permutations);
  const std::uint64_t fields[] = {kRecordFormat,
                                  static_cast<std::uint64_t>(text::kAnalyzerVersion),
                                  std::bit_cast<std::uint64_t>(options.threshold),
                                  static_cast<std::uint64_t>(options.shingle_words),
                                  static_cast<std::uint64_t>(options.permutations),
                                  static_cast<std::uint64_t>(banding.bands),
                                  static_cast<std::uint64_t>(banding.rows),
                                  static_cast<std::uint64_t>(options.min_shingles),
                                  static_cast<std::uint64_t>(options.exact_verify)};
  // 2 and up: Store::data_version reads an unversioned table with rows as 1.
  return static_cast<int>(XXH3_64bits(fields, sizeof fields) % 0x3FFFFFFF) + 2;
}

DedupRecords::DedupRecords(sqlite3* db)
    : db_(db),
      put_(db, "INSERT OR REPLACE INTO dedup_docs(rowid, exact_hash, bands, links) VALUES(?1, ?2, ?3, ?4)"),
      body_(db, "SELECT body FROM articles WHERE rowid = ?1"),
      id_(db, "SELECT id FROM articles WHERE rowid = ?1"),
      rowid_(db, "SELECT rowid FROM articles WHERE id = ?1") {}

Status DedupRecords::put(const DedupRecord& r) {
  if (!put_.ok()) return make_error(Errc::internal, "preparing the dedup record insert: " + put_.error());
  put_.reset()
      .bind(1, r.rowid)
      .bind(2, static_cast<std::int64_t>(r.exact_hash))
      .bind_blob(3, encode_bands(r.bands))
      .bind_blob(4, encode_links(r.links));
  if (put_.step() != SQLITE_DONE) return sql::db_error(db_, "writing the dedup record of article " + std::to_string(r.rowid));
  return Ok{};
}

Status DedupRecords::clear() { return sql::exec(db_, "DELETE FROM dedup_docs"); }

Status DedupRecords::for_each(const std::function<void(DedupRecord&&)>& fn) {
  sql::Statement st(db_, "SELECT rowid, exact_hash, bands, links FROM dedup_docs ORDER BY rowid");
  if (!st.ok()) return sql::db_error(db_, "reading the dedup records");
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    DedupRecord r;
    r.rowid = st.int64(0);
    r.exact_hash = static_cast<std::uint64_t>(st.int64(1));
    const std::string_view bands = st.blob(2);
    const std::string_view links = st.blob(3);
    if (bands.size() % 8 != 0 || links.size() % 16 != 0) {
      return make_error(Errc::parse_error, "the dedup record of article " + std::to_string(r.rowid) + " is damaged");
    }
    for (std::size_t at = 0; at < bands.size(); at += 8) r.bands.push_back(get_u64(bands, at));
    for (std::size_t at = 0; at < links.size(); at += 16) {
      r.links.emplace_back(static_cast<std::int64_t>(get_u64(links, at)), std::bit_cast<double>(get_u64(links, at + 8)));
    }
    fn(std::move(r));
  }
  if (rc != SQLITE_DONE) return sql::db_error(db_, "reading the dedup records");
  return Ok{};
}

Status DedupRecords::relink(std::int64_t from, std::int64_t to) {
  std::vector<DedupRecord> changed;
  if (Status s = for_each([&](DedupRecord&& r) {
        if (r.rowid == from) return;  // the record of the new text
        const auto links_from = [&](const auto& l) { return l.first == from; };
        if (std::none_of(r.links.begin(), r.links.end(), links_from)) return;
        const bool has_to = std::any_of(r.links.begin(), r.links.end(), [&](const auto& l) { return l.first == to; });
        for (auto& l : r.links) {
          if (l.first == from) l.first = has_to || r.rowid == to ? 0 : to;  // 0: dropped below
        }
        std::erase_if(r.links, [](const auto& l) { return l.first == 0; });
        changed.push_back(std::move(r));
      });
      !s) {
    return s;
  }
  for (const DedupRecord& r : changed) {
    if (Status s = put(r); !s) return s;
  }
  return Ok{};
}

Result<bool> DedupRecords::covers_every_article() {
  // Every record's article exists (a record is written with its article, in one transaction)
  // and there are as many records as articles.
  sql::Statement st(db_,
                    "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM dedup_docs), "
                    "(SELECT count(*) FROM dedup_docs d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.rowid = d.rowid))");
  if (!st.ok() || st.step() != SQLITE_ROW) return sql::db_error(db_, "counting the dedup records");
  return st.int64(0) == st.int64(1) && st.int64(2) == 0;
}

Result<std::optional<std::string>> DedupRecords::body(std::int64_t rowid) {
  body_.reset().bind(1, rowid);
  const sql::ResetAtExit done(body_);
  const int rc = body_.step();
  if (rc == SQLITE_ROW) return std::optional<std::string>(body_.text(0));
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  return sql::db_error(db_, "reading the body of article " + std::to_string(rowid));
}

Result<std::optional<std::string>> DedupRecords::article_id(std::int64_t rowid) {
  id_.reset().bind(1, rowid);
  const sql::ResetAtExit done(id_);
  const int rc = id_.step();
  if (rc == SQLITE_ROW) return std::optional<std::string>(id_.text(0));
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  return sql::db_error(db_, "reading the id of article " + std::to_string(rowid));
}

Result<std::optional<std::int64_t>> DedupRecords::rowid_of(const std::string& article_id) {
  rowid_.reset().bind(1, article_id);
  const sql::ResetAtExit done(rowid_);
  const int rc = rowid_.step();
  if (rc == SQLITE_ROW) return std::optional<std::int64_t>(rowid_.int64(0));
  if (rc == SQLITE_DONE) return std::optional<std::int64_t>();
  return sql::db_error(db_, "looking up article " + article_id);
}

}  // namespace masar::store
