// Phrase tables of the in-document boilerplate rules (internal to extract/). The phrases are
// written in their display form; boilerplate_rules.cpp search-normalizes them once.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "masar/extract/boilerplate.hpp"

namespace masar::extract::detail {

enum PhraseFlags : std::uint8_t {
  kNone = 0,
  kFollow = 1,    // a follow-us verb (تابعونا): counts only next to a platform name or "our page"
  kWeak = 2,      // common in prose too: counts in a chain of phrases, never decides a line alone
  kGlued = 4,     // may be glued to the next word (تابعوناSputnik, الحقوق محفوظةل...)
};

struct Phrase {
  std::string_view text;
  Boilerplate kind;
  std::uint8_t lead_max;   // a line OPENING with the phrase is boilerplate up to this many words (0: never)
  std::uint8_t alone_max;  // a line holding the phrase ANYWHERE is boilerplate up to this many words (0: never)
  std::uint8_t flags = kNone;
};

std::span<const Phrase> phrases();
std::span<const std::string_view> social_networks();  // share bars: فيسبوك تويتر واتساب ...
std::span<const std::string_view> follow_context();   // صفحتنا، قناتنا، مواقع التواصل ...
std::span<const std::string_view> menu_words();       // menu bars: الرئيسية أخبار سياسة ...
std::span<const std::string_view> counter_words();    // "1432 مشاهدة"
std::span<const std::string_view> standalone_lines(); // whole-line furniture: بحث، القائمة، إعلان ...
std::span<const std::string_view> prose_openers();    // first words of sentences, never of headlines: وقال، كما ...

}  // namespace masar::extract::detail
