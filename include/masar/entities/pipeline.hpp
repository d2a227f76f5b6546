// Entities over a Store: every stored article not yet scanned (copies are skipped: they
// count once, through their original) is tagged, its mentions linked to entities — the same
// key, else a spelling variant of a long name — and saved. After each run, names written with
// a preposition glued on are folded into the name ("لحزب الله" into "حزب الله"), names apart
// only by spaces into the commonest ("فيس بوك" into "فيسبوك"), partial
// person names into the one full name that ends with them ("أردوغان" into "رجب طيب أردوغان")
// when that full name is unambiguous, and the tagger's type slips (a club taken for a person,
// a person's family name taken for a place) into the entity of the right type.
#pragma once

#include <memory>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "masar/entities/mentions.hpp"
#include "masar/error.hpp"
#include "masar/store/store.hpp"

struct sqlite3;

namespace masar::entities {

// The version of what an entity scan makes of an article: the tagger and its model, mention
// keys, linking and folding rules, and the event coding that runs in the same pass. Bump it
// with every change that gives some article other entities or event records; a database
// records the version its entities were made by (entities_made_by()).
//   1  until 2026-12-06, and files that recorded none
//   2  the linking rules of 2026-12-06 (formulas, آل, the article of partial names, places
//      named like persons, names with the article after a proclitic); analyzer 2's terms in
//      the event check; a one-word organisation keeps its article; currencies and months
//      alone are no entities; keys take the text core's spelling variants (ترمب = ترامب)
//   3  2026-12-07: names with a preposition glued on folded into the name (لحزب الله);
//      names apart only by spaces folded together (فيس بوك / فيسبوك); persons far rarer
//      than the same key of another type folded into it (فيسبوك), and one-word places or
//      organisations far rarer than a person's family name into the person; titles and demonyms
//      before a person's name are not part of it (الصيني شي جين بينغ); داعش and طالبان
//      are organisations whatever the tagger says; هائل and a few common words alone are
//      no entity
//   4  2026-12-07: a hashtag's words without the mark (#ماكرون, #بشار_الأسد); ج and غ one
//      letter in names of several words (أنجيلا / أنغيلا ميركل); particles before a person's
//      name are not part of it (على ترامب); a person span opening with a pronoun is a clause
//      (أنا سعيد); curated names of states (أمريكا → الولايات المتحدة), organisations
//      (حلف شمال الأطلسي → الناتو) and brands and clubs the tagger reads as persons; a
//      hyphen inside a name joins its words (كيم جونغ-أون)
//   5  2026-12-07: "للبنان" is ل + لبنان, not ل + ال + "بنان" (analyzer 4)
//   6  2026-12-07: خ and ج one letter in names of several words, as ج and غ (سيرخيو / سيرجيو
//      راموس); skeletons change
//   7  2026-12-07: a Korean or Chinese family name comes first (كيم alone is كيم جونغ أون)
//   8  2026-12-07: a short name takes the full name the article names most, not the longest
//      (ترامب beside دونالد ترامب and ميلانيا ترامب); the title and the body are resolved
//      together, the full names taken from the body
//   9  2026-12-08: full names apart only by how the given name is transliterated folded
//      together (كيفن / كيفين دي بروين, ستيف / ستيفن منوتشين); the conjunction و glued to a
//      name of several words folded like a preposition (وليونيل ميسي); one-word places and
//      organisations one long vowel apart folded when their articles agree (تشلسي / تشيلسي);
//      generic nouns alone are no entity (منظمة، ميليشيا، حزب، كيلومتر); kin, counsel and camp
//      nouns before a name are not part of it (محامو أردوغان)
inline constexpr int kEntityRulesVersion = 9;

struct EntityRunOptions {
  unsigned threads = 1;
  std::size_t batch_size = 2000;  // articles per transaction
};

struct EntityRunSummary {
  std::size_t articles = 0, mentions = 0, new_entities = 0, folded = 0;  // folded: entities folded into others
};

// One tagged article as the next stage sees it: its texts, its date and their mentions.
struct TaggedArticle {
  std::int64_t rowid = 0;
  std::string_view title, body;
  std::string_view date;  // "YYYY-MM-DD" as stored, "" when undated
  const std::vector<Mention>& title_mentions;
  const std::vector<Mention>& body_mentions;
};

// The same once linked: the entity of each mention (same order), and the scan's linker for
// names the text implies without writing them (the state "القوات الروسية" acts for): found or
// created in article order, so a rescan links them as the first scan did.
struct ScannedArticle {
  const TaggedArticle& tagged;
  const std::vector<std::int64_t>& title_entities;
  const std::vector<std::int64_t>& body_entities;
  std::function<Result<std::int64_t>(EntityType type, const std::string& key)> entity_named;
};

// What an observer works out from one tagged article on the scan's worker threads.
struct Prepared {
  virtual ~Prepared() = default;
};

// A stage that reads what the entity scan found (events/ codes its sentences) without tagging
// the text a second time. prepare() runs on worker threads (no database, thread-safe);
// article_scanned() runs in article order inside the scan's transactions.
class ArticleObserver {
 public:
  virtual ~ArticleObserver() = default;
  virtual std::unique_ptr<Prepared> prepare(const TaggedArticle& article) const = 0;
  // `prepared`: what prepare() returned for this article.
  virtual Status article_scanned(const ScannedArticle& article, const Prepared* prepared) = 0;
  virtual Status forget_all() = 0;  // before a rescan
  virtual Status finish() = 0;      // after a run, names folded
};

// A scan started ahead. For a store in a file, construction starts reading and tagging the
// pending articles on background threads (their own read-only connection); run() links and
// saves them in order on the caller's connection. `masar ingest` starts one before storing,
// with `follow_arrivals`, so that tagging takes each batch as it is committed and overlaps
// storing and tracking; input_complete() says no more articles are coming (run() implies it).
// `progress(done, total)` after each batch.
class EntityScan {
 public:
  EntityScan(store::Store& store, const NerModel& model, const EntityRunOptions& options, ArticleObserver* observer = nullptr,
             bool follow_arrivals = false);
  ~EntityScan();
  void input_complete();
  EntityScan(const EntityScan&) = delete;
  EntityScan& operator=(const EntityScan&) = delete;
  Result<EntityRunSummary> run(const std::function<void(std::size_t, std::size_t)>& progress = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The same, started and run at once.
Result<EntityRunSummary> scan_pending(store::Store& store, const NerModel& model, const EntityRunOptions& options,
                                      const std::function<void(std::size_t, std::size_t)>& progress = {},
                                      ArticleObserver* observer = nullptr);
// The entity rules version (kEntityRulesVersion) the saved entities and event records were
// made by; nullopt when no article was scanned. A scan of new articles goes on with the
// entities already saved, whatever their version; rescan() makes them all again.
Result<std::optional<int>> entities_made_by(const store::Store& store);
// Forgets every entity and scans the whole archive again.
Result<EntityRunSummary> rescan(store::Store& store, const NerModel& model, const EntityRunOptions& options,
                                const std::function<void(std::size_t, std::size_t)>& progress = {},
                                ArticleObserver* observer = nullptr);
// Where a folded entity went (entity ids kept elsewhere stay valid through this), else `id`.
std::int64_t resolve_entity(sqlite3* db, std::int64_t id);

struct EntityQuery {
  std::optional<EntityType> type;
  std::string query;  // words of the name (any spelling the key folds)
  std::size_t limit = 50;
  std::size_t offset = 0;  // entities to skip (paging)
};

struct EntityInfo {
  std::int64_t id = 0;
  EntityType type = EntityType::PER;
  std::string name;                                     // the most used alias
  std::vector<std::pair<std::string, std::int64_t>> aliases;  // surface forms with their mentions
  std::int64_t articles = 0, mentions = 0;
  std::string first_date, last_date;
};

// Entities by number of articles, most first.
Result<std::vector<EntityInfo>> list_entities(store::Store& store, const EntityQuery& query);
// The entities a user names: an id ("7", "N7"), else words of a name (every entity the name
// query finds, at most 20). Empty when none matches.
Result<std::vector<std::int64_t>> entities_named(store::Store& store, std::string_view spec);
// One entity; nullopt when there is no such id.
Result<std::optional<EntityInfo>> entity_info(store::Store& store, std::int64_t entity);

struct EntityArticle {
  std::string id, title, date, source;
};
// The articles naming an entity, newest first.
Result<std::vector<EntityArticle>> entity_articles(store::Store& store, std::int64_t entity, std::size_t limit);

struct CooccurringEntity {
  std::int64_t id = 0;
  std::string name;
  EntityType type = EntityType::PER;
  std::int64_t articles = 0;  // articles naming both
};
// The entities sharing most articles with `entity`, most first.
Result<std::vector<CooccurringEntity>> cooccurring(store::Store& store, std::int64_t entity, std::size_t limit);

struct ArticleEntity {
  std::int64_t id = 0;
  std::string name;
  EntityType type = EntityType::PER;
  std::int64_t mentions = 0;  // in this article
};
// The entities named in one article, most mentioned first (copies have none: see scan_pending).
Result<std::vector<ArticleEntity>> article_entities(store::Store& store, const std::string& article_id);

}  // namespace masar::entities
