// Each CLI command lives in its own file and registers itself on the app here.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace masar::cli {

// Exit codes: the one place where core Errc values become process statuses (see exit_code()).
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,       // the job ran but produced nothing usable
  kExitUsage = 2,         // bad command line
  kExitInputError = 3,    // input could not be read at all
  kExitInternal = 70,
};

// A command's action runs after parsing and returns the process exit code.
using Action = std::function<int()>;

// Registers `clean` and returns its action slot; main() runs the action of the chosen subcommand.
void add_clean_command(CLI::App& app, Action& action);
void add_dedup_command(CLI::App& app, Action& action);
void add_ingest_command(CLI::App& app, Action& action);
void add_search_command(CLI::App& app, Action& action);
void add_stats_command(CLI::App& app, Action& action);
void add_analyze_command(CLI::App& app, Action& action);
void add_clusters_command(CLI::App& app, Action& action);
void add_recluster_command(CLI::App& app, Action& action);
void add_stories_command(CLI::App& app, Action& action);
void add_timeline_command(CLI::App& app, Action& action);
void add_ner_command(CLI::App& app, Action& action);
void add_dates_command(CLI::App& app, Action& action);
void add_entities_command(CLI::App& app, Action& action);
void add_train_command(CLI::App& app, Action& action);
void add_train_events_command(CLI::App& train, Action& action);  // under `train`
void add_code_command(CLI::App& app, Action& action);
void add_events_command(CLI::App& app, Action& action);
void add_serve_command(CLI::App& app, Action& action);

}  // namespace masar::cli
