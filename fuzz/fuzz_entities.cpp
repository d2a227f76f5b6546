// libFuzzer harness for the entity stage's inputs: any bytes as CoNLL (what `masar ner` and
// `masar train ner` read) tagged by the built-in model, as article text for mentions, and as a
// model or cluster file; its first line and the rest as an article's title and body resolved
// together. Checks: tags form valid BIO, mention offsets hold, partial names take keys of the
// article, bad files are errors.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
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
  const std::size_t line_end = std::min(text.find('\n'), text.size());
  auto title = find_mentions(std::string_view(text).substr(0, line_end), model.value(), PartialNames::keep);
  auto body = find_mentions(std::string_view(text).substr(line_end), model.value(), PartialNames::keep);
  std::set<std::string> keys;
  for (const auto* part : {&title, &body}) {
    for (const auto& m : *part) keys.insert(m.key);
  }
  resolve_partial_names(title, body);
  for (const auto* part : {&title, &body}) {
    for (const auto& m : *part) {
      if (!keys.count(m.key)) std::abort();  // a resolved key is one the article has
    }
  }
  return 0;
}
