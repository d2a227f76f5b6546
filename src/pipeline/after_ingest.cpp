#include "masar/pipeline/after_ingest.hpp"

#include <chrono>
#include <optional>

#include "masar/cluster/feature_cache.hpp"
#include "masar/events/records.hpp"

namespace masar::pipeline {
namespace {

// Terms counted ahead for tracking, at most (8 bytes each, 16 when a count is not exact as a
// float): past it, tracking reads the text of the rest (millions of articles in one ingest).
constexpr std::size_t kMaxCountedTerms = std::size_t{8} << 20;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

struct AfterIngest::Impl {
  store::Store& store;
  AfterIngestOptions options;
  std::string entities_skipped;
  std::optional<entities::NerModel> loaded;
  std::optional<events::RecordWriter> records;
  std::optional<entities::EntityScan> scan;
  std::unique_ptr<cluster::FeatureCache> counted;  // by index_terms_hook(), for tracking
};

AfterIngest::AfterIngest(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AfterIngest::AfterIngest(AfterIngest&&) noexcept = default;
AfterIngest& AfterIngest::operator=(AfterIngest&&) noexcept = default;
AfterIngest::~AfterIngest() = default;

Result<AfterIngest> AfterIngest::start(store::Store& store, const AfterIngestOptions& options, bool articles_arriving) {
  auto impl = std::unique_ptr<Impl>(new Impl{store, options, {}, {}, {}, {}, {}});
  const entities::NerModel* model = options.model;
  if (options.entities && model == nullptr) {
    auto builtin = entities::NerModel::builtin();
    if (builtin) {
      impl->loaded.emplace(std::move(builtin.value()));
      model = &*impl->loaded;
    } else if (builtin.error().code == Errc::not_found) {
      impl->entities_skipped = builtin.error().message;  // a build without a model still ingests
    } else {
      return builtin.error();
    }
  }
  // The entity scan is started first: for a database in a file it reads and tags the articles
  // on its own threads while this one stores them and tracks events; it links and saves last.
  if (options.entities && model != nullptr) {
    entities::EntityRunOptions run;
    run.threads = options.threads;
    impl->records.emplace(store);
    impl->scan.emplace(store, *model, run, &*impl->records, articles_arriving);
  }
  return AfterIngest(std::move(impl));
}

store::IndexTermsHook AfterIngest::index_terms_hook() {
  Impl& d = *impl_;
  if (!d.options.cluster) return {};
  if (!d.counted) d.counted = std::make_unique<cluster::FeatureCache>(d.options.tracking.features, kMaxCountedTerms);
  cluster::FeatureCache* cache = d.counted.get();
  return [cache](std::string_view title, std::string_view body, const store::IndexTerms& terms) {
    // Kept even when null (the cache is full): the row then forgets an earlier version's entry.
    return [cache, entry = cache->count(title, body, terms)](std::int64_t rowid) mutable { cache->keep(rowid, std::move(entry)); };
  };
}

Result<AfterIngestReport> AfterIngest::finish(const AfterIngestHooks& hooks) {
  Impl& d = *impl_;
  if (d.scan) d.scan->input_complete();
  AfterIngestReport report;
  report.entities_skipped = d.entities_skipped;
  const auto progress_of = [&](Stage stage) {
    return [&hooks, stage](std::size_t done, std::size_t total) {
      if (hooks.progress) hooks.progress(stage, done, total);
    };
  };
  if (d.options.cluster) {
    if (hooks.started) hooks.started(Stage::events);
    const auto start = std::chrono::steady_clock::now();
    cluster::ClusterOptions tracking = d.options.tracking;
    tracking.threads = d.options.threads;
    auto tracked = cluster::cluster_pending(d.store, tracking, progress_of(Stage::events), d.counted.get());
    d.counted.reset();
    report.tracking_seconds = seconds_since(start);
    if (!tracked) {
      return make_error(tracked.error().code, "tracking events failed (articles are stored): " + tracked.error().message);
    }
    report.tracked = tracked.value();
    if (hooks.finished) hooks.finished(Stage::events, report);
  }
  if (!d.scan) return report;
  if (hooks.started) hooks.started(Stage::entities);
  const auto start = std::chrono::steady_clock::now();
  auto scanned = d.scan->run(progress_of(Stage::entities));
  report.entities_seconds = seconds_since(start);
  if (!scanned) return make_error(scanned.error().code, "entities failed (articles are stored): " + scanned.error().message);
  report.entities = scanned.value();
  report.event_reports = d.records->reports();
  report.new_event_records = d.records->new_records();
  if (hooks.finished) hooks.finished(Stage::entities, report);
  return report;
}

Result<AfterIngestReport> after_ingest(store::Store& store, const AfterIngestOptions& options,
                                       const AfterIngestHooks& hooks) {
  auto started = AfterIngest::start(store, options, false);
  if (!started) return started.error();
  return started->finish(hooks);
}

}  // namespace masar::pipeline
