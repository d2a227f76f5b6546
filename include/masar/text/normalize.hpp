// Search normalization: lossy folding used only for matching, never for display.
#pragma once

#include <string>
#include <string_view>

namespace masar::text {

// Appends the search form of `text` (valid UTF-8) to `out`:
//  - diacritics, tatweel, zero-width and bidi controls removed;
//  - alef forms أ إ آ ٱ -> ا; ى -> ي; ة -> ه; ؤ -> و; ئ -> ي (hamza seats folded);
//  - Persian/Urdu letters ک -> ك, ی -> ي, ہ ۀ ە -> ه, گ -> ك ...;
//  - Arabic-Indic and Persian digits -> ASCII;
//  - presentation forms and ligatures (U+FB50-FDFF, U+FE70-FEFF) decomposed by ICU NFKC first;
//  - Latin lower-cased (ASCII fast path; others through ICU case folding).
void normalize_for_search(std::string_view text, std::string& out);
std::string normalize_for_search(std::string_view text);

// normalize_for_search(text) == normalized, found without folding all of a text that differs
// early (the folding is per character, so it is done piece by piece).
bool normalizes_to(std::string_view text, std::string_view normalized);

// ASCII digits for any Arabic-Indic/Persian digit, everything else unchanged. Not lossy for
// letters; used by date and number parsing.
std::string ascii_digits(std::string_view text);

}  // namespace masar::text
