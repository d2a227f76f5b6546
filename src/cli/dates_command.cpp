// masar dates --anchor DATE [--json] [TEXT...]: the time expressions of a text, absolute and
// relative, resolved against the anchor (an article's publication date; a bare weekday also
// with its coming occurrence, the reading for a plan). Without TEXT it reads
// stdin, one text per line, and prints one line (or JSON array) per input.
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "masar/extract/time_expressions.hpp"
#include "masar/text/utf8.hpp"

namespace masar::cli {
namespace {

struct DatesOptions {
  std::string anchor;
  std::vector<std::string> texts;
  bool json = false;
};

void print_expressions(const std::string& raw, const extract::DateTime& anchor, bool json) {
  const std::string text = text::decode_utf8(raw).text;
  const auto found = extract::find_time_expressions(text, anchor);
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : found) {
      out.push_back({{"text", text.substr(e.begin, e.end - e.begin)}, {"begin", e.begin}, {"end", e.end},
                     {"first", e.first.iso()}, {"last", e.last.iso()}, {"precision", extract::precision_name(e.precision)},
                     {"relative", e.relative}, {"ahead", e.ahead.valid() ? nlohmann::json(e.ahead.iso()) : nlohmann::json()}});
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return;
  }
  bool first = true;
  for (const auto& e : found) {
    std::cout << (first ? "" : " | ") << text.substr(e.begin, e.end - e.begin) << " → " << e.first.iso();
    if (e.last.iso() != e.first.iso()) std::cout << ".." << e.last.iso();
    std::cout << " (" << extract::precision_name(e.precision);
    if (e.ahead.valid()) std::cout << "; a plan: " << e.ahead.iso();
    std::cout << ")";
    first = false;
  }
  std::cout << "\n";
}

int run_dates(const DatesOptions& options) {
  const extract::DateTime anchor = extract::parse_iso_date(options.anchor);
  if (!options.anchor.empty() && !anchor.valid()) {
    std::cerr << "masar dates: --anchor must be a date like 2023-06-21, not \"" << options.anchor << "\"\n";
    return kExitUsage;
  }
  if (!options.texts.empty()) {
    for (const auto& t : options.texts) print_expressions(t, anchor, options.json);
    return kExitOk;
  }
  std::string line;
  while (std::getline(std::cin, line)) print_expressions(line, anchor, options.json);
  return kExitOk;
}

}  // namespace

void add_dates_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<DatesOptions>();
  auto* cmd = app.add_subcommand("dates", "Find and resolve the dates of a text (stdin: one text per line)");
  cmd->add_option("texts", options->texts, "Texts; none reads stdin");
  cmd->add_option("--anchor", options->anchor, "Publication date relative expressions are resolved against (YYYY-MM-DD)");
  cmd->add_flag("--json", options->json, "Expressions with byte offsets, first and last day and precision, as JSON");
  cmd->callback([options, &action] { action = [options] { return run_dates(*options); }; });
}

}  // namespace masar::cli
