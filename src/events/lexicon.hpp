// The trigger lexicon of the event coder and the light morphology that matches it: a word in
// search form is taken apart into conjunction (و ف), future/imperfect prefix or preposition and
// article, stem, and suffix, and the stem is looked up among the past stems, present stems and
// verbal nouns of the lexicon.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "masar/events/coder.hpp"

namespace masar::events::detail {

enum class Form : std::uint8_t { past, present, noun };

// How much one word says on its own. `strong`: the word names the happening ("اغتال",
// "مظاهرة"). `weak`: it often means something else too ("ضرب" beat / struck a deal, "مسيرة"
// march / career) and counts only with an actor next to it or a second trigger of its type.
// `companion`: it reports nothing itself, but counts as a second word of its type for a weak
// word ("تجمع المتظاهرون"). Alone, or next to an actor, it reports nothing ("المتظاهرين": the
// police disperse them, courts try them, the dead are counted among them).
enum class Strength : std::uint8_t { strong, weak, companion };

struct WordTrigger {
  EventType type;
  Form form;
  Strength strength;
  bool future = false;  // the word carried the future prefix س
};

// Every reading of `normalized` (one word in search form) as a trigger.
void match_word(std::string_view normalized, std::vector<WordTrigger>& out);

// Multi-word patterns: each word of the pattern matches a word of the sentence whose stem
// (after conjunction, preposition, article and suffix) equals it; `gap` words may come between.
struct PhraseTrigger {
  EventType type;
  std::vector<std::string> words;  // stems in search form
  int gap = 0;
  Form form = Form::noun;  // Form::past when the first word is a verb in the past ("فجر نفسه")
  Strength strength = Strength::strong;
  // A fixed expression whose words are no trigger at all ("ضرب مثلا", gave an example): the
  // pattern covers them and reports nothing.
  bool idiom = false;
};
const std::vector<PhraseTrigger>& phrase_triggers();
// The patterns by their first word, so a sentence word is compared only with the patterns that
// can start with it.
const std::unordered_map<std::string_view, std::vector<const PhraseTrigger*>>& phrases_by_first_word();

// The stem readings of a word, for the phrase matcher: the word itself, without conjunction,
// preposition and article, and without the common suffixes (only pieces that may be a stem or
// a pattern's word, piece_may_be_a_stem).
void word_stems(std::string_view normalized, std::vector<std::string_view>& out);

// Every stem of the word table (for tests: the lexicon must be written in search form).
std::vector<std::string_view> lexicon_stems();

// The same two without the word filter that passes over words holding no piece of a known
// stem (for tests: filtered and unfiltered must agree on every word; both still skip single
// pieces by piece_may_be_a_stem), and that filter itself, for a caller that asks both of one
// word: a word it passes over has no stem and no reading.
void match_word_unfiltered(std::string_view normalized, std::vector<WordTrigger>& out);
void word_stems_unfiltered(std::string_view normalized, std::vector<std::string_view>& out);
bool may_hold_a_stem(std::string_view normalized);
// Whether a piece of a word may be a stem of the word table (or one in ه without it) or a word
// of a pattern: false only for pieces that are none, so the lookups skip them unhashed.
bool piece_may_be_a_stem(std::string_view piece);

}  // namespace masar::events::detail
