// The learned check of the event coder (masar/events/learned.hpp): the labelled-CSV reader, the
// features, training with cross-validation, the model file, and the shipped model's say on
// ASSAULT and PROTEST. Sentences and rows written for the tests.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "entities/model_file.hpp"
#include "masar/events/learned.hpp"

namespace masar::events {
namespace {

std::filesystem::path write_temp(const std::string& name, const std::string& content) {
  const auto path = std::filesystem::temp_directory_path() / ("masar-check-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(LabelledCsv, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  const auto path = write_temp("quoted.csv",
                               "label,id,extra,event_type,text\r\n"
                               "yes,d1-1,x,ASSAULT,\"قتل، مسلحون \"\"ثلاثة\"\" جنود\"\r\n"
                               "no,d1-2,,PROTEST,\"سطر أول\nسطر ثان\"\n"
                               "difficult no,d2-1,,ASSAULT,جملة بلا علامات\n");
  std::vector<std::string> problems;
  const auto read = read_labelled_csv(path, problems);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(read.value().size(), 3u);
  EXPECT_EQ(read.value()[0].sentence, "قتل، مسلحون \"ثلاثة\" جنود");
  EXPECT_TRUE(read.value()[0].reports);
  EXPECT_EQ(read.value()[1].sentence, "سطر أول\nسطر ثان");
  EXPECT_EQ(read.value()[1].type, EventType::PROTEST);
  EXPECT_FALSE(read.value()[1].reports);
  // The record after a two-line one starts on line 5.
  EXPECT_EQ(read.value()[2].line, 5u);
  EXPECT_EQ(read.value()[2].id, "d2-1");
  std::filesystem::remove(path);
}

TEST(LabelledCsv, BadRowsAreNamedByFileAndLineAndSkipped) {
  const auto path = write_temp("bad.csv",
                               "id,text,event_type,label\n"
                               "a-1,\"جملة\nعلى سطرين\",ASSAULT,maybe\n"
                               "a-2,جملة,RIOT,yes\n"
                               "a-3,جملة ناقصة\n"
                               "a-4,جملة مبهمة,ASSAULT,ambiguous\n"
                               "a-5,جملة سليمة,ASSAULT,easy no\n");
  std::vector<std::string> problems;
  const auto read = read_labelled_csv(path, problems);
  ASSERT_TRUE(read);
  ASSERT_EQ(read.value().size(), 2u);
  EXPECT_EQ(read.value()[0].id, "a-4");  // "ambiguous" is read, not scored
  EXPECT_EQ(read.value()[1].id, "a-5");
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0], path.string() + ":2: unknown label \"maybe\", skipped");
  EXPECT_EQ(problems[1], path.string() + ":4: unknown event type \"RIOT\", skipped");
  EXPECT_EQ(problems[2], path.string() + ":5: expected 4 fields, skipped");
  std::filesystem::remove(path);
}

TEST(LabelledCsv, TheAnnotatorsVotesAreReadAndAmbiguousRowsAreNotScored) {
  const auto path = write_temp("votes.csv",
                               "accept,event_type,id,label,reject,text,total\n"
                               "3,ASSAULT,v1-1,yes,0,قتل مسلحون جنديين,3\n"
                               "2,ASSAULT,v1-2,difficult no,2,قتل في هجوم,4\n"
                               "2,PROTEST,v2-1,ambiguous,1,تظاهر مئات,3\n"
                               "5,PROTEST,v2-2,easy no,0,عدد أكبر من المصوتين,3\n"
                               "x,PROTEST,v2-3,easy no,0,عدد غير مقروء,99999999999\n");
  std::vector<std::string> problems;
  const auto read = read_labelled_csv(path, problems);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_TRUE(problems.empty());
  const auto& rows = read.value();
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].accepts, 3);
  EXPECT_EQ(rows[0].annotators, 3);
  EXPECT_TRUE(rows[0].scored);
  EXPECT_EQ(rows[1].accepts, 2);
  EXPECT_EQ(rows[1].annotators, 4);
  EXPECT_FALSE(rows[1].reports);
  EXPECT_FALSE(rows[2].scored);
  EXPECT_FALSE(rows[2].reports);
  // More accepts than annotators is not a vote: read as unknown.
  EXPECT_EQ(rows[3].accepts, 0);
  EXPECT_EQ(rows[3].annotators, 0);
  // So are counts that are not small whole numbers.
  EXPECT_EQ(rows[4].accepts, 0);
  EXPECT_EQ(rows[4].annotators, 0);
  std::filesystem::remove(path);
}

TEST(LabelledCsv, AHeaderWithoutTheColumnsIsAnError) {
  const auto path = write_temp("header.csv", "id,sentence,label\na-1,جملة,yes\n");
  std::vector<std::string> problems;
  const auto read = read_labelled_csv(path, problems);
  ASSERT_FALSE(read);
  EXPECT_NE(read.error().message.find(":1: the header must name"), std::string::npos) << read.error().message;
  std::filesystem::remove(path);
}

TEST(LabelledCsv, AnUnclosedQuoteEndsTheFileWithAProblem) {
  const auto path = write_temp("open.csv", "id,text,event_type,label\na-1,جملة,ASSAULT,yes\na-2,\"لا تنتهي,ASSAULT,yes\n");
  std::vector<std::string> problems;
  const auto read = read_labelled_csv(path, problems);
  ASSERT_TRUE(read);
  EXPECT_EQ(read.value().size(), 1u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find(":3: a quoted field is never closed"), std::string::npos) << problems[0];
  std::filesystem::remove(path);
}

TEST(CheckFeatures, TheRulesFindingsTheTriggerAndTheWords) {
  const std::string s = "قتل مسلحون ثلاثة جنود أمس";
  const auto events = code_sentence(s, {}, nullptr);
  ASSERT_EQ(events.size(), 1u);
  ASSERT_EQ(events[0].type, EventType::ASSAULT);
  const auto f = check_features(s, events[0], events);
  const auto has = [&](const std::string& name) { return std::find(f.begin(), f.end(), name) != f.end(); };
  EXPECT_TRUE(has("bias"));
  EXPECT_TRUE(has("rule"));  // asserted, and dated by أمس
  EXPECT_TRUE(has("mode=asserted"));
  EXPECT_TRUE(has("trig=قتل"));
  EXPECT_TRUE(has("w=جنود"));
  EXPECT_TRUE(has("b=مسلح_ثلاث")) << ::testing::PrintToString(f);  // words as search terms
  EXPECT_FALSE(has("b=قتل_ثلاث"));  // pairs of neighbours only
  EXPECT_TRUE(has("after1=مسلح"));
  EXPECT_TRUE(has("after2=ثلاث"));
  EXPECT_TRUE(has("at=0"));  // the act opens the sentence
  EXPECT_TRUE(has("length=0"));
  EXPECT_FALSE(has("number"));
  EXPECT_TRUE(std::is_sorted(f.begin(), f.end()));
  EXPECT_EQ(std::adjacent_find(f.begin(), f.end()), f.end());  // each once
}

TEST(CheckFeatures, TheWordsBeforeTheTriggerAndTheirClusters) {
  const std::string s = "وفي المدينة قتل 3 جنود أمس";
  const auto events = code_sentence(s, {}, nullptr);
  ASSERT_EQ(events.size(), 1u);
  const auto f = check_features(s, events[0], events);
  const auto has = [&](const std::string& name) { return std::find(f.begin(), f.end(), name) != f.end(); };
  EXPECT_TRUE(has("before1=مدين")) << ::testing::PrintToString(f);  // في is a stop word
  EXPECT_FALSE(has("before2=مدين"));
  EXPECT_TRUE(has("after1=3"));
  EXPECT_TRUE(has("number"));
  // The clusters of the words as written around it: وفي and المدينة before, 3 جنود أمس after.
  const auto count = [&](std::string_view prefix) {
    return std::count_if(f.begin(), f.end(), [&](const std::string& x) { return x.rfind(prefix, 0) == 0; });
  };
  EXPECT_EQ(count("cluster_before1="), 1);
  EXPECT_EQ(count("cluster_before2="), 1);
  EXPECT_EQ(count("cluster_before3="), 0);
  EXPECT_EQ(count("cluster_after3="), 1);
}

// Sentences of `documents` documents, two a document: the word "مؤكد" marks a report, "مزعوم"
// one that is not; everything else is shared.
std::vector<TrainingSentence> marked_sentences(int documents) {
  std::vector<TrainingSentence> out;
  for (int d = 0; d < documents; ++d) {
    for (int k = 0; k < 2; ++k) {
      TrainingSentence s;
      s.id = "doc" + std::to_string(d) + "-" + std::to_string(k);
      s.reports = (d + k) % 2 == 0;
      s.candidate = s.asserted = true;
      s.features = {"bias", "trig=قتل", "w=" + std::to_string(d % 7), s.reports ? "w=مؤكد" : "w=مزعوم"};
      out.push_back(s);
    }
  }
  // A sentence without a trigger is never a report, whatever its label.
  TrainingSentence missed;
  missed.id = "doc-missed-1";
  missed.reports = true;
  out.push_back(missed);
  return out;
}

TEST(TrainCheck, LearnsTheWordThatMarksAReportAndMeasuresItOnHeldOutDocuments) {
  CheckTraining options;
  options.folds = 4;
  options.min_count = 1;
  const auto trained = train_check(marked_sentences(20), options);
  ASSERT_EQ(trained.reports.size(), 1u);
  const TypeReport& r = trained.reports[0];
  EXPECT_EQ(r.sentences, 41u);
  EXPECT_EQ(r.reports, 21u);
  EXPECT_EQ(r.candidates, 40u);
  EXPECT_EQ(r.true_positives, 20u);
  EXPECT_EQ(r.false_positives, 0u);
  EXPECT_EQ(r.false_negatives, 1u);  // the one without a trigger
  ASSERT_TRUE(trained.check.covers(EventType::ASSAULT));
  EXPECT_FALSE(trained.check.covers(EventType::PROTEST));
  const LearnedCheck& check = trained.check;
  EXPECT_GE(check.probability(EventType::ASSAULT, {"bias", "trig=قتل", "w=مؤكد"}), check.threshold(EventType::ASSAULT));
  EXPECT_LT(check.probability(EventType::ASSAULT, {"bias", "trig=قتل", "w=مزعوم"}), check.threshold(EventType::ASSAULT));
}

TEST(TrainCheck, AmbiguousSentencesTrainButAreNeverScored) {
  auto sentences = marked_sentences(20);
  for (int d = 0; d < 6; ++d) {
    TrainingSentence s;
    s.id = "amb" + std::to_string(d) + "-1";
    s.candidate = s.asserted = true;
    s.scored = false;
    s.accepts = 2;
    s.annotators = 3;
    s.features = {"bias", "trig=قتل", "w=مؤكد"};
    sentences.push_back(s);
  }
  CheckTraining options;
  options.folds = 4;
  options.min_count = 1;
  const auto trained = train_check(sentences, options);
  const TypeReport& r = trained.reports.at(0);
  EXPECT_EQ(r.sentences, 41u);
  EXPECT_EQ(r.candidates, 40u);
  EXPECT_EQ(r.true_positives + r.false_positives, r.predicted_ids.size());
  for (const auto& id : r.predicted_ids) EXPECT_NE(id.rfind("amb", 0), 0u) << id;
}

TEST(TrainCheck, ASplitVoteCountsAsPartlyAReport) {
  // "w=خلاف" marks only non-reports, which half the annotators accepted: soft labels fit it
  // nearer to a report than hard labels do.
  auto sentences = marked_sentences(20);
  for (int d = 0; d < 8; ++d) {
    TrainingSentence s;
    s.id = "split" + std::to_string(d) + "-1";
    s.candidate = s.asserted = true;
    s.accepts = 2;
    s.annotators = 4;
    s.features = {"bias", "trig=قتل", "w=خلاف"};
    sentences.push_back(s);
  }
  CheckTraining options;
  options.folds = 4;
  options.min_count = 1;
  const auto weight = [&] {
    const TrainedCheck trained = train_check(sentences, options);
    const auto& weights = trained.check.types().at(EventType::ASSAULT).weights;
    const auto it = weights.find("w=خلاف");
    return it == weights.end() ? 0.0f : it->second;
  };
  const float soft = weight();
  options.soft_labels = false;
  const float hard = weight();
  // Half of the rest are reports: a target of 0.5 leaves the word near 0, a target of 0 pushes
  // it down.
  EXPECT_LT(hard, -0.1f);
  EXPECT_GT(soft, hard + 0.1f);
}

TEST(TrainCheck, TheSentencesOfOneDocumentShareItsId) {
  EXPECT_EQ(document_of("AAW_ARB_20080913.0007-59"), "AAW_ARB_20080913.0007");
  EXPECT_EQ(document_of("e6874d82b9c4d010_21"), "e6874d82b9c4d010");  // hashed ids number with '_'
  EXPECT_EQ(document_of("doc3-1"), "doc3");
  EXPECT_EQ(document_of("plain"), "plain");
  EXPECT_EQ(document_of("a-b"), "a-b");  // no number after the mark: not a sentence number
  EXPECT_EQ(document_of("_7"), "_7");    // nothing before it
}

TEST(TrainCheck, AmbiguousSentencesWithoutVotesAreLeftOut) {
  // Without votes an "ambiguous" sentence says neither yes nor no: it must not train as a no.
  auto sentences = marked_sentences(20);
  CheckTraining options;
  options.folds = 4;
  options.min_count = 1;
  const auto before = train_check(sentences, options).check.to_bytes();
  for (int d = 0; d < 6; ++d) {
    TrainingSentence s;
    s.id = "amb" + std::to_string(d) + "-1";
    s.candidate = s.asserted = true;
    s.scored = false;
    s.features = {"bias", "trig=قتل", "w=مؤكد"};
    sentences.push_back(s);
  }
  EXPECT_EQ(train_check(sentences, options).check.to_bytes(), before);
}

TEST(TrainCheck, ATypeWithNothingToMeasureGetsNoModel) {
  // PROTEST has only ambiguous sentences: no threshold can be chosen, so no weights ship.
  auto sentences = marked_sentences(20);
  for (int d = 0; d < 8; ++d) {
    TrainingSentence s;
    s.id = "p" + std::to_string(d) + "-1";
    s.type = EventType::PROTEST;
    s.candidate = s.asserted = true;
    s.scored = false;
    s.accepts = 2;
    s.annotators = 3;
    s.features = {"bias", "trig=تظاهر"};
    sentences.push_back(s);
  }
  CheckTraining options;
  options.folds = 4;
  options.min_count = 1;
  const auto trained = train_check(sentences, options);
  EXPECT_TRUE(trained.check.covers(EventType::ASSAULT));
  EXPECT_FALSE(trained.check.covers(EventType::PROTEST));
  for (const auto& r : trained.reports) EXPECT_NE(r.type, EventType::PROTEST);
}

TEST(TrainCheck, RareFeaturesGetNoWeight) {
  auto sentences = marked_sentences(20);
  sentences[0].features.push_back("w=نادر");
  CheckTraining options;
  options.folds = 4;
  options.min_count = 2;
  const auto trained = train_check(sentences, options);
  const auto& weights = trained.check.types().at(EventType::ASSAULT).weights;
  EXPECT_EQ(weights.count("w=نادر"), 0u);
  EXPECT_EQ(weights.count("w=مؤكد"), 1u);
}

TEST(LearnedCheckFile, RoundTripKeepsWeightsAndThresholds) {
  CheckTraining options;
  options.folds = 3;
  options.min_count = 1;
  const LearnedCheck check = train_check(marked_sentences(12), options).check;
  const auto back = LearnedCheck::from_bytes(check.to_bytes(), "test");
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back.value().to_bytes(), check.to_bytes());
  EXPECT_FLOAT_EQ(back.value().threshold(EventType::ASSAULT), check.threshold(EventType::ASSAULT));
  const std::vector<std::string> f = {"bias", "trig=قتل", "w=مؤكد", "w=3"};
  EXPECT_NEAR(back.value().probability(EventType::ASSAULT, f), check.probability(EventType::ASSAULT, f), 1e-6);
}

TEST(LearnedCheckFile, ACutOrForeignFileIsAnError) {
  EXPECT_FALSE(LearnedCheck::from_bytes("plain text", "x"));
  const std::string whole = "masar-event-check 1\ntype\tPROTEST\t0.3\t2\n-1\tbias\n2\tw=خيام\n";
  const auto read = LearnedCheck::from_bytes(entities::compress_model(whole), "whole.bin");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_FLOAT_EQ(read.value().types().at(EventType::PROTEST).weights.at("w=خيام"), 2.0f);
  // A weight fewer than its type line promises: the file was cut.
  const std::string cut = "masar-event-check 1\ntype\tPROTEST\t0.3\t2\n-1\tbias\n";
  const auto bad = LearnedCheck::from_bytes(entities::compress_model(cut), "cut.bin");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("cut.bin:3: the last type has fewer weights"), std::string::npos) << bad.error().message;
  const auto no_type = LearnedCheck::from_bytes(entities::compress_model("masar-event-check 1\n-1\tbias\n"), "t.bin");
  ASSERT_FALSE(no_type);
  EXPECT_NE(no_type.error().message.find("t.bin:2:"), std::string::npos) << no_type.error().message;
}

// The shipped model (models/events.bin, trained on arabic_event_gsr) decides ASSAULT and
// PROTEST; the other types keep the rules' answer.
const CodedEvent* event_of(const std::vector<CodedEvent>& events, EventType type) {
  for (const auto& e : events) {
    if (e.type == type) return &e;
  }
  return nullptr;
}

TEST(BuiltinCheck, ShipsWithTheProgramAndCoversAssaultAndProtest) {
  const LearnedCheck* check = LearnedCheck::builtin();
  ASSERT_NE(check, nullptr) << "models/events.bin was not built in";
  EXPECT_TRUE(check->covers(EventType::ASSAULT));
  EXPECT_TRUE(check->covers(EventType::PROTEST));
  EXPECT_FALSE(check->covers(EventType::CONSULT));
}

TEST(BuiltinCheck, ClearReportsStayAndGeneralStatementsGo) {
  const auto reported = [](std::string_view s, EventType type) {
    const auto events = code_sentence(s);
    const CodedEvent* e = event_of(events, type);
    EXPECT_NE(e, nullptr) << s;
    EXPECT_TRUE(e && e->probability.has_value()) << s;
    return e && e->mode == Mode::asserted && e->specific;
  };
  EXPECT_TRUE(reported("أطلق مسلحون النار على دورية للجيش مساء الأحد فأصابوا جنديين", EventType::ASSAULT));
  EXPECT_TRUE(reported("تظاهر مئات العمال أمس أمام مقر الشركة للمطالبة بأجورهم", EventType::PROTEST));
  EXPECT_FALSE(reported("تزايدت في المنطقة عمليات خطف الأجانب خلال السنوات الأخيرة", EventType::ASSAULT));
  EXPECT_FALSE(reported("تبقى المظاهرات وسيلة الطلاب للتعبير عن مطالبهم", EventType::PROTEST));
}

TEST(BuiltinCheck, OtherTypesKeepTheRulesAnswer) {
  const std::string s = "اجتمع الوزيران في العاصمة أمس";
  const auto checked = code_sentence(s);
  const auto rules = code_sentence(s, {}, nullptr);
  ASSERT_EQ(checked.size(), 1u);
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(checked[0].type, EventType::CONSULT);
  EXPECT_EQ(checked[0].specific, rules[0].specific);
  EXPECT_FALSE(checked[0].probability.has_value());
}

}  // namespace
}  // namespace masar::events
