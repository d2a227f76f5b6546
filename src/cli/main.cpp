#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"masar: Arabic news into knowledge (clean, dedup, search, stories, events)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "masar 0.1.0");

  masar::cli::Action action;
  masar::cli::add_clean_command(app, action);
  // add_dedup_command is registered once src/cli/dedup_command.cpp lands.

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
