#include "masar/extract/url.hpp"

#include <array>
#include <vector>

#include "masar/text/chars.hpp"
#include "masar/text/utf8.hpp"

namespace masar::extract {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "%D8%A7" -> the byte 0xD8 then 0xA7; a '%' not followed by two hex digits stays as it is.
std::string percent_decoded(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// '/' too: "%2F" decodes to one inside a segment.
bool is_word_break(char c) { return c == '-' || c == '_' || c == '+' || c == ' ' || c == '/'; }

// The segment's words (valid UTF-8), split at the word breaks.
std::vector<std::string> words_of(std::string_view segment) {
  std::vector<std::string> words;
  std::string word;
  for (char c : segment) {
    if (is_word_break(c)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool has_arabic_letter(std::string_view word) {
  for (std::size_t pos = 0; pos < word.size();) {
    if (text::is_arabic_letter(text::next_code_point(word, pos))) return true;
  }
  return false;
}

std::string lowercase_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

std::string_view without_extension(std::string_view segment) {
  static constexpr std::array<std::string_view, 6> kExtensions = {".html", ".htm", ".php", ".aspx", ".asp", ".jsp"};
  for (std::string_view ext : kExtensions) {
    if (segment.size() > ext.size() && lowercase_ascii(segment.substr(segment.size() - ext.size())) == ext) {
      return segment.substr(0, segment.size() - ext.size());
    }
  }
  return segment;
}

}  // namespace

std::string url_host(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  rest = rest.substr(rest.find('@') == std::string_view::npos ? 0 : rest.find('@') + 1);
  return lowercase_ascii(rest.substr(0, rest.find(':')));
}

std::string title_from_url(std::string_view url) {
  constexpr std::size_t kMinWords = 3;
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view path = url.substr(scheme + 3);
  const std::size_t slash = path.find_first_of("/?#");
  if (slash == std::string_view::npos || path[slash] != '/') return {};  // no path: a query or fragment is not one
  path = path.substr(slash, path.find_first_of("?#", slash) - slash);
  std::vector<std::string> best;
  std::size_t best_arabic = 0;
  for (std::size_t from = 0; from < path.size();) {
    std::size_t to = path.find('/', from);
    if (to == std::string_view::npos) to = path.size();
    const std::string segment = percent_decoded(path.substr(from, to - from));
    from = to + 1;
    if (!text::is_valid_utf8(segment)) continue;
    std::vector<std::string> words = words_of(without_extension(segment));
    std::size_t arabic = 0;
    for (const auto& w : words) arabic += has_arabic_letter(w);
    if (arabic > best_arabic) best_arabic = arabic, best = std::move(words);
  }
  if (best_arabic < kMinWords) return {};
  std::string title;
  for (const auto& w : best) title += (title.empty() ? "" : " ") + w;
  return title;
}

}  // namespace masar::extract
