// The analysis chain: tokenizer followed by named token filters. The same Analyzer object
// analyzes documents at index time and queries at query time.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "masar/error.hpp"
#include "masar/text/tokenize.hpp"

namespace masar::text {

// The version of what Analyzer::standard() makes of a text. Bump it with every change that
// gives some text other terms: a database records the version its full-text index was built
// with, and a writer opening it re-indexes when they differ (store.hpp).
//   1  until 2026-12-06
//   2  a name listed with the article is one term with every proclitic (والأسد = الأسد);
//      the bare form of such a name licenses no one-letter proclitic (فاسد is not الأسد);
//      spelling variants of names as one term: أميركا = أمريكا, إنكلترا = إنجلترا, جوجل = غوغل,
//      الكونجرس = الكونغرس, البنتاجون = البنتاغون, أوربا = أوروبا, and their adjectives
//   3  2026-12-07: foreign names whose first letters read as a proclitic and the article are
//      one term (فالنسيا, كاليفورنيا, بالمر, والتر: not "نسيا", "يفورنيا", "مر", "تر")
//   4  2026-12-07: "لل" before a listed name beginning with ل is the preposition alone
//      (للبنان, وللندن, لليبيا: "لبنان", not "بنان")
inline constexpr int kAnalyzerVersion = 4;

struct Term {
  std::string text;          // the analyzed form (normalized, stemmed)
  std::uint32_t begin = 0;   // byte offsets of the token in the ORIGINAL text
  std::uint32_t end = 0;
  std::uint32_t position = 0;  // token position (counts dropped stop words, for phrases)
  TokenKind kind = TokenKind::arabic;
};

// A filter rewrites the term in place; returning false drops the term.
using TermFilter = bool (*)(std::string& term, TokenKind kind);

class Analyzer {
 public:
  // Stages by name, applied in order after tokenization:
  //   "normalize"  search normalization (normalize.hpp)
  //   "stopwords"  drop Arabic function words (after normalize)
  //   "stem"       light stemmer (stem.hpp) on Arabic tokens and hashtag bodies
  //   "names"      spelling variants of transliterated names to one form (أستانة -> أستانا)
  static Result<Analyzer> from_names(const std::vector<std::string>& stage_names);

  // "normalize", "stopwords", "stem", "names": what search indexes and queries use.
  static const Analyzer& standard();

  const std::vector<std::string>& stage_names() const { return names_; }

  // Calls `sink(term)` for every kept term; `term.text` is only valid during the call.
  void analyze(std::string_view text, const std::function<void(const Term&)>& sink) const;
  std::vector<Term> analyze(std::string_view text) const;

 private:
  std::vector<std::string> names_;
  std::vector<TermFilter> filters_;
};

// True when the normalized word is an Arabic function word (في، من، على، إلى، أن ...).
bool is_stopword(std::string_view normalized_word) noexcept;

}  // namespace masar::text
