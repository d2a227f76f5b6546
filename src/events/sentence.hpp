// The words of a sentence as the event coder reads them, the actor candidates found among
// them, and the rules that tell where an event happened from who took part in it (places.cpp).
// Internal to events/.
#pragma once

#include <algorithm>
#include <bitset>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "masar/entities/mentions.hpp"
#include "masar/util/string_hash.hpp"

namespace masar::events::detail {

struct Word {
  std::size_t begin = 0, end = 0;
  std::string norm;
  int clause = 0;  // words of one clause share it: a comma, ؛ or : between two words starts a new one
  // Written with ة at its end (the search form makes it ه): a noun or an adjective, never a
  // verb with the pronoun ه — "وزارة الدفاع" is a ministry, not "and he visited him".
  bool ta_marbuta = false;
};

struct Candidate {
  std::size_t first = 0, last = 0;  // word range
  std::optional<std::size_t> mention;
  entities::EntityType type = entities::EntityType::MISC;  // of the mention
  bool place = false;        // a LOC mention
  bool with_bi = false;      // "بسوتشي": the preposition ب is glued to the name
  std::optional<std::string> state;  // "القوات الروسية": the state its demonym names
  std::size_t clitics = 0;           // bytes of proclitics before a mention's name ("لـ" of "لروسيا")
  bool victim = false;               // "مدنيين", "أشخاص": who an attack strikes
};

inline bool in(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Words written as the news writes them ("العاصمة", "إعصار"), looked up in search form.
class WordList {
 public:
  WordList(std::initializer_list<std::string_view> written);
  bool contains(std::string_view normalized_word) const;
  // As written, without و/ف, or without a ب or ل glued to it ("وبعد", "بتهمة", "لأي", "بمحادثات").
  bool holds(std::string_view normalized_word) const;
  bool occurs_in(std::string_view normalized_text) const;  // any of them, as a substring
 private:
  // A word's slot in `seen_`: most words of a sentence are in no list, and are passed over
  // without hashing them whole.
  static std::size_t signature(std::string_view w) noexcept { return util::word_signature(w) % kSlots; }
  static constexpr std::size_t kSlots = 1024;
  std::vector<std::string> words_;
  std::unordered_set<std::string, util::StringViewHash, std::equal_to<>> lookup_;  // the same words, hashed
  std::bitset<kSlots> seen_;  // the signatures of the words
};

// Where the letters resume after position `at` of valid UTF-8: past the tatweel and the marks
// written on the letter before (harakat, shadda …).
std::size_t after_marks(std::string_view text, std::size_t at);

// The words of a sentence in search form, each with its clause (a comma, ؛ or : starts one).
std::vector<Word> words_of(std::string_view sentence);

// "وتركيا" → "تركيا", "فالجيش" → "الجيش" (words in search form; short words kept whole).
std::string_view without_conjunction(std::string_view w);

// The candidate mention `m` makes over the words of its text (none when no word overlaps it):
// its words, type, a ب glued to it, the proclitics before its name.
std::optional<Candidate> mention_candidate(const std::vector<Word>& words, const std::vector<entities::Mention>& mentions,
                                           std::size_t m);

// Coordinated actors ("روسيا وتركيا وإيران") are one argument list: the last candidate of the
// list that starts at `from`.
std::size_t coordinated(const std::vector<Candidate>& cs, std::size_t from, const std::vector<Word>& words);

// Where it happened, not who acted: a LOC name after a preposition or with ب glued to it
// ("في دمشق", "بسوتشي"), or any name after a place noun (العاصمة، فندق، مدينة، ميناء); up to
// two adjectives may come between ("في العاصمة الكازاخية أستانا"). After a verb of meeting ب
// means "with" ("التقى البرتغال بالأوروغواي"): `bi_means_with` says so.
bool is_place(const Candidate& c, const std::vector<Word>& words, bool bi_means_with = false);

// "الأردن والعراق ولبنان بصفة مراقبين": within four words after `list_end` the list is
// called observers.
bool observers(std::string_view text, std::size_t list_end);

// "محادثات أستانا", "قمة طهران", "بصيغة أستانا": a lone place name right after a word for
// talks names the talks; it is not a party to them. A list ("اجتماع روسيا وتركيا") is.
bool names_talks(const std::vector<Candidate>& cs, std::size_t k, const std::vector<Word>& words);

}  // namespace masar::events::detail
