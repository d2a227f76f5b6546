#include "lexicon.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <unordered_map>
#include <string>
#include <unordered_set>
#include <vector>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "masar/text/normalize.hpp"
#include "masar/util/string_hash.hpp"

namespace masar::text::lexicon {
namespace {

// Countries, capitals and cities that matter in Middle East news.
constexpr std::string_view kPlaces[] = {
    "سوريا", "روسيا", "تركيا", "إيران", "العراق", "لبنان", "الأردن", "مصر", "السعودية",
    "اليمن", "ليبيا", "تونس", "الجزائر", "المغرب", "السودان", "فلسطين", "إسرائيل", "قطر", "الكويت",
    "البحرين", "عمان", "الإمارات", "أمريكا", "أميركا", "فرنسا", "ألمانيا", "بريطانيا", "الصين",
    "اليابان", "الهند", "باكستان", "أفغانستان", "كازاخستان", "أوزبكستان", "أذربيجان", "أرمينيا",
    "أوكرانيا", "بيلاروسيا", "اليونان", "إيطاليا", "إسبانيا", "سويسرا", "النمسا", "الشيشان",
    "موريتانيا", "الصومال", "إثيوبيا", "أستانا", "أستانة", "آستانا", "نور سلطان", "سلطان", "ألماتي",
    "دمشق", "حلب", "إدلب", "حمص", "حماة", "اللاذقية", "طرطوس", "درعا", "السويداء", "القنيطرة",
    "دير الزور", "الرقة", "الحسكة", "القامشلي", "منبج", "عفرين", "الباب", "جرابلس", "تل رفعت",
    "الغوطة", "دوما", "حرستا", "داريا", "الجولان", "حوران", "تدمر", "البوكمال", "عين العرب", "كوباني",
    "سراقب", "معرة النعمان", "خان شيخون", "جسر الشغور", "باب الهوى", "باب السلامة", "رأس العين",
    "تل أبيض", "التنف", "الركبان", "بيروت", "طهران", "موسكو", "أنقرة", "إسطنبول", "اسطنبول", "سوتشي",
    "جنيف", "فيينا", "واشنطن", "نيويورك", "باريس", "لندن", "برلين", "بغداد", "عمّان", "القاهرة",
    "الرياض", "الدوحة", "أبوظبي", "دبي", "الموصل", "كركوك", "أربيل", "غازي عنتاب", "هاتاي", "أضنة",
    "الكرملين", "البنتاغون", "البنتاجون", "البيت الأبيض", "لوزان", "بروكسل", "ميونيخ", "تبريز", "أصفهان", "مشهد",
    "قم", "صنعاء", "عدن", "طرابلس", "بنغازي", "الخرطوم", "غزة", "القدس", "رام الله", "الخليل", "جدة",
    "مكة", "حيفا", "يافا", "تل أبيب", "طبرق", "مصراتة", "سرت", "الفلوجة", "تكريت", "كردستان",
    "الفرات", "دجلة", "العاصي", "الأناضول", "القرم", "الخليج", "سيناء", "الأنبار", "نينوى", "ديالى",
    "البصرة", "الفوعة", "كفريا", "مضايا", "الزبداني", "القصير", "يبرود", "القلمون", "عرسال", "تل تمر",
    "الشدادي", "الطبقة", "مارع", "إعزاز", "اعزاز", "دابق", "الراعي", "تادف", "عندان", "حريتان",
    "الرستن", "تلبيسة", "الحولة", "مورك", "اللطامنة", "كفرنبل", "أريحا", "الأتارب", "دارة عزة",
    "السفيرة", "خناصر", "أثريا", "الميادين", "العشارة", "هجين", "الباغوز", "الشعفة", "السوسة",
    "حميميم", "الشعيرات", "التيفور", "المزة", "جوبر", "القابون", "برزة", "عين ترما", "زملكا", "عربين",
    "سقبا", "كفربطنا", "حمورية", "مسرابا", "النشابية", "الضمير", "الرحيبة", "جيرود", "ببيلا", "يلدا",
    "اليرموك", "الحجر الأسود", "نصيب", "بصرى", "إنخل", "جاسم", "نوى", "الصنمين", "طفس",
};

// Months: Levantine names and the Gregorian transliterations; suffix rules would cut them
// (تشرين -> تشر, حزيران -> حزير).
constexpr std::string_view kMonths[] = {
    "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين", "يناير",
    "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه", "أغسطس",
    "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "جانفي", "فيفري", "أفريل", "ماي", "جوان", "جويلية",
    "أوت", "رمضان", "شوال", "محرم",
};

// People: leaders, ministers, envoys of the Syrian file and of world news.
constexpr std::string_view kPeople[] = {
    "بوتين", "أردوغان", "اردوغان", "روحاني", "رئيسي", "خامنئي", "ظريف", "عبد اللهيان", "اللهيان",
    "لافروف", "شويغو", "لافرنتييف", "لافرينتييف", "بيدرسون", "بيدرسن", "ميستورا", "مستورا",
    "غوتيريش", "بان كي مون", "ترامب", "بايدن", "أوباما", "بلينكن", "تيلرسون", "بومبيو", "ماكرون",
    "ميركل", "شولتس", "جونسون", "نتنياهو", "السيسي", "الأسد", "بشار", "المعلم", "الجعفري", "المقداد",
    "جاويش أوغلو", "أوغلو", "فيدان", "أكار", "توكاييف", "نزارباييف", "ميرزاييف", "علييف", "سليماني",
    "نصر الله", "البغدادي", "الجولاني", "عبدالله", "سلمان", "تميم", "زيلينسكي", "شي جين بينغ",
    "كيري", "كوفي عنان", "عنان", "الإبراهيمي", "جيفري", "هوكستين", "ريابكوف", "بوغدانوف", "زاخاروفا",
    "بيسكوف", "ميدفيديف", "ديمستورا", "أنان", "حفتر", "السراج", "الدبيبة", "الكاظمي", "السوداني",
    "ميقاتي", "الحريري", "عون", "بري", "البرهان", "حميدتي", "سليمان", "عثمان", "عمران",
};

// Foreign names whose first letters read as a proclitic and the article (ف/ب/ك/و + ال): the
// stemmer would cut فالنسيا to "نسيا" (forgot), بالمر to "مر", والتر to "تر". Transliterations
// as the Arabic press writes them.
constexpr std::string_view kForeignNames[] = {
    "فالنسيا", "فالفيردي", "فالديز", "فالنتاين", "فالنتينو", "فالكاو", "كاليفورنيا", "كالياري",
    "كالديرون", "كالكوتا", "كاليدونيا", "كالاشنيكوف", "كالفن", "كالوم", "كالينينغراد", "كالدويل",
    "بالتيمور", "بالمر", "بالوتيلي", "بالاسيوس", "بالاو", "باليرمو", "والتر", "والاس", "والدن",
    "والمارت", "والكر",
};

// Organisations, movements and acronyms written as words.
constexpr std::string_view kOrganisations[] = {
    "الناتو", "داعش", "النصرة", "قسد", "الحشد", "الأونروا", "اليونيسف", "اليونسكو", "الإنتربول", "أوبك",
    "طالبان", "حماس", "البيشمركة", "الإخوان", "الفاو", "سانا", "رويترز", "الأناضول", "سبوتنيك", "تاس", "إرنا", "فاغنر", "بريكس",
    "شنغهاي", "اليونيفيل",
};

// Function words, after normalization (alef, ya and ta marbuta folded).
constexpr std::string_view kStopwords[] = {
    "في", "من", "على", "إلى", "الى", "عن", "أن", "إن", "ان", "أنه", "إنه", "أنها", "إنها", "لا",
    "ما", "لم", "لن", "قد", "لقد", "هذا", "هذه", "ذلك", "تلك", "هذان", "هؤلاء", "التي", "الذي",
    "الذين", "اللذين", "اللتين", "اللواتي", "و", "أو", "ثم", "بل", "لكن", "كان", "كانت", "يكون",
    "تكون", "مع", "بين", "بعد", "قبل", "عند", "حتى", "كل", "أي", "هو", "هي", "هم", "هن", "نحن",
    "أنا", "أنت", "أنتم", "له", "لها", "لهم", "به", "بها", "بهم", "فيه", "فيها", "فيهم", "منه",
    "منها", "منهم", "عليه", "عليها", "عليهم", "إليه", "إليها", "عنه", "عنها", "كما", "إذا", "إذ",
    "لو", "أيضا", "أيضاً", "حيث", "كذلك", "ضد", "خلال", "لدى", "منذ", "أمام", "دون", "غير", "ولا",
    "وفي", "ومن", "وعلى", "وإلى", "وأن", "وهو", "وهي", "بأن", "لأن", "كانوا", "إلا", "أما", "وقد",
    "فقد", "قال", "وقال", "ذات", "تم", "يتم", "عبر", "نحو", "لدي", "إنما", "عما", "مما", "فإن",
    "وإن", "ليس", "ليست", "هناك", "هنا", "الآن", "فيما", "بينما", "أكثر", "أيضا", "يا",
};

// Common lexemes whose first letter و belongs to the root.
constexpr std::string_view kRootWawPrefixes[] = {
    "وزير", "وزراء", "وزار", "وفد", "وفود", "وقت", "أوقات", "وضع", "أوضاع", "وقف", "ولاي", "وكال",
    "وطن", "وصل", "وصول", "وقع", "وقائع", "واشنطن", "وسط", "وسائل", "وسيل", "ورق", "وجه", "وجود",
    "وحد", "وعد", "ولي", "وثيق", "وثائق", "ورد", "واقع", "واضح", "وفق", "وفا", "ولد", "وراء",
    "وزن", "وظيف", "ودي", "وادي", "واد", "وباء", "وكيل", "ولاء", "وهم", "وعي", "وجب", "واجب",
    "ورش", "وسيط", "وساط", "وفير", "وقود", "وريث", "وداع", "وديع", "ولايات",
};

// Heterogeneous lookup: find a string_view without building a std::string.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return XXH3_64bits(s.data(), s.size()); }
};

// Most lookups miss: a 64 Kbit filter on (length, second byte, last byte) rejects them
// before any hashing. For Arabic words the second and last bytes identify the letters.
inline std::size_t filter_key(std::string_view w) noexcept { return util::word_signature(w); }

// Spelling variants of names in the news, each with the form we index under.
constexpr std::pair<std::string_view, std::string_view> kVariants[] = {
    {"أستانة", "أستانا"},       {"آستانة", "أستانا"},     {"استانة", "أستانا"},     {"لافرينتييف", "لافرنتييف"},
    {"لافرنتيف", "لافرنتييف"},  {"لافرينتيف", "لافرنتييف"}, {"بيدرسن", "بيدرسون"},   {"بيدرسين", "بيدرسون"},
    {"مستورا", "ميستورا"},      {"ديمستورا", "ميستورا"},  {"ديميستورا", "ميستورا"}, {"بوتن", "بوتين"},
    {"ترمب", "ترامب"},          {"أوردوغان", "أردوغان"},  {"إردوغان", "أردوغان"},   {"غوتيرس", "غوتيريش"},
    {"غوتيريس", "غوتيريش"},     {"جوتيريش", "غوتيريش"},   {"شويجو", "شويغو"},       {"لافروڤ", "لافروف"},
    {"نتانياهو", "نتنياهو"},    {"سوتشى", "سوتشي"},       {"سوتشيه", "سوتشي"},      {"كازاخستان", "كازاخستان"},
    {"كزاخستان", "كازاخستان"},  {"طهرانَ", "طهران"},
    // أميركا and أمريكا, about evenly split between outlets; "أميرك" is the stem of their
    // adjectives (الأميركية، الأميركيين), the whole words are for linking keys, which keep suffixes.
    {"أميركا", "أمريكا"},       {"أميرك", "أمريك"},       {"أميركي", "أمريكي"},     {"أميركية", "أمريكية"},
    // The English g as ك or ج, the g of other names as ج or غ (Egyptian outlets), أوروبا
    // with or without its first و: the stems of the adjectives, and the words for linking keys.
    // (Not the stem "أورب": أوربان, Orbán, has it too.)
    {"إنكلترا", "إنجلترا"},     {"إنكليز", "إنجليز"},     {"إنكليزي", "إنجليزي"},   {"إنكليزية", "إنجليزية"},
    {"جوجل", "غوغل"},           {"كونجرس", "كونغرس"},     {"البنتاجون", "البنتاغون"}, {"بنتاجون", "بنتاغون"},
    {"أوربا", "أوروبا"},        {"أوربي", "أوروبي"},      {"أوربية", "أوروبية"},
};

struct NormalizedSet {
  std::unordered_set<std::string, StringHash, std::equal_to<>> words;
  std::bitset<1 << 16> maybe;
  std::size_t max_len = 0;
  void seal() {
    for (const auto& w : words) {
      max_len = std::max(max_len, w.size());
      if (!w.empty()) maybe.set(filter_key(w) & 0xFFFF);
    }
  }
};

template <std::size_t N>
NormalizedSet build(const std::string_view (&entries)[N], bool split_words) {
  NormalizedSet set;
  for (std::string_view e : entries) {
    std::string norm = normalize_for_search(e);
    // Multi-word names protect each of their words too (نور سلطان -> سلطان).
    if (split_words) {
      std::size_t start = 0;
      while (start <= norm.size()) {
        std::size_t space = norm.find(' ', start);
        if (space == std::string::npos) space = norm.size();
        if (space > start) set.words.insert(norm.substr(start, space - start));
        start = space + 1;
      }
    } else {
      set.words.insert(norm);
    }
  }
  set.seal();
  return set;
}

constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال

// The names as listed (each word of a multi-word name on its own).
const NormalizedSet& listed_set() {
  static const NormalizedSet set = [] {
    NormalizedSet s = build(kPlaces, true);
    for (auto& w : build(kMonths, false).words) s.words.insert(w);
    for (auto& w : build(kPeople, true).words) s.words.insert(w);
    for (auto& w : build(kOrganisations, false).words) s.words.insert(w);
    for (auto& w : build(kForeignNames, false).words) s.words.insert(w);
    s.seal();
    return s;
  }();
  return set;
}

// The bare form of each name listed with the article and not listed bare (عراق -> العراق).
using ArticleNames = std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>;
const ArticleNames& article_names() {
  static const ArticleNames table = [] {
    ArticleNames t;
    for (const auto& w : listed_set().words) {
      if (w.size() > kArticle.size() + 2 && w.starts_with(kArticle)) {
        std::string bare = w.substr(kArticle.size());
        if (listed_set().words.count(bare) == 0) t.emplace(std::move(bare), w);
      }
    }
    return t;
  }();
  return table;
}

// The stemmer strips the definite article before lookup, so the bare forms are protected too.
const NormalizedSet& protected_set() {
  static const NormalizedSet set = [] {
    NormalizedSet s = listed_set();
    for (const auto& entry : article_names()) s.words.insert(entry.first);
    s.seal();
    return s;
  }();
  return set;
}

const NormalizedSet& stopword_set() {
  static const NormalizedSet set = build(kStopwords, false);
  return set;
}

const std::vector<std::string>& root_waw_prefixes() {
  static const std::vector<std::string> prefixes = [] {
    std::vector<std::string> v;
    for (std::string_view p : kRootWawPrefixes) {
      std::string n = normalize_for_search(p);
      if (n.compare(0, 2, "\xD9\x88") == 0) v.push_back(std::move(n));  // keep only و-initial
    }
    return v;
  }();
  return prefixes;
}

bool contains(const NormalizedSet& set, std::string_view word) {
  if (word.empty() || word.size() > set.max_len || !set.maybe.test(filter_key(word) & 0xFFFF)) return false;
  return set.words.find(word) != set.words.end();
}

}  // namespace

bool is_protected(std::string_view normalized) noexcept { return contains(protected_set(), normalized); }

bool is_listed_name(std::string_view normalized) noexcept { return contains(listed_set(), normalized); }

std::string_view name_with_article(std::string_view bare) noexcept {
  if (!contains(protected_set(), bare)) return {};
  const auto it = article_names().find(bare);
  return it == article_names().end() ? std::string_view() : std::string_view(it->second);
}

std::string_view canonical_spelling(std::string_view normalized) noexcept {
  static const std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> table = [] {
    std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> t;
    for (const auto& [variant, canonical] : kVariants) {
      std::string v = normalize_for_search(variant), c = normalize_for_search(canonical);
      if (v != c) t.emplace(std::move(v), std::move(c));
    }
    return t;
  }();
  const auto it = table.find(normalized);
  return it == table.end() ? std::string_view() : std::string_view(it->second);
}

bool is_stopword(std::string_view normalized) noexcept { return contains(stopword_set(), normalized); }

bool starts_with_root_waw(std::string_view normalized) noexcept {
  // The prefixes by the second byte of their second letter: a word is compared only with the
  // few that share it.
  using Buckets = std::array<std::vector<std::string>, 256>;
  static const Buckets by_second_letter = [] {
    Buckets b;
    for (const auto& p : root_waw_prefixes()) b[static_cast<unsigned char>(p[3])].push_back(p);  // two letters at least
    return b;
  }();
  if (normalized.size() < 4) return false;
  for (const auto& p : by_second_letter[static_cast<unsigned char>(normalized[3])]) {
    if (normalized.substr(0, p.size()) == p) return true;
  }
  return false;
}

}  // namespace masar::text::lexicon
