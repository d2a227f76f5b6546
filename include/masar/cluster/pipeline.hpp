// Event and story tracking over a Store: every stored article not yet in an event is tracked,
// in publication order, against the events and stories already saved. `masar ingest` runs it
// after storing; `masar recluster` forgets everything and runs it over the whole archive.
#pragma once

#include <cstddef>
#include <functional>

#include "masar/cluster/features.hpp"
#include "masar/cluster/tracker.hpp"
#include "masar/error.hpp"
#include "masar/store/store.hpp"

namespace masar::cluster {

struct ClusterOptions {
  FeatureOptions features;
  TrackerOptions tracker;
  unsigned threads = 1;
  std::size_t batch_size = 5000;  // articles per transaction
};

struct ClusterSummary {
  std::size_t articles = 0;  // tracked (copies included)
  std::size_t copies = 0;    // duplicates counted in their original's event
  std::size_t new_events = 0;
  std::size_t new_stories = 0;
};

class FeatureCache;

// `progress(done, total)` after each batch. `counted`: what an ingest counted of the articles
// while storing them (feature_cache.hpp), taken out of it as they are tracked; the options of
// its counting must be `options.features`.
Result<ClusterSummary> cluster_pending(store::Store& store, const ClusterOptions& options,
                                       const std::function<void(std::size_t, std::size_t)>& progress = {},
                                       FeatureCache* counted = nullptr);
Result<ClusterSummary> recluster(store::Store& store, const ClusterOptions& options,
                                 const std::function<void(std::size_t, std::size_t)>& progress = {});

// The analyzer version (text::kAnalyzerVersion) the saved events and stories were tracked
// with: their centroids hold its terms, and tracking goes on from them. nullopt when nothing
// was tracked; 1 for a file tracked before versions were recorded. `masar recluster` tracks
// everything again with the current one.
Result<std::optional<int>> tracked_with_analyzer(const store::Store& store);

// "YYYY-MM-DD" of a time in days since the epoch ("" for 0: undated).
std::string date_of_days(double days);

}  // namespace masar::cluster
