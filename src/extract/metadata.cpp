#include "masar/extract/metadata.hpp"

#include <algorithm>
#include <unordered_set>

#include "masar/text/normalize.hpp"
#include "masar/text/tokenize.hpp"

namespace masar::extract {
namespace {

constexpr std::size_t kHeadLines = 8;        // metadata lives in the first lines
constexpr std::size_t kMaxTitleWords = 30;   // longer first lines are paragraphs, not titles
constexpr std::size_t kMaxBylineWords = 8;

// Cities that open datelines ("طهران – ..."), as written; compared normalized.
constexpr std::string_view kCities[] = {
    "دمشق", "حلب", "إدلب", "حمص", "حماة", "درعا", "اللاذقية", "طرطوس", "دير الزور", "الرقة", "الحسكة", "القامشلي",
    "بيروت", "طهران", "موسكو", "أنقرة", "إسطنبول", "اسطنبول", "أستانا", "أستانة", "آستانا", "نور سلطان", "سوتشي",
    "جنيف", "فيينا", "القاهرة", "بغداد", "عمان", "عمّان", "الرياض", "الدوحة", "أبوظبي", "دبي", "الكويت", "المنامة",
    "مسقط", "واشنطن", "نيويورك", "باريس", "لندن", "برلين", "بروكسل", "غازي عنتاب", "هاتاي", "أربيل", "الموصل",
    "صنعاء", "عدن", "طرابلس", "تونس", "الجزائر", "الرباط", "الخرطوم", "غزة", "القدس", "رام الله", "أنطاكيا",
    "جدة", "ألماتي", "باكو", "مينسك", "كييف", "جوهانسبرغ", "بكين", "طوكيو",
};

// Words that stand after a dash in place of a city: the outlet is the other side.
constexpr std::string_view kDeskWords[] = {"فريق التحرير", "خاص", "متابعات", "وكالات", "غرفة الأخبار", "المحرر",
                                           "التحرير", "قسم الأخبار", "خاص بالموقع", "مراسلنا"};

// First words of outlet names: a short line starting with one is the outlet on its own.
constexpr std::string_view kOutletKinds[] = {"صحيفة", "جريدة", "قناة", "موقع", "شبكة", "وكالة", "بوابة", "مجلة",
                                             "إذاعة", "راديو", "تلفزيون", "منصة", "المرصد"};

// News agencies named in datelines: "بغداد (رويترز) -".
constexpr std::string_view kAgencies[] = {"رويترز", "فرانس برس", "أ ف ب", "الأناضول", "سانا", "سبوتنيك", "تاس",
                                          "أسوشيتد برس", "د ب أ", "إرنا", "قنا", "واس", "وام", "كونا", "بترا"};

// Normalized once per list (the lists are written as people spell the words).
// One instantiation (and one static set) per list.
template <const auto& List>
bool in_list(const std::string& normalized) {
  static const std::unordered_set<std::string> set = [] {
    std::unordered_set<std::string> out;
    for (std::string_view w : List) out.insert(text::normalize_for_search(w));
    return out;
  }();
  return set.count(normalized) > 0;
}

std::size_t word_count(const std::string& s) { return text::count_words(s); }

// Trims spaces, and trailing ":", ".", "," and "،" (a multi-byte character, so not a byte set).
std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  s.erase(0, b);
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == ':' || s.back() == '.' || s.back() == ',')) {
      s.pop_back();
    } else if (s.size() >= 2 && s.compare(s.size() - 2, 2, "\xD8\x8C") == 0) {
      s.resize(s.size() - 2);
    } else {
      return s;
    }
  }
}

bool has_sentence_punctuation(const std::string& s) {
  return s.find('.') != std::string::npos || s.find(',') != std::string::npos || s.find("\xD8\x8C") != std::string::npos;
}

// Splits "A – B" on the first spaced dash (– — -), or returns false.
bool split_dash(const std::string& line, std::string& left, std::string& right) {
  for (std::string_view dash : {" – ", " — ", " - "}) {
    const std::size_t at = line.find(dash);
    if (at == std::string::npos) continue;
    left = trim(line.substr(0, at));
    right = trim(line.substr(at + dash.size()));
    return !left.empty() && !right.empty();
  }
  return false;
}

bool starts_with_outlet_kind(const std::string& s) {
  const std::string n = text::normalize_for_search(s);
  return in_list<kOutletKinds>(n.substr(0, n.find(' ')));
}

bool mostly_date(const std::string& line, const DateMention& m) {
  std::size_t outside = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if ((i < m.begin || i >= m.end) && line[i] != ' ') ++outside;
  }
  // Allow a short lead-in such as "نشر في" or "آخر تحديث:" (a few letters).
  return outside <= 24;
}

}  // namespace

bool is_known_city(const std::string& normalized) { return in_list<kCities>(normalized); }

bool is_breadcrumb(const std::string& line) {
  std::size_t separators = 0;
  for (std::string_view sep : {" / ", " > ", " » ", " › ", " « "}) {
    for (std::size_t at = line.find(sep); at != std::string::npos; at = line.find(sep, at + 1)) ++separators;
  }
  if (separators < 1) return false;
  const std::string n = text::normalize_for_search(line);
  const bool home = n.rfind("الرييسيه", 0) == 0 || n.rfind("home", 0) == 0 || n.rfind("الصفحه الرييسيه", 0) == 0;
  return home || (separators >= 2 && word_count(line) <= 3 * (separators + 1));
}

bool is_byline_line(const std::string& line_in) {
  // A date after " | " belongs to the byline: judge the part before it.
  std::string line = line_in;
  const std::size_t bar = line.find(" | ");
  if (bar != std::string::npos) {
    const std::string rest = line.substr(bar + 3);
    const auto dates = find_dates(rest);
    if (dates.empty() || !mostly_date(rest, dates.front())) return false;
    line = line.substr(0, bar);
  }
  if (word_count(line) > kMaxBylineWords) return false;
  std::string left, right;
  if (!split_dash(line, left, right)) return false;
  const std::string l = text::normalize_for_search(left), r = text::normalize_for_search(right);
  return is_known_city(l) || is_known_city(r) || in_list<kDeskWords>(r) || starts_with_outlet_kind(left) ||
         starts_with_outlet_kind(right);
}

TitleGuess guess_title(const std::vector<std::string>& lines) {
  TitleGuess g;
  for (std::size_t i = 0; i < lines.size() && i < kHeadLines; ++i) {
    const std::string& line = lines[i];
    if (line.empty()) continue;
    if (is_breadcrumb(line)) {
      // "الرئيسية / سياسة / عنوان المقال الطويل": the last segment is the title.
      const std::size_t at = line.rfind(" / ");
      const std::string last = at == std::string::npos ? "" : trim(line.substr(at + 3));
      if (word_count(last) >= 5) {
        g.title = last;
        g.consumed_lines.push_back(i);
        break;
      }
      continue;
    }
    const auto dates = find_dates(line);
    if (!dates.empty() && mostly_date(line, dates.front())) continue;
    std::string left, right;
    if (word_count(line) <= kMaxBylineWords && split_dash(line, left, right)) {
      const std::string l = text::normalize_for_search(left), r = text::normalize_for_search(right);
      if (is_known_city(l) || is_known_city(r) || in_list<kDeskWords>(r)) continue;  // a byline
    }
    if (word_count(line) > kMaxTitleWords) break;  // the body starts: no title line
    g.title = line;
    g.consumed_lines.push_back(i);
    // The same title again on the next line (exactly, after normalization, or as a prefix).
    if (i + 1 < lines.size()) {
      const std::string a = text::normalize_for_search(line), b = text::normalize_for_search(lines[i + 1]);
      if (!b.empty() && (a == b || (a.size() > 20 && b.rfind(a, 0) == 0 && b.size() < a.size() + 40) ||
                         (b.size() > 20 && a.rfind(b, 0) == 0))) {
        g.consumed_lines.push_back(i + 1);
      }
    }
    break;
  }
  return g;
}

std::optional<OutletGuess> guess_outlet(const std::vector<std::string>& lines) {
  for (std::size_t i = 0; i < lines.size() && i < kHeadLines; ++i) {
    const std::string& line = lines[i];
    const std::size_t words = word_count(line);
    if (words == 0) continue;
    std::string left, right;
    const std::string byline = line.substr(0, line.find(" | "));  // "X – city | date"
    if (word_count(byline) <= kMaxBylineWords && split_dash(byline, left, right)) {
      const std::string l = text::normalize_for_search(left), r = text::normalize_for_search(right);
      if (in_list<kDeskWords>(r) && !is_known_city(l)) return OutletGuess{left, i, true};
      if (is_known_city(l) && !in_list<kDeskWords>(r)) return OutletGuess{right, i, true};
      if (is_known_city(r)) return OutletGuess{left, i, true};
      if (starts_with_outlet_kind(left)) return OutletGuess{left, i, true};
      if (starts_with_outlet_kind(right)) return OutletGuess{right, i, true};
    }
    // "صحيفة المنارة" on its own line.
    if (words <= 4 && starts_with_outlet_kind(line) && !has_sentence_punctuation(line)) {
      return OutletGuess{trim(line), i, true};
    }
    // "المصدر: X"
    const std::string n = text::normalize_for_search(line);
    if (words <= kMaxBylineWords && n.rfind("المصدر", 0) == 0) {
      const std::size_t colon = line.find(':');
      if (colon != std::string::npos && !trim(line.substr(colon + 1)).empty()) return OutletGuess{trim(line.substr(colon + 1)), i, true};
    }
    // A dateline with an agency: "بغداد (رويترز) - قال ...".
    const std::size_t open = line.find('(');
    if (open != std::string::npos && open < 60) {
      const std::size_t close = line.find(')', open);
      if (close != std::string::npos && close - open < 40) {
        const std::string inside = trim(line.substr(open + 1, close - open - 1));
        if (in_list<kAgencies>(text::normalize_for_search(inside))) return OutletGuess{inside, i, false};
      }
    }
  }
  return std::nullopt;
}

std::optional<DateGuess> guess_publication_date(const std::vector<std::string>& lines) {
  for (std::size_t i = 0; i < lines.size() && i < kHeadLines; ++i) {
    const auto dates = find_dates(lines[i]);
    if (dates.empty()) continue;
    return DateGuess{dates.front().value, i, mostly_date(lines[i], dates.front())};
  }
  return std::nullopt;
}

}  // namespace masar::extract
