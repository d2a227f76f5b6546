// The shapes event records are exported in, shared by `masar events` and the HTTP API: one
// JSON object per record, and one flat row per record (tab- or comma-separated, in the spirit
// of GDELT's event table).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "masar/events/records.hpp"

namespace masar::events {

// {id, event, mode, date, date_precision, source [{text, entity}], target [...], location,
//  series {name, ordinal}, articles [ids], sentences [{article, index, text}]}
// Members in this order (docs/api.md).
nlohmann::ordered_json record_json(const EventRecord& record);

// Column names, then the row of a record: actors joined by "; ", entity ids likewise.
const std::vector<std::string>& row_header();
std::vector<std::string> record_row(const EventRecord& record);

}  // namespace masar::events
