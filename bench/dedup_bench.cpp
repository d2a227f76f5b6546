// Deduplication throughput on synthetic Arabic-like articles: fingerprint() in MB/s and the
// ordered add() per document. The text is generated here (no corpus needed), with a Zipf-like
// vocabulary so shingles repeat the way news text does.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "masar/dedup/dedup.hpp"

namespace {

using masar::dedup::Deduplicator;
using masar::dedup::Fingerprint;
using masar::dedup::Options;

std::vector<std::string> vocabulary(std::mt19937& rng, std::size_t n) {
  static const char* letters[] = {"ا", "ب", "ت", "ج", "ح", "د", "ر", "س", "ع", "ف", "ق", "ك", "ل", "م",
                                  "ن", "ه", "و", "ي", "ة", "أ", "إ", "ى", "ش", "ص", "ط", "ز", "خ", "ء"};
  std::vector<std::string> words;
  for (std::size_t i = 0; i < n; ++i) {
    std::string w = (rng() % 3 == 0) ? "ال" : "";
    const int len = 2 + static_cast<int>(rng() % 6);
    for (int c = 0; c < len; ++c) w += letters[rng() % (sizeof letters / sizeof *letters)];
    words.push_back(w);
  }
  return words;
}

// `count` articles of 250-550 words; 10% are exact copies and 25% are copies with a few
// words edited, so add() sees exact hits, true near duplicates and LSH candidates.
std::vector<std::string> articles(std::size_t count, unsigned seed) {
  std::mt19937 rng(seed);
  const auto vocab = vocabulary(rng, 20000);
  // Zipf(1) over the vocabulary by inverse transform on the harmonic CDF.
  std::vector<double> cdf(vocab.size());
  double sum = 0;
  for (std::size_t i = 0; i < vocab.size(); ++i) cdf[i] = (sum += 1.0 / static_cast<double>(i + 1));
  std::uniform_real_distribution<double> u(0, sum);
  auto draw = [&]() -> const std::string& {
    return vocab[static_cast<std::size_t>(std::lower_bound(cdf.begin(), cdf.end(), u(rng)) - cdf.begin())];
  };
  std::vector<std::vector<std::string>> docs;
  for (std::size_t i = 0; i < count; ++i) {
    const auto r = rng() % 100;
    if (i > 10 && r < 10) {
      docs.push_back(docs[rng() % docs.size()]);
    } else if (i > 10 && r < 35) {
      auto d = docs[rng() % docs.size()];
      for (int e = 0; e < 4; ++e) d[rng() % d.size()] = draw();
      docs.push_back(std::move(d));
    } else {
      std::vector<std::string> d(250 + rng() % 300);
      for (auto& w : d) w = draw();
      docs.push_back(std::move(d));
    }
  }
  std::vector<std::string> out;
  for (const auto& d : docs) {
    std::string text;
    for (std::size_t i = 0; i < d.size(); ++i) {
      text += d[i];
      text += (i % 17 == 16) ? ".\n" : (i % 7 == 6 ? "، " : " ");
    }
    out.push_back(std::move(text));
  }
  return out;
}

const std::vector<std::string>& corpus() {
  static const std::vector<std::string> docs = articles(20000, 42);
  return docs;
}

void BM_DedupFingerprint(benchmark::State& state) {
  Options o;
  o.exact_verify = state.range(0) != 0;
  const auto& docs = corpus();
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& body = docs[i++ % 2000];
    benchmark::DoNotOptimize(masar::dedup::fingerprint(body, o));
    bytes += body.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DedupFingerprint)->Arg(1)->Arg(0)->ArgName("exact_verify");

// add() for 20,000 documents into a fresh Deduplicator; items/s = documents per second.
void BM_DedupAdd(benchmark::State& state) {
  Options o;
  o.exact_verify = state.range(0) != 0;
  static std::vector<Fingerprint> fps[2];
  auto& fp = fps[o.exact_verify ? 1 : 0];
  if (fp.empty()) {
    for (const auto& d : corpus()) fp.push_back(masar::dedup::fingerprint(d, o));
  }
  for (auto _ : state) {
    Deduplicator dedup(o);
    for (std::size_t i = 0; i < fp.size(); ++i) benchmark::DoNotOptimize(dedup.add(i, fp[i]));
    state.PauseTiming();
    const auto s = dedup.stats();
    state.counters["exact"] = static_cast<double>(s.exact);
    state.counters["near"] = static_cast<double>(s.near);
    state.counters["candidates/doc"] = static_cast<double>(s.candidates) / static_cast<double>(fp.size());
    dedup = Deduplicator(o);  // free the old state outside the timed region
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(fp.size()));
}
BENCHMARK(BM_DedupAdd)->Arg(1)->Arg(0)->ArgName("exact_verify")->Unit(benchmark::kMillisecond);

}  // namespace
