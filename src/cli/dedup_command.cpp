// Placeholder until the readers land: registers the command so the binary links.
#include <iostream>

#include "cli/commands.hpp"

namespace masar::cli {

void add_dedup_command(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand("dedup", "find exact and near duplicate articles");
  cmd->callback([&action] {
    action = [] {
      std::cerr << "masar dedup: not wired yet\n";
      return kExitFailure;
    };
  });
}

}  // namespace masar::cli
