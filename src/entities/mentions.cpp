// Mentions: sentences tagged by the NER model, spans turned into keys, partial person names
// resolved inside the text; and the spelling comparisons linking uses.
#include "masar/entities/mentions.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <functional>
#include <map>
#include <set>

#include "masar/entities/states.hpp"
#include "masar/extract/dates.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/stem.hpp"
#include "masar/text/tokenize.hpp"
#include "masar/text/utf8.hpp"
#include "entities/words.hpp"
#include "text/lexicon.hpp"

namespace masar::entities {
namespace {

constexpr std::size_t kMaxSentence = 100;

struct Word {
  std::string_view text;
  std::size_t begin = 0, end = 0;
  bool punctuation = false;  // a mark from between tokens, given to the tagger as context
};

bool ends_sentence(std::string_view gap) {
  return gap.find_first_of(".!?\n") != std::string_view::npos || gap.find("؟") != std::string_view::npos;
}

// The marks between two tokens as words of their own (the tagger was trained with them).
void add_marks(std::string_view gap, std::size_t base, std::vector<Word>& out) {
  // A hyphen with no space around it joins the parts of one name (كيم جونغ-أون): given as a
  // mark, it ended the name there.
  if (gap == "-") return;
  for (std::size_t i = 0; i < gap.size();) {
    const std::size_t n = text::sequence_length(static_cast<unsigned char>(gap[i]));
    const std::string_view c = gap.substr(i, n);
    if (c == "،" || c == "؛" || c == "؟" || (n == 1 && std::ispunct(static_cast<unsigned char>(c[0])))) {
      out.push_back({c, base + i, base + i + n, true});
    }
    i += n;
  }
}

// A hashtag's words without the mark: "#ماكرون" is the word ماكرون, "#بشار_الأسد" two words.
// The tagger never saw "#" (ANERcorp has none), and a key that kept it made "إيمانويل #ماكرون"
// an entity apart from "إيمانويل ماكرون". No mark is added between the words: the tagger ends a
// name at a mark.
void add_hashtag_words(std::string_view text, std::size_t begin, std::size_t end, std::vector<Word>& out) {
  std::size_t at = begin;
  while (at < end && text[at] == '#') ++at;
  while (at < end) {
    std::size_t cut = text.find('_', at);
    if (cut == std::string_view::npos || cut > end) cut = end;
    if (cut > at) out.push_back({text.substr(at, cut - at), at, cut, false});
    at = cut + 1;
  }
}

}  // namespace

const char* type_name(EntityType t) {
  switch (t) {
    case EntityType::PER: return "PER";
    case EntityType::LOC: return "LOC";
    case EntityType::ORG: return "ORG";
    case EntityType::MISC: return "MISC";
  }
  return "MISC";
}

bool parse_type(std::string_view text, EntityType& out) {
  for (EntityType t : {EntityType::PER, EntityType::LOC, EntityType::ORG, EntityType::MISC}) {
    if (text == type_name(t) || (t == EntityType::PER && text == "PERS")) {
      out = t;
      return true;
    }
  }
  return false;
}

std::string mention_key(const std::vector<std::string_view>& words) {
  std::string key;
  for (std::string_view w : words) {
    const std::string norm = text::normalize_for_search(w);
    std::string_view bare = text::strip_proclitics(norm);
    if (bare.size() < 4) bare = norm;  // never down to one letter
    const std::size_t article = text::definite_article_letters(norm);
    const bool article_stripped = article > 0 && norm.size() - bare.size() == 2 * article;
    // The text core's spelling variants of names (أميركا -> أمريكا, استانة -> استانا).
    if (const std::string_view usual = text::lexicon::canonical_spelling(bare); !usual.empty()) bare = usual;
    // A name listed with the article (العراق) keeps it whole, but "والعراق" and "للعراق" come
    // back as "عراق": give them the article back, so that every spelling has one key.
    std::string with_article;
    if (article_stripped) {
      with_article = "ال" + std::string(bare);
      if (text::is_protected_name(with_article)) bare = with_article;
    }
    // وبن، ببن، فبن: a proclitic before بن (too short for the stemmer to strip).
    if (norm.size() == 6 && std::string_view(norm).substr(2) == "بن" && (norm.starts_with("و") || norm.starts_with("ب") || norm.starts_with("ف"))) {
      bare = std::string_view(norm).substr(2);
    }
    if (bare.empty()) continue;
    // "عبد الفتاح" and "عبدالفتاح" are one name.
    const bool joined = key.size() >= 6 && key.compare(key.size() - 6, 6, "عبد") == 0 &&
                        (key.size() == 6 || key[key.size() - 7] == ' ');
    if (!key.empty() && !joined) key += ' ';
    key += joined ? std::string_view(norm) : bare;  // joined: as written ("عبد ربه" → "عبدربه")
  }
  return key;
}

std::string text_key(std::string_view text) { return mention_key(words_of(text)); }

std::string typed_mention_key(const std::vector<std::string_view>& words, EntityType type) {
  std::string key = mention_key(words);
  constexpr std::string_view kArticle = "ال";
  if (type != EntityType::ORG || words.size() != 1 || key.empty() || key.starts_with(kArticle) || !ends_with_article(words[0])) {
    return key;
  }
  // A capital or state keeps the key its state is known by (states.hpp).
  if (state_of_capital(key)) return key;
  return std::string(kArticle) + key;
}

std::string typed_text_key(std::string_view text, EntityType type) { return typed_mention_key(words_of(text), type); }

constexpr char32_t kJim = U'\u062C', kGhain = U'\u063A', kKha = U'\u062E';

std::string skeleton(std::string_view key) {
  const auto cps = code_points(key);
  std::u32string out;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const char32_t c = cps[i];
    const bool word_start = i == 0 || cps[i - 1] == U' ';
    const bool word_end = i + 1 == cps.size() || cps[i + 1] == U' ';
    const bool vowel = c == U'\u0627' || c == U'\u0648' || c == U'\u064A';
    if (vowel && !word_start) continue;
    if (word_end && !word_start && c == U'\u0647') continue;
    // The g and the Spanish j of a foreign name (same_name_spelled_differently).
    const char32_t letter = c == kJim || c == kKha ? kGhain : c;
    if (!out.empty() && out.back() == letter) continue;
    out.push_back(letter);
  }
  std::string bytes;
  for (char32_t c : out) text::append_utf8(bytes, c);
  return bytes;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const auto x = code_points(a), y = code_points(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

namespace {

// Every `letter` of `text` (a two-byte Arabic letter) written as `as` (one too).
void replace_letter(std::string& text, std::string_view letter, std::string_view as) {
  for (std::size_t at = text.find(letter); at != std::string::npos; at = text.find(letter, at + as.size())) {
    text.replace(at, letter.size(), as);
  }
}

constexpr std::string_view kJimLetter = "\u062C", kKhaLetter = "\u062E", kGhainLetter = "\u063A";

// ج as غ: how the two spellings of a foreign g compare.
std::string g_folded(std::string_view key) {
  std::string out(key);
  replace_letter(out, kJimLetter, kGhainLetter);
  return out;
}

// Two words of a name with خ as غ when both have five letters or more and neither the article:
// how the Spanish j compares (سيرخيو / سيرجيو، خورخي / جورجي). Shorter words are Arabic names
// that differ by it (خليل / جليل، خبري / جبوري in SaudiNewsNet), as are الخبر / الجبر. Both words
// or neither, so that a name does not change with the length of the other (خضري / خضيري).
// Words of a one-word name are left as they are (`several_words` false).
std::pair<std::string, std::string> spanish_j_folded(std::string_view x, std::string_view y, bool several_words) {
  const auto eligible = [](std::string_view w) { return code_points(w).size() >= 5 && !w.starts_with("ال"); };
  std::pair<std::string, std::string> out{x, y};
  if (!several_words || !eligible(x) || !eligible(y)) return out;
  replace_letter(out.first, kKhaLetter, kGhainLetter);
  replace_letter(out.second, kKhaLetter, kGhainLetter);
  return out;
}

// أستانا / أستانة, سوريا / سورية: a final alef or ta marbuta (ه in search form) is how a name
// is written, not which name it is.
bool only_the_ending_differs(std::string_view x, std::string_view y) {
  const auto trimmed = [](std::string_view w) {
    for (std::string_view end : {"ا", "ه"}) {
      if (w.ends_with(end)) return w.substr(0, w.size() - end.size());
    }
    return w;
  };
  return trimmed(x) == trimmed(y);
}

// y is x with one letter more, neither its first nor its last ("ترمب" / "ترامب").
bool one_letter_more_inside(std::string_view x, std::string_view y) {
  const auto cx = code_points(x), cy = code_points(y);
  if (cy.size() != cx.size() + 1 || cx.size() < 2) return false;
  if (cx.front() != cy.front() || cx.back() != cy.back()) return false;
  return edit_distance(x, y) == 1;
}

}  // namespace

bool same_name_spelled_differently(std::string_view a_key, std::string_view b_key) {
  if (a_key == b_key) return true;
  // ج and غ both write a foreign g (أنجيلا / أنغيلا ميركل, سيرجي / سيرغي), خ and ج the Spanish j
  // (سيرخيو / سيرجيو راموس): the same letter in a name of several words. One word has nothing
  // else to agree on (جدة is not غدة, خليل not جليل).
  const bool several_words = a_key.find(' ') != std::string_view::npos && b_key.find(' ') != std::string_view::npos;
  const std::string a_folded = several_words ? g_folded(a_key) : std::string(a_key);
  const std::string b_folded = several_words ? g_folded(b_key) : std::string(b_key);
  const std::string_view a = a_folded, b = b_folded;
  if (a == b) return true;
  if (skeleton(a) != skeleton(b)) return false;
  const std::vector<std::string_view> a_words = words_of(a), b_words = words_of(b);
  if (a_words.size() != b_words.size()) return false;
  // The words side by side, each pair with the Spanish j folded once.
  std::vector<std::pair<std::string, std::string>> pairs;
  pairs.reserve(a_words.size());
  std::size_t differing_words = 0;  // a family name's vowel needs every other word to agree
  for (std::size_t k = 0; k < a_words.size(); ++k) {
    pairs.push_back(spanish_j_folded(a_words[k], b_words[k], several_words));
    differing_words += pairs.back().first != pairs.back().second;
  }
  // Word by word: each differing word long enough that one or two letters more or less is a
  // transliteration, not another name (محمد / محمود, موسى / ميسي are different people).
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const std::string_view x = pairs[k].first, y = pairs[k].second;
    if (x == y) continue;
    // عبد and a divine name: the name after عبد is written exactly (عبدالإله is not عبدالله).
    if (x.starts_with("عبد") || y.starts_with("عبد")) return false;
    const std::size_t letters = std::min(code_points(x).size(), code_points(y).size());
    // A name of one word has nothing else to agree on: one letter for another in six is
    // another family (روحاني / ريحاني), a long vowel more or less is not (بيدرسون / بيدرسن).
    const bool one_word = pairs.size() == 1;
    const bool swapped_letter = code_points(x).size() == code_points(y).size() && !only_the_ending_differs(x, y);
    const std::size_t allowed = letters >= 9 ? 2 : letters >= (one_word && swapped_letter ? 7u : 6u) ? 1 : 0;
    // A family name (not the first word) of four letters or more, the given name agreeing:
    // a long vowel more inside it is a transliteration ("دونالد ترمب" / "دونالد ترامب").
    const bool family_vowel = k > 0 && differing_words == 1 && letters >= 4 &&
                              (one_letter_more_inside(x, y) || one_letter_more_inside(y, x));
    if (!family_vowel && edit_distance(x, y) > allowed) return false;
  }
  return true;
}

bool is_place_named_like_a_person(std::string_view key) {
  static const std::set<std::string, std::less<>> places = [] {
    std::set<std::string, std::less<>> out;
    for (const char* written :
         {"بن قردان", "بن عروس", "بن جواد", "بن جرير", "بن قردان الجنوبية", "سيدي بوزيد", "سيدي بوسعيد", "سيدي بلعباس",
          "سيدي بنور", "سيدي قاسم", "سيدي إفني", "سيدي سليمان", "سيدي بوعلي", "سيدي عمر بوحجلة", "بني ملال", "بني وليد",
          "بني سويف", "بني مزار", "بني خداش", "أبو ظبي", "أبوظبي", "أبو كمال", "أبو الظهور", "أبو دالي", "أبو غريب",
          "أبو قرقاص", "أبو حمص", "أم درمان", "أم قصر", "أم الفحم", "أم الرصاص", "عين العرب", "عين عيسى", "عين ترما",
          "عين الفيجة", "عين التينة", "عين الحلوة", "عين دراهم", "عين جالوت", "منزل بورقيبة", "منزل تميم", "منزل بوزيان",
          "برج البراجنة", "برج العرب", "برج الرومي", "برج بوعريريج", "دير الزور", "دير البلح", "دير ياسين", "بيت لحم",
          "بيت حانون", "بيت لاهيا", "بيت جن", "خان شيخون", "خان يونس", "تل أبيب", "تل رفعت", "تل أبيض", "تل تمر"}) {
      out.insert(text_key(written));
    }
    return out;
  }();
  return places.find(key) != places.end();
}

namespace {

std::string_view last_word(std::string_view surface) {
  const std::size_t cut = surface.rfind(' ');
  return cut == std::string_view::npos ? surface : surface.substr(cut + 1);
}

bool written_with_article(std::string_view word) { return text::definite_article_letters(text::normalize_for_search(word)) > 0; }

}  // namespace

bool ends_with_article(std::string_view written_name) {
  const std::string_view last = last_word(written_name);
  if (!written_with_article(last)) return false;
  // عبد الرحمن is one name, written عبدالرحمن as often: its ال is not an article of the name.
  const std::string_view before = written_name.substr(0, written_name.size() - last.size());
  const std::string previous = text::normalize_for_search(last_word(before.substr(0, before.find_last_not_of(' ') + 1)));
  const bool after_abd = previous.ends_with("عبد") && previous.size() <= std::string_view("وعبد").size();  // عبد, وعبد, لعبد
  return !after_abd;
}

bool is_devotional_formula(std::string_view key) {
  static const std::set<std::string, std::less<>> formulas = [] {
    std::set<std::string, std::less<>> out;
    for (const char* written : {"الله", "رحمه الله", "رحمها الله", "رحمهم الله", "رحمة الله", "يرحمه الله", "حفظه الله",
                                "حفظها الله", "حفظهم الله", "توفيق الله", "بتوفيق الله", "بإذن الله", "إذن الله",
                                "إن شاء الله", "شاء الله", "الحمد لله", "سبحانه وتعالى", "سبحانه", "عز وجل", "جل جلاله",
                                "رضي الله عنه", "رضي الله عنها", "عليه السلام", "صلى الله عليه وسلم", "عباد الله",
                                "لا إله إلا الله", "ما شاء الله", "بحمد الله", "فضل الله تعالى", "الله تعالى"}) {
      out.insert(text_key(written));
    }
    return out;
  }();
  return formulas.find(key) != formulas.end();
}

bool names_nothing_alone(std::string_view key, EntityType type) {
  static const std::set<std::string, std::less<>> currencies = [] {
    std::set<std::string, std::less<>> out;
    for (const char* written : {"ريال", "دولار", "دينار", "درهم", "يورو", "جنيه", "ليرة", "روبل", "يوان", "ين", "فرنك"}) {
      out.insert(text_key(written));
    }
    return out;
  }();
  const std::size_t space = key.find(' ');
  // The currency, also in the accusative (دولارا، ريالا) and with its country's adjective
  // (جنيه إسترليني، ليرة تركية); "ريال مدريد" is a club.
  std::string_view currency = key.substr(0, space);
  if (currency.ends_with("ا") && currencies.find(currency) == currencies.end()) currency.remove_suffix(std::string_view("ا").size());
  if (currencies.find(currency) != currencies.end()) {
    if (space == std::string_view::npos) return true;
    const std::string_view adjective = key.substr(space + 1);
    if (adjective.find(' ') == std::string_view::npos && (adjective.ends_with("ي") || adjective.ends_with("يه"))) return true;
  }
  // Common words the tagger takes for names when they stand alone ("انفجار هائل", "السلاح
  // الكيماوي", "المكتب البيضاوي"); "هائل سعيد أنعم" is a name. And the generic nouns it tags as
  // organisations or other names alone, with or without the article an organisation's key keeps
  // (منظمة 173 articles of ant-multisource, ميليشيا 180 as an organisation and 281 as another
  // name, حزب 114, جامعة 50, كيلومتر 53, ستاد 47): "منظمة العفو الدولية" and "حزب الله" are names.
  static const std::set<std::string, std::less<>> common_words = [] {
    std::set<std::string, std::less<>> out;
    for (const char* written :
         {"هائل", "كيماوي", "كيمياوي", "كيميائي", "بيضاوي", "ناشطون", "ناشطين", "ريبورتاج", "منظمة", "منظمات", "ميليشيا",
          "مليشيا", "ميليشيات", "مليشيات", "حزب", "أحزاب", "جامعة", "معهد", "حركة", "جماعة", "جمعية", "هيئة", "وكالة", "شركة",
          "مؤسسة", "وزارة", "مجلس", "كيلومتر", "كيلومترات", "كيلوغرام", "كيلوجرام", "أونصة", "ستاد", "استاد", "ملعب",
          "بطولة", "كرسي", "ثورة", "جاسوس", "تجسس", "قديس", "دكتاتور", "ديكتاتور"}) {
      out.insert(text_key(written));
    }
    return out;
  }();
  if (space == std::string_view::npos) {
    const auto common = [&](std::string_view word) {
      if (word.starts_with("ال") && word.size() > std::string_view("ال").size()) word.remove_prefix(std::string_view("ال").size());
      if (word.ends_with("ا") && common_words.find(word) == common_words.end()) word.remove_suffix(std::string_view("ا").size());
      return common_words.find(word) != common_words.end();
    };
    // A preposition the key kept ("لمنظمة", "لحزب"): the word after it decides.
    const bool glued = key.starts_with("ل") || key.starts_with("ب") || key.starts_with("ك") || key.starts_with("و") || key.starts_with("ف");
    if (common(key) || (glued && key.size() > 4 && common(key.substr(2)))) return true;
  }
  if (type == EntityType::PER) return false;
  if (space == std::string_view::npos) return extract::month_of_word(key) != 0;
  return key.find(' ', space + 1) == std::string_view::npos && extract::month_of_pair(key.substr(0, space), key.substr(space + 1)) != 0;
}

std::size_t descriptors_before_name(const std::vector<std::string_view>& span) {
  static const std::set<std::string, std::less<>> titles = [] {
    std::set<std::string, std::less<>> out;
    for (const char* written :
         {"الركن", "ركن", "الشهير", "الشهيرة", "البارز", "البارزة", "الراحل", "الراحلة", "الشاب", "الشابة", "الأسطورة",
          "الأسطوري", "البروفيسور", "البروفسور", "الدكتور", "الدكتورة", "المهندس", "السيد", "السيدة", "السير",
          "الشيخ", "الكولونيل", "العقيد", "العميد", "اللواء", "الفريق", "المشير", "العماد", "الرائد", "النقيب",
          "الملازم", "الجنرال", "الأميرال", "المايسترو", "الجاسوس", "الناشط", "الناشطة", "الكوميدي", "النجم",
          "النجمة", "المدرب", "اللاعب", "الحارس", "المهاجم", "الفنان", "الفنانة", "الممثل", "الممثلة", "المطرب",
          "المطربة", "المخرج", "الكاتب", "الكاتبة", "الصحفي", "الصحفية", "الصحافي", "الصحافية", "الإعلامي",
          "الإعلامية", "الرئيس", "الوزير", "المستشار", "النائب", "القائد", "المبعوث", "الناطق", "المتحدث",
          // Kin, counsel, camp and team before a name, which the tagger runs into it ("محامو
          // أردوغان", "رفاق أغويرو", "والد أحمد"): the name is the person named. Not "عهد" or
          // "مساعد", which are given names (عهد التميمي).
          "محامي", "محامو", "والد", "والدة", "نجل", "نجلي", "شقيق", "شقيقة", "زوج", "زوجة", "ابنة", "أبناء", "صهر",
          "عائلة", "رفاق", "زملاء", "لاعبو", "أنصار", "مؤيدو", "معارضو", "منتقدو", "هاتريك", "زيارة", "إدارة", "حملة"}) {
      out.insert(text::normalize_for_search(written));
    }
    return out;
  }();
  // Prepositions, conjunctions and verbs of saying a name follows, as written: search form
  // would make "على" the given name علي and "فإن" the "فان" of فان دايك. Not "بين" (Ben) nor
  // "دون" (Don), nor pronouns: after "أنا" comes a predicate ("أنا سعيد", I am happy).
  static const std::set<std::string_view> particles = {
      "على", "عن", "من", "إلى", "الى", "في", "مع", "ضد", "لدى", "عند", "أمام", "خلال", "نحو", "عبر", "منذ", "حتى",
      "إن", "أن", "فإن", "وإن", "بأن", "لأن", "وأن", "قال", "وقال", "يا", "كما", "بعد", "قبل", "وأضاف", "أضاف", "وشارك",
      "وتألق"};
  std::size_t n = 0;
  while (n + 1 < span.size()) {
    const std::string word = text::normalize_for_search(span[n]);
    if (!titles.count(word) && !state_of_demonym(word) && !particles.count(span[n])) break;
    ++n;
  }
  return n;
}

bool opens_with_a_pronoun(const std::vector<std::string_view>& span) {
  static const std::set<std::string_view> pronouns = {"أنا", "نحن", "أنت", "أنتم", "وأنا", "ونحن", "وأنت", "وأنتم"};
  return span.size() >= 2 && pronouns.count(span.front()) > 0;
}

std::vector<Mention> find_mentions(std::string_view text, const NerModel& model, PartialNames partial_names) {
  std::vector<Word> words;
  std::vector<Mention> out;
  const auto tag_sentence = [&] {
    if (words.empty()) return;
    std::vector<std::string> tokens;
    tokens.reserve(words.size());
    for (const auto& w : words) tokens.emplace_back(w.text);
    const std::vector<Tag> tags = model.tag(tokens);
    for (std::size_t i = 0; i < tags.size();) {
      if (tags[i] == Tag::O || words[i].punctuation) {
        ++i;
        continue;
      }
      const int type = (static_cast<int>(tags[i]) - 1) / 2;
      std::size_t j = i + 1;
      while (j < tags.size() && !words[j].punctuation && static_cast<int>(tags[j]) == 2 + 2 * type) ++j;
      // Two words and a hyphen alone are two names (ترامب-كيم, the summit), not one: the hyphen
      // joins the parts of a name only inside a longer one (كيم جونغ-أون).
      if (j == i + 2 && words[i + 1].begin == words[i].end + 1 && text[words[i].end] == '-') j = i + 1;
      std::vector<std::string_view> span;
      for (std::size_t k = i; k < j; ++k) span.push_back(words[k].text);
      // "الرئيس الصيني شي جين بينغ", "الركن تركي المالكي": the name starts after the words
      // that say whose or what the person is.
      std::size_t from = i;
      if (static_cast<EntityType>(type) == EntityType::PER) {
        const std::size_t descriptors = descriptors_before_name(span);
        span.erase(span.begin(), span.begin() + static_cast<std::ptrdiff_t>(descriptors));
        from += descriptors;
      }
      if (static_cast<EntityType>(type) == EntityType::PER && opens_with_a_pronoun(span)) {
        i = j;
        continue;
      }
      // One word ending in ئ is an adjective or participle (هادئ calm, طارئ urgent, لاجئ refugee),
      // not a person, though search form makes هادئ the name هادي.
      if (static_cast<EntityType>(type) == EntityType::PER && j == from + 1 && words[from].text.ends_with("ئ")) {
        i = j;
        continue;
      }
      // A place named like a person whose first word the tagger left out ("سيدي" بوزيد).
      std::size_t first = from;
      if (static_cast<EntityType>(type) == EntityType::PER && from == i && i > 0 && tags[i - 1] == Tag::O && !words[i - 1].punctuation) {
        std::vector<std::string_view> longer{words[i - 1].text};
        longer.insert(longer.end(), span.begin(), span.end());
        if (is_place_named_like_a_person(mention_key(longer))) first = i - 1, span = std::move(longer);
      }
      Mention m;
      m.type = static_cast<EntityType>(type);
      m.begin = words[first].begin;
      m.end = words[j - 1].end;
      m.surface = std::string(text.substr(m.begin, m.end - m.begin));
      m.key = typed_mention_key(span, m.type);
      if (m.type == EntityType::PER && is_place_named_like_a_person(m.key)) m.type = EntityType::LOC;
      if (!m.key.empty() && !is_devotional_formula(m.key) && !names_nothing_alone(m.key, m.type)) out.push_back(std::move(m));
      i = j;
    }
    words.clear();
  };
  const auto tokens = text::tokenize(text);
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const auto& tok = tokens[t];
    if (tok.kind == text::TokenKind::hashtag) {
      add_hashtag_words(text, tok.begin, tok.end, words);
    } else {
      words.push_back({text.substr(tok.begin, tok.end - tok.begin), tok.begin, tok.end, false});
    }
    const std::size_t gap_end = t + 1 < tokens.size() ? tokens[t + 1].begin : text.size();
    const std::string_view gap = text.substr(tok.end, gap_end - tok.end);
    add_marks(gap, tok.end, words);
    if (ends_sentence(gap) || words.size() >= kMaxSentence) tag_sentence();
  }
  tag_sentence();
  if (partial_names == PartialNames::resolve) resolve_partial_names(out);
  return out;
}

}  // namespace masar::entities
