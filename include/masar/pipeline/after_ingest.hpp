// What follows storing new articles, shared by `masar ingest` and `POST /api/articles`:
// events and stories for the articles not yet tracked (cluster/pipeline.hpp), then named
// entities for the articles not yet scanned (entities/pipeline.hpp), their sentences coded to
// event records in the same pass (events/records.hpp). Both stages pick up
// where the last run stopped, so a failure here keeps the stored articles for the next run.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "masar/cluster/pipeline.hpp"
#include "masar/entities/ner.hpp"
#include "masar/entities/pipeline.hpp"
#include "masar/error.hpp"
#include "masar/store/ingest.hpp"
#include "masar/store/store.hpp"

namespace masar::pipeline {

enum class Stage { events, entities };

struct AfterIngestOptions {
  bool cluster = true;
  bool entities = true;
  unsigned threads = 1;
  cluster::ClusterOptions tracking;  // its `threads` is set from `threads`
  // The tagger to use; nullptr loads the built-in model for this call.
  const entities::NerModel* model = nullptr;
};

struct AfterIngestReport {
  std::optional<cluster::ClusterSummary> tracked;      // when tracking ran
  std::optional<entities::EntityRunSummary> entities;  // when the entity scan ran
  std::size_t event_reports = 0, new_event_records = 0;  // coded in the entity scan's pass
  std::string entities_skipped;  // why no scan ran: this build has no model (not an error)
  // Wall time of each stage; the entity scan's counts from the end of the stages before it
  // (storing with AfterIngest::start, tracking), during which it already read and tagged.
  double tracking_seconds = 0, entities_seconds = 0;
};

// Optional callbacks: a stage starts, reports `done` of `total` after each batch, finishes
// (the report then holds that stage's summary).
struct AfterIngestHooks {
  std::function<void(Stage)> started;
  std::function<void(Stage, std::size_t done, std::size_t total)> progress;
  std::function<void(Stage, const AfterIngestReport&)> finished;
};

// The same in two steps, for a caller that stores the articles in between (`masar ingest`):
// start() before storing, with `articles_arriving`, lets the entity scan read and tag each
// batch as it is committed; finish() once they are stored tracks events, then links and saves
// the entities. Dropping a started one stops its threads.
class AfterIngest {
 public:
  static Result<AfterIngest> start(store::Store& store, const AfterIngestOptions& options, bool articles_arriving);
  // For the Ingester that stores the articles (store::IngestOptions::with_index_terms): tracking
  // counts the terms of each stored article from its index terms, on the ingest's analysis
  // thread, instead of reading and analyzing the text again in finish(). Empty when tracking is off.
  store::IndexTermsHook index_terms_hook();
  Result<AfterIngestReport> finish(const AfterIngestHooks& hooks = {});

  AfterIngest(AfterIngest&&) noexcept;
  AfterIngest& operator=(AfterIngest&&) noexcept;
  ~AfterIngest();

 private:
  struct Impl;
  explicit AfterIngest(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Errors name the failing stage; the articles stay stored either way.
Result<AfterIngestReport> after_ingest(store::Store& store, const AfterIngestOptions& options,
                                       const AfterIngestHooks& hooks = {});

}  // namespace masar::pipeline
