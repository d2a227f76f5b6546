// libFuzzer harness for the learned check's inputs: any bytes as a labelled CSV (what `masar
// train events` reads), as a model file (`--event-model`), and as a sentence coded with the
// built-in check. Checks: rows come out in file order with an id and a text, bad rows are
// problems (never thrown), votes in range; a model that reads writes bytes that read back the same; every
// probability lies in [0, 1] and `specific` is exactly "at least the threshold".
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "masar/events/learned.hpp"
#include "masar/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace masar::events;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::istringstream in{std::string(bytes)};
  std::vector<std::string> problems;
  if (const auto rows = read_labelled_csv(in, "fuzz", problems)) {
    std::size_t last_line = 0;
    for (const auto& row : rows.value()) {
      if (row.id.empty() || row.sentence.empty() || row.line <= last_line) std::abort();
      // Votes are both said, in range, or both 0; an "ambiguous" row is never a report.
      if (row.accepts < 0 || row.accepts > row.annotators || (row.annotators == 0 && row.accepts != 0)) std::abort();
      if (!row.scored && row.reports) std::abort();
      last_line = row.line;
    }
  }
  if (const auto model = LearnedCheck::from_bytes(bytes, "fuzz")) {
    const auto again = LearnedCheck::from_bytes(model.value().to_bytes(), "again");
    if (!again || again.value().to_bytes() != model.value().to_bytes()) std::abort();
  }
  const LearnedCheck* builtin = LearnedCheck::builtin();
  const std::string text = masar::text::decode_utf8(bytes).text;
  for (const auto& e : code_sentence(text)) {
    if (!e.probability) continue;
    if (!builtin || !builtin->covers(e.type) || *e.probability < 0 || *e.probability > 1) std::abort();
    if (e.specific != (*e.probability >= builtin->threshold(e.type))) std::abort();
  }
  return 0;
}
