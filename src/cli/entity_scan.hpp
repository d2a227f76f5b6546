// The entity stage, and the event records coded in the same pass, as `masar ingest` and
// `masar entities --rescan` run them.
#pragma once

#include <optional>
#include <string_view>

#include "masar/entities/ner.hpp"
#include "masar/entities/pipeline.hpp"

namespace masar::cli {

// Scans the articles not yet scanned (all of them again with `from_scratch`) with the built-in
// model, progress on stderr, then one summary line starting with `who`. Errors are returned for
// the caller to report: Errc::not_found when this build has no model.
Result<entities::EntityRunSummary> scan_entities(store::Store& store, unsigned threads, bool quiet, bool from_scratch,
                                                 std::string_view who);

// The built-in tagger for a command that codes sentences (`masar code`, `masar train events`),
// left empty with `no_entities`. False, after "masar COMMAND: reason (use --no-entities)" on
// stderr, when this build has none.
bool load_sentence_tagger(std::string_view command, bool no_entities, std::optional<entities::NerModel>& tagger);

}  // namespace masar::cli
