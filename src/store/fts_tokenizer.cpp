// The FTS5 tokenizer "masar": the same Analyzer::standard() chain that analyzes queries, with
// byte offsets into the text FTS5 hands us (the stored column), so highlight() and snippet()
// mark exactly the characters of the original word, diacritics and tatweel included.
#include <sqlite3.h>

#include <xxhash.h>

#include "masar/store/index_terms.hpp"
#include "masar/store/store.hpp"
#include "masar/text/analyzer.hpp"
#include "store/fts5_api.hpp"
#include "store/pending_terms.hpp"

namespace masar::store {
namespace {

// highlight() and snippet() tokenize with FTS5_TOKENIZE_AUX only to map the positions of
// the index back to byte offsets: the token texts are not compared, only their count and
// offsets. The stages after "stopwords" never drop a token, so a chain that stops there
// yields the same positions at a fraction of the cost (a contract test checks it).
const text::Analyzer& positions_only_analyzer() {
  static const text::Analyzer analyzer = text::Analyzer::from_names({"normalize", "stopwords"}).value();
  return analyzer;
}

// The terms computed ahead for the row being indexed on this thread (set by Store::write_index
// around each index write; FTS5 calls the tokenizer synchronously inside that step).
thread_local const IndexTerms* t_pending = nullptr;

// Emits the terms computed ahead for `text`, if any were: true when it did.
bool emit_pending(std::string_view text, void* ctx, int (*emit)(void*, int, const char*, int, int, int), int& rc) {
  if (!t_pending) return false;
  for (const IndexTerms::Column* column : {&t_pending->title, &t_pending->body}) {
    if (!column->matches(text)) continue;
    for (const IndexTerms::Term& t : column->entries) {
      rc = emit(ctx, 0, column->terms.data() + t.text_begin, static_cast<int>(t.text_size), static_cast<int>(t.begin),
                static_cast<int>(t.end));
      if (rc != SQLITE_OK) break;
    }
    return true;
  }
  return false;
}

struct Tokenizer {
  const text::Analyzer* analyzer;
  const text::Analyzer* positions;
};

int create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(new Tokenizer{&text::Analyzer::standard(), &positions_only_analyzer()});
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer* t) { delete reinterpret_cast<Tokenizer*>(t); }

int tokenize(Fts5Tokenizer* t, void* ctx, int flags, const char* text, int length,
             int (*emit)(void*, int, const char*, int, int, int)) {
  const auto* tok = reinterpret_cast<Tokenizer*>(t);
  const text::Analyzer* analyzer = (flags & FTS5_TOKENIZE_AUX) ? tok->positions : tok->analyzer;
  int rc = SQLITE_OK;
  if ((flags & FTS5_TOKENIZE_DOCUMENT) && emit_pending(std::string_view(text, static_cast<std::size_t>(length)), ctx, emit, rc)) {
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
  }
  analyzer->analyze(std::string_view(text, static_cast<std::size_t>(length)), [&](const text::Term& term) {
    if (rc != SQLITE_OK) return;
    rc = emit(ctx, 0, term.text.data(), static_cast<int>(term.text.size()), static_cast<int>(term.begin),
              static_cast<int>(term.end));
  });
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}


}  // namespace

bool IndexTerms::Column::matches(std::string_view text) const {
  return text.size() == size && XXH3_64bits(text.data(), text.size()) == hash;
}

IndexTerms analyze_for_index(std::string_view title, std::string_view body) {
  IndexTerms out;
  for (const auto& [text, column_ptr] : {std::pair{title, &out.title}, std::pair{body, &out.body}}) {
    IndexTerms::Column* column = column_ptr;  // a plain variable: clang 14 cannot capture a structured binding
    column->size = text.size();
    column->hash = XXH3_64bits(text.data(), text.size());
    text::Analyzer::standard().analyze(text, [&](const text::Term& t) {
      column->entries.push_back({static_cast<std::uint32_t>(column->terms.size()), static_cast<std::uint32_t>(t.text.size()),
                                 static_cast<std::uint32_t>(t.begin), static_cast<std::uint32_t>(t.end)});
      column->terms += t.text;
    });
  }
  return out;
}

PendingTerms::PendingTerms(const IndexTerms* terms) : previous_(t_pending) { t_pending = terms; }
PendingTerms::~PendingTerms() { t_pending = previous_; }

Status register_fts5_tokenizer(sqlite3* db) {
  fts5_api* api = fts5_api_of(db);
  if (!api) return make_error(Errc::unsupported, "this SQLite has no FTS5");
  fts5_tokenizer tokenizer{&create, &destroy, &tokenize};
  if (api->xCreateTokenizer(api, "masar", nullptr, &tokenizer, nullptr) != SQLITE_OK) {
    return make_error(Errc::internal, std::string("cannot register the masar tokenizer: ") + sqlite3_errmsg(db));
  }
  return Ok{};
}

}  // namespace masar::store
