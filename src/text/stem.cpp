#include "masar/text/stem.hpp"

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

bool starts_with(std::string_view w, std::string_view p) noexcept { return w.substr(0, p.size()) == p; }
bool ends_with(std::string_view w, std::string_view s) noexcept {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

// Normalized spellings (alef, ya, ta marbuta already folded).
constexpr std::string_view kWaw = "و";
// Definite-article compounds, longest first; a stem of at least 2 letters must remain.
constexpr std::string_view kArticles[] = {"وبال", "وكال", "فبال", "وال", "فال", "بال", "كال",
                                          "ولل", "فلل", "لل", "ال"};
// Single-letter proclitics, stripped only when what remains is a protected name (بسوريا).
constexpr std::string_view kSingleProclitics[] = {"و", "ف", "ب", "ل", "ك"};
// Suffixes, longest first; a stem of at least 3 letters must remain.
constexpr std::string_view kSuffixes[] = {"هما", "ها", "ان", "ات", "ون", "ين", "يه", "هم", "ه", "ي"};
constexpr std::size_t kMinStemAfterArticle = 2;
constexpr std::size_t kMinStemAfterSuffix = 3;
constexpr int kMaxSuffixRounds = 2;

std::string_view strip_proclitics_impl(std::string_view w) noexcept {
  if (lexicon::is_protected(w)) return w;
  for (std::string_view p : kArticles) {
    if (starts_with(w, p) && letters(w) - letters(p) >= kMinStemAfterArticle) return w.substr(p.size());
  }
  for (std::string_view p : kSingleProclitics) {
    if (starts_with(w, p) && lexicon::is_protected(w.substr(p.size()))) return w.substr(p.size());
  }
  // The conjunction و, unless the و is the first root letter (وزير, وفد, واشنطن).
  if (starts_with(w, kWaw) && letters(w) >= 4 && !lexicon::starts_with_root_waw(w)) {
    return w.substr(kWaw.size());
  }
  return w;
}

}  // namespace

bool is_protected_name(std::string_view normalized_word) noexcept {
  return lexicon::is_protected(normalized_word);
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
    bool stripped = false;
    for (std::string_view s : kSuffixes) {
      if (ends_with(w, s) && letters(w) - letters(s) >= kMinStemAfterSuffix) {
        w = w.substr(0, w.size() - s.size());
        stripped = true;
        break;
      }
    }
    if (!stripped || lexicon::is_protected(w)) break;  // الإيرانية -> ايران, not اير
  }
  return w;
}

}  // namespace masar::text
