// Boilerplate removal, two ways together: rules inside one document (read-also lines, follow
// and share bars, breadcrumbs, short links, copyright, captions, repeated titles, trailing
// teaser headlines, menus), and statistics across the documents of one source (a line that
// recurs verbatim in many articles of the same outlet is furniture, not news).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace masar::extract {

enum class Boilerplate : std::uint8_t {
  none,
  read_also,         // اقرأ أيضاً: ...، للمزيد من الأخبار، مواضيع ذات صلة
  related,           // مقالات أخرى للكاتب، أخبار ذات صلة (headers of related lists)
  follow_share,      // تابعونا على تيلجرام، شارك هذا الخبر، اشترك في النشرة
  breadcrumb,        // الرئيسية / أخبار / سوريا
  short_link,        // رابط مختصر: https://...
  copyright,         // جميع الحقوق محفوظة ©
  caption,           // a short line repeated in the page, or a photo credit (الصورة: ...)
  repeated_title,    // the title again
  trailing_teaser,   // headline-like lines after the last paragraph of the article
  navigation,        // menus, tickers (عاجل: ...)، view counters
  byline,            // a line that is only a byline or dateline (نور سلطان – خاص)
  source_recurrent,  // recurs in many pages of the same source
};

const char* reason_name(Boilerplate b) noexcept;  // "read-also", "follow-share", ...

struct DocumentLines {
  const std::vector<std::string>& lines;  // display-cleaned
  std::string_view title;                 // may be empty
};

// One verdict per line, same size as doc.lines.
std::vector<Boilerplate> classify_lines(const DocumentLines& doc);

// The rule for one line on its own (no document context), for tests and audits.
Boilerplate classify_line(std::string_view line);

// Pages flattened to text glue the footer after the article's last sentence, in the same line
// ("... والسلام عليكم. شاركوا هذا الخبر مع أصدقائكم ذات صلة الأكثر مشاهدة"). When a line that
// classify_lines keeps ends with a chain of furniture phrases after at least 15 words of text,
// `begin` is the byte offset in `line` where that chain starts (the caller keeps
// line.substr(0, begin) and reports the rest with `kind`); otherwise begin == line.size().
struct FurnitureTail {
  std::size_t begin = 0;
  Boilerplate kind = Boilerplate::none;
};
FurnitureTail furniture_tail(std::string_view line);

// classify_lines, and the furniture tail of every line it keeps (its verdict none; other lines
// get begin == size), read from the same analysis of each line.
std::vector<Boilerplate> classify_lines(const DocumentLines& doc, std::vector<FurnitureTail>* tails);

// Counts, per source, in how many documents each (normalized) line occurs. Made for two passes
// over a corpus: add every document of a batch (pass 1), then ask about each line (pass 2).
// Adds and lookups are thread-safe (sources are spread over sharded locks; lookups share them).
// A document identical to one already counted for its source (same set of lines) is skipped,
// so a page crawled five times does not turn its own text into furniture.
class SourceLineStats {
 public:
  // A line is recurrent in a source when it occurs in at least `min_count` of its documents
  // and in at least `min_share` of them. A line of 15 words or more must also recur in at
  // least 1% of the source's documents (stock background sentences of a large agency are
  // text, a widget of a small site is not), and one of more than 40 words never is recurrent
  // (syndicated text, not furniture).
  explicit SourceLineStats(std::size_t min_count = 5, double min_share = 0.0);
  ~SourceLineStats();
  SourceLineStats(SourceLineStats&&) noexcept;
  SourceLineStats& operator=(SourceLineStats&&) noexcept;

  void add_document(std::string_view source, const std::vector<std::string>& lines);
  // The same with the lines already hashed (line_hash), as the pipeline does once per line.
  void add_document_hashes(std::string_view source, const std::vector<std::uint64_t>& hashes);
  // Adds counts kept from an earlier run (for_each / for_each_source output, e.g. from the store).
  void add_counts(std::string_view source, std::uint32_t documents,
                  const std::vector<std::pair<std::uint64_t, std::uint32_t>>& line_counts);
  void merge(const SourceLineStats& other);  // adds other's counts (other is only read)

  std::uint32_t count(std::string_view source, std::string_view line) const;
  std::uint32_t documents(std::string_view source) const;
  bool is_recurrent(std::string_view source, std::string_view line) const;
  // is_recurrent with the line's hash known (`line_hash(line)`).
  bool is_recurrent_hash(std::string_view source, std::uint64_t hash, std::string_view line) const;

  // The hash that identifies a line (xxh3 64 of its search-normalized form), for persistence.
  static std::uint64_t line_hash(std::string_view line);
  // Every (source, line hash, documents holding the line); the callback runs under a read lock
  // and must not add to this object.
  void for_each(const std::function<void(const std::string& source, std::uint64_t hash, std::uint32_t count)>& fn) const;
  void for_each_source(const std::function<void(const std::string& source, std::uint32_t documents)>& fn) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::size_t min_count_;
  double min_share_;
};

}  // namespace masar::extract
