// The entity stage, and the event records coded in the same pass, as `masar ingest` and
// `masar entities --rescan` run them.
#pragma once

#include <string_view>

#include "masar/entities/pipeline.hpp"

namespace masar::cli {

// Scans the articles not yet scanned (all of them again with `from_scratch`) with the built-in
// model, progress on stderr, then one summary line starting with `who`. Errors are returned for
// the caller to report: Errc::not_found when this build has no model.
Result<entities::EntityRunSummary> scan_entities(store::Store& store, unsigned threads, bool quiet, bool from_scratch,
                                                 std::string_view who);

}  // namespace masar::cli
