#include "masar/text/numbers.hpp"

#include <map>

#include "masar/text/normalize.hpp"

namespace masar::text {
namespace {

// Number words. `alone` is false for words that only start a compound: "الحادي عشر",
// "أحد عشر", "اثنا عشر" (الأحد alone is Sunday).
struct NumberWord {
  std::string_view written;
  int value;
  bool ordinal, alone;
};
constexpr NumberWord kUnits[] = {
    {"أول", 1, true, true},      {"أولى", 1, true, true},      {"حادي", 1, true, false},
    {"حادية", 1, true, false},   {"واحد", 1, false, true},     {"واحدة", 1, false, true},
    {"أحد", 1, false, false},    {"إحدى", 1, false, false},    {"ثاني", 2, true, true},
    {"ثانٍ", 2, true, true},     {"ثانية", 2, true, true},     {"اثنان", 2, false, true},
    {"اثنين", 2, false, true},   {"اثنتان", 2, false, true},   {"اثنتين", 2, false, true},
    {"اثنا", 2, false, false},   {"اثني", 2, false, false},    {"اثنتا", 2, false, false},
    {"اثنتي", 2, false, false},  {"ثالث", 3, true, true},      {"ثالثة", 3, true, true},
    {"ثلاث", 3, false, true},    {"ثلاثة", 3, false, true},    {"رابع", 4, true, true},
    {"رابعة", 4, true, true},    {"أربع", 4, false, true},     {"أربعة", 4, false, true},
    {"خامس", 5, true, true},     {"خامسة", 5, true, true},     {"خمس", 5, false, true},
    {"خمسة", 5, false, true},    {"سادس", 6, true, true},      {"سادسة", 6, true, true},
    {"ست", 6, false, true},      {"ستة", 6, false, true},      {"سابع", 7, true, true},
    {"سابعة", 7, true, true},    {"سبع", 7, false, true},      {"سبعة", 7, false, true},
    {"ثامن", 8, true, true},     {"ثامنة", 8, true, true},     {"ثمان", 8, false, true},
    {"ثماني", 8, false, true},   {"ثمانية", 8, false, true},   {"تاسع", 9, true, true},
    {"تاسعة", 9, true, true},    {"تسع", 9, false, true},      {"تسعة", 9, false, true},
    {"عاشر", 10, true, true},    {"عاشرة", 10, true, true},    {"عشر", 10, false, true},
    {"عشرة", 10, false, true},
};
constexpr NumberWord kTens[] = {
    {"عشرون", 20, false, true},  {"عشرين", 20, false, true},  {"ثلاثون", 30, false, true},
    {"ثلاثين", 30, false, true}, {"أربعون", 40, false, true}, {"أربعين", 40, false, true},
    {"خمسون", 50, false, true},  {"خمسين", 50, false, true},  {"ستون", 60, false, true},
    {"ستين", 60, false, true},   {"سبعون", 70, false, true},  {"سبعين", 70, false, true},
    {"ثمانون", 80, false, true}, {"ثمانين", 80, false, true}, {"تسعون", 90, false, true},
    {"تسعين", 90, false, true},
};
using NumberMap = std::map<std::string, NumberWord, std::less<>>;

struct NumberTables {
  NumberMap units, tens;
  std::string al = "ال", waw = "و", teen_m = "عشر", teen_f;
};

const NumberTables& number_tables() {
  static const NumberTables t = [] {
    NumberTables t;
    for (const auto& n : kUnits) t.units.emplace(normalize_for_search(n.written), n);
    for (const auto& n : kTens) t.tens.emplace(normalize_for_search(n.written), n);
    t.teen_f = normalize_for_search("عشرة");
    return t;
  }();
  return t;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// A number-table entry for `w`, with or without the article.
const NumberWord* lookup(const NumberMap& m, std::string_view w, bool& definite) {
  const std::string& al = number_tables().al;
  if (starts_with(w, al)) {
    if (auto it = m.find(w.substr(al.size())); it != m.end()) {
      definite = true;
      return &it->second;
    }
  }
  if (auto it = m.find(w); it != m.end()) {
    definite = false;
    return &it->second;
  }
  return nullptr;
}

// The tens of a compound at words[k]: "والعشرين", "وعشرون", or "و" then "العشرين".
std::optional<std::pair<int, std::size_t>> tens_after_waw(const std::vector<std::string>& words, std::size_t k,
                                                          std::size_t limit) {
  const NumberTables& t = number_tables();
  if (k >= limit) return std::nullopt;
  const std::string_view w = words[k];
  bool definite = false;
  if (w == t.waw) {
    if (k + 1 < limit) {
      if (const NumberWord* n = lookup(t.tens, words[k + 1], definite)) return std::pair{n->value, std::size_t{2}};
    }
  } else if (starts_with(w, t.waw)) {
    if (const NumberWord* n = lookup(t.tens, w.substr(t.waw.size()), definite)) return std::pair{n->value, std::size_t{1}};
  }
  return std::nullopt;
}

}  // namespace

std::optional<int> digits_value(std::string_view w) {
  if (w.empty() || w.size() > 6) return std::nullopt;
  int v = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// The number at words[at], reading no word at or past `limit`.
std::optional<NumberMatch> parse_number(const std::vector<std::string>& words, std::size_t at, std::size_t limit) {
  if (at >= limit) return std::nullopt;
  const NumberTables& t = number_tables();
  const std::string_view w = words[at];
  if (auto v = digits_value(w)) return NumberMatch{*v, 1, true, false, false};
  // "الـ20" is two tokens (the tatweel goes); "ال20" may reach us as one word.
  if (starts_with(w, t.al)) {
    if (w.size() == t.al.size()) {
      if (at + 1 < limit) {
        if (auto v = digits_value(words[at + 1])) return NumberMatch{*v, 2, true, true, false};
      }
      return std::nullopt;
    }
    if (auto v = digits_value(w.substr(t.al.size()))) return NumberMatch{*v, 1, true, true, false};
  }
  bool definite = false;
  if (const NumberWord* u = lookup(t.units, w, definite)) {
    if (u->value < 10) {
      // Teens take عشر/عشرة without the article ("الحادية عشرة"); writers mix the genders.
      if (at + 1 < limit && (words[at + 1] == t.teen_m || words[at + 1] == t.teen_f)) {
        return NumberMatch{u->value + 10, 2, false, definite, u->ordinal};
      }
      if (auto tens = tens_after_waw(words, at + 1, limit)) {
        return NumberMatch{tens->first + u->value, 1 + tens->second, false, definite, u->ordinal};
      }
    }
    if (u->alone) return NumberMatch{u->value, 1, false, definite, u->ordinal};
    return std::nullopt;
  }
  if (const NumberWord* n = lookup(t.tens, w, definite)) return NumberMatch{n->value, 1, false, definite, false};
  return std::nullopt;
}

}  // namespace masar::text
