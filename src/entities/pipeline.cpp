// Entities over the store: scan (tagged ahead by entities/tagging.cpp, linked in order, saved
// in batches), then partial person names folded (entities/folding.cpp). Reading entities back is in queries.cpp.
#include "masar/entities/pipeline.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>
#include <unordered_map>

#include "entities/folding.hpp"
#include "entities/mention_totals.hpp"
#include "entities/tagging.hpp"
#include "masar/util/string_hash.hpp"
#include "store/sqlite_util.hpp"

namespace masar::entities {
namespace {

using store::sql::Statement;

constexpr std::string_view kEntitiesKey = "entities";  // store_meta: entities_made_by()

// The entities known so far, by type, then by key and by skeleton (maps searched with views:
// no string is built per mention).
class Linker {
 public:
  explicit Linker(sqlite3* db)
      : db_(db),
        insert_(db, "INSERT INTO entities(type, key, skeleton) VALUES(?1, ?2, ?3)") {}

  Status load() {
    Statement st(db_, "SELECT id, type, key, skeleton FROM entities ORDER BY id");
    if (!st.ok() || !insert_.ok()) return store::sql::db_error(db_, "reading entities");
    while (st.step() == SQLITE_ROW) {
      EntityType type;
      if (!parse_type(st.text(1), type)) continue;  // written by a later version: never linked to
      remember(st.int64(0), type, st.text(2), st.text(3));
    }
    return Ok{};
  }

  // The entity of a mention, created when nothing known matches. `created` tells which.
  Result<std::int64_t> link(const Mention& m, bool& created) {
    EntityType type = m.type;
    std::string_view key = m.key;
    if (const auto curated = curated_name(m.key)) std::tie(type, key) = *curated;
    ByType& known = by_type_[static_cast<std::size_t>(type)];
    created = false;
    if (const auto it = known.by_key.find(key); it != known.by_key.end()) return it->second;
    const std::string sk = skeleton(key);
    if (const auto it = known.by_skeleton.find(sk); it != known.by_skeleton.end()) {
      for (std::int64_t id : it->second) {
        if (same_name_spelled_differently(keys_.at(id), key)) {
          known.by_key.emplace(std::string(key), id);  // this spelling now links directly
          return id;
        }
      }
    }
    insert_.reset().bind(1, std::string_view(type_name(type))).bind(2, key).bind(3, std::string_view(sk));
    if (insert_.step() != SQLITE_DONE) return store::sql::db_error(db_, "saving an entity");
    const std::int64_t id = sqlite3_last_insert_rowid(db_);
    remember(id, type, key, sk);
    created = true;
    return id;
  }

 private:
  using Index = std::unordered_map<std::string, std::int64_t, util::StringViewHash, std::equal_to<>>;
  struct ByType {
    Index by_key;
    std::unordered_map<std::string, std::vector<std::int64_t>, util::StringViewHash, std::equal_to<>> by_skeleton;
  };

  void remember(std::int64_t id, EntityType type, std::string_view key, std::string_view sk) {
    ByType& known = by_type_[static_cast<std::size_t>(type)];
    known.by_key.emplace(std::string(key), id);
    auto it = known.by_skeleton.find(sk);
    if (it == known.by_skeleton.end()) it = known.by_skeleton.emplace(std::string(sk), std::vector<std::int64_t>{}).first;
    it->second.push_back(id);
    keys_.emplace(id, std::string(key));
  }

  sqlite3* db_;
  Statement insert_;
  std::array<ByType, 4> by_type_;  // PER, LOC, ORG, MISC
  std::unordered_map<std::int64_t, std::string> keys_;
};


// An article's mentions of one entity in one spelling; the offset of the first (-1: the title).
struct MentionRow {
  std::int64_t entity = 0;
  std::string_view surface;
  std::int64_t mentions = 0;
  std::int64_t first_offset = 0;
};

void count_mention(std::vector<MentionRow>& rows, std::int64_t entity, std::string_view surface, std::int64_t offset) {
  for (MentionRow& row : rows) {
    if (row.entity == entity && row.surface == surface) {
      ++row.mentions;
      return;
    }
  }
  rows.push_back({entity, surface, 1, offset});
}

}  // namespace

std::int64_t resolve_entity(sqlite3* db, std::int64_t id) {
  Statement st(db, "SELECT into_entity FROM entity_merges WHERE old = ?1");
  st.bind(1, id);
  return st.ok() && st.step() == SQLITE_ROW ? st.int64(0) : id;
}

struct EntityScan::Impl {
  Impl(store::Store& s, const NerModel& model, const EntityRunOptions& options, ArticleObserver* o, bool follow)
      : store(s), observer(o), follow_arrivals(follow), queue(s.handle(), model, options, o, follow) {}
  store::Store& store;
  ArticleObserver* observer;
  bool follow_arrivals;
  TaggingQueue queue;
};

EntityScan::EntityScan(store::Store& store, const NerModel& model, const EntityRunOptions& options, ArticleObserver* observer,
                       bool follow_arrivals)
    : impl_(std::make_unique<Impl>(store, model, options, observer, follow_arrivals)) {}

EntityScan::~EntityScan() = default;

void EntityScan::input_complete() { impl_->queue.input_complete(); }

Result<EntityRunSummary> EntityScan::run(const std::function<void(std::size_t, std::size_t)>& progress) {
  impl_->queue.input_complete();
  store::Store& store = impl_->store;
  ArticleObserver* observer = impl_->observer;
  TaggingQueue& queue = impl_->queue;
  sqlite3* db = store.handle();
  // Nothing of this scan is saved yet: every pending article is in it.
  const auto total = count_pending_articles(db);
  if (!total) return total.error();
  if (total.value() > 0) {  // a scan that goes on from saved entities keeps their version
    auto made_by = entities_made_by(store);
    if (!made_by) return made_by.error();
    if (Status s = store.record_version(kEntitiesKey, made_by.value().value_or(kEntityRulesVersion)); !s) return s.error();
  }
  // Articles tagged while they were being stored may have been stored again since (another
  // content hash), or turned out to be copies: each is checked against what is stored now.
  Statement stored(db, "SELECT content_hash, dup_of IS NOT NULL FROM articles WHERE rowid = ?1");
  Statement text(db, "SELECT title, body, substr(date, 1, 10), content_hash FROM articles WHERE rowid = ?1");
  if (!stored.ok() || !text.ok()) return store::sql::db_error(db, "preparing the entity statements");
  EntityRunSummary summary;
  Linker linker(db);
  if (Status s = linker.load(); !s) return s.error();
  Statement mention(db, "INSERT INTO article_entities(article, entity, surface, mentions, first_offset) VALUES(?1, ?2, ?3, ?4, ?5) "
                        "ON CONFLICT(article, entity, surface) DO UPDATE SET mentions = mentions + excluded.mentions");
  Statement scanned(db, "INSERT OR IGNORE INTO entity_scan(article) VALUES(?1)");
  if (!mention.ok() || !scanned.ok()) return store::sql::db_error(db, "preparing the entity statements");
  const auto fail = [&](Error e) -> Result<EntityRunSummary> {
    (void)store.rollback();
    return e;
  };
  std::size_t done = 0;
  for (;;) {
    auto next = queue.next();
    if (!next) return next.error();
    if (!next.value()) break;
    TaggedBatch& batch = *next.value();
    if (impl_->follow_arrivals) {
      for (TaggedText& article : batch.articles) {
        stored.reset().bind(1, article.rowid);
        const store::sql::ResetAtExit stored_read(stored);
        if (stored.step() != SQLITE_ROW || stored.int64(1) != 0) {
          article.rowid = 0;  // gone or a copy now: not scanned
          continue;
        }
        if (stored.int64(0) == article.content_hash) continue;
        text.reset().bind(1, article.rowid);
        const store::sql::ResetAtExit text_read(text);
        if (text.step() != SQLITE_ROW) return store::sql::db_error(db, "reading an article stored again");
        article = queue.tag_one(article.rowid, text.text(0), text.text(1), text.text(2));
        article.content_hash = text.int64(3);
      }
    }
    if (Status s = store.begin(); !s) return s.error();
    for (const TaggedText& article : batch.articles) {
      if (article.rowid == 0) continue;
      std::vector<std::int64_t> title_ids, body_ids;
      // One row per entity and surface form of the article, counted here: a name repeated in
      // an article is one write, not one per mention.
      std::vector<MentionRow> rows;
      for (const auto* mentions : {&article.title_mentions, &article.body_mentions}) {
        const bool in_title = mentions == &article.title_mentions;
        for (const auto& m : *mentions) {
          bool created = false;
          auto id = linker.link(m, created);
          if (!id) return fail(id.error());
          (in_title ? title_ids : body_ids).push_back(id.value());
          summary.new_entities += created;
          count_mention(rows, id.value(), m.surface, in_title ? -1 : static_cast<std::int64_t>(m.begin));
          ++summary.mentions;
        }
      }
      for (const MentionRow& row : rows) {
        mention.reset().bind(1, article.rowid).bind(2, row.entity).bind(3, std::string_view(row.surface))
            .bind(4, row.mentions).bind(5, row.first_offset);
        if (mention.step() != SQLITE_DONE) return fail(store::sql::db_error(db, "saving a mention"));
      }
      if (observer) {
        const TaggedArticle tagged{article.rowid, article.title, article.body, article.date, article.title_mentions, article.body_mentions};
        const auto entity_named = [&](EntityType type, const std::string& key) -> Result<std::int64_t> {
          Mention implied;
          implied.type = type;
          implied.surface = implied.key = key;
          bool created = false;
          auto id = linker.link(std::move(implied), created);
          summary.new_entities += created;
          return id;
        };
        if (Status s = observer->article_scanned({tagged, title_ids, body_ids, entity_named}, article.prepared.get()); !s) {
          return fail(s.error());
        }
      }
      scanned.reset().bind(1, article.rowid);
      if (scanned.step() != SQLITE_DONE) return fail(store::sql::db_error(db, "saving a scan"));
      ++summary.articles;
    }
    if (Status s = store.commit(); !s) return s.error();
    done += batch.articles.size();
    if (progress) progress(std::min(done, total.value()), total.value());
  }
  if (summary.articles > 0) {
    if (Status s = store.begin(); !s) return s.error();
    auto table = MentionTable::load(db);
    if (!table) return fail(table.error());
    auto folded = fold_names(db, table.value());
    if (!folded) return fail(folded.error());
    summary.folded = folded.value();
    if (observer) {
      if (Status s = observer->finish(); !s) return fail(s.error());
    }
    if (Status s = store.commit(); !s) return s.error();
  }
  return summary;
}

Result<EntityRunSummary> scan_pending(store::Store& store, const NerModel& model, const EntityRunOptions& options,
                                      const std::function<void(std::size_t, std::size_t)>& progress,
                                      ArticleObserver* observer) {
  EntityScan scan(store, model, options, observer);
  return scan.run(progress);
}

Result<std::optional<int>> entities_made_by(const store::Store& store) { return store.data_version(kEntitiesKey, "entity_scan"); }

Result<EntityRunSummary> rescan(store::Store& store, const NerModel& model, const EntityRunOptions& options,
                                const std::function<void(std::size_t, std::size_t)>& progress,
                                ArticleObserver* observer) {
  if (Status s = store::sql::exec(store.handle(), "BEGIN IMMEDIATE; DELETE FROM article_entities; DELETE FROM entities; "
                                                  "DELETE FROM entity_scan; DELETE FROM entity_merges; "
                                                  "DELETE FROM store_meta WHERE key = 'entities';");
      !s) {
    (void)store::sql::exec(store.handle(), "ROLLBACK");
    return s.error();
  }
  if (observer) {
    if (Status s = observer->forget_all(); !s) {
      (void)store::sql::exec(store.handle(), "ROLLBACK");
      return s.error();
    }
  }
  if (Status s = store::sql::exec(store.handle(), "COMMIT"); !s) return s.error();
  return scan_pending(store, model, options, progress, observer);
}

}  // namespace masar::entities
