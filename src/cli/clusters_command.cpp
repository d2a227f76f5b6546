// masar clusters --db DB [--format tsv|json]: the event and story of every article.
// masar recluster --db DB: forget every event and story and track the whole archive again.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/cluster_options.hpp"
#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "masar/cluster/queries.hpp"
#include "masar/text/analyzer.hpp"
#include "masar/util/parallel.hpp"

namespace masar::cli {
namespace {

struct ClustersArgs {
  std::string db;
  std::string format = "tsv";
};

int run_clusters(const ClustersArgs& args) {
  auto store = store::Store::open(args.db, store::OpenMode::read_only);
  if (!store) {
    std::cerr << "masar clusters: " << store.error().message << "\n";
    return kExitFailure;
  }
  const bool json = args.format == "json";
  const Status s = cluster::for_each_assignment(store.value(), [&](const cluster::ArticleAssignment& a) {
    if (json) {
      std::cout << nlohmann::json{{"id", a.id}, {"event", a.event}, {"story", a.story}}.dump() << "\n";
    } else {
      std::cout << a.id << "\tE" << a.event << "\tS" << a.story << "\n";
    }
  });
  if (!s) {
    std::cerr << "masar clusters: " << s.error().message << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

struct ReclusterArgs {
  std::string db;
  bool quiet = false;
  cluster::ClusterOptions options;
};

int run_recluster(ReclusterArgs& args) {
  auto store = store::Store::open(args.db);
  if (!store) {
    std::cerr << "masar recluster: " << store.error().message << "\n";
    return kExitFailure;
  }
  if (const auto before = store->reindexed_from()) {
    std::cerr << "masar recluster: " << args.db << ": its full-text index was built with analyzer " << *before
              << "; re-indexed with analyzer " << text::kAnalyzerVersion << "\n";
  }
  Progress progress("recluster", 0, args.quiet);
  auto summary = cluster::recluster(store.value(), args.options,
                                    [&](std::size_t done, std::size_t total) { progress.update(done, total); });
  progress.finish();
  if (!summary) {
    std::cerr << "masar recluster: " << summary.error().message << "\n";
    return kExitFailure;
  }
  const auto& s = summary.value();
  if (!args.quiet) {
    std::cerr << "masar recluster: " << s.articles << " articles (" << s.copies << " copies) in " << s.new_events
              << " events and " << s.new_stories << " stories; " << progress.elapsed() << " s\n";
  }
  return kExitOk;
}

}  // namespace

void add_clusters_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ClustersArgs>();
  auto* cmd = app.add_subcommand("clusters", "The event and story of every article (id<TAB>event<TAB>story)");
  cmd->add_option("--db", args->db, "SQLite database file")->required();
  cmd->add_option("--format", args->format, "tsv or json")->check(CLI::IsMember({"tsv", "json"}));
  cmd->callback([args, &action] { action = [args] { return run_clusters(*args); }; });
}

void add_recluster_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ReclusterArgs>();
  args->options.threads = util::default_threads();
  auto* cmd = app.add_subcommand("recluster", "Rebuild every event and story from scratch, in publication order");
  cmd->add_option("--db", args->db, "SQLite database file")->required();
  cmd->add_option("-j,--threads", args->options.threads, "Worker threads")->check(CLI::Range(1u, 256u));
  cmd->add_flag("-q,--quiet", args->quiet, "No progress or summary on stderr");
  add_cluster_options(cmd, args->options);
  cmd->callback([args, &action] { action = [args] { return run_recluster(*args); }; });
}

}  // namespace masar::cli
