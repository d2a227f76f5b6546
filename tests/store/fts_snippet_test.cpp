// masar_snippet(): one test per rule of the window choice and the rendering, a random
// contract test for the piecewise tokenizing it relies on, and snippets through the store.
#include "store/fts_snippet.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <set>

#include "masar/search/searcher.hpp"
#include "masar/store/store.hpp"
#include "masar/text/analyzer.hpp"
#include "masar/text/tokenize.hpp"

using namespace masar;
using store::snippet::best_window;
using store::snippet::Instance;
using store::snippet::Located;
using store::snippet::next_cut;
using store::snippet::render;

namespace {

const store::snippet::Marks kMarks{"[", "]", "…"};

// Tokens of "w0 w1 w2 …" (each word two bytes and a space).
std::string words(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? " w" : "w") + std::string(1, static_cast<char>('a' + i % 26));
  return s;
}
std::vector<Located> located(int from, int to) {
  std::vector<Located> out;
  for (int p = from; p < to; ++p) out.push_back({p, static_cast<std::uint32_t>(3 * p), static_cast<std::uint32_t>(3 * p + 2)});
  return out;
}

}  // namespace

TEST(SnippetWindow, NoMatchInTheColumnShowsItsStart) { EXPECT_EQ(best_window({}, 100, 10), 0); }

TEST(SnippetWindow, CentresTheWindowOnTheMatch) {
  // One single-token match at 50 in a window of 10: four tokens before it, five after.
  EXPECT_EQ(best_window({{0, 50, 1}}, 100, 10), 46);
}

TEST(SnippetWindow, StaysInsideTheColumn) {
  EXPECT_EQ(best_window({{0, 98, 1}}, 100, 10), 90);
  EXPECT_EQ(best_window({{0, 1, 1}}, 100, 10), 0);
  EXPECT_EQ(best_window({{0, 3, 1}}, 5, 10), 0);  // a column shorter than the window
}

TEST(SnippetWindow, DistinctPhrasesBeatRepeats) {
  // Phrase 0 three times at 10–12; phrases 0 and 1 together at 60 and 62.
  const std::vector<Instance> in{{0, 10, 1}, {0, 11, 1}, {0, 12, 1}, {0, 60, 1}, {1, 62, 1}};
  const int start = best_window(in, 200, 10);
  EXPECT_LE(start, 60);
  EXPECT_GT(start + 10, 62);
}

TEST(SnippetWindow, TheEarliestWindowWinsATie) {
  const std::vector<Instance> in{{0, 20, 1}, {1, 21, 1}, {0, 120, 1}, {1, 121, 1}};
  const int start = best_window(in, 200, 10);
  EXPECT_LE(start, 20);
  EXPECT_GT(start + 10, 21);
}

TEST(SnippetRender, MarksMatchesAndElidesBothEnds) {
  const std::string text = words(20);
  // Window 5..9 of 20, a match at 7.
  EXPECT_EQ(render(text, located(5, 10), {{0, 7, 1}}, true, kMarks), "…wf wg [wh] wi wj…");
}

TEST(SnippetRender, KeepsTheTextBeforeTheFirstTokenAndAfterTheLast) {
  const std::string text = "« wa wb » .";
  const std::vector<Located> tokens{{0, 3, 5}, {1, 6, 8}};
  EXPECT_EQ(render(text, tokens, {{0, 1, 1}}, false, kMarks), "« wa [wb] » .");
}

TEST(SnippetRender, OverlappingMatchesShareOneMark) {
  const std::string text = words(10);
  // A two-token phrase at 2–3 and a word at 3; a word at 5 stays apart.
  EXPECT_EQ(render(text, located(0, 10), {{0, 2, 2}, {1, 3, 1}, {1, 5, 1}}, false, kMarks),
            "wa wb [wc wd] we [wf] wg wh wi wj");
}

TEST(SnippetRender, APhraseCutByTheWindowIsMarkedInside) {
  const std::string text = words(10);
  EXPECT_EQ(render(text, located(3, 6), {{0, 2, 2}}, true, kMarks), "…[wd] we wf…");
}

TEST(SnippetCut, CutsAfterASpaceAtOrBeforeTheLimit) {
  const std::string text = "ab cd ef gh";
  EXPECT_EQ(next_cut(text, 0, 4), 3u);    // after "ab "
  EXPECT_EQ(next_cut(text, 3, 4), 6u);    // no space in (3, 4]: the first one after
  EXPECT_EQ(next_cut(text, 0, 100), text.size());
  EXPECT_EQ(next_cut("abcdef", 0, 2), 6u);  // no space at all: the whole rest
}

// Contract: a text cut where next_cut() says tokenizes, piece by piece, into exactly the
// tokens of the whole — masar_snippet() reads only the pieces it needs.
TEST(SnippetCut, PiecesTokenizeLikeTheWhole) {
  const std::vector<std::string> parts{"القـ", ".", "ـضية", "أستانا", " ", " ", "\n", "،", "2023", "٢١", "#أستانا_9",
                                       "ـ", "\u200c", "abc", "x'y", "-", "َ", "ّ", ",", "لافرنتييف", "\t", "."};
  std::mt19937 rng(20261203);
  for (int round = 0; round < 500; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 200);
    for (int i = 0; i < n; ++i) text += parts[rng() % parts.size()];
    const auto whole = text::tokenize(text);
    std::vector<text::Token> pieces;
    const std::size_t step = 1 + rng() % 40;
    for (std::size_t from = 0; from < text.size();) {
      const std::size_t to = next_cut(text, from, from + step);
      ASSERT_GT(to, from);
      for (auto t : text::tokenize(std::string_view(text).substr(from, to - from))) {
        t.begin += static_cast<std::uint32_t>(from);
        t.end += static_cast<std::uint32_t>(from);
        pieces.push_back(t);
      }
      from = to;
    }
    ASSERT_EQ(pieces.size(), whole.size()) << text;
    for (std::size_t i = 0; i < whole.size(); ++i) {
      EXPECT_EQ(pieces[i].begin, whole[i].begin) << text;
      EXPECT_EQ(pieces[i].end, whole[i].end) << text;
      EXPECT_EQ(pieces[i].rejoined, whole[i].rejoined) << text;
    }
  }
}

namespace {

struct TempDb {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("masar-snippet-test-" + std::to_string(::getpid()) + ".db");
  TempDb() { std::filesystem::remove(path); }
  ~TempDb() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
};

extract::CleanedArticle article(std::string id, std::string body) {
  extract::CleanedArticle a;
  a.id = std::move(id);
  a.title = "تقرير";
  a.paragraphs = {std::move(body)};
  a.date = "2023-06-21";
  a.source = "مدار اليوم";
  return a;
}

std::string snippet_of(const store::Store& s, const std::string& query) {
  search::SearchRequest req;
  req.query = query;
  auto r = search::search(s, req);
  EXPECT_TRUE(r.ok());
  return r.ok() && !r->hits.empty() ? r->hits[0].snippet : "";
}

}  // namespace

TEST(Snippet, FindsAMatchDeepInALongPageWithItsOriginalCharacters) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  // 6,000 filler words (pieces of many kilobytes), then the match, written with tatweel and a
  // diacritic, then more filler.
  std::string body;
  for (int i = 0; i < 6000; ++i) body += i % 12 == 11 ? "الاقتصاد. " : "الاقتصاد ";
  body += "وصل المبعوثُ إلى أستـــانا أمس ";
  for (int i = 0; i < 300; ++i) body += "الاقتصاد ";
  ASSERT_TRUE(s->upsert(article("long", body), {}).ok());
  const std::string snippet = snippet_of(*s, "استانا");
  EXPECT_NE(snippet.find("[أستـــانا]"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("المبعوثُ"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.rfind("…", 0), 0u) << snippet;                           // text left out before
  EXPECT_EQ(snippet.size() - snippet.rfind("…"), std::string("…").size()) << snippet;  // and after
}

TEST(Snippet, ShortBodyIsShownWhole) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s->upsert(article("short", "«انطلقت الجولة العشرون في أستانا» ."), {}).ok());
  EXPECT_EQ(snippet_of(*s, "الجولة"), "«انطلقت [الجولة] العشرون في أستانا» .");
}

// Contract: on random bodies, the snippet without its marks and ellipses is a piece of the
// body, and every marked piece analyzes to a query term.
TEST(Snippet, IsAPieceOfTheBodyWithOnlyQueryTermsMarked) {
  TempDb db;
  auto s = store::Store::open(db.path);
  ASSERT_TRUE(s.ok());
  const std::vector<std::string> vocabulary{"الجولة", "أستانا", "المبعوث", "سوريا", "وفد", "الضامنة", "موسكو",
                                            "طهران", "أنقرة", "القـ.ـضية", "الأمميّ", "في", "من", "2023"};
  std::mt19937 rng(7);
  std::vector<std::string> bodies;
  for (int d = 0; d < 40; ++d) {
    std::string body;
    const int n = 5 + static_cast<int>(rng() % 400);
    for (int i = 0; i < n; ++i) body += vocabulary[rng() % vocabulary.size()] + (rng() % 9 == 0 ? ". " : " ");
    bodies.push_back(body);
    ASSERT_TRUE(s->upsert(article("d" + std::to_string(d), body), {}).ok());
  }
  for (const std::string query : {"المبعوث", "الضامنة طهران", "القضية", "الاممي موسكو"}) {
    std::set<std::string> wanted;
    text::Analyzer::standard().analyze(query, [&](const text::Term& t) { wanted.insert(t.text); });
    search::SearchRequest req;
    req.query = query;
    req.mode = search::ModeChoice::any;
    req.limit = 50;
    auto r = search::search(*s, req);
    ASSERT_TRUE(r.ok());
    ASSERT_FALSE(r->hits.empty()) << query;
    for (const auto& hit : r->hits) {
      const std::string& body = bodies[static_cast<std::size_t>(std::stoi(hit.id.substr(1)))];
      std::string plain;
      std::string_view rest = hit.snippet;
      if (rest.rfind("…", 0) == 0) rest.remove_prefix(std::string("…").size());
      if (rest.size() >= 3 && rest.substr(rest.size() - 3) == "…") rest.remove_suffix(3);
      for (std::size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == '[') {
          const std::size_t close = rest.find(']', i);
          ASSERT_NE(close, std::string_view::npos) << hit.snippet;
          const std::string marked(rest.substr(i + 1, close - i - 1));
          bool is_query_term = false;
          text::Analyzer::standard().analyze(marked, [&](const text::Term& t) { is_query_term |= wanted.count(t.text) > 0; });
          EXPECT_TRUE(is_query_term) << marked << " in " << hit.snippet;
          plain += marked;
          i = close;
        } else {
          plain += rest[i];
        }
      }
      EXPECT_NE(body.find(plain), std::string::npos) << hit.snippet;
      EXPECT_NE(hit.snippet.find('['), std::string::npos) << "no match marked: " << hit.snippet;
    }
  }
}
