// The triggers of a sentence and what each says on its own: where it is, its type and form,
// the mode it is written in (asserted, negated, hypothetical), and whether it reports one
// particular happening. Internal to events/; the coder (coder.cpp) finds the actors around them.
#pragma once

#include <cstddef>
#include <vector>

#include "events/sentence.hpp"
#include "lexicon.hpp"
#include "masar/events/coder.hpp"

namespace masar::events::detail {

struct Trigger {
  EventType type;
  std::size_t first = 0, last = 0;  // word range
  Form form = Form::noun;
  Strength strength = Strength::strong;
  bool future = false;
};

// Multi-word patterns first; single words inside a matched pattern are not read again.
std::vector<Trigger> find_triggers(const std::vector<Word>& words);

// From the words before the trigger in its clause: "لم", "نفت" negate; "قد يـ", "سوف",
// "يعتزم", "دعا إلى" make it hypothetical.
Mode mode_of(const Trigger& t, const std::vector<Word>& words);

// "زلزال يضرب جنوب تركيا": a natural force near an ASSAULT trigger; no one attacks.
bool natural_force_near(const Trigger& t, const std::vector<Word>& words);

// The clause reports one particular happening (a past verb, a day, a toll), not talk of one
// the clause only refers to, any one of a kind, or a toll counted since a time.
bool is_specific(const Trigger& t, const std::vector<Word>& words);

}  // namespace masar::events::detail
