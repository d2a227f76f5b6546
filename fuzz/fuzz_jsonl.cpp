// libFuzzer harness for the JSON Lines reader and the cleaning pipeline behind it: any bytes
// as a JSON Lines stream; every article read is cleaned. Problems must be reported, never thrown.
// The same bytes as a page address: the headline read from it is valid UTF-8, one space
// between words.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "masar/extract/cleaner.hpp"
#include "masar/extract/readers.hpp"
#include "masar/extract/url.hpp"
#include "masar/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  masar::extract::Cleaner cleaner;
  (void)masar::extract::read_jsonl_stream(
      in, "fuzz",
      [&](masar::extract::Article&& a) {
        const auto cleaned = cleaner.clean_one(std::move(a));
        if (!masar::text::is_valid_utf8(cleaned.body()) || !masar::text::is_valid_utf8(cleaned.title)) __builtin_trap();
      },
      [](const masar::Error&) {});
  const std::string title = masar::extract::title_from_url(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!masar::text::is_valid_utf8(title) || title.starts_with(' ') || title.ends_with(' ') ||
      title.find("  ") != std::string::npos) {
    __builtin_trap();
  }
  return 0;
}
