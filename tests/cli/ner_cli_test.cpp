// End-to-end: `masar ner --conll` with the built-in model and `masar train ner` on a small
// corpus written here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_runner.hpp"

using masar::testing::run_masar;
using masar::testing::temp_path;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

}  // namespace

TEST(NerCli, TagsOneTokenALineAndKeepsSentenceBreaks) {
  const auto r = run_masar("ner --conll", "قال\nالرئيس\nرجب\nطيب\nأردوغان\n\nفي\nأنقرة\n");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto out = lines_of(r.out);
  ASSERT_EQ(out.size(), 9u);  // 7 tokens, a break after each sentence
  EXPECT_EQ(out[0], "قال O");
  EXPECT_EQ(out[2], "رجب B-PER");
  EXPECT_EQ(out[4], "أردوغان I-PER");
  EXPECT_EQ(out[5], "");
  EXPECT_EQ(out[7], "أنقرة B-LOC");
}

TEST(NerCli, ReadsTheFirstColumnOfTaggedInput) {
  const auto r = run_masar("ner --conll", "-DOCSTART- -X- O\n\nزار O\nأنقرة B-LOC\n");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(lines_of(r.out), (std::vector<std::string>{"زار O", "أنقرة B-LOC", ""}));
}

TEST(NerCli, InvalidBytesAreReplacedAndReported) {
  const auto r = run_masar("ner --conll", "\xff\xfe\nأنقرة\n");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("invalid UTF-8"), std::string::npos) << r.err;
  EXPECT_EQ(lines_of(r.out).size(), 3u);
}

TEST(NerCli, TrainsAModelThatTagsWithModel) {
  const auto corpus = temp_path("train.conll");
  const auto model = temp_path("model.bin");
  {
    std::ofstream out(corpus);
    const char* names[] = {"سمير", "خالد", "ليلى", "منير", "هشام", "نادية"};
    for (const char* n : names) out << "قال O\nالرئيس O\n" << n << " B-PERS\nإن O\n\n";
    out << "كلمة ???\n\n";  // a bad tag: reported with its line, skipped
  }
  const auto train = run_masar("train ner --epochs 5 --conll '" + corpus.string() + "' --out '" + model.string() + "'");
  ASSERT_EQ(train.status, 0) << train.err;
  EXPECT_NE(train.err.find(":31: unknown tag"), std::string::npos) << train.err;
  ASSERT_TRUE(std::filesystem::exists(model));
  const auto r = run_masar("ner --conll --model '" + model.string() + "'", "قال\nالرئيس\nجواد\nإن\n");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(lines_of(r.out)[2], "جواد B-PER");
  const auto bad = run_masar("ner --conll --model '" + corpus.string() + "'", "قال\n");
  EXPECT_NE(bad.status, 0);
  EXPECT_NE(bad.err.find("not a masar NER model"), std::string::npos) << bad.err;
  std::filesystem::remove(corpus);
  std::filesystem::remove(model);
}
