// End-to-end tests of `masar code` and `masar events` on hand-written sentences and the demo
// corpus (the Astana rounds come out as CONSULT records with their ordinals, dates and the
// guarantor states as actors).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli_runner.hpp"

namespace masar::testing {
namespace {

std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

TEST(CodeCli, TsvListsAssertedTypesPerSentence) {
  const auto r = run_masar("code --format tsv",
                           "s1\tتظاهر آلاف الطلاب أمام البرلمان احتجاجا على القانون\n"
                           "s2\tارتفعت أسعار الذهب اليوم\n"
                           "s3\tلم يتظاهر أحد في المدينة\n");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "s1\tPROTEST\ns2\t\ns3\t\n");
}

TEST(CodeCli, JsonlCarriesModeAndActorsWithAllModes) {
  const auto r = run_masar("code --format jsonl --all-modes", "x\tلم تنسحب القوات من المدينة\n");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0]["events"].size(), 1u);
  EXPECT_EQ(lines[0]["events"][0]["event"], "RETREAT");
  EXPECT_EQ(lines[0]["events"][0]["mode"], "negated");
  EXPECT_EQ(lines[0]["events"][0]["source"][0]["text"], "القوات");
}

TEST(CodeCli, BadLineIsReportedAndSkipped) {
  const auto r = run_masar("code", "no tab on this line\nok\tاجتمع الوزراء\n");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("stdin:1:"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "ok\tCONSULT\n");
}

TEST(EventsCli, AstanaRoundsAreConsultRecordsWithOrdinalsAndGuarantors) {
  const auto& db = demo_db();
  const auto r = run_masar("events " + db.arg() + " --type CONSULT --format jsonl");
  ASSERT_EQ(r.status, 0) << r.err;
  std::map<int, nlohmann::json> rounds;
  for (const auto& rec : json_lines(r.out)) {
    if (rec["series"].is_null() || rec["series"]["name"] != "أستانا" || rec["mode"] != "asserted") continue;
    rounds.emplace(rec["series"]["ordinal"].get<int>(), rec);
  }
  // Every round the demo corpus reports (examples/demo-manifest.jsonl), with the month it was
  // held; round 3's only page carries no date.
  const std::map<int, std::string> held = {
      {1, "2017-01"},  {2, "2017-02"},  {3, ""},        {4, "2017-05"},  {6, "2017-09"},  {8, "2017-12"},
      {9, "2018-05"},  {10, "2018-07"}, {11, "2018-11"}, {12, "2019-04"}, {13, "2019-08"}, {14, "2019-12"},
      {15, "2021-02"}, {16, "2021-07"}, {17, "2021-12"}, {18, "2022-06"}, {19, "2022-11"}, {20, "2023-06"},
      {21, "2024-01"}, {22, "2024-11"}};
  for (const auto& [round, month] : held) {
    ASSERT_TRUE(rounds.count(round)) << "round " << round << " missing:\n" << r.out;
    EXPECT_EQ(rounds.at(round)["date"].get<std::string>().substr(0, 7), month) << "round " << round;
    // The guarantors as linked actors: named with the meeting ("بمشاركة … روسيا وتركيا
    // وإيران"), listed elsewhere in the article for "الدول الضامنة", or, when the article
    // only says "الدول الضامنة", the group the series' earlier rounds list.
    std::set<std::string> actors;
    for (const auto& a : rounds.at(round)["source"]) {
      actors.insert(a["text"].get<std::string>());
      EXPECT_FALSE(a["entity"].is_null()) << a.dump();
    }
    for (const char* state : {"روسيا", "تركيا", "إيران"}) EXPECT_TRUE(actors.count(state)) << "round " << round << ": " << state;
  }
  // The city of the talks is where they were held, never a party to them.
  for (const auto& [round, rec] : rounds) {
    for (const char* role : {"source", "target"}) {
      for (const auto& a : rec[role]) {
        for (const char* city : {"أستانا", "نور سلطان", "سوتشي"}) EXPECT_NE(a["text"], city) << "round " << round;
      }
    }
  }
  EXPECT_EQ(rounds.at(18)["location"]["text"], "نور سلطان");
  EXPECT_EQ(rounds.at(10)["location"]["text"], "سوتشي");
  EXPECT_EQ(rounds.at(22)["location"]["text"], "أستانا");  // "انتهت في أستانا، الثلاثاء، الجولة …"
  // Round 9's article names Sochi as the next round's venue, not as its own.
  EXPECT_TRUE(rounds.at(9)["location"].is_null()) << rounds.at(9).dump();
}

// Copies are not coded twice, but they report the event too: the record lists them and their
// outlets. Round 20's report was syndicated by two more outlets (examples/demo-manifest.jsonl).
TEST(EventsCli, ARecordListsTheCopiesOfItsReportsAndTheirOutlets) {
  const auto r = run_masar("events " + demo_db().arg() + " --type CONSULT --format jsonl");
  ASSERT_EQ(r.status, 0) << r.err;
  const nlohmann::json* round20 = nullptr;
  std::vector<nlohmann::json> records = json_lines(r.out);
  for (const auto& rec : records) {
    if (!rec["series"].is_null() && rec["series"]["ordinal"] == 20 && rec["mode"] == "asserted") round20 = &rec;
  }
  ASSERT_NE(round20, nullptr) << r.out;
  std::set<std::string> all;
  for (const char* field : {"articles", "copies"}) {
    for (const auto& id : (*round20)[field]) all.insert(id.get<std::string>());
  }
  EXPECT_EQ(all, (std::set<std::string>{"rafid-20230621-astana20", "astana-20-sharq", "astana-20-madar"})) << round20->dump();
  EXPECT_EQ((*round20)["outlets"].size(), 3u) << round20->dump();
  const auto rows = run_masar("events " + demo_db().arg() + " --type CONSULT --format tsv");
  EXPECT_NE(rows.out.find("\tfirst_article\tcopies\toutlets\n"), std::string::npos) << rows.out.substr(0, 300);
}

TEST(EventsCli, SeriesAndRoundFilters) {
  const auto all = json_lines(run_masar("events " + demo_db().arg() + " --series 'أستانة' --asserted --type CONSULT").out);
  std::set<int> rounds;
  for (const auto& rec : all) {
    EXPECT_EQ(rec["series"]["name"], "أستانا");
    rounds.insert(rec["series"]["ordinal"].get<int>());
  }
  EXPECT_EQ(rounds.size(), 20u);
  const auto one = json_lines(run_masar("events " + demo_db().arg() + " --series 'اللجنة الدستورية' --round 6").out);
  ASSERT_FALSE(one.empty());
  for (const auto& rec : one) EXPECT_EQ(rec["series"]["ordinal"], 6);
  EXPECT_EQ(run_masar("events " + demo_db().arg() + " --round 6").status, 2);  // a round of which talks?
}

// "القمة الثلاثية التي جمعت الرئيس الإيراني حسن روحاني والرئيس الروسي فلاديمير بوتين والرئيس
// التركي رجب طيب أردوغان": the three presidents, in Tehran.
TEST(EventsCli, TehranSummitHasItsThreePresidents) {
  const auto r = run_masar("events " + demo_db().arg() + " --type CONSULT --format jsonl --from 2018-09-07 --to 2018-09-07");
  ASSERT_EQ(r.status, 0) << r.err;
  bool found = false;
  for (const auto& rec : json_lines(r.out)) {
    if (rec["location"].is_null() || rec["location"]["text"] != "طهران") continue;
    std::string sources;
    for (const auto& a : rec["source"]) sources += a["text"].get<std::string>() + "|";
    found = sources.find("روحاني") != std::string::npos && sources.find("بوتين") != std::string::npos &&
            sources.find("أردوغان") != std::string::npos;
  }
  EXPECT_TRUE(found) << r.out;
}

TEST(EventsCli, TsvHasHeaderAndFiltersByTypeAndEntity) {
  const auto& db = demo_db();
  const auto all = run_masar("events " + db.arg() + " --format tsv --type CONSULT");
  ASSERT_EQ(all.status, 0) << all.err;
  EXPECT_EQ(all.out.rfind("id\tdate\tdate_precision\tevent", 0), 0u) << all.out.substr(0, 200);
  std::istringstream rows(all.out);
  std::string line;
  std::getline(rows, line);
  std::size_t n = 0;
  while (std::getline(rows, line)) {
    ++n;
    EXPECT_NE(line.find("\tCONSULT\t"), std::string::npos) << line;
  }
  EXPECT_GT(n, 0u);
  const auto named = run_masar("events " + db.arg() + " --format jsonl --entity 'روسيا'");
  ASSERT_EQ(named.status, 0) << named.err;
  EXPECT_FALSE(json_lines(named.out).empty());
  const auto bad = run_masar("events " + db.arg() + " --type MEET");
  EXPECT_EQ(bad.status, 2);
}

std::string article(const std::string& id, const std::string& text) {
  return nlohmann::json{{"id", id}, {"title", ""}, {"text", text}, {"date", "2024-03-05"}, {"source", "wire"}}.dump() + "\n";
}

std::vector<std::string> types_reported_by(const TempDb& db, const std::string& id) {
  std::vector<std::string> out;
  for (const auto& rec : json_lines(run_masar("events " + db.arg()).out)) {
    for (const auto& a : rec["articles"]) {
      if (a == id) out.push_back(rec["event"]);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A capital in talk stands for its state; the capital struck is the city.
TEST(EventsCli, CapitalActingIsItsStateCapitalStruckIsTheCity) {
  TempDb db;
  const auto in = run_masar("ingest --quiet " + db.arg() + " -",
                            article("c1", "رفضت موسكو أمس الجمعة عرضا قدمته واشنطن لتبادل السجناء. وقالت وزارة الخارجية في "
                                          "روسيا إن العرض غير مقبول، فيما هددت الولايات المتحدة بعقوبات جديدة.\n"
                                          "وقصفت طائرات مسيرة أمس موسكو وأصابت مبنى سكنيا."));
  ASSERT_EQ(in.status, 0) << in.err;
  const auto russia = json_lines(run_masar("events " + db.arg() + " --format jsonl --entity 'روسيا'").out);
  ASSERT_EQ(russia.size(), 1u);
  EXPECT_EQ(russia[0]["event"], "REJECT");
  EXPECT_EQ(russia[0]["source"][0]["text"], "موسكو");  // as written
  const auto usa = json_lines(run_masar("events " + db.arg() + " --format jsonl --entity 'الولايات المتحدة' --type REJECT").out);
  ASSERT_EQ(usa.size(), 1u);
  EXPECT_EQ(usa[0]["target"][0]["text"], "واشنطن");
  for (const auto& rec : json_lines(run_masar("events " + db.arg() + " --format jsonl --type ASSAULT").out)) {
    for (const auto& a : rec["source"]) EXPECT_NE(a["entity"], russia[0]["source"][0]["entity"]) << rec.dump();
  }
}

// A state the text implies but never names is linked all the same, in article order, so that a
// rescan links it as the ingest did (a lookup of known entities only would link it in the
// rescan alone).
TEST(EventsCli, AStateNeverNamedIsStillLinkedAndRescanAgrees) {
  TempDb db;
  const auto in = run_masar("ingest --quiet " + db.arg() + " -",
                            article("s1", "رفضت موسكو أمس الجمعة عرضا قدمته واشنطن لتبادل السجناء."));
  ASSERT_EQ(in.status, 0) << in.err;
  const std::string query = "events " + db.arg() + " --format jsonl --entity 'روسيا'";
  const auto first = run_masar(query);
  ASSERT_EQ(json_lines(first.out).size(), 1u) << first.out;
  ASSERT_EQ(run_masar("entities --rescan --quiet " + db.arg()).status, 0);
  EXPECT_EQ(run_masar(query).out, first.out);
}

// Forces named by their demonym act for their state, in force too.
TEST(EventsCli, ForcesNamedByDemonymAreTheirState) {
  TempDb db;
  const auto in = run_masar("ingest --quiet " + db.arg() + " -",
                            article("f1", "أعلنت روسيا أمس بدء مناورات عسكرية. وقصفت الطائرات الروسية فجر اليوم مواقع "
                                          "للمسلحين في ريف إدلب."));
  ASSERT_EQ(in.status, 0) << in.err;
  const auto russia = json_lines(run_masar("events " + db.arg() + " --format jsonl --type ASSAULT --entity 'روسيا'").out);
  ASSERT_EQ(russia.size(), 1u);
  EXPECT_EQ(russia[0]["source"][0]["text"], "الطائرات الروسية");
}

TEST(EventsCli, AnUpdatedArticleIsCodedAgainAndItsOldRecordsGo) {
  TempDb db;
  const auto first = run_masar("ingest --quiet " + db.arg() + " -",
                               article("a1", "تظاهر آلاف الطلاب أمس أمام وزارة التعليم احتجاجا على رفع الرسوم."));
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_EQ(types_reported_by(db, "a1"), std::vector<std::string>{"PROTEST"});
  const auto second = run_masar("ingest --quiet " + db.arg() + " -",
                                article("a1", "اجتمع وزير التعليم أمس مع ممثلي الطلاب في مقر الوزارة."));
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(types_reported_by(db, "a1"), std::vector<std::string>{"CONSULT"});
  const auto all = run_masar("events " + db.arg() + " --type PROTEST");
  EXPECT_TRUE(json_lines(all.out).empty()) << all.out;
}

// "الدول الضامنة" with no list in the article: the states the series' earlier rounds list —
// of that series only.
TEST(EventsCli, AnUnlistedGroupIsTheOneItsSeriesUsuallyLists) {
  TempDb db;
  const auto dated = [](const std::string& id, const std::string& date, const std::string& text) {
    return nlohmann::json{{"id", id}, {"title", ""}, {"text", text}, {"date", date}, {"source", "wire"}}.dump() + "\n";
  };
  const auto in = run_masar(
      "ingest --quiet " + db.arg() + " -",
      dated("g1", "2020-03-01", "اختتمت أمس الجولة الخامسة من محادثات أستانا بمشاركة الدول الضامنة روسيا وتركيا وإيران.") +
          dated("g2", "2020-06-01", "اختتمت أمس الجولة السادسة من محادثات أستانا. وأكد البيان الختامي للدول الضامنة التزامها بالتهدئة.") +
          dated("g3", "2020-07-01", "اختتمت أمس الجولة الثالثة من محادثات جنيف. وأكد البيان الختامي للدول الضامنة التزامها بالتهدئة."));
  ASSERT_EQ(in.status, 0) << in.err;
  std::map<std::string, std::set<std::string>> sources;  // by article
  for (const auto& rec : json_lines(run_masar("events " + db.arg() + " --type CONSULT --format jsonl").out)) {
    for (const auto& a : rec["source"]) sources[rec["articles"][0].get<std::string>()].insert(a["text"].get<std::string>());
  }
  EXPECT_EQ(sources["g2"], (std::set<std::string>{"روسيا", "تركيا", "إيران"}));
  EXPECT_TRUE(sources["g3"].empty());
}

// The name in a round's own words is the series, never a party to it: "عقد «جنيف - 3»" does
// not make Geneva the one who meets.
TEST(EventsCli, TheSeriesNameIsNoActorOfItsRound) {
  TempDb db;
  const auto dated = [](const std::string& id, const std::string& text) {
    return nlohmann::json{{"id", id}, {"title", ""}, {"text", text}, {"date", "2015-08-06"}, {"source", "wire"}}.dump() + "\n";
  };
  const auto in = run_masar(
      "ingest --quiet " + db.arg() + " -",
      dated("r1", "ومن المرتقب أن يصل إلى موسكو وفد من المعارضة السورية لاستئناف المشاورات الرامية إلى عقد «جنيف - 3».") +
          dated("r2", "والتقى الوزير نظيره الروسي وبحثا عقد جنيف 3 في أقرب وقت."));
  ASSERT_EQ(in.status, 0) << in.err;
  std::size_t rounds = 0;
  for (const auto& rec : json_lines(run_masar("events " + db.arg() + " --type CONSULT --format jsonl").out)) {
    if (rec["series"].is_null() || rec["series"]["name"] != "جنيف") continue;
    ++rounds;
    EXPECT_EQ(rec["series"]["ordinal"], 3);
    for (const char* role : {"source", "target"}) {
      for (const auto& a : rec[role]) EXPECT_NE(a["text"], "جنيف") << rec.dump();
    }
  }
  EXPECT_GE(rounds, 1u);
}

// Reports of one round merge into one record, dated by the report that dates it most finely
// whichever came first.
TEST(EventsCli, TheFinestDateOfItsReportsDatesARecord) {
  TempDb db;
  const auto dated = [](const std::string& id, const std::string& date, const std::string& text) {
    return nlohmann::json{{"id", id}, {"title", ""}, {"text", text}, {"date", date}, {"source", "wire"}}.dump() + "\n";
  };
  const auto in = run_masar("ingest --quiet " + db.arg() + " -",
                            dated("w1", "2024-01-30", "اختتمت الأسبوع الماضي الجولة 21 من محادثات أستانا بمشاركة روسيا وتركيا.") +
                                dated("w2", "2024-01-26", "اختتمت أمس الجولة 21 من محادثات أستانا بمشاركة روسيا وتركيا."));
  ASSERT_EQ(in.status, 0) << in.err;
  const auto records = json_lines(run_masar("events " + db.arg() + " --type CONSULT --format jsonl").out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["articles"].size(), 2u);
  EXPECT_EQ(records[0]["date"], "2024-01-25");
  EXPECT_EQ(records[0]["date_precision"], "day");
}

// An article with a title of its own, so that its text is all body.
std::string titled(const std::string& id, const std::string& title, const std::string& text, const std::string& outlet = "wire") {
  return nlohmann::json{{"id", id}, {"title", title}, {"text", text}, {"date", "2024-03-05"}, {"source", outlet}}.dump() + "\n";
}

// Victims or forces named only by a common noun ("شخصا", "مسلحون") do not tell two reports
// apart: they are one record only when tracking put their articles in one event.
TEST(EventsCli, ReportsNamingNoEntityMergeOnlyWithinOneTrackedEvent) {
  TempDb db;
  const auto in = run_masar(
      "ingest --quiet " + db.arg() + " -",
      titled("k1", "انفجار في سوق شعبية", "قتل 26 شخصا أمس في انفجار ضرب سوقا شعبية مزدحمة بالمتسوقين.") +
          titled("k2", "غرق عبارة مهاجرين", "قتل 14 شخصا أمس إثر غرق عبارة تقل مهاجرين قبالة الساحل.") +
          titled("j1", "هجوم على مصرف", "قتل مسلحون خمسة حراس أمس خلال هجوم على مصرف حكومي، وفرّوا بسيارة رباعية الدفع.") +
          titled("j2", "مسلحون يهاجمون مصرفا",
                 "قتل مسلحون خمسة حراس أمس في هجوم على مصرف حكومي قبل أن يلوذوا بالفرار بسيارة رباعية الدفع.", "agency"));
  ASSERT_EQ(in.status, 0) << in.err;
  const auto clusters = run_masar("clusters " + db.arg() + " --format tsv").out;
  ASSERT_NE(clusters.find("k1\tE1\t"), std::string::npos) << clusters;
  ASSERT_NE(clusters.find("k2\tE2\t"), std::string::npos) << clusters;
  ASSERT_NE(clusters.find("j2\tE3\t"), std::string::npos) << clusters;
  std::set<std::string> reported;  // each record's articles, joined
  for (const auto& rec : json_lines(run_masar("events " + db.arg() + " --type ASSAULT --format jsonl").out)) {
    std::string articles;
    for (const auto& a : rec["articles"]) articles += a.get<std::string>() + ' ';
    reported.insert(articles);
  }
  EXPECT_EQ(reported, (std::set<std::string>{"k1 ", "k2 ", "j1 j2 "}));
}

// Two outlets report one meeting: one record lists both articles.
TEST(EventsCli, OneRecordListsEveryArticleReportingIt) {
  TempDb db;
  const auto in = run_masar(
      "ingest --quiet " + db.arg() + " -",
      titled("l1", "لافروف في أنقرة", "اجتمع وزير الخارجية الروسي سيرغي لافروف أمس في أنقرة مع نظيره التركي مولود جاويش أوغلو لبحث الملف السوري.") +
          titled("l2", "محادثات روسية تركية",
                 "اجتمع وزير الخارجية الروسي سيرغي لافروف في أنقرة أمس مع نظيره التركي مولود جاويش أوغلو، وتناولت المحادثات الملف السوري "
                 "والتعاون الاقتصادي.",
                 "agency"));
  ASSERT_EQ(in.status, 0) << in.err;
  const auto records = json_lines(run_masar("events " + db.arg() + " --type CONSULT --format jsonl").out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["articles"], (nlohmann::json{"l1", "l2"}));
  EXPECT_EQ(records[0]["outlets"].size(), 2u);
  EXPECT_GE(records[0]["sentences"].size(), records[0]["articles"].size());
}

// A meeting is mutual: reports that name the same two parties in other roles, one with a
// place and one without, are one record, each party listed once; another pair is another.
TEST(EventsCli, ReportsOfOneMeetingMergeWhateverRoleTheyGiveItsParties) {
  TempDb db;
  const auto in = run_masar(
      "ingest --quiet " + db.arg() + " -",
      titled("p1", "قمة روسية تركية", "التقى الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان أمس في سوتشي.") +
          titled("p2", "مباحثات تركية روسية", "اجتمع الرئيس التركي رجب طيب أردوغان مع الرئيس الروسي فلاديمير بوتين أمس وبحثا الملف السوري.",
                 "agency") +
          titled("p3", "لقاء في موسكو", "التقى الرئيس الروسي فلاديمير بوتين الرئيس الإيراني حسن روحاني أمس في موسكو."));
  ASSERT_EQ(in.status, 0) << in.err;
  const auto records = json_lines(run_masar("events " + db.arg() + " --type CONSULT --format jsonl").out);
  ASSERT_EQ(records.size(), 2u);
  const auto& turkish = records[0]["articles"].size() == 2 ? records[0] : records[1];
  EXPECT_EQ(turkish["articles"], (nlohmann::json{"p1", "p2"}));
  std::map<std::int64_t, int> roles_of_party;
  for (const char* role : {"source", "target"}) {
    std::set<std::int64_t> in_role;
    for (const auto& a : turkish[role]) if (!a["entity"].is_null()) in_role.insert(a["entity"].get<std::int64_t>());
    for (const auto id : in_role) ++roles_of_party[id];
  }
  EXPECT_EQ(roles_of_party.size(), 2u);
  for (const auto& [id, roles] : roles_of_party) EXPECT_EQ(roles, 1) << id;
}

// "وبحث الوزيران": the article's only named meeting is the one its later sentences discuss.
TEST(EventsCli, AnUnnamedReportJoinsTheOnlyNamedRecordOfItsTypeInTheArticle) {
  TempDb db;
  const auto in = run_masar("ingest --quiet " + db.arg() + " -",
                            titled("m1", "لقاء في موسكو", "اجتمع وزير الخارجية الروسي سيرغي لافروف أمس في موسكو مع نظيره التركي مولود "
                                          "جاويش أوغلو. وبحث الوزيران خلال اللقاء ملف اللاجئين."));
  ASSERT_EQ(in.status, 0) << in.err;
  const auto records = json_lines(run_masar("events " + db.arg() + " --type CONSULT --format jsonl").out);
  ASSERT_EQ(records.size(), 1u) << run_masar("events " + db.arg() + " --type CONSULT --format jsonl").out;
  EXPECT_EQ(records[0]["sentences"].size(), 2u);
  ASSERT_FALSE(records[0]["source"].empty());
  EXPECT_EQ(records[0]["source"][0]["text"], "سيرغي لافروف");
}

// A report naming nobody may be someone else's: "كما طالبت منظمات إنسانية" is not the
// minister's demand, though the coder finds no actor in it.
TEST(EventsCli, AReportNamingNobodyDoesNotJoinTheArticlesNamedRecord) {
  TempDb db;
  const auto in = run_masar("ingest --quiet " + db.arg() + " -",
                            titled("r1", "دعوات لوقف القتال", "طالب وزير الخارجية الفرنسي جان إيف لودريان أمس في باريس بوقف إطلاق النار. "
                                                            "كما طالبت منظمات إنسانية أمس بفتح ممرات آمنة للمدنيين."));
  ASSERT_EQ(in.status, 0) << in.err;
  const auto records = json_lines(run_masar("events " + db.arg() + " --type REQUEST --format jsonl").out);
  ASSERT_EQ(records.size(), 2u);
  for (const auto& rec : records) EXPECT_EQ(rec["sentences"].size(), 1u) << rec.dump();
}

// With two named meetings in the article, which one "بحث الوزيران" reports is not known.
TEST(EventsCli, AnUnnamedReportStaysApartWhenItsArticleNamesTwoSuchEvents) {
  TempDb db;
  const auto in = run_masar("ingest --quiet " + db.arg() + " -",
                            titled("m2", "لقاءات", "اجتمع وزير الخارجية الروسي سيرغي لافروف أمس في موسكو مع نظيره التركي مولود "
                                          "جاويش أوغلو. واجتمع الرئيس الإيراني حسن روحاني أمس في طهران مع وفد عراقي. "
                                          "وبحث الوزيران خلال اللقاء ملف اللاجئين."));
  ASSERT_EQ(in.status, 0) << in.err;
  const auto records = json_lines(run_masar("events " + db.arg() + " --type CONSULT --format jsonl").out);
  ASSERT_EQ(records.size(), 3u) << run_masar("events " + db.arg() + " --type CONSULT --format jsonl").out;
  for (const auto& rec : records) EXPECT_EQ(rec["sentences"].size(), 1u) << rec.dump();
}

// The time expression nearest the trigger dates the event, not the sentence's first: the arrests
// were yesterday, after the attack of 11 April; "25 شباط/فبراير" is one day, not February.
TEST(EventsCli, TheTimeNearestItsTriggerDatesAnEvent) {
  TempDb db;
  const auto in = run_masar("ingest --quiet " + db.arg() + " -",
                            titled("t1", "اعتقالات", "بعد الهجوم الذي وقع في 11 نيسان/أبريل الماضي، اعتقلت الشرطة أمس خمسة مشتبه بهم.") +
                                titled("t2", "مظاهرة", "تظاهر مئات الطلاب في 25 شباط/فبراير الماضي أمام البرلمان."));
  ASSERT_EQ(in.status, 0) << in.err;
  const auto coerce = json_lines(run_masar("events " + db.arg() + " --type COERCE --format jsonl").out);
  ASSERT_EQ(coerce.size(), 1u);
  EXPECT_EQ(coerce[0]["date"], "2024-03-04");
  EXPECT_EQ(coerce[0]["date_precision"], "day");
  const auto protest = json_lines(run_masar("events " + db.arg() + " --type PROTEST --format jsonl").out);
  ASSERT_EQ(protest.size(), 1u);
  EXPECT_EQ(protest[0]["date"], "2024-02-25");
  EXPECT_EQ(protest[0]["date_precision"], "day");
}

// A weekday with no الماضي/المقبل is the last one for a report and the coming one for a plan:
// the article of Tuesday 5 March plans Friday 8 March and reports Sunday 3 March. A weekday
// before the plan dates the statement of it: the Sunday the Kremlin spoke. A meeting in the
// present tense, as news announces one, is coming: Thursday 7 March.
TEST(EventsCli, APlannedEventOnAWeekdayIsDatedAhead) {
  TempDb db;
  const auto in = run_masar("ingest --quiet " + db.arg() + " -",
                            titled("w1", "زيارة", "سيلتقي وزير الخارجية الروسي سيرغي لافروف نظيره التركي مولود جاويش أوغلو الجمعة في أنقرة.") +
                                titled("w2", "لقاء", "التقى الرئيس الإيراني حسن روحاني الأحد في طهران وفدا عراقيا.") +
                                titled("w3", "الكرملين", "أعلن الكرملين الأحد أن الرئيس الروسي فلاديمير بوتين سيزور الصين.") +
                                titled("w4", "قمة", "يلتقي الرئيس الفرنسي إيمانويل ماكرون الخميس المستشار الألماني أولاف شولتس في باريس."));
  ASSERT_EQ(in.status, 0) << in.err;
  const auto records = json_lines(run_masar("events " + db.arg() + " --type CONSULT --format jsonl").out);
  ASSERT_EQ(records.size(), 4u);
  std::map<std::string, std::string> date_by_article;
  for (const auto& rec : records) date_by_article[rec["articles"][0].get<std::string>()] = rec["date"].get<std::string>();
  EXPECT_EQ(date_by_article["w1"], "2024-03-08");
  EXPECT_EQ(date_by_article["w2"], "2024-03-03");
  EXPECT_EQ(date_by_article["w3"], "2024-03-03");
  EXPECT_EQ(date_by_article["w4"], "2024-03-07");
}

// "قبل يومين" next to the trigger dates the event; far from it, it dates the background, and
// the report keeps the article's date.
TEST(EventsCli, ACountBackDatesOnlyTheEventNextToIt) {
  TempDb db;
  const auto in = run_masar("ingest --quiet " + db.arg() + " -",
                            titled("c1", "الأسير محمد الحلبي", "أفرجت السلطات الإسرائيلية قبل يومين عن الأسير الفلسطيني محمد الحلبي.") +
                                titled("c2", "باكستان", "رفضت المعارضة الباكستانية قرار المحكمة العليا في إسلام آباد بشأن قانون "
                                                   "الانتخابات الجديد الذي أقره البرلمان السابق في عهد الحكومة التي تولت "
                                                   "السلطة قبل خمس سنوات."));
  ASSERT_EQ(in.status, 0) << in.err;
  const auto released = json_lines(run_masar("events " + db.arg() + " --type RETREAT --format jsonl").out);
  ASSERT_EQ(released.size(), 1u);
  EXPECT_EQ(released[0]["date"], "2024-03-03");
  const auto rejected = json_lines(run_masar("events " + db.arg() + " --type REJECT --format jsonl").out);
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_EQ(rejected[0]["date"], "2024-03-05");
}

// --from / --to take a year, a month or a day, as search does; a date that does not exist is
// refused, not compared as text.
TEST(EventsCli, AMonthBoundsTheRecordsAndABadDateIsRefused) {
  const auto& db = demo_db();
  const auto june = json_lines(run_masar("events " + db.arg() + " --type CONSULT --from 2023-06 --to 2023-06").out);
  ASSERT_FALSE(june.empty());
  for (const auto& rec : june) {
    EXPECT_GE(rec["date"].get<std::string>(), "2023-06-01");
    EXPECT_LE(rec["date"].get<std::string>(), "2023-06-30");
  }
  const auto year = json_lines(run_masar("events " + db.arg() + " --type CONSULT --from 2023 --to 2023").out);
  EXPECT_GE(year.size(), june.size());
  for (const std::string command : {"events", "stories", "search --mode all"}) {
    const auto bad = run_masar(command + " " + db.arg() + " --from 2018-13-45" + (command.starts_with("search") ? " أستانا" : ""));
    EXPECT_EQ(bad.status, 2) << command;
    EXPECT_NE(bad.err.find("2018-13-45"), std::string::npos) << command << ": " << bad.err;
  }
}

TEST(EventsCli, RescanGivesTheSameRecords) {
  TempDb db;
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " '" + demo_corpus().string() + "'").status, 0);
  const auto summary = [&] {
    std::vector<std::string> out;
    for (const auto& rec : json_lines(run_masar("events " + db.arg()).out)) {
      // Actors by their text: a rescan may number entities differently, but it must find the
      // same actors, the groups a series' earlier rounds gave included.
      std::string actors;
      for (const char* role : {"source", "target"}) {
        for (const auto& a : rec[role]) actors += std::string(role) + ':' + a["text"].get<std::string>() + ';';
      }
      if (!rec["location"].is_null()) actors += "location:" + rec["location"]["text"].get<std::string>();
      out.push_back(rec["event"].get<std::string>() + rec["mode"].get<std::string>() + rec["date"].get<std::string>() +
                    rec["series"].dump() + actors + rec["articles"].dump() + std::to_string(rec["sentences"].size()));
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto before = summary();
  ASSERT_FALSE(before.empty());
  ASSERT_EQ(run_masar("entities --quiet --rescan --limit 1 " + db.arg()).status, 0);
  EXPECT_EQ(summary(), before);
}

}  // namespace
}  // namespace masar::testing
