// Absolute dates in the forms Arabic news writes them: numeric (2023/06/21, 21-06-2023,
// ٢١/٠٦/٢٠٢٣), with month names (Egyptian/Gulf, Levantine/Iraqi, Maghrebi, Moroccan), a
// weekday or "من" in between, a Levantine/Gregorian pair (حزيران/يونيو), and a time after
// ("4:16 م"). Offsets always point into the original text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace masar::extract {

struct DateTime {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = -1;  // -1 when no time was given
  bool valid() const;
  std::string iso() const;  // "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM" with a time
};

struct DateMention {
  DateTime value;
  std::size_t begin = 0, end = 0;  // byte offsets of the whole mention in the input
};

std::vector<DateMention> find_dates(std::string_view text);
std::optional<DateTime> parse_date(std::string_view text);  // the first date in `text`
// ISO 8601 as JSON feeds carry it ("2018-04-10", "2018-04-10T12:00:00+03:00"); invalid when not ISO.
DateTime parse_iso_date(std::string_view iso);

// Month number (1-12) of a search-normalized month name word, 0 otherwise. Two-word names
// (كانون الثاني, تشرين الاول) are matched by month_of_pair().
int month_of_word(std::string_view normalized);
int month_of_pair(std::string_view first, std::string_view second);

// A bound of a date range as users write it (--from / --to, from= / to=): "YYYY", "YYYY-MM" or
// "YYYY-MM-DD", as the day "YYYY-MM-DD" it stands for — the first of its year or month when it
// opens the range, the last when it closes it. None when it is not such a date, the date does
// not exist ("2018-13", "2018-02-30") or its year is outside 1900-2100 (DateTime::valid()).
enum class DateEdge { first, last };
std::optional<std::string> date_bound(std::string_view written, DateEdge edge);

// Calendar arithmetic (proleptic Gregorian): days since 1970-01-01 and back.
int days_in_month(int year, int month);
long days_from_civil(int year, int month, int day);
DateTime civil_from_days(long days);

}  // namespace masar::extract
