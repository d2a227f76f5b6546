// JSON and flat-row views of event records.
#include "masar/events/format.hpp"

#include "masar/cluster/series.hpp"

namespace masar::events {
namespace {

nlohmann::ordered_json actor_json(const Actor& a) {
  return {{"text", a.text}, {"entity", a.entity ? nlohmann::ordered_json(*a.entity) : nlohmann::ordered_json(nullptr)}};
}

nlohmann::ordered_json actors_json(const std::vector<Actor>& actors) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& a : actors) out.push_back(actor_json(a));
  return out;
}

std::string join_texts(const std::vector<Actor>& actors) {
  std::string out;
  for (const auto& a : actors) out += (out.empty() ? "" : "; ") + a.text;
  return out;
}

std::string join_entities(const std::vector<Actor>& actors) {
  std::string out;
  for (const auto& a : actors) {
    if (a.entity) out += (out.empty() ? "" : "; ") + std::to_string(*a.entity);
  }
  return out;
}

}  // namespace

nlohmann::ordered_json record_json(const EventRecord& r) {
  nlohmann::ordered_json sentences = nlohmann::ordered_json::array();
  for (const auto& s : r.sentences) sentences.push_back({{"article", s.article}, {"index", s.index}, {"text", s.text}});
  nlohmann::ordered_json series = nullptr;
  if (r.series_name) series = {{"name", cluster::series_display_name(*r.series_name)}, {"ordinal", r.series_ordinal.value_or(0)}};
  return {{"id", r.id},
          {"event", type_name(r.type)},
          {"mode", mode_name(r.mode)},
          {"date", r.date},
          {"date_precision", r.date_precision},
          {"source", actors_json(r.sources)},
          {"target", actors_json(r.targets)},
          {"location", r.location ? actor_json(*r.location) : nlohmann::ordered_json(nullptr)},
          {"series", std::move(series)},
          {"articles", r.articles},
          {"copies", r.copies},
          {"outlets", r.outlets},
          {"sentences", std::move(sentences)}};
}

const std::vector<std::string>& row_header() {
  static const std::vector<std::string> header = {
      "id", "date", "date_precision", "event", "mode", "source", "source_entities", "target", "target_entities",
      "location", "location_entity", "series", "ordinal", "articles", "sentences", "first_article", "copies", "outlets"};
  return header;
}

std::vector<std::string> record_row(const EventRecord& r) {
  return {std::to_string(r.id),
          r.date,
          r.date_precision,
          type_name(r.type),
          mode_name(r.mode),
          join_texts(r.sources),
          join_entities(r.sources),
          join_texts(r.targets),
          join_entities(r.targets),
          r.location ? r.location->text : "",
          r.location && r.location->entity ? std::to_string(*r.location->entity) : "",
          r.series_name ? cluster::series_display_name(*r.series_name) : "",
          r.series_ordinal ? std::to_string(*r.series_ordinal) : "",
          std::to_string(r.articles.size()),
          std::to_string(r.sentences.size()),
          r.articles.empty() ? "" : r.articles.front(),
          std::to_string(r.copies.size()),
          std::to_string(r.outlets.size())};
}

}  // namespace masar::events
