#include "masar/extract/readers.hpp"

#include <gtest/gtest.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace masar;
using namespace masar::extract;

namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("masar-readers-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& content) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << content;
    return path / name;
  }
  static inline int counter = 0;
};

struct Collected {
  std::vector<Article> articles;
  std::vector<std::string> problems;
  ArticleSink sink() {
    return [this](Article&& a) { articles.push_back(std::move(a)); };
  }
  ProblemSink problem_sink() {
    return [this](const Error& e) { problems.push_back(e.message); };
  }
};

}  // namespace

TEST(Readers, JsonLinesWithUnknownFieldsKept) {
  TempDir dir;
  auto f = dir.write("a.jsonl", R"({"id": "x1", "title": "عنوان", "text": "نص", "date": "2023-06-21", "author": "مراسل", "tags": ["أستانا", 20]})" "\n");
  Collected c;
  ASSERT_TRUE(read_path(f, c.sink(), c.problem_sink()).ok());
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].id, "x1");
  EXPECT_EQ(c.articles[0].title, "عنوان");
  EXPECT_EQ(c.articles[0].extra["author"], "مراسل");
  EXPECT_EQ(c.articles[0].extra["tags"][1], 20);
  EXPECT_EQ(c.articles[0].origin, f.string() + ":1");
}

TEST(Readers, BadLineIsReportedWithFileAndLineAndTheRestIsRead) {
  TempDir dir;
  auto f = dir.write("a.jsonl", "{\"id\": \"1\", \"text\": \"أ\"}\n{broken\n\n{\"id\": \"2\", \"text\": \"ب\"}\n[1,2]\n");
  Collected c;
  ASSERT_TRUE(read_path(f, c.sink(), c.problem_sink()).ok());
  EXPECT_EQ(c.articles.size(), 2u);
  ASSERT_EQ(c.problems.size(), 2u);
  EXPECT_NE(c.problems[0].find(f.string() + ":2:"), std::string::npos) << c.problems[0];
  EXPECT_NE(c.problems[1].find(":5: not a JSON object"), std::string::npos) << c.problems[1];
}

TEST(Readers, MissingIdOrBodyIsAProblem) {
  TempDir dir;
  auto f = dir.write("a.jsonl", "{\"text\": \"نص\"}\n{\"id\": \"3\"}\n{\"id\": 7, \"text\": \"رقم\"}\n");
  Collected c;
  ASSERT_TRUE(read_path(f, c.sink(), c.problem_sink()).ok());
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].id, "7");  // numeric ids become strings
  ASSERT_EQ(c.problems.size(), 2u);
  EXPECT_NE(c.problems[0].find("no \"id\""), std::string::npos);
  EXPECT_NE(c.problems[1].find("neither \"text\" nor \"html\""), std::string::npos);
}

// A title with an empty "text" (a video page) says what is empty, not that a field is missing.
TEST(Readers, AnEmptyBodyIsNamedAsEmpty) {
  TempDir dir;
  auto f = dir.write("a.jsonl", "{\"id\": \"v1\", \"title\": \"هدف رائع\", \"text\": \"\"}\n");
  Collected c;
  ASSERT_TRUE(read_path(f, c.sink(), c.problem_sink()).ok());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_NE(c.problems[0].find(":1: article v1 has an empty body"), std::string::npos) << c.problems[0];
}

TEST(Readers, ZstdJsonLinesRoundTrip) {
  TempDir dir;
  std::string plain;
  for (int i = 0; i < 500; ++i) plain += "{\"id\": \"z" + std::to_string(i) + "\", \"text\": \"خبر رقم " + std::to_string(i) + "\"}\n";
  std::string packed(ZSTD_compressBound(plain.size()), '\0');
  packed.resize(ZSTD_compress(packed.data(), packed.size(), plain.data(), plain.size(), 3));
  auto f = dir.write("a.jsonl.zst", packed);
  Collected c;
  ASSERT_TRUE(read_path(f, c.sink(), c.problem_sink()).ok());
  EXPECT_EQ(c.articles.size(), 500u);
  EXPECT_EQ(c.articles.back().id, "z499");
  EXPECT_TRUE(c.problems.empty());
}

TEST(Readers, TruncatedZstdIsReported) {
  TempDir dir;
  std::string plain = "{\"id\": \"a\", \"text\": \"نص\"}\n";
  std::string packed(ZSTD_compressBound(plain.size()), '\0');
  packed.resize(ZSTD_compress(packed.data(), packed.size(), plain.data(), plain.size(), 3));
  packed.resize(packed.size() - 3);
  Collected c;
  ASSERT_TRUE(read_path(dir.write("t.zst", packed), c.sink(), c.problem_sink()).ok());
  EXPECT_FALSE(c.problems.empty());
}

TEST(Readers, DirectoriesRecursivelyInSortedOrder) {
  TempDir dir;
  dir.write("b/2.txt", "ثانٍ");
  dir.write("a/1.txt", "أول");
  dir.write("a/page.html", "<html><body><p>صفحة</p></body></html>");
  dir.write("notes.md", "ignored");
  Collected c;
  ASSERT_TRUE(read_path(dir.path, c.sink(), c.problem_sink()).ok());
  ASSERT_EQ(c.articles.size(), 3u);
  EXPECT_EQ(c.articles[0].id, "1");
  EXPECT_EQ(c.articles[1].id, "page");
  EXPECT_FALSE(c.articles[1].html.empty());
  EXPECT_EQ(c.articles[2].id, "2");
  EXPECT_TRUE(c.problems.empty());
}

TEST(Readers, TextFileIdIsItsNameAndCrlfIsNormalised) {
  TempDir dir;
  Collected c;
  ASSERT_TRUE(read_path(dir.write("astana-20.txt", "عنوان\r\nنص\r\n"), c.sink(), c.problem_sink()).ok());
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].id, "astana-20");
  EXPECT_EQ(c.articles[0].text, "عنوان\nنص\n");
}

TEST(Readers, InvalidUtf8BecomesReplacementCharacters) {
  TempDir dir;
  Collected c;
  ASSERT_TRUE(read_path(dir.write("bad.txt", std::string("سوريا\xFF")), c.sink(), c.problem_sink()).ok());
  EXPECT_EQ(c.articles[0].text, "سوريا\xEF\xBF\xBD");
}

TEST(Readers, MissingPathAndUnknownExtension) {
  TempDir dir;
  Collected c;
  auto missing = read_path(dir.path / "nope.jsonl", c.sink(), c.problem_sink());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::not_found);
  auto unknown = read_path(dir.write("x.pdf", "%PDF"), c.sink(), c.problem_sink());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, Errc::unsupported);
}

TEST(Readers, Stream) {
  std::istringstream in("{\"id\": \"s\", \"text\": \"نص\"}\nnot json\n");
  Collected c;
  ASSERT_TRUE(read_jsonl_stream(in, "<stdin>", c.sink(), c.problem_sink()).ok());
  EXPECT_EQ(c.articles.size(), 1u);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].rfind("<stdin>:2:", 0), 0u);
}
