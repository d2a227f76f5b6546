// The sentence coder: triggers (lexicon.hpp), their mode from the words before them, and
// their arguments from the entity mentions and generic actors around them.
#include "masar/events/coder.hpp"

#include <algorithm>
#include <array>

#include "events/sentence.hpp"
#include "lexicon.hpp"
#include "masar/cluster/series.hpp"
#include "masar/entities/states.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/tokenize.hpp"

namespace masar::events {
namespace {

using detail::Candidate;
using detail::Form;
using detail::Strength;
using detail::Word;
using detail::WordList;
using detail::coordinated;
using detail::in;
using detail::is_place;
using detail::names_talks;
using detail::without_conjunction;
using detail::words_of;

struct Trigger {
  EventType type;
  std::size_t first = 0, last = 0;  // word range
  Form form = Form::noun;
  Strength strength = Strength::strong;
  bool future = false;
};

// Multi-word patterns first; single words inside a matched pattern are not read again.
std::vector<Trigger> find_triggers(const std::vector<Word>& words) {
  std::vector<Trigger> out;
  std::vector<bool> covered(words.size(), false);
  std::vector<std::vector<std::string_view>> stems(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) detail::word_stems(words[i].norm, stems[i]);
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
      out.push_back({best->type, i, best_last, best->form, Strength::strong, false});
      for (std::size_t k = i; k <= best_last; ++k) covered[k] = true;
    }
  }
  std::vector<detail::WordTrigger> readings;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (covered[i]) continue;
    detail::match_word(words[i].norm, readings);
    for (const auto& r : readings) out.push_back({r.type, i, i, r.form, r.strength, r.future});
  }
  std::sort(out.begin(), out.end(), [](const Trigger& a, const Trigger& b) { return a.first < b.first; });
  return out;
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
    // قد before a present verb is "may"; before a past verb it only stresses that it happened.
    const std::string_view next = words[t.first - back + 1].norm;
    if ((w == "قد" || w == "وقد") && (next.starts_with("ي") || next.starts_with("ت") || next.starts_with("ن"))) {
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
  for (std::size_t back = 1; back <= 5; ++back) {
    const std::string_view w = without_conjunction(word_before(back));  // "وسيعقد"
    if (w.empty()) break;
    if (in(w, {"نفي", "نفت", "ينفي", "تنفي", "نفوا"})) return Mode::negated;
    if (in(w, {"يعتزم", "تعتزم", "ينوي", "تنوي", "المقرر", "المتوقع", "المنتظر", "المحتمل", "يمكن", "يمكنه", "ربما",
               "يجب", "ينبغي", "مستعد", "مستعده", "يهدد", "تهدد", "هدد", "هددت", "دعا", "دعت", "يدعو", "تدعو", "حذر",
               "حذرت", "يخشي", "تخشي", "خشيه", "مخاوف", "لمنع", "منع", "يريد", "تريد", "يسعي", "تسعي", "محاوله", "حاول",
               "حاولت", "بهدف", "لتفادي", "تجنب", "لتجنب", "قرر", "قررت", "تقرر", "ستعقد", "سيعقد", "اقترح", "اقترحت",
               "بانتظار", "الدعوه", "بالدعوه", "عزم", "عزمه", "عزمها", "عزمهم", "توقع", "يتوقع", "تتوقع"})) {
      return Mode::hypothetical;
    }
  }
  return Mode::asserted;
}

// Victims, actors that never act: after a verb they are its object ("قتل 5 مدنيين").
bool victim(std::string_view w) {
  static const WordList kVictims{"مدنيين", "المدنيين", "مدنيا", "أشخاص", "شخصا", "الأطفال", "أطفال", "شرطيين", "جنديا",
                                 "المصلين"};
  return kVictims.contains(without_conjunction(w));
}

// Actors that are not names: who protests, attacks, arrests (and who is struck: victims).
bool generic_actor(std::string_view w) {
  static const std::array<std::string_view, 46> kActors = {
      "الجيش", "جيش", "الشرطه", "شرطه", "القوات", "قوات", "مسلحون", "مسلحين", "المسلحون", "المسلحين", "المتظاهرون",
      "المتظاهرين", "متظاهرون", "متظاهرين", "المحتجون", "المحتجين", "محتجون", "محتجين", "الحكومه", "المعارضه",
      "المتمردون", "المتمردين", "الطلاب", "العمال", "انتحاري", "انتحاريه", "مجهولون", "مجهولين", "الامن", "الناس",
      "المواطنين", "مواطنين", "السلطات", "الوفود", "الوفد", "وفد", "الجنود", "جنود", "الاهالي", "المستوطنين",
      "متظاهر", "متظاهرا", "متظاهرو", "محتج", "محتجا", "الالاف"};
  const std::string_view bare = without_conjunction(w);
  return std::find(kActors.begin(), kActors.end(), bare) != kActors.end() || victim(w);
}

// Heads that stand for a state when its demonym follows (besides the generic actors).
bool state_organ(std::string_view w) {
  static const WordList kOrgans{"الجانب", "الخارجية", "الطيران", "الطائرات", "المقاتلات", "البحرية", "الدفاعات", "الرئاسة",
                                "الدبلوماسية", "البرلمان", "الاستخبارات", "المخابرات", "الدفاع", "الوفود", "الطرف",
                                "النظام", "الاحتلال", "السفارة", "الداخلية", "الوفدين", "الوفدان", "الجانبين", "الجانبان",
                                "الطرفين", "الطرفان", "الضامن"};
  return kOrgans.contains(without_conjunction(w));
}

std::vector<Candidate> candidates_of(const std::vector<Word>& words, const std::vector<entities::Mention>& mentions) {
  std::vector<Candidate> out;
  std::vector<bool> taken(words.size(), false), person(words.size(), false);
  for (std::size_t m = 0; m < mentions.size(); ++m) {
    const auto c = detail::mention_candidate(words, mentions, m);
    if (!c) continue;
    for (std::size_t i = c->first; i <= c->last; ++i) {
      taken[i] = true;
      person[i] = c->type == entities::EntityType::PER;
    }
    out.push_back(*c);
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (taken[i]) continue;
    const bool generic = generic_actor(words[i].norm);
    Candidate c;
    c.first = c.last = i;
    // "القوات الروسية", "الجانب التركي", "الخارجية الإيرانية": an organ of a state, named by its
    // demonym, acts for that state — unless a person's name follows, whose title it is ("وزير
    // الدفاع البريطاني غافين وليامسون").
    if ((generic || state_organ(words[i].norm)) && i + 1 < words.size() && !taken[i + 1] &&
        words[i + 1].clause == words[i].clause && !(i + 2 < words.size() && person[i + 2])) {
      if (const auto state = entities::state_of_demonym(words[i + 1].norm)) {
        c.state = std::string(*state);
        c.last = i + 1;
      }
    }
    if (!generic && !c.state) continue;
    c.victim = !c.state && victim(words[i].norm);
    out.push_back(std::move(c));
    i = out.back().last;
    // "الوفدين التركي والإيراني", "القوات الروسية والسورية": each demonym joined by و after
    // the first is one more state's organ, listed with it.
    while (out.back().state && i + 1 < words.size() && !taken[i + 1] && words[i + 1].clause == words[i].clause &&
           words[i + 1].norm.starts_with("و")) {
      const auto state = entities::state_of_demonym(without_conjunction(words[i + 1].norm));
      if (!state) break;
      Candidate next;
      next.first = next.last = ++i;
      next.state = std::string(*state);
      out.push_back(std::move(next));
    }
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
  return out;
}

// `joined`: the candidate follows another in a list, so its first letter is the و that joins
// them ("روسيا وتركيا") and is left out of the actor (with the marks or tatweel written on it).
Argument argument_of(const Candidate& c, const std::vector<Word>& words, std::string_view sentence, bool joined = false) {
  Argument a;
  a.span = {words[c.first].begin, words[c.last].end};
  if (c.clitics > 0) {
    a.span.begin += c.clitics;
  } else if (joined && !c.mention && sentence.substr(a.span.begin, 2) == "و") {  // a name: its clitics are c.clitics
    const std::size_t at = detail::after_marks(sentence.substr(0, a.span.end), a.span.begin + 2);  // و is two bytes
    if (at < a.span.end) a.span.begin = at;
  }
  a.text = std::string(sentence.substr(a.span.begin, a.span.end - a.span.begin));
  a.mention = c.mention;
  a.state = c.state;
  return a;
}

// "حول سوريا", "بشأن العراق": what is talked about; "بغياب وفد المعارضة": who stays away.
// Neither takes part.
bool is_topic_or_absent(const Candidate& c, const std::vector<Word>& words) {
  if (c.first == 0 || words[c.first - 1].clause != words[c.first].clause) return false;
  const std::string_view before = without_conjunction(words[c.first - 1].norm);
  if (in(before, {"حول", "بشان", "بخصوص", "حيال", "بغياب", "غياب", "مقاطعه", "بمقاطعه"})) return true;
  // "بغياب وفد الفصائل المعارضة": the absent party may follow the words for its delegation.
  for (std::size_t back = 2; back <= 3 && back <= c.first && words[c.first - back].clause == words[c.first].clause; ++back) {
    if (in(without_conjunction(words[c.first - back].norm), {"بغياب", "غياب"})) return true;
  }
  return false;
}

void fill_arguments(CodedEvent& e, const Trigger& t, const std::vector<Word>& words, const std::vector<Candidate>& all,
                    std::string_view sentence) {
  const int clause = words[t.first].clause;
  std::vector<Candidate> cs;
  std::optional<Candidate> place;
  std::optional<std::size_t> left_out_through;  // the rest of a list of places, topics or absentees
  for (std::size_t k = 0; k < all.size(); ++k) {
    const Candidate& c = all[k];
    if (words[c.first].clause != clause) continue;
    if (left_out_through && k <= *left_out_through) continue;
    if (is_place(c, words, e.type == EventType::CONSULT)) {
      if (!place) place = c;
      left_out_through = coordinated(all, k, words);  // "في غزة ولبنان": both are where
      continue;
    }
    if (names_talks(all, k, words)) continue;
    if (is_topic_or_absent(c, words)) {
      left_out_through = coordinated(all, k, words);
      continue;
    }
    cs.push_back(c);
  }
  // "انتهت في أستانا، الثلاثاء، الجولة 22 من الاجتماعات": with no place in its clause, the
  // event took place where the sentence's lead says — a first clause of a verb and where
  // (not "إلى" or "من" a place: "المبعوث الأممي إلى سوريا، …" is a title).
  std::size_t lead_words = 0;
  while (lead_words < words.size() && words[lead_words].clause == 0) ++lead_words;
  if (clause > 0 && lead_words <= 7) {
    for (std::size_t k = 0; !place && k < all.size() && all[k].first < lead_words; ++k) {
      const Candidate& c = all[k];
      if (c.first > 0 && !in(words[c.first - 1].norm, {"الي", "من"}) && is_place(c, words, e.type == EventType::CONSULT)) place = c;
    }
  }
  if (place) e.location = argument_of(*place, words, sentence);
  // The actors of a list, each without the و that joins it to the one before.
  const auto add_list = [&](std::vector<Argument>& to, const std::vector<Candidate>& from_list, std::size_t from) {
    const std::size_t last = coordinated(from_list, from, words);
    for (std::size_t k = from; k <= last; ++k) to.push_back(argument_of(from_list[k], words, sentence, k > from));
    return last;
  };
  const auto add_run = [&](std::vector<Argument>& to, std::size_t from) { return add_list(to, cs, from); };
  std::optional<std::size_t> before, after;
  for (std::size_t k = 0; k < cs.size(); ++k) {
    if (cs[k].last < t.first && t.first - cs[k].last <= 4 && !cs[k].victim) before = k;  // victims do not act
    if (cs[k].first > t.last && !after && cs[k].first - t.last <= 6) after = k;
  }
  // Participants of a meeting, named after بمشاركة / بحضور / برعاية / جمعت anywhere later in
  // the sentence: "… من المحادثات حول سوريا، بمشاركة وفود الدول الضامنة روسيا وتركيا وإيران".
  if (e.type == EventType::CONSULT) {
    for (std::size_t i = t.last + 1; i < words.size(); ++i) {
      if (!in(without_conjunction(words[i].norm),
              {"بمشاركه", "بحضور", "برعايه", "رعتها", "رعاها", "ترعاها", "يرعاها", "جمعت", "جمع", "ضمت", "حضرها"})) {
        continue;
      }
      for (std::size_t k = 0; k < all.size(); ++k) {
        if (all[k].first <= i || all[k].first > i + 8 || !all[k].mention || is_place(all[k], words)) continue;
        // "بمشاركة العراق ولبنان بصفة مراقبين": observers attend; they do not hold the talks.
        if (detail::observers(sentence, words[all[coordinated(all, k, words)].last].end)) break;
        add_list(e.sources, all, k);
        return;
      }
      break;
    }
  }
  if (before && (t.form != Form::noun || !after)) {
    // Subject first ("الجيش قتل …") or a noun whose agent comes before it.
    std::size_t first = *before;
    while (first > 0 && coordinated(cs, first - 1, words) >= *before) --first;
    add_run(e.sources, first);
    if (after) add_run(e.targets, *after);
    return;
  }
  if (!after) return;
  if (t.form == Form::noun) {
    // "اغتيال الحريري", "مظاهرة للمعارضة": the noun's complement.
    add_run(t.type == EventType::PROTEST ? e.sources : e.targets, *after);
    return;
  }
  // Verb first, subject after it (the usual Arabic order), then the object — unless the first
  // after it is a victim, its object with the subject left unsaid ("قتل 5 مدنيين بقصف"), or the
  // verb is passive ("أُصيب متظاهر": the spelling with ي is the passive of أصاب).
  // Whoever comes next did it ("برصاص الشرطة", "على يد مسلحين").
  if (cs[*after].victim || in(without_conjunction(words[t.first].norm), {"اصيب", "اصيبت", "اصيبوا", "يصاب", "تصاب"})) {
    const std::size_t last = add_run(e.targets, *after);
    if (last + 1 < cs.size() && cs[last + 1].first - cs[last].last <= 6 && !cs[last + 1].victim) add_run(e.sources, last + 1);
    return;
  }
  // "أدان البيان الهجمات على سوريا": who comes after على / ضد is what the act is against, never
  // who acts.
  const std::size_t first_after = cs[*after].first;
  if (first_after > 0 && in(without_conjunction(words[first_after - 1].norm), {"علي", "ضد"})) {
    add_run(e.targets, *after);
    return;
  }
  const std::size_t last = add_run(e.sources, *after);
  if (last + 1 < cs.size() && cs[last + 1].first - cs[last].last <= 6) add_run(e.targets, last + 1);
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

// The police, the army, the authorities face a protest; they do not hold it ("فرقت الشرطة
// المتظاهرين", "مظاهرات ضد الحكومة"). Found among the sources, they are its targets.
void security_forces_are_not_protesters(CodedEvent& e) {
  const auto is_force = [](const Argument& a) {
    if (a.mention) return false;
    if (a.state) return true;  // "القوات الإسرائيلية", "الشرطة التركية"
    const std::string normalized = text::normalize_for_search(a.text);
    return in(without_conjunction(normalized),
              {"الشرطه", "شرطه", "الامن", "الجيش", "جيش", "القوات", "قوات", "الحكومه", "السلطات", "الجنود", "جنود"});
  };
  std::vector<Argument> kept;
  for (auto& a : e.sources) (is_force(a) ? e.targets : kept).push_back(std::move(a));
  e.sources = std::move(kept);
}

// Words that pin a report to a day or count what happened.
bool anchors_report(const Word& w) {
  static const std::array<std::string_view, 36> kAnchors = {
      "امس", "اليوم", "الليله", "ليل", "فجر", "صباح", "مساء", "ظهر", "السبت", "الاحد", "الاثنين", "الثلاثاء",
      "الاربعاء", "الخميس", "الجمعه", "قتيل", "قتيلا", "قتلي", "جريح", "جريحا", "جرحي", "مصرع", "اصابه", "اصيب",
      "اصيبوا", "عشرات", "مئات", "الاف", "الماضي", "الماضيه", "اخرين", "اشخاص", "شخصا", "مدنيين", "جنود", "عناصر"};
  const std::string_view bare = without_conjunction(w.norm);
  if (!bare.empty() && bare.front() >= '0' && bare.front() <= '9') return true;
  return std::find(kAnchors.begin(), kAnchors.end(), bare) != kAnchors.end();
}

// The trigger names a happening its clause only refers to, right after a word
//  - of time or cause: "بعد تفجير الخميس", "منذ اغتيال", "على خلفية";
//  - of topic, a case, a crime, an inquiry or someone's part in it: "قضية خطف", "جريمة
//    اغتيال", "التحقيق في", "بتهمة التخطيط لهجوم", "للاشتباه في تورطهم في التفجيرات";
//  - that opens a relative clause: "الجنود الذين قتلوا";
//  - that fights it or makes it one side of something else: "مكافحة الشغب", "مواجهات بين
//    المتظاهرين والشرطة".
// The sentence reports the frame, not it.
bool is_referred_to(const Trigger& t, const std::vector<Word>& words) {
  // A meeting is the setting of what its clause reports ("قال خلال لقائه نظيره", "عقب
  // اجتماعه"): these do not make it a mere reference.
  static const WordList kSettings{"بعد", "إثر", "عقب", "خلال"};
  static const WordList kFrames{"منذ",   "قبل",    "جراء",  "بسبب",  "خلفية",
                                "حول",   "بشأن",   "قضية",  "جريمة", "ملف",     "التحقيق", "تحقيق", "طريقة", "وراء",
                                "الذي",  "التي",   "الذين", "اللذين", "اللتين", "تهمة",   "تهم",   "تنفيذ", "التخطيط",
                                "توجيه",  "مكافحة", "بين"};
  static const WordList kInvolvement{"تورط", "ضلوع", "ضالع"};
  const int clause = words[t.first].clause;
  for (std::size_t back = 1; back <= 2 && back <= t.first; ++back) {
    const Word& w = words[t.first - back];
    if (w.clause != clause) break;
    if (kFrames.holds(w.norm) || (t.type != EventType::CONSULT && kSettings.holds(w.norm))) return true;
    // Involvement in it, whatever the affixes ("بتورطهم في", "الضالعين في", "بالضلوع في").
    if (kInvolvement.occurs_in(w.norm)) return true;
  }
  return false;
}

// "أي ضربة", "كل هجوم": any one of the kind, not one that happened.
bool is_any_of_a_kind(const Trigger& t, const std::vector<Word>& words) {
  static const WordList kAny{"أي", "أية", "كل"};
  return t.first > 0 && words[t.first - 1].clause == words[t.first].clause && kAny.holds(words[t.first - 1].norm);
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

bool is_specific(const Trigger& t, const std::vector<Word>& words) {
  if (is_referred_to(t, words) || is_any_of_a_kind(t, words) || counts_since(t, words)) return false;
  if (t.form == Form::past) return true;
  const int clause = words[t.first].clause;
  for (const auto& w : words) {
    if (w.clause == clause && anchors_report(w)) return true;
  }
  return false;
}

// The first word of a numbered round that a word for talks belongs to: the round right before
// it ("الجولة الرابعة من محادثات أستانا", "«أستانا 9» من المحادثات"), right after it
// ("اجتماعات الجولة 17") or around it ("الاجتماع العشرين"), in the same clause.
std::optional<std::size_t> numbered_round_of(const Trigger& t, const std::vector<Word>& words,
                                             const std::vector<cluster::SeriesMention>& rounds) {
  for (const auto& r : rounds) {
    std::size_t first = words.size(), last = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (words[i].begin >= r.begin && words[i].end <= r.end) first = std::min(first, i), last = i;
    }
    if (first == words.size() || words[first].clause != words[t.first].clause || words[last].clause != words[t.first].clause) continue;
    const bool before = last < t.first && t.first - last <= 2;
    const bool after = first > t.last && first - t.last <= 1;
    const bool around = first <= t.last && last >= t.first;
    if (before || after || around) return first;
  }
  return std::nullopt;
}

}  // namespace

const char* type_name(EventType t) {
  static constexpr std::array<const char*, kEventTypeCount> kNames = {
      "CONSULT", "AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
      "MOBILIZE", "ASSAULT", "COERCE", "AID", "SANCTION", "RETREAT", "COOPERATE", "CONCEDE"};
  return kNames[static_cast<std::size_t>(t)];
}

bool parse_type(std::string_view text, EventType& out) {
  for (int i = 0; i < kEventTypeCount; ++i) {
    if (text == type_name(static_cast<EventType>(i))) {
      out = static_cast<EventType>(i);
      return true;
    }
  }
  return false;
}

const char* mode_name(Mode m) {
  switch (m) {
    case Mode::asserted: return "asserted";
    case Mode::negated: return "negated";
    case Mode::hypothetical: return "hypothetical";
  }
  return "asserted";
}

std::vector<CodedEvent> code_sentence(std::string_view sentence, const std::vector<entities::Mention>& mentions) {
  const std::vector<Word> words = words_of(sentence);
  const std::vector<Trigger> triggers = find_triggers(words);
  if (triggers.empty()) return {};
  const std::vector<Candidate> candidates = candidates_of(words, mentions);
  std::array<int, kEventTypeCount> per_type{};
  for (const auto& t : triggers) ++per_type[static_cast<std::size_t>(t.type)];
  std::vector<CodedEvent> out;
  std::optional<std::vector<cluster::SeriesMention>> rounds;  // looked for once, when first needed
  for (const auto& t : triggers) {
    if (t.strength == Strength::weak && per_type[static_cast<std::size_t>(t.type)] < 2) {
      // A weak word alone needs an actor right next to it.
      bool near = false;
      for (const auto& c : candidates) {
        near = near || (c.last < t.first && t.first - c.last <= 2) || (c.first > t.last && c.first - t.last <= 2);
      }
      if (!near) continue;
    }
    if (t.type == EventType::ASSAULT && natural_force_near(t, words)) continue;
    CodedEvent e;
    e.type = t.type;
    e.mode = mode_of(t, words);
    e.specific = is_specific(t, words);
    if (!e.specific && t.type == EventType::CONSULT && t.form == Form::noun) {
      // A numbered round is one meeting, whichever clause dates it. Its mode is read from
      // before the round too: "دعت إلى عقد الجولة السابعة من اجتماعات اللجنة" is a plan.
      if (!rounds) rounds = cluster::find_series(sentence);
      if (const auto first = numbered_round_of(t, words, *rounds)) {
        e.specific = true;
        Trigger from_round = t;
        from_round.first = *first;
        if (e.mode == Mode::asserted) e.mode = mode_of(from_round, words);
      }
    }
    e.trigger = {words[t.first].begin, words[t.last].end};
    auto same = std::find_if(out.begin(), out.end(), [&](const CodedEvent& o) { return o.type == t.type; });
    if (same != out.end()) {
      const auto rank = [](const CodedEvent& x) { return (x.mode == Mode::asserted ? 2 : 0) + (x.specific ? 1 : 0); };
      if (rank(*same) >= rank(e)) continue;
      out.erase(same);  // an asserted, specific report beats a negated, planned or generic one
    }
    fill_arguments(e, t, words, candidates, sentence);
    if (e.type == EventType::PROTEST) security_forces_are_not_protesters(e);
    if (e.type == EventType::PROTEST && e.sources.empty()) {
      // "خرج المتظاهرون": the word that names the protest names who protests.
      for (const auto& c : candidates) {
        if (c.first >= t.first && c.last <= t.last && !c.mention) e.sources.push_back(argument_of(c, words, sentence));
      }
    }
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const CodedEvent& a, const CodedEvent& b) { return a.trigger.begin < b.trigger.begin; });
  return out;
}

std::vector<Span> split_sentences(std::string_view text) {
  std::vector<Span> out;
  const auto tokens = text::tokenize(text);
  std::size_t start = tokens.empty() ? 0 : tokens[0].begin, first_token = 0;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const std::size_t gap_end = t + 1 < tokens.size() ? tokens[t + 1].begin : text.size();
    const std::string_view gap = text.substr(tokens[t].end, gap_end - tokens[t].end);
    const bool ends = gap.find_first_of(".!?\n") != std::string_view::npos || gap.find("؟") != std::string_view::npos;
    if (ends || t + 1 == tokens.size() || t + 1 - first_token >= 120) {
      std::size_t end = tokens[t].end;
      // Keep the closing mark (and a closing quote) with the sentence.
      while (end < gap_end && text[end] != '\n' && text[end] != ' ') ++end;
      out.push_back({start, end});
      start = gap_end;
      first_token = t + 1;
    }
  }
  return out;
}

}  // namespace masar::events
