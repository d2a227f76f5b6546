// The learned check: its features, its model file and how the coder applies it. Training is in
// learned_training.cpp.
#include "masar/events/learned.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

#include "entities/model_file.hpp"
#include "masar/text/analyzer.hpp"

#ifdef MASAR_EVENT_MODEL_PATH
// The shipped model, assembled into the program (no file to find at run time).
__asm__(".section .rodata\n"
        ".global masar_event_model_begin\n"
        "masar_event_model_begin:\n"
        ".incbin \"" MASAR_EVENT_MODEL_PATH "\"\n"
        ".global masar_event_model_end\n"
        "masar_event_model_end:\n"
        ".previous\n");
extern "C" const char masar_event_model_begin[];
extern "C" const char masar_event_model_end[];
#endif

namespace masar::events {
namespace {

constexpr std::string_view kHeader = "masar-event-check 1";
constexpr std::size_t kMaxModelBytes = std::size_t{64} << 20;

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-std::clamp(z, -30.0, 30.0))); }

Error bad_model(const std::string& origin, std::size_t line, const std::string& what) {
  return make_error(Errc::parse_error, origin + ":" + std::to_string(line) + ": " + what);
}

}  // namespace

std::vector<std::string> check_features(std::string_view sentence, const CodedEvent& event, const std::vector<CodedEvent>& all) {
  std::vector<std::string> out = {"bias"};
  const bool rule_specific = event.specific;
  if (event.mode == Mode::asserted && rule_specific) out.emplace_back("rule");
  const char* mode = mode_name(event.mode);
  out.push_back(std::string("mode=") + mode);
  out.push_back(std::string("spec=") + (rule_specific ? "1" : "0"));
  out.push_back(std::string("ms=") + mode + "|" + (rule_specific ? "1" : "0"));
  if (!event.sources.empty()) out.emplace_back("src");
  if (!event.targets.empty()) out.emplace_back("tgt");
  const text::Analyzer& analyzer = text::Analyzer::standard();
  // The trigger in search form, its words joined: "trig=اطلق_نار".
  std::string trigger = "trig=";
  for (const auto& t : analyzer.analyze(sentence.substr(event.trigger.begin, event.trigger.end - event.trigger.begin))) {
    if (trigger.size() > 5) trigger += '_';
    trigger += t.text;
  }
  out.push_back(std::move(trigger));
  for (const auto& other : all) {
    if (other.type != event.type) out.push_back(std::string("other=") + type_name(other.type));
  }
  const std::vector<text::Term> terms = analyzer.analyze(sentence);
  for (std::size_t i = 0; i < terms.size(); ++i) {
    out.push_back("w=" + terms[i].text);
    if (i + 1 < terms.size()) out.push_back("b=" + terms[i].text + "_" + terms[i + 1].text);
  }
  // Each feature counts once, whatever the number of times the sentence holds it.
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
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
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (check.covers(events[i].type)) asked.emplace_back(i, check_features(sentence, events[i], events));
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
  static const Result<LearnedCheck> shipped = from_bytes(
      std::string_view(masar_event_model_begin, static_cast<std::size_t>(masar_event_model_end - masar_event_model_begin)),
      "built-in event model");
  return shipped ? &shipped.value() : nullptr;
#else
  return nullptr;
#endif
}

}  // namespace masar::events
