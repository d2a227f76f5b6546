// In-document boilerplate rules. Every phrase is matched on the search-normalized line
// (alef, ya, ta marbuta folded, diacritics dropped), so "اقرأ أيضاً" and "اقرا ايضا" agree.
#include <algorithm>
#include <unordered_map>

#include "masar/extract/boilerplate.hpp"
#include "masar/extract/metadata.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/tokenize.hpp"

namespace masar::extract {
namespace {

// Lines starting with one of these are boilerplate of the given kind (when short enough).
struct Prefix {
  std::string_view text;
  Boilerplate kind;
  std::size_t max_words;
};

constexpr Prefix kPrefixes[] = {
    {"اقرأ أيضا", Boilerplate::read_also, 40},   {"إقرأ أيضا", Boilerplate::read_also, 40},
    {"اقرأ المزيد", Boilerplate::read_also, 40}, {"طالع أيضا", Boilerplate::read_also, 40},
    {"شاهد أيضا", Boilerplate::read_also, 40},   {"اقرأ كذلك", Boilerplate::read_also, 40},
    {"للمزيد من", Boilerplate::read_also, 15},    {"المزيد من", Boilerplate::read_also, 6},
    {"مواضيع ذات صلة", Boilerplate::related, 8}, {"أخبار ذات صلة", Boilerplate::related, 8},
    {"مقالات ذات صلة", Boilerplate::related, 8}, {"مقالات أخرى", Boilerplate::related, 8},
    {"الأكثر قراءة", Boilerplate::related, 6},   {"الأكثر مشاهدة", Boilerplate::related, 6},
    {"تابعونا", Boilerplate::follow_share, 15},  {"تابعوا", Boilerplate::follow_share, 15},
    {"شارك هذا", Boilerplate::follow_share, 8},  {"شارك على", Boilerplate::follow_share, 12},
    {"شارك المقال", Boilerplate::follow_share, 8}, {"شارك الخبر", Boilerplate::follow_share, 8},
    {"شارك:", Boilerplate::follow_share, 12},     {"مشاركة", Boilerplate::follow_share, 6},
    {"اشترك", Boilerplate::follow_share, 15},     {"حمل تطبيق", Boilerplate::follow_share, 12},
    {"حمّل تطبيق", Boilerplate::follow_share, 12}, {"احصل على أهم الأخبار", Boilerplate::follow_share, 15},
    {"رابط مختصر", Boilerplate::short_link, 8},   {"الرابط المختصر", Boilerplate::short_link, 8},
    {"رابط الخبر", Boilerplate::short_link, 8},   {"الصورة:", Boilerplate::caption, 30},
    {"صورة:", Boilerplate::caption, 30},          {"تصوير:", Boilerplate::caption, 12},
    {"(صورة", Boilerplate::caption, 30},          {"عاجل:", Boilerplate::navigation, 20},
    {"تخطي شريط", Boilerplate::navigation, 10},   {"نشر في", Boilerplate::navigation, 12},
    {"آخر تحديث", Boilerplate::navigation, 12},
};

// Anywhere in a short line.
struct Contains {
  std::string_view text;
  Boilerplate kind;
  std::size_t max_words;
};

constexpr Contains kContains[] = {
    {"جميع الحقوق محفوظة", Boilerplate::copyright, 20}, {"©", Boilerplate::copyright, 20},
    {"all rights reserved", Boilerplate::copyright, 20}, {"حقوق النشر", Boilerplate::copyright, 20},
    {"في بريدك", Boilerplate::follow_share, 15},         {"النشرة البريدية", Boilerplate::follow_share, 15},
    {"ذات صلة", Boilerplate::related, 5},
};

constexpr std::string_view kSocial[] = {"فيسبوك", "فيس بوك", "تويتر", "واتساب", "واتس اب", "تيلجرام", "تلغرام",
                                        "تليجرام", "انستغرام", "انستجرام", "يوتيوب", "لينكدإن", "لينكد إن", "تيك توك",
                                        "facebook", "twitter", "whatsapp", "telegram", "instagram", "youtube",
                                        "linkedin", "tiktok"};

constexpr std::string_view kMenuWords[] = {"الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "منوعات", "فيديو", "صور",
                                           "ثقافة", "فن", "صحة", "تكنولوجيا", "مقالات", "آراء", "اتصل بنا", "من نحن",
                                           "عربي", "دولي", "محليات", "بحث", "القائمة", "English", "تقارير", "حوارات"};

constexpr std::string_view kCounterWords[] = {"مشاهدة", "مشاهدات", "قراءة", "قراءات", "تعليق", "تعليقات", "زيارة"};

struct Normalized {
  std::vector<std::pair<std::string, const Prefix*>> prefixes;
  std::vector<std::pair<std::string, const Contains*>> contains;
  std::vector<std::string> social, menu, counters;
};

const Normalized& normalized() {
  static const Normalized n = [] {
    Normalized out;
    for (const auto& p : kPrefixes) out.prefixes.emplace_back(text::normalize_for_search(p.text), &p);
    for (const auto& c : kContains) out.contains.emplace_back(text::normalize_for_search(c.text), &c);
    for (auto w : kSocial) out.social.push_back(text::normalize_for_search(w));
    for (auto w : kMenuWords) out.menu.push_back(text::normalize_for_search(w));
    for (auto w : kCounterWords) out.counters.push_back(text::normalize_for_search(w));
    return out;
  }();
  return n;
}

using text::count_words;

bool ends_like_sentence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '"' || line.back() == ')')) line.remove_suffix(1);
  if (line.empty()) return false;
  if (line.back() == '.' || line.back() == '!' || line.back() == ':') return true;
  return line.size() >= 3 && (line.substr(line.size() - 2) == "\xD8\x9B");  // ؛
}

// Words of a normalized line, split on spaces and punctuation.
std::vector<std::string> words_of(const std::string& n) {
  std::vector<std::string> out;
  for (const auto& t : text::tokenize(n)) out.push_back(n.substr(t.begin, t.end - t.begin));
  return out;
}

Boilerplate classify_normalized(std::string_view line, const std::string& n, std::size_t words) {
  const Normalized& table = normalized();
  for (const auto& [p, rule] : table.prefixes) {
    if (words <= rule->max_words && n.compare(0, p.size(), p) == 0) {
      // "تابع/تابعوا" as a verb in a sentence is content: the follow-us form names a platform
      // or "us" (صفحتنا، قناتنا، موقعنا، على ...).
      if (rule->text == "تابعونا" || rule->text == "تابعوا") {
        const bool platform = std::any_of(table.social.begin(), table.social.end(),
                                          [&](const std::string& s) { return n.find(s) != std::string::npos; });
        const bool us = n.find("نا ") != std::string::npos || (n.size() >= 4 && n.compare(n.size() - 4, 4, "نا") == 0);
        if (!platform && !us && n.find("موقعنا") == std::string::npos) continue;
      }
      return rule->kind;
    }
  }
  for (const auto& [c, rule] : table.contains) {
    if (words <= rule->max_words && n.find(c) != std::string::npos) return rule->kind;
  }
  // Only a URL.
  if ((n.rfind("http://", 0) == 0 || n.rfind("https://", 0) == 0 || n.rfind("www.", 0) == 0) && n.find(' ') == std::string::npos) {
    return Boilerplate::short_link;
  }
  if (is_breadcrumb(std::string(line))) return Boilerplate::breadcrumb;
  if (words <= 12 && is_byline_line(std::string(line))) return Boilerplate::byline;
  if (words > 12) return Boilerplate::none;
  const std::vector<std::string> ws = words_of(n);
  // Share bars: mostly social network names.
  std::size_t social = 0, menu = 0;
  for (const auto& w : ws) {
    social += std::find(table.social.begin(), table.social.end(), w) != table.social.end();
    menu += std::find(table.menu.begin(), table.menu.end(), w) != table.menu.end();
  }
  if (social >= 2 && social * 2 >= ws.size()) return Boilerplate::follow_share;
  if (menu >= 3 && menu * 2 >= ws.size()) return Boilerplate::navigation;
  // "1432 مشاهدة"
  if (ws.size() == 2 && std::all_of(ws[0].begin(), ws[0].end(), [](char c) { return (c >= '0' && c <= '9') || c == ','; }) &&
      std::find(table.counters.begin(), table.counters.end(), ws[1]) != table.counters.end()) {
    return Boilerplate::navigation;
  }
  return Boilerplate::none;
}

}  // namespace

const char* reason_name(Boilerplate b) noexcept {
  switch (b) {
    case Boilerplate::none: return "none";
    case Boilerplate::read_also: return "read-also";
    case Boilerplate::related: return "related";
    case Boilerplate::follow_share: return "follow-share";
    case Boilerplate::breadcrumb: return "breadcrumb";
    case Boilerplate::short_link: return "short-link";
    case Boilerplate::copyright: return "copyright";
    case Boilerplate::caption: return "caption";
    case Boilerplate::repeated_title: return "repeated-title";
    case Boilerplate::trailing_teaser: return "trailing-teaser";
    case Boilerplate::navigation: return "navigation";
    case Boilerplate::byline: return "byline";
    case Boilerplate::source_recurrent: return "source-recurrent";
  }
  return "none";
}

Boilerplate classify_line(std::string_view line) {
  const std::string n = text::normalize_for_search(line);
  return classify_normalized(line, n, count_words(line));
}

std::vector<Boilerplate> classify_lines(const DocumentLines& doc) {
  const auto& lines = doc.lines;
  std::vector<Boilerplate> out(lines.size(), Boilerplate::none);
  std::vector<std::string> norm(lines.size());
  std::vector<std::size_t> words(lines.size());
  std::unordered_map<std::string, std::size_t> occurrences;
  // Every rule but the teaser one needs a short line (at most 40 words): long paragraphs are
  // not normalized or matched at all, which is most of the text.
  constexpr std::size_t kLongLine = 40;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    words[i] = count_words(lines[i]);
    if (words[i] > kLongLine) continue;
    norm[i] = text::normalize_for_search(lines[i]);
    ++occurrences[norm[i]];
  }
  const std::string title = text::normalize_for_search(doc.title);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (words[i] > kLongLine) continue;
    out[i] = classify_normalized(lines[i], norm[i], words[i]);
    if (out[i] != Boilerplate::none) continue;
    if (!title.empty() && norm[i] == title) {
      out[i] = Boilerplate::repeated_title;
    } else if (occurrences[norm[i]] > 1 && words[i] <= 25) {
      out[i] = Boilerplate::caption;  // a short line printed twice: caption or widget, not prose
    }
  }
  // Teasers: after the last paragraph of the article, headline-like lines (short, no final
  // period) are links to other stories.
  std::size_t last_paragraph = lines.size();
  for (std::size_t i = lines.size(); i-- > 0;) {
    if (out[i] == Boilerplate::none && (words[i] >= 15 || (words[i] >= 6 && ends_like_sentence(lines[i])))) {
      last_paragraph = i;
      break;
    }
  }
  if (last_paragraph < lines.size()) {
    for (std::size_t i = last_paragraph + 1; i < lines.size(); ++i) {
      if (out[i] == Boilerplate::none && words[i] >= 3 && words[i] <= 14 && !ends_like_sentence(lines[i])) {
        out[i] = Boilerplate::trailing_teaser;
      }
    }
  }
  return out;
}

}  // namespace masar::extract
