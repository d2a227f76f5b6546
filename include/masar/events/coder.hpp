// Sentence-level event coding to PLOVER types: who did what to whom, in one sentence.
//
// A trigger lexicon written for Arabic news (verbs in their past and present stems, their
// verbal nouns, and a few multi-word patterns such as "أطلق النار" or "فرض عقوبات") finds the
// happenings; the words before a trigger decide its mode (لم / لن / عدم → negated; قد + present,
// سوف, من المقرر, يعتزم, دعا إلى → hypothetical); the entity mentions around it, and a short
// list of generic actors (الجيش، الشرطة، المتظاهرون…), give its source and target; a place
// after في gives its location. Pure functions over one sentence: the caller tags entities.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "masar/entities/mentions.hpp"

namespace masar::events {

enum class EventType {
  CONSULT, AGREE, SUPPORT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST,
  MOBILIZE, ASSAULT, COERCE, AID, SANCTION, RETREAT, COOPERATE, CONCEDE,
};
inline constexpr int kEventTypeCount = 16;
const char* type_name(EventType t);  // "CONSULT", ...
bool parse_type(std::string_view text, EventType& out);

enum class Mode { asserted, negated, hypothetical };
const char* mode_name(Mode m);  // "asserted", "negated", "hypothetical"

struct Span {
  std::size_t begin = 0, end = 0;  // bytes in the sentence
};

// An actor or place: the words as written, and the entity mention they come from (an index
// into the mentions given to code_sentence), or none for a generic actor ("الشرطة").
struct Argument {
  Span span;
  std::string text;
  std::optional<std::size_t> mention;
  // An organ of a state named by its demonym ("القوات الروسية", "الجانب التركي"): the state,
  // as news writes its name ("روسيا"; entities/states.hpp).
  std::optional<std::string> state;
};

struct CodedEvent {
  EventType type = EventType::CONSULT;
  Mode mode = Mode::asserted;
  // The sentence reports one particular happening, not the kind of thing in general ("الاغتيالات
  // السياسية تهدد البلاد"): the trigger is a verb in the past, or the clause dates it (أمس،
  // الخميس، فجر اليوم) or counts its people or victims.
  bool specific = false;
  Span trigger;
  // What the trigger word is: a verb in the past ("حذر", "تعهد") or the present ("يلتقي",
  // "سيزور"), or a noun ("اجتماع"), whatever the mode.
  enum class Form { past_verb, present_verb, noun } form = Form::noun;
  std::vector<Argument> sources, targets;
  std::optional<Argument> location;
  // The learned check's probability that the sentence reports an event of this type
  // (learned.hpp), for the types it covers; `specific` then says whether it reaches the
  // check's threshold.
  std::optional<double> probability;
};

class LearnedCheck;

// The events of one sentence, in trigger order; at most one per type (the first, preferring
// an asserted one). `mentions` are the entity mentions of this sentence, offsets into it. The
// built-in learned check (learned.hpp) decides `specific` for the types it covers.
std::vector<CodedEvent> code_sentence(std::string_view sentence, const std::vector<entities::Mention>& mentions = {});
// The same with another check, or with the rules alone when `check` is null.
std::vector<CodedEvent> code_sentence(std::string_view sentence, const std::vector<entities::Mention>& mentions,
                                      const LearnedCheck* check);

// Whether a text refers to states as a group: "الدول الضامنة", "الدول الثلاث", "الضامنين".
bool names_a_group(std::string_view text);

// The states a text refers to as a group ("الدول الضامنة", "الدول الثلاث", "الضامنين") and
// names elsewhere as a list: the first two or more LOC mentions joined by و that are not a
// place ("في شمال سوريا والعراق"). Empty when the text names no such group or no list.
// Indexes into `mentions` (offsets into `text`, in text order).
std::vector<std::size_t> named_group(std::string_view text, const std::vector<entities::Mention>& mentions);

// The words of a mention as written, without the proclitics its key leaves out ("وتركيا" →
// "تركيا", "لروسيا" → "روسيا"); the surface itself when the key does not follow them.
std::string as_written(const entities::Mention& m);

// Sentences of a text as byte ranges: ends at . ! ? ؟ or a line break (not inside a number),
// and long runs are cut at 120 words.
std::vector<Span> split_sentences(std::string_view text);

}  // namespace masar::events
