// masar events --db DB [--format jsonl|tsv] [--type T] [--entity E] [--from D] [--to D]
//              [--series NAME [--round N]] [--asserted] [--limit N]
// Event records (PLOVER) of the archive: who did what to whom, where and when, each with every
// article and sentence that reports it. jsonl: one record a line; tsv: a header, then one row a
// record (actors joined by "; ").
#include <iostream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/date_options.hpp"
#include "masar/cluster/series.hpp"
#include "masar/entities/pipeline.hpp"
#include "masar/events/format.hpp"
#include "masar/events/records.hpp"
#include "masar/text/utf8.hpp"

namespace masar::cli {
namespace {

struct EventsArgs {
  std::string db, format = "jsonl", type, entity, from, to, series;
  std::optional<int> round;
  bool asserted = false;
  std::size_t limit = 0;
};

// Tabs and line breaks inside a field would break the row.
std::string tsv_field(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

int run_events(const EventsArgs& args) {
  auto store = store::Store::open(args.db, store::OpenMode::read_only);
  if (!store) {
    std::cerr << "masar events: " << store.error().message << "\n";
    return kExitFailure;
  }
  events::RecordFilter filter;
  filter.from = args.from;
  filter.to = args.to;
  filter.asserted_only = args.asserted;
  filter.limit = args.limit;
  if (!args.series.empty()) filter.series = cluster::series_name_of(args.series);
  if (args.round && args.series.empty()) {
    std::cerr << "masar events: --round needs --series (the round of which talks?)\n";
    return kExitUsage;
  }
  filter.round = args.round;
  if (!args.type.empty()) {
    events::EventType t;
    if (!events::parse_type(args.type, t)) {
      std::cerr << "masar events: --type is a PLOVER type such as CONSULT or ASSAULT, not \"" << args.type << "\"\n";
      return kExitUsage;
    }
    filter.type = t;
  }
  if (!args.entity.empty()) {
    auto ids = entities::entities_named(store.value(), args.entity);
    if (!ids) {
      std::cerr << "masar events: " << ids.error().message << "\n";
      return kExitFailure;
    }
    if (ids->empty()) {
      std::cerr << "masar events: no entity named \"" << text::decode_utf8(args.entity).text << "\"\n";
      return kExitFailure;
    }
    filter.entities = std::move(ids.value());
  }
  auto records = events::list_records(store.value(), filter);
  if (!records) {
    std::cerr << "masar events: " << records.error().message << "\n";
    return kExitFailure;
  }
  if (args.format == "tsv") {
    const auto& header = events::row_header();
    for (std::size_t i = 0; i < header.size(); ++i) std::cout << (i ? "\t" : "") << header[i];
    std::cout << "\n";
    for (const auto& r : records.value()) {
      const auto row = events::record_row(r);
      for (std::size_t i = 0; i < row.size(); ++i) std::cout << (i ? "\t" : "") << tsv_field(row[i]);
      std::cout << "\n";
    }
    return kExitOk;
  }
  for (const auto& r : records.value()) {
    std::cout << events::record_json(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return kExitOk;
}

}  // namespace

void add_events_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<EventsArgs>();
  auto* cmd = app.add_subcommand("events", "Event records (PLOVER): who did what to whom, where and when");
  cmd->add_option("--db", args->db, "SQLite database file")->required();
  cmd->add_option("--format", args->format, "jsonl (one record a line) or tsv (one row a record)")
      ->check(CLI::IsMember({"jsonl", "tsv"}));
  cmd->add_option("--type", args->type, "Only this PLOVER type (CONSULT, AGREE, ASSAULT, PROTEST, ...)");
  cmd->add_option("--entity", args->entity, "Only records naming this entity (id, or words of its name)");
  add_date_option(*cmd, "--from", args->from, extract::DateEdge::first, "Records dated on or after");
  add_date_option(*cmd, "--to", args->to, extract::DateEdge::last, "Records dated on or before");
  cmd->add_option("--series", args->series, "Only rounds of this numbered series (أستانا, جنيف, اللجنة الدستورية, ...)");
  cmd->add_option("--round", args->round, "Only this round of the series")->check(CLI::Range(1, 200));
  cmd->add_flag("--asserted", args->asserted, "Leave out negated and hypothetical records");
  cmd->add_option("--limit", args->limit, "At most this many records (0: all)");
  cmd->callback([args, &action] { action = [args] { return run_events(*args); }; });
}

}  // namespace masar::cli
