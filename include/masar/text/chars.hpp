// Character classes the text stages share. Pure, constexpr, no tables outside this header.
#pragma once

namespace masar::text {

constexpr char32_t kTatweel = 0x0640;

// Harakat, tanween, shadda, sukun, superscript alef, Quranic marks.
constexpr bool is_arabic_diacritic(char32_t c) noexcept {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0610 && c <= 0x061A) ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 ||
         c == 0x06E8 || (c >= 0x06EA && c <= 0x06ED) || (c >= 0x08D3 && c <= 0x08FF);
}

// Letters of the Arabic script (base block, supplement, extended-A, presentation forms).
constexpr bool is_arabic_letter(char32_t c) noexcept {
  return (c >= 0x0621 && c <= 0x063F) || (c >= 0x0641 && c <= 0x064A) ||
         (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5 || c == 0x06EE || c == 0x06EF ||
         (c >= 0x06FA && c <= 0x06FC) || c == 0x06FF || (c >= 0x0750 && c <= 0x077F) ||
         (c >= 0x08A0 && c <= 0x08C9) || (c >= 0xFB50 && c <= 0xFDFB) ||
         (c >= 0xFE70 && c <= 0xFEFC);
}

constexpr bool is_arabic_indic_digit(char32_t c) noexcept { return c >= 0x0660 && c <= 0x0669; }
constexpr bool is_persian_digit(char32_t c) noexcept { return c >= 0x06F0 && c <= 0x06F9; }
constexpr bool is_ascii_digit(char32_t c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_any_digit(char32_t c) noexcept {
  return is_ascii_digit(c) || is_arabic_indic_digit(c) || is_persian_digit(c);
}
// Value 0-9 of any digit accepted by is_any_digit.
constexpr int digit_value(char32_t c) noexcept {
  if (is_ascii_digit(c)) return static_cast<int>(c - '0');
  if (is_arabic_indic_digit(c)) return static_cast<int>(c - 0x0660);
  if (is_persian_digit(c)) return static_cast<int>(c - 0x06F0);
  return -1;
}

constexpr bool is_ascii_letter(char32_t c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// Latin letters with diacritics (Latin-1 supplement and Extended-A/B), enough for names.
constexpr bool is_latin_letter(char32_t c) noexcept {
  return is_ascii_letter(c) || (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7);
}

// Zero-width characters used to break words invisibly (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen).
constexpr bool is_zero_width(char32_t c) noexcept {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD ||
         c == 0x180E;
}

// Bidi embedding, override, isolate and mark characters; they carry no text.
constexpr bool is_bidi_control(char32_t c) noexcept {
  return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

constexpr bool is_invisible(char32_t c) noexcept { return is_zero_width(c) || is_bidi_control(c); }

constexpr bool is_space(char32_t c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x00A0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

// Marks that filter-dodgers slip inside a word: ASCII and Arabic punctuation of the kind that
// never belongs inside a letter run.
constexpr bool is_word_breaking_mark(char32_t c) noexcept {
  return c == '.' || c == ',' || c == '-' || c == '_' || c == '*' || c == '\'' || c == '`' ||
         c == 0x060C /* ، */ || c == 0x066B || c == 0x066C || c == 0x2010 || c == 0x2011 ||
         c == 0x2012 || c == 0x2013 || c == 0x2022 || c == 0x00B7;
}

}  // namespace masar::text
