#include "masar/dedup/dedup.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace masar::dedup;

namespace {

// A made-up report, ten sentences of about twenty words (written for these tests).
const std::vector<std::string> kReport = {
    "افتتح وزير المياه والطاقة صباح اليوم محطة جديدة لتحلية مياه البحر في مدينة الساحل الشرقي بطاقة إنتاجية تبلغ ثلاثمائة ألف متر مكعب يوميا.",
    "وقال الوزير في كلمة ألقاها خلال حفل الافتتاح إن المشروع يمثل خطوة مهمة نحو تأمين مصادر مستدامة لمياه الشرب في المنطقة.",
    "وأوضح أن المحطة ستخدم أكثر من مليون نسمة في المدينة والقرى المجاورة لها وستخفف الضغط على الآبار الجوفية التي تعاني من الاستنزاف.",
    "وبلغت تكلفة إنشاء المحطة نحو ملياري ريال واستغرق بناؤها ثلاث سنوات بمشاركة شركات محلية ودولية متخصصة في تقنيات التناضح العكسي الحديثة.",
    "وأشار المدير التنفيذي للمشروع إلى أن المحطة تعتمد على الطاقة الشمسية في تشغيل جزء من وحداتها مما يقلل الانبعاثات الكربونية بنسبة كبيرة.",
    "كما أكد أن فرق الصيانة المحلية تلقت تدريبا مكثفا على تشغيل الأنظمة الآلية ومراقبة جودة المياه على مدار الساعة طوال أيام الأسبوع.",
    "ومن المتوقع أن تبدأ المرحلة الثانية من المشروع مطلع العام المقبل لرفع الطاقة الإنتاجية إلى خمسمائة ألف متر مكعب يوميا بحلول نهاية العقد.",
    "وعبر عدد من سكان المدينة عن ارتياحهم لافتتاح المحطة بعد سنوات من الانقطاعات المتكررة للمياه خلال أشهر الصيف الحارة التي ترتفع فيها درجات الحرارة.",
    "وقالت إحدى المواطنات إن أسرتها كانت تضطر إلى شراء صهاريج المياه بأسعار مرتفعة كلما انقطعت الإمدادات عن الحي الذي تسكن فيه منذ سنوات طويلة.",
    "وتسعى الحكومة ضمن خطتها الوطنية إلى إنشاء عشر محطات مماثلة على امتداد الساحل خلال العقد المقبل لمواجهة النمو السكاني المتسارع وتزايد الطلب على المياه.",
};

// The same event told by another outlet in its own words.
const char* kRewrite =
    "دشن المسؤول عن قطاع المياه منشأة لإزالة ملوحة مياه البحر على الشاطئ الشرقي، وتنتج المنشأة ما يقارب "
    "ثلاثمائة ألف متر مكعب كل يوم. وذكر في تصريحات للصحفيين أن سكان المحافظة سيحصلون على مياه عذبة "
    "بانتظام بعد معاناة طويلة مع شح الإمدادات في فصل الصيف. وتكلف إنشاؤها مليارين، وشاركت في تنفيذه "
    "شركات أجنبية ووطنية، ويعمل جانب من معداتها بألواح شمسية. وتخطط السلطات لتوسعتها في السنة القادمة، "
    "إلى جانب بناء منشآت أخرى على طول الشاطئ لتلبية احتياجات السكان المتزايدة.";

std::string join(const std::vector<std::string>& sentences, const char* sep = " ") {
  std::string out;
  for (const auto& s : sentences) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// Letters that search normalization leaves alone, so synthetic words stay distinct.
const std::vector<std::string> kLetters = {"ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز",
                                           "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ", "ف", "ق"};

// Distinct word number i (four letters, base 20).
std::string word(int i) {
  std::string w;
  for (int d = 0; d < 4; ++d, i /= 20) w += kLetters[static_cast<std::size_t>(i % 20)];
  return w;
}

std::string words(const std::vector<int>& ids) {
  std::string out;
  for (int id : ids) {
    if (!out.empty()) out += ' ';
    out += word(id);
  }
  return out;
}

std::vector<int> range(int from, int to) {
  std::vector<int> v;
  for (int i = from; i < to; ++i) v.push_back(i);
  return v;
}

std::vector<int> concat(std::vector<int> a, const std::vector<int>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Adds bodies in order with ids 0..n-1 and returns the matches.
std::vector<Match> add_all(Deduplicator& d, const std::vector<std::string>& bodies) {
  std::vector<Match> out;
  for (std::size_t i = 0; i < bodies.size(); ++i) out.push_back(d.add(i, fingerprint(bodies[i], d.options())));
  return out;
}

double body_jaccard(const std::string& a, const std::string& b, const Options& o = {}) {
  return jaccard(fingerprint(a, o).shingle_set, fingerprint(b, o).shingle_set);
}

}  // namespace

// ---- exact ---------------------------------------------------------------------------------

TEST(DedupExact, SpacingDiacriticsTatweelAndPunctuationDoNotMatter) {
  const std::string body = join(kReport);
  std::string variant = join(kReport, "\n\n  ");
  variant.replace(variant.find("وزير"), std::string("وزير").size(), "وَزِيرُ");
  variant.replace(variant.find("محطة"), std::string("محطة").size(), "محـــطة");
  variant.replace(variant.find("الشرقي"), std::string("الشرقي").size(), "الشرقي ،");
  const Options o;
  EXPECT_EQ(fingerprint(body, o).exact_hash, fingerprint(variant, o).exact_hash);

  Deduplicator d;
  const auto m = add_all(d, {body, variant});
  EXPECT_EQ(m[0].kind, MatchKind::none);
  EXPECT_EQ(m[1].kind, MatchKind::exact);
  EXPECT_EQ(m[1].representative, 0u);
  EXPECT_EQ(m[1].matched, 0u);
  EXPECT_DOUBLE_EQ(m[1].similarity, 1.0);
}

TEST(DedupExact, DifferentBodiesAreNotExact) {
  std::vector<std::string> changed = kReport;
  changed[9] += " وأضاف.";
  const Options o;
  EXPECT_NE(fingerprint(join(kReport), o).exact_hash, fingerprint(join(changed), o).exact_hash);
  EXPECT_NE(fingerprint(join(kReport), o).exact_hash, fingerprint(kRewrite, o).exact_hash);
}

TEST(DedupExact, EmptyBodiesTakePartInNothing) {
  Deduplicator d;
  const auto m = add_all(d, {"", " ... ", ""});
  for (const auto& x : m) EXPECT_EQ(x.kind, MatchKind::none);
  EXPECT_TRUE(d.groups().empty());
  EXPECT_EQ(d.stats().empty, 3u);
}

// ---- near ----------------------------------------------------------------------------------

TEST(DedupNear, OneSentenceChangedOutOfTenIsNear) {
  std::vector<std::string> edited = kReport;
  edited[5] =
      "كما أشار إلى أن العاملين في المحطة تلقوا تدريبا مكثفا على تشغيل الأنظمة الآلية ومراقبة جودة المياه على مدار الساعة طوال أيام الأسبوع.";
  const double j = body_jaccard(join(kReport), join(edited));
  EXPECT_GE(j, 0.8);
  EXPECT_LT(j, 1.0);

  Deduplicator d;
  const auto m = add_all(d, {join(kReport), join(edited)});
  EXPECT_EQ(m[1].kind, MatchKind::near);
  EXPECT_EQ(m[1].representative, 0u);
  EXPECT_DOUBLE_EQ(m[1].similarity, j);
}

TEST(DedupNear, RewriteOnTheSameTopicIsNot) {
  EXPECT_LT(body_jaccard(join(kReport), kRewrite), 0.2);
  Deduplicator d;
  const auto m = add_all(d, {join(kReport), kRewrite});
  EXPECT_EQ(m[1].kind, MatchKind::none);
  EXPECT_TRUE(d.groups().empty());
}

// 92 distinct words; replacing the last m gives Jaccard (90 - m) / (90 + m) over 3-word shingles:
// m = 9 -> 0.818, m = 10 -> exactly 0.8, m = 11 -> 0.782.
TEST(DedupNear, ThresholdIsRespectedJustAboveAndBelow) {
  const std::string base = words(range(0, 92));
  const std::string above = words(concat(range(0, 83), range(1000, 1009)));
  const std::string at = words(concat(range(0, 82), range(2000, 2010)));
  const std::string below = words(concat(range(0, 81), range(3000, 3011)));
  EXPECT_NEAR(body_jaccard(base, above), 81.0 / 99.0, 1e-12);
  EXPECT_DOUBLE_EQ(body_jaccard(base, at), 0.8);
  EXPECT_NEAR(body_jaccard(base, below), 79.0 / 101.0, 1e-12);

  Deduplicator d;
  const auto m = add_all(d, {base, above, at, below});
  EXPECT_EQ(m[1].kind, MatchKind::near);
  EXPECT_EQ(m[2].kind, MatchKind::near);  // the threshold is inclusive
  EXPECT_EQ(m[3].kind, MatchKind::none);

  // The same pairs under 0.75 and 0.85.
  Deduplicator loose(Options{.threshold = 0.75});
  EXPECT_EQ(add_all(loose, {base, below})[1].kind, MatchKind::near);
  Deduplicator strict(Options{.threshold = 0.85});
  EXPECT_EQ(add_all(strict, {base, above})[1].kind, MatchKind::none);
}

TEST(DedupNear, GroupsAreTransitiveThroughUnionFind) {
  const std::string a = words(range(0, 92));
  const std::string b = words(concat(range(0, 82), range(1000, 1010)));                     // A~B 0.8
  const std::string c = words(concat(range(5000, 5009), concat(range(9, 82), range(1000, 1010))));  // B~C
  ASSERT_GE(body_jaccard(a, b), 0.8);
  ASSERT_GE(body_jaccard(b, c), 0.8);
  ASSERT_LT(body_jaccard(a, c), 0.7);

  Deduplicator d;
  const auto m = add_all(d, {a, c, b});  // C arrives before the link that joins it to A
  EXPECT_EQ(m[1].kind, MatchKind::none);
  EXPECT_EQ(m[2].kind, MatchKind::near);
  EXPECT_EQ(m[2].representative, 0u);

  const auto groups = d.groups();
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].representative, 0u);
  ASSERT_EQ(groups[0].members.size(), 2u);
  const Member& mc = groups[0].members[0];
  EXPECT_EQ(mc.doc, 1u);
  EXPECT_EQ(mc.linked, 2u);                // C joined through B ...
  EXPECT_GE(mc.link_similarity, 0.8);
  EXPECT_LT(mc.similarity, 0.7);           // ... and is reported honestly against A
  EXPECT_EQ(groups[0].members[1].doc, 2u);
  EXPECT_EQ(d.pairs().size(), 2u);
}

TEST(DedupNear, ShortDocumentsOnlyMatchExactly) {
  const std::string a = "عاجل: انفجار في الميناء";
  const std::string a_marked = "عاجِل:   انفجـار في الميناء!";
  const std::string b = "عاجل: انفجار في المطار";
  const Options o;
  EXPECT_TRUE(fingerprint(a, o).minhash.empty());
  Deduplicator d;
  const auto m = add_all(d, {a, b, a_marked});
  EXPECT_EQ(m[1].kind, MatchKind::none);
  EXPECT_EQ(m[2].kind, MatchKind::exact);
  EXPECT_EQ(d.stats().exact_only, 2u);
}

TEST(DedupNear, ExactCopiesOfNearMembersKeepTheirKindRelativeToTheRepresentative) {
  std::vector<std::string> edited = kReport;
  edited[0] = "افتتح وزير المياه صباح اليوم محطة جديدة لتحلية مياه البحر في مدينة الساحل الشرقي تنتج ثلاثمائة ألف متر مكعب يوميا.";
  Deduplicator d;
  add_all(d, {join(kReport), join(edited), join(edited, "\n"), join(kReport, "  ")});
  const auto groups = d.groups();
  ASSERT_EQ(groups.size(), 1u);
  const auto& ms = groups[0].members;
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_EQ(ms[0].kind, MatchKind::near);
  EXPECT_EQ(ms[1].kind, MatchKind::near);   // an exact copy of a near member
  EXPECT_DOUBLE_EQ(ms[1].similarity, ms[0].similarity);
  EXPECT_EQ(ms[1].linked, 1u);
  EXPECT_EQ(ms[2].kind, MatchKind::exact);
  const Stats s = d.stats();
  EXPECT_EQ(s.exact, 2u);
  EXPECT_EQ(s.near, 1u);
  EXPECT_EQ(s.near_pairs, 1u);
}

TEST(DedupNear, SameInputOrderGivesTheSameGroups) {
  std::mt19937 rng(7);
  std::vector<std::string> bodies;
  for (int i = 0; i < 60; ++i) {
    std::vector<int> ids = range(200 * (i % 20), 200 * (i % 20) + 120);
    ids[static_cast<std::size_t>(rng() % 120)] = 9000 + i;  // one word changed
    bodies.push_back(words(ids));
  }
  auto run = [&] {
    Deduplicator d;
    add_all(d, bodies);
    std::vector<std::vector<std::size_t>> out;
    for (const auto& g : d.groups()) {
      out.push_back({g.representative});
      for (const auto& m : g.members) out.back().push_back(m.doc);
    }
    return out;
  };
  const auto first = run();
  EXPECT_EQ(first.size(), 20u);
  EXPECT_EQ(first, run());
}

TEST(DedupOptions, ValidationAndBanding) {
  EXPECT_FALSE(validate(Options{.threshold = 0}).ok());
  EXPECT_FALSE(validate(Options{.threshold = 1.5}).ok());
  EXPECT_FALSE(validate(Options{.permutations = 0}).ok());
  EXPECT_FALSE(validate(Options{.bands = 200}).ok());
  EXPECT_TRUE(validate(Options{}).ok());
  EXPECT_THROW(Deduplicator(Options{.shingle_words = 0}), std::invalid_argument);

  const Banding b = choose_bands(0.8, 128);
  EXPECT_EQ(b.bands, 18);
  EXPECT_EQ(b.rows, 7);
  EXPECT_GE(candidate_probability(0.8, b), 0.95);
  EXPECT_LT(candidate_probability(0.5, b), 0.15);
  for (double t : {0.5, 0.7, 0.9, 0.95}) EXPECT_GE(candidate_probability(t, choose_bands(t, 128)), 0.97) << t;

  // A fingerprint made with other options is refused.
  Deduplicator d;
  EXPECT_THROW(d.add(0, fingerprint(join(kReport), Options{.permutations = 64})), std::invalid_argument);
}

// ---- contract ------------------------------------------------------------------------------

namespace {

// 300 documents: 120 originals from a 400-word vocabulary, the rest copies with random word
// edits (some exact, most near, some too far), plus a few short ones.
std::vector<std::string> random_corpus(unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<std::vector<int>> docs;
  for (int i = 0; i < 120; ++i) {
    std::vector<int> d;
    const int len = 2 + static_cast<int>(rng() % 150);
    for (int w = 0; w < len; ++w) d.push_back(static_cast<int>(rng() % 400));
    docs.push_back(d);
  }
  while (docs.size() < 300) {
    std::vector<int> d = docs[rng() % docs.size()];
    const int edits = static_cast<int>(rng() % 12);
    for (int e = 0; e < edits && !d.empty(); ++e) d[rng() % d.size()] = static_cast<int>(rng() % 400);
    docs.push_back(d);
  }
  std::vector<std::string> bodies;
  for (const auto& d : docs) bodies.push_back(words(d));
  return bodies;
}

}  // namespace

TEST(DedupContract, RandomDocumentsGiveSoundGroups) {
  const auto bodies = random_corpus(20240601);
  const Options o;
  std::vector<Fingerprint> fps;
  for (const auto& b : bodies) fps.push_back(fingerprint(b, o));

  Deduplicator d(o);
  for (std::size_t i = 0; i < fps.size(); ++i) d.add(i, fps[i]);
  const auto groups = d.groups();
  EXPECT_FALSE(groups.empty());

  std::set<std::size_t> seen;
  for (const auto& g : groups) {
    EXPECT_TRUE(seen.insert(g.representative).second);
    ASSERT_FALSE(g.members.empty());
    for (const auto& m : g.members) {
      EXPECT_TRUE(seen.insert(m.doc).second) << "document in two groups";
      EXPECT_GT(m.doc, g.representative);  // the representative is the earliest added
      EXPECT_GE(m.link_similarity, o.threshold);
      if (m.kind == MatchKind::exact) {
        EXPECT_EQ(fps[m.doc].exact_hash, fps[g.representative].exact_hash);
      } else {
        EXPECT_DOUBLE_EQ(m.similarity, jaccard(fps[m.doc].shingle_set, fps[g.representative].shingle_set));
      }
    }
  }
  // Every edge is real, and LSH finds (nearly) every pair above the threshold.
  std::set<std::pair<std::size_t, std::size_t>> found;
  for (const auto& p : d.pairs()) {
    EXPECT_GE(p.similarity, o.threshold);
    if (p.kind == MatchKind::near) {
      EXPECT_DOUBLE_EQ(p.similarity, jaccard(fps[p.first].shingle_set, fps[p.second].shingle_set));
      found.insert({p.first, p.second});
    }
  }
  std::set<std::uint64_t> hashes_seen;
  std::vector<std::size_t> distinct;  // first document of each normalized body, with minhash
  for (std::size_t i = 0; i < fps.size(); ++i) {
    if (hashes_seen.insert(fps[i].exact_hash).second && !fps[i].minhash.empty()) distinct.push_back(i);
  }
  std::size_t truth = 0, hit = 0;
  double worst_error = 0;
  for (std::size_t x = 0; x < distinct.size(); ++x) {
    for (std::size_t y = x + 1; y < distinct.size(); ++y) {
      const auto& fa = fps[distinct[x]];
      const auto& fb = fps[distinct[y]];
      const double j = jaccard(fa.shingle_set, fb.shingle_set);
      worst_error = std::max(worst_error, std::abs(estimate_jaccard(fa.minhash, fb.minhash) - j));
      if (j < o.threshold) continue;
      ++truth;
      hit += found.count({distinct[x], distinct[y]});
    }
  }
  ASSERT_GT(truth, 20u);
  EXPECT_GE(static_cast<double>(hit) / static_cast<double>(truth), 0.95) << hit << "/" << truth;
  EXPECT_EQ(found.size(), hit);  // nothing found that brute force does not confirm
  EXPECT_LT(worst_error, 0.2);   // ~5 sigma of the 128-value estimate
}

TEST(DedupContract, ConcurrentAddsGiveTheSamePartition) {
  const auto bodies = random_corpus(99);
  const Options o;
  std::vector<Fingerprint> fps;
  for (const auto& b : bodies) fps.push_back(fingerprint(b, o));
  auto partition = [](const Deduplicator& d) {
    std::set<std::set<std::size_t>> out;
    for (const auto& g : d.groups()) {
      std::set<std::size_t> s{g.representative};
      for (const auto& m : g.members) s.insert(m.doc);
      out.insert(s);
    }
    return out;
  };
  Deduplicator serial(o);
  for (std::size_t i = 0; i < fps.size(); ++i) serial.add(i, fps[i]);

  Deduplicator parallel(o);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = t; i < fps.size(); i += 4) parallel.add(i, fps[i]);
    });
  }
  for (auto& th : threads) th.join();
  // Components of the threshold graph do not depend on the order; representatives do.
  EXPECT_EQ(partition(serial), partition(parallel));
  EXPECT_EQ(serial.stats().exact, parallel.stats().exact);
}

// ---- restoring an earlier run ----------------------------------------------------------------

namespace {

struct Added {
  std::uint64_t exact_hash = 0;
  std::vector<std::uint64_t> bands;
  std::vector<Link> links;
};

// The first `split` documents added in one run, kept as restore() takes them back; then a
// second deduplicator restores them and adds the rest, loading restored fingerprints on demand.
struct TwoRuns {
  std::vector<Match> second_run;
  std::vector<Group> groups;
  std::vector<Pair> pairs;
  std::size_t loads = 0;
};

TwoRuns two_runs(const std::vector<Fingerprint>& fps, std::size_t split, const Options& o) {
  Deduplicator first(o);
  std::vector<Added> kept;
  for (std::size_t i = 0; i < split; ++i) {
    const Match m = first.add(i, fps[i]);
    kept.push_back(Added{fps[i].exact_hash, band_keys(fps[i], first.banding()), m.links});
  }
  TwoRuns out;
  Deduplicator second(o);
  second.set_loader([&](std::size_t doc) -> std::optional<Fingerprint> {
    ++out.loads;
    return fps.at(doc);
  });
  for (std::size_t i = 0; i < split; ++i) second.restore(i, kept[i].exact_hash, kept[i].bands);
  for (std::size_t i = 0; i < split; ++i) {
    for (const Link& l : kept[i].links) second.restore_link(l.earlier, i, l.similarity);
  }
  for (std::size_t i = split; i < fps.size(); ++i) out.second_run.push_back(second.add(i, fps[i]));
  out.groups = second.groups();
  out.pairs = second.pairs();
  return out;
}

bool same_match(const Match& a, const Match& b) {
  if (a.kind != b.kind || a.representative != b.representative || a.matched != b.matched ||
      a.similarity != b.similarity || a.links.size() != b.links.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.links.size(); ++i) {
    if (a.links[i].earlier != b.links[i].earlier || a.links[i].similarity != b.links[i].similarity) return false;
  }
  return true;
}

}  // namespace

TEST(DedupRestore, BandKeysAreOnePerBandAndNoneWithoutASignature) {
  const Options o;
  Deduplicator d(o);
  const Fingerprint full = fingerprint(join(kReport), o);
  EXPECT_EQ(band_keys(full, d.banding()).size(), static_cast<std::size_t>(d.banding().bands));
  EXPECT_TRUE(band_keys(fingerprint("كلمتان فقط", o), d.banding()).empty());
}

TEST(DedupRestore, LinksReportEveryEdgeOfTheAdd) {
  const Options o;
  Deduplicator d(o);
  std::vector<std::string> edited = kReport;
  edited[9] = "وتسعى الوزارة إلى إنشاء محطات أخرى.";
  const Match first = d.add(0, fingerprint(join(kReport), o));
  const Match exact = d.add(1, fingerprint(join(kReport), o));
  const Match near = d.add(2, fingerprint(join(edited), o));
  EXPECT_TRUE(first.links.empty());
  ASSERT_EQ(exact.links.size(), 1u);
  EXPECT_EQ(exact.links[0].earlier, 0u);
  EXPECT_EQ(exact.links[0].similarity, 1.0);
  ASSERT_EQ(near.links.size(), 1u);  // the exact copy is not paired again
  EXPECT_EQ(near.links[0].earlier, 0u);
  EXPECT_EQ(near.links[0].similarity, near.similarity);
}

TEST(DedupRestore, RestoredRunDecidesLikeOneRunAtEverySplit) {
  const auto bodies = random_corpus(424242);
  const Options o;
  std::vector<Fingerprint> fps;
  for (const auto& b : bodies) fps.push_back(fingerprint(b, o));
  Deduplicator one(o);
  std::vector<Match> all;
  for (std::size_t i = 0; i < fps.size(); ++i) all.push_back(one.add(i, fps[i]));
  const auto one_groups = one.groups();

  for (const std::size_t split : {std::size_t{1}, std::size_t{57}, std::size_t{150}, std::size_t{299}}) {
    const TwoRuns r = two_runs(fps, split, o);
    ASSERT_EQ(r.second_run.size(), fps.size() - split);
    for (std::size_t i = split; i < fps.size(); ++i) {
      EXPECT_TRUE(same_match(all[i], r.second_run[i - split])) << "split " << split << ", document " << i;
    }
    ASSERT_EQ(r.groups.size(), one_groups.size()) << "split " << split;
    for (std::size_t g = 0; g < one_groups.size(); ++g) {
      EXPECT_EQ(r.groups[g].representative, one_groups[g].representative);
      ASSERT_EQ(r.groups[g].members.size(), one_groups[g].members.size());
      for (std::size_t m = 0; m < one_groups[g].members.size(); ++m) {
        EXPECT_EQ(r.groups[g].members[m].doc, one_groups[g].members[m].doc);
        EXPECT_EQ(r.groups[g].members[m].kind, one_groups[g].members[m].kind);
        EXPECT_DOUBLE_EQ(r.groups[g].members[m].similarity, one_groups[g].members[m].similarity);
      }
    }
    EXPECT_EQ(r.pairs.size(), one.pairs().size());
  }
}

TEST(DedupRestore, OnlyCandidatesAreLoaded) {
  // Unrelated restored documents are never asked for; a copy's original is, once.
  const Options o;
  std::vector<Fingerprint> fps;
  for (int d = 0; d < 40; ++d) fps.push_back(fingerprint(words(range(d * 1000, d * 1000 + 80)), o));
  std::vector<int> edited = range(7000, 7080);
  edited[40] = 99999;
  fps.push_back(fingerprint(words(edited), o));
  fps.push_back(fingerprint(words(edited), o));
  const TwoRuns r = two_runs(fps, 40, o);
  EXPECT_EQ(r.second_run[0].kind, MatchKind::near);
  EXPECT_EQ(r.second_run[0].representative, 7u);
  EXPECT_EQ(r.second_run[1].kind, MatchKind::exact);
  EXPECT_EQ(r.second_run[1].representative, 7u);
  EXPECT_EQ(r.loads, 1u);
}

TEST(DedupRestore, AnUnloadableDocumentMatchesNothing) {
  const Options o;
  const Fingerprint original = fingerprint(join(kReport), o);
  Deduplicator first(o);
  first.add(0, original);
  Deduplicator second(o);
  second.restore(0, original.exact_hash, band_keys(original, second.banding()));
  second.set_loader([](std::size_t) { return std::optional<Fingerprint>(); });  // its body is gone
  std::vector<std::string> edited = kReport;
  edited[0] = "افتتح الوزير محطة جديدة.";
  EXPECT_EQ(second.add(1, fingerprint(join(edited), o)).kind, MatchKind::none);
  // An exact copy needs no fingerprint: the hash was kept.
  EXPECT_EQ(second.add(2, original).kind, MatchKind::exact);
}

TEST(DedupRestore, BadRestoresAreRefused) {
  const Options o;
  Deduplicator d(o);
  EXPECT_THROW(d.restore(0, 42, {1, 2, 3}), std::invalid_argument);  // not one key per band
  d.restore(0, 42, {});
  EXPECT_THROW(d.restore_link(0, 1, 1.0), std::invalid_argument);  // no document 1
  EXPECT_THROW(d.restore_link(0, 0, 1.0), std::invalid_argument);
  d.add(1, fingerprint(join(kReport), o));
  EXPECT_THROW(d.restore(2, 43, {}), std::invalid_argument);  // restored documents come first
}
