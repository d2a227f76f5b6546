#include "store_notes.hpp"

#include <iostream>

#include "masar/cluster/pipeline.hpp"
#include "masar/entities/pipeline.hpp"
#include "masar/text/analyzer.hpp"

namespace masar::cli {

void note_index_analyzer(const store::Store& store, std::string_view command, std::string_view db) {
  if (const auto before = store.reindexed_from()) {
    std::cerr << "masar " << command << ": " << db << ": its full-text index was built with analyzer " << *before
              << "; re-indexed with analyzer " << text::kAnalyzerVersion << "\n";
    return;
  }
  const int built_with = store.index_analyzer_version();
  if (built_with != text::kAnalyzerVersion) {
    std::cerr << "masar " << command << ": warning: " << db << " was indexed with analyzer " << built_with
              << " and this masar analyzes with " << text::kAnalyzerVersion
              << ": some words will not match until a writer re-indexes it (`masar recluster --db " << db << "`)\n";
  }
}

void note_stale_derived_data(const store::Store& store, std::string_view command, std::string_view db) {
  const auto tracked = cluster::tracked_with_analyzer(store);
  if (tracked && tracked.value() && *tracked.value() != text::kAnalyzerVersion) {
    std::cerr << "masar " << command << ": warning: the events and stories of " << db << " were tracked with analyzer "
              << *tracked.value() << " (this masar: " << text::kAnalyzerVersion << "); `masar recluster --db " << db
              << "` tracks them again\n";
  }
  const auto made_by = entities::entities_made_by(store);
  if (made_by && made_by.value() && *made_by.value() != entities::kEntityRulesVersion) {
    std::cerr << "masar " << command << ": warning: the entities and event records of " << db << " were made by entity rules "
              << *made_by.value() << " (this masar: " << entities::kEntityRulesVersion << "); `masar entities --rescan --db "
              << db << "` makes them again\n";
  }
}

}  // namespace masar::cli
