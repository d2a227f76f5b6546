// Relative time expressions: a few word patterns, each resolved by calendar arithmetic on
// the anchor date. Words are matched in search form (أ/إ/آ → ا, ة → ه, ى → ي, no diacritics or
// tatweel), with a leading و/ف/ب/ل taken off where news glues it on ("وأمس", "بمطلع").
#include "masar/extract/time_expressions.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "masar/text/normalize.hpp"
#include "masar/text/numbers.hpp"
#include "masar/text/tokenize.hpp"
#include "masar/text/utf8.hpp"

namespace masar::extract {
namespace {

struct Words {
  std::string_view raw;        // the text they were read from
  std::vector<std::string> w;  // search form, one leading conjunction or preposition off
  std::vector<std::size_t> begin, end;
  std::size_t size() const { return w.size(); }
  bool is(std::size_t k, std::initializer_list<std::string_view> any) const {
    if (k >= w.size()) return false;
    return std::find(any.begin(), any.end(), w[k]) != any.end();
  }
};

std::string without_clitic(std::string s) {
  for (std::string_view c : {"و", "ف", "ب", "ل"}) {
    if (s.size() > c.size() + 4 && s.compare(0, c.size(), c) == 0) {
      std::string rest = s.substr(c.size());
      // Only before the words this module reads; "لاحقا" must not become "احقا".
      static const std::string_view kKnown[] = {"امس", "اليوم", "الامس", "مطلع", "منتصف", "اواخر", "اوائل", "نهايه",
                                                "بدايه", "مستهل", "الاسبوع", "الشهر", "العام", "السنه", "النصف", "الربع",
                                                "عام", "غدا", "اواسط", "قبل", "الغد", "الليله"};
      if (std::find(std::begin(kKnown), std::end(kKnown), rest) != std::end(kKnown)) return rest;
    }
  }
  return s;
}

Words read_words(std::string_view text) {
  Words out;
  out.raw = text;
  for (const auto& t : text::tokenize(text)) {
    std::string norm = text::normalize_for_search(text.substr(t.begin, t.end - t.begin));
    if (norm.empty()) continue;
    if (norm == "بالامس") norm = "امس";
    out.w.push_back(without_clitic(std::move(norm)));
    out.begin.push_back(t.begin);
    out.end.push_back(t.end);
  }
  return out;
}

const std::string_view kWeekdays[] = {"الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت"};

const std::initializer_list<std::string_view> kPast = {"الماضي", "الماضيه", "الفائت", "الفائته", "المنصرم", "المنصرمه", "السابق", "المنقضي"};
const std::initializer_list<std::string_view> kNext = {"المقبل", "المقبله", "القادم", "القادمه"};
const std::initializer_list<std::string_view> kCurrent = {"الجاري", "الجاريه", "الحالي", "الحاليه"};

// -1 past, 0 current, +1 next, nullopt when word k is none of them.
std::optional<int> direction(const Words& d, std::size_t k) {
  if (d.is(k, kPast)) return -1;
  if (d.is(k, kNext)) return 1;
  if (d.is(k, kCurrent)) return 0;
  return std::nullopt;
}

// "قبل الماضي" at word k: the one before last ("الأسبوع قبل الماضي").
bool before_last(const Words& d, std::size_t k) { return d.is(k, {"قبل"}) && d.is(k + 1, kPast); }

DateTime date(int y, int m, int d) {
  DateTime t;
  t.year = y, t.month = m, t.day = d;
  return t;
}

long days_of(const DateTime& t) { return days_from_civil(t.year, t.month, t.day); }
DateTime add_days(const DateTime& t, long n) { return civil_from_days(days_of(t) + n); }
int weekday(const DateTime& t) { return static_cast<int>(((days_of(t) + 4) % 7 + 7) % 7); }  // 0 = Sunday

std::pair<int, int> add_months(int y, int m, int n) {
  const int total = y * 12 + (m - 1) + n;
  return {total / 12, total % 12 + 1};
}

struct Found {
  Found(DateTime f, DateTime l, TimePrecision p, std::size_t n) : first(f), last(l), precision(p), words(n) {}
  bool counted = false;  // TimeExpression::counted
  DateTime first, last;
  TimePrecision precision;
  std::size_t words;  // how many words it spans
  DateTime ahead;     // a weekday with no direction: its next occurrence (TimeExpression::ahead)
};

Found day_span(const DateTime& d, std::size_t words) { return {d, d, TimePrecision::day, words}; }
Found month_span(int y, int m, std::size_t words) { return {date(y, m, 1), date(y, m, days_in_month(y, m)), TimePrecision::month, words}; }
// The week, Saturday to Friday, that holds `day`.
Found week_span(const DateTime& day, std::size_t words) {
  const DateTime start = add_days(day, -((weekday(day) + 1) % 7));
  return {start, add_days(start, 6), TimePrecision::week, words};
}
Found year_span(int y, std::size_t words) { return {date(y, 1, 1), date(y, 12, 31), TimePrecision::year, words}; }

// "العام الماضي", "هذا العام", "السنة المقبلة", "عام 2017", "2017": a year and the words read.
std::optional<std::pair<int, std::size_t>> year_at(const Words& d, std::size_t k, const DateTime& anchor) {
  if (d.is(k, {"العام", "السنه", "عام", "سنه"})) {
    if (k + 1 < d.size()) {
      // "الأمين العام السابق", "المدعي العام": after a definite noun العام is an adjective.
      const bool adjective = d.w[k] == "العام" && k > 0 && d.w[k - 1].rfind("ال", 0) == 0;
      if (auto dir = direction(d, k + 1); dir && !adjective) return std::pair{anchor.year + *dir, std::size_t{2}};
      if (before_last(d, k + 1) && !adjective && d.is(k, {"العام", "السنه"})) return std::pair{anchor.year - 2, std::size_t{3}};
      if (auto v = text::digits_value(d.w[k + 1]); v && *v >= 1900 && *v <= 2100) return std::pair{*v, std::size_t{2}};
    }
  }
  if (d.is(k, {"هذا", "هذه"}) && d.is(k + 1, {"العام", "السنه"})) return std::pair{anchor.year, std::size_t{2}};
  if (auto v = text::digits_value(k < d.size() ? d.w[k] : std::string()); v && *v >= 1900 && *v <= 2100) return std::pair{*v, std::size_t{1}};
  return std::nullopt;
}

// The month named at word k (one or two words) and how many words.
std::optional<std::pair<int, std::size_t>> month_name_at(const Words& d, std::size_t k) {
  if (k >= d.size()) return std::nullopt;
  if (k + 1 < d.size()) {
    if (int m = month_of_pair(d.w[k], d.w[k + 1])) return std::pair{m, std::size_t{2}};
  }
  if (int m = month_of_word(d.w[k])) return std::pair{m, std::size_t{1}};
  return std::nullopt;
}

// The year in which month m falls nearest the anchor.
int nearest_year(int month, int day, const DateTime& anchor) {
  int best = anchor.year;
  long best_gap = -1;
  for (int y = anchor.year - 1; y <= anchor.year + 1; ++y) {
    const long gap = std::labs(days_from_civil(y, month, std::min(day, days_in_month(y, month))) - days_of(anchor));
    if (best_gap < 0 || gap < best_gap) best = y, best_gap = gap;
  }
  return best;
}

// A month with a year: "الشهر الماضي", "هذا الشهر", "حزيران الماضي", "حزيران من العام الماضي",
// "حزيران 2017", "حزيران" (nearest).
std::optional<std::pair<std::pair<int, int>, std::size_t>> month_at(const Words& d, std::size_t k, const DateTime& anchor, bool bare_name) {
  if (d.is(k, {"الشهر"})) {
    if (auto dir = direction(d, k + 1)) return std::pair{add_months(anchor.year, anchor.month, *dir), std::size_t{2}};
    if (before_last(d, k + 1)) return std::pair{add_months(anchor.year, anchor.month, -2), std::size_t{3}};
  }
  if (d.is(k, {"هذا"}) && d.is(k + 1, {"الشهر"})) return std::pair{std::pair{anchor.year, anchor.month}, std::size_t{2}};
  if (auto name = month_name_at(d, k)) {
    const int m = name->first;
    const std::size_t after = k + name->second;
    if (auto dir = direction(d, after)) {
      // "حزيران الماضي": the last June before this month; "حزيران المقبل": the next one.
      int y = anchor.year;
      if (*dir < 0 && m >= anchor.month) --y;
      if (*dir > 0 && m <= anchor.month) ++y;
      return std::pair{std::pair{y, m}, name->second + 1};
    }
    if (d.is(after, {"من"})) {
      if (auto y = year_at(d, after + 1, anchor)) return std::pair{std::pair{y->first, m}, name->second + 1 + y->second};
    }
    if (auto y = year_at(d, after, anchor); y && y->second == 1) return std::pair{std::pair{y->first, m}, name->second + 1};
    if (bare_name) return std::pair{std::pair{nearest_year(m, 15, anchor), m}, name->second};
  }
  return std::nullopt;
}

// "قبل يومين", "قبل ثلاثة أيام", "قبل 15 عاما", "قبل شهر": a count of days, weeks, months or
// years back from the anchor; a week, month or year is the span that holds the day so
// reached. Word i is قبل. Not when counted from something else ("قبل أسبوعين فقط من الإعلان")
// or when the unit is a noun ("قبل شهر رمضان"). "بعد ثلاث سنوات" and "منذ 22 عاما" are left
// out: news counts بعد from another happening far more often than from its own day ("واقترنت
// به بعد ثلاث سنوات"), and منذ gives how long a state has lasted ("لأول مرة منذ 22 عاما"),
// not when something happened.
std::optional<Found> counted(const Words& d, std::size_t i, const DateTime& anchor) {
  enum Unit { day, week, month, year };
  struct Form {
    std::string_view word;
    Unit unit;
    int count;  // 0: the number before says how many; 1: one, written alone; 2: the dual
  };
  static constexpr Form kForms[] = {
      {"يومين", day, 2}, {"اسبوعين", week, 2}, {"شهرين", month, 2}, {"عامين", year, 2}, {"سنتين", year, 2},
      {"يوم", day, 1}, {"اسبوع", week, 1}, {"شهر", month, 1}, {"عام", year, 1}, {"سنه", year, 1},
      {"ايام", day, 0}, {"يوما", day, 0}, {"اسابيع", week, 0}, {"اسبوعا", week, 0}, {"اشهر", month, 0},
      {"شهور", month, 0}, {"شهرا", month, 0}, {"اعوام", year, 0}, {"عاما", year, 0}, {"سنوات", year, 0},
      {"سنين", year, 0}};
  std::size_t k = i + 1;
  int n = 0;
  if (k < d.size()) {
    if (auto number = text::parse_number(d.w, k, d.size()); number && !number->ordinal && number->value >= 1 && number->value <= 200) {
      n = number->value;
      k += number->used;
    }
  }
  if (k >= d.size()) return std::nullopt;
  const Form* form = nullptr;
  for (const Form& f : kForms) {
    if (d.w[k] == f.word && (f.count == 0) == (n > 0)) form = &f;
  }
  if (!form) return std::nullopt;
  if (form->count > 0) n = form->count;
  std::size_t words = k - i + 1;
  if (form->count == 1 && d.is(k + 1, {"واحد", "واحده"})) ++words;  // "قبل يوم واحد"
  // A count from something else: "… من الهجوم", "… على الانتخابات", "… فقط من الإعلان".
  const std::size_t next = i + words;
  if (d.is(next, {"من", "علي"}) || (d.is(next, {"فقط"}) && d.is(next + 1, {"من", "علي"}))) return std::nullopt;
  // One unit written alone is often a noun with its complement ("قبل شهر رمضان", "قبل يوم
  // الانتخابات", "منذ عام 2011"): only a count when the clause ends there or goes on with a
  // word that cannot complete it.
  if (form->count == 1 && next < d.size()) {
    const std::string_view gap = d.raw.substr(d.end[next - 1], d.begin[next] - d.end[next - 1]);
    const bool clause_ends = gap.find_first_not_of(" \t\n") != std::string_view::npos;
    // ("قبل أسبوع آخر" is "before another week", no date.)
    const bool goes_on = d.w[next].rfind("و", 0) == 0 || d.is(next, {"في", "تقريبا", "فقط", "مضي", "مضت", "ونصف"});
    if (!clause_ends && !goes_on) return std::nullopt;
  }
  constexpr int sign = -1;  // back from the anchor
  switch (form->unit) {
    case day: return day_span(add_days(anchor, sign * n), words);
    case week: return week_span(add_days(anchor, sign * 7L * n), words);
    case month: {
      const auto [y, m] = add_months(anchor.year, anchor.month, sign * n);
      return month_span(y, m, words);
    }
    case year: return year_span(anchor.year + sign * n, words);
  }
  return std::nullopt;
}

std::optional<Found> match(const Words& d, std::size_t i, const DateTime& anchor) {
  const std::string& w = d.w[i];
  // Days around the anchor.
  if (w == "اليوم") {
    // "اليوم الوطني", "اليوم العالمي": a named day, not today (but "اليوم الاثنين" is today).
    const bool named = i + 1 < d.size() && d.w[i + 1].rfind("ال", 0) == 0 &&
                       std::find(std::begin(kWeekdays), std::end(kWeekdays), d.w[i + 1]) == std::end(kWeekdays);
    return named ? std::nullopt : std::optional<Found>(day_span(anchor, 1));
  }
  if (w == "امس" && d.is(i + 1, {"الاول"})) return day_span(add_days(anchor, -2), 2);  // = أول أمس
  if (w == "امس" || w == "البارحه") return day_span(add_days(anchor, -1), 1);
  if (w == "اول" && d.is(i + 1, {"امس"})) return day_span(add_days(anchor, -2), 2);
  if (w == "اول" && d.is(i + 1, {"من"}) && d.is(i + 2, {"امس"})) return day_span(add_days(anchor, -2), 3);
  if (w == "غدا") return day_span(add_days(anchor, 1), 1);
  if (w == "يوم" && d.is(i + 1, {"غد"})) return day_span(add_days(anchor, 1), 2);
  // "صباح الغد", "يوم الغد" (but "الغد القريب" is the near future, no day).
  if (w == "الغد" && i > 0 && d.is(i - 1, {"صباح", "مساء", "ظهر", "فجر", "ليل", "ليله", "يوم", "عصر", "ظهيره"})) {
    return day_span(add_days(anchor, 1), 1);
  }
  // "الليلة" is tonight, "الليلة الماضية" last night; "الليلة الأولى" is no date.
  if (w == "الليله") {
    const auto dir = direction(d, i + 1);
    if (dir && *dir < 0) return day_span(add_days(anchor, -1), 2);
    if (!dir && !(i + 1 < d.size() && d.w[i + 1].rfind("ال", 0) == 0)) return day_span(anchor, 1);
    return std::nullopt;
  }
  if (w == "قبل") {
    if (auto found = counted(d, i, anchor)) {
      found->counted = true;
      return found;
    }
  }
  if (w == "بعد" && d.is(i + 1, {"غد", "غدا"})) return day_span(add_days(anchor, 2), 2);
  // Weekdays: "الأربعاء الماضي", "يوم الخميس المقبل", "الثلاثاء".
  const std::size_t day_word = w == "يوم" ? i + 1 : i;
  for (int wd = 0; wd < 7; ++wd) {
    if (day_word >= d.size() || d.w[day_word] != kWeekdays[wd]) continue;
    const auto dir = direction(d, day_word + 1);
    // "الاثنين" alone is also "the two": only with يوم or a direction.
    if (wd == 1 && day_word == i && !dir) return std::nullopt;
    const int today = weekday(anchor);
    long delta;
    if (dir && *dir > 0) {
      delta = (wd - today + 7) % 7;
      if (delta == 0) delta = 7;
    } else {
      delta = -((today - wd + 7) % 7);
      if (dir && *dir < 0 && delta == 0) delta = -7;
    }
    Found found = day_span(add_days(anchor, delta), day_word - i + 1 + (dir ? 1 : 0));
    if (!dir) found.ahead = add_days(anchor, (wd - today + 7) % 7);
    return found;
  }
  // "الأسبوع الماضي", "هذا الأسبوع": seven days from the Saturday that starts the week.
  if (w == "الاسبوع" && before_last(d, i + 1)) return week_span(add_days(anchor, -14), 3);
  if ((w == "الاسبوع" && direction(d, i + 1)) || (w == "هذا" && d.is(i + 1, {"الاسبوع"}))) {
    const int dir = w == "هذا" ? 0 : *direction(d, i + 1);
    return week_span(add_days(anchor, 7L * dir), 2);
  }
  // "مطلع الشهر المقبل", "منتصف العام الجاري", "أواخر حزيران الماضي".
  int part = -1;
  if (d.is(i, {"مطلع", "اوائل", "بدايه", "مستهل"})) part = 0;
  else if (d.is(i, {"منتصف", "اواسط"})) part = 1;
  else if (d.is(i, {"اواخر", "نهايه", "ختام"})) part = 2;
  if (part >= 0) {
    if (auto m = month_at(d, i + 1, anchor, true)) {
      const auto [y, mo] = m->first;
      const int first[] = {1, 11, 21}, last[] = {10, 20, days_in_month(y, mo)};
      return Found{date(y, mo, first[part]), date(y, mo, last[part]), TimePrecision::month_part, 1 + m->second};
    }
    auto y = year_at(d, i + 1, anchor);
    if (!y && d.is(i + 1, {"العام", "السنه"})) y = std::pair{anchor.year, std::size_t{1}};  // "مطلع العام": this year
    if (y) {
      const int from[] = {1, 5, 10}, to[] = {3, 8, 12};
      return Found{date(y->first, from[part], 1), date(y->first, to[part], days_in_month(y->first, to[part])),
                   TimePrecision::month, 1 + y->second};
    }
    return std::nullopt;
  }
  // "النصف الثاني من العام الجاري", "الربع الأول من العام المقبل".
  if ((w == "النصف" || w == "الربع") && i + 1 < d.size()) {
    const auto n = text::parse_number(d.w, i + 1, d.size());
    const int parts = w == "النصف" ? 2 : 4;
    if (n && n->ordinal && n->value >= 1 && n->value <= parts && d.is(i + 1 + n->used, {"من"})) {
      if (auto y = year_at(d, i + 2 + n->used, anchor)) {
        const int span = 12 / parts, m0 = (n->value - 1) * span + 1, m1 = m0 + span - 1;
        return Found{date(y->first, m0, 1), date(y->first, m1, days_in_month(y->first, m1)),
                     parts == 2 ? TimePrecision::half_year : TimePrecision::quarter, 3 + n->used + y->second - 1};
      }
    }
  }
  // "في الخامس من الشهر الماضي", "21 حزيران", "الخامس من حزيران".
  if (auto n = text::parse_number(d.w, i, d.size()); n && n->value >= 1 && n->value <= 31 && (n->digits || n->ordinal)) {
    std::size_t k = i + n->used;
    const bool of = d.is(k, {"من"});
    if (of) ++k;
    if (auto m = month_at(d, k, anchor, n->digits || of)) {
      auto [y, mo] = m->first;
      // A day and a month name with no year: the year nearest the anchor.
      if (n->value <= days_in_month(y, mo)) return day_span(date(y, mo, n->value), k - i + m->second);
    }
    return std::nullopt;
  }
  if (auto m = month_at(d, i, anchor, false)) return month_span(m->first.first, m->first.second, m->second);
  if (auto y = year_at(d, i, anchor); y && y->second >= 2) return year_span(y->first, y->second);
  return std::nullopt;
}

}  // namespace

const char* precision_name(TimePrecision p) {
  switch (p) {
    case TimePrecision::day: return "day";
    case TimePrecision::week: return "week";
    case TimePrecision::month_part: return "month_part";
    case TimePrecision::month: return "month";
    case TimePrecision::quarter: return "quarter";
    case TimePrecision::half_year: return "half_year";
    case TimePrecision::year: return "year";
  }
  return "day";
}

std::vector<TimeExpression> find_time_expressions(std::string_view raw, const DateTime& anchor) {
  if (!text::is_valid_utf8(raw)) return {};  // the text core's contract: decode first (text/utf8.hpp)
  std::vector<TimeExpression> out;
  for (const auto& m : find_dates(raw)) {
    TimeExpression e;
    e.begin = m.begin, e.end = m.end;
    e.first = e.last = m.value;
    e.first.hour = e.first.minute = e.last.hour = e.last.minute = -1;
    out.push_back(e);
  }
  const DateTime day_anchor = date(anchor.year, anchor.month, anchor.day);
  if (!day_anchor.valid()) return out;
  const Words d = read_words(raw);
  const auto inside_absolute = [&](std::size_t b, std::size_t e) {
    for (const auto& x : out) {
      if (!x.relative && b < x.end && e > x.begin) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < d.size();) {
    if (inside_absolute(d.begin[i], d.end[i])) {
      ++i;
      continue;
    }
    const auto found = match(d, i, day_anchor);
    if (!found || found->words == 0 || inside_absolute(d.begin[i], d.end[i + found->words - 1])) {
      ++i;
      continue;
    }
    TimeExpression e;
    e.begin = d.begin[i];
    e.end = d.end[i + found->words - 1];
    e.first = found->first, e.last = found->last;
    e.precision = found->precision;
    e.relative = true;
    e.ahead = found->ahead;
    e.counted = found->counted;
    out.push_back(e);
    i += found->words;
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace masar::extract
