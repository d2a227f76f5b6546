// Schema migrations: migration N takes a file from version N-1 to N. PRAGMA user_version
// holds the version; each migration runs in its own transaction.
#include "store/schema.hpp"

#include <string>

#include "store/sqlite_util.hpp"

namespace masar::store {
namespace {

constexpr const char* kMigrations[] = {
    // 1: articles and the full-text index over title and body.
    R"sql(
      CREATE TABLE articles(
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL DEFAULT '',
        lang TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        removed TEXT NOT NULL DEFAULT '[]',
        extra TEXT NOT NULL DEFAULT '{}',
        content_hash INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX articles_date ON articles(date);
      CREATE INDEX articles_source_date ON articles(source, date);
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles', content_rowid='rowid', tokenize='masar');
    )sql",
    // 2: duplicate links and per-source boilerplate statistics.
    R"sql(
      ALTER TABLE articles ADD COLUMN dup_of INTEGER;
      ALTER TABLE articles ADD COLUMN dup_kind TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN dup_similarity REAL NOT NULL DEFAULT 0;
      CREATE INDEX articles_dup_of ON articles(dup_of);
      CREATE TABLE source_lines(
        source TEXT NOT NULL,
        line_hash INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        PRIMARY KEY(source, line_hash)
      ) WITHOUT ROWID;
    )sql",
    // 3: events and stories (cluster/), the event of each article, and the running document
    // frequencies that weigh article vectors (so later ingests continue where the last stopped).
    R"sql(
      CREATE TABLE stories(
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL DEFAULT '',
        first_time REAL NOT NULL,
        last_time REAL NOT NULL,
        events INTEGER NOT NULL DEFAULT 0,
        articles INTEGER NOT NULL DEFAULT 0,
        sources TEXT NOT NULL DEFAULT '[]',
        series TEXT NOT NULL DEFAULT '[]',
        centroid TEXT NOT NULL DEFAULT '[]'
      );
      CREATE TABLE events(
        id INTEGER PRIMARY KEY,
        story INTEGER NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        first_time REAL NOT NULL,
        last_time REAL NOT NULL,
        articles INTEGER NOT NULL DEFAULT 0,
        sources TEXT NOT NULL DEFAULT '[]',
        series TEXT NOT NULL DEFAULT '[]',
        centroid TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX events_story ON events(story, first_time);
      CREATE INDEX events_last_time ON events(last_time);
      CREATE TABLE article_events(
        article INTEGER PRIMARY KEY,
        event INTEGER NOT NULL,
        similarity REAL NOT NULL,
        copy INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX article_events_event ON article_events(event);
      CREATE TABLE term_df(term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE cluster_meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
    )sql",
    // 4: named entities (entities/): one row per linked entity, its mentions per article with
    // the surface written (aliases are read from there), and which articles were scanned.
    R"sql(
      CREATE TABLE entities(
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        key TEXT NOT NULL,
        skeleton TEXT NOT NULL,
        UNIQUE(type, key)
      );
      CREATE INDEX entities_skeleton ON entities(type, skeleton);
      CREATE TABLE article_entities(
        article INTEGER NOT NULL,
        entity INTEGER NOT NULL,
        surface TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        first_offset INTEGER NOT NULL,
        PRIMARY KEY(article, entity, surface)
      ) WITHOUT ROWID;
      CREATE INDEX article_entities_entity ON article_entities(entity);
      CREATE TABLE entity_scan(article INTEGER PRIMARY KEY);
    )sql",
    // 5: event records (events/): one row per real-world event, its actors and place, and every
    // sentence of every article that reports it; folded entities point to where they went.
    R"sql(
      CREATE TABLE event_records(
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        mode TEXT NOT NULL,
        date TEXT NOT NULL,
        date_precision TEXT NOT NULL,
        merge_key TEXT NOT NULL,
        series_name TEXT,
        series_ordinal INTEGER
      );
      CREATE INDEX event_records_key ON event_records(merge_key, date);
      CREATE INDEX event_records_type_date ON event_records(type, date);
      CREATE INDEX event_records_date ON event_records(date);
      CREATE TABLE event_actors(
        record INTEGER NOT NULL,
        role TEXT NOT NULL,
        text TEXT NOT NULL,
        entity INTEGER,
        PRIMARY KEY(record, role, text)
      ) WITHOUT ROWID;
      CREATE INDEX event_actors_entity ON event_actors(entity);
      CREATE TABLE event_reports(
        record INTEGER NOT NULL,
        article INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY(record, article, sentence)
      ) WITHOUT ROWID;
      CREATE INDEX event_reports_article ON event_reports(article);
      CREATE TABLE entity_merges(old INTEGER PRIMARY KEY, into_entity INTEGER NOT NULL);
    )sql",
    // 6: source and date of every article in narrow rows, kept by triggers: facet counts read
    // them for every match of a query, and the wide articles rows cost a page read each.
    R"sql(
      CREATE TABLE article_facets(rowid INTEGER PRIMARY KEY, source TEXT NOT NULL, date TEXT NOT NULL);
      INSERT INTO article_facets SELECT rowid, source, date FROM articles;
      CREATE TRIGGER article_facets_insert AFTER INSERT ON articles BEGIN
        INSERT INTO article_facets(rowid, source, date) VALUES(new.rowid, new.source, new.date);
      END;
      CREATE TRIGGER article_facets_update AFTER UPDATE OF source, date ON articles BEGIN
        UPDATE article_facets SET source = new.source, date = new.date WHERE rowid = new.rowid;
      END;
      CREATE TRIGGER article_facets_delete AFTER DELETE ON articles BEGIN
        DELETE FROM article_facets WHERE rowid = old.rowid;
      END;
    )sql",
    // 7: the centroids of events and stories are written as binary blobs (cluster/vector_codec.hpp),
    // exact and without JSON's number formatting; the JSON of older rows is still read, so no
    // row needs rewriting. The version says a masar that only reads JSON must not open the file.
    R"sql(
      SELECT 1;
    )sql",
    // 8: what built the derived data: "analyzer" is the version of the analysis chain the
    // full-text index holds the terms of (text::kAnalyzerVersion); no row means version 1.
    R"sql(
      CREATE TABLE store_meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
    )sql",
    // 9: what dedup found for each stored article (store/dedup_records.hpp), so that a later
    // ingest takes the dedup state back from these narrow rows instead of reading and
    // fingerprinting every body. Files from before start without rows: the next ingest
    // rebuilds the state from the bodies once and writes them.
    R"sql(
      CREATE TABLE dedup_docs(
        rowid INTEGER PRIMARY KEY,  -- the article's
        exact_hash INTEGER NOT NULL,
        bands BLOB NOT NULL,
        links BLOB NOT NULL
      );
    )sql",
};

static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per schema version");

}  // namespace

Result<int> read_schema_version(sqlite3* db) {
  sql::Statement st(db, "PRAGMA user_version");
  if (!st.ok() || st.step() != SQLITE_ROW) return sql::db_error(db, "reading the schema version");
  return static_cast<int>(st.int64(0));
}

Status migrate(sqlite3* db, int target) {
  auto current = read_schema_version(db);
  if (!current) return current.error();
  if (current.value() > kSchemaVersion) {
    return make_error(Errc::unsupported, "database schema version " + std::to_string(current.value()) +
                                             " is newer than this masar (" + std::to_string(kSchemaVersion) + ")");
  }
  for (int v = current.value() + 1; v <= target; ++v) {
    const std::string script = std::string("BEGIN IMMEDIATE;") + kMigrations[v - 1] +
                               "PRAGMA user_version = " + std::to_string(v) + ";COMMIT;";
    if (Status s = sql::exec(db, script.c_str()); !s) {
      (void)sql::exec(db, "ROLLBACK");
      return make_error(Errc::io_error, "migration to schema " + std::to_string(v) + " failed: " + s.error().message);
    }
  }
  return Ok{};
}

}  // namespace masar::store
