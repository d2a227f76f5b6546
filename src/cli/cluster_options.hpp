// The tracking knobs shared by `masar ingest` and `masar recluster` (defaults calibrated on
// events-dev, docs/quality.md §5).
#pragma once

#include <CLI/CLI.hpp>

#include "masar/cluster/pipeline.hpp"

namespace masar::cli {

inline void add_cluster_options(CLI::App* cmd, cluster::ClusterOptions& o) {
  auto& t = o.tracker;
  cmd->add_option("--event-threshold", t.event_threshold, "Similarity an article needs to join an event")->group("Tracking");
  cmd->add_option("--event-tau", t.event_tau_days, "Event time decay, days")->group("Tracking");
  cmd->add_option("--event-grace", t.event_grace_days, "Days before the event decay starts")->group("Tracking");
  cmd->add_option("--story-threshold", t.story_threshold, "Similarity a new event needs to join a story")->group("Tracking");
  cmd->add_option("--story-tau", t.story_tau_days, "Story time decay, days")->group("Tracking");
  cmd->add_option("--story-grace", t.story_grace_days, "Days before the story decay starts")->group("Tracking");
  cmd->add_option("--story-merge-threshold", t.story_merge_threshold,
                  "Centroid similarity at which a growing event's lone story folds into another")->group("Tracking");
  cmd->add_option("--title-weight", o.features.title_weight, "Weight of title terms")->group("Tracking");
  cmd->add_option("--article-terms", o.features.vector_terms, "Terms kept per article vector")->group("Tracking");
  cmd->add_option("--recent-share", o.features.recent_share, "Weight of the recent-window idf (0..1)")->group("Tracking");
  cmd->add_option("--recent-days", o.features.recent_days, "Recent window for idf, days")->group("Tracking");
}

}  // namespace masar::cli
