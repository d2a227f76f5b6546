#include "masar/text/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <mutex>
#include <unordered_map>

#include "masar/text/chars.hpp"
#include "masar/text/utf8.hpp"

namespace masar::text {
namespace {

constexpr char32_t kDrop = 0;

// Search folding of the Arabic block U+0600-U+06FF: target code point, or kDrop.
constexpr std::array<char32_t, 256> make_arabic_table() {
  std::array<char32_t, 256> t{};
  for (char32_t c = 0x0600; c <= 0x06FF; ++c) t[c - 0x0600] = c;
  auto set = [&](char32_t from, char32_t to) { t[from - 0x0600] = to; };
  for (char32_t c = 0x0610; c <= 0x061A; ++c) set(c, kDrop);  // Quranic annotation marks
  set(0x061C, kDrop);                                          // Arabic letter mark (bidi)
  for (char32_t c = 0x064B; c <= 0x065F; ++c) set(c, kDrop);  // harakat, tanween, shadda, sukun
  set(0x0670, kDrop);                                          // superscript alef
  for (char32_t c = 0x06D6; c <= 0x06ED; ++c) set(c, kDrop);  // Quranic marks, small letters
  set(0x0640, kDrop);                                          // tatweel
  // Alef forms -> bare alef.
  for (char32_t c : {0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0675}) set(c, 0x0627);
  set(0x0624, 0x0648);  // ؤ -> و
  set(0x0626, 0x064A);  // ئ -> ي
  set(0x0649, 0x064A);  // ى -> ي
  set(0x0629, 0x0647);  // ة -> ه
  // Persian, Urdu and Maghrebi letters -> the Arabic letter an Arabic reader would match.
  for (char32_t c : {0x06A9, 0x06AA, 0x06AB, 0x06AD, 0x06AF, 0x06B1, 0x06B3}) set(c, 0x0643);  // ک ڭ گ -> ك
  for (char32_t c : {0x06CC, 0x06CD, 0x06CE, 0x06D0, 0x06D1, 0x06D2, 0x06D3, 0x0678}) set(c, 0x064A);  // ی ے -> ي
  for (char32_t c : {0x06BE, 0x06C0, 0x06C1, 0x06C2, 0x06C3, 0x06D5}) set(c, 0x0647);  // ھ ۀ ہ ە -> ه
  for (char32_t c : {0x06C4, 0x06C5, 0x06C6, 0x06C7, 0x06C8, 0x06C9, 0x06CA, 0x06CB, 0x06CF, 0x0676, 0x0677}) set(c, 0x0648);
  set(0x067E, 0x0628);  // پ -> ب
  set(0x0686, 0x062C);  // چ -> ج
  set(0x0698, 0x0632);  // ژ -> ز
  set(0x06A4, 0x0641);  // ڤ -> ف
  set(0x06A8, 0x0642);  // ڨ -> ق
  set(0x06BA, 0x0646);  // ں -> ن
  for (char32_t c = 0x0660; c <= 0x0669; ++c) set(c, U'0' + (c - 0x0660));
  for (char32_t c = 0x06F0; c <= 0x06F9; ++c) set(c, U'0' + (c - 0x06F0));
  set(0x066B, U'.');  // Arabic decimal separator
  set(0x066C, U',');  // Arabic thousands separator
  set(0x06D4, U'.');  // Urdu full stop
  return t;
}

constexpr std::array<char32_t, 256> kArabicTable = make_arabic_table();

// Everything outside ASCII and the Arabic block goes through ICU NFKC_Casefold, cached per
// code point: presentation forms and ligatures decompose, Latin case folds, compatibility
// characters (fullwidth, superscripts) become plain ones. Each result is then folded again
// through the Arabic table so ﻷ ends up as "لا".
class CompatibilityFolder {
 public:
  const std::string& fold(char32_t cp) {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(cp);
    if (it != cache_.end()) return it->second;
    return cache_.emplace(cp, compute(cp)).first->second;
  }

 private:
  static std::string compute(char32_t cp) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    std::string utf8;
    if (U_FAILURE(status)) {
      append_utf8(utf8, cp);
      return utf8;
    }
    icu::UnicodeString src(static_cast<UChar32>(cp));
    icu::UnicodeString dst = nfkc_cf->normalize(src, status);
    if (U_FAILURE(status)) dst = src;
    dst.toUTF8String(utf8);
    return utf8;
  }

  std::mutex mutex_;
  std::unordered_map<char32_t, std::string> cache_;
};

CompatibilityFolder& compatibility_folder() {
  static CompatibilityFolder folder;
  return folder;
}

void append_folded(char32_t cp, std::string& out);

void append_folded_string(std::string_view s, std::string& out) {
  std::size_t pos = 0;
  while (pos < s.size()) append_folded(next_code_point(s, pos), out);
}

void append_folded(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    return;
  }
  if (cp >= 0x0600 && cp <= 0x06FF) {
    const char32_t mapped = kArabicTable[cp - 0x0600];
    if (mapped != kDrop) append_utf8(out, mapped);
    return;
  }
  if (is_invisible(cp) || is_arabic_diacritic(cp)) return;
  const std::string& folded = compatibility_folder().fold(cp);
  // NFKC_Casefold maps a few characters (e.g. U+FEFF) to nothing: they are dropped.
  std::size_t pos = 0;
  char32_t first = folded.empty() ? 0 : next_code_point(folded, pos);
  if (folded.size() == pos && first == cp) {  // inert: keep as is, avoid recursion
    out.append(folded);
    return;
  }
  append_folded_string(folded, out);
}

}  // namespace

void normalize_for_search(std::string_view text, std::string& out) {
  // Folding never makes ASCII or Arabic-block text longer, so those are written through a
  // raw pointer into space reserved up front; other characters take the slow path.
  std::size_t written = out.size();
  out.resize(written + text.size());
  char* dst = out.data() + written;
  std::size_t pos = 0;
  const std::size_t n = text.size();
  const char* src = text.data();
  while (pos < n) {
    const auto b0 = static_cast<unsigned char>(src[pos]);
    if (b0 < 0x80) {
      *dst++ = static_cast<char>(b0 >= 'A' && b0 <= 'Z' ? b0 + 32 : b0);
      ++pos;
      continue;
    }
    // Arabic block: lead bytes D8..DB encode U+0600..U+06FF.
    if (b0 >= 0xD8 && b0 <= 0xDB && pos + 1 < n) {
      const char32_t cp = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(src[pos + 1]) & 0x3Fu);
      const char32_t mapped = kArabicTable[cp - 0x0600];
      if (mapped == cp) {
        dst[0] = src[pos];
        dst[1] = src[pos + 1];
        dst += 2;
      } else if (mapped < 0x80) {
        if (mapped != kDrop) *dst++ = static_cast<char>(mapped);
      } else if (mapped != kDrop) {
        dst[0] = static_cast<char>(0xC0 | (mapped >> 6));
        dst[1] = static_cast<char>(0x80 | (mapped & 0x3F));
        dst += 2;
      }
      pos += 2;
      continue;
    }
    // Slow path: fold one character into a small buffer and copy it in, growing the output
    // only when the folded text is longer than what is left of the input.
    thread_local std::string folded;
    folded.clear();
    append_folded(next_code_point(text, pos), folded);
    const auto at = static_cast<std::size_t>(dst - out.data());
    const std::size_t needed = at + folded.size() + (n - pos);
    if (needed > out.size()) out.resize(needed);
    dst = out.data() + at;
    std::memcpy(dst, folded.data(), folded.size());
    dst += folded.size();
  }
  out.resize(static_cast<std::size_t>(dst - out.data()));
}

std::string normalize_for_search(std::string_view text) {
  std::string out;
  normalize_for_search(text, out);
  return out;
}

bool normalizes_to(std::string_view text, std::string_view normalized) {
  constexpr std::size_t kPiece = 64;  // bytes of `text` folded at a time
  thread_local std::string piece;
  std::size_t matched = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = std::min(text.size(), pos + kPiece);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;  // whole characters
    piece.clear();
    normalize_for_search(text.substr(pos, end - pos), piece);
    if (normalized.substr(matched, piece.size()) != piece) return false;
    matched += piece.size();
    pos = end;
  }
  return matched == normalized.size();
}

std::string ascii_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (is_arabic_indic_digit(cp) || is_persian_digit(cp)) {
      out.push_back(static_cast<char>('0' + digit_value(cp)));
    } else {
      out.append(text.data() + start, pos - start);
    }
  }
  return out;
}

}  // namespace masar::text
