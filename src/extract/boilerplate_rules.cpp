// In-document boilerplate rules. Every phrase is matched on the search-normalized line
// (alef, ya, ta marbuta folded, diacritics dropped), so "اقرأ أيضاً" and "اقرا ايضا" agree.
//
// A line is cut into words once; phrases are found by looking up each word in a table of
// phrase first words (no regex, no scan of the line per phrase). Three kinds of evidence:
//  - one phrase in a short line, or opening a line ("اقرأ أيضا: ..."), per the phrase limits;
//  - a chain: two or more phrases with little text around and between them, at any length
//    (pages flattened to text glue the whole footer into one line);
//  - document context: repeated lines, the title again, and after the last paragraph of the
//    article, headline-like teasers and lines that open with furniture.
#include <algorithm>
#include <bitset>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "extract/boilerplate_phrases.hpp"
#include "masar/extract/boilerplate.hpp"
#include "masar/extract/metadata.hpp"
#include "masar/text/chars.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/utf8.hpp"
#include "masar/util/string_hash.hpp"

namespace masar::extract {
namespace {

using detail::Phrase;

// Word characters fall in three scripts; a change of script ends a word, so text glued across
// scripts ("تابعوناSputnik", "Akgulواشنطن") still splits.
enum class Script : std::uint8_t { none, arabic, digit, other };

Script script_of(char32_t c) {
  if (c < 0x80) {
    if (c >= '0' && c <= '9') return Script::digit;
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? Script::other : Script::none;
  }
  if (text::is_any_digit(c)) return Script::digit;
  if (c >= 0x0600 && c <= 0x06FF) return text::is_arabic_letter(c) ? Script::arabic : Script::none;
  if (text::is_arabic_letter(c)) return Script::arabic;
  if (text::is_latin_letter(c)) return Script::other;
  if ((c >= 0x0370 && c < 0x2000) || c >= 0x3040) return Script::other;  // other alphabets, CJK
  return Script::none;
}

struct Word {
  std::uint32_t begin, end;  // bytes of the normalized line
};

// Marks that normalization drops from inside words; they neither start nor end a word.
bool transparent(char32_t c) {
  return text::is_arabic_diacritic(c) || c == text::kTatweel || text::is_invisible(c);
}

void split_words(std::string_view s, std::vector<Word>& out) {
  out.clear();
  Script current = Script::none;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t at = pos;
    const Script sc = script_of(text::next_code_point(s, pos));
    if (sc != current) {
      if (current != Script::none) out.back().end = static_cast<std::uint32_t>(at);
      if (sc != Script::none) out.push_back({static_cast<std::uint32_t>(at), 0});
      current = sc;
    }
  }
  if (current != Script::none) out.back().end = static_cast<std::uint32_t>(s.size());
}

// Looks words up as string_views, without building a string per word.
using ViewHash = util::StringViewHash;

// A cheap signature of a word (length, first and last bytes) for a bitmap that rejects most
// words of a line before any hash-table lookup.
std::uint32_t word_signature(std::string_view w) {
  std::uint32_t h = static_cast<std::uint32_t>(w.size()) * 0x9E3779B1u;
  h ^= static_cast<unsigned char>(w.front()) * 0x85EBCA77u;
  h ^= static_cast<unsigned char>(w[w.size() / 2]) * 0xC2B2AE3Du;
  h ^= static_cast<unsigned char>(w.back()) * 0x27D4EB2Fu;
  return (h ^ (h >> 15)) & 0xFFFFu;
}

// The same words in a line as written (not normalized): marks inside words are skipped.
void split_words_raw(std::string_view s, std::vector<Word>& out) {
  out.clear();
  Script current = Script::none;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t at = pos;
    const char32_t c = text::next_code_point(s, pos);
    if (transparent(c)) continue;
    const Script sc = script_of(c);
    if (sc != current) {
      if (current != Script::none) out.back().end = static_cast<std::uint32_t>(at);
      if (sc != Script::none) out.push_back({static_cast<std::uint32_t>(at), 0});
      current = sc;
    }
  }
  if (current != Script::none) out.back().end = static_cast<std::uint32_t>(s.size());
}

struct Table {
  std::vector<std::string> norm;  // normalized phrase text, by phrase id
  std::vector<std::uint32_t> head_offset;  // bytes before the phrase's first word ("(" of "(صورة")
  std::vector<Script> tail_script;         // script of the phrase's last character (none: punctuation)
  std::unordered_map<std::string, std::vector<std::uint16_t>, ViewHash, std::equal_to<>> by_first_word;
  std::bitset<65536> first_word_signatures;
  std::vector<std::uint16_t> glued_single;  // one-word phrases that may run into the next word
  std::vector<std::uint16_t> no_word;       // phrases without a word ("©"), found by search
  std::vector<std::string> social, follow_context, standalone;
  std::unordered_set<std::string> menu, counters, prose_openers;
};

std::vector<std::string> normalized_list(std::span<const std::string_view> words) {
  std::vector<std::string> out;
  for (auto w : words) out.push_back(text::normalize_for_search(w));
  return out;
}

const Table& table() {
  static const Table t = [] {
    Table out;
    const auto list = detail::phrases();
    std::vector<Word> words;
    for (std::size_t id = 0; id < list.size(); ++id) {
      std::string n = text::normalize_for_search(list[id].text);
      split_words(n, words);
      out.head_offset.push_back(words.empty() ? 0 : words.front().begin);
      Script tail = Script::none;
      for (std::size_t pos = 0; pos < n.size();) tail = script_of(text::next_code_point(n, pos));
      out.tail_script.push_back(tail);
      const auto pid = static_cast<std::uint16_t>(id);
      if (words.empty()) {
        out.no_word.push_back(pid);
      } else if (words.size() == 1 && (list[id].flags & detail::kGlued)) {
        out.glued_single.push_back(pid);
      } else {
        const std::string first = n.substr(words[0].begin, words[0].end - words[0].begin);
        out.first_word_signatures.set(word_signature(first));
        out.by_first_word[first].push_back(pid);
      }
      out.norm.push_back(std::move(n));
    }
    out.social = normalized_list(detail::social_networks());
    out.follow_context = normalized_list(detail::follow_context());
    out.standalone = normalized_list(detail::standalone_lines());
    for (auto& w : normalized_list(detail::menu_words())) out.menu.insert(std::move(w));
    for (auto& w : normalized_list(detail::counter_words())) out.counters.insert(std::move(w));
    for (auto& w : normalized_list(detail::prose_openers())) out.prose_openers.insert(std::move(w));
    return out;
  }();
  return t;
}

struct Hit {
  std::uint16_t phrase;
  std::uint32_t first, last;  // word range [first, last) in the line
};

// One line, analyzed once.
struct Line {
  std::string norm;
  std::vector<Word> words;
  std::vector<Hit> hits;  // furniture phrases, by position, overlaps removed
  Boilerplate verdict = Boilerplate::none;
};

const Phrase& info(const Hit& h) { return detail::phrases()[h.phrase]; }

bool contains_any(const std::string& n, const std::vector<std::string>& needles) {
  return std::any_of(needles.begin(), needles.end(), [&](const std::string& s) { return n.find(s) != std::string::npos; });
}

// The word index holding byte `at` (the first word starting at or after it).
std::uint32_t word_at(const std::vector<Word>& words, std::size_t at) {
  const auto it = std::lower_bound(words.begin(), words.end(), at, [](const Word& w, std::size_t b) { return w.end <= b; });
  return static_cast<std::uint32_t>(it - words.begin());
}

void find_hits(Line& line) {
  const Table& t = table();
  const std::string& n = line.norm;
  auto try_phrase = [&](std::uint16_t id, std::size_t word_index) {
    const Word& w = line.words[word_index];
    const std::uint32_t off = t.head_offset[id];
    if (w.begin < off) return;
    const std::size_t start = w.begin - off;
    const std::string& p = t.norm[id];
    if (n.compare(start, p.size(), p) != 0) return;
    const std::size_t end = start + p.size();
    if (!(detail::phrases()[id].flags & detail::kGlued) && end < n.size() && t.tail_script[id] != Script::none) {
      std::size_t pos = end;
      if (script_of(text::next_code_point(n, pos)) == t.tail_script[id]) return;  // "اشتركت" is not "اشترك"
    }
    line.hits.push_back({id, static_cast<std::uint32_t>(word_index), std::max(word_at(line.words, end), static_cast<std::uint32_t>(word_index + 1))});
  };
  for (std::size_t i = 0; i < line.words.size(); ++i) {
    const Word& w = line.words[i];
    const std::string_view key = std::string_view(n).substr(w.begin, w.end - w.begin);
    if (t.first_word_signatures.test(word_signature(key))) {
      if (auto it = t.by_first_word.find(key); it != t.by_first_word.end()) {
        for (std::uint16_t id : it->second) try_phrase(id, i);
      }
    }
    for (std::uint16_t id : t.glued_single) {
      if (n[w.begin] == t.norm[id][t.head_offset[id]]) try_phrase(id, i);
    }
  }
  for (std::uint16_t id : t.no_word) {
    const std::size_t at = n.find(t.norm[id]);
    if (at == std::string::npos) continue;
    const std::uint32_t wi = word_at(line.words, at);
    line.hits.push_back({id, wi, wi});
  }
  // "تابعوا" is content ("تابعوا المفاوضات") unless a platform or "our page" is named.
  const bool follow = std::any_of(line.hits.begin(), line.hits.end(), [](const Hit& h) { return info(h).flags & detail::kFollow; });
  if (follow && !contains_any(n, t.social) && !contains_any(n, t.follow_context)) {
    std::erase_if(line.hits, [](const Hit& h) { return info(h).flags & detail::kFollow; });
  }
  // By position; at one position the longest phrase ("مقالات أخرى للكاتب" over "مقالات أخرى").
  std::sort(line.hits.begin(), line.hits.end(), [](const Hit& a, const Hit& b) {
    return a.first != b.first ? a.first < b.first : a.last > b.last;
  });
  std::vector<Hit> kept;
  for (const Hit& h : line.hits) {
    if (kept.empty() || h.first >= kept.back().last) kept.push_back(h);
  }
  line.hits = std::move(kept);
}

Line analyze(std::string_view raw) {
  Line line;
  text::normalize_for_search(raw, line.norm);
  split_words(line.norm, line.words);
  find_hits(line);
  return line;
}

bool ends_like_sentence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '"' || line.back() == ')')) line.remove_suffix(1);
  if (line.empty()) return false;
  if (line.size() >= 2 && line.substr(line.size() - 2) == "..") return false;  // a cut teaser lead
  if (line.size() >= 3 && line.substr(line.size() - 3) == "\xE2\x80\xA6") return false;  // …
  if (line.back() == '.' || line.back() == '!' || line.back() == ':') return true;
  return line.size() >= 2 && line.substr(line.size() - 2) == "\xD8\x9B";  // ؛
}

// Words after the last furniture phrase of the line.
std::size_t trailing_words(const Line& line) {
  return line.words.size() - std::min<std::size_t>(line.words.size(), line.hits.back().last);
}

// Chains of furniture phrases: at least two, one of them not weak, with little text before the
// first, after the last and between them. `loose` (after the article) accepts more text around.
// A weak phrase before the first strong one starts a chain only when it opens the line
// ("آخر الأخبار ..."); inside prose ("ببذل المزيد من العمل ...") it is prose.
bool is_chain(const Line& line, bool loose) {
  const auto strong = std::find_if(line.hits.begin(), line.hits.end(), [](const Hit& h) { return !(info(h).flags & detail::kWeak); });
  if (strong == line.hits.end()) return false;
  const auto begin = line.hits.front().first == 0 ? line.hits.begin() : strong;
  if (line.hits.end() - begin < 2) return false;
  const std::size_t after = trailing_words(line);
  if (loose) return begin->first <= 8 && after <= 15;
  std::uint32_t gap = 0;
  for (auto it = begin + 1; it != line.hits.end(); ++it) gap = std::max(gap, it->first - std::min(it->first, (it - 1)->last));
  return begin->first <= 6 && after <= 12 && gap <= 20;
}

// The kind a chain reports: its first phrase.
Boilerplate chain_kind(const Line& line) {
  if (line.hits.front().first == 0) return info(line.hits.front()).kind;
  for (const Hit& h : line.hits) {
    if (!(info(h).flags & detail::kWeak)) return info(h).kind;
  }
  return info(line.hits.front()).kind;
}

// "الرئيسية / أخبار / سوريا", "Home > News": segments split by / > » › | . Either a home-like
// first segment followed by short ones (the last may be the headline), or three segments or more,
// all of one to three words. Never a sentence: no final period, no dash inside a segment
// ("19 - فلان / ريف دمشق - دوما / قضى ..." lists victims), letters in every segment ("07 / 09 / 2016").
bool is_breadcrumb_line(const std::string& n, std::string_view raw) {
  static constexpr std::string_view kSeparators[] = {" / ", " > ", " » ", " › ", " « ", " | ", " >> "};
  if (ends_like_sentence(raw) || raw.ends_with("?") || raw.ends_with("\xD8\x9F")) return false;
  if (n.find_first_of("()") != std::string::npos) return false;  // "1. فيلم | مخرج (بلد / بلد)"
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  const std::string_view s = n;
  while (start <= s.size()) {
    std::size_t best = std::string_view::npos, len = 0;
    for (auto sep : kSeparators) {
      const std::size_t at = s.find(sep, start);
      if (at < best) best = at, len = sep.size();
    }
    segments.push_back(s.substr(start, best == std::string_view::npos ? std::string_view::npos : best - start));
    if (best == std::string_view::npos) break;
    start = best + len;
  }
  if (segments.size() < 2) return false;
  const std::string_view first = segments.front();
  if (!first.empty() && first.front() >= '0' && first.front() <= '9') return false;  // a numbered item
  const bool home = first == "الرييسيه" || first == "الصفحه الرييسيه" || first == "home";
  if (!home && segments.size() < 3) return false;
  std::vector<Word> words;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (segments[i].find(" - ") != std::string_view::npos) return false;
    split_words(segments[i], words);
    bool letters = false;
    for (const Word& w : words) {
      std::size_t pos = w.begin;
      letters |= script_of(text::next_code_point(segments[i], pos)) != Script::digit;
    }
    if (!letters) return false;
    const bool last = i + 1 == segments.size();
    if (words.size() > (home ? (last ? 15u : 4u) : 3u)) return false;
  }
  return true;
}

// Words of the line that name a social network; a two-word name ("فيس بوك") counts once.
std::size_t social_words(const Line& line) {
  const Table& t = table();
  std::size_t count = 0;
  for (std::size_t i = 0; i < line.words.size(); ++i) {
    const std::string_view w = std::string_view(line.norm).substr(line.words[i].begin, line.words[i].end - line.words[i].begin);
    if (i + 1 < line.words.size()) {
      const std::string_view pair = std::string_view(line.norm).substr(line.words[i].begin, line.words[i + 1].end - line.words[i].begin);
      if (std::find(t.social.begin(), t.social.end(), pair) != t.social.end()) {
        ++count, ++i;
        continue;
      }
    }
    count += std::any_of(t.social.begin(), t.social.end(), [&](const std::string& s) { return w.find(s) != std::string_view::npos; });
  }
  return count;
}

// "مواضيع ذات صلة" glued in front of one long sentence: the label of a widget flattened onto
// the lead paragraph, not a list of teasers (those carry no period, or one per headline).
bool related_label_before_prose(const Line& line, std::string_view raw, const Hit& h) {
  if (info(h).kind != Boilerplate::related || line.words.size() - h.last < 20 || !ends_like_sentence(raw)) return false;
  std::size_t sentence_ends = 0;
  for (std::size_t i = 0; i + 1 < raw.size(); ++i) sentence_ends += (raw[i] == '.' || raw[i] == '!') && raw[i + 1] == ' ';
  return sentence_ends == 0;
}

// The rules that need no document context.
Boilerplate line_verdict(const Line& line, std::string_view raw) {
  const Table& t = table();
  const std::size_t words = line.words.size();
  if (words == 0) return Boilerplate::none;
  if (words <= 3) {
    std::string bare;  // the words alone, punctuation dropped
    for (const Word& w : line.words) bare.append(bare.empty() ? "" : " ").append(line.norm, w.begin, w.end - w.begin);
    if (std::find(t.standalone.begin(), t.standalone.end(), bare) != t.standalone.end()) return Boilerplate::navigation;
  }
  for (const Hit& h : line.hits) {
    const Phrase& p = info(h);
    if (h.first == 0 && words <= p.lead_max && !related_label_before_prose(line, raw, h)) return p.kind;
    if (words <= p.alone_max) return p.kind;
  }
  if (is_chain(line, false)) return chain_kind(line);
  const std::string& n = line.norm;
  if ((n.starts_with("http://") || n.starts_with("https://") || n.starts_with("www.")) && n.find(' ') == std::string::npos) {
    return Boilerplate::short_link;
  }
  if (words <= 25 && is_breadcrumb_line(n, raw)) return Boilerplate::breadcrumb;
  if (words <= 12 && is_byline_line(std::string(raw))) return Boilerplate::byline;
  if (words > 12) return Boilerplate::none;
  // Share bars: social network names and at most one other word ("شارك: فيسبوك تويتر واتساب",
  // "TelegramWhatsApp"); not a numbered list of apps ("3. تطبيق فيسبوك Facebook").
  if (words >= 2 && script_of(static_cast<unsigned char>(n[line.words[0].begin])) != Script::digit) {
    const std::size_t social = social_words(line);
    if (social >= 2 && social + 1 >= words) return Boilerplate::follow_share;
  }
  // Menu bars: section names and nothing else of note.
  std::size_t menu = 0;
  for (const Word& w : line.words) menu += t.menu.count(n.substr(w.begin, w.end - w.begin));
  if (menu >= 3 && menu * 2 >= words && !ends_like_sentence(raw)) return Boilerplate::navigation;
  // View counters: "1432 مشاهدة".
  if (words == 2 && script_of(static_cast<unsigned char>(n[line.words[0].begin])) == Script::digit &&
      t.counters.count(n.substr(line.words[1].begin, line.words[1].end - line.words[1].begin))) {
    return Boilerplate::navigation;
  }
  return Boilerplate::none;
}

// After the article, a line opening with furniture: the header of a list of other stories
// ("أخبار ذات صلة ..." and the headlines after it), or furniture with little text after it.
// A counter or share button followed by a long text may be the article itself: kept.
bool opens_widget(const Line& line) {
  const Hit& h = line.hits.front();
  if (h.first > 3 || (info(h).flags & detail::kWeak)) return false;
  const Boilerplate kind = info(h).kind;
  return kind == Boilerplate::related || kind == Boilerplate::read_also || trailing_words(line) <= 15;
}

// "2. ...", "3 - ...", "4) ...": an item of a numbered list.
bool numbered_item(const Line& line) {
  const std::string& n = line.norm;
  const Word& first = line.words.front();
  if (script_of(static_cast<unsigned char>(n[first.begin])) != Script::digit) return false;
  const std::size_t next = n.find_first_not_of(' ', first.end);
  return next != std::string::npos && (n[next] == '.' || n[next] == '-' || n[next] == ')');
}

std::string_view bullet_of(std::string_view raw) {
  for (std::string_view b : {"*", "-", "\xE2\x80\xA2", "\xE2\x80\x93", "\xC2\xB7"}) {
    if (raw.starts_with(b)) return b;
  }
  return {};
}

// A teaser headline: a few words, no final period, not an item of a numbered list ("2. ...",
// "3 - ..."), not a sentence cut short ("وقال ...", "هذا وقد ..."), not a question of the
// running text ("..، فماذا نحن فاعلون؟"), not a row of figures (scores, dates, prices).
bool headline_like(const Line& line, std::string_view raw) {
  const std::size_t words = line.words.size();
  if (words < 3 || words > 14 || ends_like_sentence(raw)) return false;
  const std::string& n = line.norm;
  const bool question = raw.ends_with("?") || raw.ends_with("\xD8\x9F");
  if (question && (raw.find(',') != std::string_view::npos || raw.find("\xD8\x8C") != std::string_view::npos)) return false;
  std::size_t digits = 0;
  for (const Word& w : line.words) digits += script_of(static_cast<unsigned char>(n[w.begin])) == Script::digit;
  if (digits * 4 >= words) return false;
  if (numbered_item(line)) return false;
  const Word& first = line.words.front();
  return table().prose_openers.count(n.substr(first.begin, first.end - first.begin)) == 0;
}

// Line i and a neighbour open with the same bullet ("* ...", "- ...", "• ..."): a list.
bool bulleted_list(const std::vector<std::string>& raw, std::size_t i) {
  auto bullet = [&](std::size_t k) { return k < raw.size() ? bullet_of(raw[k]) : std::string_view(); };
  const std::string_view b = bullet(i);
  return !b.empty() && ((i > 0 && bullet(i - 1) == b) || bullet(i + 1) == b);
}

// A paragraph of the article: prose that no rule flags and that does not open with furniture.
bool is_content(const Line& line, std::string_view raw) {
  if (line.verdict != Boilerplate::none) return false;
  const std::size_t words = line.words.size();
  const std::size_t lead = line.hits.empty() ? words : line.hits.front().first;
  return (words >= 15 && lead >= 15) || (words >= 6 && line.hits.empty() && ends_like_sentence(raw));
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

Boilerplate classify_line(std::string_view line) { return line_verdict(analyze(line), line); }

namespace {

FurnitureTail furniture_tail_of(const Line& line, std::string_view raw) {
  const FurnitureTail none{raw.size(), Boilerplate::none};
  if (line.hits.size() < 2) return none;
  // The earliest strong phrase, after 15 words of text, from which the phrases chain to the end.
  std::size_t k = 0;
  for (; k + 1 < line.hits.size(); ++k) {
    if (line.hits[k].first < 15 || (info(line.hits[k]).flags & detail::kWeak)) continue;
    bool chained = trailing_words(line) <= 12;
    for (std::size_t j = k + 1; chained && j < line.hits.size(); ++j) {
      chained = line.hits[j].first <= line.hits[j - 1].last + 20;
    }
    if (chained) break;
  }
  if (k + 1 >= line.hits.size()) return none;
  // Word k of the normalized line is word k of the line as written, provided both count the
  // same words (normalization only drops marks inside words and folds letters).
  std::vector<Word> words;
  split_words_raw(raw, words);
  if (words.size() != line.words.size()) return none;
  const std::size_t begin = words[line.hits[k].first].begin;
  // Two phrases may meet in a sentence ("... دون إنشاء حساب أو تسجيل الدخول."): a tail that
  // ends like a sentence needs a sentence end before it, or a chain of three.
  std::string_view before = raw.substr(0, begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  const bool sentence_before = !before.empty() && (std::string_view(".!?\")").find(before.back()) != std::string_view::npos ||
                                                   before.ends_with("\xD8\x9F") || before.ends_with("\xC2\xBB"));
  if (ends_like_sentence(raw) && !sentence_before && line.hits.size() - k < 3) return none;
  return {begin, info(line.hits[k]).kind};
}

}  // namespace

FurnitureTail furniture_tail(std::string_view raw) { return furniture_tail_of(analyze(raw), raw); }

std::vector<Boilerplate> classify_lines(const DocumentLines& doc) { return classify_lines(doc, nullptr); }

std::vector<Boilerplate> classify_lines(const DocumentLines& doc, std::vector<FurnitureTail>* tails) {
  const auto& raw = doc.lines;
  const std::size_t count = raw.size();
  std::vector<Line> lines;
  lines.reserve(count);
  for (const auto& r : raw) {
    lines.push_back(analyze(r));
    lines.back().verdict = line_verdict(lines.back(), r);
  }

  // The title again: the whole line, or the title with a few words of furniture around it
  // ("اسم الموقع | العنوان"); the title is shown anyway, so nothing is lost.
  const std::string title = text::normalize_for_search(doc.title);
  std::size_t title_words = 0;
  if (!title.empty()) {
    std::vector<Word> tw;
    split_words(title, tw);
    title_words = tw.size();
  }
  for (Line& l : lines) {
    if (l.verdict != Boilerplate::none || title.empty()) continue;
    const bool contains = title_words >= 4 && title_words <= 30 && l.words.size() <= title_words + 8 &&
                          l.norm.find(title) != std::string::npos;
    if (l.norm == title || contains) {
      l.verdict = Boilerplate::repeated_title;
    }
  }

  std::size_t first_content = count, last_content = count;
  for (std::size_t i = 0; i < count; ++i) {
    if (!is_content(lines[i], raw[i])) continue;
    if (first_content == count) first_content = i;
    last_content = i;
  }

  // Short lines printed more than once: captions, widgets, or the article pasted twice.
  // A prose sentence keeps its first copy; a caption-like line keeps it only inside the body.
  std::unordered_map<std::string_view, std::vector<std::size_t>> copies;
  for (std::size_t i = 0; i < count; ++i) {
    if (lines[i].verdict == Boilerplate::none && !lines[i].words.empty() && lines[i].words.size() <= 25) {
      copies[lines[i].norm].push_back(i);
    }
  }
  for (const auto& [norm, at] : copies) {
    if (at.size() < 2) continue;
    const std::size_t first = at.front();
    // A heading repeated per section ("المقادير:") or an item of lists that repeat is text.
    if (raw[first].ends_with(':') || numbered_item(lines[first]) || !bullet_of(raw[first]).empty()) continue;
    const bool prose = lines[first].words.size() >= 6 && ends_like_sentence(raw[first]);
    const bool in_body = first_content < first && first < last_content && first_content != count;
    for (std::size_t k = (prose || in_body) ? 1 : 0; k < at.size(); ++k) lines[at[k]].verdict = Boilerplate::caption;
  }

  // After the last paragraph of the article: lines that open with furniture or chain it, and
  // headline-like lines (short, no final period) that link to other stories.
  if (last_content < count) {
    for (std::size_t i = last_content + 1; i < count; ++i) {
      Line& l = lines[i];
      if (l.verdict != Boilerplate::none) continue;
      if (!l.hits.empty() && (opens_widget(l) || is_chain(l, true))) {
        l.verdict = chain_kind(l);
      } else if (headline_like(l, raw[i]) && !bulleted_list(raw, i)) {
        l.verdict = Boilerplate::trailing_teaser;
      }
    }
  }

  std::vector<Boilerplate> out(count);
  for (std::size_t i = 0; i < count; ++i) out[i] = lines[i].verdict;
  if (tails) {
    tails->clear();
    for (std::size_t i = 0; i < count; ++i) {
      tails->push_back(lines[i].verdict == Boilerplate::none ? furniture_tail_of(lines[i], raw[i]) : FurnitureTail{raw[i].size(), Boilerplate::none});
    }
  }
  return out;
}

}  // namespace masar::extract
