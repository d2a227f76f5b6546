// The Arabic text the benchmarks run on: the first ~8 MB of article bodies from
// ../shared ant-multisource when it is there, else the bundled demo corpus repeated.
#pragma once

#include <string>

namespace masar::bench {

struct BenchText {
  std::string text;
  std::string origin;  // which corpus it came from, printed in the benchmark context
};

const BenchText& arabic_bench_text();

}  // namespace masar::bench
