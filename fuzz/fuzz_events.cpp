// libFuzzer harness for the event coder (`masar code` input): any bytes as a sentence, split
// into sentences and coded. Checks: sentence spans in bounds and ordered, trigger and argument
// spans inside the sentence, argument texts equal to the bytes they span.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "masar/events/coder.hpp"
#include "masar/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace masar::events;
  const std::string text = masar::text::decode_utf8(std::string_view(reinterpret_cast<const char*>(data), size)).text;
  std::size_t last_end = 0;
  for (const Span& s : split_sentences(text)) {
    if (s.begin > s.end || s.end > text.size() || s.begin < last_end) std::abort();
    last_end = s.end;
  }
  const auto check = [&](const Argument& a) {
    if (a.span.begin >= a.span.end || a.span.end > text.size()) std::abort();
    if (text.compare(a.span.begin, a.span.end - a.span.begin, a.text) != 0) std::abort();
  };
  for (const auto& e : code_sentence(text)) {
    if (e.trigger.begin >= e.trigger.end || e.trigger.end > text.size()) std::abort();
    for (const auto& a : e.sources) check(a);
    for (const auto& a : e.targets) check(a);
    if (e.location) check(*e.location);
  }
  return 0;
}
