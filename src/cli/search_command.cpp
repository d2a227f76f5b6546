// masar search --db DB [--limit N] [--from D] [--to D] [--source S] [--json] QUERY
// masar search --db DB --queries FILE.tsv --format trec [--limit 100]
#include <algorithm>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/date_options.hpp"
#include "cli/store_notes.hpp"
#include "masar/search/searcher.hpp"

namespace masar::cli {
namespace {

struct SearchArgs {
  std::string db;
  std::string query;
  std::string queries_file;
  std::string format = "text";
  std::string mode = "auto";
  search::SearchRequest request;
  bool json = false;
  bool latency = false;
  std::string unused_positional;  // never set: see the "--" note in add_search_command
};

search::ModeChoice mode_of(const std::string& m) {
  return m == "all" ? search::ModeChoice::all : m == "any" ? search::ModeChoice::any : search::ModeChoice::automatic;
}

nlohmann::json hits_json(const search::SearchResponse& r) {
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& h : r.hits) {
    hits.push_back({{"id", h.id}, {"title", h.title}, {"date", h.date}, {"source", h.source},
                    {"snippet", h.snippet}, {"score", h.score}, {"duplicates", h.duplicates}});
  }
  return hits;
}

int run_batch(const store::Store& store, const SearchArgs& args) {
  std::ifstream in(args.queries_file);
  if (!in) {
    std::cerr << "masar search: cannot open " << args.queries_file << "\n";
    return kExitInputError;
  }
  std::string line;
  std::size_t line_no = 0, failures = 0;
  std::vector<double> took;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::size_t tab = line.find('\t');
    if (line.empty()) continue;
    if (tab == std::string::npos) {
      std::cerr << "masar search: " << args.queries_file << ":" << line_no << ": expected qid<TAB>query\n";
      ++failures;
      continue;
    }
    search::SearchRequest req = args.request;
    req.query = line.substr(tab + 1);
    req.snippets = args.format != "trec";  // a TREC run needs ids and scores only
    auto r = search::search(store, req);
    if (!r) {
      std::cerr << "masar search: " << args.queries_file << ":" << line_no << ": " << r.error().message << "\n";
      ++failures;
      continue;
    }
    took.push_back(r->took_ms);
    const std::string qid = line.substr(0, tab);
    std::size_t trec_rank = 0;
    for (std::size_t rank = 0; rank < r->hits.size(); ++rank) {
      const auto& h = r->hits[rank];
      if (args.format == "trec") {
        // A run ranks documents, and each copy is a document: copies follow their original.
        std::cout << qid << " Q0 " << h.id << ' ' << ++trec_rank << ' ' << h.score << " masar\n";
        for (const auto& copy : h.duplicates) {
          std::cout << qid << " Q0 " << copy << ' ' << ++trec_rank << ' ' << h.score << " masar\n";
        }
      } else {
        std::string snippet = h.snippet;
        std::replace(snippet.begin(), snippet.end(), '\n', ' ');
        std::cout << qid << '\t' << rank + 1 << '\t' << h.id << '\t' << h.score << '\t' << snippet << '\n';
      }
    }
  }
  if (args.latency && !took.empty()) {
    std::sort(took.begin(), took.end());
    auto pct = [&](double p) { return took[std::min(took.size() - 1, static_cast<std::size_t>(p * took.size()))]; };
    std::cerr << "masar search: " << took.size() << " queries, latency p50 " << pct(0.50) << " ms, p90 " << pct(0.90)
              << " ms, p99 " << pct(0.99) << " ms, max " << took.back() << " ms\n";
  }
  return failures > 0 && failures == line_no ? kExitFailure : kExitOk;
}

int run_search(const SearchArgs& args) {
  auto store = store::Store::open(args.db, store::OpenMode::read_only);
  if (!store) {
    std::cerr << "masar search: " << store.error().message << "\n";
    return kExitFailure;
  }
  note_index_analyzer(store.value(), "search", args.db);
  if (!args.queries_file.empty()) return run_batch(store.value(), args);
  if (args.query.empty()) {
    std::cerr << "masar search: give a QUERY or --queries FILE.tsv\n";
    return kExitUsage;
  }
  search::SearchRequest req = args.request;
  req.query = args.query;
  if (args.json) {
    req.mark_open = "<mark>";
    req.mark_close = "</mark>";
  }
  auto r = search::search(store.value(), req);
  if (!r) {
    std::cerr << "masar search: " << r.error().message << "\n";
    return kExitFailure;
  }
  if (args.json) {
    nlohmann::json out = {{"query", args.query}, {"took_ms", r->took_ms}, {"hits", hits_json(r.value())}};
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  if (r->hits.empty()) std::cout << "no hits\n";
  auto one_line = [](std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');  // snippets span paragraphs
    return s;
  };
  for (std::size_t i = 0; i < r->hits.size(); ++i) {
    const auto& h = r->hits[i];
    std::cout << i + 1 + req.offset << ". " << h.title << "\n   " << h.id << " | " << h.date << " | " << h.source
              << "\n   " << one_line(h.snippet) << "\n";
  }
  return kExitOk;
}

// The words after the first query word, options among them taken out and applied: "masar
// search --db x.db أستانا --limit 3" limits to 3 hits instead of searching for "--limit" and "3".
// Only a word starting with "--" can be an option ("-سوتشي" excludes a word); after a "--" every
// word is the query's. Mistakes throw CLI11's parse errors, so they read as any other.
std::vector<std::string> query_words(CLI::App& cmd, const std::vector<std::string>& words) {
  std::vector<std::string> query;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word == "--") {
      query.insert(query.end(), words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.end());
      break;
    }
    if (!word.starts_with("--")) {
      query.push_back(word);
      continue;
    }
    const std::size_t equals = word.find('=');
    const std::string name = word.substr(0, equals);
    CLI::Option* option = cmd.get_option_no_throw(name);
    if (option == nullptr) throw CLI::ExtrasError(cmd.get_name(), {word});
    std::string value;
    if (option->get_expected_max() == 0) {  // a flag
      value = option->get_flag_value(name.substr(2), equals == std::string::npos ? "" : word.substr(equals + 1));
    } else if (equals != std::string::npos) {
      value = word.substr(equals + 1);
    } else if (i + 1 < words.size()) {
      value = words[++i];
    } else {
      throw CLI::ArgumentMismatch(name + ": needs a value");
    }
    option->clear();
    option->add_result(value);
    option->run_callback();  // checks the value as on the command line, then stores it
  }
  return query;
}

}  // namespace

void add_search_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<SearchArgs>();
  auto* cmd = app.add_subcommand("search", "Search a database (words, \"phrases\", -excluded, OR)");
  cmd->add_option("--db", args->db, "SQLite database file")->required();
  // Everything after the options is the query, so that "-word" excludes a word instead of
  // being read as an option: masar search --db x.db محادثات أستانا -سوتشي
  cmd->prefix_command();
  // "--" ends the options too. CLI11 hands a "--" to the parent command when the subcommand
  // has no positional left to fill, and the parent refuses the words after it; this positional
  // accepts no word (its check fails, so the words go to the query as before) but keeps the
  // "--" here.
  cmd->validate_positionals();
  cmd->add_option("QUERY", args->unused_positional, "Words, \"phrases\", -excluded, a OR b (after the options)")
      ->check(CLI::Validator([](std::string&) { return std::string("part of the query"); }, "", ""));
  cmd->footer("QUERY: words, \"quoted phrases\" (quote them for the shell), -excluded, a OR b; options (--name) may follow it, "
              "words after -- are all the query's.");
  cmd->add_option("--limit", args->request.limit, "Hits to return")->check(CLI::Range(1, 10000));
  cmd->add_option("--offset", args->request.offset, "Hits to skip");
  add_date_option(*cmd, "--from", args->request.from, extract::DateEdge::first, "Earliest date");
  add_date_option(*cmd, "--to", args->request.to, extract::DateEdge::last, "Latest date (inclusive)");
  cmd->add_option("--source", args->request.source, "Only this outlet");
  cmd->add_option("--mode", args->mode, "auto (all words for short queries), all, any")
      ->check(CLI::IsMember({"auto", "all", "any"}));
  cmd->add_flag("--json", args->json, "One JSON object with the hits");
  cmd->add_option("--common-share", args->request.common_word_share,
                  "Any-word mode: leave out words found in more than this share of articles (1 = keep all)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("!--no-coverage", args->request.coverage,
                "Keep BM25F's order of the best hits (no reordering by the share of query words they hold)");
  cmd->add_option("--feedback-docs", args->request.feedback_docs, "Pseudo-relevance feedback: top hits that suggest terms (0 = off)");
  cmd->add_option("--feedback-terms", args->request.feedback_terms, "Pseudo-relevance feedback: terms added");
  cmd->add_option("--feedback-weight", args->request.feedback_weight, "Pseudo-relevance feedback: weight of added terms");
  cmd->add_option("--queries", args->queries_file, "Batch mode: qid<TAB>query lines");
  cmd->add_flag("--latency", args->latency, "Batch mode: print latency percentiles on stderr");
  cmd->add_option("--format", args->format, "Batch output format")->check(CLI::IsMember({"trec", "text"}));
  cmd->callback([args, cmd, &action] {
    for (const auto& word : query_words(*cmd, cmd->remaining())) args->query += (args->query.empty() ? "" : " ") + word;
    args->request.mode = mode_of(args->mode);
    action = [args] { return run_search(*args); };
  });
}

}  // namespace masar::cli
