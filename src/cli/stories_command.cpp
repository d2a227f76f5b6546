// masar stories --db DB [--query Q] [--from D] [--to D] [--limit N] [--json]
// masar timeline --db DB (--story ID | QUERY) [--json]
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/date_options.hpp"
#include "masar/cluster/queries.hpp"

namespace masar::cli {
namespace {

using nlohmann::json;

std::string span(const std::string& first, const std::string& last) {
  if (first.empty()) return "(undated)";
  return first == last ? first : first + " … " + last;
}

std::string joined(const std::vector<std::string>& items, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < max; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > max) out += ", +" + std::to_string(items.size() - max);
  return out;
}

json story_json(const cluster::StoryInfo& s) {
  return {{"id", s.id},           {"label", s.label},     {"first_date", s.first_date}, {"last_date", s.last_date},
          {"events", s.events},   {"articles", s.articles}, {"sources", s.sources},     {"matches", s.matches}};
}

struct StoriesArgs {
  std::string db;
  cluster::StoryFilter filter;
  bool json = false;
};

int run_stories(const StoriesArgs& args) {
  auto store = store::Store::open(args.db, store::OpenMode::read_only);
  if (!store) {
    std::cerr << "masar stories: " << store.error().message << "\n";
    return kExitFailure;
  }
  auto stories = cluster::list_stories(store.value(), args.filter);
  if (!stories) {
    std::cerr << "masar stories: " << stories.error().message << "\n";
    return stories.error().code == Errc::invalid_argument ? kExitUsage : kExitFailure;
  }
  for (const auto& s : stories.value()) {
    if (args.json) {
      std::cout << story_json(s).dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
      continue;
    }
    std::cout << "S" << s.id << "  " << s.label << "\n    " << span(s.first_date, s.last_date) << " · " << s.events
              << " events · " << s.articles << " articles · " << s.sources.size() << " outlets ("
              << joined(s.sources, 4) << ")" << (args.filter.query.empty() ? "" : " · " + std::to_string(s.matches) + " matching")
              << "\n";
  }
  return kExitOk;
}

struct TimelineArgs {
  std::string db;
  std::int64_t story = 0;
  std::vector<std::string> query;  // its words, as given after the options
  bool json = false;
};

int run_timeline(const TimelineArgs& args) {
  auto store = store::Store::open(args.db, store::OpenMode::read_only);
  if (!store) {
    std::cerr << "masar timeline: " << store.error().message << "\n";
    return kExitFailure;
  }
  std::int64_t id = args.story;
  std::string query;
  for (const auto& word : args.query) query += (query.empty() ? "" : " ") + word;
  if (id == 0) {  // the story that best matches the query
    cluster::StoryFilter filter;
    filter.query = query;
    filter.limit = 1;
    auto found = cluster::list_stories(store.value(), filter);
    if (!found) {
      std::cerr << "masar timeline: " << found.error().message << "\n";
      return kExitFailure;
    }
    if (found->empty()) {
      std::cerr << "masar timeline: no story matches \"" << query << "\"\n";
      return kExitFailure;
    }
    id = found->front().id;
  }
  auto info = cluster::story_info(store.value(), id);
  auto events = cluster::story_timeline(store.value(), id);
  if (!info || !events) {
    std::cerr << "masar timeline: " << (!info ? info.error().message : events.error().message) << "\n";
    return kExitFailure;
  }
  if (!info.value()) {
    std::cerr << "masar timeline: no story S" << id << "\n";
    return kExitFailure;
  }
  const auto& s = *info.value();
  if (args.json) {
    json out = story_json(s);
    out["timeline"] = json::array();
    for (const auto& e : events.value()) {
      out["timeline"].push_back({{"id", e.id}, {"label", e.label}, {"first_date", e.first_date}, {"last_date", e.last_date},
                                 {"articles", e.articles}, {"copies", e.copies}, {"sources", e.sources},
                                 {"article_ids", e.article_ids}});
    }
    std::cout << out.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  std::cout << "S" << s.id << "  " << s.label << "\n" << span(s.first_date, s.last_date) << " · " << s.events << " events · "
            << s.articles << " articles\n\n";
  for (const auto& e : events.value()) {
    std::cout << span(e.first_date, e.last_date) << "  E" << e.id << "  " << e.label << "\n    " << e.articles << " articles"
              << (e.copies ? " (+" + std::to_string(e.copies) + " copies)" : "") << " · " << e.sources.size() << " outlets ("
              << joined(e.sources, 4) << ") · " << joined(e.article_ids, 5) << "\n";
  }
  return kExitOk;
}

}  // namespace

void add_stories_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<StoriesArgs>();
  auto* cmd = app.add_subcommand("stories", "Stories (threads of events) with label, dates and sizes");
  cmd->add_option("--db", args->db, "SQLite database file")->required();
  cmd->add_option("--query", args->filter.query, "Only stories with articles matching this search");
  add_date_option(*cmd, "--from", args->filter.from, extract::DateEdge::first, "Stories still running on or after");
  add_date_option(*cmd, "--to", args->filter.to, extract::DateEdge::last, "Stories started on or before");
  cmd->add_option("--limit", args->filter.limit, "How many stories")->check(CLI::Range(1, 100000));
  cmd->add_option("--min-articles", args->filter.min_articles, "Smallest story shown");
  cmd->add_flag("--json", args->json, "One JSON object per story");
  cmd->callback([args, &action] { action = [args] { return run_stories(*args); }; });
}

void add_timeline_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<TimelineArgs>();
  auto* cmd = app.add_subcommand("timeline", "The events of a story in date order");
  cmd->add_option("--db", args->db, "SQLite database file")->required();
  auto* story = cmd->add_option("--story", args->story, "Story id (S12 or 12)")->transform([](const std::string& s) {
    return !s.empty() && (s[0] == 'S' || s[0] == 's') ? s.substr(1) : s;
  });
  auto* query = cmd->add_option("query", args->query, "Search words (quoted or not): the best-matching story");
  story->excludes(query);
  cmd->add_flag("--json", args->json, "JSON output");
  cmd->callback([args, &action, cmd] {
    if (args->story == 0 && args->query.empty()) throw CLI::ValidationError("timeline", "give --story ID or a QUERY");
    (void)cmd;
    action = [args] { return run_timeline(*args); };
  });
}

}  // namespace masar::cli
