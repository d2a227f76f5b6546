// Reading events and stories back: what `masar clusters`, `stories` and `timeline` print and
// what the HTTP API will serve.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "masar/error.hpp"
#include "masar/store/store.hpp"

namespace masar::cluster {

struct ArticleAssignment {
  std::string id;
  std::int64_t event = 0, story = 0;
};
// Every clustered article with its event and story, in storage order.
Status for_each_assignment(const store::Store& store, const std::function<void(const ArticleAssignment&)>& fn);
// The event and story of one article; nullopt when it is not (yet) tracked.
Result<std::optional<ArticleAssignment>> article_assignment(const store::Store& store, const std::string& article_id);

struct StoryInfo {
  std::int64_t id = 0;
  std::string label;
  std::string first_date, last_date;  // "YYYY-MM-DD", "" when undated
  std::int64_t events = 0, articles = 0;
  std::vector<std::string> sources;
  std::int64_t matches = 0;  // with a query: articles of the story that match it
};

struct StoryFilter {
  std::string query;     // search syntax (search/query.hpp); empty lists every story
  std::string from, to;  // "YYYY-MM-DD", inclusive, on the story's span
  std::size_t limit = 20;
  std::size_t offset = 0;  // stories to skip (paging)
  std::size_t min_articles = 1;
};
// Without a query: the biggest stories first. With one: stories ranked by how many of their
// articles match it (then size).
Result<std::vector<StoryInfo>> list_stories(const store::Store& store, const StoryFilter& filter);

struct EventInfo {
  std::int64_t id = 0;
  std::string label;
  std::string first_date, last_date;
  std::int64_t articles = 0;  // distinct articles; copies counted once
  std::int64_t copies = 0;
  std::vector<std::string> sources;
  std::vector<std::string> article_ids;  // originals, then copies
};

// The events of a story in date order; nullopt when there is no such story.
Result<std::optional<StoryInfo>> story_info(const store::Store& store, std::int64_t story);
Result<std::vector<EventInfo>> story_timeline(const store::Store& store, std::int64_t story);

}  // namespace masar::cluster
