// libFuzzer harness for the event coder (`masar code` input): any bytes as a sentence, split
// into sentences and coded, once without mentions and once with every other word made a
// mention (types rotating, so places, lists and groups are exercised). Checks: sentence spans
// in bounds and ordered, trigger and argument spans inside the sentence, argument texts equal
// to the bytes they span, argument mentions index the mentions given; named_group() gives
// distinct LOC mentions in order; as_written() is a suffix of the surface.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "masar/events/coder.hpp"
#include "masar/text/tokenize.hpp"
#include "masar/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace masar::events;
  namespace entities = masar::entities;
  const std::string text = masar::text::decode_utf8(std::string_view(reinterpret_cast<const char*>(data), size)).text;
  std::size_t last_end = 0;
  for (const Span& s : split_sentences(text)) {
    if (s.begin > s.end || s.end > text.size() || s.begin < last_end) std::abort();
    last_end = s.end;
  }
  std::vector<entities::Mention> mentions;
  const auto tokens = masar::text::tokenize(text);
  for (std::size_t i = 0; i < tokens.size(); i += 2) {
    entities::Mention m;
    m.type = static_cast<entities::EntityType>((i / 2) % 4);
    m.begin = tokens[i].begin;
    m.end = tokens[i].end;
    m.surface = text.substr(m.begin, m.end - m.begin);
    m.key = entities::text_key(m.surface);
    const std::string written = as_written(m);
    if (written.size() > m.surface.size() || m.surface.compare(m.surface.size() - written.size(), written.size(), written) != 0) {
      std::abort();
    }
    mentions.push_back(std::move(m));
  }
  const auto check = [&](const Argument& a, std::size_t mention_count) {
    if (a.span.begin >= a.span.end || a.span.end > text.size()) std::abort();
    if (text.compare(a.span.begin, a.span.end - a.span.begin, a.text) != 0) std::abort();
    if (a.mention && *a.mention >= mention_count) std::abort();
  };
  const std::vector<entities::Mention>* const none = nullptr;
  for (const auto* given : {none, static_cast<const std::vector<entities::Mention>*>(&mentions)}) {
    const std::size_t count = given ? given->size() : 0;
    for (const auto& e : given ? code_sentence(text, *given) : code_sentence(text)) {
      if (e.trigger.begin >= e.trigger.end || e.trigger.end > text.size()) std::abort();
      for (const auto& a : e.sources) check(a, count);
      for (const auto& a : e.targets) check(a, count);
      if (e.location) check(*e.location, count);
    }
  }
  const auto group = named_group(text, mentions);
  for (std::size_t k = 0; k < group.size(); ++k) {
    if (group[k] >= mentions.size() || mentions[group[k]].type != entities::EntityType::LOC) std::abort();
    if (k > 0 && group[k] <= group[k - 1]) std::abort();
  }
  return 0;
}
