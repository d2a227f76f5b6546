#include "store_notes.hpp"

#include <iostream>

#include "masar/text/analyzer.hpp"

namespace masar::cli {

void note_index_analyzer(const store::Store& store, std::string_view command, std::string_view db) {
  if (const auto before = store.reindexed_from()) {
    std::cerr << "masar " << command << ": " << db << ": its full-text index was built with analyzer " << *before
              << "; re-indexed with analyzer " << text::kAnalyzerVersion
              << ". Events and stories keep the old terms until `masar recluster --db " << db << "`\n";
    return;
  }
  const int built_with = store.index_analyzer_version();
  if (built_with != text::kAnalyzerVersion) {
    std::cerr << "masar " << command << ": warning: " << db << " was indexed with analyzer " << built_with
              << " and this masar analyzes with " << text::kAnalyzerVersion
              << ": some words will not match until a writer re-indexes it (`masar recluster --db " << db << "`)\n";
  }
}

}  // namespace masar::cli
