// Trigger words of the PLOVER types, written for Arabic news in search form (أ إ آ → ا,
// ة → ه, ى → ي, ئ → ي, ؤ → و), and the light morphology that finds them in a word.
#include "lexicon.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstring>
#include <unordered_map>

#include "masar/util/string_hash.hpp"

namespace masar::events::detail {
namespace {

using enum EventType;

// One lexeme: its past stems (third person masculine singular, the suffixes of person and
// object pronouns are added by the matcher), present stems (without the prefix ي ت ن ا) and
// verbal nouns and participles (singular; plurals in ات ون ين are added; broken plurals listed).
struct Lexeme {
  EventType type;
  Strength strength;
  const char* past;
  const char* present;
  const char* nouns;
};

constexpr Strength S = Strength::strong;
constexpr Strength W = Strength::weak;
constexpr Strength C = Strength::companion;

constexpr Lexeme kLexicon[] = {
    // Meetings, talks, visits, calls.
    {CONSULT, S, "اجتمع التقي التق تباحث تشاور تفاوض", "جتمع لتقي لتق تباحث تشاور تفاوض", "اجتماع لقاء لقاي محادثات مباحثات مفاوضات مشاورات تشاور تفاوض"},  // لقاي: لقائه، لقائهما
    {CONSULT, W, "بحث ناقش زار استقبل اختتم", "بحث ناقش زور ستقبل ختتم", "زياره قمه مناقشه اختتام"},
    // Agreements, deals, pledges.
    {AGREE, S, "اتفق توافق", "تفق توافق", "اتفاق اتفاقيه تفاهم توافق"},
    {AGREE, W, "وافق تعهد", "وافق تعهد", "موافقه تعهد هدنه"},
    // Praise, endorsement, backing.
    {SUPPORT, S, "ايد اشاد رحب ثمن", "ويد شيد رحب ثمن", "تاييد اشاده ترحيب"},
    {SUPPORT, W, "دعم ساند", "دعم ساند", "دعم مسانده"},
    // Demands, appeals, calls on.
    {REQUEST, S, "طالب ناشد حث", "طالب ناشد حث", "مطالبه مناشده"},
    {REQUEST, W, "دعا طلب", "دعو طلب", "دعوه"},
    // Criticism, condemnation, accusation.
    {ACCUSE, S, "اتهم ادان دان استنكر ندد انتقد", "تهم دين ستنكر ندد نتقد", "اتهام ادانه استنكار تنديد انتقاد"},
    // Refusal, rejection.
    {REJECT, S, "رفض", "رفض", "رفض"},
    {REJECT, W, "اعترض", "عترض", "اعتراض"},
    // Threats and ultimatums.
    {THREATEN, S, "هدد توعد", "هدد توعد", "تهديد وعيد"},
    // Demonstrations, sit-ins, strikes, riots.
    {PROTEST, S, "تظاهر احتج اعتصم تجمهر", "تظاهر حتج عتصم تجمهر",
     "مظاهره تظاهره احتجاج اعتصام تجمهر اضراب شغب انتفاضه"},
    // Gatherings, marches, strikes. Chanting (هتف) describes a protest reported elsewhere:
    // "وهتف المتظاهرون" is no word of it.
    {PROTEST, W, "اضرب تجمع احتشد", "ضرب تجمع حتشد", "مسيره احتجاجي"},
    // A word for protesters reports no protest itself (the police disperse them, courts try
    // them, the dead are counted among them); it makes a weak word of protest count.
    {PROTEST, C, "", "", "متظاهر محتج معتصم"},
    // Troops, forces and alerts.
    {MOBILIZE, S, "استنفر", "ستنفر", "استنفار تعبيه تعزيزات حشود"},
    {MOBILIZE, W, "حشد", "حشد", "انتشار"},
    // Killing, bombing, raids, kidnapping, torture.
    {ASSAULT, S, "قتل اغتال اغتيل هاجم قصف اختطف خطف اعدم طعن اغتصب ذبح اعتدي اعتد", "قتل غتال هاجم قصف ختطف خطف عدم طعن غتصب ذبح عتدي عتد",
     "مقتل مصرع قتيل هجوم هجمات قصف غاره تفجير اغتيال اختطاف خطف اعتداء مجزره مذبحه كمين تعذيب"},
    // The suicide bomber, like the protester, names the act only with another word of it.
    {ASSAULT, C, "", "", "انتحاري"},
    {ASSAULT, W, "استهدف اصاب جرح انفجر", "ستهدف صيب جرح نفجر", "انفجار استهداف جريح اصابه"},
    // "ضرب" beats, strikes a deal or a record, strikes from work, is a blow to a career: it
    // reports nothing itself (an air strike, ضربة جوية, is a pattern).
    {ASSAULT, C, "ضرب", "ضرب", "ضرب"},
    // Arrests, detentions, expulsions, bans.
    {COERCE, S, "اعتقل احتجز داهم", "عتقل حتجز داهم", "اعتقال احتجاز مداهمه"},
    {COERCE, W, "سجن طرد صادر حظر", "سجن طرد صادر حظر", "سجن طرد مصادره حظر"},
    // Aid, relief, grants.
    {AID, S, "", "", "مساعدات اغاثه معونه معونات"},
    {AID, W, "", "", "منحه"},
    // Sanctions, embargoes, boycotts, freezes.
    {SANCTION, S, "عاقب", "عاقب", "عقوبات مقاطعه"},
    {SANCTION, W, "جمد", "جمد", "تجميد"},
    // Withdrawals, releases, easing.
    {RETREAT, S, "انسحب افرج", "نسحب فرج", "انسحاب افراج"},
    {RETREAT, W, "سحب", "سحب", "سحب"},
    // Cooperation and coordination.
    {COOPERATE, S, "تعاون نسق", "تعاون نسق", "تعاون تنسيق"},
    {COOPERATE, W, "", "", "شراكه"},
    // Concessions, resignations, apologies, admissions.
    {CONCEDE, S, "تنازل استقال اعتذر", "تنازل ستقيل عتذر", "تنازل استقاله اعتذار"},
    {CONCEDE, W, "اعترف", "عترف", "اعتراف"},
};

struct Entry {
  EventType type;
  Form form;
  Strength strength;
};
using Table = std::unordered_map<std::string, std::vector<Entry>, util::StringViewHash, std::equal_to<>>;

void add_words(Table& table, const char* words, EventType type, Form form, Strength strength) {
  std::string_view all(words);
  for (std::size_t at = 0; at < all.size();) {
    const std::size_t end = std::min(all.find(' ', at), all.size());
    if (end > at) table[std::string(all.substr(at, end - at))].push_back({type, form, strength});
    at = end + 1;
  }
}

const Table& table() {
  static const Table t = [] {
    Table out;
    for (const auto& l : kLexicon) {
      add_words(out, l.past, l.type, Form::past, l.strength);
      add_words(out, l.present, l.type, Form::present, l.strength);
      add_words(out, l.nouns, l.type, Form::noun, l.strength);
    }
    return out;
  }();
  return t;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Letters are two bytes in the Arabic block; a stem keeps at least two letters.
constexpr std::size_t kMinStem = 4;

constexpr std::array<std::string_view, 3> kConjunctions = {"", "و", "ف"};
constexpr std::array<std::string_view, 15> kVerbSuffixes = {"", "ت", "وا", "ا", "ن", "نا", "تم", "ون", "ان", "ين",
                                                            "ه", "ها", "هم", "تها", "وه"};
constexpr std::array<std::string_view, 13> kNounSuffixes = {"", "ه", "ات", "ان", "ين", "ون", "ي", "يه", "ا",
                                                            "ها", "هم", "يات", "اته"};
// Nouns whose adjective in ي names something else: "اجتماعية" is "social", not of a meeting;
// "هجومية" is "offensive" (قدرات هجومية، مروحيات هجومية), not of an attack.
constexpr std::array<std::string_view, 2> kNisbaElsewhere = {"اجتماع", "هجوم"};
constexpr bool is_nisba(std::string_view suffix) { return suffix == "ي" || suffix == "يه" || suffix == "يات"; }

constexpr std::array<std::string_view, 4> kImperfect = {"ي", "ت", "ن", "ا"};
constexpr std::array<std::string_view, 9> kNounPrefixes = {"", "ال", "بال", "لل", "كال", "ب", "ل", "ك", "وال"};

void look_up(std::string_view stem, Form form, bool future, std::vector<WordTrigger>& out) {
  if (stem.size() < kMinStem || !piece_may_be_a_stem(stem)) return;
  const auto& t = table();
  const auto it = t.find(stem);
  if (it == t.end()) return;
  for (const Entry& e : it->second) {
    if (e.form != form) continue;
    bool seen = false;
    for (const auto& w : out) seen = seen || (w.type == e.type && w.form == e.form);
    if (!seen) out.push_back({e.type, e.form, e.strength, future});
  }
}

}  // namespace

namespace {

// Most words of a sentence are no trigger and start no pattern. A stem lies between a prefix
// (conjunction, future or imperfect prefix, preposition and article) and a suffix, so only a
// few dozen pieces of a word can be one: a word none of whose pieces is in a bitmap of the
// lexicon's stems (and of the patterns' words) is passed over without being taken apart. The
// bitmap keys a piece by its length and its first and last two letters; a false alarm costs
// only the full check.
class StemFilter {
 public:
  StemFilter() {
    for (const auto& [stem, entries] : table()) {
      add(stem);
      // مظاهرات is looked up as مظاهر + ه: the piece in the word lacks the feminine ending.
      if (stem.ends_with("ه")) add(std::string_view(stem).substr(0, stem.size() - std::string_view("ه").size()));
    }
    for (const auto& p : phrase_triggers()) {
      for (const auto& w : p.words) add(w);
    }
    for (std::string_view conj : kConjunctions) {
      for (std::string_view prefix : kNounPrefixes) starts_.push_back(conj.size() + prefix.size());
      for (std::string_view prefix : kImperfect) {
        starts_.push_back(conj.size() + prefix.size());
        starts_.push_back(conj.size() + std::string_view("س").size() + prefix.size());
      }
    }
    for (std::string_view suffix : kVerbSuffixes) cuts_.push_back(suffix.size());
    for (std::string_view suffix : kNounSuffixes) cuts_.push_back(suffix.size());
    for (auto* v : {&starts_, &cuts_}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
  }
  // Whether `piece` may be a stem of the table (or one in ه without it) or a word of a
  // pattern: never false for one.
  bool holds_piece(std::string_view piece) const { return piece.size() >= kMinStem && bits_.test(slot(piece)); }
  bool may_hold_a_stem(std::string_view word) const {
    for (std::size_t at : starts_) {
      if (at + kMinStem > word.size()) break;
      const std::string_view rest = word.substr(at);
      for (std::size_t cut : cuts_) {
        if (rest.size() < cut + kMinStem) break;
        if (bits_.test(slot(rest.substr(0, rest.size() - cut)))) return true;
      }
    }
    return false;
  }

 private:
  static std::size_t slot(std::string_view piece) {  // piece.size() >= kMinStem
    std::uint32_t first = 0, last = 0;
    std::memcpy(&first, piece.data(), sizeof first);
    std::memcpy(&last, piece.data() + piece.size() - sizeof last, sizeof last);
    const std::uint64_t h = (first * 0x9E3779B97F4A7C15ull) ^ (last * 0xC2B2AE3D27D4EB4Full) ^ (piece.size() * 0x165667B19E3779F9ull);
    return static_cast<std::size_t>(h >> (64 - kBits));
  }
  void add(std::string_view stem) {
    if (stem.size() >= kMinStem) bits_.set(slot(stem));
  }
  static constexpr int kBits = 20;
  std::bitset<std::size_t{1} << kBits> bits_;
  std::vector<std::size_t> starts_, cuts_;
};

const StemFilter& stem_filter() {
  static const StemFilter filter;
  return filter;
}
}  // namespace

std::vector<std::string_view> lexicon_stems() {
  std::vector<std::string_view> out;
  for (const auto& [stem, entries] : table()) out.push_back(stem);
  return out;
}

void match_word(std::string_view word, std::vector<WordTrigger>& out) {
  out.clear();
  if (stem_filter().may_hold_a_stem(word)) match_word_unfiltered(word, out);
}

void word_stems(std::string_view word, std::vector<std::string_view>& out) {
  out.clear();
  if (stem_filter().may_hold_a_stem(word)) word_stems_unfiltered(word, out);
}

bool may_hold_a_stem(std::string_view word) { return stem_filter().may_hold_a_stem(word); }

bool piece_may_be_a_stem(std::string_view piece) { return stem_filter().holds_piece(piece); }

void match_word_unfiltered(std::string_view word, std::vector<WordTrigger>& out) {
  out.clear();
  for (std::string_view conj : kConjunctions) {
    if (!starts_with(word, conj)) continue;
    const std::string_view rest = word.substr(conj.size());
    if (rest.size() < kMinStem) continue;
    for (std::string_view suffix : kVerbSuffixes) {
      if (!ends_with(rest, suffix) || rest.size() - suffix.size() < kMinStem) continue;
      const std::string_view body = rest.substr(0, rest.size() - suffix.size());
      look_up(body, Form::past, false, out);
      const bool future = starts_with(body, "س");
      const std::string_view after_future = future ? body.substr(2) : body;
      for (std::string_view prefix : kImperfect) {
        if (starts_with(after_future, prefix)) look_up(after_future.substr(prefix.size()), Form::present, future, out);
      }
    }
    for (std::string_view suffix : kNounSuffixes) {
      if (!ends_with(rest, suffix) || rest.size() - suffix.size() < kMinStem) continue;
      const std::string_view body = rest.substr(0, rest.size() - suffix.size());
      for (std::string_view prefix : kNounPrefixes) {
        if (!starts_with(body, prefix)) continue;
        const std::string_view stem = body.substr(prefix.size());
        if (is_nisba(suffix) && std::find(kNisbaElsewhere.begin(), kNisbaElsewhere.end(), stem) != kNisbaElsewhere.end()) continue;
        look_up(stem, Form::noun, false, out);
        // The feminine ending gives way to the suffix: مظاهرة → مظاهرات. Not to a lone ي:
        // "غاري" is a name (Gary), not a raid (غارة).
        // (The filter knows every stem in ه without it: no string is built for most pieces.)
        if (!suffix.empty() && suffix != "ي" && stem.size() >= kMinStem && piece_may_be_a_stem(stem)) {
          look_up(std::string(stem) + "ه", Form::noun, false, out);
        }
        // Or it is written ت before the suffix: غارتين، اتفاقيتين، زيارته، مظاهرتهم.
        if (!suffix.empty() && stem.ends_with("ت") && stem.size() > kMinStem) {
          const std::string_view before_ta = stem.substr(0, stem.size() - std::string_view("ت").size());
          if (piece_may_be_a_stem(before_ta)) look_up(std::string(before_ta) + "ه", Form::noun, false, out);
        }
      }
    }
  }
}

void word_stems_unfiltered(std::string_view word, std::vector<std::string_view>& out) {
  out.clear();
  // Only pieces that may be a pattern's word are kept: the rest can match nothing.
  const auto keep = [&](std::string_view piece) {
    if (piece_may_be_a_stem(piece)) out.push_back(piece);
  };
  for (std::string_view conj : kConjunctions) {
    if (!starts_with(word, conj)) continue;
    const std::string_view rest = word.substr(conj.size());
    // A verb in the present: يقطعون الطريق, تعقد القمة.
    for (std::string_view prefix : kImperfect) {
      if (!starts_with(rest, prefix) || rest.size() - prefix.size() < kMinStem) continue;
      const std::string_view body = rest.substr(prefix.size());
      for (std::string_view suffix : kVerbSuffixes) {
        if (ends_with(body, suffix) && body.size() - suffix.size() >= kMinStem) keep(body.substr(0, body.size() - suffix.size()));
      }
    }
    for (std::string_view prefix : kNounPrefixes) {
      if (!starts_with(rest, prefix)) continue;
      const std::string_view body = rest.substr(prefix.size());
      for (std::string_view suffix : kVerbSuffixes) {
        if (ends_with(body, suffix) && body.size() - suffix.size() >= kMinStem) keep(body.substr(0, body.size() - suffix.size()));
      }
      for (std::string_view suffix : kNounSuffixes) {
        if (ends_with(body, suffix) && body.size() - suffix.size() >= kMinStem) keep(body.substr(0, body.size() - suffix.size()));
      }
    }
  }
}

const std::vector<PhraseTrigger>& phrase_triggers() {
  static const std::vector<PhraseTrigger> phrases = {
      {ASSAULT, {"اطلق", "نار"}, 1, Form::past},  // أطلق (عليه) النار
      {ASSAULT, {"اطلاق", "نار"}, 1},
      {ASSAULT, {"اطلق", "صواريخ"}, 4, Form::past},  // أطلقت (المروحيات فجر الأحد ثلاثة) صواريخ
      {ASSAULT, {"اطلق", "صاروخ"}, 4, Form::past},
      {ASSAULT, {"اطلق", "قذيف"}, 4, Form::past},
      {ASSAULT, {"اطلق", "قذايف"}, 4, Form::past},  // قذائف (ئ → ي)
      {ASSAULT, {"اطلق", "نيران"}, 1, Form::past},
      {ASSAULT, {"فتح", "نار"}, 1, Form::past},      // فتحت (الدورية) النار
      {ASSAULT, {"ضرب", "جوي"}, 0},                   // ضربة جوية، ضربات جوية
      // The weapon is found, dismantled, feared or named as the means: it reports no attack
      // itself; the other word of attack does ("انفجرت", "هجوم", "قتل").
      {ASSAULT, {"سياره", "مفخخ"}, 0, Form::noun, Strength::companion},  // سيارة مفخخة
      {ASSAULT, {"عبو", "ناسف"}, 0, Form::noun, Strength::companion},    // عبوة ناسفة (عبوه minus ة)
      {ASSAULT, {"حزام", "ناسف"}, 0, Form::noun, Strength::companion},
      {ASSAULT, {"فجر", "نفس"}, 1, Form::past},   // فجّر (انتحاري) نفسه
      {ASSAULT, {"فجر", "سياره"}, 1, Form::past},  // فجّر (انتحاري) سيارة
      {ASSAULT, {"فجرت", "نفس"}, 0, Form::past},
      {ASSAULT, {"فجرا", "نفسي"}, 0, Form::past},
      {ASSAULT, {"شن", "غاره"}, 1},
      {ASSAULT, {"لقي", "مصرع"}, 1, Form::past},
      {ASSAULT, {"سقوط", "قتلي"}, 2},
      // Idioms: "ضرب مثلا" gave an example, "ضرب موعدا" set a date, "ضرب رقما قياسيا" set a
      // record, "ضرب بعرض الحائط" brushed aside; "خطف الأضواء" stole the show; "انفجر بالضحك".
      {ASSAULT, {"ضرب", "مثل"}, 0, Form::noun, Strength::strong, true},
      {ASSAULT, {"ضرب", "مثال"}, 0, Form::noun, Strength::strong, true},
      {ASSAULT, {"ضرب", "موعد"}, 0, Form::noun, Strength::strong, true},
      {ASSAULT, {"ضرب", "رقم"}, 0, Form::noun, Strength::strong, true},
      {ASSAULT, {"ضرب", "عرض"}, 0, Form::noun, Strength::strong, true},
      {ASSAULT, {"خطف", "اضواء"}, 1, Form::noun, Strength::strong, true},
      {ASSAULT, {"خطف", "انظار"}, 1, Form::noun, Strength::strong, true},
      {ASSAULT, {"انفجر", "ضحك"}, 2, Form::noun, Strength::strong, true},
      {PROTEST, {"قطع", "طريق"}, 1},        // قطعوا الطريق
      {PROTEST, {"قطع", "طرق"}, 1},
      {PROTEST, {"اقفال", "طريق"}, 1},
      {PROTEST, {"احرق", "اطارات"}, 1, Form::past},  // أحرقوا الإطارات
      {PROTEST, {"احراق", "اطارات"}, 1},
      {PROTEST, {"احرق", "نفس"}, 0, Form::past},
      {PROTEST, {"احراق", "نفس"}, 0},
      {PROTEST, {"خرج", "شوارع"}, 2, Form::past},
      {PROTEST, {"خرج", "متظاهر"}, 1, Form::past},  // خرج (آلاف) المتظاهرين
      // Protesters as the subject of what they do in the street: "أغلق المتظاهرون الطريق",
      // "رشق مئات المتظاهرين الشرطة", "نزل المتظاهرون إلى الشوارع". Raising banners (رفع)
      // describes a protest as chanting does (2 yes / 37 no on gsr).
      {PROTEST, {"اغلق", "متظاهر"}, 1, Form::past},
      {PROTEST, {"سد", "متظاهر"}, 1, Form::past},
      {PROTEST, {"رشق", "متظاهر"}, 1, Form::past},
      {PROTEST, {"احرق", "متظاهر"}, 1, Form::past},
      {PROTEST, {"اضرم", "متظاهر"}, 1, Form::past},
      {PROTEST, {"نزل", "متظاهر"}, 1, Form::past},
      {PROTEST, {"تجمع", "ميات"}, 1, Form::past},  // تجمع (نحو) مئات من … (ئ → ي)
      {PROTEST, {"تجمع", "عشرات"}, 1, Form::past},
      {PROTEST, {"تجمع", "الاف"}, 1, Form::past},
      {PROTEST, {"احتشد", "ميات"}, 1, Form::past},
      {PROTEST, {"احتشد", "عشرات"}, 1, Form::past},
      {PROTEST, {"احتشد", "الاف"}, 1, Form::past},
      {PROTEST, {"عصيان", "مدني"}, 0},
      {PROTEST, {"رفع", "شعارات"}, 1},
      {PROTEST, {"ردد", "شعارات"}, 1},  // chanting describes a protest; it is no report of one alone
      {PROTEST, {"ردد", "هتافات"}, 1},
      {MOBILIZE, {"رفع", "تاهب"}, 2},       // رفع حالة التأهب
      {MOBILIZE, {"نشر", "قوات"}, 1},
      {MOBILIZE, {"ارسل", "قوات"}, 1},
      {MOBILIZE, {"دفع", "تعزيزات"}, 1},
      {SANCTION, {"فرض", "عقوبات"}, 1},
      {SANCTION, {"قطع", "علاقات"}, 1},
      {SANCTION, {"فرض", "حصار"}, 1},
      {COERCE, {"فرض", "حظر"}, 1},
      {COERCE, {"حمله", "اعتقالات"}, 0},
      {AGREE, {"وقع", "اتفاق"}, 1},         // وقّع (على) اتفاق
      {AGREE, {"توقيع", "اتفاق"}, 1},
      {AGREE, {"توصل", "اتفاق"}, 1},
      {AGREE, {"وقف", "اطلاق", "نار"}, 0},  // وقف إطلاق النار
      {ACCUSE, {"حمل", "مسووليه"}, 1},      // حمّل (…) المسؤولية
      {AID, {"قدم", "مساعد"}, 1},
      {RETREAT, {"اطلاق", "سراح"}, 0},
      {RETREAT, {"اطلق", "سراح"}, 0},
      {CONSULT, {"اتصال", "هاتفي"}, 0},
      {CONSULT, {"اتصالا", "هاتفي"}, 0},
      {CONSULT, {"عقد", "اجتماع"}, 1},
      {CONSULT, {"عقد", "جوله"}, 1},
      {CONSULT, {"عقد", "قمه"}, 1},
  };
  return phrases;
}

const std::unordered_map<std::string_view, std::vector<const PhraseTrigger*>>& phrases_by_first_word() {
  static const auto index = [] {
    std::unordered_map<std::string_view, std::vector<const PhraseTrigger*>> out;
    for (const auto& p : phrase_triggers()) out[p.words.front()].push_back(&p);
    return out;
  }();
  return index;
}

}  // namespace masar::events::detail
