// Named-entity tagging: tags, CoNLL reading, features, decoding constraints, training on a
// small written corpus, the model file, and the shipped model.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <thread>

#include "entities/model_file.hpp"
#include "entities/ner_internal.hpp"
#include "masar/entities/ner.hpp"

using namespace masar::entities;

namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find(' ', at), text.size());
    if (end > at) out.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

bool valid_bio(const std::vector<Tag>& tags) {
  Tag previous = Tag::O;
  for (Tag t : tags) {
    if (!transition_allowed(previous, t)) return false;
    previous = t;
  }
  return true;
}

// A small corpus written for this test: people after titles, places after "مدينة" or "في",
// organisations after "حزب"/"وكالة".
std::vector<TaggedSentence> written_corpus() {
  const char* people[] = {"سمير", "خالد", "ليلى", "منير", "هشام", "نادية", "فؤاد", "رامي"};
  const char* places[] = {"حمص", "طرطوس", "نابلس", "صفاقس", "وهران", "مراكش", "الزرقاء", "صور"};
  const char* bodies[] = {"الوفاق", "التجديد", "النهضة", "الأمل"};
  std::vector<TaggedSentence> out;
  for (int i = 0; i < 8; ++i) {
    out.push_back({{"قال", "الرئيس", people[i], "إن", "الوضع", "مستقر"}, {Tag::O, Tag::O, Tag::B_PER, Tag::O, Tag::O, Tag::O}});
    out.push_back({{"وصل", "الوزير", people[(i + 3) % 8], "إلى", "مدينة", places[i]},
                   {Tag::O, Tag::O, Tag::B_PER, Tag::O, Tag::O, Tag::B_LOC}});
    out.push_back({{"أعلن", "حزب", bodies[i % 4], "مشاركته", "في", "الانتخابات"},
                   {Tag::O, Tag::B_ORG, Tag::I_ORG, Tag::O, Tag::O, Tag::O}});
  }
  return out;
}

}  // namespace

TEST(NerTags, NamesAndParsing) {
  Tag t;
  ASSERT_TRUE(parse_tag("B-PERS", t));
  EXPECT_EQ(t, Tag::B_PER);
  ASSERT_TRUE(parse_tag("I-MISC", t));
  EXPECT_EQ(t, Tag::I_MISC);
  ASSERT_TRUE(parse_tag("O", t));
  EXPECT_EQ(t, Tag::O);
  EXPECT_FALSE(parse_tag("B-XYZ", t));
  EXPECT_FALSE(parse_tag("\u200f", t));
  EXPECT_EQ(tag_name(Tag::I_ORG), "I-ORG");
}

TEST(NerTags, InsideOnlyAfterItsOwnType) {
  EXPECT_FALSE(transition_allowed(Tag::O, Tag::I_PER));
  EXPECT_TRUE(transition_allowed(Tag::B_PER, Tag::I_PER));
  EXPECT_TRUE(transition_allowed(Tag::I_PER, Tag::I_PER));
  EXPECT_FALSE(transition_allowed(Tag::B_LOC, Tag::I_PER));
  EXPECT_TRUE(transition_allowed(Tag::I_LOC, Tag::B_PER));
}

TEST(NerConll, SentencesBetweenBlankLinesAndBadTagsSkipped) {
  std::vector<std::string> problems;
  const auto s = read_conll("-DOCSTART- -X- O\n\nقال O\nالرئيس O\r\nسمير B-PERS\n\nزار O\nحمص\tB-LOC\nغدا ??\n", true,
                            "f.txt", [&](const std::string& p) { problems.push_back(p); });
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].words, (std::vector<std::string>{"قال", "الرئيس", "سمير"}));
  EXPECT_EQ(s[0].tags[2], Tag::B_PER);
  EXPECT_EQ(s[1].words.size(), 2u);
  EXPECT_EQ(s[1].tags[1], Tag::B_LOC);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("f.txt:9"), std::string::npos) << problems[0];
}

TEST(NerConll, UntaggedReadsTheFirstColumn) {
  const auto s = read_conll("قال O\nسمير\n", false);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].words, (std::vector<std::string>{"قال", "سمير"}));
  EXPECT_TRUE(s[0].tags.empty());
}

TEST(NerFeatures, CliticVariantsShareTheirBareForm) {
  const auto a = ner_features({"والرئيس"}, 0);
  const auto b = ner_features({"الرئيس"}, 0);
  std::size_t shared = 0;
  for (auto f : a) shared += std::count(b.begin(), b.end(), f) > 0;
  EXPECT_GE(shared, 3u);  // bias, bare form, cue class at least
  EXPECT_NE(a, b);
  EXPECT_EQ(ner_features({"قال", "الرئيس"}, 1), ner_features({"قال", "الرئيس"}, 1));  // deterministic
}

TEST(NerTraining, LearnsContextCuesFromAWrittenCorpus) {
  NerTrainOptions o;
  o.epochs = 8;
  const NerModel model = NerModel::train(written_corpus(), o);
  // Names never seen in training, placed where titles and "مدينة" announce them.
  const auto tags = model.tag({"قال", "الرئيس", "جواد", "إن", "الوضع", "مستقر"});
  EXPECT_EQ(tags[2], Tag::B_PER);
  EXPECT_EQ(tags[0], Tag::O);
  const auto place = model.tag({"وصل", "الوزير", "سمير", "إلى", "مدينة", "بنزرت"});
  EXPECT_EQ(place[5], Tag::B_LOC);
  const auto party = model.tag({"أعلن", "حزب", "الإصلاح", "مشاركته", "في", "الانتخابات"});
  EXPECT_EQ(party[1], Tag::B_ORG);
  EXPECT_EQ(party[2], Tag::I_ORG);
}

TEST(NerModelFile, RoundTripKeepsTheDecisions) {
  NerTrainOptions o;
  o.epochs = 4;
  const NerModel model = NerModel::train(written_corpus(), o);
  const auto loaded = NerModel::from_bytes(model.to_bytes(), "test");
  ASSERT_TRUE(loaded) << loaded.error().message;
  for (const auto& s : written_corpus()) EXPECT_EQ(loaded->tag(s.words), model.tag(s.words));
  EXPECT_FALSE(NerModel::from_bytes("not a model", "junk"));
}

// The tagger keeps only the slots that have weights; writing it out must give back every one.
TEST(NerModelFile, TheBuiltinModelWritesBackByteForByte) {
  const auto model = NerModel::builtin();
  if (!model) GTEST_SKIP() << model.error().message;
  const std::string bytes = model->to_bytes();
  const auto again = NerModel::from_bytes(bytes, "again");
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->to_bytes(), bytes);
  EXPECT_EQ(again->nonzero_weights(), model->nonzero_weights());
  EXPECT_GT(model->nonzero_weights(), 100000u);
}

// A damaged model file (cut short, slots out of order or out of range, random bytes in its
// weights) is refused with an error or loads into a model that still tags; it never crashes.
TEST(NerModelFile, DamagedModelsAreRefusedOrStillTag) {
  NerTrainOptions o;
  o.epochs = 2;
  const NerModel model = NerModel::train(written_corpus(), o);
  const auto raw = decompress_model(model.to_bytes(), std::size_t{1} << 30);
  ASSERT_TRUE(raw);
  // Header: magic, three u32, (tags + 1) x tags transitions and the scale, then the count.
  const std::size_t header = 8 + 12 + 10 * 9 * 4 + 4 + 4;
  ASSERT_GT(raw->size(), header + 100);
  EXPECT_FALSE(NerModel::from_bytes(compress_model(raw->substr(0, raw->size() - 1)), "cut"));
  EXPECT_FALSE(NerModel::from_bytes(compress_model(raw->substr(0, header + 7)), "cut"));
  std::string repeated = *raw;
  std::size_t second = header;  // after the first weight: its delta (a varint), then 2 bytes
  while (static_cast<unsigned char>(repeated[second]) & 0x80) ++second;
  second += 3;
  repeated[second] = 0;  // the second weight's delta, one byte: the same slot again
  EXPECT_FALSE(NerModel::from_bytes(compress_model(repeated), "repeated"));
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string damaged = *raw;
    for (int k = 0; k < 4; ++k) {
      std::uniform_int_distribution<std::size_t> at(header, damaged.size() - 1);
      damaged[at(rng)] = static_cast<char>(rng());
    }
    const auto loaded = NerModel::from_bytes(compress_model(damaged), "damaged");
    if (loaded) {
      EXPECT_TRUE(valid_bio(loaded->tag({"قال", "الرئيس", "جواد", "في", "مدينة", "بنزرت"})));
    }
  }
}

// A "sentence" longer than the tagger's word cache (a page with no punctuation) is tagged
// whole: the cache makes room for it instead of moving the entries it is reading.
TEST(NerModelFile, ASentenceLongerThanTheWordCacheIsTaggedWhole) {
  NerTrainOptions o;
  o.epochs = 1;
  const NerModel model = NerModel::train(written_corpus(), o);
  std::vector<std::string> words;
  for (int i = 0; i < 70000; ++i) words.push_back("كلمة" + std::to_string(i));
  words[500] = "الرئيس";
  const auto tags = model.tag(words);
  ASSERT_EQ(tags.size(), words.size());
  EXPECT_TRUE(valid_bio(tags));
  EXPECT_EQ(model.tag({"قال", "الرئيس", "جواد"}), model.tag({"قال", "الرئيس", "جواد"}));
}

TEST(NerBuiltin, TagsAFullNameAfterItsTitle) {
  const auto model = NerModel::builtin();
  if (!model) GTEST_SKIP() << model.error().message;
  const auto tags = model->tag(words_of("وقال الرئيس التركي رجب طيب أردوغان في أنقرة إن بلاده لن تتراجع"));
  EXPECT_EQ(tags[3], Tag::B_PER);
  EXPECT_EQ(tags[4], Tag::I_PER);
  EXPECT_EQ(tags[5], Tag::I_PER);
  EXPECT_EQ(tags[7], Tag::B_LOC);
}

TEST(NerContract, RandomTokensAlwaysGiveValidBio) {
  const auto model = NerModel::builtin();
  if (!model) GTEST_SKIP() << model.error().message;
  const std::vector<std::string> pool = {"الرئيس", "في", "مدينة", "حمص", "و", "،", "2018", "Trump", "", "\xff\xfe", "ال",
                                         "أردوغان", "حزب", "الله", ".", "وزير", "الخارجية", "سيرغي", "لافروف"};
  std::mt19937 rng(3);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> words(rng() % 20);
    for (auto& w : words) w = pool[rng() % pool.size()];
    const auto tags = model->tag(words);
    ASSERT_EQ(tags.size(), words.size());
    EXPECT_TRUE(valid_bio(tags));
  }
}

// The tagger sums features per word and position (ner_internal.hpp); those parts must be
// exactly the features of sentence_features(), for any words, at every position.
TEST(NerFeatures, PartsByPositionAreTheSentenceFeatures) {
  std::mt19937 rng(11);
  const std::vector<std::string> pool = {"قال", "الرئيس", "والرئيس", "رجب", "طيب", "أردوغان", "في", "مدينة", "حمص", "2018",
                                         "٢٠", "UN", "وزير", "الخارجية", "، ", "القـ.ـضية", "\xff\xfe", "حزب", "للوزير", "أستانا"};
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> words(1 + rng() % 7);
    for (auto& w : words) w = pool[rng() % pool.size()];
    const std::size_t n = words.size();
    for (std::size_t i = 0; i < n; ++i) {
      const auto part = [&](std::ptrdiff_t k) {
        const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
        return word_parts(j < 0 || j >= static_cast<std::ptrdiff_t>(n) ? nullptr : &words[static_cast<std::size_t>(j)]);
      };
      const WordParts around[5] = {part(-2), part(-1), part(0), part(1), part(2)};
      std::vector<std::uint32_t> parts;
      const std::pair<int, Position> from[] = {{2, Position::self}, {1, Position::before1}, {0, Position::before2},
                                               {3, Position::after1}, {4, Position::after2}};
      for (const auto& [k, position] : from) {
        const auto& f = around[k].at[static_cast<int>(position)];
        parts.insert(parts.end(), f.begin(), f.end());
      }
      for (auto f : pair_features({around[0].keys, around[1].keys, around[2].keys, around[3].keys, around[4].keys})) parts.push_back(f);
      auto whole = ner_features(words, i);
      std::sort(parts.begin(), parts.end());
      std::sort(whole.begin(), whole.end());
      ASSERT_EQ(parts, whole) << "sentence of " << n << " words, word " << i;
    }
  }
}

// Each tagging thread remembers word scores per model: results must not depend on what was
// tagged before, on which model tagged it, or on a model that has been replaced.
TEST(NerModelFile, TagsDoNotDependOnWhatWasTaggedBefore) {
  NerTrainOptions a, b;
  a.epochs = 4;
  b.epochs = 4;
  const auto corpus = written_corpus();
  auto swapped = corpus;  // a second model that calls people places and places people
  for (auto& s : swapped) {
    for (Tag& t : s.tags) t = t == Tag::B_PER ? Tag::B_LOC : t == Tag::B_LOC ? Tag::B_PER : t;
  }
  const NerModel model_a = NerModel::train(corpus, a);
  std::vector<std::vector<Tag>> fresh_a, fresh_b;
  {
    const NerModel model_b = NerModel::train(swapped, b);
    for (const auto& s : corpus) {  // each sentence on a thread with nothing remembered yet
      std::thread([&] { fresh_a.push_back(model_a.tag(s.words)); }).join();
      std::thread([&] { fresh_b.push_back(model_b.tag(s.words)); }).join();
    }
  }
  for (int pass = 0; pass < 2; ++pass) {
    const NerModel model_b = NerModel::train(swapped, b);  // a new model each pass, maybe at the same address
    for (std::size_t k = 0; k < corpus.size(); ++k) {
      EXPECT_EQ(model_a.tag(corpus[k].words), fresh_a[k]);
      EXPECT_EQ(model_b.tag(corpus[k].words), fresh_b[k]);
    }
  }
  EXPECT_NE(fresh_a, fresh_b);  // the two models do disagree
}
