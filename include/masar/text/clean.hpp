// Display cleaning: text meant to be shown to people, with the noise of web pages undone
// but nothing lossy (no diacritic or letter-form folding; that is normalize.hpp's job).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace masar::text {

struct CleanStats {
  std::size_t words_rejoined = 0;       // خلافـ.ـات -> خلافات
  std::size_t invisibles_removed = 0;   // zero-width and bidi controls
  std::size_t tatweels_removed = 0;     // decorative kashida
  std::size_t elongations_reduced = 0;  // وجيييه -> وجيه
  std::size_t spaces_fixed = 0;         // " ." -> "."
};

// Cleans one line or paragraph (newlines are kept as they are). Input must be valid UTF-8.
// Rules, in this order, each a pure function over the buffer:
//  1. rejoin words broken to dodge filters: an Arabic letter, optional tatweels, one or more
//     marks (. , - _ zero-width ...), optional tatweels, an Arabic letter -> the two letters
//     joined, when a tatweel is present on at least one side or the mark is invisible;
//  2. strip zero-width and bidi control characters;
//  3. remove tatweel;
//  4. reduce a letter repeated 3+ times inside an Arabic word to one (Arabic has no
//     triple letters);
//  5. spacing: no space before . , ، ؛ : ! ? ؟ ) and after (, runs of spaces collapsed.
std::string clean_for_display(std::string_view text, CleanStats* stats = nullptr);

// The individual rules, exposed for tests and for the analyzer.
std::string rejoin_broken_words(std::string_view text, CleanStats* stats = nullptr);
std::string strip_bidi_controls(std::string_view text, CleanStats* stats = nullptr);
std::string strip_invisibles(std::string_view text, CleanStats* stats = nullptr);
std::string remove_tatweel(std::string_view text, CleanStats* stats = nullptr);
std::string reduce_elongation(std::string_view text, CleanStats* stats = nullptr);
std::string fix_punctuation_spacing(std::string_view text, CleanStats* stats = nullptr);

}  // namespace masar::text
