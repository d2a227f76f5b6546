// Date finder: one lexing pass turns the text into numbers, separators and classified words
// (month names, weekdays, time markers); the patterns then look at a few tokens each. No
// std::regex and no per-word allocation: words are folded into a fixed buffer while they are
// scanned and looked up in an open-addressing table built once.
#include "masar/extract/dates.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>

#include "masar/text/chars.hpp"
#include "masar/text/utf8.hpp"

namespace masar::extract {
namespace {

// What a word means to the date patterns.
enum class Word : std::uint8_t {
  other,
  month,         // a one-word month name (value = month)
  kanun,         // كانون: needs الأول / الثاني
  tishrin,       // تشرين: needs الأول / الثاني
  first,         // الأول، أول
  second,        // الثاني، ثاني
  weekday,
  min,           // من, "21 من حزيران"
  year_word,     // عام، سنة
  hour_word,     // الساعة
  mim,           // م: PM after a time, "AD" after a year
  pm,            // مساء، pm
  am,            // ص، صباحا، am
  ordinal,       // st nd rd th ("21st January")
};

struct Entry {
  std::string_view written;  // as people spell it; folded when the table is built
  Word kind;
  std::uint8_t month = 0;
};

// Month names of every regional system, with the spellings news sites use. Alef, hamza and
// ta marbuta variants need no entry of their own: words are folded before lookup.
constexpr Entry kEntries[] = {
    // Egyptian / Gulf (transliterated Gregorian)
    {"يناير", Word::month, 1}, {"فبراير", Word::month, 2}, {"مارس", Word::month, 3}, {"أبريل", Word::month, 4},
    {"مايو", Word::month, 5}, {"يونيو", Word::month, 6}, {"يونيه", Word::month, 6}, {"يوليو", Word::month, 7},
    {"يوليه", Word::month, 7}, {"أغسطس", Word::month, 8}, {"سبتمبر", Word::month, 9}, {"أكتوبر", Word::month, 10},
    {"أوكتوبر", Word::month, 10}, {"نوفمبر", Word::month, 11}, {"ديسمبر", Word::month, 12},
    // Levantine / Iraqi (Syriac names); كانون and تشرين take a second word
    {"شباط", Word::month, 2}, {"آذار", Word::month, 3}, {"نيسان", Word::month, 4}, {"أيار", Word::month, 5},
    {"حزيران", Word::month, 6}, {"تموز", Word::month, 7}, {"آب", Word::month, 8}, {"أيلول", Word::month, 9},
    {"كانون", Word::kanun}, {"تشرين", Word::tishrin},
    {"الأول", Word::first}, {"أول", Word::first}, {"الثاني", Word::second}, {"ثاني", Word::second}, {"الثانى", Word::second},
    // Algerian / Tunisian (French)
    {"جانفي", Word::month, 1}, {"فيفري", Word::month, 2}, {"أفريل", Word::month, 4}, {"ماي", Word::month, 5},
    {"جوان", Word::month, 6}, {"جويلية", Word::month, 7}, {"أوت", Word::month, 8},
    // Moroccan
    {"يوليوز", Word::month, 7}, {"غشت", Word::month, 8}, {"شتنبر", Word::month, 9}, {"نونبر", Word::month, 11},
    {"دجنبر", Word::month, 12},
    // English, as Arabic sites print it in page furniture ("Sunday 21st January 2018")
    {"january", Word::month, 1}, {"jan", Word::month, 1}, {"february", Word::month, 2}, {"feb", Word::month, 2},
    {"march", Word::month, 3}, {"mar", Word::month, 3}, {"april", Word::month, 4}, {"apr", Word::month, 4},
    {"may", Word::month, 5}, {"june", Word::month, 6}, {"jun", Word::month, 6}, {"july", Word::month, 7},
    {"jul", Word::month, 7}, {"august", Word::month, 8}, {"aug", Word::month, 8}, {"september", Word::month, 9},
    {"sep", Word::month, 9}, {"sept", Word::month, 9}, {"october", Word::month, 10}, {"oct", Word::month, 10},
    {"november", Word::month, 11}, {"nov", Word::month, 11}, {"december", Word::month, 12}, {"dec", Word::month, 12},
    // Weekdays
    {"الأحد", Word::weekday}, {"الإثنين", Word::weekday}, {"الاثنين", Word::weekday}, {"الثلاثاء", Word::weekday},
    {"الثلثاء", Word::weekday}, {"الأربعاء", Word::weekday}, {"الخميس", Word::weekday}, {"الجمعة", Word::weekday},
    {"السبت", Word::weekday}, {"sunday", Word::weekday}, {"monday", Word::weekday}, {"tuesday", Word::weekday},
    {"wednesday", Word::weekday}, {"thursday", Word::weekday}, {"friday", Word::weekday}, {"saturday", Word::weekday},
    // Glue words
    {"من", Word::min}, {"عام", Word::year_word}, {"العام", Word::year_word}, {"سنة", Word::year_word},
    {"الساعة", Word::hour_word}, {"م", Word::mim}, {"مساء", Word::pm}, {"مساءا", Word::pm}, {"ليلا", Word::pm},
    {"pm", Word::pm}, {"ص", Word::am}, {"صباحا", Word::am}, {"صباح", Word::am}, {"am", Word::am},
    {"st", Word::ordinal}, {"nd", Word::ordinal}, {"rd", Word::ordinal}, {"th", Word::ordinal},
};

// Search folding of one code point for the words we look up: diacritics, tatweel and
// invisibles dropped (0), alef/hamza seats, ya and ta marbuta unified, ASCII lower-cased.
// Kept local and tiny so lexing never goes through ICU.
char32_t fold(char32_t c) {
  if (text::is_arabic_diacritic(c) || c == text::kTatweel || text::is_invisible(c)) return 0;
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;  // آ أ إ ٱ -> ا
    case 0x0649: case 0x06CC: case 0x0626: return 0x064A;               // ى ی ئ -> ي
    case 0x0629: return 0x0647;                                         // ة -> ه
    case 0x0624: return 0x0648;                                         // ؤ -> و
    case 0x06A9: return 0x0643;                                         // ک -> ك
    default: return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }
}

constexpr std::size_t kMaxWordBytes = 24;  // longer (folded) words are never one of ours

// A folded word in a fixed buffer: no allocation per word.
struct Folded {
  char bytes[kMaxWordBytes];
  std::size_t size = 0;
  bool overflow = false;

  void add(char32_t c) {
    if (c == 0) return;
    char tmp[4];
    std::size_t n = 0;
    if (c < 0x80) {
      tmp[n++] = static_cast<char>(c);
    } else if (c < 0x800) {
      tmp[n++] = static_cast<char>(0xC0 | (c >> 6));
      tmp[n++] = static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      tmp[n++] = static_cast<char>(0xE0 | (c >> 12));
      tmp[n++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      tmp[n++] = static_cast<char>(0x80 | (c & 0x3F));
    } else {
      tmp[n++] = static_cast<char>(0xF0 | (c >> 18));
      tmp[n++] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      tmp[n++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      tmp[n++] = static_cast<char>(0x80 | (c & 0x3F));
    }
    if (size + n > kMaxWordBytes) {
      overflow = true;
      return;
    }
    for (std::size_t k = 0; k < n; ++k) bytes[size++] = tmp[k];
  }
  std::string_view view() const { return {bytes, size}; }
};

Folded fold_word(std::string_view w) {
  Folded f;
  std::size_t p = 0;
  while (p < w.size() && !f.overflow) f.add(fold(text::next_code_point(w, p)));
  return f;
}

struct Meaning {
  Word kind = Word::other;
  std::uint8_t month = 0;
};

// Open addressing over the ~120 folded entries; FNV-1a hashes.
class WordTable {
 public:
  WordTable() {
    for (const Entry& e : kEntries) {
      const Folded f = fold_word(e.written);
      Slot& slot = slots_[probe(f.view())];
      slot.used = true;
      slot.size = static_cast<std::uint8_t>(f.size);
      std::copy(f.bytes, f.bytes + f.size, slot.bytes);
      slot.meaning = Meaning{e.kind, e.month};
    }
  }
  Meaning find(std::string_view folded) const {
    if (folded.empty() || folded.size() > kMaxWordBytes) return {};
    const Slot& slot = slots_[probe(folded)];
    return slot.used ? slot.meaning : Meaning{};
  }
  // Each entry, for the glued-name scan.
  template <class F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_) {
      if (s.used) f(std::string_view(s.bytes, s.size), s.meaning);
    }
  }

 private:
  struct Slot {
    bool used = false;
    std::uint8_t size = 0;
    char bytes[kMaxWordBytes] = {};
    Meaning meaning;
  };
  static constexpr std::size_t kSlots = 512;  // a power of two, under 1/4 full

  // The slot holding `w`, or the empty slot where it would go.
  std::size_t probe(std::string_view w) const {
    std::uint32_t h = 2166136261u;
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    for (std::size_t i = h & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      const Slot& s = slots_[i];
      if (!s.used || std::string_view(s.bytes, s.size) == w) return i;
    }
  }

  std::array<Slot, kSlots> slots_{};
};

const WordTable& word_table() {
  static const WordTable table;
  return table;
}

Meaning lookup(std::string_view word) { return word_table().find(fold_word(word).view()); }

enum class Kind : std::uint8_t { number, word, sep };

struct Token {
  std::uint32_t begin = 0, end = 0;
  Kind kind = Kind::sep;
  Word word = Word::other;
  std::uint8_t month = 0;
  std::uint8_t digits = 0;  // numbers: digit count (capped at 9)
  char sep = 0;             // separators: '/', '-', '.', ':', ',', '(', ')', '|', or '?' for any other mark
  int value = 0;            // numbers
};

// Decodes one code point, tolerating truncated input (treated as one U+FFFD byte).
char32_t decode(std::string_view s, std::size_t& pos) {
  const std::size_t len = text::sequence_length(static_cast<unsigned char>(s[pos]));
  if (pos + len > s.size() || (len == 1 && static_cast<unsigned char>(s[pos]) >= 0x80)) {
    ++pos;
    return text::kReplacementChar;
  }
  return text::next_code_point(s, pos);
}

char separator_of(char32_t c) {
  switch (c) {
    case '/': case '\\': case 0x060D: case 0x2215: return '/';  // ؍ is the Arabic date separator
    case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return '-';
    case '.': case 0x06D4: return '.';
    case ':': return ':';
    case ',': case 0x060C: case 0x066C: return ',';
    case '(': case '[': return '(';
    case ')': case ']': return ')';
    case '|': return '|';
    default: return '?';
  }
}

bool is_word_char(char32_t c, bool arabic) {
  if (text::is_invisible(c)) return true;
  return arabic ? (text::is_arabic_letter(c) || text::is_arabic_diacritic(c) || c == text::kTatweel)
                : text::is_latin_letter(c);
}

void lex(std::string_view s, std::vector<Token>& out) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    const char32_t c = decode(s, pos);
    Token t;
    t.begin = static_cast<std::uint32_t>(start);
    if (text::is_any_digit(c)) {
      int value = text::digit_value(c), digits = 1;
      while (pos < s.size()) {
        std::size_t q = pos;
        const char32_t d = decode(s, q);
        if (!text::is_any_digit(d)) break;
        if (digits < 9) value = value * 10 + text::digit_value(d);
        ++digits;
        pos = q;
      }
      t.kind = Kind::number;
      t.value = value;
      t.digits = static_cast<std::uint8_t>(digits < 9 ? digits : 9);
    } else if (text::is_arabic_letter(c) || text::is_latin_letter(c)) {
      const bool arabic = text::is_arabic_letter(c);
      Folded folded;  // folded while scanning: one decode per code point
      folded.add(fold(c));
      while (pos < s.size()) {
        std::size_t q = pos;
        const char32_t d = decode(s, q);
        if (!is_word_char(d, arabic)) break;
        if (!folded.overflow) folded.add(fold(d));
        pos = q;
      }
      const Meaning m = folded.overflow ? Meaning{} : word_table().find(folded.view());
      t.kind = Kind::word;
      t.word = m.kind;
      t.month = m.month;
    } else if (text::is_space(c) || text::is_invisible(c)) {
      if (c != '\n' && c != '\r') continue;  // a date never spans lines
      t.sep = '?';
    } else {
      t.sep = separator_of(c);
    }
    t.end = static_cast<std::uint32_t>(pos);
    out.push_back(t);
  }
}

bool plausible(int y, int m, int d) {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// The patterns, each a few token look-ups from a start index.
class Matcher {
 public:
  Matcher(std::string_view text, const std::vector<Token>& t) : text_(text), t_(t) {}

  bool num(std::size_t i, int min_digits, int max_digits) const {
    return i < t_.size() && t_[i].kind == Kind::number && t_[i].digits >= min_digits && t_[i].digits <= max_digits;
  }
  bool sep(std::size_t i, std::string_view chars) const {
    return i < t_.size() && t_[i].kind == Kind::sep && chars.find(t_[i].sep) != std::string_view::npos;
  }
  bool word(std::size_t i, Word w) const { return i < t_.size() && t_[i].kind == Kind::word && t_[i].word == w; }
  int value(std::size_t i) const { return t_[i].value; }

  // A month name at i (one word, كانون/تشرين + الأول/الثاني, or two names glued together as
  // "ينايركانون"), then an optional second name of the other system: "حزيران / يونيو",
  // "كانون الأول ( ديسمبر )". Returns the month and sets `next` past everything taken.
  int month(std::size_t i, std::size_t& next) const {
    const int m = one_month(i, next);
    if (m == 0) return 0;
    std::size_t alt = 0;
    if (sep(next, "/-") && one_month(next + 1, alt) > 0) {
      next = alt;
    } else if (sep(next, "(") && one_month(next + 1, alt) > 0 && sep(alt, ")")) {
      next = alt + 1;
    }
    return m;
  }

  // A numeric date whose separators are part of a longer chain (a phone number
  // 0933-21-06-2023, a version 1.21.06.2023) is no date.
  bool chained(std::size_t first, std::size_t last, char s) const {
    const bool before = first >= 2 && t_[first - 1].kind == Kind::sep && t_[first - 1].sep == s &&
                        t_[first - 2].kind == Kind::number;
    const bool after = last + 2 < t_.size() && t_[last + 1].kind == Kind::sep && t_[last + 1].sep == s &&
                       t_[last + 2].kind == Kind::number;
    return before || after;
  }

 private:
  int one_month(std::size_t i, std::size_t& next) const {
    if (i >= t_.size() || t_[i].kind != Kind::word) return 0;
    const Token& w = t_[i];
    if (w.word == Word::month) {
      next = i + 1;
      return w.month;
    }
    if (w.word == Word::kanun || w.word == Word::tishrin) return pair(w.word, i + 1, next);
    if (w.word == Word::other && w.end - w.begin >= 8) return glued(i, next);
    return 0;
  }

  // كانون الثاني = January, كانون الأول = December, تشرين الأول = October, تشرين الثاني = November.
  int pair(Word first_word, std::size_t i, std::size_t& next) const {
    if (!word(i, Word::first) && !word(i, Word::second)) return 0;
    next = i + 1;
    const bool awwal = t_[i].word == Word::first;
    if (first_word == Word::kanun) return awwal ? 12 : 1;
    return awwal ? 10 : 11;
  }

  // "ينايركانون الثاني": scraped pages lose the space or slash between the two names.
  int glued(std::size_t i, std::size_t& next) const {
    const Folded f = fold_word(text_.substr(t_[i].begin, t_[i].end - t_[i].begin));
    if (f.overflow) return 0;
    const std::string_view folded = f.view();
    int month = 0;
    word_table().for_each([&](std::string_view name, Meaning meaning) {
      if (month || meaning.kind != Word::month || folded.size() <= name.size() || !folded.starts_with(name)) return;
      const Meaning rest = word_table().find(folded.substr(name.size()));
      if (rest.kind == Word::month) {
        next = i + 1;
        month = meaning.month;
      } else if ((rest.kind == Word::kanun || rest.kind == Word::tishrin) && pair(rest.kind, i + 1, next) > 0) {
        month = meaning.month;
      }
    });
    return month;
  }

  std::string_view text_;
  const std::vector<Token>& t_;
};

// Day first, with a month name: "21 يونيو 2023", "21 من حزيران 2023", "03 / ديسمبر / 2017",
// "27 ديسمبر , 2017", "21st January 2018", "5 تشرين الثاني عام 2017".
DateTime day_month_year(const Matcher& m, std::size_t i, std::size_t& last) {
  std::size_t k = i + 1;
  if (m.word(k, Word::ordinal)) ++k;
  if (m.word(k, Word::min) || m.sep(k, "/-.")) ++k;
  std::size_t after = 0;
  const int month = m.month(k, after);
  if (month == 0) return {};
  k = after;
  if (m.sep(k, ",/-.")) ++k;
  if (m.word(k, Word::year_word)) ++k;
  if (!m.num(k, 4, 4)) return {};
  last = k;
  return {m.value(k), month, m.value(i), -1, -1};
}

// Month first, as English-style furniture writes it: "يناير 20 , 2018", "January 21 2018".
DateTime month_day_year(const Matcher& m, std::size_t i, std::size_t& last) {
  std::size_t k = 0;
  const int month = m.month(i, k);
  if (month == 0 || !m.num(k, 1, 2)) return {};
  const int day = m.value(k++);
  if (m.word(k, Word::ordinal)) ++k;
  if (m.sep(k, ",")) ++k;
  if (!m.num(k, 4, 4)) return {};
  last = k;
  return {m.value(k), month, day, -1, -1};
}

// All numbers: 2023/06/21, 21-06-2023, 21 . 06 . 2023 (the same separator twice). Arabic
// news writes the day first; the fields swap only when the day cannot be a month.
DateTime numeric(const Matcher& m, const std::vector<Token>& t, std::size_t i, std::size_t& last) {
  if (!m.sep(i + 1, "/-.") || !m.sep(i + 3, std::string_view(&t[i + 1].sep, 1))) return {};
  int year = 0, month = 0, day = 0;
  if (m.num(i, 4, 4) && m.num(i + 2, 1, 2) && m.num(i + 4, 1, 2)) {
    year = m.value(i), month = m.value(i + 2), day = m.value(i + 4);
  } else if (m.num(i, 1, 2) && m.num(i + 2, 1, 2) && m.num(i + 4, 4, 4)) {
    day = m.value(i), month = m.value(i + 2), year = m.value(i + 4);
  } else {
    return {};
  }
  if (m.chained(i, i + 4, t[i + 1].sep)) return {};
  if (month > 12 && day <= 12) std::swap(day, month);
  last = i + 4;
  return {year, month, day, -1, -1};
}

// A time right after the date: "4:16 م", "- 04:16 ص", "16:04", "01 : 13 م", "الساعة 7 : 09",
// "17 : 12 : 30". Returns the last token taken (or `last` when there is no time).
std::size_t match_time(const Matcher& m, std::size_t last, DateTime& dt) {
  std::size_t k = last + 1;
  for (int skipped = 0; skipped < 2 && m.sep(k, ",-|"); ++skipped) ++k;
  if (m.word(k, Word::hour_word)) ++k;
  if (!(m.num(k, 1, 2) && m.sep(k + 1, ":") && m.num(k + 2, 2, 2))) return last;
  int hour = m.value(k), minute = m.value(k + 2);
  std::size_t end = k + 2;
  if (m.sep(end + 1, ":") && m.num(end + 2, 2, 2) && m.value(end + 2) < 60) end += 2;  // seconds
  const bool pm = m.word(end + 1, Word::pm) || m.word(end + 1, Word::mim);
  const bool am = m.word(end + 1, Word::am);
  if (pm || am) {
    if (hour > 12) return last;
    if (pm && hour < 12) hour += 12;
    if (am && hour == 12) hour = 0;
    ++end;
  }
  if (hour > 23 || minute > 59) return last;
  dt.hour = hour;
  dt.minute = minute;
  return end;
}

// A time just before the date, as some stamps print it: "16:41 23.03.2017",
// "تم النشر: 18: 38 16 / 02 / 2017", "18:38:55 16/02/2017". Returns the new first token (or `first` when none).
std::size_t time_before(const Matcher& m, std::size_t first, std::size_t not_before, const std::vector<Token>& t,
                        DateTime& dt) {
  std::size_t k = first;
  bool pm = false, am = false;
  if (k >= 1 && (m.word(k - 1, Word::pm) || m.word(k - 1, Word::mim) || m.word(k - 1, Word::am))) {
    pm = !m.word(k - 1, Word::am);
    am = !pm;
    --k;
  }
  if (k < 3 || !m.num(k - 3, 1, 2) || !m.sep(k - 2, ":") || !m.num(k - 1, 2, 2) || t[k - 3].begin < not_before) return first;
  std::size_t start = k - 3;
  if (start >= 2 && m.sep(start - 1, ":") && m.num(start - 2, 1, 2) && t[start - 2].begin >= not_before) start -= 2;  // HH:MM:SS
  int hour = m.value(start);
  const int minute = m.value(start + 2);
  if ((pm || am) && hour > 12) return first;
  if (pm && hour < 12) hour += 12;
  if (am && hour == 12) hour = 0;
  if (hour > 23 || minute > 59) return first;
  dt.hour = hour;
  dt.minute = minute;
  return start;
}

}  // namespace

int month_of_word(std::string_view normalized) {
  const Meaning m = lookup(normalized);
  return m.kind == Word::month ? m.month : 0;
}

int month_of_pair(std::string_view first, std::string_view second) {
  const Word a = lookup(first).kind, b = lookup(second).kind;
  if ((a != Word::kanun && a != Word::tishrin) || (b != Word::first && b != Word::second)) return 0;
  if (a == Word::kanun) return b == Word::first ? 12 : 1;
  return b == Word::first ? 10 : 11;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[(m - 1 + 12) % 12];
}

long days_from_civil(int y, int m, int d) {
  // H. Hinnant's algorithm.
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

DateTime civil_from_days(long days) {
  const long z = days + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  DateTime out;
  out.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  out.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  out.year = static_cast<int>(static_cast<long>(yoe) + era * 400 + (out.month <= 2));
  return out;
}

bool DateTime::valid() const {
  if (!plausible(year, month, day)) return false;
  if (hour == -1 && minute == -1) return true;
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59;
}

std::string DateTime::iso() const {
  if (!valid()) return {};
  char buf[32];
  if (hour >= 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

std::vector<DateMention> find_dates(std::string_view text) {
  std::vector<Token> t;
  lex(text, t);
  const Matcher m(text, t);
  std::vector<DateMention> out;
  std::size_t i = 0;
  while (i < t.size()) {
    DateTime dt;
    std::size_t last = i;
    if (t[i].kind == Kind::number) {
      dt = numeric(m, t, i, last);
      if (!dt.valid() && m.num(i, 1, 2)) dt = day_month_year(m, i, last);
    } else if (t[i].kind == Kind::word && t[i].word != Word::other) {
      dt = month_day_year(m, i, last);
    }
    if (!dt.valid()) {
      ++i;
      continue;
    }
    // A weekday just before belongs to the mention: "الأربعاء، 21 يونيو 2023".
    std::size_t first = i;
    std::size_t w = first;
    if (w >= 1 && m.sep(w - 1, ",")) --w;
    if (w >= 1 && m.word(w - 1, Word::weekday) && (out.empty() || t[w - 1].begin >= out.back().end)) first = w - 1;
    if (m.word(last + 1, Word::mim)) ++last;  // "2018 م": the Gregorian era, not PM
    last = match_time(m, last, dt);
    if (dt.hour < 0 && first == i) first = time_before(m, i, out.empty() ? 0 : out.back().end, t, dt);
    out.push_back({dt, t[first].begin, t[last].end});
    i = last + 1;
  }
  return out;
}

std::optional<DateTime> parse_date(std::string_view text) {
  auto all = find_dates(text);
  if (all.empty()) return std::nullopt;
  return all.front().value;
}

DateTime parse_iso_date(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  auto digits = [&](std::size_t at, std::size_t n, int& v) {
    if (at + n > s.size()) return false;
    v = 0;
    for (std::size_t k = at; k < at + n; ++k) {
      if (s[k] < '0' || s[k] > '9') return false;
      v = v * 10 + (s[k] - '0');
    }
    return true;
  };
  int y = 0, mo = 0, d = 0;
  if (s.size() < 10 || !digits(0, 4, y) || s[4] != '-' || !digits(5, 2, mo) || s[7] != '-' || !digits(8, 2, d)) return {};
  if (s.size() > 10 && s[10] >= '0' && s[10] <= '9') return {};  // "2018-04-101" is not ISO
  DateTime dt{y, mo, d, -1, -1};
  if (!dt.valid()) return {};
  // The wall-clock time as written; the offset ("+03:00", "Z") is the outlet's zone, kept implicit.
  int h = 0, mi = 0;
  if (s.size() >= 16 && (s[10] == 'T' || s[10] == ' ') && digits(11, 2, h) && s[13] == ':' && digits(14, 2, mi) && h < 24 &&
      mi < 60) {
    dt.hour = h;
    dt.minute = mi;
  }
  return dt;
}

}  // namespace masar::extract
