#include "masar/extract/cleaner.hpp"

#include "masar/extract/boilerplate.hpp"
#include "masar/extract/dates.hpp"
#include "masar/extract/html.hpp"
#include "masar/extract/metadata.hpp"
#include "masar/extract/url.hpp"
#include "masar/text/clean.hpp"
#include "masar/text/normalize.hpp"
#include "masar/text/tokenize.hpp"
#include "masar/util/parallel.hpp"

namespace masar::extract {
namespace {

// Display-cleans every line of `text` and keeps the non-empty ones.
void append_clean_lines(std::string_view text, std::vector<std::string>& lines) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = text::clean_for_display(text.substr(start, end - start));
    if (!line.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
}

// The date of a metadata field: ISO 8601 first, then any Arabic or numeric form.
std::string date_field(std::string_view raw) {
  if (raw.empty()) return {};
  DateTime iso = parse_iso_date(raw);
  if (iso.valid()) return iso.iso();
  auto parsed = parse_date(raw);
  return parsed ? parsed->iso() : std::string();
}

constexpr const char* kRepeatedTitle = "repeated-title";

}  // namespace

Cleaner::Cleaner(CleanOptions options)
    : options_(options), stats_(std::make_unique<SourceLineStats>(options.recurrent_min_count)) {}
Cleaner::~Cleaner() = default;
Cleaner::Cleaner(Cleaner&&) noexcept = default;
Cleaner& Cleaner::operator=(Cleaner&&) noexcept = default;

const SourceLineStats& Cleaner::source_stats() const { return *stats_; }

PreparedArticle Cleaner::prepare(Article article) {
  PreparedArticle p;
  if (!article.html.empty()) {
    HtmlExtraction page = extract_html(article.html);
    for (const auto& block : page.paragraphs) append_clean_lines(block, p.lines);
    p.html_dropped = std::move(page.dropped);
    p.html_title = text::clean_for_display(page.title);
    p.html_site_name = text::clean_for_display(page.site_name);
    p.html_published = std::move(page.published);
    if (article.lang.empty()) article.lang = page.lang;
    article.html.clear();
    article.html.shrink_to_fit();
  }
  if (!article.text.empty()) {
    append_clean_lines(article.text, p.lines);
    article.text.clear();
    article.text.shrink_to_fit();
  }
  p.line_hashes.reserve(p.lines.size());
  for (const auto& line : p.lines) p.line_hashes.push_back(SourceLineStats::line_hash(line));
  p.source_key = !article.source.empty() ? article.source : url_host(article.url);
  if (p.source_key.empty()) p.source_key = p.html_site_name;
  p.article = std::move(article);
  return p;
}

void Cleaner::learn(const PreparedArticle& prepared) {
  if (options_.use_source_stats && !prepared.source_key.empty()) stats_->add_document_hashes(prepared.source_key, prepared.line_hashes);
}

CleanedArticle Cleaner::finish(PreparedArticle p) const {
  Article& a = p.article;
  CleanedArticle out;
  out.id = std::move(a.id);
  out.url = std::move(a.url);
  out.lang = std::move(a.lang);
  out.category = std::move(a.category);
  out.extra = std::move(a.extra);
  out.origin = std::move(a.origin);

  const std::vector<std::string>& lines = p.lines;
  std::vector<std::string> reason(lines.size());  // empty: keep
  std::vector<bool> is_title_line(lines.size(), false);

  // Title: the input's, else the page's, else the first real line, else the address's.
  if (!a.title.empty()) out.title = text::clean_for_display(a.title);
  if (out.title.empty()) out.title = p.html_title;
  const bool use_stats = options_.use_source_stats && !p.source_key.empty();
  if (out.title.empty()) {
    // The first line that is not furniture: a slogan or menu recurring across the source,
    // or a line an in-page rule flags, is never the title.
    constexpr std::size_t kTitleWindow = 8;
    std::vector<std::string> candidates(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(std::min(lines.size(), kTitleWindow)));
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (classify_line(candidates[i]) != Boilerplate::none ||
          (use_stats && stats_->is_recurrent_hash(p.source_key, p.line_hashes[i], candidates[i]))) {
        candidates[i].clear();
      }
    }
    TitleGuess guess = guess_title(candidates);
    out.title = guess.title;
    for (std::size_t k = 0; k < guess.consumed_lines.size(); ++k) {
      const std::size_t idx = guess.consumed_lines[k];
      if (idx >= lines.size()) continue;
      if (k == 0 && lines[idx] == guess.title) {
        is_title_line[idx] = true;  // moved into `title`, not boilerplate
      } else {
        reason[idx] = kRepeatedTitle;
      }
    }
  }
  // No title line: the headline many sites write into the address.
  if (out.title.empty()) out.title = text::clean_for_display(title_from_url(out.url));
  // A title given by the input and repeated in the body is a repetition wherever it stands.
  if (!out.title.empty()) {
    const std::string title_norm = text::normalize_for_search(out.title);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!is_title_line[i] && reason[i].empty() && text::normalizes_to(lines[i], title_norm)) {
        reason[i] = kRepeatedTitle;
      }
    }
  }

  // Date: the input's, else the page's, else a date line near the top. A line that is only
  // the date is metadata wherever the date came from.
  out.date = date_field(a.date);
  if (out.date.empty()) out.date = date_field(p.html_published);
  if (auto guess = guess_publication_date(lines)) {
    if (out.date.empty()) out.date = guess->date.iso();
    if (guess->line_is_only_date && guess->line < lines.size() && reason[guess->line].empty() && !is_title_line[guess->line]) {
      reason[guess->line] = "date-line";
    }
  }

  // Outlet: the input's, else the page's, else a byline or dateline (dropped when alone).
  out.source = a.source.empty() ? p.html_site_name : a.source;
  if (auto guess = guess_outlet(lines)) {
    if (out.source.empty()) out.source = guess->name;
    if (guess->line_is_only_byline && guess->line < lines.size() && reason[guess->line].empty() && !is_title_line[guess->line]) {
      reason[guess->line] = "byline";
    }
  }

  // A page may carry its date or outlet outside the article body (a meta line above the
  // headline, a brand in the header): look at the short dropped blocks too.
  if ((out.date.empty() || out.source.empty()) && !p.html_dropped.empty()) {
    std::vector<std::string> short_blocks;
    for (const auto& block : p.html_dropped) {
      if (block.size() < 160) short_blocks.push_back(block);
    }
    for (std::size_t start = 0; start < short_blocks.size(); start += 8) {
      const std::vector<std::string> window(short_blocks.begin() + static_cast<std::ptrdiff_t>(start),
                                            short_blocks.begin() + static_cast<std::ptrdiff_t>(std::min(short_blocks.size(), start + 8)));
      if (out.date.empty()) {
        if (auto guess = guess_publication_date(window)) out.date = guess->date.iso();
      }
      if (out.source.empty()) {
        if (auto guess = guess_outlet(window)) out.source = guess->name;
      }
    }
  }

  // Last resort for the outlet: the site's host name (www.dw.com -> dw.com).
  if (out.source.empty()) {
    std::string host = url_host(out.url);
    if (host.rfind("www.", 0) == 0) host.erase(0, 4);
    out.source = std::move(host);
  }

  // Boilerplate: rules inside the document, then statistics across the source.
  std::vector<FurnitureTail> tails;
  const std::vector<Boilerplate> verdicts = classify_lines(DocumentLines{lines, out.title}, &tails);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!reason[i].empty() || is_title_line[i]) continue;
    if (i < verdicts.size() && verdicts[i] != Boilerplate::none) {
      reason[i] = reason_name(verdicts[i]);
    } else if (use_stats && stats_->is_recurrent_hash(p.source_key, p.line_hashes[i], lines[i])) {
      reason[i] = reason_name(Boilerplate::source_recurrent);
    }
  }

  for (auto& dropped : p.html_dropped) out.removed.push_back(RemovedLine{std::move(dropped), "page-furniture"});
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (is_title_line[i]) continue;
    if (reason[i].empty()) {
      // A kept line may end with page furniture glued after its last sentence.
      const FurnitureTail& tail = tails[i];  // kept: its verdict was none
      if (tail.begin < lines[i].size()) {
        std::string kept = lines[i].substr(0, tail.begin);
        while (!kept.empty() && kept.back() == ' ') kept.pop_back();
        out.paragraphs.push_back(std::move(kept));
        out.removed.push_back(RemovedLine{lines[i].substr(tail.begin), reason_name(tail.kind)});
      } else {
        out.paragraphs.push_back(lines[i]);
      }
    } else {
      out.removed.push_back(RemovedLine{lines[i], std::move(reason[i])});
    }
  }
  return out;
}

void Cleaner::clean_batch(std::vector<PreparedArticle> prepared, unsigned threads,
                          const std::function<void(std::size_t, CleanedArticle&&)>& sink) {
  // Statistics across documents need every article of a source before any is finished.
  for (const auto& p : prepared) learn(p);
  util::parallel_for(prepared.size(), threads, [&](std::size_t i) { sink(i, finish(std::move(prepared[i]))); });
}

CleanedArticle Cleaner::clean_one(Article article) const {
  Cleaner single(CleanOptions{options_.recurrent_min_count, false});
  return single.finish(prepare(std::move(article)));
}

}  // namespace masar::extract
