#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"masar: Arabic news into knowledge (clean, dedup, search, stories, events)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "masar 0.1.0");

  masar::cli::Action action;
  masar::cli::add_clean_command(app, action);
  masar::cli::add_dedup_command(app, action);
  masar::cli::add_ingest_command(app, action);
  masar::cli::add_search_command(app, action);
  masar::cli::add_stats_command(app, action);
  masar::cli::add_clusters_command(app, action);
  masar::cli::add_recluster_command(app, action);
  masar::cli::add_stories_command(app, action);
  masar::cli::add_timeline_command(app, action);
  masar::cli::add_analyze_command(app, action);
  masar::cli::add_ner_command(app, action);
  masar::cli::add_dates_command(app, action);
  masar::cli::add_entities_command(app, action);
  masar::cli::add_train_command(app, action);
  masar::cli::add_code_command(app, action);
  masar::cli::add_events_command(app, action);
  masar::cli::add_serve_command(app, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? masar::cli::kExitOk : masar::cli::kExitUsage;
  }
  try {
    return action ? action() : masar::cli::kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "masar: internal error: " << e.what() << "\n";
    return masar::cli::kExitInternal;
  }
}
