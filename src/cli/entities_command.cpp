// masar entities --db DB [--json] [--type T] [--query Q] [--limit N] [--rescan]: the people,
// places, organisations and other names of the archive, linked across spellings, with every
// alias seen, their article counts and first and last dates.
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/entity_scan.hpp"
#include "masar/entities/pipeline.hpp"
#include "masar/util/parallel.hpp"

namespace masar::cli {
namespace {

struct EntitiesArgs {
  std::string db, type, query;
  std::size_t limit = 50;
  bool json = false, rescan = false, quiet = false;
};

int rescan_archive(const EntitiesArgs& args) {
  auto store = store::Store::open(args.db);
  if (!store) {
    std::cerr << "masar entities: " << store.error().message << "\n";
    return kExitFailure;
  }
  const auto done = scan_entities(store.value(), util::default_threads(), args.quiet, true, "masar entities");
  if (!done) {
    std::cerr << "masar entities: " << done.error().message << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

int run_entities(const EntitiesArgs& args) {
  if (args.rescan) {
    if (int rc = rescan_archive(args); rc != kExitOk) return rc;
  }
  auto store = store::Store::open(args.db, store::OpenMode::read_only);
  if (!store) {
    std::cerr << "masar entities: " << store.error().message << "\n";
    return kExitFailure;
  }
  entities::EntityQuery q;
  q.query = args.query;
  q.limit = args.limit;
  if (!args.type.empty()) {
    entities::EntityType t;
    if (!entities::parse_type(args.type, t)) {
      std::cerr << "masar entities: --type is one of PER, LOC, ORG, MISC, not \"" << args.type << "\"\n";
      return kExitUsage;
    }
    q.type = t;
  }
  auto found = entities::list_entities(store.value(), q);
  if (!found) {
    std::cerr << "masar entities: " << found.error().message << "\n";
    return kExitFailure;
  }
  for (const auto& e : found.value()) {
    if (args.json) {
      nlohmann::json aliases = nlohmann::json::array();
      for (const auto& [surface, n] : e.aliases) aliases.push_back({{"alias", surface}, {"mentions", n}});
      const nlohmann::json j = {{"id", e.id}, {"name", e.name}, {"type", entities::type_name(e.type)},
                                {"aliases", aliases}, {"articles", e.articles}, {"mentions", e.mentions},
                                {"first_date", e.first_date}, {"last_date", e.last_date}};
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      continue;
    }
    std::cout << "N" << e.id << "  " << entities::type_name(e.type) << "  " << e.name << "  · " << e.articles << " articles · "
              << e.first_date << " … " << e.last_date << "\n    ";
    for (std::size_t i = 0; i < e.aliases.size() && i < 8; ++i) {
      std::cout << (i ? ", " : "") << e.aliases[i].first << " (" << e.aliases[i].second << ")";
    }
    if (e.aliases.size() > 8) std::cout << ", +" << e.aliases.size() - 8;
    std::cout << "\n";
  }
  return kExitOk;
}

}  // namespace

void add_entities_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<EntitiesArgs>();
  auto* cmd = app.add_subcommand("entities", "People, places, organisations: linked across spellings, with their aliases");
  cmd->add_option("--db", args->db, "SQLite database file")->required();
  cmd->add_option("--type", args->type, "PER, LOC, ORG or MISC");
  cmd->add_option("--query", args->query, "Words of the name (any spelling)");
  cmd->add_option("--limit", args->limit, "How many, most mentioned first")->check(CLI::Range(1, 100000));
  cmd->add_flag("--json", args->json, "One JSON object a line");
  cmd->add_flag("--rescan", args->rescan, "Forget the entities and scan every article again first");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress on stderr");
  cmd->callback([args, &action] { action = [args] { return run_entities(*args); }; });
}

}  // namespace masar::cli
