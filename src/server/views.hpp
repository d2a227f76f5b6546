// JSON views of the core's results, as docs/api.md shapes them.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "masar/cluster/queries.hpp"
#include "masar/entities/pipeline.hpp"
#include "masar/search/searcher.hpp"
#include "masar/store/store.hpp"
#include "server/http.hpp"

namespace masar::server {

// Marks the searcher puts around matches: bytes that never occur in valid UTF-8, hence never
// in stored text, so they can be told from the text after it is escaped.
inline constexpr std::string_view kMarkOpen = "\xFF";
inline constexpr std::string_view kMarkClose = "\xFE";

// Text marked with kMarkOpen/kMarkClose as HTML: the text escaped piece by piece, the marks
// as <mark> and </mark>, always balanced and never nested.
std::string marked_html(std::string_view marked);

// "YYYY-MM-DD" of a stored date ("" when unknown).
std::string day_of(const std::string& date);

Json hit_json(const search::SearchHit& hit);
Json facets_json(const search::SearchFacets& facets);
Json story_json(const cluster::StoryInfo& story);
Json event_json(const cluster::EventInfo& event);
Json entity_json(const entities::EntityInfo& entity);
Json article_json(const store::StoredArticle& stored);

}  // namespace masar::server
