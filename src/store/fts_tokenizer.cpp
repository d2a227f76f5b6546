// The FTS5 tokenizer "masar": the same Analyzer::standard() chain that analyzes queries, with
// byte offsets into the text FTS5 hands us (the stored column), so highlight() and snippet()
// mark exactly the characters of the original word, diacritics and tatweel included.
#include <sqlite3.h>

#include "masar/store/store.hpp"
#include "store/fts5_api.hpp"
#include "masar/text/analyzer.hpp"

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
  analyzer->analyze(std::string_view(text, static_cast<std::size_t>(length)), [&](const text::Term& term) {
    if (rc != SQLITE_OK) return;
    rc = emit(ctx, 0, term.text.data(), static_cast<int>(term.text.size()), static_cast<int>(term.begin),
              static_cast<int>(term.end));
  });
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}


}  // namespace

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
