// Full names apart only by how their given name is transliterated, folded together: "كيفن دي
// بروين" / "كيفين دي بروين", "يواكيم لوف" / "يواخيم لوف", "ستيفن منوتشين" / "ستيف منوتشين"
// (docs/quality.md §7). Linking leaves them apart on purpose: one long vowel more or less in a
// given name is another person among Arabic names (محمد / محمود عباس, حسن / حسين نصر الله),
// and a name alone has nothing else to agree on. Here the family name agrees word for word,
// Arabic given names and family names are left out, and what the two names' articles are about
// must agree when there are enough of them to tell.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entities/fold_support.hpp"
#include "entities/folding.hpp"
#include "entities/mention_totals.hpp"
#include "entities/words.hpp"
#include "masar/entities/mentions.hpp"

namespace masar::entities {
namespace {

// Arabic given names, many of them one long vowel apart from another (حسن / حسين / حسان, سعد /
// سعيد / سعود, عمر / عمار / عامر, كمال / كامل): never folded by this rule.
const std::set<std::string, std::less<>>& arabic_given_names() {
  static const std::set<std::string, std::less<>> names = [] {
    std::set<std::string, std::less<>> out;
    for (const char* name :
         {"محمد", "محمود", "أحمد", "حامد", "حمد", "حميد", "حمدي", "حمود", "حمادة", "حمدان", "حسن", "حسين", "حسان",
          "حسني", "حسنين", "حسام", "سعد", "سعيد", "سعود", "سعدي", "سعيدة", "سعاد", "سعدية", "عمر", "عمار", "عامر",
          "عمير", "عمرو", "عمران", "علي", "علا", "عالية", "علياء", "جمال", "جميل", "جميلة", "كمال", "كامل", "ماجد",
          "مجيد", "مجدي", "مجد", "راشد", "رشيد", "رشدي", "رشاد", "خالد", "خليل", "خلود", "وليد", "صالح", "صلاح",
          "نصر", "ناصر", "نصير", "نصار", "فهد", "فهيد", "زيد", "زايد", "زياد", "زيدان", "سلمان", "سليمان", "سلمى",
          "سالم", "سليم", "سلام", "سلامة", "سلوى", "بدر", "بدير", "بدري", "شريف", "أشرف", "شرف", "نبيل", "نبيلة",
          "عادل", "عدلي", "عدنان", "هاني", "هناء", "سامي", "سامية", "سمية", "أسامة", "رامي", "ريم", "منى", "منير",
          "منيرة", "نور", "نوري", "نورة", "أمين", "أمينة", "أمان", "آمنة", "جابر", "جبر", "جبير", "طارق", "فاطمة",
          "مريم", "رحيم", "رحمة", "كريم", "كريمة", "حليم", "حلمي", "عاصم", "عصام", "هشام", "هاشم", "قاسم", "حاتم",
          "عاطف", "عطية", "نادر", "نادية", "ندى", "هدى", "هادي", "مها", "لمى", "وفاء", "غادة", "هند", "عزيز", "عزيزة",
          "عز", "عزت", "فريد", "فريدة", "مالك", "ملك", "منصور", "نجيب", "لطيف", "لطفي", "ياسر", "يسرى", "يسري",
          "ياسين", "مصطفى", "رضا", "عائشة", "زينب", "زين", "بشير", "بشرى", "بشار", "شادي", "فادي", "رائد", "رياض",
          "حافظ", "حفيظ", "إبراهيم", "إسماعيل", "يوسف", "يونس", "موسى", "عيسى", "يحيى", "زكريا", "زكي", "صابر",
          "صبري", "صبحي", "صباح", "فتحي", "جعفر", "مهدي", "مهند", "معاذ", "مراد", "مروان", "مروة", "سيد", "خديجة",
          "عثمان", "أنور", "منصف", "محسن", "حسنى", "نجلاء", "نجلا", "دينا", "رانيا", "رنا", "نوال", "أمل", "إيمان",
          "سامر", "سمير", "سميرة", "أيمن", "أماني", "أمنية", "تامر", "ثامر", "تمام", "رضوان", "رضوى", "عقيل", "عاقل",
          "نهى", "نهاد", "نهار", "ناهد", "جهاد", "مجاهد", "رجاء", "رجب", "عماد", "عمادة", "إياد", "فراس",
          "فارس", "فيصل", "فاضل", "فضل", "فضيلة", "مختار", "منذر", "نذير", "بسام", "باسم", "باسل", "بسمة", "ابتسام",
          "حازم", "حزم", "حنان", "حنين", "حمزة", "حليمة", "حياة", "خليفة", "دعاء", "ربيع", "ربيعة", "رزق", "رزان",
          "رغد", "رفيق", "رفعت", "رؤوف", "روضة", "سالمة", "سهام", "سهيل", "سهير", "سهى", "شاكر", "شكري",
          "شيماء", "صادق", "صديق", "صدقي", "صفاء", "صفوت", "ضياء", "طلال", "طلعت", "ظافر", "عبير", "عزة", "عزام", "عصمت",
          "عفاف", "علاء", "عوض", "عواد", "عياد", "غازي", "غالب", "غسان", "فؤاد", "فائز",
          "فوزي", "فوزية", "فايزة", "قيس", "كاظم", "لبنى", "لؤي", "ليلى", "مأمون", "ماهر", "مهير", "مبارك",
          "محفوظ", "مرعي", "مسعود", "مشعل", "معتز", "مفيد", "ممدوح", "منال", "مؤمن", "ميار", "نادين", "ناجي",
          "نجاة", "نجوى", "نزار", "نزيه", "نسرين", "نعيم", "نعمة", "نهلة", "هالة", "هبة", "هيثم", "هيفاء", "وائل",
          "وسام", "وسيم", "وصفي", "يزيد", "يزن", "يعقوب", "يمنى", "عيد", "سعدون", "مجدى", "حمدى", "رامز", "رمزي"}) {
      out.insert(text_key(name));
    }
    return out;
  }();
  return names;
}

bool arabic_or_not_a_given_name(std::string_view word) {
  if (word.starts_with("عبد") || word.starts_with("ال")) return true;
  for (std::string_view particle : {"ابو", "ابي", "ام", "بن", "ابن", "بنت"}) {
    if (word == particle) return true;
  }
  return arabic_given_names().count(word) > 0;
}

constexpr char32_t kAlef = U'\u0627', kWaw = U'\u0648', kYa = U'\u064A', kHa = U'\u0647', kHamza = U'\u0621';

bool long_vowel(char32_t c) { return c == kAlef || c == kWaw || c == kYa || c == kHamza; }

// The consonants a transliteration keeps (search form): long vowels after the first letter
// and a final ه gone, doubled letters once. "كيفن" and "كيفين" both give ك ف ن, "ديديه" د د.
std::vector<char32_t> consonants(const std::vector<char32_t>& letters) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    const char32_t c = letters[i];
    if (i > 0 && long_vowel(c)) continue;
    if (i > 0 && i + 1 == letters.size() && c == kHa) continue;
    if (i > 0 && letters[i - 1] == c) continue;  // a doubled letter, not two apart (ديديه)
    out.push_back(c);
  }
  return out;
}

// Letters that write one foreign sound: g (ج غ ق), the Spanish j and the German ch (خ with ج,
// غ or ك), t (ت ط ث), s (س ص ز ث), d (د ض), z (ز ظ). Pairs, not classes: ج and ك are not one.
bool one_sound(char32_t a, char32_t b) {
  if (a == b) return true;
  static constexpr std::pair<char32_t, char32_t> kPairs[] = {
      {U'ج', U'غ'}, {U'ج', U'خ'}, {U'غ', U'خ'}, {U'ك', U'خ'}, {U'ك', U'ق'}, {U'غ', U'ق'}, {U'ت', U'ط'},
      {U'ت', U'ث'}, {U'س', U'ث'}, {U'س', U'ص'}, {U'س', U'ز'}, {U'د', U'ض'}, {U'ز', U'ظ'}};
  return std::any_of(std::begin(kPairs), std::end(kPairs),
                     [&](const auto& p) { return (p.first == a && p.second == b) || (p.first == b && p.second == a); });
}

bool same_sounds(const std::vector<char32_t>& a, const std::vector<char32_t>& b, std::size_t length) {
  for (std::size_t i = 0; i < length; ++i) {
    if (!one_sound(a[i], b[i])) return false;
  }
  return true;
}

// A feminine ending (ا, ة as ه) on one name and a consonant on the other: كارلا is not كارلوس,
// جوليانا not جوليان. (A final ي is not one: فيليبي and دافيدي are Felipe and Davide, so ستيفاني
// and ستيفن meet, and their articles decide when there are enough.)
bool one_feminine(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
  const auto feminine = [](char32_t c) { return c == kAlef || c == kHa; };
  const auto consonant = [](char32_t c) { return !long_vowel(c) && c != kHa; };
  return (feminine(a.back()) && consonant(b.back())) || (feminine(b.back()) && consonant(a.back()));
}

}  // namespace

GivenNameMatch given_names_match(std::string_view a, std::string_view b) {
  if (a == b || arabic_or_not_a_given_name(a) || arabic_or_not_a_given_name(b)) return GivenNameMatch::none;
  const std::vector<char32_t> la = code_points(a), lb = code_points(b);
  if (la.size() < 2 || lb.size() < 2 || one_feminine(la, lb)) return GivenNameMatch::none;
  const std::vector<char32_t> ca = consonants(la), cb = consonants(lb);
  if (ca.size() == cb.size() && same_sounds(ca, cb, ca.size())) {
    // Two consonants leave little to agree on: only one long vowel more or less (نك / نيك,
    // ريك / رياك), not another vowel (دين / دان, رون / ريان).
    if (ca.size() <= 2) {
      const std::size_t longer = std::max(la.size(), lb.size()), shorter = std::min(la.size(), lb.size());
      return longer == shorter + 1 && edit_distance(a, b) == 1 ? GivenNameMatch::short_name : GivenNameMatch::none;
    }
    return GivenNameMatch::spelling;
  }
  // One consonant more at the end, as a short form drops it: ستيف / ستيفن, جيم / جيمس, إدوار /
  // إدوارد, فانسان / فينسنت. The longer ends with that letter, the shorter with no feminine vowel.
  const bool a_shorter = ca.size() < cb.size();
  const std::vector<char32_t>& cs = a_shorter ? ca : cb;
  const std::vector<char32_t>& cl = a_shorter ? cb : ca;
  const std::vector<char32_t>& ls = a_shorter ? la : lb;
  const std::vector<char32_t>& ll = a_shorter ? lb : la;
  if (cs.size() < 2 || cl.size() != cs.size() + 1 || !same_sounds(cs, cl, cs.size())) return GivenNameMatch::none;
  const char32_t extra = cl.back();
  const bool droppable = extra == U'ن' || extra == U'د' || extra == U'س' || extra == U'ت';
  if (!droppable || ll.back() != extra || ls.back() == kAlef || ls.back() == kHa) return GivenNameMatch::none;
  return GivenNameMatch::short_form;
}

namespace {

// How much what the two names' articles are about must agree (cosine of their profiles, as for
// partial names): the misspellings read on ant-multisource agree at 0.23–0.91.
constexpr double kGivenNameAgreement = 0.2;

struct FullName {
  std::int64_t id = 0, articles = 0;
  std::string given;
};

// A father's name (بن سلمان, or an Arabic given name: سامر / سمير رضوان) makes a family name Arabic.
bool names_a_father(std::string_view family) {
  for (const std::string_view word : words_of(family)) {
    if (word == "بن" || word == "ابن" || word == "بنت" || word == "ولد" || arabic_or_not_a_given_name(word)) return true;
  }
  return false;
}

// The persons whose family name is mostly written with the article (الشناوي، التميمي): Arabic
// family names, whose keys have lost it. By mentions, over the spellings of the key's length.
std::set<std::int64_t> family_with_article(const MentionTotals& totals,
                                           const std::unordered_map<std::int64_t, const std::string*>& keys) {
  std::unordered_map<std::int64_t, std::int64_t> votes;
  for (const MentionTotals::Spelling& s : totals.spellings) {
    const std::vector<std::string_view> words = words_of(s.surface);
    if (words.size() != words_of(*keys.at(s.entity)).size()) continue;
    const bool article = std::any_of(words.begin() + 1, words.end(), [](std::string_view w) { return w.starts_with("ال"); });
    votes[s.entity] += article ? s.mentions : -s.mentions;
  }
  std::set<std::int64_t> out;
  for (const auto& [entity, vote] : votes) {
    if (vote > 0) out.insert(entity);
  }
  return out;
}

}  // namespace

Result<std::size_t> fold_given_name_spellings(sqlite3* db, MentionTable& table) {
  std::unordered_map<std::int64_t, const std::string*> person_keys;
  for (const auto& [id, e] : table.entities()) {
    if (e.type == "PER" && e.key.find(' ') != std::string::npos) person_keys.emplace(id, &e.key);
  }
  const MentionTotals totals = table.totals([&](std::int64_t id) { return person_keys.count(id) > 0; }, true);
  const std::set<std::int64_t> arabic_family = family_with_article(totals, person_keys);
  std::map<std::string, std::vector<FullName>> by_family;  // ordered: the same folds on every run
  for (const auto& [id, articles] : totals.articles) {
    const std::string& key = *person_keys.at(id);
    const std::size_t cut = key.find(' ');
    const std::string family = key.substr(cut + 1);
    if (arabic_family.count(id) || names_a_father(family)) continue;
    by_family[family].push_back({id, articles, key.substr(0, cut)});
  }
  Mover mover(db, table);
  ContextCheck context(db);
  if (!mover.ok() || !context.ok()) return store::sql::db_error(db, "folding names");
  std::size_t folded = 0;
  for (auto& [family, names] : by_family) {
    if (names.size() < 2) continue;
    std::sort(names.begin(), names.end(), [](const FullName& x, const FullName& y) {
      return x.articles != y.articles ? x.articles > y.articles : x.id < y.id;
    });
    std::vector<bool> gone(names.size(), false);
    for (std::size_t i = 1; i < names.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (gone[j] || names[j].articles < 2) continue;
        const GivenNameMatch match = given_names_match(names[i].given, names[j].given);
        if (match == GivenNameMatch::none) continue;
        const std::optional<double> agreement = context.agreement(names[i].id, names[j].id);
        // A short form or a two-consonant name folds only when there is enough to compare.
        const bool must_compare = match != GivenNameMatch::spelling;
        if (agreement ? *agreement < kGivenNameAgreement : must_compare) continue;
        if (Status moved = mover.fold(names[i].id, names[j].id); !moved) return moved.error();
        names[j].articles += names[i].articles;
        gone[i] = true;
        ++folded;
        break;
      }
    }
  }
  return folded;
}

Result<std::size_t> fold_given_name_spellings(sqlite3* db) { return with_table(db, fold_given_name_spellings); }

}  // namespace masar::entities
