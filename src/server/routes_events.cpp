// GET /api/events: event records (events/records.hpp) with type, entity, date and series filters,
// as a JSON page or as an export of every match (JSON Lines or CSV).
#include "masar/cluster/series.hpp"
#include "masar/entities/pipeline.hpp"
#include "masar/events/format.hpp"
#include "masar/events/records.hpp"
#include "server/context.hpp"

namespace masar::server {
namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
  return out + "\r\n";
}

}  // namespace

Json record_list_json(const std::vector<events::EventRecord>& records) {
  Json list = Json::array();
  for (const auto& r : records) list.push_back(events::record_json(r));
  return list;
}

Reply get_events(Context& ctx, const Call& call) {
  auto page = call.params.page();
  auto from = call.params.date("from", extract::DateEdge::first);
  auto to = call.params.date("to", extract::DateEdge::last);
  auto entity = call.params.query("entity");
  if (const Error* e = first_error(page, from, to, entity)) return error_reply(api_error(*e));
  const std::string format = call.params.text("format").empty() ? "json" : call.params.text("format");
  if (format != "json" && format != "jsonl" && format != "csv") {
    return error_reply(bad_request("format is json, jsonl or csv, not \"" + format + "\""));
  }
  events::RecordFilter filter;
  filter.from = from.value();
  filter.to = to.value();
  if (const std::string type = call.params.text("type"); !type.empty()) {
    events::EventType t;
    if (!events::parse_type(type, t)) return error_reply(bad_request("type is a PLOVER type such as CONSULT or ASSAULT, not \"" + type + "\""));
    filter.type = t;
  }
  auto series = call.params.query("series");
  if (!series) return error_reply(api_error(series.error()));
  if (!series->empty()) filter.series = cluster::series_name_of(series.value());
  if (const std::string round = call.params.text("round"); !round.empty()) {
    const auto n = parse_id(round);
    if (!n || *n > 200 || series->empty()) return error_reply(bad_request("round is a number from 1 to 200, with series"));
    filter.round = static_cast<int>(*n);
  }
  auto lease = ctx.readers.acquire(ctx.options.limits.query_budget);
  if (!lease) return error_reply(api_error(lease.error()));
  auto& reader = lease.value();
  if (!entity->empty()) {
    auto ids = entities::entities_named(reader.store(), entity.value());
    if (!ids) return read_failure(reader, ids.error());
    if (ids->empty()) return error_reply(not_found("no entity named \"" + entity.value() + "\""));
    filter.entities = std::move(ids.value());
  }
  if (format == "json") {
    filter.limit = page->per_page;
    filter.offset = page->offset();
    auto total = events::count_records(reader.store(), filter);
    if (!total) return read_failure(reader, total.error());
    auto records = events::list_records(reader.store(), filter);
    if (!records) return read_failure(reader, records.error());
    return json_reply({{"page", page->page}, {"per_page", page->per_page}, {"total", total.value()},
                       {"events", record_list_json(records.value())}});
  }
  // Exports hold every match, no paging.
  auto records = events::list_records(reader.store(), filter);
  if (!records) return read_failure(reader, records.error());
  Reply r;
  if (format == "jsonl") {
    r.content_type = "application/x-ndjson; charset=utf-8";
    for (const auto& rec : records.value()) r.body += dump_json(events::record_json(rec)) + "\n";
    return r;
  }
  r.content_type = "text/csv; charset=utf-8";
  r.body = csv_line(events::row_header());
  for (const auto& rec : records.value()) r.body += csv_line(events::record_row(rec));
  return r;
}

}  // namespace masar::server
