#include "masar/pipeline/after_ingest.hpp"

#include <chrono>
#include <optional>

#include "masar/events/records.hpp"

namespace masar::pipeline {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Result<AfterIngestReport> after_ingest(store::Store& store, const AfterIngestOptions& options,
                                       const AfterIngestHooks& hooks) {
  AfterIngestReport report;
  const auto progress_of = [&](Stage stage) {
    return [&hooks, stage](std::size_t done, std::size_t total) {
      if (hooks.progress) hooks.progress(stage, done, total);
    };
  };
  // The entity scan is started first: for a database in a file it reads and tags the articles
  // on its own threads while this one tracks events, then links and saves after tracking.
  std::optional<entities::NerModel> loaded;
  const entities::NerModel* model = options.model;
  if (options.entities && model == nullptr) {
    auto builtin = entities::NerModel::builtin();
    if (builtin) {
      loaded.emplace(std::move(builtin.value()));
      model = &*loaded;
    } else if (builtin.error().code == Errc::not_found) {
      report.entities_skipped = builtin.error().message;  // a build without a model still ingests
    } else {
      return builtin.error();
    }
  }
  std::optional<events::RecordWriter> records;
  std::optional<entities::EntityScan> scan;
  if (options.entities && model != nullptr) {
    entities::EntityRunOptions run;
    run.threads = options.threads;
    records.emplace(store);
    scan.emplace(store, *model, run, &*records);
  }
  if (options.cluster) {
    if (hooks.started) hooks.started(Stage::events);
    const auto start = std::chrono::steady_clock::now();
    cluster::ClusterOptions tracking = options.tracking;
    tracking.threads = options.threads;
    auto tracked = cluster::cluster_pending(store, tracking, progress_of(Stage::events));
    report.tracking_seconds = seconds_since(start);
    if (!tracked) {
      return make_error(tracked.error().code, "tracking events failed (articles are stored): " + tracked.error().message);
    }
    report.tracked = tracked.value();
    if (hooks.finished) hooks.finished(Stage::events, report);
  }
  if (!scan) return report;
  if (hooks.started) hooks.started(Stage::entities);
  const auto start = std::chrono::steady_clock::now();
  auto scanned = scan->run(progress_of(Stage::entities));
  report.entities_seconds = seconds_since(start);
  if (!scanned) return make_error(scanned.error().code, "entities failed (articles are stored): " + scanned.error().message);
  report.entities = scanned.value();
  report.event_reports = records->reports();
  report.new_event_records = records->new_records();
  if (hooks.finished) hooks.finished(Stage::entities, report);
  return report;
}

}  // namespace masar::pipeline
