// masar clean [--json] [--show-removed] [--threads N] [--quiet] PATH...
// Reads articles from files, folders or stdin ("-"), cleans them, prints one per input.
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "cli/progress.hpp"
#include "masar/extract/cleaner.hpp"
#include "masar/util/parallel.hpp"

namespace masar::cli {
namespace {

struct CleanArgs {
  std::vector<std::string> paths;
  bool json = false;
  bool show_removed = false;
  bool quiet = false;
  bool no_source_stats = false;
  unsigned threads = util::default_threads();
  std::size_t recurrent_min_count = 5;
};

nlohmann::json to_json(const extract::CleanedArticle& a) {
  nlohmann::json j = nlohmann::json::object();
  // Unknown input fields first, so the cleaned fields win on a name clash.
  for (const auto& [key, value] : a.extra.items()) j[key] = value;
  j["id"] = a.id;
  j["title"] = a.title;
  j["date"] = a.date;
  j["source"] = a.source;
  if (!a.url.empty()) j["url"] = a.url;
  if (!a.category.empty()) j["category"] = a.category;
  if (!a.lang.empty()) j["lang"] = a.lang;
  j["body"] = a.body();
  nlohmann::json removed = nlohmann::json::array();
  for (const auto& r : a.removed) removed.push_back({{"text", r.text}, {"reason", r.reason}});
  j["removed"] = std::move(removed);
  return j;
}

void print_text(std::ostream& out, const extract::CleanedArticle& a, bool show_removed) {
  out << "== " << a.id << (a.title.empty() ? "" : " | ") << a.title << "\n";
  if (!a.date.empty() || !a.source.empty()) out << a.date << (a.date.empty() || a.source.empty() ? "" : " | ") << a.source << "\n";
  out << a.body() << "\n";
  if (show_removed && !a.removed.empty()) {
    out << "-- removed (" << a.removed.size() << ")\n";
    for (const auto& r : a.removed) out << "  [" << r.reason << "] " << r.text << "\n";
  }
  out << "\n";
}

int run_clean(const CleanArgs& args) {
  ReadSummary summary;
  std::vector<extract::PreparedArticle> prepared = read_and_prepare(args.paths, args.quiet, args.threads, summary);
  if (prepared.empty()) {
    std::cerr << "masar clean: no article could be read\n";
    return kExitInputError;
  }
  extract::Cleaner cleaner(extract::CleanOptions{args.recurrent_min_count, !args.no_source_stats});
  std::vector<extract::CleanedArticle> cleaned(prepared.size());
  cleaner.clean_batch(std::move(prepared), args.threads,
                      [&](std::size_t i, extract::CleanedArticle&& a) { cleaned[i] = std::move(a); });

  // Serialize in parallel, write in input order.
  std::vector<std::string> rendered(cleaned.size());
  util::parallel_for(cleaned.size(), args.threads, [&](std::size_t i) {
    if (args.json) {
      rendered[i] = to_json(cleaned[i]).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      rendered[i] += '\n';
    } else {
      std::ostringstream out;
      print_text(out, cleaned[i], args.show_removed);
      rendered[i] = out.str();
    }
  });
  std::ios::sync_with_stdio(false);
  std::size_t removed_lines = 0;
  for (std::size_t i = 0; i < cleaned.size(); ++i) {
    removed_lines += cleaned[i].removed.size();
    std::cout << rendered[i];
  }
  std::cout.flush();
  if (!args.quiet) {
    std::cerr << "masar clean: " << cleaned.size() << " articles cleaned, " << removed_lines
              << " boilerplate lines removed, " << summary.problems << " input problems skipped\n";
  }
  return kExitOk;
}

}  // namespace

void add_clean_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<CleanArgs>();
  auto* cmd = app.add_subcommand("clean", "Clean articles (boilerplate, broken words, metadata) and print them");
  cmd->add_option("paths", args->paths, "Files or folders (.jsonl, .jsonl.zst, .txt, .html); - reads JSON Lines from stdin")
      ->required();
  cmd->add_flag("--json", args->json, "One JSON object per article (id, title, date, source, body, removed)");
  cmd->add_flag("--show-removed", args->show_removed, "In text output, list the removed lines and why");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress or summary on stderr");
  cmd->add_flag("--no-source-stats", args->no_source_stats, "Only in-document rules, no statistics across a source");
  cmd->add_option("--recurrent-min", args->recurrent_min_count, "Articles of one source a line must recur in to be boilerplate")
      ->check(CLI::PositiveNumber);
  cmd->add_option("-j,--threads", args->threads, "Worker threads")->check(CLI::Range(1u, 256u));
  cmd->callback([args, &action] { action = [args] { return run_clean(*args); }; });
}

}  // namespace masar::cli
