// Random-input contracts of entity linking inside a text: resolving partial names never
// invents a key (a mention keeps its own or takes a longer person key of the same text that
// ends with it), leaves other types alone, and the article test reads any surface; the
// given-name rule of the folds is symmetric.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "entities/folding.hpp"
#include "masar/entities/mentions.hpp"
#include "masar/text/utf8.hpp"

using namespace masar::entities;

namespace {

// Name-like words: given names, family names with and without the article, بن and آل,
// clitics, a devotional formula, spaces.
std::string random_name(std::mt19937& rng) {
  static const char* kWords[] = {"محمد", "بن", "آل", "سلمان", "سعود", "الفيصل", "فيصل", "خالد", "عبد", "الله",
                                 "الرحمن", "والأسد", "الأسد", "بشار", "رحمه", "وعبد", "قردان", "للمالكي", "أل", ""};
  std::uniform_int_distribution<int> words(1, 4);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kWords) - 1);
  std::string s;
  const int n = words(rng);
  for (int i = 0; i < n; ++i) {
    if (i > 0) s += ' ';
    s += kWords[pick(rng)];
  }
  return s;
}

}  // namespace

TEST(EntitiesContract, ResolvingPartialNamesNeverInventsAKey) {
  std::mt19937 rng(2026);
  const EntityType types[] = {EntityType::PER, EntityType::PER, EntityType::LOC, EntityType::ORG};
  std::uniform_int_distribution<int> count(0, 6);
  std::uniform_int_distribution<std::size_t> type(0, std::size(types) - 1);
  for (int round = 0; round < 3000; ++round) {
    std::vector<Mention> mentions(static_cast<std::size_t>(count(rng)));
    for (auto& m : mentions) {
      m.type = types[type(rng)];
      m.surface = random_name(rng);
      m.key = text_key(m.surface);
    }
    const std::vector<Mention> before = mentions;
    std::set<std::string> person_keys;
    for (const auto& m : before) {
      if (m.type == EntityType::PER) person_keys.insert(m.key);
    }
    resolve_partial_names(mentions);
    ASSERT_EQ(mentions.size(), before.size());
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      const Mention& was = before[i];
      const Mention& is = mentions[i];
      EXPECT_EQ(is.surface, was.surface);
      if (is.key == was.key) continue;
      EXPECT_EQ(was.type, EntityType::PER) << "only persons take a longer key: " << was.surface;
      EXPECT_TRUE(person_keys.count(is.key)) << is.key;
      EXPECT_GT(is.key.size(), was.key.size());
      EXPECT_TRUE(is.key.ends_with(" " + was.key)) << is.key << " / " << was.key;
      // The full name it took was written with the article exactly when the short one was.
      bool agrees = false;
      for (const auto& full : before) {
        agrees = agrees || (full.type == EntityType::PER && full.key == is.key &&
                            ends_with_article(full.surface) == ends_with_article(was.surface));
      }
      EXPECT_TRUE(agrees) << was.surface << " -> " << is.key;
    }
  }
}

TEST(EntitiesContract, TheArticleTestReadsAnySurface) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 24);
  for (int round = 0; round < 3000; ++round) {
    std::string bytes;
    for (int i = len(rng); i > 0; --i) bytes += static_cast<char>(byte(rng));
    const std::string text = masar::text::decode_utf8(bytes).text;  // surfaces are valid UTF-8
    (void)ends_with_article(text);
    (void)is_devotional_formula(text_key(text));
    (void)is_place_named_like_a_person(text_key(text));
  }
}

// Random texts of names, particles, pronouns, hashtags and hyphens: every mention's surface is
// the text between its offsets, and no key keeps a hashtag's marks.
TEST(EntitiesContract, MentionsOfAnyTextPointAtTheirSurfaceAndKeysHoldNoMarks) {
  const auto model = NerModel::builtin();
  if (!model) GTEST_SKIP() << model.error().message;
  static const char* kPieces[] = {"الرئيس", "دونالد", "ترامب", "على", "فإن", "أنا", "سعيد", "كيم", "جونغ", "أون",
                                  "#", "_", "-", " ", " ", " ", "،", ".", "بوتين", "في", "موسكو", "#سوريا",
                                  "أنجيلا", "ميركل", "وقال", "الولايات", "المتحدة", "الأمريكية", "٢٠١٨", "-أون"};
  std::mt19937 rng(20261207);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(1, 40);
  std::size_t found = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int n = length(rng);
    for (int i = 0; i < n; ++i) text += kPieces[pick(rng)];
    for (const Mention& m : find_mentions(text, model.value())) {
      ++found;
      ASSERT_LT(m.begin, m.end) << text;
      ASSERT_LE(m.end, text.size()) << text;
      EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.surface) << text;
      EXPECT_FALSE(m.key.empty()) << text;
      EXPECT_EQ(m.key.find('#'), std::string::npos) << text << " → " << m.key;
      EXPECT_EQ(m.key.find('_'), std::string::npos) << text << " → " << m.key;
    }
  }
  EXPECT_GT(found, 300u);  // the texts do hold names
}

namespace {

// A word of random Arabic letters (some of them the long vowels and the letters of one foreign
// sound the given-name rule reads), or of random bytes now and then.
std::string random_given_name(std::mt19937& rng) {
  static const char* kLetters[] = {"ا", "و", "ي", "ه", "ة", "ء", "ج", "غ", "خ", "ك", "ق", "ت", "ط", "ث", "س",
                                   "ص", "ز", "د", "ض", "ن", "م", "ر", "ل", "ف", "ب", "ع", "ح", "أ", "إ"};
  std::uniform_int_distribution<int> length(0, 7), bytes(0, 20), byte(0, 255);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kLetters) - 1);
  std::string s;
  if (bytes(rng) == 0) {
    for (int i = length(rng); i > 0; --i) s += static_cast<char>(byte(rng));
    return s;
  }
  for (int i = length(rng); i > 0; --i) s += kLetters[pick(rng)];
  return s;
}

}  // namespace

// The given-name rule of the fold (src/entities/given_names.cpp) is symmetric, never calls a
// name a variant of itself, and reads any bytes.
TEST(EntitiesContract, GivenNamesMatchSymmetricallyAndNeverThemselves) {
  std::mt19937 rng(2027);
  int matched = 0;
  for (int round = 0; round < 20000; ++round) {
    const std::string a = random_given_name(rng), b = random_given_name(rng);
    const GivenNameMatch ab = given_names_match(a, b);
    EXPECT_EQ(ab, given_names_match(b, a)) << a << " / " << b;
    EXPECT_EQ(given_names_match(a, a), GivenNameMatch::none) << a;
    matched += ab != GivenNameMatch::none;
  }
  EXPECT_GT(matched, 0);  // the words above do meet the rule now and then
}
