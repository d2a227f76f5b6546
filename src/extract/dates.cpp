#include "masar/extract/dates.hpp"

#include <array>
#include <cstdio>

#include "masar/text/chars.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/utf8.hpp"

namespace masar::extract {
namespace {

struct MonthName {
  std::string_view name;  // written as people spell it; compared after normalization
  int month;
};

// One-word month names of every regional system.
constexpr MonthName kMonths[] = {
    // Egyptian / Gulf (transliterated Gregorian)
    {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"إبريل", 4}, {"ابريل", 4}, {"مايو", 5}, {"يونيو", 6},
    {"يونيه", 6}, {"يوليو", 7}, {"يوليه", 7}, {"أغسطس", 8}, {"اغسطس", 8}, {"سبتمبر", 9}, {"أكتوبر", 10},
    {"اكتوبر", 10}, {"نوفمبر", 11}, {"ديسمبر", 12},
    // Levantine / Iraqi (Syriac names); كانون and تشرين need a second word
    {"شباط", 2}, {"آذار", 3}, {"اذار", 3}, {"نيسان", 4}, {"أيار", 5}, {"ايار", 5}, {"حزيران", 6}, {"تموز", 7},
    {"آب", 8}, {"اب", 8}, {"أيلول", 9}, {"ايلول", 9},
    // Algerian / Tunisian (French)
    {"جانفي", 1}, {"فيفري", 2}, {"أفريل", 4}, {"افريل", 4}, {"ماي", 5}, {"جوان", 6}, {"جويلية", 7}, {"جويليه", 7},
    {"أوت", 8}, {"اوت", 8},
    // Moroccan
    {"يوليوز", 7}, {"غشت", 8}, {"شتنبر", 9}, {"نونبر", 11}, {"دجنبر", 12},
};

constexpr std::string_view kWeekdays[] = {"الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"};

enum class Kind { number, word, sep };

struct Token {
  Kind kind;
  std::size_t begin, end;
  std::string text;  // normalized word, or the separator character
  int value = 0;     // number value
  int digits = 0;
};

std::vector<Token> lex(std::string_view s) {
  std::vector<Token> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    const char32_t c = text::next_code_point(s, pos);
    if (text::is_any_digit(c)) {
      int value = text::digit_value(c), digits = 1;
      std::size_t p = pos;
      while (p < s.size()) {
        std::size_t q = p;
        const char32_t d = text::next_code_point(s, q);
        if (!text::is_any_digit(d)) break;
        if (digits < 9) value = value * 10 + text::digit_value(d);
        ++digits;
        p = q;
      }
      out.push_back({Kind::number, start, p, {}, value, digits});
      pos = p;
    } else if (text::is_arabic_letter(c) || text::is_latin_letter(c)) {
      std::size_t p = pos;
      while (p < s.size()) {
        std::size_t q = p;
        const char32_t d = text::next_code_point(s, q);
        if (!(text::is_arabic_letter(d) || text::is_latin_letter(d) || text::is_arabic_diacritic(d) || d == text::kTatweel)) break;
        p = q;
      }
      out.push_back({Kind::word, start, p, text::normalize_for_search(s.substr(start, p - start)), 0, 0});
      pos = p;
    } else if (c == '/' || c == '-' || c == '.' || c == ':' || c == ',' || c == 0x060C || c == '(' || c == ')' ||
               c == 0x2013 || c == 0x2014 || c == '|') {
      std::string sep;
      text::append_utf8(sep, c == 0x060C ? U',' : (c == 0x2013 || c == 0x2014) ? U'-' : c);
      out.push_back({Kind::sep, start, pos, sep, 0, 0});
    } else if (!text::is_space(c)) {
      out.push_back({Kind::sep, start, pos, "?", 0, 0});  // anything else breaks a pattern
    }
  }
  return out;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

bool plausible(int y, int m, int d) { return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m); }

class Matcher {
 public:
  explicit Matcher(const std::vector<Token>& t) : t_(t) {}

  bool num(std::size_t i, int min_digits, int max_digits) const {
    return i < t_.size() && t_[i].kind == Kind::number && t_[i].digits >= min_digits && t_[i].digits <= max_digits;
  }
  bool sep(std::size_t i, std::string_view chars) const {
    return i < t_.size() && t_[i].kind == Kind::sep && t_[i].text.size() == 1 && chars.find(t_[i].text[0]) != std::string_view::npos;
  }
  bool word(std::size_t i, std::string_view normalized) const {
    return i < t_.size() && t_[i].kind == Kind::word && t_[i].text == normalized;
  }
  // A month name at i: returns the month and sets `next` past it (one or two words, and an
  // optional "/ Gregorian name" that follows a Levantine one).
  int month(std::size_t i, std::size_t& next) const {
    if (i >= t_.size() || t_[i].kind != Kind::word) return 0;
    int m = 0;
    if (i + 1 < t_.size() && t_[i + 1].kind == Kind::word && (m = month_of_pair(t_[i].text, t_[i + 1].text)) > 0) {
      next = i + 2;
    } else if ((m = month_of_word(t_[i].text)) > 0) {
      next = i + 1;
    } else {
      return 0;
    }
    std::size_t alt_next = 0;
    if (sep(next, "/-") && month(next + 1, alt_next) > 0) next = alt_next;  // حزيران/يونيو
    return m;
  }

 private:
  const std::vector<Token>& t_;
};

// A time right after the date: "4:16 م", "- 04:16 ص", "16:04", "01 : 13 م".
std::size_t match_time(const Matcher& m, const std::vector<Token>& t, std::size_t i, DateTime& dt) {
  std::size_t k = i;
  while (m.sep(k, ",-|(")) ++k;
  if (m.word(k, "الساعه")) ++k;
  if (!(m.num(k, 1, 2) && m.sep(k + 1, ":") && m.num(k + 2, 2, 2))) return i;
  int hour = t[k].value, minute = t[k + 2].value;
  std::size_t end = k + 3;
  if (end < t.size() && t[end].kind == Kind::word) {
    const std::string& w = t[end].text;
    const bool pm = w == "م" || w == "مساء" || w == "pm";
    const bool am = w == "ص" || w == "صباحا" || w == "am";
    if (pm && hour < 12) hour += 12;
    if (am && hour == 12) hour = 0;
    if (pm || am) ++end;
  }
  if (hour > 23 || minute > 59) return i;
  dt.hour = hour;
  dt.minute = minute;
  return end;
}

}  // namespace

int month_of_word(std::string_view normalized) {
  static const auto table = [] {
    std::vector<std::pair<std::string, int>> v;
    for (const auto& m : kMonths) v.emplace_back(text::normalize_for_search(m.name), m.month);
    return v;
  }();
  for (const auto& [name, month] : table) {
    if (name == normalized) return month;
  }
  return 0;
}

int month_of_pair(std::string_view first, std::string_view second) {
  // كانون الثاني = January, كانون الأول = December, تشرين الأول = October, تشرين الثاني = November.
  const bool kanun = first == "كانون", tishrin = first == "تشرين";
  if (!kanun && !tishrin) return 0;
  const bool awwal = second == "الاول" || second == "اول";
  const bool thani = second == "الثاني" || second == "ثاني";
  if (kanun) return thani ? 1 : awwal ? 12 : 0;
  return awwal ? 10 : thani ? 11 : 0;
}

bool DateTime::valid() const { return plausible(year, month, day); }

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

std::vector<DateMention> find_dates(std::string_view text_in) {
  const std::vector<Token> t = lex(text_in);
  const Matcher m(t);
  std::vector<DateMention> out;
  std::size_t i = 0;
  while (i < t.size()) {
    DateTime dt;
    std::size_t next = i;
    std::size_t start = i;
    // Numeric: Y/M/D or D/M/Y with the same separator twice.
    if (m.num(i, 4, 4) && m.sep(i + 1, "/-.") && m.num(i + 2, 1, 2) && m.sep(i + 3, t[i + 1].text) && m.num(i + 4, 1, 2)) {
      dt = {t[i].value, t[i + 2].value, t[i + 4].value, -1, -1};
      next = i + 5;
    } else if (m.num(i, 1, 2) && m.sep(i + 1, "/-.") && m.num(i + 2, 1, 2) && m.sep(i + 3, t[i + 1].text) && m.num(i + 4, 4, 4)) {
      int day = t[i].value, month = t[i + 2].value;
      if (month > 12 && day <= 12) std::swap(day, month);  // Arabic writes the day first unless that is impossible
      dt = {t[i + 4].value, month, day, -1, -1};
      next = i + 5;
    } else if (m.num(i, 1, 2)) {
      // D [من] MONTH[/MONTH] [,] YYYY
      std::size_t k = i + 1;
      if (m.word(k, "من")) ++k;
      std::size_t after_month = 0;
      const int month = m.month(k, after_month);
      if (month > 0) {
        k = after_month;
        while (m.sep(k, ",")) ++k;
        if (m.word(k, "عام") || m.word(k, "سنه")) ++k;
        if (m.num(k, 4, 4)) {
          dt = {t[k].value, month, t[i].value, -1, -1};
          next = k + 1;
        }
      }
    }
    if (next > i && dt.valid()) {
      // A weekday just before belongs to the mention ("الأربعاء، 21 يونيو 2023").
      std::size_t w = start;
      if (w >= 1 && m.sep(w - 1, ",")) --w;
      if (w >= 1 && t[w - 1].kind == Kind::word) {
        for (std::string_view day : kWeekdays) {
          if (t[w - 1].text == text::normalize_for_search(day)) start = w - 1;
        }
      }
      const std::size_t end = match_time(m, t, next, dt);
      out.push_back({dt, t[start].begin, t[end - 1].end});
      i = end;
    } else {
      ++i;
    }
  }
  return out;
}

std::optional<DateTime> parse_date(std::string_view text) {
  auto all = find_dates(text);
  if (all.empty()) return std::nullopt;
  return all.front().value;
}

DateTime parse_iso_date(std::string_view s) {
  DateTime dt;
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
  if (!digits(0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(5, 2, mo) || s[7] != '-' || !digits(8, 2, d)) return dt;
  dt.year = y;
  dt.month = mo;
  dt.day = d;
  int h = 0, mi = 0;
  if (s.size() >= 16 && (s[10] == 'T' || s[10] == ' ') && digits(11, 2, h) && s[13] == ':' && digits(14, 2, mi) && h < 24 && mi < 60) {
    dt.hour = h;
    dt.minute = mi;
  }
  return dt;
}

}  // namespace masar::extract
