// The terms the index's tokenizer would write for an article's title and body, computed ahead
// of time. Indexing happens at commit, on the one thread that writes the database; an ingest
// analyzes the next batch on another core meanwhile and hands the terms over, so the
// tokenizer only copies them out (src/store/fts_tokenizer.cpp). Each column carries the
// size and hash of the text it was computed from: a text that does not match is analyzed as usual.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace masar::store {

struct IndexTerms {
  struct Term {
    std::uint32_t text_begin = 0, text_size = 0;  // in `terms`
    std::uint32_t begin = 0, end = 0;             // byte offsets in the column text
  };
  struct Column {
    std::uint64_t hash = 0;  // XXH3 of the column text
    std::size_t size = 0;
    std::string terms;  // the analyzed terms, back to back
    std::vector<Term> entries;
    bool matches(std::string_view text) const;
  };
  Column title, body;
};

// What Analyzer::standard() gives the index for this title and body (pure; any thread).
IndexTerms analyze_for_index(std::string_view title, std::string_view body);

}  // namespace masar::store
