#include "masar/text/stem.hpp"

#include <cstdint>

#include "lexicon.hpp"

namespace masar::text {
namespace {

// All letters the stemmer looks at are in U+0600-U+06FF: two UTF-8 bytes each.
constexpr std::size_t kLetter = 2;

bool is_pure_arabic(std::string_view w) noexcept {
  if (w.size() % kLetter != 0) return false;
  for (std::size_t i = 0; i < w.size(); i += kLetter) {
    const auto b = static_cast<unsigned char>(w[i]);
    if (b < 0xD8 || b > 0xDB) return false;
  }
  return true;
}

std::size_t letters(std::string_view w) noexcept { return w.size() / kLetter; }

// A letter as its two UTF-8 bytes packed in 16 bits; affix checks compare these directly.
constexpr std::uint16_t L(char32_t cp) noexcept {
  return static_cast<std::uint16_t>(((0xC0u | (cp >> 6)) << 8) | (0x80u | (cp & 0x3Fu)));
}
inline std::uint16_t letter_at(std::string_view w, std::size_t i) noexcept {
  return static_cast<std::uint16_t>((static_cast<unsigned char>(w[2 * i]) << 8) | static_cast<unsigned char>(w[2 * i + 1]));
}

constexpr std::uint16_t kAlef = L(0x0627), kLam = L(0x0644), kWaw = L(0x0648), kFa = L(0x0641),
                        kBa = L(0x0628), kKaf = L(0x0643), kHa = L(0x0647), kYa = L(0x064A),
                        kNun = L(0x0646), kTa = L(0x062A), kMim = L(0x0645);

constexpr std::size_t kMinStemAfterArticle = 2;
constexpr std::size_t kMinStemAfterSuffix = 3;
constexpr int kMaxSuffixRounds = 2;

// Letters of the definite-article compound at the start of `w` (وبال وكال فبال وال فال بال
// كال ولل فلل لل ال), or 0.
std::size_t article_length(std::string_view w) noexcept {
  const std::size_t n = letters(w);
  auto at = [&](std::size_t i) { return i < n ? letter_at(w, i) : std::uint16_t{0}; };
  auto article_at = [&](std::size_t i) { return at(i) == kAlef && at(i + 1) == kLam; };
  const std::uint16_t l0 = at(0), l1 = at(1);
  if (l0 == kWaw || l0 == kFa) {
    if ((l1 == kBa || l1 == kKaf) && article_at(2)) return 4;
    if (article_at(1)) return 3;
    if (l1 == kLam && at(2) == kLam) return 3;
    return 0;
  }
  if ((l0 == kBa || l0 == kKaf) && article_at(1)) return 3;
  if (l0 == kLam && l1 == kLam) return 2;
  if (article_at(0)) return 2;
  return 0;
}

// Letters of the longest suffix of `w` (هما ها ان ات ون ين يه هم ه ي), or 0.
std::size_t suffix_length(std::string_view w) noexcept {
  const std::size_t n = letters(w);
  if (n < 2) return 0;
  const std::uint16_t last = letter_at(w, n - 1), before = letter_at(w, n - 2);
  if (last == kAlef) {
    if (before == kMim && n >= 3 && letter_at(w, n - 3) == kHa) return 3;
    return before == kHa ? 2 : 0;
  }
  if (last == kNun) return before == kAlef || before == kWaw || before == kYa ? 2 : 0;
  if (last == kTa) return before == kAlef ? 2 : 0;
  if (last == kHa) return before == kYa ? 2 : 1;
  if (last == kMim) return before == kHa ? 2 : 0;
  if (last == kYa) return 1;
  return 0;
}

std::string_view strip_proclitics_impl(std::string_view w) noexcept {
  if (lexicon::is_protected(w)) return w;
  const std::size_t article = article_length(w);
  // "لل" before a listed name beginning with ل is the preposition alone (للبنان، وللندن).
  if (article > 0 && letter_at(w, article - 1) == kLam && letter_at(w, article - 2) == kLam &&
      lexicon::is_listed_name(w.substr((article - 1) * kLetter))) {
    return w.substr((article - 1) * kLetter);
  }
  if (article > 0 && letters(w) - article >= kMinStemAfterArticle) return w.substr(article * kLetter);
  const std::uint16_t first = letter_at(w, 0);
  // Single-letter proclitics, stripped only when what remains is a name listed as written
  // (بسوريا). A name listed with the article is written with it after a proclitic (فالأسد):
  // its bare form licenses nothing (فاسد, كباب).
  if ((first == kWaw || first == kFa || first == kBa || first == kLam || first == kKaf) &&
      lexicon::is_listed_name(w.substr(kLetter))) {
    return w.substr(kLetter);
  }
  // The conjunction و, unless the و is the first root letter (وزير, وفد, واشنطن).
  if (first == kWaw && letters(w) >= 4 && !lexicon::starts_with_root_waw(w)) return w.substr(kLetter);
  return w;
}

}  // namespace

bool is_protected_name(std::string_view normalized_word) noexcept {
  return lexicon::is_protected(normalized_word);
}

std::size_t definite_article_letters(std::string_view word) noexcept {
  if (!is_pure_arabic(word)) return 0;
  const std::size_t article = article_length(word);
  return article > 0 && letters(word) - article >= kMinStemAfterArticle ? article : 0;
}

std::string_view strip_proclitics(std::string_view word) noexcept {
  if (!is_pure_arabic(word) || letters(word) < 3) return word;
  return strip_proclitics_impl(word);
}

std::string_view stem_arabic(std::string_view word) noexcept {
  if (!is_pure_arabic(word) || letters(word) < 3) return word;
  std::string_view w = strip_proclitics_impl(word);
  if (lexicon::is_protected(w)) return w;
  for (int round = 0; round < kMaxSuffixRounds; ++round) {
    const std::size_t suffix = suffix_length(w);
    std::size_t strip = 0;
    // Longest suffix first, falling back to its one-letter tail (ـيه -> ـه) under the guard.
    if (suffix > 0 && letters(w) - suffix >= kMinStemAfterSuffix) strip = suffix;
    else if (suffix > 1 && letters(w) - 1 >= kMinStemAfterSuffix && (letter_at(w, letters(w) - 1) == kHa || letter_at(w, letters(w) - 1) == kYa)) strip = 1;
    if (strip == 0) break;
    // A second round only after a pronoun (سياساتها -> سياسات -> سياس) or a plural that can
    // hide a nisba (السوريين -> سوري -> سور); after ة or ـات the stem is reached (مدينة).
    const std::uint16_t first_of_suffix = letter_at(w, letters(w) - strip);
    const bool may_continue = strip >= 2 && (first_of_suffix == kHa || first_of_suffix == kYa || first_of_suffix == kWaw);
    w = w.substr(0, w.size() - strip * kLetter);
    if (lexicon::is_protected(w) || !may_continue) break;  // الإيرانية -> ايران, not اير
  }
  return w;
}

}  // namespace masar::text
