// The sentence coder's throughput with the rules alone and with the built-in learned check
// (which adds its features and a weighted sum for each ASSAULT and PROTEST candidate), on the
// sentences of the bench text, without entity mentions.
#include <benchmark/benchmark.h>

#include <string_view>
#include <vector>

#include "corpus.hpp"
#include "masar/events/coder.hpp"
#include "masar/events/learned.hpp"

namespace {

using masar::bench::arabic_bench_text;

const std::vector<std::string_view>& bench_sentences() {
  static const std::vector<std::string_view> sentences = [] {
    const std::string& text = arabic_bench_text().text;
    std::vector<std::string_view> out;
    for (const auto& s : masar::events::split_sentences(text)) out.push_back(std::string_view(text).substr(s.begin, s.end - s.begin));
    return out;
  }();
  return sentences;
}

void code_all(benchmark::State& state, const masar::events::LearnedCheck* check) {
  const auto& sentences = bench_sentences();
  std::size_t events = 0, bytes = 0;
  for (const auto s : sentences) bytes += s.size();
  for (auto _ : state) {
    events = 0;
    for (const auto s : sentences) events += masar::events::code_sentence(s, {}, check).size();
    benchmark::DoNotOptimize(events);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences.size()) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["events"] = static_cast<double>(events);
  state.SetLabel(arabic_bench_text().origin);
}

void BM_CodeSentencesRulesOnly(benchmark::State& state) { code_all(state, nullptr); }
BENCHMARK(BM_CodeSentencesRulesOnly)->Unit(benchmark::kMillisecond);

void BM_CodeSentencesWithCheck(benchmark::State& state) { code_all(state, masar::events::LearnedCheck::builtin()); }
BENCHMARK(BM_CodeSentencesWithCheck)->Unit(benchmark::kMillisecond);

}  // namespace
