// libFuzzer harness for the search surface: any bytes as a query (the first byte picks the
// match mode, coverage and a date filter) over a small store built once. search() and
// facets() must answer without an error; every hit is a stored article listed once, its title
// with the marks taken out is the stored title, its snippet valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unistd.h>

#include "masar/search/query.hpp"
#include "masar/search/searcher.hpp"
#include "masar/store/store.hpp"
#include "masar/text/utf8.hpp"

namespace {

using namespace masar;

struct Fixture {
  std::map<std::string, std::string> titles;
  std::optional<store::Store> store;

  Fixture() {
    const auto path = std::filesystem::temp_directory_path() / ("masar-fuzz-search-" + std::to_string(::getpid()) + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    auto opened = store::Store::open(path);
    if (!opened) __builtin_trap();
    store.emplace(std::move(opened.value()));
    const struct {
      const char *id, *title, *date, *body;
    } articles[] = {
        {"a1", "الجولة العشرون من محادثات أستانا", "2023-06-21", "اختتمت في أستانا الجولة الـ20 بمشاركة روسيا وتركيا وإيران"},
        {"a2", "أستانة 9: اتفاق على جولة في سوتشي", "2018-05-15", "انتهت «أستانا 9» بالاتفاق على عقد الجولة المقبلة في سوتشي"},
        {"a3", "زلزال يضرب جنوب تركيا وشمال سوريا", "2023-02-06", "ضرب زلزال بقوة 7.8 درجات جنوب تركيا وشمال سوريا"},
        {"a4", "المبعوثُ الأمميّ في دمشق", "", "وصل المبعوثُ الأمميّ إلى دمشق لبحث القـ.ـضية في أستـــانا"},
        {"a5", "Lavrentiev: no alternative to Astana", "2021-07-08", "Lavrentiev said لافرينتييف قال إن صيغة أستانا باقية"},
    };
    for (const auto& a : articles) {
      extract::CleanedArticle article;
      article.id = a.id;
      article.title = a.title;
      article.date = a.date;
      article.source = "fuzz";
      article.paragraphs = {a.body};
      if (!store->upsert(article, {}).ok()) __builtin_trap();
      titles[a.id] = a.title;
    }
  }
};

std::string without_marks(std::string s) {
  for (char mark : {'[', ']'}) std::erase(s, mark);
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Fixture fixture;
  if (size == 0) return 0;
  const std::uint8_t knobs = data[0];
  search::SearchRequest req;
  req.query.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  req.mode = knobs % 3 == 0 ? search::ModeChoice::automatic : knobs % 3 == 1 ? search::ModeChoice::all : search::ModeChoice::any;
  req.coverage = (knobs & 4) != 0;
  req.limit = 1 + (knobs >> 4) % 6;
  if (knobs & 8) req.from = "2019";
  (void)search::to_fts5(search::parse_query(req.query), search::MatchMode::all);
  auto found = search::search(*fixture.store, req);
  if (!found || found->hits.size() > req.limit) __builtin_trap();
  std::set<std::string> seen;
  for (const auto& hit : found->hits) {
    const auto stored = fixture.titles.find(hit.id);
    if (stored == fixture.titles.end() || !seen.insert(hit.id).second) __builtin_trap();
    if (without_marks(hit.title) != stored->second || !text::is_valid_utf8(hit.snippet)) __builtin_trap();
    if (!req.from.empty() && hit.date < req.from) __builtin_trap();
  }
  auto counted = search::facets(*fixture.store, req);
  if (!counted || counted->total < static_cast<std::int64_t>(found->hits.size())) __builtin_trap();
  return 0;
}
