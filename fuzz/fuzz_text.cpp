// libFuzzer harness for the text core: any bytes through decoding, display cleaning,
// normalization and the analyzer. Checks the contracts, not just "no crash".
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "masar/text/analyzer.hpp"
#include "masar/text/clean.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace masar::text;
  const DecodedText decoded = decode_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!is_valid_utf8(decoded.text)) std::abort();
  const std::string cleaned = clean_for_display(decoded.text);
  if (!is_valid_utf8(cleaned) || cleaned.size() > decoded.text.size()) std::abort();
  if (clean_for_display(cleaned) != cleaned) std::abort();  // idempotent
  if (!is_valid_utf8(normalize_for_search(decoded.text))) std::abort();
  std::uint32_t last_end = 0;
  Analyzer::standard().analyze(decoded.text, [&](const Term& t) {
    if (t.begin < last_end || t.end > decoded.text.size() || t.begin >= t.end) std::abort();
    last_end = t.end;
  });
  return 0;
}
