// Random-input contract of search (search/searcher.hpp) over a small store: whatever a user
// types — quotes left open, a lone "-", OR at either end, FTS5's own syntax (NEAR, *, ^, :,
// parentheses), stop words only, diacritics and tatweel, invalid bytes — search() and facets()
// answer without an error, every hit is a stored article listed once, its title with the marks
// taken out is the stored title, snippets are valid UTF-8, and facets count at least the hits.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <unistd.h>

#include "masar/search/query.hpp"
#include "masar/search/searcher.hpp"
#include "masar/store/store.hpp"
#include "masar/text/utf8.hpp"

using namespace masar;

namespace {

struct ScratchDb {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("masar-search-contract-" + std::to_string(::getpid()) + ".db");
  ScratchDb() { remove(); }
  ~ScratchDb() { remove(); }
  void remove() const {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
};

struct Stored {
  std::string title, date, source;
};

const std::map<std::string, Stored>& corpus() {
  static const std::map<std::string, Stored> articles{
      {"a1", {"الجولة العشرون من محادثات أستانا", "2023-06-21", "مدار اليوم"}},
      {"a2", {"أستانة 9: اتفاق على جولة في سوتشي", "2018-05-15", "وكالة أنباء الرافد"}},
      {"a3", {"زلزال يضرب جنوب تركيا وشمال سوريا", "2023-02-06", "الشرق الجديد"}},
      {"a4", {"المبعوثُ الأمميّ في دمشق", "", "مدار اليوم"}},
      {"a5", {"Lavrentiev: no alternative to the Astana format", "2021-07-08", "wire"}},
  };
  return articles;
}

const std::map<std::string, std::string>& bodies() {
  static const std::map<std::string, std::string> b{
      {"a1", "اختتمت في أستانا الجولة الـ20 من الاجتماعات حول سوريا بمشاركة روسيا وتركيا وإيران وقال لافرنتييف إن القرار مفاجئ"},
      {"a2", "انتهت «أستانا 9» بالاتفاق على عقد الجولة المقبلة في سوتشي، ورحب المبعوث بالقرار في من على"},
      {"a3", "ضرب زلزال بقوة 7.8 درجات جنوب تركيا وشمال سوريا وخلف مئات القتلى في حلب وإدلب"},
      {"a4", "وصل المبعوثُ الأمميّ إلى دمشق أمس لبحث القـ.ـضية مع المسؤولين، وقال إنّ الحلَّ سياسيّ في أستـــانا"},
      {"a5", "Lavrentiev said the Astana format has no alternative; لافرينتييف قال إن صيغة أستانا باقية"},
  };
  return b;
}

// Pieces a query is made of: words of the corpus in several spellings, stop words, the syntax
// masar reads, FTS5's syntax that it must not pass through, and bytes that are not UTF-8.
std::string random_query(std::mt19937& rng) {
  static const std::vector<std::string> kPieces{
      "أستانا", "استانه",  "أستـــانا", "الجولة", "سوريا",  "زلزال", "المبعوث", "الأمميّ", "لافرنتييف", "Lavrentiev", "astana",
      "في",     "من",      "على",      "و",      "ال",     "\"",    "-",       "--",      "OR",        "or",         "AND",
      "NOT",    "NEAR",    "NEAR(",    "(",      ")",      "*",     "^",       ":",       "title:",    "{",          "}",
      "+",      "'",       "٢٠",       "20",     "الـ20",  "ـ",     "\u200b",  "\xff",    "\xd8",      "«",          "»",
      std::string(1, '\0'), "\t", "،", ".", "-حلب",     "\"في من\"", "\"أستانا 9\"", "-\"جنوب تركيا\"", "x", ""};
  std::uniform_int_distribution<int> count(0, 8);
  std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1);
  std::uniform_int_distribution<int> glue(0, 4);
  std::string q;
  const int n = count(rng);
  for (int i = 0; i < n; ++i) {
    q += kPieces[pick(rng)];
    if (glue(rng) != 0) q += ' ';  // sometimes pieces run together
  }
  return q;
}

std::string without_marks(std::string s) {
  for (const std::string mark : {"[", "]"}) {
    for (auto at = s.find(mark); at != std::string::npos; at = s.find(mark, at)) s.erase(at, mark.size());
  }
  return s;
}

}  // namespace

TEST(SearchContract, AnyQueryIsAnsweredWithStoredArticles) {
  ScratchDb db;
  auto opened = store::Store::open(db.path);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  store::Store& s = opened.value();
  for (const auto& [id, a] : corpus()) {
    extract::CleanedArticle article;
    article.id = id;
    article.title = a.title;
    article.date = a.date;
    article.source = a.source;
    article.paragraphs = {bodies().at(id)};
    ASSERT_TRUE(s.upsert(article, {}).ok());
  }
  std::mt19937 rng(20261205);
  int answered = 0;
  const search::ModeChoice modes[] = {search::ModeChoice::automatic, search::ModeChoice::all, search::ModeChoice::any};
  for (int round = 0; round < 1500; ++round) {
    search::SearchRequest req;
    req.query = random_query(rng);
    req.mode = modes[round % 3];
    req.coverage = round % 2 == 0;
    req.limit = 1 + static_cast<std::size_t>(round % 4);
    if (round % 7 == 0) req.from = "2019";
    SCOPED_TRACE("query «" + req.query + "» round " + std::to_string(round));
    (void)search::to_fts5(search::parse_query(req.query), search::MatchMode::any);
    auto found = search::search(s, req);
    ASSERT_TRUE(found.ok()) << found.error().message;
    ASSERT_LE(found->hits.size(), req.limit);
    answered += found->hits.empty() ? 0 : 1;
    std::set<std::string> seen;
    for (const auto& hit : found->hits) {
      ASSERT_TRUE(corpus().count(hit.id)) << hit.id;
      EXPECT_TRUE(seen.insert(hit.id).second) << hit.id << " listed twice";
      EXPECT_EQ(without_marks(hit.title), corpus().at(hit.id).title);
      EXPECT_TRUE(text::is_valid_utf8(hit.snippet)) << hit.snippet;
      if (!req.from.empty()) {
        EXPECT_GE(hit.date, req.from);
      }
    }
    auto counted = search::facets(s, req);
    ASSERT_TRUE(counted.ok()) << counted.error().message;
    EXPECT_GE(counted->total, static_cast<std::int64_t>(found->hits.size()));
  }
  EXPECT_GT(answered, 300);  // the queries do find articles: the checks above are not vacuous
}

// Found by fuzz_search: a NUL byte inside a quoted phrase.
TEST(SearchContract, ANulByteInAPhraseIsNoError) {
  ScratchDb db;
  auto opened = store::Store::open(db.path);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  extract::CleanedArticle article;
  article.id = "a3";
  article.title = corpus().at("a3").title;
  article.paragraphs = {bodies().at("a3")};
  ASSERT_TRUE(opened->upsert(article, {}).ok());
  search::SearchRequest req;
  req.query = std::string("\"خفض التصعي&\0\" OR زلزال", sizeof("\"خفض التصعي&\0\" OR زلزال") - 1);
  req.mode = search::ModeChoice::any;
  auto found = search::search(opened.value(), req);
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found->hits.size(), 1u);
  EXPECT_EQ(found->hits[0].id, "a3");
  auto counted = search::facets(opened.value(), req);
  ASSERT_TRUE(counted.ok()) << counted.error().message;
}
