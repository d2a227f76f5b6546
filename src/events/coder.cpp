// The sentence coder: triggers (lexicon.hpp), their mode from the words before them, and
// their arguments from the entity mentions and generic actors around them.
#include "masar/events/coder.hpp"
#include "masar/events/learned.hpp"

#include <algorithm>
#include <array>

#include "events/sentence.hpp"
#include "events/triggers.hpp"
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
using detail::Trigger;
using detail::find_triggers;
using detail::mode_of;
using detail::is_specific;
using detail::natural_force_near;


// Victims, actors that never act: after a verb they are its object ("قتل 5 مدنيين").
bool victim(std::string_view w) {
  static const WordList kVictims{"مدنيين", "المدنيين", "مدنيا", "أشخاص", "شخصا", "الأطفال", "أطفال", "شرطيين", "جنديا",
                                 "المصلين"};
  return kVictims.contains(without_conjunction(w));
}

// Actors that are not names: who protests, attacks, arrests (and who is struck: victims).
bool generic_actor(std::string_view w) {
  static const WordList kActors = {
      "الجيش", "جيش", "الشرطه", "شرطه", "القوات", "قوات", "مسلحون", "مسلحين", "المسلحون", "المسلحين", "المتظاهرون",
      "المتظاهرين", "متظاهرون", "متظاهرين", "المحتجون", "المحتجين", "محتجون", "محتجين", "الحكومه", "المعارضه",
      "المتمردون", "المتمردين", "الطلاب", "العمال", "انتحاري", "انتحاريه", "مجهولون", "مجهولين", "الامن", "الناس",
      "المواطنين", "مواطنين", "السلطات", "الوفود", "الوفد", "وفد", "الجنود", "جنود", "الاهالي", "المستوطنين",
      "متظاهر", "متظاهرا", "متظاهرو", "محتج", "محتجا", "الالاف"};
  const std::string_view bare = without_conjunction(w);
  return kActors.contains(bare) || victim(w);
}

// Heads that stand for a state when its demonym follows (besides the generic actors).
bool state_organ(std::string_view w) {
  static const WordList kOrgans{"الجانب", "الخارجية", "الطيران", "الطائرات", "المقاتلات", "البحرية", "الدفاعات", "الرئاسة",
                                "الدبلوماسية", "البرلمان", "الاستخبارات", "المخابرات", "الدفاع", "الوفود", "الطرف",
                                "النظام", "الاحتلال", "السفارة", "الداخلية", "الوفدين", "الوفدان", "الجانبين", "الجانبان",
                                "الطرفين", "الطرفان", "الضامن"};
  return kOrgans.contains(without_conjunction(w));
}

// "مايك بومبيو وزير الخارجية الأمريكي", "زاخاروفا المتحدثة باسم الخارجية الروسية": the words
// before word `i` are a title that follows a person's name, so what `i` starts is that title's.
bool in_a_persons_title(const std::vector<Word>& words, const std::vector<bool>& person, std::size_t i) {
  static const WordList kTitles{"وزير", "وزيرة", "نائب", "مساعد", "سفير", "سفيرة", "رئيس", "رئيسة", "مدير", "مديرة",
                                "قائد", "مندوب", "مندوبة", "مبعوث", "باسم", "المتحدث", "المتحدثة", "الناطق", "الناطقة"};
  constexpr std::size_t kLongestTitle = 3;  // "المتحدثة باسم" and a word more
  std::size_t at = i;
  while (at > 0 && i - at < kLongestTitle && kTitles.contains(words[at - 1].norm)) --at;
  return at < i && at > 0 && person[at - 1];
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
    if (taken[i] || in_a_persons_title(words, person, i)) continue;
    const auto joins = [&](std::size_t j) {  // word j may continue the phrase that ends before it
      return j < words.size() && !taken[j] && words[j].clause == words[i].clause && !victim(words[j].norm);
    };
    const auto definite = [&](std::size_t j) { return without_conjunction(words[j].norm).starts_with("ال"); };
    // "قوات الأمن", "رجال الشرطة", "عناصر الجيش": a head before the force it belongs to.
    static const WordList kHeads{"رجال", "أفراد", "عناصر", "قوات", "قوة"};
    const bool headed = kHeads.contains(without_conjunction(words[i].norm)) && !definite(i) && joins(i + 1) &&
                        definite(i + 1) && generic_actor(words[i + 1].norm);
    const bool generic = headed || generic_actor(words[i].norm);
    Candidate c;
    c.first = c.last = i;
    if (headed) c.last = i + 1;
    // "مسلحون مجهولون", "المسلحين الملثمين": the adjective that tells who they are, agreeing in
    // definiteness (two nouns in a row are subject and object: "فرقت الشرطة المتظاهرين").
    static const WordList kDescribing{"مجهولون", "مجهولين", "ملثمون", "ملثمين", "مسلحون", "مسلحين"};
    while (generic && joins(c.last + 1) && definite(c.last + 1) == definite(i)) {
      std::string_view w = words[c.last + 1].norm;
      if (definite(c.last + 1)) w.remove_prefix(std::string_view("ال").size());
      if (!kDescribing.contains(w)) break;
      ++c.last;
    }
    const std::size_t next = c.last + 1;
    if ((generic || state_organ(words[i].norm)) && next < words.size() && !taken[next] &&
        words[next].clause == words[i].clause && !(next + 1 < words.size() && person[next + 1])) {
      if (const auto state = entities::state_of_demonym(words[next].norm)) {
        c.state = std::string(*state);
        c.last = next;
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
  // Who a meeting or a deal is with ("مع نظيره التركي مولود جاويش أوغلو") is its other party,
  // however far the sentence carries it from the subject.
  const auto add_partner = [&] {
    if (!e.targets.empty() || (e.type != EventType::CONSULT && e.type != EventType::AGREE && e.type != EventType::COOPERATE)) return;
    for (std::size_t i = t.last + 1; i < words.size() && words[i].clause == clause; ++i) {
      if (without_conjunction(words[i].norm) != "مع") continue;
      for (std::size_t k = 0; k < cs.size(); ++k) {
        if (cs[k].first <= i || cs[k].first > i + 3) continue;
        const bool already = std::any_of(e.sources.begin(), e.sources.end(), [&](const Argument& a) {
          return a.span.begin == words[cs[k].first].begin || (cs[k].mention && a.mention == cs[k].mention);
        });
        if (!already) add_run(e.targets, k);
        return;
      }
      // "مع نظيره الأمريكي" with no name: the counterpart's state.
      if (i + 2 < words.size() && words[i + 2].clause == clause &&
          in(words[i + 1].norm, {"نظيره", "نظيرته", "نظيرها", "نظيرتها", "نظيريه", "نظرائه"})) {
        if (const auto state = entities::state_of_demonym(words[i + 2].norm)) {
          Candidate counterpart;
          counterpart.first = i + 1;
          counterpart.last = i + 2;
          counterpart.state = std::string(*state);
          e.targets.push_back(argument_of(counterpart, words, sentence));
        }
      }
      return;
    }
  };
  if (before && (t.form != Form::noun || !after)) {
    // Subject first ("الجيش قتل …") or a noun whose agent comes before it.
    std::size_t first = *before;
    while (first > 0 && coordinated(cs, first - 1, words) >= *before) --first;
    add_run(e.sources, first);
    if (after) add_run(e.targets, *after);
    add_partner();
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
  add_partner();
}


// A generic actor's word in search form, without و/ف and the article ("والمتظاهرين" → "متظاهرين");
// of a phrase ("عناصر الشرطة", "مسلحون مجهولون"), the word `at` (0 the head, 1 the next).
std::string bare_word(const Argument& a, std::size_t at = 0) {
  const std::string normalized = text::normalize_for_search(a.text);
  std::string_view w = without_conjunction(normalized);
  for (std::size_t k = 0; k < at; ++k) {
    const std::size_t space = w.find(' ');
    if (space == std::string_view::npos) return {};
    w.remove_prefix(space + 1);
  }
  w = w.substr(0, w.find(' '));
  if (w.starts_with("ال")) w.remove_prefix(std::string_view("ال").size());
  return std::string(w);
}

// A word for protesters, not a name ("المتظاهرون", "ومحتجين").
bool is_protester(const Argument& a) {
  if (a.mention) return false;
  const std::string w = bare_word(a);
  return w.starts_with("متظاهر") || w.starts_with("محتج") || w.starts_with("معتصم");
}

// The police, the army, the authorities face a protest; they do not hold it ("فرقت الشرطة
// المتظاهرين", "مظاهرات ضد الحكومة"). Found among the sources, they are its targets; protesters
// found among the targets ("فرقت الشرطة تجمع المتظاهرين") are its sources.
void put_protest_sides_right(CodedEvent& e) {
  const auto is_force = [](const Argument& a) {
    if (a.mention) return false;
    if (a.state) return true;  // "القوات الإسرائيلية", "الشرطة التركية"
    const auto force = [](const std::string& w) { return in(w, {"شرطه", "امن", "جيش", "قوات", "حكومه", "سلطات", "جنود"}); };
    return force(bare_word(a)) || force(bare_word(a, 1));  // "عناصر الشرطة"
  };
  std::vector<Argument> sources, targets;
  for (auto& a : e.sources) (is_force(a) ? targets : sources).push_back(std::move(a));
  for (auto& a : e.targets) (is_protester(a) ? sources : targets).push_back(std::move(a));
  e.sources = std::move(sources);
  e.targets = std::move(targets);
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
  return code_sentence(sentence, mentions, LearnedCheck::builtin());
}

std::vector<CodedEvent> code_sentence(std::string_view sentence, const std::vector<entities::Mention>& mentions,
                                      const LearnedCheck* check) {
  const std::vector<Word> words = words_of(sentence);
  const std::vector<Trigger> triggers = find_triggers(words);
  if (triggers.empty()) return {};
  const std::vector<Candidate> candidates = candidates_of(words, mentions);
  // Words of each type, not readings: "دعما" read as verb and as noun is one word.
  std::array<int, kEventTypeCount> per_type{};
  for (std::size_t k = 0; k < triggers.size(); ++k) {
    const auto& t = triggers[k];
    const auto earlier = triggers.begin() + static_cast<std::ptrdiff_t>(k);
    const bool read_before =
        std::any_of(triggers.begin(), earlier, [&](const Trigger& o) { return o.type == t.type && o.first == t.first; });
    if (!read_before) ++per_type[static_cast<std::size_t>(t.type)];
  }
  std::vector<CodedEvent> out;
  std::optional<std::vector<cluster::SeriesMention>> rounds;  // looked for once, when first needed
  for (const auto& t : triggers) {
    // A companion only makes the words of its type around it count ("تجمع المتظاهرون"); it
    // reports nothing itself: "اعتقلت الشرطة المتظاهرين بعد المظاهرة" reports no protest.
    if (t.strength == Strength::companion) continue;
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
    e.form = t.form == Form::past ? CodedEvent::Form::past_verb : t.form == Form::present ? CodedEvent::Form::present_verb : CodedEvent::Form::noun;
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
    if (e.type == EventType::PROTEST) put_protest_sides_right(e);
    if (e.type == EventType::PROTEST && e.sources.empty()) {
      // "خرج المتظاهرون": the word that names the protest names who protests; so do the
      // protesters of the sentence ("قطع متظاهرون غاضبون الطريق", "ورددوا هتافات").
      for (const auto& c : candidates) {
        if (c.first >= t.first && c.last <= t.last && !c.mention) e.sources.push_back(argument_of(c, words, sentence));
      }
      for (const auto& c : candidates) {
        if (!e.sources.empty()) break;
        if (c.mention || (c.first >= t.first && c.last <= t.last)) continue;
        Argument a = argument_of(c, words, sentence);
        if (is_protester(a)) e.sources.push_back(std::move(a));
      }
    }
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const CodedEvent& a, const CodedEvent& b) { return a.trigger.begin < b.trigger.begin; });
  if (check) apply_check(sentence, out, *check);
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
