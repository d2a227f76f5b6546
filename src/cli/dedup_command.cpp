// masar dedup [--threshold 0.8] [--json] [--quiet] PATH...
// Cleans each article (so page furniture does not make two reports look alike or different),
// fingerprints the bodies in parallel, decides in input order, and prints the groups.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/input.hpp"
#include "cli/progress.hpp"
#include "masar/dedup/dedup.hpp"
#include "masar/extract/cleaner.hpp"
#include "masar/util/parallel.hpp"

namespace masar::cli {
namespace {

struct DedupArgs {
  std::vector<std::string> paths;
  double threshold = 0.8;
  bool json = false;
  bool quiet = false;
  unsigned threads = util::default_threads();
};

int run_dedup(const DedupArgs& args) {
  dedup::Options options;
  options.threshold = args.threshold;
  if (Status s = dedup::validate(options); !s) {
    std::cerr << "masar dedup: " << s.error().message << "\n";
    return kExitUsage;
  }
  ReadSummary read;
  std::vector<extract::PreparedArticle> prepared = read_and_prepare(args.paths, args.quiet, args.threads, read);
  if (prepared.empty()) {
    std::cerr << "masar dedup: no article could be read\n";
    return kExitInputError;
  }
  Progress progress("dedup", prepared.size(), args.quiet);
  std::vector<std::string> ids(prepared.size());
  std::vector<dedup::Fingerprint> fps(prepared.size());
  extract::Cleaner().clean_batch(std::move(prepared), args.threads, [&](std::size_t i, extract::CleanedArticle&& a) {
    ids[i] = std::move(a.id);
    fps[i] = dedup::fingerprint(a.body(), options);
  });
  dedup::Deduplicator deduplicator(options);
  for (std::size_t i = 0; i < fps.size(); ++i) {
    deduplicator.add(i, fps[i]);
    progress.advance();
  }
  progress.finish();

  const auto groups = deduplicator.groups();
  std::size_t group_no = 0;
  for (const auto& g : groups) {
    ++group_no;
    if (args.json) {
      nlohmann::json members = nlohmann::json::array();
      for (const auto& m : g.members) {
        members.push_back({{"id", ids[m.doc]}, {"kind", dedup::match_kind_name(m.kind)}, {"similarity", m.similarity}});
      }
      nlohmann::json out = {{"group", group_no}, {"representative", ids[g.representative]}, {"members", std::move(members)}};
      std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      std::cout << "group " << group_no << ": " << ids[g.representative] << "\n";
      for (const auto& m : g.members) {
        std::cout << "  " << dedup::match_kind_name(m.kind) << "\t" << m.similarity << "\t" << ids[m.doc] << "\n";
      }
    }
  }
  const auto stats = deduplicator.stats();
  if (!args.quiet) {
    std::cerr << "masar dedup: " << stats.documents << " articles, " << stats.exact << " exact duplicates, " << stats.near
              << " near duplicates (" << stats.near_pairs << " pairs), " << groups.size() << " groups\n";
  }
  return kExitOk;
}

}  // namespace

void add_dedup_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<DedupArgs>();
  auto* cmd = app.add_subcommand("dedup", "Find exact and near-duplicate articles (MinHash + LSH) and print the groups");
  cmd->add_option("paths", args->paths, "Files or folders (.jsonl, .jsonl.zst, .txt, .html); - reads JSON Lines from stdin")
      ->required();
  cmd->add_option("--threshold", args->threshold, "Jaccard of word 3-shingles at or above which two bodies are near duplicates")
      ->check(CLI::Range(0.05, 1.0));
  cmd->add_flag("--json", args->json, "One JSON object per group");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress or summary on stderr");
  cmd->add_option("-j,--threads", args->threads, "Worker threads")->check(CLI::Range(1u, 256u));
  cmd->callback([args, &action] { action = [args] { return run_dedup(*args); }; });
}

}  // namespace masar::cli
