// masar analyze [--stages a,b,...] [--json] [TEXT...]: shows what the analysis chain makes of
// a text (like Elasticsearch's _analyze). Without TEXT it reads stdin, one text per line, and
// prints one line per input, so a whole corpus can be piped through the index-time chain.
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "masar/text/analyzer.hpp"
#include "masar/text/utf8.hpp"

namespace masar::cli {
namespace {

struct AnalyzeOptions {
  std::vector<std::string> stages;
  std::vector<std::string> texts;
  bool json = false;
};

void print_terms(const text::Analyzer& analyzer, const std::string& text, bool json) {
  if (json) {
    nlohmann::json terms = nlohmann::json::array();
    analyzer.analyze(text, [&](const text::Term& t) {
      terms.push_back({{"term", t.text}, {"begin", t.begin}, {"end", t.end}, {"position", t.position},
                       {"original", text.substr(t.begin, t.end - t.begin)}});
    });
    std::cout << terms.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return;
  }
  bool first = true;
  analyzer.analyze(text, [&](const text::Term& t) {
    if (!first) std::cout << ' ';
    std::cout << t.text;
    first = false;
  });
  std::cout << "\n";
}

int run_analyze(const AnalyzeOptions& options) {
  const text::Analyzer* analyzer = &text::Analyzer::standard();
  Result<text::Analyzer> custom = make_error(Errc::invalid_argument, "");
  if (!options.stages.empty()) {
    custom = text::Analyzer::from_names(options.stages);
    if (!custom) {
      std::cerr << "masar analyze: " << custom.error().message << "\n";
      return kExitUsage;
    }
    analyzer = &custom.value();
  }
  if (!options.texts.empty()) {
    for (const auto& text : options.texts) print_terms(*analyzer, text::decode_utf8(text).text, options.json);
    return kExitOk;
  }
  std::string line;
  // The chain assumes valid UTF-8: each invalid sequence becomes U+FFFD (offsets are then into
  // the repaired text, which is the input itself whenever it is valid).
  while (std::getline(std::cin, line)) print_terms(*analyzer, text::decode_utf8(line).text, options.json);
  return kExitOk;
}

}  // namespace

void add_analyze_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<AnalyzeOptions>();
  auto* cmd = app.add_subcommand("analyze", "Show the terms the analysis chain makes of a text (stdin: one text per line)");
  cmd->add_option("texts", options->texts, "Texts to analyze; none reads stdin");
  cmd->add_option("--stages", options->stages, "Stages in order (normalize, stopwords, stem, names); default: the search chain")
      ->delimiter(',');
  cmd->add_flag("--json", options->json, "Terms with byte offsets into the input and positions, as JSON");
  cmd->callback([options, &action] { action = [options] { return run_analyze(*options); }; });
}

}  // namespace masar::cli
