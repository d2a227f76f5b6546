// Title, outlet and publication date from an article's first lines. Everything here works on
// a handful of short lines per article, so clarity wins over speed: lines are tokenized and
// search-normalized, and the word lists below are compared in that normalized form.
#include "masar/extract/metadata.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

#include "masar/text/normalize.hpp"
#include "masar/text/tokenize.hpp"

namespace masar::extract {
namespace {

constexpr std::size_t kDateScanBytes = 2048;  // of each head line, searched for the publication date
constexpr std::size_t kHeadLines = 8;        // metadata lives in the first lines
constexpr std::size_t kMaxTitleWords = 30;   // longer first lines are paragraphs, not titles
constexpr std::size_t kMinTitleWords = 3;    // shorter lines are menus and section names
constexpr std::size_t kMaxBylineWords = 8;
constexpr std::size_t kMaxOutletWords = 4;   // "موقع الخبر اليقين"; longer is a headline
constexpr std::size_t kDatelineWords = 60;   // where a dateline may start in a glued line

// Cities that open datelines ("طهران – ..."), as written; compared normalized, so أ/ا, ة/ه
// and ى/ي variants need no entry of their own.
constexpr std::string_view kCities[] = {
    "دمشق", "حلب", "إدلب", "حمص", "حماة", "درعا", "اللاذقية", "طرطوس", "دير الزور", "الرقة", "الحسكة", "القامشلي",
    "السويداء", "القنيطرة", "عفرين", "منبج", "جرابلس", "تدمر", "بيروت", "صيدا", "طهران", "موسكو", "أنقرة", "إسطنبول",
    "استانبول", "أستانا", "أستانة", "آستانا", "نور سلطان", "نورسلطان", "سوتشي", "ألماتي", "جنيف", "فيينا", "لوزان",
    "القاهرة", "الإسكندرية", "بغداد", "البصرة", "الموصل", "أربيل", "كركوك", "السليمانية", "عمان", "الرياض", "جدة",
    "الدوحة", "أبوظبي", "أبو ظبي", "دبي", "الكويت", "المنامة", "مسقط", "واشنطن", "نيويورك", "باريس", "لندن", "برلين",
    "بروكسل", "روما", "مدريد", "لاهاي", "أثينا", "بكين", "طوكيو", "كييف", "مينسك", "باكو", "يريفان", "غازي عنتاب",
    "غازي عينتاب", "عنتاب", "هاتاي", "أنطاكيا", "أنطاكية", "أورفا", "صنعاء", "عدن", "طرابلس", "بنغازي", "تونس",
    "الجزائر", "الرباط", "الدار البيضاء", "الخرطوم", "غزة", "القدس", "رام الله", "الخليل", "نابلس", "عمّان",
};

// Words that stand after a dash in place of a city: the outlet is the other side.
constexpr std::string_view kDeskWords[] = {"فريق التحرير", "خاص", "متابعات", "وكالات", "غرفة الأخبار", "المحرر",
                                           "التحرير", "قسم الأخبار", "خاص بالموقع", "مراسلنا", "هيئة التحرير",
                                           "القسم السياسي", "الموقع"};

// First words of outlet names: a short line starting with one is the outlet on its own.
constexpr std::string_view kOutletKinds[] = {"صحيفة", "جريدة", "قناة", "موقع", "شبكة", "وكالة", "بوابة", "مجلة",
                                             "إذاعة", "راديو", "تلفزيون", "منصة", "المرصد"};

// Calls to action open lines that look like "X - Y" but are page furniture or prose.
constexpr std::string_view kCallsToAction[] = {"تابع", "تابعوا", "تابعونا", "اقرأ", "إقرأ", "شاهد", "اضغط", "إضغط",
                                               "شارك", "انقر", "اشترك", "للمزيد", "حمل", "تصفح"};

// News agencies named in datelines, with the name reported for each spelling.
struct Agency {
  std::string_view written;
  std::string_view name;
};
constexpr Agency kAgencies[] = {
    {"رويترز", "رويترز"}, {"Reuters", "رويترز"}, {"فرانس برس", "فرانس برس"}, {"فرانس بريس", "فرانس برس"},
    {"أ ف ب", "فرانس برس"}, {"AFP", "فرانس برس"}, {"الأناضول", "الأناضول"}, {"الاناضول", "الأناضول"},
    {"Anadolu", "الأناضول"}, {"سانا", "سانا"}, {"SANA", "سانا"}, {"سبوتنيك", "سبوتنيك"}, {"Sputnik", "سبوتنيك"},
    {"تاس", "تاس"}, {"TASS", "تاس"}, {"أسوشيتد برس", "أسوشيتد برس"}, {"أسوشييتد برس", "أسوشيتد برس"},
    {"أ ب", "أسوشيتد برس"}, {"AP", "أسوشيتد برس"}, {"د ب أ", "د ب أ"}, {"DPA", "د ب أ"}, {"إرنا", "إرنا"},
    {"IRNA", "إرنا"}, {"شينخوا", "شينخوا"}, {"واس", "واس"}, {"قنا", "قنا"}, {"وام", "وام"}, {"كونا", "كونا"},
    {"بترا", "بترا"}, {"أ ش أ", "أ ش أ"},
};

// Words allowed around a date on a line that is only the date ("نشر في", "آخر تحديث", the
// Hijri date that often follows the Gregorian one).
constexpr std::string_view kDateLineWords[] = {
    "نشر", "نشرت", "في", "بتاريخ", "تاريخ", "النشر", "تم", "آخر", "تحديث", "التحديث", "محدث", "يوم", "الموافق",
    "الساعة", "بتوقيت", "توقيت", "مكة", "المكرمة", "غرينتش", "غرينيتش", "منذ", "م", "هـ", "ه", "published",
    "updated", "posted", "last", "update", "on", "at", "gmt", "utc", "ast", "محرم", "صفر", "ربيع", "الأول",
    "الثاني", "الآخر", "جمادى", "الأولى", "الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو", "ذي", "القعدة", "الحجة"};

constexpr std::string_view kPublishCues[] = {"نشر", "بتاريخ", "published", "posted"};
constexpr std::string_view kUpdateCues[] = {"تحديث", "تعديل", "محدث", "updated", "update"};

// A list normalized once (the lists are written as people spell the words); one static set
// per list.
template <const auto& List>
bool in_list(const std::string& normalized) {
  static const std::unordered_set<std::string> set = [] {
    std::unordered_set<std::string> out;
    for (std::string_view w : List) out.insert(text::normalize_for_search(w));
    return out;
  }();
  return set.count(normalized) > 0;
}

struct AgencyWords {
  std::vector<std::string> words;  // normalized
  std::string_view name;
};

const std::vector<AgencyWords>& agency_words() {
  static const std::vector<AgencyWords> list = [] {
    std::vector<AgencyWords> out;
    for (const Agency& a : kAgencies) {
      AgencyWords w{{}, a.name};
      const std::string n = text::normalize_for_search(a.written);
      for (const auto& t : text::tokenize(n)) w.words.emplace_back(n.substr(t.begin, t.end - t.begin));
      out.push_back(std::move(w));
    }
    return out;
  }();
  return list;
}

// The words of a line with their offsets, normalized.
struct Words {
  std::vector<text::Token> tokens;
  std::vector<std::string> norm;
  std::size_t size() const { return tokens.size(); }
};

// At most `max_bytes` of `s`, cut before a UTF-8 continuation byte.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

Words words_of(std::string_view line, std::size_t max_words = SIZE_MAX) {
  constexpr std::size_t kMaxBytesPerWord = 40;  // generous: Arabic words with a space are ~10 bytes
  if (max_words != SIZE_MAX) line = utf8_prefix(line, max_words * kMaxBytesPerWord);
  Words w;
  text::tokenize(line, w.tokens);
  if (w.tokens.size() > max_words) w.tokens.resize(max_words);
  w.norm.reserve(w.tokens.size());
  for (const auto& t : w.tokens) w.norm.push_back(text::normalize_for_search(line.substr(t.begin, t.end - t.begin)));
  return w;
}

std::size_t word_count(std::string_view s) { return text::count_words(s); }

bool is_dash_at(std::string_view s, std::size_t i) {
  return s[i] == '-' || s.compare(i, 3, "\xE2\x80\x93") == 0 || s.compare(i, 3, "\xE2\x80\x94") == 0;  // - – —
}
bool has_dash(std::string_view s) {
  // '-' or the lead byte of – and —: one byte search, then a check where it hits.
  for (std::size_t i = s.find_first_of("-\xE2"); i != std::string_view::npos; i = s.find_first_of("-\xE2", i + 1)) {
    if (is_dash_at(s, i)) return true;
  }
  return false;
}

// Trims spaces, and trailing ":", ".", "," and "،" (multi-byte, so not a byte set).
std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == ':' || s.back() == '.' || s.back() == ',')) {
      s.remove_suffix(1);
    } else if (s.ends_with("\xD8\x8C")) {
      s.remove_suffix(2);
    } else {
      return std::string(s);
    }
  }
}

// Splits "A – B" on the first spaced dash (– — -), or returns false.
bool split_dash(const std::string& line, std::string& left, std::string& right) {
  std::size_t best = std::string::npos, len = 0;
  for (std::string_view dash : {" – ", " — ", " - "}) {
    const std::size_t at = line.find(dash);
    if (at < best) best = at, len = dash.size();
  }
  if (best == std::string::npos) return false;
  left = trim(std::string_view(line).substr(0, best));
  right = trim(std::string_view(line).substr(best + len));
  return !left.empty() && !right.empty();
}

bool starts_with_outlet_kind(const std::string& s) {
  const std::string n = text::normalize_for_search(s);
  return in_list<kOutletKinds>(n.substr(0, n.find(' ')));
}

bool starts_with_call_to_action(const std::string& normalized) {
  return in_list<kCallsToAction>(normalized.substr(0, normalized.find(' ')));
}

// The agency a short text names ("رويترز", "أ ف ب"), or empty.
std::string_view agency_named(const std::string& normalized) {
  const Words w = words_of(normalized);
  for (const auto& a : agency_words()) {
    if (a.words == w.norm) return a.name;
  }
  return {};
}

// A name that can be an outlet: a few words, letters in it, not a sentence.
bool outlet_like(const std::string& s) {
  const std::size_t words = word_count(s);
  if (words == 0 || words > kMaxOutletWords) return false;
  if (s.find_first_of("0123456789!?") != std::string::npos || s.find("\xD8\x9F") != std::string::npos) return false;
  return !parse_date(s);
}

// Removes a " | date" tail: "المرصد العربي – جنيف | 22 تشرين الأول 2021" is judged without it.
std::string without_date_tail(const std::string& line) {
  const std::size_t bar = line.find(" | ");
  if (bar == std::string::npos) return line;
  const std::string rest = line.substr(bar + 3);
  const auto dates = find_dates(rest);
  return !dates.empty() && only_dates(rest, dates) ? line.substr(0, bar) : line;
}

// "X – فريق التحرير", "طهران – مدار اليوم", "مدار اليوم – سوتشي": the outlet, or nullopt
// when the line is not such a byline. `outlet` may come back empty for "نور سلطان – خاص"
// (a byline naming no outlet).
std::optional<std::string> dash_byline(const std::string& line_in) {
  const std::string line = without_date_tail(line_in);
  if (word_count(line) > kMaxBylineWords) return std::nullopt;
  std::string left, right;
  if (!split_dash(line, left, right)) return std::nullopt;
  const std::string l = text::normalize_for_search(left), r = text::normalize_for_search(right);
  if (starts_with_call_to_action(l) || !outlet_like(left) || !outlet_like(right)) return std::nullopt;
  const bool left_city = is_known_city(l), right_city = is_known_city(r);
  const bool right_desk = in_list<kDeskWords>(r);
  if (right_desk) return left_city ? std::string() : left;
  if (left_city && !right_city) {
    const std::string_view agency = agency_named(r);
    return agency.empty() ? right : std::string(agency);
  }
  if (right_city) return left;
  if (starts_with_outlet_kind(left)) return left;
  if (starts_with_outlet_kind(right)) return right;
  return std::nullopt;
}

// True when the words ending just before index `end` are a known city (one or two words).
bool city_before(const Words& w, std::size_t end) {
  if (end >= 1 && is_known_city(w.norm[end - 1])) return true;
  return end >= 2 && is_known_city(w.norm[end - 2] + " " + w.norm[end - 1]);
}

// An agency in a dateline: "بغداد ( رويترز ) - قال", "موسكو - ( أ ف ب ) -", "دمشق - سانا -",
// "(رويترز) -" at the start. "وقال لوكالة ( رويترز ) في بيان" is prose, not a dateline.
std::optional<OutletGuess> agency_dateline(const std::string& line, std::size_t index) {
  // Every dateline form has a parenthesis or a dash: most lines are ruled out by one scan.
  const std::string_view head = utf8_prefix(line, kDatelineWords * 40);
  if (head.find('(') == std::string_view::npos && !has_dash(head)) return std::nullopt;
  const Words w = words_of(line, kDatelineWords);
  for (std::size_t j = 0; j < w.size(); ++j) {
    for (const auto& a : agency_words()) {
      const std::size_t n = a.words.size();
      if (j + n > w.size() || !std::equal(a.words.begin(), a.words.end(), w.norm.begin() + static_cast<std::ptrdiff_t>(j))) continue;
      const std::size_t before_from = j > 0 ? w.tokens[j - 1].end : 0;
      const std::string_view before = std::string_view(line).substr(before_from, w.tokens[j].begin - before_from);
      const std::size_t after_from = w.tokens[j + n - 1].end;
      const std::size_t after_to = j + n < w.size() ? w.tokens[j + n].begin : line.size();
      const std::string_view after = std::string_view(line).substr(after_from, after_to - after_from);
      const bool paren = before.find('(') != std::string_view::npos && after.find(')') != std::string_view::npos;
      const bool dash_after = has_dash(after), colon_after = after.find(':') != std::string_view::npos;
      const bool city = city_before(w, j);
      const bool alone = j + n == w.size() && j <= 2;  // "بغداد (رويترز)" and nothing else
      // Without a dash after it, "(رويترز)" is a photo credit ("... في سوتشي (رويترز)") unless
      // it makes up the whole line; a colon alone is a headline quoting the agency ("تاس": ...).
      const bool dateline = (paren && (dash_after || (colon_after && (city || has_dash(before))) || (alone && (city || j == 0)))) ||
                            (!paren && has_dash(before) && city) || (!paren && j == 0 && dash_after);
      if (!dateline) continue;
      return OutletGuess{std::string(a.name), index, alone};
    }
  }
  return std::nullopt;
}

// What stands just before a date: a publication cue, an update cue, or nothing.
enum class Cue { none, publish, update };

Cue cue_before(std::string_view line, std::size_t from, std::size_t to) {
  constexpr std::size_t kReach = 48;  // about four Arabic words
  if (to - from > kReach) from = to - kReach;
  while (from < to && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) ++from;
  const std::string n = text::normalize_for_search(line.substr(from, to - from));
  std::size_t publish = std::string::npos, update = std::string::npos;
  for (std::string_view cue : kPublishCues) {
    const std::size_t at = n.rfind(text::normalize_for_search(cue));
    if (at != std::string::npos && (publish == std::string::npos || at > publish)) publish = at;
  }
  for (std::string_view cue : kUpdateCues) {
    const std::size_t at = n.rfind(text::normalize_for_search(cue));
    if (at != std::string::npos && (update == std::string::npos || at > update)) update = at;
  }
  if (publish == std::string::npos && update == std::string::npos) return Cue::none;
  if (update == std::string::npos) return Cue::publish;
  if (publish == std::string::npos) return Cue::update;
  return publish > update ? Cue::publish : Cue::update;  // the closer cue speaks for the date
}

// A mention that opens with a weekday or a month name ("الأحد 21 يناير", "يناير 21, 2018")
// rather than a digit is the stamp style of page headers.
bool starts_with_digit(std::string_view line, std::size_t at) {
  const auto tokens = text::tokenize(line.substr(at, 16));
  return !tokens.empty() && tokens.front().begin == 0 && tokens.front().kind == text::TokenKind::number;
}

bool earlier(const DateTime& a, const DateTime& b) {
  if (a.year != b.year) return a.year < b.year;
  if (a.month != b.month) return a.month < b.month;
  if (a.day != b.day) return a.day < b.day;
  return a.hour * 60 + a.minute < b.hour * 60 + b.minute;
}

bool is_title_repeat(const std::string& a_raw, const std::string& b_raw) {
  const std::string a = text::normalize_for_search(a_raw), b = text::normalize_for_search(b_raw);
  if (b.empty()) return false;
  if (a == b) return true;
  if (word_count(b_raw) > kMaxTitleWords) return false;  // a paragraph opening with the title is content
  // One a prefix of the other, at a word boundary, and not too short to mean anything.
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return shorter.size() >= 20 && longer.compare(0, shorter.size(), shorter) == 0 && longer[shorter.size()] == ' ';
}

}  // namespace

bool only_dates(std::string_view line, const std::vector<DateMention>& mentions) {
  std::size_t from = 0;
  auto rest_is_filler = [&](std::string_view part) {
    for (const auto& t : text::tokenize(part)) {
      const std::string_view word = part.substr(t.begin, t.end - t.begin);
      if (t.kind == text::TokenKind::number) {
        if (word.size() > 8) return false;  // a Hijri day or year, "العدد 10876" is not
        continue;
      }
      if (!in_list<kDateLineWords>(text::normalize_for_search(word))) return false;
    }
    return true;
  };
  for (const auto& m : mentions) {
    if (m.begin < from || m.end > line.size()) return false;
    if (!rest_is_filler(line.substr(from, m.begin - from))) return false;
    from = m.end;
  }
  return !mentions.empty() && rest_is_filler(line.substr(from));
}

bool is_known_city(const std::string& normalized) { return in_list<kCities>(normalized); }

bool is_breadcrumb(const std::string& line) {
  static constexpr std::string_view kSeparators[] = {" / ", " > ", " » ", " › ", " « ", " >> "};
  std::vector<std::string_view> segments;
  std::string_view rest = line;
  for (;;) {
    std::size_t best = std::string_view::npos, len = 0;
    for (auto sep : kSeparators) {
      const std::size_t at = rest.find(sep);
      if (at < best) best = at, len = sep.size();
    }
    segments.push_back(rest.substr(0, best));
    if (best == std::string_view::npos) break;
    rest.remove_prefix(best + len);
  }
  if (segments.size() < 2) return false;
  for (auto seg : segments) {
    const auto tokens = text::tokenize(seg);
    const bool letters = std::any_of(tokens.begin(), tokens.end(), [](const text::Token& t) { return t.kind != text::TokenKind::number; });
    if (!letters) return false;  // "2023 / 06 / 21", "50 / 50"
  }
  const std::string first = text::normalize_for_search(segments.front());
  const bool home = first == "الرييسيه" || first == "home" || first == "الصفحه الرييسيه" || first == "الرييسه";
  // All but the last segment short; the last may be a headline when the trail starts at home.
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    if (word_count(segments[i]) > 3) return false;
  }
  return home || (segments.size() >= 3 && word_count(segments.back()) <= 3);
}

bool is_byline_line(const std::string& line) {
  if (dash_byline(line)) return true;
  if (auto g = agency_dateline(line, 0)) return g->line_is_only_byline;
  return false;
}

// "Headline | Site name The lead paragraph ...": a page title flattened onto the lead. Returns
// the headline; the line itself is body text.
std::optional<std::string> page_title_before_lead(const std::string& line) {
  const std::size_t bar = line.find(" | ");
  if (bar == std::string::npos || line.empty() || (line.back() != '.' && line.back() != '!')) return std::nullopt;
  std::string head = trim(std::string_view(line).substr(0, bar));
  const std::size_t head_words = word_count(head), tail_words = word_count(std::string_view(line).substr(bar + 3));
  if (head_words < kMinTitleWords || head_words > kMaxTitleWords || tail_words < 10) return std::nullopt;
  return head;
}

TitleGuess guess_title(const std::vector<std::string>& lines) {
  TitleGuess g;
  for (std::size_t i = 0; i < lines.size() && i < kHeadLines; ++i) {
    const std::string& line = lines[i];
    const std::size_t words = word_count(line);
    if (words == 0) continue;
    if (is_breadcrumb(line)) {
      // "الرئيسية / سياسة / عنوان المقال الطويل": the last segment is the title.
      std::size_t at = std::string::npos, len = 0;
      for (std::string_view sep : {" / ", " > ", " » ", " › ", " « ", " >> "}) {
        const std::size_t p = line.rfind(sep);
        if (p != std::string::npos && (at == std::string::npos || p > at)) at = p, len = sep.size();
      }
      const std::string last = trim(std::string_view(line).substr(at + len));
      const std::size_t last_words = word_count(last);
      if (last_words < 4 || last_words > kMaxTitleWords) continue;
      g.title = last;
      g.consumed_lines.push_back(i);
    } else {
      if (words <= 2 * kMaxTitleWords) {  // a line of dates is short; paragraphs are not scanned
        const auto dates = find_dates(line);
        if (!dates.empty() && only_dates(line, dates)) continue;
      }
      if (words <= kMaxBylineWords && is_byline_line(line)) continue;
      if (auto head = page_title_before_lead(line)) {
        g.title = std::move(*head);  // nothing consumed: the line carries the lead
        break;
      }
      if (words > kMaxTitleWords) break;   // the body starts: no title line
      if (words < kMinTitleWords) continue;  // "الرئيسية", "أخبار سوريا", "صحيفة المنارة"
      g.title = line;
      g.consumed_lines.push_back(i);
    }
    // The same title again on the next line (exactly, after normalization, or as a prefix).
    std::size_t next = i + 1;
    while (next < lines.size() && word_count(lines[next]) == 0) ++next;
    if (next < lines.size() && is_title_repeat(g.title, lines[next])) g.consumed_lines.push_back(next);
    break;
  }
  return g;
}

std::optional<OutletGuess> guess_outlet(const std::vector<std::string>& lines) {
  // A byline with a date tail ("X – فريق التحرير | 22 تشرين الأول 2021") is a few words longer.
  constexpr std::size_t kMaxBylineWithDateWords = kMaxBylineWords + 10;
  for (std::size_t i = 0; i < lines.size() && i < kHeadLines; ++i) {
    const std::string& line = lines[i];
    const std::size_t words = text::count_words(line, kMaxBylineWithDateWords);  // compared with that at most
    if (words == 0) continue;
    if (words > kMaxBylineWithDateWords) {  // a paragraph: only a dateline can open it
      if (auto g = agency_dateline(line, i)) return g;
      continue;
    }
    if (auto outlet = dash_byline(line); outlet && !outlet->empty()) return OutletGuess{*outlet, i, true};
    // "صحيفة المنارة" on its own line.
    if (words <= kMaxOutletWords && starts_with_outlet_kind(line) && outlet_like(line) &&
        line.find_first_of(".,") == std::string::npos && line.find("\xD8\x8C") == std::string::npos) {
      return OutletGuess{trim(line), i, true};
    }
    // "المصدر: X"
    const std::string n = text::normalize_for_search(line);
    if (words <= kMaxBylineWords && (n.starts_with("المصدر") || n.starts_with("مصدر الخبر"))) {
      const std::size_t colon = line.find(':');
      const std::string name = colon == std::string::npos ? "" : trim(std::string_view(line).substr(colon + 1));
      if (outlet_like(name)) {
        const std::string_view agency = agency_named(text::normalize_for_search(name));
        return OutletGuess{agency.empty() ? name : std::string(agency), i, true};
      }
    }
    if (auto g = agency_dateline(line, i)) return g;
  }
  return std::nullopt;
}

std::optional<DateGuess> guess_publication_date(const std::vector<std::string>& lines) {
  // Tiers: 1 a publication cue before the date; 2 a stamp (a line of dates, a date with a
  // time or a weekday, an update cue); 3 a date inside prose. Within tiers 1 and 2 the earliest
  // date wins: a page's "today" widget and "last updated" come after the publication; tier 3
  // takes the first date, as the lead usually names the day of the news.
  struct Candidate {
    DateTime date;
    std::size_t line;
    bool only;
    int tier;
  };
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < lines.size() && i < kHeadLines; ++i) {
    // A publication date stands near the start of its line: a whole article flattened onto
    // one line is not scanned to its end.
    const std::string_view line = utf8_prefix(lines[i], kDateScanBytes);
    const auto dates = find_dates(line);
    if (dates.empty()) continue;
    const bool only = only_dates(line, dates);
    std::size_t from = 0;
    for (const auto& m : dates) {
      const Cue cue = cue_before(line, from, m.begin);
      const bool stamp = only || m.value.hour >= 0 || !starts_with_digit(line, m.begin) || cue == Cue::update;
      candidates.push_back({m.value, i, only, cue == Cue::publish ? 1 : stamp ? 2 : 3});
      from = m.end;
    }
  }
  if (candidates.empty()) return std::nullopt;
  const Candidate* best = nullptr;
  for (int tier = 1; tier <= 3 && !best; ++tier) {
    for (const auto& c : candidates) {
      if (c.tier != tier) continue;
      if (!best || (tier < 3 && earlier(c.date, best->date))) best = &c;
    }
  }
  return DateGuess{best->date, best->line, best->only};
}

}  // namespace masar::extract
