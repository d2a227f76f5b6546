// Temporary: replaced by the full cleaning pipeline once the readers land.
#include <iostream>

#include "cli/commands.hpp"

namespace masar::cli {

void add_clean_command(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand("clean", "clean articles and print them");
  cmd->callback([&action] {
    action = [] {
      std::cerr << "masar clean: not wired yet\n";
      return kExitFailure;
    };
  });
}

}  // namespace masar::cli
