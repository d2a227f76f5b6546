#include "cli/entity_scan.hpp"

#include <iostream>

#include "cli/progress.hpp"
#include "masar/events/records.hpp"

namespace masar::cli {

Result<entities::EntityRunSummary> scan_entities(store::Store& store, unsigned threads, bool quiet, bool from_scratch,
                                                 std::string_view who) {
  auto model = entities::NerModel::builtin();
  if (!model) return model.error();
  entities::EntityRunOptions options;
  options.threads = threads;
  Progress progress("entities", 0, quiet);
  const auto report = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  // Event records are coded from the same pass: the sentences and mentions are at hand.
  events::RecordWriter records(store);
  auto done = from_scratch ? entities::rescan(store, model.value(), options, report, &records)
                           : entities::scan_pending(store, model.value(), options, report, &records);
  progress.finish();
  if (!done) return done.error();
  std::cerr << who << ": entities of " << done->articles << " articles: " << done->mentions << " mentions, "
            << done->new_entities << " new entities, " << done->folded << " names folded; "
            << records.reports() << " event reports, " << records.new_records() << " new event records; "
            << progress.elapsed() << " s\n";
  return done;
}

bool load_sentence_tagger(std::string_view command, bool no_entities, std::optional<entities::NerModel>& tagger) {
  if (no_entities) return true;
  auto loaded = entities::NerModel::builtin();
  if (!loaded) {
    std::cerr << "masar " << command << ": " << loaded.error().message << " (use --no-entities)\n";
    return false;
  }
  tagger = std::move(loaded.value());
  return true;
}

}  // namespace masar::cli
