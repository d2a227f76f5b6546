// A light Arabic stemmer: strips proclitics and suffixes with length guards, and leaves
// protected proper nouns (countries, capitals, leaders, organisations) whole.
#pragma once

#include <string_view>

namespace masar::text {

// `word` must already be search-normalized (normalize.hpp). Returns a view into `word`:
// the stem is always a contiguous slice of the input.
std::string_view stem_arabic(std::string_view word) noexcept;

// Proclitic stripping only (و ف ب ك ل ال لل وال بال كال فال ...), with the same length guard
// and protected names. Used by entity matching, where suffixes carry meaning.
std::string_view strip_proclitics(std::string_view word) noexcept;

// True when the normalized word (without clitics) is a protected proper noun.
bool is_protected_name(std::string_view normalized_word) noexcept;

// Letters of the definite-article compound a normalized word begins with (ال، وال، بال، وبال،
// لل، ولل …) when at least two letters follow it, as proclitic stripping reads it; else 0.
std::size_t definite_article_letters(std::string_view normalized_word) noexcept;

}  // namespace masar::text
