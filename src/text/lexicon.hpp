// Word lists of the text core, written from general knowledge (not from any corpus).
// Entries are written as people spell them; lookups compare search-normalized forms.
#pragma once

#include <string_view>

namespace masar::text::lexicon {

// Proper nouns the stemmer must leave whole: countries, capitals and cities, leaders,
// envoys, organisations. Without it, light stemming cuts أستانا -> استا, لبنان -> لبن.
bool is_protected(std::string_view normalized) noexcept;

// True when the normalized word is listed as it is written (سوريا، العراق), not only protected
// as the bare form of a name listed with the article (عراق).
bool is_listed_name(std::string_view normalized) noexcept;

// The listed form of a name listed with the article, given its bare form (عراق -> العراق,
// اسد -> الاسد), or empty; empty too when the bare form is listed itself (باب of باب الهوى).
std::string_view name_with_article(std::string_view bare) noexcept;

// Arabic function words dropped by the "stopwords" stage.
bool is_stopword(std::string_view normalized) noexcept;

// The usual spelling of a transliterated name written another way (استانه -> استانا,
// لافرينتييف -> لافرنتييف), or empty. Input and output are search-normalized.
std::string_view canonical_spelling(std::string_view normalized) noexcept;

// Words whose initial و is a root letter, not the conjunction (وزير, وفد, واشنطن ...).
bool starts_with_root_waw(std::string_view normalized) noexcept;

}  // namespace masar::text::lexicon
