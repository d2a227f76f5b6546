#include "masar/text/analyzer.hpp"

#include "lexicon.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/stem.hpp"

namespace masar::text {
namespace {

bool normalize_filter(std::string& term, TokenKind kind) {
  thread_local std::string buffer;
  buffer.clear();
  std::string_view src = term;
  if (kind == TokenKind::hashtag && !src.empty() && src.front() == '#') src.remove_prefix(1);
  normalize_for_search(src, buffer);
  if (kind == TokenKind::arabic) {
    // An Arabic token holds marks only when the tokenizer rejoined a word broken to dodge
    // filters (القـ.ـضية): drop them so the term is the word itself.
    std::erase_if(buffer, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    for (std::size_t at; (at = buffer.find("\xD8\x8C")) != std::string::npos;) buffer.erase(at, 2);  // ،
  }
  term.swap(buffer);
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

struct NamedFilter {
  std::string_view name;
  TermFilter filter;
};

constexpr NamedFilter kFilters[] = {
    {"normalize", &normalize_filter},
    {"stopwords", &stopword_filter},
    {"stem", &stem_filter},
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
  static const Analyzer analyzer = from_names({"normalize", "stopwords", "stem"}).value();
  return analyzer;
}

void Analyzer::analyze(std::string_view text, const std::function<void(const Term&)>& sink) const {
  thread_local std::vector<Token> tokens;
  tokens.clear();
  tokenize(text, tokens);
  Term term;
  std::uint32_t position = 0;
  for (const Token& token : tokens) {
    term.text.assign(text.data() + token.begin, token.end - token.begin);
    term.begin = token.begin;
    term.end = token.end;
    term.kind = token.kind;
    term.position = position++;
    bool keep = true;
    for (TermFilter f : filters_) {
      if (!f(term.text, token.kind)) {
        keep = false;
        break;
      }
    }
    if (keep) sink(term);
  }
}

std::vector<Term> Analyzer::analyze(std::string_view text) const {
  std::vector<Term> terms;
  analyze(text, [&](const Term& t) { terms.push_back(t); });
  return terms;
}

}  // namespace masar::text
