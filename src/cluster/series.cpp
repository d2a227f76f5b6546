#include "masar/cluster/series.hpp"
#include "masar/text/numbers.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>

#include "masar/text/normalize.hpp"
#include "masar/text/tokenize.hpp"
#include "masar/text/utf8.hpp"
#include "masar/util/string_hash.hpp"
#include "text/lexicon.hpp"

namespace masar::cluster {
namespace {

// Word tables, written from general knowledge as people spell the words; lookups compare
// search-normalized forms (built once in tables()).

// Kinds of numbered meeting, singular (plurals and duals are never one round).
constexpr std::string_view kNouns[] = {"جولة", "اجتماع", "مؤتمر", "قمة", "دورة", "نسخة", "جلسة"};

// Adjectives that may stand between noun and number ("القمة الثلاثية السادسة"), masculine;
// the feminine (+ة) is derived.
constexpr std::string_view kAdjectives[] = {
    "الثلاثي", "الرباعي", "الثنائي", "الدولي",   "المقبل",  "الجديد",    "العربي",  "الخليجي",
    "الإسلامي", "الأوروبي", "الأفريقي", "الوزاري", "التشاوري", "الموسع", "العادي",  "الاستثنائي",
    "السنوي",  "الحالي",  "الرسمي",  "الفني",
};

// Plural nouns in construct between noun and number ("جولة المحادثات الرابعة"); they make the
// noun definite. With and without the article.
constexpr std::string_view kComplements[] = {"محادثات", "مفاوضات", "مباحثات", "مشاورات", "اجتماعات"};

// Series names: how they are written -> the name we report. Single words are first folded by
// the lexicon's spelling variants (أستانة -> أستانا), so only canonical forms are listed.
struct NameEntry {
  std::string_view written, name;
};
constexpr NameEntry kNames[] = {
    {"أستانا", "أستانا"},
    {"نور سلطان", "أستانا"},  // the city's name in 2019-2022; the talks kept "Astana format"
    {"جنيف", "جنيف"},
    {"سوتشي", "سوتشي"},
    {"فيينا", "فيينا"},
    {"بروكسل", "بروكسل"},
    {"لوزان", "لوزان"},
    {"مونترو", "مونترو"},
    {"أوسلو", "أوسلو"},
    {"اللجنة الدستورية", "اللجنة الدستورية"},
    {"للجنة الدستورية", "اللجنة الدستورية"},
};

// Words after digits that make them a date or a quantity, not a round: months ("جنيف 8 مايو"
// is a dateline), durations and counts ("استمر الاجتماع 3 ساعات").
constexpr std::string_view kNotAfterDigits[] = {
    "ساعة", "ساعات", "دقيقة", "دقائق", "يوم",  "يوما", "أيام", "أسبوع", "أسابيع", "شهر", "أشهر",
    "عام",  "أعوام", "سنة",   "سنوات", "دولة", "دول", "شخص", "أشخاص", "مرة",   "مرات",
    "يناير", "فبراير", "مارس",  "أبريل", "إبريل", "مايو",  "يونيو", "يونيه", "يوليو", "يوليه",
    "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار",  "نيسان", "أيار",
    "حزيران", "تموز",  "آب",    "أيلول", "تشرين", "جانفي", "فيفري", "أفريل", "ماي",   "جوان",
    "جويلية", "أوت",
};

// Masculine ordinals that come before an indefinite noun: "أول جولة", "ثالث قمة".
constexpr std::string_view kLeadingOrdinals[] = {"أول",  "ثاني", "ثالث", "رابع", "خامس",
                                                 "سادس", "سابع", "ثامن", "تاسع", "عاشر"};

using WordSet = std::set<std::string, std::less<>>;

struct Tables {
  WordSet nouns, adjectives, complements, not_after_digits;
  std::vector<std::uint32_t> noun_endings;  // the last two letters (4 bytes) of each noun
  std::map<std::string, int, std::less<>> leading;
  std::vector<std::pair<std::vector<std::string>, std::string>> names;  // words -> name
  std::map<std::string, std::string_view, std::less<>> shown;         // name or noun -> as written
  std::string al, waw, number_sign;
  // Quick answers for the words that are none of these (nearly all): a name is looked up by its
  // first word; leading ordinals have few lengths.
  std::unordered_map<std::string, std::vector<std::size_t>, util::StringViewHash, std::equal_to<>> names_by_first;
  std::uint64_t leading_lengths = 0;  // bit n: some ordinal is n bytes long
  std::size_t longest_name = 0;       // in words
};

std::uint32_t last_four_bytes(std::string_view s) {
  std::uint32_t v = 0;
  std::memcpy(&v, s.data() + s.size() - sizeof v, sizeof v);
  return v;
}

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start < s.size();) {
    std::size_t space = s.find(' ', start);
    if (space == std::string::npos) space = s.size();
    if (space > start) out.push_back(s.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

const Tables& tables() {
  static const Tables t = [] {
    using text::normalize_for_search;
    Tables t;
    for (auto w : kNouns) {
      const std::string noun = normalize_for_search(w);
      t.nouns.insert(noun);
      t.shown.emplace(noun, w);
      t.noun_endings.push_back(last_four_bytes(noun));  // every noun has two letters or more
    }
    for (auto w : kAdjectives) {
      t.adjectives.insert(normalize_for_search(w));
      t.adjectives.insert(normalize_for_search(std::string(w) + "ة"));
    }
    for (auto w : kComplements) {
      t.complements.insert(normalize_for_search(w));
      t.complements.insert(normalize_for_search("ال" + std::string(w)));
    }
    for (auto w : kNotAfterDigits) t.not_after_digits.insert(normalize_for_search(w));
    for (std::size_t i = 0; i < std::size(kLeadingOrdinals); ++i) {
      t.leading.emplace(normalize_for_search(kLeadingOrdinals[i]), static_cast<int>(i) + 1);
    }
    for (const auto& e : kNames) {
      t.names.emplace_back(split_words(normalize_for_search(e.written)), normalize_for_search(e.name));
      t.shown.emplace(normalize_for_search(e.name), e.name);
    }
    for (std::size_t i = 0; i < t.names.size(); ++i) {
      t.names_by_first[t.names[i].first[0]].push_back(i);
      t.longest_name = std::max(t.longest_name, t.names[i].first.size());
    }
    for (const auto& [ordinal, value] : t.leading) t.leading_lengths |= std::uint64_t{1} << std::min<std::size_t>(ordinal.size(), 63);
    t.al = "ال";
    t.waw = "و";
    t.number_sign = "رقم";
    return t;
  }();
  return t;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

using text::digits_value;
using text::parse_number;
using Number = text::NumberMatch;

// The words of the text in search form, with the byte offsets of their tokens.
struct Doc {
  std::string_view text;
  std::vector<std::string> words;
  std::vector<std::uint32_t> begin, end;
  std::vector<bool> has_digit;  // the word holds an ASCII digit (the search form folds the others)

  std::size_t size() const { return words.size(); }
  // The bytes between word a and word a + 1.
  std::string_view gap(std::size_t a) const { return text.substr(end[a], begin[a + 1] - end[a]); }
};

void read_words(Doc& d, std::string_view text, std::uint32_t base, bool split_hashtags) {
  for (const text::Token& tok : text::tokenize(text)) {
    std::string_view s = text.substr(tok.begin, tok.end - tok.begin);
    if (tok.kind == text::TokenKind::hashtag) {
      s.remove_prefix(1);
      // "#أستانا_9": the parts of a hashtag are words of their own.
      if (split_hashtags) {
        read_words(d, s, base + tok.begin + 1, false);
        continue;
      }
    }
    std::string norm = text::normalize_for_search(s);
    if (tok.rejoined) {
      // A word broken to dodge filters (القـ.ـضية): drop the marks, as the analyzer does.
      std::erase_if(norm, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      for (std::size_t at; (at = norm.find("،")) != std::string::npos;) norm.erase(at, 2);
    }
    if (norm.empty()) continue;
    d.has_digit.push_back(std::any_of(norm.begin(), norm.end(), [](char c) { return c >= '0' && c <= '9'; }));
    d.words.push_back(std::move(norm));
    d.begin.push_back(base + tok.begin);
    d.end.push_back(base + tok.end);
  }
}

// Bytes of invalid UTF-8 become spaces: the text keeps its length, so offsets still hold.
std::string valid_bytes(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size();) {
    const std::size_t n = text::sequence_length(static_cast<unsigned char>(out[i]));
    if (i + n <= out.size() && text::is_valid_utf8(std::string_view(out).substr(i, n))) {
      i += n;
    } else {
      out[i++] = ' ';
    }
  }
  return out;
}

// A sentence or clause break: . , ، ; ؛ ! ? ؟ or a line break. A run of dots is a headline
// separator ("أستانا.. انطلاق الجولة 20"), not a break.
bool is_break(std::string_view gap) {
  for (std::size_t i = 0; i < gap.size(); ++i) {
    const char c = gap[i];
    if (c == '.') {
      const bool run = (i + 1 < gap.size() && gap[i + 1] == '.') || (i > 0 && gap[i - 1] == '.');
      if (!run) return true;
    } else if (c == ',' || c == ';' || c == '!' || c == '?' || c == '\n' || c == '\r') {
      return true;
    }
    const std::string_view two = gap.substr(i, 2);
    if (two == "،" || two == "؛" || two == "؟") return true;
  }
  return false;
}

// Inside one mention a colon or a run of dots also separates.
bool is_core_break(std::string_view gap) { return is_break(gap) || gap.find_first_of(":.") != std::string_view::npos; }

// "أستانا 9", "أستانا-9", "أستانا_9", "أستانا9": nothing but a space, hyphen or underscore.
bool is_tight(std::string_view gap) {
  for (std::size_t i = 0; i < gap.size();) {
    const char c = gap[i];
    if (c == ' ' || c == '\t' || c == '-' || c == '_') {
      ++i;
    } else if (gap.substr(i, 3) == "–" || gap.substr(i, 2) == "\u00A0") {
      i += gap[i] == '\xC2' ? 2 : 3;
    } else {
      return false;
    }
  }
  return true;
}

// The first word at or after `from` that a clause break separates from the word before it.
std::size_t clause_end(const Doc& d, std::size_t from) {
  std::size_t k = from;
  while (k + 1 < d.size() && !is_core_break(d.gap(k))) ++k;
  return std::min(k + 1, d.size());
}

struct Noun {
  std::string_view noun;
  bool definite = false;
  bool bare = false;  // no clitic at all
};

// A series noun with its clitics: و/ف, then ب/ل/ك, then the article ("وللجولة", "بالاجتماع").
std::optional<Noun> noun_at(std::string_view w) {
  const Tables& t = tables();
  // Every form below ends with the noun: a word that ends with none is none. Most words end
  // with other two letters than every noun, which is one integer compare a noun.
  if (w.size() < 4) return std::nullopt;
  const std::uint32_t ending = last_four_bytes(w);
  if (std::find(t.noun_endings.begin(), t.noun_endings.end(), ending) == t.noun_endings.end()) return std::nullopt;
  if (std::none_of(t.nouns.begin(), t.nouns.end(), [&](const std::string& n) { return w.ends_with(n); })) return std::nullopt;
  const auto find = [&](std::string_view s) -> std::string_view {
    const auto it = t.nouns.find(s);
    return it == t.nouns.end() ? std::string_view() : std::string_view(*it);
  };
  for (std::string_view conj : {"", "و", "ف"}) {
    if (!starts_with(w, conj)) continue;
    const std::string_view a = w.substr(conj.size());
    for (std::string_view prep : {"", "ب", "ل", "ك"}) {
      if (!starts_with(a, prep)) continue;
      const std::string_view b = a.substr(prep.size());
      if (starts_with(b, t.al)) {
        if (auto n = find(b.substr(t.al.size())); !n.empty()) return Noun{n, true, false};
      }
      // ل + ال is written لل: "للجولة".
      if (prep == "ل" && starts_with(b, "ل")) {
        if (auto n = find(b.substr(2)); !n.empty()) return Noun{n, true, false};
      }
      if (auto n = find(b); !n.empty()) return Noun{n, false, conj.empty() && prep.empty()};
    }
  }
  return std::nullopt;
}

// The series name starting at word k ("أستانا", "لأستانا", "اللجنة الدستورية"): the name and
// how many words it spans.
std::optional<std::pair<std::string, std::size_t>> name_at(const Doc& d, std::size_t k) {
  const Tables& t = tables();
  const std::string_view w = d.words[k];
  // The word, then without و/ف, then without ب/ل/ك; never shorter than three letters.
  std::string_view forms[4];
  std::size_t count = 0;
  const auto add = [&](std::string_view f) {
    if (f.size() >= 6) forms[count++] = f;
  };
  add(w);
  std::string_view rest = w;
  if (starts_with(w, "و") || starts_with(w, "ف")) add(rest = w.substr(2));
  for (std::string_view base : {w, rest}) {
    if (count < 4 && (starts_with(base, "ب") || starts_with(base, "ل") || starts_with(base, "ك"))) add(base.substr(2));
  }
  for (std::size_t f = 0; f < count; ++f) {
    const std::string_view canonical = text::lexicon::canonical_spelling(forms[f]);
    const std::string_view first = canonical.empty() ? forms[f] : canonical;
    const auto named = t.names_by_first.find(first);
    if (named == t.names_by_first.end()) continue;
    for (const std::size_t index : named->second) {
      const auto& [words, name] = t.names[index];
      if (k + words.size() > d.size()) continue;
      bool match = true;
      for (std::size_t i = 1; i < words.size() && match; ++i) {
        match = d.words[k + i] == words[i] && !is_core_break(d.gap(k + i - 1));
      }
      if (match) return std::pair{name, words.size()};
    }
  }
  return std::nullopt;
}

// Digits followed by a month, a duration, a count or a date separator are not a round:
// "جنيف 8 مايو", "الاجتماع 3 ساعات", "الجلسة 12/5".
bool date_or_count_follows(const Doc& d, std::size_t last) {
  if (last + 1 >= d.size()) return false;
  if (tables().not_after_digits.count(d.words[last + 1])) return true;
  return d.gap(last).find('/') != std::string_view::npos && digits_value(d.words[last + 1]).has_value();
}

struct Found {
  std::string noun, name;
  int number = 0;
  std::size_t first = 0, last = 0, number_last = 0;
};

bool in_range(int v) { return v >= 1 && v <= 200; }

// Definiteness must agree: "الجولة العشرين" is the twentieth round, "قمة العشرين" (idafa) the
// G20. Bare cardinals 1..10 count things ("اجتماع ثلاث دول", "الدول الخمس").
bool agrees(const Number& n, bool noun_definite) {
  if (n.digits) return noun_definite || !n.definite;
  if (noun_definite) return n.definite && (n.ordinal || n.value > 10);
  return !n.definite && n.ordinal;
}

// noun [fillers] number: "الجولة الـ20", "القمة الثلاثية السادسة", "جولة أستانا العشرين".
std::optional<Found> noun_then_number(const Doc& d, std::size_t i) {
  const auto noun = noun_at(d.words[i]);
  if (!noun) return std::nullopt;
  const Tables& t = tables();
  const std::size_t limit = clause_end(d, i);
  bool definite = noun->definite;
  std::string name;
  std::size_t j = i + 1;
  for (int fillers = 0; j < limit; ++fillers) {
    if (auto n = parse_number(d.words, j, limit)) {
      const std::size_t last = j + n->used - 1;
      if (!agrees(*n, definite) || !in_range(n->value) || (n->digits && date_or_count_follows(d, last))) return std::nullopt;
      return Found{std::string(noun->noun), name, n->value, i, last, last};
    }
    if (fillers == 2) return std::nullopt;
    if (auto nm = name_at(d, j)) {
      if (name.empty()) name = nm->first;
      definite = true;  // construct: "جولة أستانا"
      j += nm->second;
    } else if (t.complements.count(d.words[j])) {
      definite = true;  // construct: "جولة المحادثات"
      ++j;
    } else if (t.adjectives.count(d.words[j]) || d.words[j] == t.number_sign) {
      ++j;
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// "أول جولة", "ثالث قمة": a masculine ordinal before a bare indefinite noun.
std::optional<Found> ordinal_then_noun(const Doc& d, std::size_t i) {
  const Tables& t = tables();
  if (!(t.leading_lengths >> std::min<std::size_t>(d.words[i].size(), 63) & 1)) return std::nullopt;
  const auto it = t.leading.find(d.words[i]);
  if (it == t.leading.end() || i + 1 >= d.size() || is_core_break(d.gap(i))) return std::nullopt;
  const auto noun = noun_at(d.words[i + 1]);
  if (!noun || noun->definite || !noun->bare) return std::nullopt;
  return Found{std::string(noun->noun), "", it->second, i, i + 1, i + 1};
}

// Whether a word of [from, to) holds an ASCII digit (the search form folds the other digits).
bool digit_within(const Doc& d, std::size_t from, std::size_t to) {
  for (std::size_t k = from; k < std::min(to, d.size()); ++k) {
    if (d.has_digit[k]) return true;
  }
  return false;
}

// "أستانا 9", "أستانا-9", "#أستانا_9", "جنيف الـ8".
std::optional<Found> name_then_digits(const Doc& d, std::size_t i) {
  // Nearly no word is a name with digits after it: the digits (a byte scan of the next few
  // words) are looked for before the name (lexicon lookups of four forms). The number starts
  // right after a name of up to longest_name words, and may be written "الـ" + digits.
  if (!digit_within(d, i + 1, i + tables().longest_name + 2)) return std::nullopt;
  const auto nm = name_at(d, i);
  if (!nm) return std::nullopt;
  const std::size_t j = i + nm->second;
  if (j >= d.size() || !is_tight(d.gap(j - 1))) return std::nullopt;
  const std::size_t limit = j + 1 < d.size() && is_tight(d.gap(j)) ? j + 2 : j + 1;
  const auto n = parse_number(d.words, j, limit);
  if (!n || !n->digits || !in_range(n->value)) return std::nullopt;
  const std::size_t last = j + n->used - 1;
  if (date_or_count_follows(d, last)) return std::nullopt;
  return Found{"", nm->first, n->value, i, last, last};
}

// A name in the words after the number (within seven words: "الجولة السادسة عشرة من الاجتماعات
// الدولية حول سوريا بصيغة أستانا"), else before the mention (not before `floor`, within four),
// in the same clause.
void attach_name(const Doc& d, Found& f, std::size_t floor) {
  for (std::size_t k = f.number_last + 1; k < d.size() && k <= f.number_last + 7; ++k) {
    if (is_break(d.gap(k - 1)) || noun_at(d.words[k])) break;
    if (auto nm = name_at(d, k)) {
      const std::size_t after = k + nm->second;
      if (after < d.size() && is_tight(d.gap(after - 1)) && digits_value(d.words[after])) break;  // "وأستانا 9": its own
      f.name = nm->first;
      f.last = after - 1;
      return;
    }
  }
  for (std::size_t k = f.first; k > floor && f.first - k < 4;) {
    --k;
    if (is_break(d.gap(k)) || noun_at(d.words[k])) break;
    if (auto nm = name_at(d, k); nm && k + nm->second <= f.first) {
      f.name = nm->first;
      f.first = k;
      return;
    }
  }
}

}  // namespace

std::optional<std::pair<int, std::size_t>> parse_number_words(const std::vector<std::string>& words, std::size_t at) {
  const auto n = parse_number(words, at, words.size());
  if (!n) return std::nullopt;
  return std::pair{n->value, n->used};
}

std::string series_name_of(std::string_view written) {
  Doc d;
  d.text = written;
  read_words(d, written, 0, false);
  // The whole text must be the name ("أستانا", "للجنة الدستورية"), not merely begin with one.
  if (d.size() > 0) {
    if (const auto named = name_at(d, 0); named && named->second == d.size()) return named->first;
  }
  std::string out;
  for (const auto& w : d.words) {
    const std::string_view canonical = text::lexicon::canonical_spelling(w);
    out += (out.empty() ? "" : " ") + std::string(canonical.empty() ? std::string_view(w) : canonical);
  }
  // A kind of meeting is reported without its article: "الجولة" → "جوله".
  if (starts_with(out, tables().al) && tables().nouns.count(out.substr(tables().al.size()))) out.erase(0, tables().al.size());
  return out;
}

std::string series_display_name(std::string_view name) {
  const auto it = tables().shown.find(name);
  return std::string(it != tables().shown.end() ? it->second : name);
}

std::vector<SeriesMention> find_series(std::string_view input) {
  std::string fixed;
  std::string_view text = input;
  if (!text::is_valid_utf8(input)) {
    fixed = valid_bytes(input);
    text = fixed;
  }
  Doc d;
  d.text = text;
  read_words(d, text, 0, true);

  std::vector<SeriesMention> out;
  std::size_t floor = 0;  // mentions never overlap: no word before `floor` is used again
  for (std::size_t i = 0; i < d.size();) {
    std::optional<Found> f = noun_then_number(d, i);
    if (!f) f = ordinal_then_noun(d, i);
    if (!f) f = name_then_digits(d, i);
    if (!f) {
      ++i;
      continue;
    }
    if (f->name.empty()) attach_name(d, *f, floor);
    out.push_back({std::move(f->noun), std::move(f->name), f->number, d.begin[f->first], d.end[f->last]});
    floor = i = f->last + 1;
  }
  return out;
}

}  // namespace masar::cluster
