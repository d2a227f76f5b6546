// masar code [--format tsv|jsonl] [--all-modes] [--no-entities] [--rules-only | --event-model M] < sentences.tsv
// Codes sentences (`id<TAB>sentence` a line) to PLOVER event types. tsv prints
// `id<TAB>TYPE,TYPE` (what ../shared/tools/score-event-detection reads: asserted reports of a
// particular happening only, unless --all-modes); jsonl prints the events with their mode,
// trigger, actors and place.
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/entity_scan.hpp"
#include "masar/entities/ner.hpp"
#include "masar/events/coder.hpp"
#include "masar/events/learned.hpp"
#include "masar/text/utf8.hpp"
#include "masar/util/parallel.hpp"

namespace masar::cli {
namespace {

struct CodeOptions {
  std::string format = "tsv";
  bool all_modes = false;
  bool no_entities = false;
  bool rules_only = false;
  std::string event_model;  // empty: the built-in learned check
  unsigned threads = util::default_threads();
};

struct Line {
  std::string id, sentence;
  std::vector<entities::Mention> mentions;
  std::vector<events::CodedEvent> events;
};

nlohmann::json arguments_json(const std::vector<events::Argument>& args) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& a : args) {
    out.push_back({{"text", a.text}, {"begin", a.span.begin}, {"end", a.span.end}});
    if (a.state) out.back()["state"] = *a.state;
  }
  return out;
}

void print(const Line& line, const CodeOptions& options) {
  if (options.format == "tsv") {
    std::string types;
    for (const auto& e : line.events) {
      if (!options.all_modes && (e.mode != events::Mode::asserted || !e.specific)) continue;
      if (!types.empty()) types += ',';
      types += events::type_name(e.type);
    }
    std::cout << line.id << '\t' << types << '\n';
    return;
  }
  nlohmann::json found = nlohmann::json::array();
  for (const auto& e : line.events) {
    if (!options.all_modes && e.mode != events::Mode::asserted) continue;
    nlohmann::json j = {{"event", events::type_name(e.type)},
                        {"mode", events::mode_name(e.mode)},
                        {"specific", e.specific},
                        {"probability", e.probability ? nlohmann::json(*e.probability) : nlohmann::json(nullptr)},
                        {"trigger", line.sentence.substr(e.trigger.begin, e.trigger.end - e.trigger.begin)},
                        {"source", arguments_json(e.sources)},
                        {"target", arguments_json(e.targets)},
                        {"location", e.location ? nlohmann::json(e.location->text) : nlohmann::json(nullptr)}};
    found.push_back(std::move(j));
  }
  const nlohmann::json out = {{"id", line.id}, {"events", std::move(found)}};
  std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

int run_code(const CodeOptions& options) {
  if (options.format != "tsv" && options.format != "jsonl") {
    std::cerr << "masar code: --format must be tsv or jsonl\n";
    return kExitUsage;
  }
  std::optional<entities::NerModel> model;
  if (!load_sentence_tagger("code", options.no_entities, model)) return kExitInternal;
  std::optional<events::LearnedCheck> loaded_check;
  const events::LearnedCheck* check = options.rules_only ? nullptr : events::LearnedCheck::builtin();
  if (!options.event_model.empty()) {
    auto read = events::LearnedCheck::load(options.event_model);
    if (!read) {
      std::cerr << "masar code: " << read.error().message << "\n";
      return kExitInputError;
    }
    loaded_check = std::move(read.value());
    check = &*loaded_check;
  }
  std::vector<Line> lines;
  std::string raw;
  std::size_t number = 0, skipped = 0;
  while (std::getline(std::cin, raw)) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (raw.empty()) continue;
    const std::size_t tab = raw.find('\t');
    if (tab == std::string::npos || tab == 0) {
      std::cerr << "stdin:" << number << ": expected id<TAB>sentence, skipped\n";
      ++skipped;
      continue;
    }
    lines.push_back({raw.substr(0, tab), text::decode_utf8(std::string_view(raw).substr(tab + 1)).text, {}, {}});
  }
  util::parallel_for(lines.size(), options.threads, [&](std::size_t i) {
    if (model) lines[i].mentions = entities::find_mentions(lines[i].sentence, *model);
    lines[i].events = events::code_sentence(lines[i].sentence, lines[i].mentions, check);
  }, 16);
  for (const auto& line : lines) print(line, options);
  if (lines.empty() && skipped > 0) return kExitFailure;
  return kExitOk;
}

}  // namespace

void add_code_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<CodeOptions>();
  auto* cmd = app.add_subcommand("code", "Code sentences (stdin: id<TAB>sentence) to PLOVER event types");
  cmd->add_option("--format", options->format, "tsv (id<TAB>TYPE,TYPE) or jsonl (events with mode and actors)")
      ->check(CLI::IsMember({"tsv", "jsonl"}));
  cmd->add_flag("--all-modes", options->all_modes, "Also print negated, hypothetical and generic events");
  cmd->add_flag("--no-entities", options->no_entities, "Do not tag entities (actors are then generic words only)");
  auto* rules_only = cmd->add_flag("--rules-only", options->rules_only, "The trigger rules alone, without the learned check");
  cmd->add_option("--event-model", options->event_model, "A model from `masar train events` (default: the built-in one)")
      ->check(CLI::ExistingFile)
      ->excludes(rules_only);
  cmd->add_option("--threads", options->threads, "Worker threads")->check(CLI::PositiveNumber);
  cmd->callback([options, &action] { action = [options] { return run_code(*options); }; });
}

}  // namespace masar::cli
