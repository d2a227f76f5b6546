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

// The UTF-8 length of the sequence starting with byte c.
std::size_t sequence_length(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

// The first (or last) n letters of a word, whole UTF-8 sequences.
std::string_view first_letters(std::string_view w, std::size_t n) {
  std::size_t at = 0;
  for (std::size_t k = 0; k < n && at < w.size(); ++k) at += sequence_length(static_cast<unsigned char>(w[at]));
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
    i += sequence_length(c);
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

// Per word, computed once per sentence.
struct WordView {
  std::string norm, stem, bare, shape;
  std::string cue;  // "per", "loc", "org" or empty
  bool name = false;
  std::string cluster;  // WordClusters id of the word (else of its bare form), or empty
};

std::vector<WordView> views_of(const std::vector<std::string>& words) {
  std::vector<WordView> out(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    WordView& v = out[i];
    // The text core assumes valid UTF-8; a caller's bytes may not be.
    v.norm = text::is_valid_utf8(words[i]) ? text::normalize_for_search(words[i])
                                           : text::normalize_for_search(text::decode_utf8(words[i]).text);
    v.stem = std::string(text::stem_arabic(v.norm));
    v.bare = std::string(text::strip_proclitics(v.norm));
    v.shape = shape_of(v.norm);
    v.name = text::is_protected_name(v.norm) || text::is_protected_name(v.bare) || text::is_protected_name(v.stem);
    if (const auto it = cue_words().find(v.bare); it != cue_words().end()) v.cue = it->second;
    const auto& clusters = WordClusters::builtin();
    int c = clusters.cluster(v.norm);
    if (c < 0) c = clusters.cluster(v.bare);
    if (c >= 0) v.cluster = std::to_string(c);
  }
  return out;
}

class FeatureSink {
 public:
  explicit FeatureSink(std::vector<std::uint32_t>& out) : out_(out) {}
  void add(std::string_view kind, std::string_view value = {}) {
    buffer_.assign(kind);
    buffer_ += '\x1f';
    buffer_ += value;
    out_.push_back(static_cast<std::uint32_t>(XXH3_64bits(buffer_.data(), buffer_.size())));
  }
  void add2(std::string_view kind, std::string_view a, std::string_view b) {
    buffer_.assign(kind);
    buffer_ += '\x1f';
    buffer_ += a;
    buffer_ += '\x1f';
    buffer_ += b;
    out_.push_back(static_cast<std::uint32_t>(XXH3_64bits(buffer_.data(), buffer_.size())));
  }

 private:
  std::vector<std::uint32_t>& out_;
  std::string buffer_;
};

void features_of(const std::vector<WordView>& v, std::size_t i, std::vector<std::uint32_t>& out) {
  out.clear();
  FeatureSink f(out);
  const auto at = [&](std::ptrdiff_t k) -> const WordView* {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
    return j < 0 || j >= static_cast<std::ptrdiff_t>(v.size()) ? nullptr : &v[static_cast<std::size_t>(j)];
  };
  static const WordView kEdge{"<edge>", "<edge>", "<edge>", "<edge>", "", false, ""};
  const WordView& w = v[i];
  const WordView& p1 = at(-1) ? *at(-1) : kEdge;
  const WordView& p2 = at(-2) ? *at(-2) : kEdge;
  const WordView& n1 = at(1) ? *at(1) : kEdge;
  const WordView& n2 = at(2) ? *at(2) : kEdge;
  f.add("bias");
  f.add("w0", w.norm);
  f.add("s0", w.stem);
  f.add("b0", w.bare);
  f.add("sh0", w.shape);
  for (std::size_t n = 1; n <= 4; ++n) {
    f.add2("pre", std::to_string(n), first_letters(w.bare, n));
    f.add2("suf", std::to_string(n), last_letters(w.norm, n));
  }
  if (w.bare.size() != w.norm.size()) f.add("clitic", first_letters(w.norm, letter_count(w.norm) - letter_count(w.bare)));
  if (w.name) f.add("name0");
  f.add("w-1", p1.norm);
  f.add("b-1", p1.bare);
  f.add("w-2", p2.norm);
  f.add("w+1", n1.norm);
  f.add("b+1", n1.bare);
  f.add("w+2", n2.norm);
  f.add("sh-1", p1.shape);
  f.add("sh+1", n1.shape);
  if (p1.name) f.add("name-1");
  if (n1.name) f.add("name+1");
  f.add("suf-1", last_letters(p1.norm, 2));
  f.add("suf+1", last_letters(n1.norm, 2));
  f.add2("w-1w0", p1.norm, w.norm);
  f.add2("w0w+1", w.norm, n1.norm);
  f.add2("b-1b0", p1.bare, w.bare);
  if (!w.cluster.empty()) f.add("c0", w.cluster);
  if (!p1.cluster.empty()) f.add("c-1", p1.cluster);
  if (!n1.cluster.empty()) f.add("c+1", n1.cluster);
  if (!w.cue.empty()) f.add("cue0", w.cue);
  if (!p1.cue.empty()) f.add("cue-1", p1.cue);
  if (!p2.cue.empty()) f.add("cue-2", p2.cue);
  f.add("s-1", p1.stem);
  f.add("s+1", n1.stem);
  f.add2("w-2w-1", p2.norm, p1.norm);
  f.add2("w+1w+2", n1.norm, n2.norm);
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
