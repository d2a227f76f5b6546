// libFuzzer harness for the entity stage's inputs: any bytes as CoNLL (what `masar ner` and
// `masar train ner` read) tagged by the built-in model, as article text for mentions, and as a
// model or cluster file. Checks: tags form valid BIO, mention offsets hold, bad files are errors.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "masar/entities/mentions.hpp"
#include "masar/entities/ner.hpp"
#include "masar/entities/word_clusters.hpp"
#include "masar/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace masar::entities;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const auto model = NerModel::builtin();
  (void)NerModel::from_bytes(bytes, "fuzz");
  (void)WordClusters::from_bytes(bytes, "fuzz");
  const std::string text = masar::text::decode_utf8(bytes).text;
  const auto sentences = read_conll(text, true, "fuzz", [](const std::string&) {});
  if (!model) return 0;
  for (const auto& s : sentences) {
    if (s.tags.size() != s.words.size()) std::abort();
    const auto tags = model.value().tag(s.words);
    Tag previous = Tag::O;
    for (Tag t : tags) {
      if (!transition_allowed(previous, t)) std::abort();
      previous = t;
    }
  }
  for (const auto& m : find_mentions(text, model.value())) {
    if (m.begin >= m.end || m.end > text.size() || text.substr(m.begin, m.end - m.begin) != m.surface) std::abort();
  }
  return 0;
}
