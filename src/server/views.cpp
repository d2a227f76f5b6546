#include "server/views.hpp"

#include "server/http.hpp"

namespace masar::server {

std::string marked_html(std::string_view marked) {
  std::string out;
  bool open = false;
  std::size_t at = 0;
  while (at < marked.size()) {
    const std::size_t next = marked.find_first_of("\xFF\xFE", at);
    const std::size_t end = next == std::string_view::npos ? marked.size() : next;
    out += html_escape(marked.substr(at, end - at));
    if (end == marked.size()) break;
    const bool opens = marked[end] == kMarkOpen[0];
    if (opens != open) {  // a stray mark (cannot happen with valid text) is dropped
      out += opens ? "<mark>" : "</mark>";
      open = opens;
    }
    at = end + 1;
  }
  if (open) out += "</mark>";
  return out;
}

std::string day_of(const std::string& date) { return date.substr(0, 10); }

Json hit_json(const search::SearchHit& h) {
  return {{"id", h.id},         {"title", marked_html(h.title)},     {"date", day_of(h.date)},
          {"source", h.source}, {"snippet", marked_html(h.snippet)}, {"score", h.score},
          {"duplicates", h.duplicates}};
}

Json facets_json(const search::SearchFacets& f) {
  const auto counts = [](const std::vector<search::FacetCount>& values) {
    Json out = Json::array();
    for (const auto& v : values) out.push_back({{"value", v.value}, {"count", v.count}});
    return out;
  };
  return {{"source", counts(f.source)}, {"month", counts(f.month)}};
}

Json story_json(const cluster::StoryInfo& s) {
  return {{"id", s.id},         {"label", s.label},       {"first_date", s.first_date}, {"last_date", s.last_date},
          {"events", s.events}, {"articles", s.articles}, {"sources", s.sources}};
}

Json event_json(const cluster::EventInfo& e) {
  return {{"id", e.id},
          {"label", e.label},
          {"first_date", e.first_date},
          {"last_date", e.last_date},
          {"articles", e.articles},
          {"copies", e.copies},
          {"sources", e.sources},
          {"article_ids", e.article_ids}};
}

Json entity_json(const entities::EntityInfo& e) {
  Json aliases = Json::array();
  for (const auto& [text, mentions] : e.aliases) aliases.push_back({{"text", text}, {"mentions", mentions}});
  return {{"id", e.id},
          {"name", e.name},
          {"type", entities::type_name(e.type)},
          {"aliases", aliases},
          {"articles", e.articles},
          {"mentions", e.mentions},
          {"first_date", day_of(e.first_date)},
          {"last_date", day_of(e.last_date)}};
}

Json article_json(const store::StoredArticle& stored) {
  const auto& a = stored.article;
  Json removed = Json::array();
  for (const auto& r : a.removed) removed.push_back({{"text", r.text}, {"reason", r.reason}});
  Json duplicate_of = nullptr;
  if (!stored.duplicate.representative_id.empty()) {
    duplicate_of = {{"id", stored.duplicate.representative_id},
                    {"kind", stored.duplicate.kind},
                    {"similarity", stored.duplicate.similarity}};
  }
  return {{"id", a.id},
          {"title", a.title},
          {"date", day_of(a.date)},
          {"source", a.source},
          {"url", a.url},
          {"paragraphs", a.paragraphs},
          {"removed", removed},
          {"duplicate_of", duplicate_of}};
}

}  // namespace masar::server
