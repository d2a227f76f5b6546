// Where the triggers of a sentence are (lexicon.hpp), in what mode each is written, and whether
// it reports one particular happening or only talks of one.
#include "events/triggers.hpp"

#include <algorithm>
#include <array>

#include "lexicon.hpp"

namespace masar::events::detail {

namespace {

// "عمليات خطف الأجانب", "مسؤوليتها عن خطف السفن", "جرائم تعذيب وقتل": a bare past form of
// three letters (قتل، خطف، قصف) is spelled as its verbal noun. Right after a preposition, a
// noun of acts, or another verbal noun of its type joined by و, it is the noun: it names a
// kind of act, and whether one happened is read as for any noun. At the head of a clause
// ("خطف مسلحون ثلاثة صحفيين", "وفي المدينة قتل شرطي") it stays the verb.
void read_bare_forms_as_verbal_nouns(std::vector<Trigger>& triggers, const std::vector<Word>& words) {
  static const WordList kPrepositions{"في", "من", "على", "عن", "إلى", "الى", "ضد", "حتى", "عبر",
                                      "تحت", "مع", "لدى", "نحو", "دون", "بدون"};
  static const WordList kNounsOfActs{"عملية", "عمليات", "أعمال", "اعمال", "جرائم", "جريمتي", "حوادث", "حادث",
                                     "حادثة", "حالات", "حالة", "سلسلة", "مسلسل", "مأساة", "قصة", "سيناريو",
                                     "تكرار", "محاولة", "محاولات", "إمكانية", "مسؤولية", "حملة", "حملات", "ارتكاب",
                                     "يرتكب", "موجة", "نوع", "وجوب", "اعتبار", "تبرير", "خطة", "مخطط", "ظاهرة"};
  constexpr std::size_t kThreeLetters = 6;  // bytes
  const auto noun_of_type_at = [&](std::size_t word, EventType type) {
    return std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& o) {
      return o.first == word && o.last == word && o.type == type && o.form == Form::noun;
    });
  };
  for (auto& t : triggers) {
    if (t.form != Form::past || t.first != t.last || t.first == 0) continue;
    const Word& w = words[t.first];
    const Word& before = words[t.first - 1];
    const std::string_view bare = without_conjunction(w.norm);
    // Form V and VI (تجمع، تظاهر، تفاوض) are spelled as their verbal nouns too.
    const bool tafaaul = bare.size() == kThreeLetters + 2 && bare.starts_with("ت");
    if ((bare.size() != kThreeLetters && !tafaaul) || before.clause != w.clause) continue;
    const bool joined = bare.size() < w.norm.size() && noun_of_type_at(t.first - 1, t.type);
    if (kPrepositions.holds(before.norm) || kNounsOfActs.holds(before.norm) || joined) t.form = Form::noun;
  }
  // The word read both ways ("خطف" is in the lexicon as verb and noun) is now one noun.
  std::vector<Trigger> kept;
  for (const auto& t : triggers) {
    const bool repeat = std::any_of(kept.begin(), kept.end(), [&](const Trigger& k) {
      return k.first == t.first && k.last == t.last && k.type == t.type && k.form == t.form;
    });
    if (!repeat) kept.push_back(t);
  }
  triggers = std::move(kept);
}

// A word of `list` within `reach` words before the trigger, in its clause.
bool said_just_before(const Trigger& t, const std::vector<Word>& words, const WordList& list, std::size_t reach) {
  for (std::size_t back = 1; back <= reach && back <= t.first; ++back) {
    const Word& w = words[t.first - back];
    if (w.clause != words[t.first].clause) break;
    if (list.holds(w.norm)) return true;
  }
  return false;
}

// "قام مسلحون بخطف نائب رئيس البلدية", "قامت الطائرات بقصف": قام with ب before a verbal
// noun is a verb in the past, written in two words.
void read_qama_bi_as_past(std::vector<Trigger>& triggers, const std::vector<Word>& words) {
  static const WordList kQama{"قام", "قامت", "قاموا", "قامتا", "قاما"};
  for (auto& t : triggers) {
    if (t.form != Form::noun || t.first != t.last || !without_conjunction(words[t.first].norm).starts_with("ب")) continue;
    if (said_just_before(t, words, kQama, 3)) t.form = Form::past;
  }
}

// "هجوم انتحاري بسيارة مفخخة استهدف الشرطة", "ضربة جوية استهدفت متمردين": a weak verb right
// after a noun of its type describes that noun (a relative clause without its pronoun); it
// reports no happening of its own.
void read_descriptions_of_nouns(std::vector<Trigger>& triggers, const std::vector<Word>& words) {
  for (auto& t : triggers) {
    if (t.form != Form::past || t.strength != Strength::weak) continue;
    const bool described = std::any_of(triggers.begin(), triggers.end(), [&](const Trigger& o) {
      return o.type == t.type && o.form == Form::noun && o.last < t.first && t.first - o.last <= 4 &&
             words[o.last].clause == words[t.first].clause;
    });
    if (described) t.form = Form::noun;
  }
}

// "اندلعت مظاهرات", "خرجت مظاهرة", "نظم الطلاب اعتصاما": a happening the clause says broke out,
// set off or was held, in the past, is reported as a past verb would report it.
void read_outbreaks_as_reports(std::vector<Trigger>& triggers, const std::vector<Word>& words) {
  static const WordList kOutbreaks{"اندلعت", "اندلع", "انطلقت", "انطلق", "خرجت", "جرت", "نظم", "نظمت", "نظموا"};
  for (auto& t : triggers) {
    if (t.form == Form::noun && said_just_before(t, words, kOutbreaks, 3)) t.form = Form::past;
  }
}

// A word written with ة at its end is a noun, never a verb with the pronoun ه, though the
// search form makes both end in ه. It is still read as its verb's trigger when it is the
// verbal noun of that shape — a hollow verb of forms IV and X (أدان → إدانة، أشاد → إشادة،
// أصاب → إصابة، استقال → استقالة) or a noun of form V / VI (تظاهر → تظاهرة): a stem in ا or
// ت. Other stems give other nouns: وزارة is no "زاره" (he visited him), طالبة / طلبة are
// students, صادرة "issued", عاقبة a consequence; فائدة (a benefit) is no "فأيّده".
bool verb_reading_of_a_noun_holds(const Word& w) {
  if (!w.ta_marbuta) return true;
  const std::string_view bare = without_conjunction(w.norm);
  return (bare.starts_with("ا") || bare.starts_with("ت")) && w.norm != "فايده";
}

}  // namespace

std::vector<Trigger> find_triggers(const std::vector<Word>& words) {
  std::vector<Trigger> out;
  std::vector<bool> covered(words.size(), false);
  std::vector<std::vector<std::string_view>> stems(words.size());
  std::vector<bool> may_hold(words.size(), false);  // the lexicon's filter, asked once a word
  for (std::size_t i = 0; i < words.size(); ++i) {
    may_hold[i] = detail::may_hold_a_stem(words[i].norm);
    if (may_hold[i]) detail::word_stems_unfiltered(words[i].norm, stems[i]);
  }
  const auto has_stem = [&](std::size_t i, std::string_view s) {
    return std::find(stems[i].begin(), stems[i].end(), s) != stems[i].end();
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (covered[i]) continue;  // inside a longer pattern already matched
    const detail::PhraseTrigger* best = nullptr;
    std::size_t best_last = 0;
    std::vector<const detail::PhraseTrigger*> starting;
    for (std::string_view stem : stems[i]) {
      const auto it = detail::phrases_by_first_word().find(stem);
      if (it != detail::phrases_by_first_word().end()) starting.insert(starting.end(), it->second.begin(), it->second.end());
    }
    for (const detail::PhraseTrigger* pattern : starting) {
      const auto& p = *pattern;
      std::size_t at = i;
      bool ok = true;
      for (std::size_t k = 1; k < p.words.size() && ok; ++k) {
        ok = false;
        for (std::size_t next = at + 1; next <= at + 1 + p.gap && next < words.size(); ++next) {
          if (has_stem(next, p.words[k])) {
            at = next;
            ok = true;
            break;
          }
        }
      }
      // The longer pattern wins: "وقف إطلاق النار" is a truce, not shooting.
      if (ok && (!best || p.words.size() > best->words.size())) {
        best = &p;
        best_last = at;
      }
    }
    if (best) {
      if (!best->idiom) out.push_back({best->type, i, best_last, best->form, best->strength, false});
      for (std::size_t k = i; k <= best_last; ++k) covered[k] = true;
    }
  }
  std::vector<detail::WordTrigger> readings;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (covered[i] || !may_hold[i]) continue;
    detail::match_word_unfiltered(words[i].norm, readings);
    for (const auto& r : readings) {
      if (r.form != Form::noun && !verb_reading_of_a_noun_holds(words[i])) continue;
      out.push_back({r.type, i, i, r.form, r.strength, r.future});
    }
  }
  std::sort(out.begin(), out.end(), [](const Trigger& a, const Trigger& b) { return a.first < b.first; });
  read_bare_forms_as_verbal_nouns(out, words);
  read_qama_bi_as_past(out, words);
  read_descriptions_of_nouns(out, words);
  read_outbreaks_as_reports(out, words);
  return out;
}

// Whether the قد at word `qad` follows a form of كان in its clause, a few words back: "وكان
// الرئيس الأمريكي قد تعهد".
bool past_perfect(const std::vector<Word>& words, std::size_t qad) {
  constexpr std::size_t kBack = 5;
  for (std::size_t k = qad; k > 0 && qad - k < kBack && words[k - 1].clause == words[qad].clause; --k) {
    if (in(words[k - 1].norm, {"كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "فكان", "فكانت"})) return true;
  }
  return false;
}

Mode mode_of(const Trigger& t, const std::vector<Word>& words) {
  const int clause = words[t.first].clause;
  const auto word_before = [&](std::size_t back) -> std::string_view {
    if (t.first < back || words[t.first - back].clause != clause) return {};
    return words[t.first - back].norm;
  };
  // Right before the trigger (one helper word may come between: "لم يتم الاتفاق").
  for (std::size_t back = 1; back <= 2; ++back) {
    const std::string_view w = word_before(back);
    if (w.empty()) break;
    if (in(w, {"لم", "لما", "لن", "لا", "ما", "ليس", "ليست", "غير", "عدم", "دون", "بدون", "بلا", "وعدم", "ولم", "ولن", "ولا", "فلم"})) {
      return Mode::negated;
    }
    // قد before a present verb is "may"; before a past verb it only stresses that it happened:
    // the trigger read as a past verb ("قد تظاهر", form VI), the helper "تم" / "تمت", or any
    // verb after "كان … قد" ("وكان قد تعهد"), the past perfect.
    const std::string_view next = words[t.first - back + 1].norm;
    const bool past_next = back == 1 ? t.form == Form::past : in(next, {"تم", "تمت"});
    if ((w == "قد" || w == "وقد") && (next.starts_with("ي") || next.starts_with("ت") || next.starts_with("ن")) &&
        !past_next && !past_perfect(words, t.first - back)) {
      return Mode::hypothetical;
    }
    if (in(w, {"سوف", "وسوف", "لو", "ولو", "اذا", "واذا"})) return Mode::hypothetical;
    if (back == 1 && !in(w, {"يتم", "تم", "جري", "يجري", "قد", "ان", "انه", "انها"})) break;
  }
  if (t.future) return Mode::hypothetical;
  // "على عقد الجولة", "لعقد اجتماع": holding a meeting as an aim, not a report of it.
  const auto holding_as_aim = [&](std::size_t at) {
    const std::string_view w = words[at].norm;
    return w == "لعقد" || (w == "عقد" && at > 0 && words[at - 1].clause == words[at].clause && in(words[at - 1].norm, {"علي", "الي"}));
  };
  if (t.type == EventType::CONSULT) {
    // The trigger itself ("على عقد اجتماع") or up to four words before it in its clause
    // ("لعقد جولة جديدة من المحادثات").
    for (std::size_t back = 0; back <= 4 && (back == 0 || !word_before(back).empty()); ++back) {
      if (holding_as_aim(t.first - back)) return Mode::hypothetical;
    }
  }
  // Further back in the clause: denials, plans, demands, threats and fears are not reports
  // of the happening itself.
  // Written as the news writes them; looked up with و/ف and a glued ب/ل ("بمحاولة", "لمنع").
  static const WordList kDenials{"نفى", "نفت", "ينفي", "تنفي", "نفوا"};
  static const WordList kNotYet{"يعتزم", "تعتزم", "ينوي", "تنوي", "المقرر", "المتوقع", "المنتظر", "المحتمل",
                                "يمكن", "يمكنهم", "يمكنها", "يمكننا", "يمكنك", "بإمكان", "بإمكانه", "بإمكانهم",
                                "يمكنه", "ربما", "يجب", "ينبغي", "مستعد", "مستعدة", "يهدد", "تهدد", "هدد",
                                "هددت", "دعا", "دعت", "يدعو", "تدعو", "ندعو", "حذر", "حذرت", "يخشى", "تخشى",
                                "خشية", "مخاوف", "منع", "يريد", "تريد", "أراد", "أرادت", "أرادوا", "يحاول",
                                "تحاول", "يحاولون", "يسعى", "تسعى", "محاولة", "محاولات", "محاولته", "محاولتها",
                                "محاولتي", "حاول", "حاولت", "بهدف", "تفادي", "تجنب", "قرر", "قررت", "تقرر",
                                "ستعقد", "سيعقد", "اقترح", "اقترحت", "بانتظار", "الدعوة", "عزم", "عزمه",
                                "عزمها", "عزمهم", "توقع", "يتوقع", "تتوقع", "لشن", "استعدادا", "تخطيط"};
  for (std::size_t back = 1; back <= 5; ++back) {
    const std::string_view w = word_before(back);
    if (w.empty()) break;
    if (kDenials.holds(w)) return Mode::negated;
    if (kNotYet.holds(w)) return Mode::hypothetical;
  }
  return Mode::asserted;
}

// "زلزال يضرب جنوب تركيا", "إصابة عدد من المشاركين بفيروس كورونا": a quake, a storm or a
// virus strikes and kills, but no one attacks. A natural force up to six words before an
// ASSAULT trigger or four after it, in its clause, makes it no event.
bool natural_force_near(const Trigger& t, const std::vector<Word>& words) {
  static const WordList kForces{"زلزال", "زلزالا", "الزلزال", "زلازل", "الزلازل", "هزة", "الهزة", "هزات", "الهزات", "فيضان",
                                "الفيضان", "فيضانات", "الفيضانات", "سيول", "السيول", "عاصفة", "العاصفة", "إعصار",
                                "الإعصار", "فيروس", "الفيروس", "كورونا", "وباء", "الوباء", "الجائحة", "صاعقة", "الصاعقة",
                                "انهيار"};
  const int clause = words[t.first].clause;
  const std::size_t from = t.first >= 6 ? t.first - 6 : 0, to = std::min(words.size(), t.last + 5);
  for (std::size_t i = from; i < to; ++i) {
    if (words[i].clause != clause || (i >= t.first && i <= t.last)) continue;
    std::string_view w = without_conjunction(words[i].norm);
    if (w.starts_with("ب") && w.size() > 6) w.remove_prefix(2);  // "بفيروس"
    if (kForces.contains(w)) return true;
  }
  return false;
}

namespace {

// "1998", "2017": four digits from 1900 on.
bool is_year(std::string_view bare) {
  return bare.size() == 4 && (bare.starts_with("19") || bare.starts_with("20")) &&
         bare.find_first_not_of("0123456789") == std::string_view::npos;
}

// Words that pin a report to a day or count what happened. A year ("في 2005", "هجمات 1998")
// and "الماضي" ("في مارس الماضي", "العام الماضي", "خلال الأيام الماضية") do not: today's
// report mentions what happened then as its background.
bool anchors_report(const Word& w) {
  // Written as the news writes them (a WordList puts them in search form: مئات → ميات).
  static const WordList kAnchors{"أمس", "اليوم", "الليلة", "ليل", "فجر", "صباح", "مساء", "ظهر", "السبت", "الأحد",
                                 "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "قتيل", "قتيلا", "قتلى",
                                 "جريح", "جريحا", "جرحى", "مصرع", "إصابة", "أصيب", "أصيبوا", "عشرات", "مئات",
                                 "آلاف", "آخرين", "أشخاص", "شخصا", "مدنيين", "جنود", "عناصر"};
  const std::string_view bare = without_conjunction(w.norm);
  if (!bare.empty() && bare.front() >= '0' && bare.front() <= '9') return !is_year(bare);
  return kAnchors.contains(bare);
}

// The trigger names a happening its clause only refers to, right after a word
//  - of time or cause: "بعد تفجير الخميس", "منذ اغتيال", "على خلفية", "في اليوم التالي
//    لمقتل", "الذكرى الثانية لاغتيال";
//  - of a count of them: "عدد الهجمات";
//  - of topic (what something concerns: "بخصوص", "فيما يتصل بخطف", "المتعلقة بالهجوم"), a
//    case, a crime, an inquiry, a charge or someone's part in it: "قضية خطف", "جريمة اغتيال",
//    "التحقيق في", "بتهمة التخطيط لهجوم", "المتهمين بالشغب", "للاشتباه في تورطهم في التفجيرات";
//  - that opens the relative clause it stands in, anywhere before it in its clause up to a
//    complement ("الجنود الذين قتلوا", "الاعتداء الذي وقع مطلع الأسبوع وأدى إلى مقتل …"; but
//    "قال المسؤول الذي رفض ذكر اسمه إن مسلحين قتلوا …" reports the killing), or a clause of
//    what came before ("بعدما فرقت الشرطة المتظاهرين");
//  - that fights it or makes it one side of something else: "مكافحة الشغب", "مواجهات بين
//    المتظاهرين والشرطة".
// The sentence reports the frame, not it.
bool is_referred_to(const Trigger& t, const std::vector<Word>& words) {
  // A meeting is the setting of what its clause reports ("قال خلال لقائه نظيره", "عقب
  // اجتماعه"): these do not make it a mere reference.
  static const WordList kSettings{"بعد", "إثر", "عقب", "خلال"};
  static const WordList kFrames{"منذ",   "قبل",    "جراء",  "بسبب",  "خلفية",
                                "حول",   "بشأن",   "قضية",  "جريمة", "ملف",     "التحقيق", "تحقيق", "طريقة", "وراء",
                                "تهمة",  "تهم",    "تنفيذ", "التخطيط",
                                "توجيه",  "مكافحة", "بين",    "ذكرى",  "الذكرى", "التالي", "بخصوص", "يتصل",  "يتعلق",
                                "تتعلق",  "المتعلقة", "المتعلق", "عدد",   "اتهام",  "اتهامات", "متهم",   "متهما",  "متهمين",
                                "متهمون", "المتهم", "المتهمين", "المتهمون"};
  static const WordList kInvolvement{"تورط", "ضلوع", "ضالع"};
  const int clause = words[t.first].clause;
  for (std::size_t back = 1; back <= 2 && back <= t.first; ++back) {
    const Word& w = words[t.first - back];
    if (w.clause != clause) break;
    if (kFrames.holds(w.norm) || (t.type != EventType::CONSULT && kSettings.holds(w.norm))) return true;
    // Involvement in it, whatever the affixes ("بتورطهم في", "الضالعين في", "بالضلوع في").
    if (kInvolvement.occurs_in(w.norm)) return true;
  }
  // A relative clause, or a clause of what came before ("بعدما"), runs on to the end of its
  // clause or to a complement.
  static const WordList kSubordinators{"الذي", "التي", "الذين", "اللذين", "اللتين", "بعدما"};
  static const WordList kComplements{"أن", "إن", "أنه", "إنه", "أنها", "إنها", "بأن"};
  for (std::size_t back = 1; back <= t.first; ++back) {
    const Word& w = words[t.first - back];
    if (w.clause != clause || kComplements.holds(w.norm)) break;
    if (kSubordinators.holds(w.norm)) return true;
  }
  return false;
}

// "أي ضربة", "كل هجوم": any one of the kind, not one that happened.
bool is_any_of_a_kind(const Trigger& t, const std::vector<Word>& words) {
  static const WordList kAny{"أي", "أية", "كل"};
  return said_just_before(t, words, kAny, 1);
}

// "قتل 76 صحافيا منذ الغزو": a count since a time is a toll of many happenings, not a report.
// Further off, منذ belongs to another phrase ("… هي الأولى من نوعها منذ العام 2003").
bool counts_since(const Trigger& t, const std::vector<Word>& words) {
  static const WordList kSince{"منذ"};
  for (std::size_t i = t.last + 1; i < words.size() && i <= t.last + 6 && words[i].clause == words[t.first].clause; ++i) {
    if (kSince.holds(words[i].norm)) return true;
  }
  return false;
}

// "في عام 2006 قتل 17 ألفا", "الشهر الماضي": a year named as a year, or last month or year,
// dates what the clause reports to another time; today's report tells it as background. A year
// inside a full date ("في 12 ديسمبر 2017") is only the date, a weekday ("الخميس الماضي") this
// week's news, and "منذ" compares ("الأعنف منذ العام الماضي", "الأولى منذ العام 2003").
bool dates_it_to_another_time(const Trigger& t, const std::vector<Word>& words) {
  static const WordList kYearWords{"عام", "العام", "سنة", "السنة", "عامي"};
  static const WordList kPeriods{"العام", "الشهر", "السنة"};
  static const WordList kLast{"الماضي", "الماضية"};
  static const WordList kSince{"منذ"};
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (words[i].clause != words[t.first].clause) continue;
    const std::string_view before = words[i - 1].norm;
    const bool year = is_year(without_conjunction(words[i].norm)) && kYearWords.holds(before);
    const bool last = kLast.holds(words[i].norm) && kPeriods.holds(before);
    if ((year || last) && !(i >= 2 && kSince.holds(words[i - 2].norm))) return true;
  }
  return false;
}

}  // namespace

bool is_specific(const Trigger& t, const std::vector<Word>& words) {
  if (is_referred_to(t, words) || is_any_of_a_kind(t, words) || counts_since(t, words)) return false;
  if (dates_it_to_another_time(t, words)) return false;
  if (t.form == Form::past) return true;
  // "تفجيرات 11 سبتمبر", "الهجمات على المدنيين": attacks in the plural are a series or a kind,
  // and an attack of the series that is reported has its own verb ("قتل 5 في هجمات"). Talks
  // (محادثات، مفاوضات) are one meeting in the plural, and protests in several towns one wave.
  const bool plural = t.first == t.last && without_conjunction(words[t.first].norm).ends_with("ات");
  if (plural && t.type == EventType::ASSAULT) return false;
  const int clause = words[t.first].clause;
  for (const auto& w : words) {
    if (w.clause == clause && anchors_report(w)) return true;
  }
  return false;
}

}  // namespace masar::events::detail
