// masar stats --db DB [--json]
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/store_notes.hpp"
#include "masar/store/store.hpp"

namespace masar::cli {
namespace {

int run_stats(const std::string& db, bool json) {
  auto store = store::Store::open(db, store::OpenMode::read_only);
  if (!store) {
    std::cerr << "masar stats: " << store.error().message << "\n";
    return kExitFailure;
  }
  note_index_analyzer(store.value(), "stats", db);
  note_stale_derived_data(store.value(), "stats", db);
  auto stats = store->stats();
  if (!stats) {
    std::cerr << "masar stats: " << stats.error().message << "\n";
    return kExitFailure;
  }
  const auto& s = stats.value();
  if (json) {
    nlohmann::json by = nlohmann::json::array();
    for (const auto& c : s.by_source_month) by.push_back({{"source", c.source}, {"month", c.month}, {"articles", c.articles}});
    nlohmann::json out = {{"articles", s.articles},         {"indexed", s.indexed},
                          {"duplicates", s.duplicates},     {"duplicate_groups", s.duplicate_groups},
                          {"file_bytes", s.file_bytes},     {"index_bytes", s.index_bytes},
                          {"by_source_month", std::move(by)}};
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << "articles:          " << s.articles << "\n"
            << "indexed:           " << s.indexed << "\n"
            << "duplicates:        " << s.duplicates << " in " << s.duplicate_groups << " groups\n"
            << "database size:     " << s.file_bytes / 1024 << " KiB (full-text index " << s.index_bytes / 1024 << " KiB)\n"
            << "by source and month:\n";
  for (const auto& c : s.by_source_month) {
    std::cout << "  " << (c.source.empty() ? "(unknown)" : c.source) << "\t" << (c.month.empty() ? "(undated)" : c.month)
              << "\t" << c.articles << "\n";
  }
  return kExitOk;
}

}  // namespace

void add_stats_command(CLI::App& app, Action& action) {
  auto db = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("stats", "Counts by source and month, duplicates, index size");
  cmd->add_option("--db", *db, "SQLite database file")->required();
  cmd->add_flag("--json", *json, "JSON output");
  cmd->callback([db, json, &action] { action = [db, json] { return run_stats(*db, *json); }; });
}

}  // namespace masar::cli
