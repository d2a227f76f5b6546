// Where versus who: the words of a sentence, lists of actors, places and the names of talks,
// and a group of states a text names ("الدول الضامنة" … "روسيا وتركيا وإيران").
#include <algorithm>

#include "events/sentence.hpp"
#include "masar/entities/states.hpp"
#include "masar/events/coder.hpp"
#include "masar/text/chars.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/tokenize.hpp"
#include "masar/text/utf8.hpp"

namespace masar::events {
namespace detail {
namespace {

bool starts_clause(std::string_view gap) {
  // , ; : or the Arabic comma and semicolon (، ؛ are D8 8C and D8 9B), in one pass.
  for (std::size_t i = 0; i < gap.size(); ++i) {
    const char c = gap[i];
    if (c == ',' || c == ';' || c == ':') return true;
    if (c == '\xD8' && i + 1 < gap.size() && (gap[i + 1] == '\x8C' || gap[i + 1] == '\x9B')) return true;
  }
  return false;
}

// Nouns of places: a name after them is where something happened, whatever the tagger
// called it ("في فندق ريكسوس", "بالعاصمة الكازاخية نور سلطان", "بمدينة حلب").
bool place_noun(std::string_view w) {
  static const WordList kPlaceNouns{"مدينة", "بلدة", "قرية", "منطقة", "محافظة", "مخيم", "عاصمة", "العاصمة", "فندق",
                                    "منتجع", "مطار", "ميناء", "ريف", "ساحة", "قاعدة"};
  const auto with_bi = [](std::string_view x) {
    return kPlaceNouns.contains(x) || (x.starts_with("ب") && kPlaceNouns.contains(x.substr(2)));
  };
  return with_bi(w) || with_bi(without_conjunction(w));  // "فندق" starts with the letter of ف
}

// Words before a LOC name that make it a place: prepositions and directions.
bool locative_word(std::string_view w) {
  return in(w, {"في", "وفي", "قرب", "شمال", "جنوب", "شرق", "غرب", "وسط", "الي", "من", "امام", "داخل"});
}

// People sent by a party: "وفود من …", "ممثلين من …".
bool delegates(std::string_view w) {
  static const WordList kDelegates{"وفد", "وفدا", "وفود", "الوفود", "ممثلين", "ممثلو", "ممثلي", "مسؤولين", "مسؤولون", "دبلوماسيين"};
  return kDelegates.contains(w) || kDelegates.contains(without_conjunction(w));  // "وفود" begins with و
}

// "الكازاخية", "الروسي": an adjective of origin, which may stand between a place noun and its name.
bool looks_adjective(std::string_view w) {
  return w.size() >= 10 && w.starts_with("ال") && (w.ends_with("يه") || w.ends_with("ي"));
}

// Titles that stand before a person's name in a list of people: "حسن روحاني والرئيس الروسي
// فلاديمير بوتين".
bool title_word(std::string_view w) {
  static const WordList kTitles{"الرئيس", "رئيس", "نائب", "وزير", "الوزير", "الملك", "الأمير", "ولي", "العهد", "الشيخ",
                                "السلطان", "المستشارة", "المبعوث", "نظيره", "نظيريه", "الوزراء", "الخارجية", "الدفاع"};
  return kTitles.contains(w) || looks_adjective(w);
}

// The candidate starting at word `next` continues a list that ended before word `gap_begin`:
// right after it with و ("روسيا وتركيا"), or after a title that carries the و ("روحاني
// والرئيس الروسي بوتين"; at most three words of titles and adjectives).
bool joins_list(std::size_t gap_begin, std::size_t next, const std::vector<Word>& words) {
  if (next == gap_begin) return words[next].norm.starts_with("و");
  if (next < gap_begin || next - gap_begin > 3 || !words[gap_begin].norm.starts_with("و")) return false;
  for (std::size_t i = gap_begin; i < next; ++i) {
    const std::string_view w = i == gap_begin ? std::string_view(words[i].norm).substr(2) : std::string_view(words[i].norm);
    if (!title_word(w)) return false;
  }
  return true;
}

// Whether the word's last letter is ة, marks and tatweel after it aside.
bool ends_in_ta_marbuta(std::string_view word) {
  while (word.size() >= 2) {
    const auto lead = static_cast<unsigned char>(word[word.size() - 2]);
    const auto trail = static_cast<unsigned char>(word[word.size() - 1]);
    const bool mark_or_tatweel = lead == 0xD9 && ((trail >= 0x8B && trail <= 0x9F) || trail == 0x80 || trail == 0xB0);
    if (!mark_or_tatweel) return lead == 0xD8 && trail == 0xA9;
    word.remove_suffix(2);
  }
  return false;
}

}  // namespace

std::vector<Word> words_of(std::string_view sentence) {
  const auto tokens = text::tokenize(sentence);
  std::vector<Word> out;
  out.reserve(tokens.size());
  int clause = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0 && starts_clause(sentence.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end))) ++clause;
    const std::string_view written = sentence.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    out.push_back({tokens[i].begin, tokens[i].end, text::normalize_for_search(written), clause, ends_in_ta_marbuta(written)});
  }
  return out;
}

WordList::WordList(std::initializer_list<std::string_view> written) {
  for (std::string_view w : written) words_.push_back(text::normalize_for_search(w));
  lookup_.insert(words_.begin(), words_.end());
  for (const std::string& w : words_) seen_.set(signature(w));
}

bool WordList::contains(std::string_view normalized_word) const {
  return seen_.test(signature(normalized_word)) && lookup_.find(normalized_word) != lookup_.end();
}

bool WordList::holds(std::string_view normalized_word) const {
  const std::string_view bare = without_conjunction(normalized_word);
  const bool glued = bare.size() > 4 && (bare.starts_with("ب") || bare.starts_with("ل"));
  return contains(normalized_word) || contains(bare) || (glued && contains(bare.substr(2)));
}

bool WordList::occurs_in(std::string_view normalized_text) const {
  return std::any_of(words_.begin(), words_.end(), [&](const std::string& w) { return normalized_text.find(w) != std::string_view::npos; });
}

std::size_t after_marks(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    std::size_t next = at;
    const char32_t c = text::next_code_point(text, next);
    if (c != text::kTatweel && !text::is_arabic_diacritic(c)) break;
    at = next;
  }
  return at;
}

std::string_view without_conjunction(std::string_view w) {
  if (w.size() > 4 && (w.substr(0, 2) == "و" || w.substr(0, 2) == "ف")) w.remove_prefix(2);
  return w;
}

std::optional<Candidate> mention_candidate(const std::vector<Word>& words, const std::vector<entities::Mention>& mentions,
                                           std::size_t m) {
  Candidate c;
  bool found = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].end <= mentions[m].begin || words[i].begin >= mentions[m].end) continue;
    if (!found) c.first = i;
    c.last = i;
    found = true;
  }
  if (!found) return std::nullopt;
  c.mention = m;
  c.type = mentions[m].type;
  // A capital is a place whatever the tagger took it for ("في نور سلطان" read as a person).
  c.place = c.type == entities::EntityType::LOC || entities::state_of_capital(mentions[m].key).has_value();
  const std::string_view word = without_conjunction(words[c.first].norm);
  c.with_bi = word.starts_with("ب") && !mentions[m].key.starts_with("ب");
  // The actor is the name as written, without the proclitics glued to it ("لروسيا").
  const std::size_t name_begin = mentions[m].begin + (mentions[m].surface.size() - as_written(mentions[m]).size());
  if (name_begin > words[c.first].begin && name_begin < words[c.last].end) c.clitics = name_begin - words[c.first].begin;
  return c;
}

std::size_t coordinated(const std::vector<Candidate>& cs, std::size_t from, const std::vector<Word>& words) {
  std::size_t last = from;
  while (last + 1 < cs.size() && words[cs[last + 1].first].clause == words[cs[last].first].clause &&
         joins_list(cs[last].last + 1, cs[last + 1].first, words)) {
    ++last;
  }
  return last;
}

bool is_place(const Candidate& c, const std::vector<Word>& words, bool bi_means_with) {
  if (!c.mention) return false;
  if (c.place && c.with_bi && !bi_means_with) return true;
  int adjectives = 0;
  for (std::size_t i = c.first; i > 0 && words[i - 1].clause == words[c.first].clause; --i) {
    const std::string_view w = words[i - 1].norm;
    if (place_noun(w)) return true;
    // "وفود من كوريا الشمالية": من after people sent says whom they represent, not where.
    if (c.place && locative_word(w)) return !(w == "من" && i >= 2 && delegates(words[i - 2].norm));
    if (adjectives == 2 || !looks_adjective(w)) return false;
    ++adjectives;
  }
  return false;
}

bool names_talks(const std::vector<Candidate>& cs, std::size_t k, const std::vector<Word>& words) {
  static const WordList kTalks{"محادثات", "مباحثات", "مفاوضات", "اجتماعات", "اجتماع", "قمة", "مؤتمر", "مسار", "صيغة",
                               "منصة", "لقاء", "جولة"};
  const Candidate& c = cs[k];
  if (!c.place || c.first == 0 || c.first != c.last) return false;
  if (k + 1 < cs.size() && coordinated(cs, k, words) > k) return false;
  return kTalks.holds(words[c.first - 1].norm);
}

}  // namespace detail

using detail::Candidate;
using detail::Word;
using detail::in;
using detail::WordList;
using detail::after_marks;
using detail::without_conjunction;
using detail::words_of;
using detail::is_place;

std::string as_written(const entities::Mention& m) {
  const std::string first_key_word = m.key.substr(0, m.key.find(' '));
  const auto is_key_word = [&](std::string_view word) {
    const std::string n = text::normalize_for_search(word);
    return n == first_key_word || n == "ال" + first_key_word;  // the key drops the article too
  };
  std::string_view rest = m.surface;
  // Up to three proclitics (و ف ب ل ك), each with the marks or tatweel written on it, while
  // the key still follows.
  for (int dropped = 0; dropped < 3; ++dropped) {
    if (is_key_word(rest.substr(0, rest.find(' ')))) break;
    if (!in(rest.substr(0, 2), {"و", "ف", "ب", "ل", "ك"})) return m.surface;
    // "للكويت" is ل + الكويت with the article's alif dropped: what is left, "كويت", is not how
    // the name is written.
    if (rest.substr(0, 4) == "لل") return m.surface;
    rest.remove_prefix(after_marks(rest, 2));
  }
  return is_key_word(rest.substr(0, rest.find(' '))) ? std::string(rest) : m.surface;
}

namespace detail {

bool observers(std::string_view text, std::size_t list_end) {
  std::string_view rest = text.substr(list_end, 80);
  if (rest.size() == 80) rest = rest.substr(0, rest.rfind(' ') + 1);  // whole letters only
  const std::vector<Word> after = words_of(rest);
  for (std::size_t i = 0; i < after.size() && i < 4; ++i) {
    const std::string_view w = after[i].norm;
    if (w.starts_with("مراقب") || w.starts_with("كمراقب")) return true;
  }
  return false;
}

}  // namespace detail

bool names_a_group(std::string_view text) {
  // "الضامن" also finds "الضامن الروسي": one of the group, named by its role.
  static const WordList kGroups{"دول الضامنة", "دول الثلاث", "دول الراعية", "الضامن"};
  return kGroups.occurs_in(text::normalize_for_search(text));
}

std::vector<std::size_t> named_group(std::string_view text, const std::vector<entities::Mention>& mentions) {
  if (!names_a_group(text)) return {};
  const auto is_loc = [&](std::size_t m) { return mentions[m].type == entities::EntityType::LOC; };
  // "روسيا وتركيا": nothing but space between, and a و the key leaves out.
  const auto joins = [&](std::size_t m, std::size_t next) {
    if (mentions[next].begin < mentions[m].end) return false;
    const std::string_view gap = text.substr(mentions[m].end, mentions[next].begin - mentions[m].end);
    return gap.find_first_not_of(" \t") == std::string_view::npos && mentions[next].surface.starts_with("و") &&
           as_written(mentions[next]) != mentions[next].surface;
  };
  std::optional<std::vector<Word>> words;  // the text's words, read once, when a list is found
  for (std::size_t m = 0; m < mentions.size(); ++m) {
    if (!is_loc(m)) continue;
    std::vector<std::size_t> list{m};
    while (list.back() + 1 < mentions.size() && is_loc(list.back() + 1) && joins(list.back(), list.back() + 1)) {
      list.push_back(list.back() + 1);
    }
    if (list.size() < 2) continue;
    // The words before the list's first name tell a place from a party.
    if (!words) words = words_of(text);
    const auto first = detail::mention_candidate(*words, mentions, m);
    // "الهجمات على سوريا ولبنان": who is struck is not the group either, nor two sides
    // ("العلاقة بين أنقرة ودمشق").
    const bool struck = first && first->first > 0 && in((*words)[first->first - 1].norm, {"علي", "ضد", "بين"});
    if (first && !struck && !is_place(*first, *words) && !detail::observers(text, mentions[list.back()].end)) return list;
    m = list.back();
  }
  return {};
}

}  // namespace masar::events
