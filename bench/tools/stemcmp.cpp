// Reads one word per line on stdin and prints: word, normalized form, masar stem, Snowball
// Arabic stem (TSV). Used by scripts/eval-stemming to compare over-stemming of proper nouns.
#include <libstemmer.h>

#include <iostream>
#include <memory>
#include <string>

#include "masar/text/normalize.hpp"
#include "masar/text/stem.hpp"

int main() {
  std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> snowball(sb_stemmer_new("arabic", "UTF_8"), sb_stemmer_delete);
  if (!snowball) {
    std::cerr << "stemcmp: libstemmer has no Arabic stemmer\n";
    return 1;
  }
  std::ios::sync_with_stdio(false);
  std::string word;
  while (std::getline(std::cin, word)) {
    if (word.empty()) continue;
    const std::string normalized = masar::text::normalize_for_search(word);
    const std::string_view ours = masar::text::stem_arabic(normalized);
    const sb_symbol* theirs = sb_stemmer_stem(snowball.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                              static_cast<int>(word.size()));
    std::cout << word << '\t' << normalized << '\t' << ours << '\t'
              << (theirs ? reinterpret_cast<const char*>(theirs) : "") << '\n';
  }
  return 0;
}
