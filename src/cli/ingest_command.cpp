// masar ingest --db DB [--threads N] [--quiet] [--no-cluster] PATH...
// Stores, then tracks the new articles into events and stories (cluster/pipeline.hpp).
#include <chrono>
#include <iostream>
#include <optional>

#include "cli/cluster_options.hpp"
#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "cli/progress.hpp"
#include "cli/store_notes.hpp"
#include "masar/pipeline/after_ingest.hpp"
#include "masar/store/ingest.hpp"
#include "masar/util/parallel.hpp"

namespace masar::cli {
namespace {

struct IngestArgs {
  std::string db;
  std::vector<std::string> paths;
  unsigned threads = util::default_threads();
  std::size_t batch = 2000;
  double threshold = 0.8;
  bool quiet = false;
  bool cluster = true;
  bool entities = true;
  cluster::ClusterOptions tracking;
};

// Events, stories and entities of what was just stored (pipeline/after_ingest.hpp), with
// progress and one summary line per stage; a failure keeps the articles (the next ingest,
// `masar recluster` or `masar entities --rescan` picks them up).
pipeline::AfterIngestOptions after_ingest_options(const IngestArgs& args) {
  pipeline::AfterIngestOptions options;
  options.cluster = args.cluster;
  options.entities = args.entities;
  options.threads = args.threads;
  options.tracking = args.tracking;
  return options;
}

bool update_new_articles(pipeline::AfterIngest& after, const IngestArgs& args) {
  std::optional<Progress> progress;
  pipeline::AfterIngestHooks hooks;
  hooks.started = [&](pipeline::Stage stage) {
    progress.emplace(stage == pipeline::Stage::events ? "events" : "entities", 0, args.quiet);
  };
  hooks.progress = [&](pipeline::Stage, std::size_t done, std::size_t total) { progress->update(done, total); };
  hooks.finished = [&](pipeline::Stage stage, const pipeline::AfterIngestReport& r) {
    progress->finish();
    if (stage == pipeline::Stage::events) {
      std::cerr << "masar ingest: tracked " << r.tracked->articles << " articles (" << r.tracked->copies
                << " copies): " << r.tracked->new_events << " new events, " << r.tracked->new_stories
                << " new stories; " << r.tracking_seconds << " s\n";
    } else {
      std::cerr << "masar ingest: entities of " << r.entities->articles << " articles: " << r.entities->mentions
                << " mentions, " << r.entities->new_entities << " new entities, " << r.entities->folded
                << " names folded; " << r.event_reports << " event reports, " << r.new_event_records
                << " new event records; " << r.entities_seconds << " s"
                << " after the stages before it (its tagging ran alongside them)\n";
    }
  };
  auto report = after.finish(hooks);
  if (progress) progress->finish();
  if (!report) {
    std::cerr << "masar ingest: " << report.error().message << "\n";
    return false;
  }
  if (!report->entities_skipped.empty()) std::cerr << "masar ingest: no entities: " << report->entities_skipped << "\n";
  return true;
}

int run_ingest(IngestArgs& args) {
  auto store = store::Store::open(args.db);
  if (!store) {
    std::cerr << "masar ingest: " << store.error().message << "\n";
    return kExitFailure;
  }
  note_index_analyzer(store.value(), "ingest", args.db);
  ReadSummary read;
  std::vector<extract::PreparedArticle> articles = read_and_prepare(args.paths, args.quiet, args.threads, read);
  if (articles.empty()) {
    std::cerr << "masar ingest: no article could be read\n";
    return kExitInputError;
  }
  store::IngestOptions options;
  options.threads = args.threads;
  options.batch_size = args.batch;
  options.dedup.threshold = args.threshold;
  // Started before storing, so that the entity scan tags each batch as it is committed and
  // tracking counts terms as the index analyzes them.
  auto after = pipeline::AfterIngest::start(store.value(), after_ingest_options(args), true);
  if (!after) {
    std::cerr << "masar ingest: " << after.error().message << "\n";
    return kExitFailure;
  }
  options.with_index_terms = after->index_terms_hook();
  auto ingester = store::Ingester::create(store.value(), options);
  if (!ingester) {
    std::cerr << "masar ingest: " << ingester.error().message << "\n";
    return kExitFailure;
  }
  const auto started = std::chrono::steady_clock::now();
  Progress progress("ingest", articles.size(), args.quiet);
  std::size_t last = 0;
  auto summary = ingester->ingest_prepared(std::move(articles), [&](std::size_t done) {
    progress.advance(done - last);
    last = done;
  });
  progress.finish();
  if (!summary) {
    std::cerr << "masar ingest: database error: " << summary.error().message << "\n";
    return kExitFailure;
  }
  const auto& s = summary.value();
  for (const auto& p : s.problems) std::cerr << "masar ingest: skipped " << p << "\n";
  if (s.handed_down > 0) {
    std::cerr << "masar ingest: " << s.handed_down
              << " updated articles now tell another story; the first copy of each one's old text stands for it\n";
  }
  std::cerr << "masar ingest: read " << s.read << ", inserted " << s.inserted << ", updated " << s.updated
            << ", unchanged " << s.unchanged << ", duplicates " << s.duplicates << ", skipped " << s.skipped
            << " (+" << read.problems << " bad input lines/files); cleaning, dedup and indexing "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n";
  const bool stored = s.inserted + s.updated + s.unchanged > 0;
  if (stored && !update_new_articles(after.value(), args)) return kExitFailure;
  note_stale_derived_data(store.value(), "ingest", args.db);
  return stored ? kExitOk : kExitFailure;
}

}  // namespace

void add_ingest_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<IngestArgs>();
  auto* cmd = app.add_subcommand("ingest", "Clean, deduplicate and index articles into a database");
  cmd->add_option("--db", args->db, "SQLite database file (created when missing)")->required();
  cmd->add_option("paths", args->paths, "Files or folders (.jsonl, .jsonl.zst, .txt, .html); - reads JSON Lines from stdin")
      ->required();
  cmd->add_option("-j,--threads", args->threads, "Worker threads")->check(CLI::Range(1u, 256u));
  cmd->add_option("--batch", args->batch, "Articles per transaction")->check(CLI::Range(1, 1000000));
  cmd->add_option("--threshold", args->threshold, "Near-duplicate Jaccard threshold")->check(CLI::Range(0.05, 1.0));
  cmd->add_flag("-q,--quiet", args->quiet, "No progress on stderr");
  cmd->add_flag("!--no-cluster", args->cluster, "Store only; leave event and story tracking for later");
  cmd->add_flag("!--no-entities", args->entities, "Leave named entities for later (masar entities --rescan)");
  add_cluster_options(cmd, args->tracking);
  cmd->callback([args, &action] { action = [args] { return run_ingest(*args); }; });
}

}  // namespace masar::cli
