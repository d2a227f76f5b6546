// End-to-end tests of `masar train events` and of `masar code` with a trained model, the
// built-in one and the rules alone. The labelled rows are written here: in each document two
// sentences the rules code alike (a killing, dated), one labelled a report ("بحسب شهود"), the
// other not ("في رواية مزعومة"), so only the learned words can tell them apart.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.hpp"

namespace masar::testing {
namespace {

std::string labelled_csv(int documents) {
  const char* places[] = {"الحاجز", "الجسر", "المطار", "المعبر", "الميناء", "السوق"};
  std::string csv = "id,text,event_type,label\n";
  for (int d = 0; d < documents; ++d) {
    const std::string place = places[d % 6], n = std::to_string(d + 2);
    csv += "doc" + std::to_string(d) + "-1,\"قتل مسلحون " + n + " جنود قرب " + place + " أمس، بحسب شهود\",ASSAULT,yes\n";
    csv += "doc" + std::to_string(d) + "-2,قتل مسلحون " + n + " جنود قرب " + place + " أمس في رواية مزعومة,ASSAULT,no\n";
  }
  return csv;
}

struct TrainedModel {
  std::filesystem::path csv = temp_path("labelled.csv"), model = temp_path("events.bin"), cv = temp_path("cv.tsv");
  RunResult run;
  TrainedModel() {
    std::ofstream(csv, std::ios::binary) << labelled_csv(12) << "doc99-1,جملة,ASSAULT,perhaps\n";
    run = run_masar("train events --no-entities --folds 3 --min-count 1 --data '" + csv.string() + "' --out '" +
                    model.string() + "' --cv-out '" + cv.string() + "'");
  }
  ~TrainedModel() {
    for (const auto& p : {csv, model, cv}) std::filesystem::remove(p);
  }
};

TEST(TrainEventsCli, ReportsCrossValidationWritesTheModelAndTheHeldOutDecisions) {
  const TrainedModel trained;
  ASSERT_EQ(trained.run.status, 0) << trained.run.err;
  // The bad row is named by file and line (header, then two rows a document) and skipped.
  EXPECT_NE(trained.run.err.find(trained.csv.string() + ":26: unknown label \"perhaps\", skipped"), std::string::npos)
      << trained.run.err;
  EXPECT_NE(trained.run.err.find("ASSAULT: 24 sentences, 12 reports, 24 with a trigger; 3-fold cross-validation"),
            std::string::npos)
      << trained.run.err;
  EXPECT_TRUE(std::filesystem::exists(trained.model));
  // One line a sentence; the held-out decisions find the reports and only them.
  std::istringstream cv(read_file(trained.cv));
  int lines = 0, found = 0;
  for (std::string line; std::getline(cv, line); ++lines) {
    const bool report = line.find("-1\t") != std::string::npos;
    const bool assault = line.find("\tASSAULT") != std::string::npos;
    found += assault;
    EXPECT_EQ(report, assault) << line;
  }
  EXPECT_EQ(lines, 24);
  EXPECT_EQ(found, 12);
}

TEST(TrainEventsCli, ASentenceLabelledForTwoTypesIsOneLineOfTheDecisions) {
  const auto csv = temp_path("two-types.csv"), model = temp_path("two.bin"), cv = temp_path("two.tsv");
  std::ofstream(csv, std::ios::binary) << labelled_csv(6) << "doc0-1,\"قتل مسلحون 2 جنود قرب الحاجز أمس، بحسب شهود\",PROTEST,no\n";
  const auto r = run_masar("train events --no-entities --folds 3 --min-count 1 --data '" + csv.string() + "' --out '" +
                           model.string() + "' --cv-out '" + cv.string() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string decisions = read_file(cv);
  EXPECT_EQ(std::count(decisions.begin(), decisions.end(), '\n'), 12) << decisions;
  EXPECT_EQ(decisions.find("doc0-1\t"), decisions.rfind("doc0-1\t")) << decisions;
  for (const auto& p : {csv, model, cv}) std::filesystem::remove(p);
}

nlohmann::json only_event(const RunResult& r) {
  const auto line = nlohmann::json::parse(r.out);
  EXPECT_EQ(line["events"].size(), 1u) << r.out;
  return line["events"].empty() ? nlohmann::json() : line["events"][0];
}

TEST(TrainEventsCli, CodeUsesTheTrainedModelTheBuiltinOneOrTheRulesAlone) {
  const TrainedModel trained;
  ASSERT_EQ(trained.run.status, 0) << trained.run.err;
  // A place and a count the training never saw.
  const std::string report = "x\tقتل مسلحون 40 جنود قرب القلعة أمس، بحسب شهود\n";
  const std::string claim = "y\tقتل مسلحون 40 جنود قرب القلعة أمس في رواية مزعومة\n";
  const std::string model = "--event-model '" + trained.model.string() + "'";
  const auto yes = run_masar("code --no-entities --format jsonl " + model, report);
  ASSERT_EQ(yes.status, 0) << yes.err;
  EXPECT_TRUE(only_event(yes)["specific"].get<bool>()) << yes.out;
  const auto no = run_masar("code --no-entities --format jsonl --all-modes " + model, claim);
  ASSERT_EQ(no.status, 0) << no.err;
  EXPECT_FALSE(only_event(no)["specific"].get<bool>()) << no.out;
  EXPECT_LT(only_event(no)["probability"].get<double>(), only_event(yes)["probability"].get<double>());
  const auto builtin = run_masar("code --no-entities --format jsonl", report);
  ASSERT_EQ(builtin.status, 0) << builtin.err;
  EXPECT_TRUE(only_event(builtin)["probability"].is_number()) << builtin.out;
  const auto rules = run_masar("code --no-entities --format jsonl --rules-only", report);
  ASSERT_EQ(rules.status, 0) << rules.err;
  EXPECT_TRUE(only_event(rules)["probability"].is_null()) << rules.out;
}

TEST(TrainEventsCli, RulesOnlyAndAModelExcludeEachOther) {
  const TrainedModel trained;
  ASSERT_EQ(trained.run.status, 0) << trained.run.err;
  const auto r = run_masar("code --rules-only --event-model '" + trained.model.string() + "'", "x\tاجتمع الوزراء\n");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("excludes"), std::string::npos) << r.err;
}

TEST(TrainEventsCli, AFileThatIsNoModelIsRefused) {
  const auto bogus = temp_path("bogus.bin");
  std::ofstream(bogus) << "not a model\n";
  const auto r = run_masar("code --event-model '" + bogus.string() + "'", "x\tاجتمع الوزراء\n");
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find(bogus.string() + ": not an event check model"), std::string::npos) << r.err;
  std::filesystem::remove(bogus);
}

TEST(TrainEventsCli, VotesTrainAmbiguousRowsAndOnlyScoredRowsAreCounted) {
  // The same rows with the annotators' votes, and split votes labelled "ambiguous".
  std::string csv = "id,text,event_type,label,accept,total\n";
  std::istringstream rows(labelled_csv(12));
  std::string row;
  std::getline(rows, row);  // header
  while (std::getline(rows, row)) csv += row + (row.ends_with(",yes") ? ",3,3\n" : ",1,3\n");
  for (int k = 0; k < 3; ++k) csv += "amb" + std::to_string(k) + "-1,قتل مسلحون جنديا قرب الحاجز أمس,ASSAULT,ambiguous,2,3\n";
  const auto path = temp_path("votes.csv"), model = temp_path("votes.bin"), cv = temp_path("votes.tsv");
  std::ofstream(path, std::ios::binary) << csv;
  for (const std::string extra : {"", " --hard-labels"}) {
    const auto r = run_masar("train events --no-entities --folds 3 --min-count 1 --data '" + path.string() + "' --out '" +
                             model.string() + "' --cv-out '" + cv.string() + "'" + extra);
    ASSERT_EQ(r.status, 0) << extra << r.err;
    EXPECT_NE(r.err.find("ASSAULT: 24 sentences, 12 reports, 24 with a trigger"), std::string::npos) << extra << r.err;
    const std::string decisions = read_file(cv);
    EXPECT_EQ(std::count(decisions.begin(), decisions.end(), '\n'), 24) << extra;
    EXPECT_EQ(decisions.find("amb"), std::string::npos) << extra;
  }
  for (const auto& p : {path, model, cv}) std::filesystem::remove(p);
}

TEST(TrainEventsCli, NoUsableRowIsAFailure) {
  const auto csv = temp_path("empty.csv"), model = temp_path("none.bin");
  std::ofstream(csv) << "id,text,event_type,label\na-1,جملة,ASSAULT,ambiguous\n";
  const auto r = run_masar("train events --no-entities --data '" + csv.string() + "' --out '" + model.string() + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no labelled sentences"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(model));
  std::filesystem::remove(csv);
}

}  // namespace
}  // namespace masar::testing
