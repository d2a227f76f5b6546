// What the request handlers share: options, the reader pool, the writer, metrics.
#pragma once

#include <httplib.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string_view>

#include "masar/entities/ner.hpp"
#include "masar/events/records.hpp"
#include "masar/server/server.hpp"
#include "masar/store/ingest.hpp"
#include "masar/store/store.hpp"
#include "server/http.hpp"
#include "server/metrics.hpp"
#include "server/store_pool.hpp"

namespace masar::server {

// The one read-write connection, for POST /api/articles only. The ingester (with the dedup
// state of the whole archive) and the tagger are loaded at the first bulk ingest.
struct Writer {
  std::mutex mutex;
  std::unique_ptr<store::Store> store;
  std::unique_ptr<store::Ingester> ingester;
  std::optional<entities::NerModel> model;
  bool model_missing = false;  // a build without a model: entities are left out
};

struct Context {
  Context(ServerOptions o, std::unique_ptr<store::Store> write_store)
      : options(std::move(o)), readers(options.db, options.limits.threads) {
    writer.store = std::move(write_store);
  }
  ServerOptions options;
  ReaderPool readers;
  Writer writer;
  Metrics metrics;
};

// One routed request: the request, its path parameter ({id}: the rest of the path) and its
// query parameters.
struct Call {
  const httplib::Request& request;
  std::string_view param;
  Params params;
};

// A core error met while reading: a timeout when the request ran out of its budget.
Reply read_failure(const ReaderPool::Lease& lease, const Error& error);

Reply get_health(Context& ctx, const Call& call);
Reply get_metrics(Context& ctx, const Call& call);
Reply get_search(Context& ctx, const Call& call);
Reply get_article(Context& ctx, const Call& call);
Reply get_stories(Context& ctx, const Call& call);
Reply get_story(Context& ctx, const Call& call);
Reply get_entities(Context& ctx, const Call& call);
Reply get_entity(Context& ctx, const Call& call);
Reply get_events(Context& ctx, const Call& call);
Reply post_articles(Context& ctx, const Call& call);
// Event records as the API lists them (routes_events.cpp), for /api/events and an entity's page.
Json record_list_json(const std::vector<events::EventRecord>& records);
// Files of the web root; `path` is the request path.
Reply get_static(Context& ctx, const Call& call);

}  // namespace masar::server
