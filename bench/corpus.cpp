#include "corpus.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

namespace masar::bench {
namespace {

constexpr std::size_t kTargetBytes = 8u << 20;

std::string from_shared() {
  const std::filesystem::path file = std::filesystem::path(MASAR_SOURCE_DIR) / "../shared/data/news/ant-multisource.jsonl.zst";
  if (!std::filesystem::exists(file)) return {};
  const std::string cmd = "zstd -dc '" + file.string() + "' 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  if (!pipe) return {};
  std::string out, line;
  char buf[1 << 16];
  while (out.size() < kTargetBytes && fgets(buf, sizeof buf, pipe.get())) {
    line += buf;
    if (line.empty() || line.back() != '\n') continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    line.clear();
    if (j.is_object() && j.contains("text") && j["text"].is_string()) {
      out += j["text"].get<std::string>();
      out += '\n';
    }
  }
  return out;
}

std::string from_demo() {
  std::string all;
  const std::filesystem::path dir = std::filesystem::path(MASAR_SOURCE_DIR) / "examples/demo-corpus";
  if (std::filesystem::exists(dir)) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      all += ss.str();
    }
  }
  if (all.empty()) all = "اجتمع وفد الدول الضامنة في أستانا لبحث مناطق خفض التصعيد في سوريا.\n";
  std::string out;
  while (out.size() < kTargetBytes) out += all;
  return out;
}

}  // namespace

const BenchText& arabic_bench_text() {
  static const BenchText text = [] {
    BenchText t;
    t.text = from_shared();
    t.origin = "ant-multisource (first 8 MB of bodies)";
    if (t.text.empty()) {
      t.text = from_demo();
      t.origin = "demo corpus repeated to 8 MB (../shared absent)";
    }
    return t;
  }();
  return text;
}

}  // namespace masar::bench
