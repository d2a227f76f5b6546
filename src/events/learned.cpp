// The learned check: its features, its model file and how the coder applies it. Training is in
// learned_training.cpp.
#include "masar/events/learned.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <sstream>
#include <utility>

#include "entities/model_file.hpp"
#include "masar/entities/word_clusters.hpp"
#include "masar/text/analyzer.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/tokenize.hpp"
#include "masar/util/embed.hpp"

#ifdef MASAR_EVENT_MODEL_PATH
// The shipped model, assembled into the program (util/embed.hpp).
MASAR_EMBED_FILE(masar_event_model, MASAR_EVENT_MODEL_PATH)
#endif

namespace masar::events {
namespace {

constexpr std::string_view kHeader = "masar-event-check 1";
constexpr std::size_t kMaxModelBytes = std::size_t{64} << 20;

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-std::clamp(z, -30.0, 30.0))); }

Error bad_model(const std::string& origin, std::size_t line, const std::string& what) {
  return make_error(Errc::parse_error, origin + ":" + std::to_string(line) + ": " + what);
}

// What the features read of a sentence, made once for all its events: its search terms and
// its tokens as written.
struct SentenceWords {
  std::vector<text::Term> terms;
  std::vector<text::Token> tokens;
};

SentenceWords words_of(std::string_view sentence) {
  return {text::Analyzer::standard().analyze(sentence), text::tokenize(sentence)};
}

// [first, after): the items (terms or tokens, in text order) that the trigger covers.
template <typename Item>
std::pair<std::size_t, std::size_t> trigger_items(const std::vector<Item>& items, const Span& trigger) {
  std::size_t first = 0;
  while (first < items.size() && items[first].begin < trigger.begin) ++first;
  std::size_t after = first;
  while (after < items.size() && items[after].begin < trigger.end) ++after;
  return {first, after};
}

// The rules' findings: whether they judged the event a report, its mode, its actors, the
// trigger in search form (its words joined: "trig=اطلق_نار") and the sentence's other types.
void add_rule_features(std::string_view sentence, const CodedEvent& event, const std::vector<CodedEvent>& all,
                       std::vector<std::string>& out) {
  const bool rule_specific = event.specific;
  if (event.mode == Mode::asserted && rule_specific) out.emplace_back("rule");
  const char* mode = mode_name(event.mode);
  out.push_back(std::string("mode=") + mode);
  out.push_back(std::string("spec=") + (rule_specific ? "1" : "0"));
  out.push_back(std::string("ms=") + mode + "|" + (rule_specific ? "1" : "0"));
  if (!event.sources.empty()) out.emplace_back("src");
  if (!event.targets.empty()) out.emplace_back("tgt");
  std::string trigger = "trig=";
  for (const auto& t : text::Analyzer::standard().analyze(sentence.substr(event.trigger.begin, event.trigger.end - event.trigger.begin))) {
    if (trigger.size() > 5) trigger += '_';
    trigger += t.text;
  }
  out.push_back(std::move(trigger));
  for (const auto& other : all) {
    if (other.type != event.type) out.push_back(std::string("other=") + type_name(other.type));
  }
}

// The sentence's words (search terms, "w=") and their neighbour pairs ("b="); the two terms
// just before and after the trigger ("before1=", "after1="), where the frame of a mention and
// the actors of a report stand; the sentence's length and where the trigger stands in it
// (headline-like reports are short and open with the act); numbers and Latin words.
void add_word_features(const std::vector<text::Term>& terms, const CodedEvent& event, std::vector<std::string>& out) {
  for (std::size_t i = 0; i < terms.size(); ++i) {
    out.push_back("w=" + terms[i].text);
    if (i + 1 < terms.size()) out.push_back("b=" + terms[i].text + "_" + terms[i + 1].text);
    if (terms[i].kind == text::TokenKind::number) out.emplace_back("number");
    if (terms[i].kind == text::TokenKind::latin) out.emplace_back("latin");
  }
  const auto [first, after] = trigger_items(terms, event.trigger);
  for (std::size_t k = 1; k <= 2 && first >= k; ++k) out.push_back("before" + std::to_string(k) + "=" + terms[first - k].text);
  for (std::size_t k = 0; k < 2 && after + k < terms.size(); ++k) {
    out.push_back("after" + std::to_string(k + 1) + "=" + terms[after + k].text);
  }
  out.push_back("length=" + std::to_string(std::min<std::size_t>(terms.size() / 8, 6)));
  out.push_back("at=" + std::to_string(std::min<std::size_t>(first / 4, 6)));
}

// The word clusters (entities/word_clusters.hpp) of the three words on each side of the
// trigger: words the labelled sentences never had still count by the company they keep.
void add_cluster_features(std::string_view sentence, const std::vector<text::Token>& tokens, const CodedEvent& event,
                          std::vector<std::string>& out) {
  const auto& clusters = entities::WordClusters::builtin();
  const auto [first, after] = trigger_items(tokens, event.trigger);
  const auto cluster_of = [&](std::size_t i) {
    return std::to_string(clusters.cluster(text::normalize_for_search(sentence.substr(tokens[i].begin, tokens[i].end - tokens[i].begin))));
  };
  for (std::size_t k = 1; k <= 3 && first >= k; ++k) out.push_back("cluster_before" + std::to_string(k) + "=" + cluster_of(first - k));
  for (std::size_t k = 0; k < 3 && after + k < tokens.size(); ++k) {
    out.push_back("cluster_after" + std::to_string(k + 1) + "=" + cluster_of(after + k));
  }
}

std::vector<std::string> features_of(std::string_view sentence, const SentenceWords& words, const CodedEvent& event,
                                     const std::vector<CodedEvent>& all) {
  std::vector<std::string> out = {"bias"};
  add_rule_features(sentence, event, all, out);
  add_word_features(words.terms, event, out);
  add_cluster_features(sentence, words.tokens, event, out);
  // Each feature counts once, whatever the number of times the sentence holds it.
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::vector<std::string> check_features(std::string_view sentence, const CodedEvent& event, const std::vector<CodedEvent>& all) {
  return features_of(sentence, words_of(sentence), event, all);
}

double LearnedCheck::probability(EventType type, const std::vector<std::string>& features) const {
  const auto& weights = types_.at(type).weights;
  double z = 0;
  for (const auto& f : features) {
    if (const auto it = weights.find(f); it != weights.end()) z += it->second;
  }
  return sigmoid(z);
}

void apply_check(std::string_view sentence, std::vector<CodedEvent>& events, const LearnedCheck& check) {
  // Features first: they read the rules' findings of every event, before any is changed.
  std::vector<std::pair<std::size_t, std::vector<std::string>>> asked;
  std::optional<SentenceWords> words;  // made only when an event is asked about, and once
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (!check.covers(events[i].type)) continue;
    if (!words) words = words_of(sentence);
    asked.emplace_back(i, features_of(sentence, *words, events[i], events));
  }
  for (const auto& [i, features] : asked) {
    CodedEvent& e = events[i];
    e.probability = check.probability(e.type, features);
    e.specific = *e.probability >= check.threshold(e.type);
  }
}

std::string LearnedCheck::to_bytes() const {
  std::ostringstream out;
  out << kHeader << '\n';
  for (const auto& [type, tw] : types_) {
    // Sorted, so the same model writes the same bytes.
    std::vector<std::pair<std::string, float>> sorted(tw.weights.begin(), tw.weights.end());
    std::sort(sorted.begin(), sorted.end());
    out << "type\t" << type_name(type) << '\t' << tw.threshold << '\t' << sorted.size() << '\n';
    for (const auto& [feature, weight] : sorted) out << weight << '\t' << feature << '\n';
  }
  return entities::compress_model(out.str());
}

Status LearnedCheck::save(const std::filesystem::path& path) const { return entities::write_model_file(path, to_bytes()); }

Result<LearnedCheck> LearnedCheck::load(const std::filesystem::path& path) {
  auto bytes = entities::read_model_file(path);
  if (!bytes) return bytes.error();
  return from_bytes(bytes.value(), path.string());
}

Result<LearnedCheck> LearnedCheck::from_bytes(std::string_view bytes, const std::string& origin) {
  const auto raw = entities::decompress_model(bytes, kMaxModelBytes);
  if (!raw) return make_error(Errc::parse_error, origin + ": not an event check model (no zstd frame)");
  std::istringstream in(*raw);
  std::string line;
  std::size_t number = 1;
  if (!std::getline(in, line) || line != kHeader) return bad_model(origin, number, "expected \"" + std::string(kHeader) + "\"");
  LearnedCheck check;
  TypeWeights* current = nullptr;
  std::size_t expected = 0;
  // A type's weights must number what its line said: a cut file is an error, not a weaker model.
  const auto complete = [&] { return !current || current->weights.size() == expected; };
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("type\t", 0) == 0) {
      if (!complete()) return bad_model(origin, number, "the type before has fewer weights than its line says");
      std::istringstream fields(line.substr(5));
      std::string name;
      TypeWeights tw;
      EventType type{};
      if (!(fields >> name >> tw.threshold >> expected) || !parse_type(name, type)) {
        return bad_model(origin, number, "bad type line");
      }
      check.types_[type] = std::move(tw);
      current = &check.types_[type];
      continue;
    }
    const std::size_t tab = line.find('\t');
    if (!current || tab == std::string::npos) return bad_model(origin, number, "expected weight<TAB>feature");
    float weight = 0;
    const auto [end, ec] = std::from_chars(line.data(), line.data() + tab, weight);
    if (ec != std::errc() || end != line.data() + tab) return bad_model(origin, number, "bad weight");
    current->weights.emplace(line.substr(tab + 1), weight);
  }
  if (!complete()) return bad_model(origin, number, "the last type has fewer weights than its line says");
  if (check.types_.empty()) return bad_model(origin, number, "no type");
  return check;
}

const LearnedCheck* LearnedCheck::builtin() {
#ifdef MASAR_EVENT_MODEL_PATH
  static const Result<LearnedCheck> shipped = from_bytes(masar_event_model_bytes(), "built-in event model");
  return shipped ? &shipped.value() : nullptr;
#else
  return nullptr;
#endif
}

}  // namespace masar::events
