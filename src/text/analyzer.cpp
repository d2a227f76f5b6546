#include "masar/text/analyzer.hpp"

#include "lexicon.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/stem.hpp"

namespace masar::text {
namespace {

// Normalizes a token straight from the original text into `out`.
void normalize_token(std::string_view token, TokenKind kind, bool rejoined, std::string& out) {
  out.clear();
  if (kind == TokenKind::hashtag && !token.empty() && token.front() == '#') token.remove_prefix(1);
  normalize_for_search(token, out);
  if (rejoined) {
    // An Arabic token holds marks only when the tokenizer rejoined a word broken to dodge
    // filters (القـ.ـضية): drop them so the term is the word itself.
    std::erase_if(out, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    for (std::size_t at; (at = out.find("\xD8\x8C")) != std::string::npos;) out.erase(at, 2);  // ،
  }
}

bool normalize_filter(std::string& term, TokenKind kind) {
  std::string normalized;
  normalize_token(term, kind, kind == TokenKind::arabic, normalized);
  term.swap(normalized);
  return !term.empty();
}

bool stopword_filter(std::string& term, TokenKind kind) {
  return kind != TokenKind::arabic || !lexicon::is_stopword(term);
}

bool stem_filter(std::string& term, TokenKind kind) {
  if (kind != TokenKind::arabic && !(kind == TokenKind::hashtag && term.find('_') == std::string::npos)) {
    return true;
  }
  const std::string_view stem = stem_arabic(term);
  const std::size_t offset = static_cast<std::size_t>(stem.data() - term.data());
  const std::size_t length = stem.size();
  term.resize(offset + length);
  term.erase(0, offset);
  return true;
}

// Spelling variants of transliterated names fold into one form (أستانة -> أستانا), and a
// name listed with the article gets it back after the stemmer stripped it with a proclitic
// (والأسد -> اسد -> الاسد), so that every spelling of it is one term.
bool names_filter(std::string& term, TokenKind kind) {
  if (kind != TokenKind::arabic && kind != TokenKind::hashtag) return true;
  const std::string_view canonical = lexicon::canonical_spelling(term);
  if (!canonical.empty()) term.assign(canonical);
  const std::string_view with_article = lexicon::name_with_article(term);
  if (!with_article.empty()) term.assign(with_article);
  return true;
}

struct NamedFilter {
  std::string_view name;
  TermFilter filter;
};

constexpr NamedFilter kFilters[] = {
    {"normalize", &normalize_filter},
    {"stopwords", &stopword_filter},
    {"stem", &stem_filter},
    {"names", &names_filter},
};

}  // namespace

bool is_stopword(std::string_view normalized_word) noexcept { return lexicon::is_stopword(normalized_word); }

Result<Analyzer> Analyzer::from_names(const std::vector<std::string>& stage_names) {
  Analyzer analyzer;
  for (const auto& name : stage_names) {
    const NamedFilter* found = nullptr;
    for (const auto& f : kFilters) {
      if (f.name == name) found = &f;
    }
    if (!found) return make_error(Errc::not_found, "unknown analyzer stage '" + name + "'");
    analyzer.names_.push_back(name);
    analyzer.filters_.push_back(found->filter);
  }
  return analyzer;
}

const Analyzer& Analyzer::standard() {
  static const Analyzer analyzer = from_names({"normalize", "stopwords", "stem", "names"}).value();
  return analyzer;
}

void Analyzer::analyze(std::string_view text, const std::function<void(const Term&)>& sink) const {
  thread_local std::vector<Token> tokens;
  tokens.clear();
  tokenize(text, tokens);
  Term term;
  std::uint32_t position = 0;
  // The usual chain starts with "normalize": it reads the token from the original text
  // directly instead of copying it first.
  const bool normalize_first = !filters_.empty() && filters_.front() == &normalize_filter;
  const std::size_t first_filter = normalize_first ? 1 : 0;
  for (const Token& token : tokens) {
    const std::string_view original = text.substr(token.begin, token.end - token.begin);
    if (normalize_first) {
      normalize_token(original, token.kind, token.rejoined, term.text);
      if (term.text.empty()) {
        ++position;
        continue;
      }
    } else {
      term.text.assign(original);
    }
    term.begin = token.begin;
    term.end = token.end;
    term.kind = token.kind;
    term.position = position++;
    bool keep = true;
    for (std::size_t i = first_filter; i < filters_.size() && keep; ++i) keep = filters_[i](term.text, token.kind);
    if (keep) sink(term);
  }
}

std::vector<Term> Analyzer::analyze(std::string_view text) const {
  std::vector<Term> terms;
  analyze(text, [&](const Term& t) { terms.push_back(t); });
  return terms;
}

}  // namespace masar::text
