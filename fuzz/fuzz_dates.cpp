// libFuzzer harness for time expressions and numbered series: any bytes as text, resolved
// against a fixed anchor, and as the bound of a date range. Checks: offsets in bounds and
// ordered, every resolved day valid and first <= last, a bare weekday's two readings the same
// weekday a week apart at most, a count back wholly before the anchor.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "masar/cluster/series.hpp"
#include "masar/extract/dates.hpp"
#include "masar/extract/time_expressions.hpp"
#include "masar/text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace masar::extract;
  const std::string text = masar::text::decode_utf8(std::string_view(reinterpret_cast<const char*>(data), size)).text;
  static const DateTime anchor = parse_iso_date("2023-06-21");
  std::size_t last_begin = 0;
  for (const auto& e : find_time_expressions(text, anchor)) {
    if (e.begin >= e.end || e.end > text.size() || e.begin < last_begin) std::abort();
    if (!e.first.valid() || !e.last.valid() || e.first.iso() > e.last.iso()) std::abort();
    if (e.ahead.valid()) {
      // A bare weekday: one day on or before the anchor, and the same weekday on or after it
      // within the week (the anchor itself when it is that day).
      const auto days = [](const DateTime& t) { return days_from_civil(t.year, t.month, t.day); };
      const long back = days(anchor) - days(e.first), ahead = days(e.ahead) - days(anchor);
      if (e.precision != TimePrecision::day || e.first.iso() != e.last.iso()) std::abort();
      if (back < 0 || back > 6 || ahead < 0 || ahead > 6 || (back == 0) != (ahead == 0) || (back + ahead) % 7 != 0) std::abort();
    }
    // Counted back ("قبل يومين", "قبل أسبوعين", "قبل عام"): wholly before the anchor.
    if (e.counted && (!e.relative || e.last.iso() >= anchor.iso())) std::abort();
    last_begin = e.begin;
  }
  for (const auto& m : masar::cluster::find_series(text)) {
    if (m.end > text.size() || m.begin >= m.end) std::abort();
  }
  // A range bound as a user writes it (any bytes): when read, a valid day, the first not after
  // the last, and a day read back as itself.
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  const auto first = date_bound(raw, DateEdge::first), last = date_bound(raw, DateEdge::last);
  if (first.has_value() != last.has_value()) std::abort();
  if (first) {
    if (!parse_iso_date(*first).valid() || !parse_iso_date(*last).valid() || *first > *last) std::abort();
    if (date_bound(*first, DateEdge::last) != first) std::abort();
  }
  // A series name as a user writes it: valid UTF-8 out. (Not always the same when read again:
  // case folding may give a letter the tokenizer does not read, "Ⱦ" → "ⱦ".)
  if (!masar::text::is_valid_utf8(masar::cluster::series_name_of(text))) std::abort();
  return 0;
}
