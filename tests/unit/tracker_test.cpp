// Event and story tracking: vector arithmetic, the decisions, and replay determinism.
#include <gtest/gtest.h>

#include <cmath>

#include "masar/cluster/features.hpp"
#include "masar/cluster/tracker.hpp"

using namespace masar::cluster;

namespace {

SparseVector unit(SparseVector v) {
  std::sort(v.begin(), v.end());
  const double n = norm(v);
  for (auto& [t, w] : v) w /= n;
  return v;
}

// An article written with words; track() interns them into the tracker's vocabulary.
struct Words {
  std::int64_t id = 0;
  SparseVector vector;
  double day = 0;
  std::string source;
  bool dated = true;
  std::vector<SeriesKey> series;
};

Words article(std::int64_t id, SparseVector v, double day, std::string source = "a") {
  return Words{id, unit(std::move(v)), day, std::move(source), true, {}};
}

Decision track(Tracker& t, const Words& w) {
  return t.track(TrackedArticle{w.id, t.vocabulary().to_ids(w.vector), {}, w.day, w.dated, w.source, w.series});
}

}  // namespace

TEST(SparseVectors, DotOfSortedVectors) {
  EXPECT_DOUBLE_EQ(dot({{"a", 1}, {"b", 2}, {"d", 3}}, {{"b", 4}, {"c", 5}, {"d", 1}}), 11.0);
  EXPECT_DOUBLE_EQ(dot({}, {{"a", 1}}), 0.0);
}

TEST(SparseVectors, AddMergesByTerm) {
  SparseVector a{{"a", 1}, {"c", 1}};
  add_to(a, {{"b", 2}, {"c", 2}}, 0.5);
  EXPECT_EQ(a, (SparseVector{{"a", 1}, {"b", 1}, {"c", 2}}));
}

TEST(SparseVectors, KeepHeaviestStaysSortedAndBreaksTiesByTerm) {
  SparseVector v{{"a", 1}, {"b", 3}, {"c", 1}, {"d", 2}};
  keep_heaviest(v, 3);
  EXPECT_EQ(v, (SparseVector{{"a", 1}, {"b", 3}, {"d", 2}}));
}

TEST(Features, TitleTermsWeighMoreThanBodyTerms) {
  const auto counts = count_terms("محادثات أستانا", "بدأت المحادثات في العاصمة", FeatureOptions{});
  double astana = 0, capital = 0;
  for (const auto& [t, w] : counts) {
    if (t == "استانا") astana = w;
    if (t == "عاصم") capital = w;
  }
  EXPECT_GT(astana, capital);
  EXPECT_GT(capital, 0);
}

TEST(Features, RareTermsWeighMoreAfterIdf) {
  Vocabulary vocabulary;
  DocumentFrequencies df;
  for (int i = 0; i < 10; ++i) df.add(vocabulary.to_ids({{"سوريا", 1}}));
  df.add(vocabulary.to_ids({{"استانا", 1}}));
  const auto v = vocabulary.to_terms(weigh(vocabulary.to_ids({{"استانا", 1}, {"سوريا", 1}}), df, vocabulary, FeatureOptions{}));
  ASSERT_EQ(v.size(), 2u);
  EXPECT_GT(v[0].second, v[1].second);  // "استانا" sorts first
  EXPECT_NEAR(norm(v), 1.0, 1e-12);
}

TEST(Features, DaysSinceEpoch) {
  EXPECT_DOUBLE_EQ(*days_since_epoch("1970-01-02"), 1.0);
  EXPECT_DOUBLE_EQ(*days_since_epoch("2018-04-08T12:00:00+04:00"), 17629.5);
  EXPECT_FALSE(days_since_epoch(""));
  EXPECT_FALSE(days_since_epoch("2018-13-01"));
  EXPECT_FALSE(days_since_epoch("08/04/2018"));
}

TEST(Tracker, SimilarArticleJoinsTheEvent) {
  Tracker t;
  const auto first = track(t, article(1, {{"دوما", 1}, {"كيماوي", 1}, {"هجوم", 1}}, 100));
  const auto second = track(t, article(2, {{"دوما", 1}, {"كيماوي", 1}, {"ضحايا", 1}}, 100.5));
  EXPECT_TRUE(first.new_event);
  EXPECT_FALSE(second.new_event);
  EXPECT_EQ(first.event, second.event);
  EXPECT_EQ(t.event(first.event)->articles, 2);
}

TEST(Tracker, UnrelatedArticleOpensAnEventAndAStory) {
  Tracker t;
  const auto a = track(t, article(1, {{"دوما", 1}, {"كيماوي", 1}}, 100));
  const auto b = track(t, article(2, {{"مونديال", 1}, {"منتخب", 1}}, 100));
  EXPECT_NE(a.event, b.event);
  EXPECT_NE(a.story, b.story);
  EXPECT_TRUE(b.new_story);
}

TEST(Tracker, TimeDecaySplitsTheSameWordsWeeksApart) {
  Tracker t;
  const auto a = track(t, article(1, {{"زلزال", 1}, {"ضحايا", 1}}, 100));
  const auto b = track(t, article(2, {{"زلزال", 1}, {"ضحايا", 1}}, 130));
  EXPECT_NE(a.event, b.event);
}

TEST(Tracker, RelatedEventJoinsTheStory) {
  TrackerOptions o;
  o.event_threshold = 0.9;  // force a second event
  o.story_threshold = 0.3;
  Tracker t(o);
  const auto a = track(t, article(1, {{"دوما", 2}, {"كيماوي", 2}, {"هجوم", 1}}, 100));
  const auto b = track(t, article(2, {{"دوما", 2}, {"كيماوي", 1}, {"ضربه", 2}}, 104));
  EXPECT_NE(a.event, b.event);
  EXPECT_EQ(a.story, b.story);
}

TEST(Tracker, NumberedSeriesJoinsItsStoryWhateverTheGap) {
  Tracker t;
  auto round9 = article(1, {{"استانا", 1}, {"جوله", 1}, {"وفد", 1}}, 100);
  round9.series = {{"استانا", 9}};
  auto round20 = article(2, {{"استانا", 1}, {"ختام", 1}, {"بيان", 1}}, 100 + 5 * 365);
  round20.series = {{"استانا", 20}};
  const auto a = track(t, round9);
  const auto b = track(t, round20);
  EXPECT_NE(a.event, b.event);
  EXPECT_EQ(a.story, b.story);
}

TEST(Tracker, ReportsOfTheSameRoundJoinItsEventWhateverTheirWording) {
  Tracker t;
  auto opening = article(1, {{"استانا", 1}, {"انطلاق", 2}, {"وفود", 2}}, 100);
  opening.series = {{"استانا", 21}};
  auto closing = article(2, {{"بيان", 2}, {"ختامي", 2}, {"ادانه", 1}}, 101);
  closing.series = {{"استانا", 21}};
  const auto a = track(t, opening);
  const auto b = track(t, closing);
  EXPECT_EQ(a.event, b.event);
}

TEST(Tracker, TheNextRoundIsANewEventOfTheSameStory) {
  Tracker t;
  auto round21 = article(1, {{"استانا", 2}, {"جوله", 2}}, 100);
  round21.series = {{"استانا", 21}};
  auto round22 = article(2, {{"استانا", 2}, {"جوله", 2}}, 101);
  round22.series = {{"استانا", 22}};
  const auto a = track(t, round21);
  const auto b = track(t, round22);
  EXPECT_EQ(a.story, b.story);
  EXPECT_EQ(t.event(a.event)->series.count({"استانا", 21}), 1u);
}

TEST(Tracker, UndatedArticleIsPlacedByContentAndKeepsTheDates) {
  TrackerOptions o;
  o.event_threshold = 0.99;  // a new event, so the story decides
  Tracker t(o);
  const auto a = track(t, article(1, {{"ملتقى", 2}, {"الخليج", 2}, {"اقتصادي", 1}}, 100));
  auto undated = article(2, {{"ملتقى", 2}, {"الخليج", 2}, {"غذائي", 1}}, 400);  // 400: the clock
  undated.dated = false;
  const auto b = track(t, undated);
  EXPECT_EQ(a.story, b.story);
  EXPECT_EQ(t.story(a.story)->last_time, 100);
  EXPECT_EQ(t.event(b.event)->first_time, 0);  // undated
}

TEST(Tracker, AGrowingEventFoldsItsLoneStoryIntoTheStoryItTurnsOutToBelongTo) {
  Tracker t;
  const auto round = track(t, article(1, {{"استانا", 2}, {"جوله", 2}, {"سوريا", 1}}, 100));
  const auto aside = track(t, article(2, {{"وفد", 2}, {"معارضه", 2}}, 101));  // nothing in common yet
  ASSERT_NE(aside.story, round.story);
  const auto grown = track(t, article(3, {{"وفد", 2}, {"معارضه", 2}, {"استانا", 2}, {"جوله", 2}}, 101.1));
  EXPECT_EQ(grown.event, aside.event);
  EXPECT_EQ(grown.story, round.story);
  EXPECT_EQ(grown.merged_story, aside.story);
  EXPECT_FALSE(t.story(aside.story));
  EXPECT_EQ(t.event(aside.event)->story, round.story);
  EXPECT_EQ(t.story(round.story)->events, 2);
  EXPECT_EQ(t.story(round.story)->articles, 3);
  EXPECT_EQ(t.take_removed_stories(), std::vector<std::int64_t>{aside.story});
}

TEST(Tracker, AGrowingEventKeepsItsStoryWhenNothingIsSimilar) {
  Tracker t;
  const auto round = track(t, article(1, {{"استانا", 2}, {"جوله", 2}}, 100));
  const auto other = track(t, article(2, {{"زلزال", 2}, {"ضحايا", 2}}, 101));
  const auto grown = track(t, article(3, {{"زلزال", 2}, {"انقاذ", 1}}, 101.2));
  EXPECT_EQ(grown.event, other.event);
  EXPECT_EQ(grown.story, other.story);
  EXPECT_NE(grown.story, round.story);
  EXPECT_EQ(grown.merged_story, 0);
}

TEST(Tracker, CopiesCountOnceButAddTheirOutlet) {
  Tracker t;
  const auto a = track(t, article(1, {{"دوما", 1}}, 100, "first"));
  t.add_copy(a.event, "second");
  EXPECT_EQ(t.event(a.event)->articles, 1);
  EXPECT_EQ(t.event(a.event)->sources.size(), 2u);
}

// Saving the state after some articles and restoring it gives the decisions a single run gives.
TEST(Tracker, RestoredStateDecidesLikeTheRunItCameFrom) {
  std::vector<Words> stream;
  const char* words[] = {"دوما", "كيماوي", "ضربه", "قمه", "استانا", "جوله", "نفط", "اسعار", "زلزال", "انتخابات"};
  std::uint32_t seed = 7;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8) % 10; };
  for (int i = 0; i < 200; ++i) {
    SparseVector v;
    for (int k = 0; k < 3; ++k) v.emplace_back(words[next()], 1.0 + next());
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end(), [](auto& x, auto& y) { return x.first == y.first; }), v.end());
    stream.push_back(article(i + 1, v, 100 + i * 0.2));
  }
  Tracker whole;
  std::vector<Decision> expected;
  for (const auto& a : stream) expected.push_back(track(whole, a));

  Tracker first_half;
  for (int i = 0; i < 100; ++i) track(first_half, stream[i]);
  std::vector<Event> events;
  std::vector<Story> stories;
  std::int64_t max_event = 0, max_story = 0;
  for (std::int64_t id = 1; first_half.event(id) || id <= expected[99].event; ++id) {
    if (auto e = first_half.event(id)) events.push_back(*e), max_event = id;
  }
  for (std::int64_t id = 1; first_half.story(id); ++id) stories.push_back(*first_half.story(id)), max_story = id;
  Tracker resumed;
  resumed.restore(events, stories, max_event + 1, max_story + 1);
  for (int i = 100; i < 200; ++i) {
    const Decision d = track(resumed, stream[i]);
    EXPECT_EQ(d.event, expected[i].event) << i;
    EXPECT_EQ(d.story, expected[i].story) << i;
  }
}
