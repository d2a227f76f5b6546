// libFuzzer harness for HTML extraction and the cleaning of a page: any bytes as an HTML file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "masar/extract/cleaner.hpp"
#include "masar/extract/html.hpp"
#include "masar/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string html = masar::text::decode_utf8(std::string_view(reinterpret_cast<const char*>(data), size)).text;
  const auto page = masar::extract::extract_html(html);
  for (const auto& p : page.paragraphs) {
    if (p.empty()) __builtin_trap();
  }
  masar::extract::Article a;
  a.id = "fuzz";
  a.html = html;
  const auto cleaned = masar::extract::Cleaner().clean_one(std::move(a));
  if (!masar::text::is_valid_utf8(cleaned.body())) __builtin_trap();
  return 0;
}
