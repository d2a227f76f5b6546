// Tags, CoNLL reading and the hashed features of the named-entity tagger.
#include <xxhash.h>

#include <array>
#include <functional>
#include <string>
#include <unordered_map>

#include "entities/ner_internal.hpp"
#include "masar/entities/ner.hpp"
#include "masar/entities/word_clusters.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/stem.hpp"
#include "masar/text/utf8.hpp"

namespace masar::entities {
namespace {

constexpr std::array<std::string_view, kTagCount> kTagNames = {"O",     "B-PER", "I-PER",  "B-LOC", "I-LOC",
                                                               "B-ORG", "I-ORG", "B-MISC", "I-MISC"};

int type_of(Tag t) { return t == Tag::O ? -1 : (static_cast<int>(t) - 1) / 2; }
bool is_inside(Tag t) { return t != Tag::O && (static_cast<int>(t) - 1) % 2 == 1; }

// The first (or last) n letters of a word, whole UTF-8 sequences.
std::string_view first_letters(std::string_view w, std::size_t n) {
  std::size_t at = 0;
  for (std::size_t k = 0; k < n && at < w.size(); ++k) at += text::sequence_length(static_cast<unsigned char>(w[at]));
  return w.substr(0, std::min(at, w.size()));
}

std::string_view last_letters(std::string_view w, std::size_t n) {
  std::size_t at = w.size();
  for (std::size_t k = 0; k < n && at > 0; ++k) {
    do --at;
    while (at > 0 && (static_cast<unsigned char>(w[at]) & 0xC0) == 0x80);
  }
  return w.substr(at);
}

std::size_t letter_count(std::string_view w) {
  std::size_t n = 0;
  for (unsigned char c : w) n += (c & 0xC0) != 0x80;
  return n;
}

std::string shape_of(std::string_view w) {
  bool digit = false, latin = false, arabic = false, other = false;
  for (std::size_t i = 0; i < w.size();) {
    const unsigned char c = static_cast<unsigned char>(w[i]);
    if (c >= '0' && c <= '9') digit = true;
    else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') latin = true;
    else if (c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB) arabic = true;
    else other = true;
    i += text::sequence_length(c);
  }
  std::string s;
  if (digit) s += 'd';
  if (latin) s += 'l';
  if (arabic) s += 'a';
  if (other) s += 'o';
  const std::size_t n = letter_count(w);
  s += n <= 2 ? "1" : n <= 3 ? "3" : n <= 5 ? "5" : n <= 8 ? "8" : "9";
  return s;
}

// Words that announce an entity next to them (titles before people, "مدينة" before places,
// "حزب" before organisations), written as the search normalizer writes them, without
// proclitics. A class feature lets "والرئيس" and "للوزير" share what "الرئيس" taught.
const std::unordered_map<std::string, std::string>& cue_words() {
  static const std::unordered_map<std::string, std::string> cues = [] {
    std::unordered_map<std::string, std::string> out;
    const auto add = [&](const char* kind, std::initializer_list<const char*> words) {
      for (const char* w : words) out.emplace(std::string(text::strip_proclitics(text::normalize_for_search(w))), kind);
    };
    add("per", {"الرئيس", "رئيس", "وزير", "الوزير", "الملك", "الأمير", "الشيخ", "السيد", "السيدة", "الدكتور", "المتحدث",
                "الناطق", "المبعوث", "السفير", "النائب", "اللواء", "العميد", "العقيد", "الجنرال", "المستشار", "القاضي",
                "الكاتب", "الشاعر", "الفنان", "الفنانة", "المدرب", "اللاعب", "نجم", "الإمام", "البابا", "الأمين", "المرشد",
                "الزعيم", "القائد", "المدير", "المخرج", "الممثل", "الممثلة", "المطرب", "المطربة", "الروائي", "الباحث"});
    add("loc", {"مدينة", "محافظة", "ولاية", "منطقة", "قرية", "بلدة", "عاصمة", "العاصمة", "جزيرة", "إقليم", "نهر", "بحر",
                "مطار", "ميناء", "مخيم", "حي", "شارع", "جبل", "سهل", "دولة", "مقاطعة"});
    add("org", {"شركة", "حزب", "حركة", "جامعة", "وكالة", "صحيفة", "منظمة", "مجلس", "وزارة", "هيئة", "جمعية", "بنك", "مصرف",
                "نادي", "فريق", "قناة", "جبهة", "اتحاد", "مؤسسة", "لجنة", "جيش", "تنظيم", "جماعة", "البرلمان", "محكمة",
                "مجموعة", "مركز", "معهد", "إذاعة", "مجلة", "تلفزيون"});
    return out;
  }();
  return cues;
}

// Per word, computed once per sentence: the hashes of everything its features and its
// neighbours' features use, so that a feature is one integer mix, not a string to hash.
struct WordView {
  std::uint64_t norm = 0, stem = 0, bare = 0, shape = 0, clitic = 0;
  std::uint64_t prefix[4] = {}, suffix[4] = {};  // first letters of the bare form, last of the word
  int cluster = -1;  // WordClusters id of the word (else of its bare form)
  int cue = 0;       // 1 per, 2 loc, 3 org
  bool name = false;
};

std::uint64_t hash_of(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

int cue_class(const std::string& kind) { return kind == "per" ? 1 : kind == "loc" ? 2 : kind == "org" ? 3 : 0; }

WordView view_of(const std::string& word) {
  WordView v;
  // The text core assumes valid UTF-8; a caller's bytes may not be.
  const std::string norm = text::is_valid_utf8(word) ? text::normalize_for_search(word)
                                                     : text::normalize_for_search(text::decode_utf8(word).text);
  const std::string_view stem = text::stem_arabic(norm);
  const std::string_view bare = text::strip_proclitics(norm);
  v.norm = hash_of(norm);
  v.stem = hash_of(stem);
  v.bare = hash_of(bare);
  v.shape = hash_of(shape_of(norm));
  if (bare.size() != norm.size()) v.clitic = hash_of(first_letters(norm, letter_count(norm) - letter_count(bare))) | 1;
  for (std::size_t n = 1; n <= 4; ++n) {
    v.prefix[n - 1] = hash_of(first_letters(bare, n));
    v.suffix[n - 1] = hash_of(last_letters(norm, n));
  }
  v.name = text::is_protected_name(norm) || text::is_protected_name(bare) || text::is_protected_name(stem);
  if (const auto it = cue_words().find(std::string(bare)); it != cue_words().end()) v.cue = cue_class(it->second);
  const auto& clusters = WordClusters::builtin();
  v.cluster = clusters.cluster(norm);
  if (v.cluster < 0) v.cluster = clusters.cluster(bare);
  return v;
}

std::vector<WordView> views_of(const std::vector<std::string>& words) {
  std::vector<WordView> out;
  out.reserve(words.size());
  for (const std::string& w : words) out.push_back(view_of(w));
  return out;
}

// Feature ids: a kind and a value hash mixed (splitmix64's finalizer).
std::uint32_t mix(std::uint64_t kind, std::uint64_t value) {
  std::uint64_t z = value + kind * 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return static_cast<std::uint32_t>(z ^ (z >> 31));
}

std::uint64_t pair_of(std::uint64_t a, std::uint64_t b) { return a * 0xC2B2AE3D27D4EB4Full ^ (b + 0x165667B19E3779F9ull); }

enum Kind : std::uint64_t {
  kBias = 1, kWord, kStem, kBare, kShape, kPrefix, kSuffix = kPrefix + 4, kClitic = kSuffix + 4, kName, kWordPrev,
  kBarePrev, kWordPrev2, kWordNext, kBareNext, kWordNext2, kShapePrev, kShapeNext, kNamePrev, kNameNext, kSuffixPrev,
  kSuffixNext, kPairPrev, kPairNext, kPairBare, kCluster, kClusterPrev, kClusterNext, kCue, kCuePrev, kCuePrev2,
  kStemPrev, kStemNext, kPairPrev2, kPairNext2,
};

const WordView& edge_view() {
  static const WordView edge = [] {
    WordView e;
    e.norm = e.stem = e.bare = e.shape = hash_of("<edge>");
    for (auto& h : e.suffix) h = e.norm;
    return e;
  }();
  return edge;
}

// What word `w` gives the token at `position` from it (itself, one or two before it, one or two
// after it). Everything but the word pairs depends on one word alone.
void position_features(const WordView& w, Position position, std::vector<std::uint32_t>& out) {
  const auto add = [&](std::uint64_t kind, std::uint64_t value) { out.push_back(mix(kind, value)); };
  const auto add_if = [&](bool when, std::uint64_t kind, std::uint64_t value) {
    if (when) add(kind, value);
  };
  const auto cluster = static_cast<std::uint64_t>(w.cluster);
  const auto cue = static_cast<std::uint64_t>(w.cue);
  switch (position) {
    case Position::self:
      add(kBias, 0);
      add(kWord, w.norm);
      add(kStem, w.stem);
      add(kBare, w.bare);
      add(kShape, w.shape);
      for (std::uint64_t n = 0; n < 4; ++n) {
        add(kPrefix + n, w.prefix[n]);
        add(kSuffix + n, w.suffix[n]);
      }
      add_if(w.clitic != 0, kClitic, w.clitic);
      add_if(w.name, kName, 0);
      add_if(w.cluster >= 0, kCluster, cluster);
      add_if(w.cue != 0, kCue, cue);
      return;
    case Position::before1:
      add(kWordPrev, w.norm);
      add(kBarePrev, w.bare);
      add(kShapePrev, w.shape);
      add_if(w.name, kNamePrev, 0);
      add(kSuffixPrev, w.suffix[1]);
      add_if(w.cluster >= 0, kClusterPrev, cluster);
      add_if(w.cue != 0, kCuePrev, cue);
      add(kStemPrev, w.stem);
      return;
    case Position::before2:
      add(kWordPrev2, w.norm);
      add_if(w.cue != 0, kCuePrev2, cue);
      return;
    case Position::after1:
      add(kWordNext, w.norm);
      add(kBareNext, w.bare);
      add(kShapeNext, w.shape);
      add_if(w.name, kNameNext, 0);
      add(kSuffixNext, w.suffix[1]);
      add_if(w.cluster >= 0, kClusterNext, cluster);
      add(kStemNext, w.stem);
      return;
    case Position::after2:
      add(kWordNext2, w.norm);
      return;
  }
}

void features_of(const std::vector<WordView>& v, std::size_t i, std::vector<std::uint32_t>& out) {
  out.clear();
  const auto at = [&](std::ptrdiff_t k) -> const WordView& {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
    return j < 0 || j >= static_cast<std::ptrdiff_t>(v.size()) ? edge_view() : v[static_cast<std::size_t>(j)];
  };
  position_features(v[i], Position::self, out);
  position_features(at(-1), Position::before1, out);
  position_features(at(-2), Position::before2, out);
  position_features(at(1), Position::after1, out);
  position_features(at(2), Position::after2, out);
  const auto keys = [](const WordView& w) { return PairKeys{w.norm, w.bare}; };
  for (std::uint32_t f : pair_features({keys(at(-2)), keys(at(-1)), keys(v[i]), keys(at(1)), keys(at(2))})) out.push_back(f);
}

}  // namespace

std::string_view tag_name(Tag tag) { return kTagNames[static_cast<std::size_t>(tag)]; }

bool parse_tag(std::string_view text, Tag& out) {
  if (text == "O") {
    out = Tag::O;
    return true;
  }
  if (text.size() < 3 || (text[0] != 'B' && text[0] != 'I') || text[1] != '-') return false;
  const std::string_view type = text.substr(2);
  int base;
  if (type == "PER" || type == "PERS") base = 1;
  else if (type == "LOC") base = 3;
  else if (type == "ORG") base = 5;
  else if (type == "MISC") base = 7;
  else return false;
  out = static_cast<Tag>(base + (text[0] == 'I'));
  return true;
}

bool transition_allowed(Tag previous, Tag next) {
  return !is_inside(next) || (previous != Tag::O && type_of(previous) == type_of(next));
}

std::vector<TaggedSentence> read_conll(std::string_view text, bool tagged, std::string_view name,
                                       const std::function<void(const std::string&)>& problem) {
  std::vector<TaggedSentence> out;
  TaggedSentence current;
  std::size_t line_no = 0;
  const auto flush = [&] {
    if (!current.words.empty()) out.push_back(std::move(current));
    current = {};
  };
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      flush();
      continue;
    }
    const std::size_t cut = line.find_first_of(" \t");
    const std::string_view word = line.substr(0, cut);
    if (word == "-DOCSTART-") continue;
    if (!tagged) {
      current.words.emplace_back(word);
      continue;
    }
    std::string_view tag_text = cut == std::string_view::npos ? std::string_view() : line.substr(cut + 1);
    while (!tag_text.empty() && (tag_text.front() == ' ' || tag_text.front() == '\t')) tag_text.remove_prefix(1);
    const std::size_t tag_end = tag_text.find_first_of(" \t");
    if (tag_end != std::string_view::npos) tag_text = tag_text.substr(0, tag_end);
    Tag tag;
    if (!parse_tag(tag_text, tag)) {
      if (problem) problem(std::string(name) + ":" + std::to_string(line_no) + ": unknown tag \"" + std::string(tag_text) + "\", token skipped");
      continue;
    }
    current.words.emplace_back(word);
    current.tags.push_back(tag);
  }
  flush();
  return out;
}

std::array<std::uint32_t, kPairFeatures> pair_features(const std::array<PairKeys, 5>& around) {
  const auto& [b2, b1, w, a1, a2] = around;
  return {mix(kPairPrev, pair_of(b1.norm, w.norm)), mix(kPairNext, pair_of(w.norm, a1.norm)),
          mix(kPairBare, pair_of(b1.bare, w.bare)), mix(kPairPrev2, pair_of(b2.norm, b1.norm)),
          mix(kPairNext2, pair_of(a1.norm, a2.norm))};
}

WordParts word_parts(const std::string* word) {
  WordParts out;
  const WordView view = word ? view_of(*word) : edge_view();
  out.keys = {view.norm, view.bare};
  for (int p = 0; p < kPositions; ++p) position_features(view, static_cast<Position>(p), out.at[p]);
  return out;
}

std::vector<std::uint32_t> ner_features(const std::vector<std::string>& words, std::size_t i) {
  const auto views = views_of(words);
  std::vector<std::uint32_t> out;
  features_of(views, i, out);
  return out;
}

// For the model: the features of every word of a sentence at once.
std::vector<std::vector<std::uint32_t>> sentence_features(const std::vector<std::string>& words) {
  const auto views = views_of(words);
  std::vector<std::vector<std::uint32_t>> out(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) features_of(views, i, out[i]);
  return out;
}

}  // namespace masar::entities
