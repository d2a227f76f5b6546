// Analyzer throughput against the baselines users would otherwise reach for:
// Snowball's Arabic stemmer (libstemmer) and ICU word-break alone, on the same text.
#include <benchmark/benchmark.h>
#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

#include "corpus.hpp"
#include "masar/text/analyzer.hpp"
#include "masar/text/clean.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/stem.hpp"
#include "masar/text/tokenize.hpp"

namespace {

using masar::bench::arabic_bench_text;

void report(benchmark::State& state, std::size_t bytes, std::size_t tokens) {
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens) * state.iterations(), benchmark::Counter::kIsRate);
  state.SetLabel(arabic_bench_text().origin);
}

// normalize + tokenize + stem (and stop words): the full masar chain.
void BM_MasarAnalyzer(benchmark::State& state) {
  const std::string& text = arabic_bench_text().text;
  const auto& analyzer = masar::text::Analyzer::standard();
  std::size_t terms = 0;
  for (auto _ : state) {
    terms = 0;
    analyzer.analyze(text, [&](const masar::text::Term& t) { terms += t.text.size() > 0; });
    benchmark::DoNotOptimize(terms);
  }
  report(state, text.size(), terms);
}
BENCHMARK(BM_MasarAnalyzer)->Unit(benchmark::kMillisecond);

void BM_MasarTokenizeOnly(benchmark::State& state) {
  const std::string& text = arabic_bench_text().text;
  std::vector<masar::text::Token> tokens;
  for (auto _ : state) {
    tokens.clear();
    masar::text::tokenize(text, tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  report(state, text.size(), tokens.size());
}
BENCHMARK(BM_MasarTokenizeOnly)->Unit(benchmark::kMillisecond);

void BM_MasarNormalizeOnly(benchmark::State& state) {
  const std::string& text = arabic_bench_text().text;
  std::string out;
  for (auto _ : state) {
    out.clear();
    masar::text::normalize_for_search(text, out);
    benchmark::DoNotOptimize(out.data());
  }
  report(state, text.size(), 0);
}
BENCHMARK(BM_MasarNormalizeOnly)->Unit(benchmark::kMillisecond);

// Display cleaning runs per paragraph in the pipeline, so the benchmark does the same.
void BM_MasarDisplayClean(benchmark::State& state) {
  const std::string& text = arabic_bench_text().text;
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.emplace_back(text.data() + start, end - start);
    start = end + 1;
  }
  for (auto _ : state) {
    for (std::string_view line : lines) {
      std::string out = masar::text::clean_for_display(line);
      benchmark::DoNotOptimize(out.data());
    }
  }
  report(state, text.size(), 0);
}
BENCHMARK(BM_MasarDisplayClean)->Unit(benchmark::kMillisecond);

// Snowball Arabic on the tokens of our tokenizer (Snowball has no tokenizer of its own):
// tokenize + Snowball stem, the closest like-for-like to our chain.
void BM_SnowballArabic(benchmark::State& state) {
  const std::string& text = arabic_bench_text().text;
  std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> stemmer(sb_stemmer_new("arabic", "UTF_8"), sb_stemmer_delete);
  if (!stemmer) {
    state.SkipWithError("libstemmer has no Arabic stemmer");
    return;
  }
  std::vector<masar::text::Token> tokens;
  std::size_t stems = 0;
  for (auto _ : state) {
    tokens.clear();
    masar::text::tokenize(text, tokens);
    stems = 0;
    for (const auto& t : tokens) {
      const sb_symbol* s = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(text.data() + t.begin),
                                           static_cast<int>(t.end - t.begin));
      stems += s != nullptr;
    }
    benchmark::DoNotOptimize(stems);
  }
  report(state, text.size(), stems);
}
BENCHMARK(BM_SnowballArabic)->Unit(benchmark::kMillisecond);

// ICU word-break alone (what an ICU tokenizer starts with), over UTF-8 via UText.
void BM_IcuWordBreak(benchmark::State& state) {
  const std::string& text = arabic_bench_text().text;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale("ar"), status));
  if (U_FAILURE(status)) {
    state.SkipWithError("ICU word break iterator unavailable");
    return;
  }
  std::size_t words = 0;
  for (auto _ : state) {
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
    it->setText(&ut, status);
    words = 0;
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; end = it->next()) {
      words += it->getRuleStatus() != UBRK_WORD_NONE;
    }
    utext_close(&ut);
    benchmark::DoNotOptimize(words);
  }
  report(state, text.size(), words);
}
BENCHMARK(BM_IcuWordBreak)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
