// Numbered series in Arabic news: "الجولة السادسة عشرة من محادثات أستانا", "أستانا 9",
// "الاجتماع العشرين". Story tracking links the rounds of one series whatever the gap.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace masar::cluster {

struct SeriesMention {
  std::string noun;    // search-normalized kind of meeting, singular, no article: "جوله", "اجتماع", "موتمر",
                       // "قمه", "دوره", "نسخه", "جلسه"; empty for the "أستانا 9" form
  std::string name;    // search-normalized series name when the text gives one within a few words ("استانا",
                       // "جنيف", "سوتشي"); empty if none. Only names of the series table in series.cpp count:
                       // "الدورة 23 لمجلس حقوق الإنسان" has no name.
  int number = 0;      // 1..200
  std::uint32_t begin = 0, end = 0;  // byte offsets of the whole mention in the ORIGINAL text: from
                                     // its first word to its last, whole tokens (clitics stay: "وأستانا 9")
};

// Every numbered-series mention in `text`, in order; mentions never overlap. Any bytes are
// accepted: invalid UTF-8 is read as spaces, so offsets still point into `text`.
//  - noun [up to two fillers] number: "الجولة الـ20", "القمة الثلاثية السادسة", "جولة أستانا العشرين",
//    "مؤتمر جنيف الثاني", "الجولة رقم 20"; the number must agree with the noun in definiteness
//    ("قمة العشرين" is the G20, not a 20th summit) and bare cardinals 1..10 are counts
//    ("اجتماع ثلاث دول");
//  - masculine ordinal before an indefinite noun: "أول جولة", "ثالث قمة";
//  - name and digits: "أستانا 9", "أستانا-9", "#أستانا_9".
// Digits followed by a month, a duration or a count are not a round ("جنيف 8 مايو",
// "الاجتماع 3 ساعات"), nor are numbers above 200 (years: "جنيف 2017").
// The name is taken between noun and number, else up to seven words after, else up to four
// words before, never across a sentence or clause break (. , ، ؛ ! ? or a line break).
std::vector<SeriesMention> find_series(std::string_view text);

// The series name a user writes, as find_series() reports it: "أستانة" and "نور سلطان" are
// "استانا", "اللجنة الدستورية" is "اللجنه الدستوريه"; another text comes back in search form
// (the kind of meeting of an unnamed series: "جولة" → "جوله").
std::string series_name_of(std::string_view written);

// How a series name of find_series() / series_name_of() is shown: "استانا" → "أستانا", "جوله" →
// "جولة". A name that is none of ours comes back as it is.
std::string series_display_name(std::string_view name);

// Arabic number words, ordinal or cardinal, masculine or feminine, with or without the article,
// to an int: "الأولى"/"الأول"/"أول" 1, "الثانية" 2, "العاشرة" 10, "الحادية عشرة"/"الحادي عشر" 11,
// "السادسة عشرة"/"السادس عشر" 16, "العشرين"/"العشرون" 20, "الحادية والعشرين"/"الحادي والعشرين" 21,
// "الثانية والعشرين" 22, "الثلاثين" 30 ... up to 99; digits "20", Arabic-Indic "٢٠", "الـ20", "الـ 20", "ال20".
// `words` are search-normalized words (see masar::text::normalize_for_search); returns the number
// and how many words it used, or nullopt.
std::optional<std::pair<int, std::size_t>> parse_number_words(const std::vector<std::string>& words, std::size_t at);

}  // namespace masar::cluster
