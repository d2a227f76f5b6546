// The read-only endpoints: health, metrics, search, articles, stories, entities. Each takes a
// pooled read-only connection whose statements are interrupted past the request's budget.
#include <chrono>

#include "masar/cluster/pipeline.hpp"
#include "masar/cluster/queries.hpp"
#include "masar/entities/pipeline.hpp"
#include "masar/search/searcher.hpp"
#include "masar/text/analyzer.hpp"
#include "server/context.hpp"
#include "server/views.hpp"

namespace masar::server {
namespace {

constexpr std::size_t kEntityArticles = 200;  // articles_list of one entity, newest first
constexpr std::size_t kCooccurring = 20;
constexpr std::size_t kEntityEvents = 200;  // event records naming one entity, by date

ApiError timeout_error() { return {503, "timeout", "the request took longer than its time budget"}; }

}  // namespace

Reply read_failure(const ReaderPool::Lease& lease, const Error& error) {
  return error_reply(lease.timed_out() ? timeout_error() : api_error(error));
}

Reply get_health(Context& ctx, const Call&) {
  auto lease = ctx.readers.acquire(ctx.options.limits.query_budget);
  if (!lease) return error_reply(api_error(lease.error()));
  auto& reader = lease.value();
  auto articles = reader.store().article_count();
  if (!articles) return read_failure(reader, articles.error());
  // What built the derived data, against what this masar builds; "stale" names what a rebuild
  // would change (`masar recluster`, `masar entities --rescan`).
  const store::Store& store = reader.store();
  auto tracked = cluster::tracked_with_analyzer(store);
  if (!tracked) return read_failure(reader, tracked.error());
  auto made_by = entities::entities_made_by(store);
  if (!made_by) return read_failure(reader, made_by.error());
  const auto version_or_null = [](const std::optional<int>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  nlohmann::json stale = nlohmann::json::array();
  if (store.index_analyzer_version() != text::kAnalyzerVersion) stale.push_back("index");
  if (tracked.value() && *tracked.value() != text::kAnalyzerVersion) stale.push_back("tracking");
  if (made_by.value() && *made_by.value() != entities::kEntityRulesVersion) stale.push_back("entities");
  return json_reply({{"status", "ok"},
                     {"articles", articles.value()},
                     {"schema_version", store.schema_version()},
                     {"versions",
                      {{"analyzer", text::kAnalyzerVersion},
                       {"index", store.index_analyzer_version()},
                       {"tracking", version_or_null(tracked.value())},
                       {"entity_rules", entities::kEntityRulesVersion},
                       {"entities", version_or_null(made_by.value())}}},
                     {"stale", std::move(stale)}});
}

Reply get_metrics(Context& ctx, const Call&) {
  auto lease = ctx.readers.acquire(ctx.options.limits.query_budget);
  if (!lease) return error_reply(api_error(lease.error()));
  auto articles = lease->store().article_count();
  if (!articles) return read_failure(lease.value(), articles.error());
  Reply r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = ctx.metrics.exposition(articles.value());
  return r;
}

Reply get_search(Context& ctx, const Call& call) {
  const auto start = std::chrono::steady_clock::now();
  auto q = call.params.query();
  auto page = call.params.page();
  auto from = call.params.date("from", extract::DateEdge::first);
  auto to = call.params.date("to", extract::DateEdge::last);
  if (const Error* e = first_error(q, page, from, to)) return error_reply(api_error(*e));
  search::SearchRequest req;
  req.query = q.value();
  req.from = from.value();
  req.to = to.value();
  req.source = call.params.text("source");
  req.limit = page->per_page;
  req.offset = page->offset();
  req.mark_open = kMarkOpen;
  req.mark_close = kMarkClose;
  auto lease = ctx.readers.acquire(ctx.options.limits.query_budget);
  if (!lease) return error_reply(api_error(lease.error()));
  auto& reader = lease.value();
  auto found = search::search(reader.store(), req);
  if (!found) return read_failure(reader, found.error());
  auto counted = search::facets(reader.store(), req);
  if (!counted) return read_failure(reader, counted.error());
  Json hits = Json::array();
  for (const auto& h : found->hits) hits.push_back(hit_json(h));
  const double took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return json_reply({{"query", req.query},
                     {"took_ms", took},
                     {"page", page->page},
                     {"per_page", page->per_page},
                     {"total", counted->total},
                     {"hits", hits},
                     {"facets", facets_json(counted.value())}});
}

Reply get_article(Context& ctx, const Call& call) {
  const std::string id(call.param);
  auto lease = ctx.readers.acquire(ctx.options.limits.query_budget);
  if (!lease) return error_reply(api_error(lease.error()));
  auto& reader = lease.value();
  auto& store = reader.store();
  auto stored = store.get(id);
  if (!stored) return read_failure(reader, stored.error());
  if (!stored.value()) return error_reply(not_found("no article " + id));
  const auto& article = *stored.value();
  auto copies = store.duplicates_of(id);
  if (!copies) return read_failure(reader, copies.error());
  auto assignment = cluster::article_assignment(store, id);
  if (!assignment) return read_failure(reader, assignment.error());
  // Copies are not scanned for entities: they name those of their original.
  const std::string& scanned = article.duplicate.representative_id.empty() ? id : article.duplicate.representative_id;
  auto named = entities::article_entities(store, scanned);
  if (!named) return read_failure(reader, named.error());
  Json out = article_json(article);
  out["duplicates"] = copies.value();
  out["event"] = assignment.value() ? Json(assignment.value()->event) : Json(nullptr);
  out["story"] = assignment.value() ? Json(assignment.value()->story) : Json(nullptr);
  out["entities"] = Json::array();
  for (const auto& e : named.value()) {
    out["entities"].push_back({{"id", e.id}, {"name", e.name}, {"type", entities::type_name(e.type)}, {"mentions", e.mentions}});
  }
  return json_reply(out);
}

Reply get_stories(Context& ctx, const Call& call) {
  auto q = call.params.query();
  auto page = call.params.page();
  auto from = call.params.date("from", extract::DateEdge::first);
  auto to = call.params.date("to", extract::DateEdge::last);
  if (const Error* e = first_error(q, page, from, to)) return error_reply(api_error(*e));
  cluster::StoryFilter filter;
  filter.query = q.value();
  filter.from = from.value();
  filter.to = to.value();
  filter.limit = page->per_page;
  filter.offset = page->offset();
  auto lease = ctx.readers.acquire(ctx.options.limits.query_budget);
  if (!lease) return error_reply(api_error(lease.error()));
  auto stories = cluster::list_stories(lease->store(), filter);
  if (!stories) return read_failure(lease.value(), stories.error());
  Json list = Json::array();
  for (const auto& s : stories.value()) list.push_back(story_json(s));
  return json_reply({{"page", page->page}, {"per_page", page->per_page}, {"stories", list}});
}

Reply get_story(Context& ctx, const Call& call) {
  const auto id = parse_id(call.param);
  if (!id) return error_reply(bad_request("a story id is a positive integer, not \"" + std::string(call.param) + "\""));
  auto lease = ctx.readers.acquire(ctx.options.limits.query_budget);
  if (!lease) return error_reply(api_error(lease.error()));
  auto& reader = lease.value();
  auto info = cluster::story_info(reader.store(), *id);
  if (!info) return read_failure(reader, info.error());
  if (!info.value()) return error_reply(not_found("no story " + std::to_string(*id)));
  auto events = cluster::story_timeline(reader.store(), *id);
  if (!events) return read_failure(reader, events.error());
  Json out = story_json(*info.value());
  out["timeline"] = Json::array();
  for (const auto& e : events.value()) out["timeline"].push_back(event_json(e));
  return json_reply(out);
}

Reply get_entities(Context& ctx, const Call& call) {
  auto q = call.params.query();
  auto page = call.params.page();
  if (const Error* e = first_error(q, page)) return error_reply(api_error(*e));
  entities::EntityQuery query;
  query.query = q.value();
  query.limit = page->per_page;
  query.offset = page->offset();
  if (const std::string type = call.params.text("type"); !type.empty()) {
    entities::EntityType t;
    if (!entities::parse_type(type, t)) return error_reply(bad_request("type is one of PER, LOC, ORG, MISC, not \"" + type + "\""));
    query.type = t;
  }
  auto lease = ctx.readers.acquire(ctx.options.limits.query_budget);
  if (!lease) return error_reply(api_error(lease.error()));
  auto found = entities::list_entities(lease->store(), query);
  if (!found) return read_failure(lease.value(), found.error());
  Json list = Json::array();
  for (const auto& e : found.value()) list.push_back(entity_json(e));
  return json_reply({{"page", page->page}, {"per_page", page->per_page}, {"entities", list}});
}

Reply get_entity(Context& ctx, const Call& call) {
  const auto id = parse_id(call.param);
  if (!id) return error_reply(bad_request("an entity id is a positive integer, not \"" + std::string(call.param) + "\""));
  auto lease = ctx.readers.acquire(ctx.options.limits.query_budget);
  if (!lease) return error_reply(api_error(lease.error()));
  auto& reader = lease.value();
  auto info = entities::entity_info(reader.store(), *id);
  if (!info) return read_failure(reader, info.error());
  if (!info.value()) return error_reply(not_found("no entity " + std::to_string(*id)));
  auto articles = entities::entity_articles(reader.store(), *id, kEntityArticles);
  if (!articles) return read_failure(reader, articles.error());
  auto others = entities::cooccurring(reader.store(), *id, kCooccurring);
  if (!others) return read_failure(reader, others.error());
  Json out = entity_json(*info.value());
  out["articles_list"] = Json::array();
  for (const auto& a : articles.value()) {
    out["articles_list"].push_back({{"id", a.id}, {"title", a.title}, {"date", a.date}, {"source", a.source}});
  }
  events::RecordFilter named;
  named.entities = {*id};
  named.limit = kEntityEvents;
  auto records = events::list_records(reader.store(), named);
  if (!records) return read_failure(reader, records.error());
  out["cooccurring"] = Json::array();
  for (const auto& o : others.value()) {
    out["cooccurring"].push_back({{"id", o.id}, {"name", o.name}, {"type", entities::type_name(o.type)}, {"articles", o.articles}});
  }
  out["events"] = record_list_json(records.value());
  return json_reply(out);
}

}  // namespace masar::server
