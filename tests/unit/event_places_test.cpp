// Who, whom and where in the sentence coder, one test per rule: a name after a place noun, a
// preposition or a glued ب is where the event happened; a lone place after a word for talks
// names the talks; the و that joins a list is not part of an actor; a group ("الدول الضامنة")
// takes the list of states its text names; organs named by a demonym act for their state;
// natural forces attack no one; security forces face a protest; victims never act. Sentences
// written for the tests.
#include <gtest/gtest.h>

#include <algorithm>

#include "masar/events/coder.hpp"

namespace masar::events {
namespace {

entities::Mention mention(std::string_view sentence, std::string_view words, entities::EntityType type,
                          std::size_t from = 0) {
  entities::Mention m;
  m.type = type;
  m.surface = std::string(words);
  m.key = entities::text_key(words);
  m.begin = sentence.find(words, from);
  m.end = m.begin + words.size();
  return m;
}

using entities::EntityType;

// The event of type `t` the sentence codes (a failure and an empty event when none).
CodedEvent only(EventType t, std::string_view s, const std::vector<entities::Mention>& mentions) {
  for (auto& e : code_sentence(s, mentions)) {
    if (e.type == t) return e;
  }
  ADD_FAILURE() << "no " << type_name(t) << " in " << s;
  return {};
}

CodedEvent only_consult(std::string_view s, const std::vector<entities::Mention>& mentions) {
  return only(EventType::CONSULT, s, mentions);
}

TEST(EventPlaces, NameAfterAPlaceNounIsWhereWhateverItsType) {
  const std::string s = "انطلقت المحادثات في فندق ريكسوس صباح اليوم";
  const auto e = only_consult(s, {mention(s, "ريكسوس", EntityType::ORG)});
  EXPECT_TRUE(e.sources.empty());
  EXPECT_TRUE(e.targets.empty());
  ASSERT_TRUE(e.location.has_value());
  EXPECT_EQ(e.location->text, "ريكسوس");
}

TEST(EventPlaces, AdjectivesMayStandBetweenPlaceNounAndName) {
  // The tagger may take نور سلطان for a person: after "العاصمة" it is still a place.
  const std::string s = "اختتمت في العاصمة الكازاخية نور سلطان الجولة الثامنة عشرة من المحادثات";
  const auto e = only_consult(s, {mention(s, "نور سلطان", EntityType::PER)});
  EXPECT_TRUE(e.sources.empty());
  ASSERT_TRUE(e.location.has_value());
  EXPECT_EQ(e.location->text, "نور سلطان");
}

TEST(EventPlaces, ThreeWordsBetweenAreTooMany) {
  const std::string s = "اجتمع في العاصمة الروسية الجديدة الكبرى بوتين";
  const auto e = only_consult(s, {mention(s, "بوتين", EntityType::PER)});
  ASSERT_EQ(e.sources.size(), 1u);
  EXPECT_EQ(e.sources[0].text, "بوتين");
  EXPECT_FALSE(e.location.has_value());
}

TEST(EventPlaces, GluedPrepositionMakesAPlace) {
  const std::string s = "قتل جنديان بحلب أمس";
  auto m = mention(s, "بحلب", EntityType::LOC);
  m.key = "حلب";  // the linking key leaves the preposition out
  const auto found = code_sentence(s, {m});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, EventType::ASSAULT);
  EXPECT_TRUE(found[0].sources.empty() && found[0].targets.empty());
  ASSERT_TRUE(found[0].location.has_value());
  EXPECT_EQ(found[0].location->text, "حلب");  // the place as written, without the preposition
}

TEST(EventPlaces, GluedPrepositionAfterMeetingMeansWith) {
  const std::string s = "التقى وزير خارجية البرتغال أمس بإسبانيا";
  auto m = mention(s, "بإسبانيا", EntityType::LOC);
  m.key = "اسبانيا";
  const auto e = only_consult(s, {m});
  EXPECT_FALSE(e.location.has_value());
  ASSERT_EQ(e.sources.size() + e.targets.size(), 1u);
}

TEST(EventPlaces, LonePlaceAfterTalksNamesThem) {
  const std::string s = "بدأت أمس محادثات أستانا حول سوريا";
  const auto e = only_consult(s, {mention(s, "أستانا", EntityType::LOC)});
  EXPECT_TRUE(e.sources.empty());
  EXPECT_TRUE(e.targets.empty());
}

TEST(EventPlaces, AListAfterTalksIsTheirParties) {
  const std::string s = "عقد أمس اجتماع روسيا وتركيا";
  const auto e = only_consult(s, {mention(s, "روسيا", EntityType::LOC), mention(s, "وتركيا", EntityType::LOC)});
  ASSERT_EQ(e.sources.size() + e.targets.size(), 2u);
}

TEST(EventArgumentsList, JoiningWawAndItsMarksAreLeftOut) {
  const std::string s = "اجتمعت روسيا وَتركيا أمس";
  const auto e = only_consult(s, {mention(s, "روسيا", EntityType::LOC), mention(s, "وَتركيا", EntityType::LOC)});
  ASSERT_EQ(e.sources.size(), 2u);
  EXPECT_EQ(e.sources[1].text, "تركيا");
  EXPECT_EQ(s.substr(e.sources[1].span.begin, e.sources[1].span.end - e.sources[1].span.begin), "تركيا");
}

TEST(EventArgumentsList, SponsorsOfTalksAreTheirParticipants) {
  const std::string s = "انطلقت المحادثات صباح اليوم برعاية روسيا وتركيا وإيران";
  const auto e = only_consult(s, {mention(s, "روسيا", EntityType::LOC), mention(s, "وتركيا", EntityType::LOC),
                                  mention(s, "وإيران", EntityType::LOC)});
  ASSERT_EQ(e.sources.size(), 3u);
  EXPECT_EQ(e.sources[0].text, "روسيا");
  EXPECT_EQ(e.sources[2].text, "إيران");
}

TEST(EventGroups, GroupTakesTheListItsTextNames) {
  const std::string t = "اختتمت الجولة في أول لقاء للدول الضامنة. وأكد البيان التزام روسيا وتركيا وإيران بالهدنة.";
  const std::vector<entities::Mention> ms = {mention(t, "روسيا", EntityType::LOC), mention(t, "وتركيا", EntityType::LOC),
                                             mention(t, "وإيران", EntityType::LOC)};
  EXPECT_EQ(named_group(t, ms), (std::vector<std::size_t>{0, 1, 2}));
}

TEST(EventGroups, NoGroupNoList) {
  const std::string t = "اختتمت الجولة. وأكد البيان التزام روسيا وتركيا وإيران بالهدنة.";
  EXPECT_TRUE(named_group(t, {mention(t, "روسيا", EntityType::LOC), mention(t, "وتركيا", EntityType::LOC)}).empty());
}

TEST(EventGroups, AListOfPlacesIsNotTheGroup) {
  const std::string t = "أكدت الدول الضامنة رفض الغارات في شمال سوريا والعراق.";
  EXPECT_TRUE(named_group(t, {mention(t, "سوريا", EntityType::LOC), mention(t, "والعراق", EntityType::LOC)}).empty());
}

TEST(EventGroups, TheStruckAreNotTheGroup) {
  const std::string t = "دعت الدول الضامنة إلى التهدئة. ودان البيان الهجمات على سوريا ولبنان.";
  EXPECT_TRUE(named_group(t, {mention(t, "سوريا", EntityType::LOC), mention(t, "ولبنان", EntityType::LOC)}).empty());
}

TEST(EventGroups, TwoSidesAreNotTheGroup) {
  const std::string t = "أكدت الدول الضامنة التزامها. وقال المبعوث إن العلاقة بين أنقرة ودمشق لا تزال معلقة.";
  EXPECT_TRUE(named_group(t, {mention(t, "أنقرة", EntityType::LOC), mention(t, "ودمشق", EntityType::LOC)}).empty());
}

// Regression: the word before a list was read before the last word of its first name, so
// "في الولايات المتحدة وكندا" passed for a party.
TEST(EventGroups, AListOfPlacesWithALongFirstNameIsNotTheGroup) {
  const std::string t = "أكدت الدول الضامنة رفض الغارات في الولايات المتحدة وكندا.";
  EXPECT_TRUE(named_group(t, {mention(t, "الولايات المتحدة", EntityType::LOC), mention(t, "وكندا", EntityType::LOC)}).empty());
}

// Regression: any glued clitic joined a list; only و does ("قالت روسيا لتركيا" is no list).
TEST(EventGroups, OnlyWawJoinsAList) {
  const std::string t = "أكدت الدول الضامنة التزامها. وقالت روسيا لتركيا إن الهدنة صامدة.";
  auto turkey = mention(t, "لتركيا", EntityType::LOC);
  turkey.key = "تركيا";
  EXPECT_TRUE(named_group(t, {mention(t, "روسيا", EntityType::LOC), turkey}).empty());
}

TEST(EventGroups, DelegatesFromStatesAreTheGroup) {
  // من after delegates names whom they represent, not where they are.
  const std::string t = "اجتمعت الدول الثلاث أمس. وعقدت محادثات بين وفود من كوريا الشمالية وكوريا الجنوبية.";
  EXPECT_EQ(named_group(t, {mention(t, "كوريا الشمالية", EntityType::LOC), mention(t, "وكوريا الجنوبية", EntityType::LOC)}),
            (std::vector<std::size_t>{0, 1}));
}

TEST(EventGroups, OneNameIsNotAList) {
  const std::string t = "أكدت الدول الثلاث وروسيا خاصة التزامها.";
  EXPECT_TRUE(named_group(t, {mention(t, "وروسيا", EntityType::LOC)}).empty());
}

TEST(EventGroups, AsWrittenDropsOnlyTheProcliticsTheKeyLeavesOut) {
  entities::Mention m;
  m.surface = "لروسيا";
  m.key = "روسيا";
  EXPECT_EQ(as_written(m), "روسيا");
  m.surface = "وَتركيا";
  m.key = "تركيا";
  EXPECT_EQ(as_written(m), "تركيا");
  m.surface = "وليد المعلم";  // a name that starts with و
  m.key = "وليد معلم";
  EXPECT_EQ(as_written(m), "وليد المعلم");
  m.surface = "والأمم المتحدة";  // the key drops the article too
  m.key = entities::text_key("والأمم المتحدة");
  EXPECT_EQ(as_written(m), "الأمم المتحدة");
  m.surface = "فرنسا";  // ف is a letter of the name here
  m.key = "فرنسا";
  EXPECT_EQ(as_written(m), "فرنسا");
}


bool has_assault(std::string_view s) {
  for (const auto& e : code_sentence(s)) {
    if (e.type == EventType::ASSAULT) return true;
  }
  return false;
}

TEST(EventNaturalForces, AQuakeOrAVirusAttacksNoOne) {
  EXPECT_FALSE(has_assault("ضرب زلزال قوي جنوب البلاد فجر اليوم وقتل العشرات"));
  EXPECT_FALSE(has_assault("أعلنت الوزارة إصابة عدد من الموظفين بفيروس كورونا أمس"));
  EXPECT_FALSE(has_assault("وإعصار مدمر يضرب الجزيرة ويقتل ثلاثة أشخاص"));
  // The same verbs with a human agent are attacks.
  EXPECT_TRUE(has_assault("قتل مسلحون ثلاثة جنود في هجوم فجر اليوم"));
}

TEST(EventNaturalForces, OnlyNearTheTriggerInItsClause) {
  // The quake is named in another clause, far from the attack.
  EXPECT_TRUE(has_assault("بعد أسبوع من الزلزال، قتل مسلحون ثلاثة جنود في هجوم فجر اليوم"));
}

TEST(EventPlaces, APortIsAPlace) {
  const std::string s = "استهدفت غارات إسرائيلية ميناء اللاذقية أمس";
  entities::Mention m;
  m.type = entities::EntityType::LOC;
  m.surface = m.key = "اللاذقية";
  m.begin = s.find(m.surface);
  m.end = m.begin + m.surface.size();
  for (const auto& e : code_sentence(s, {m})) {
    for (const auto& a : e.sources) EXPECT_NE(a.text, "اللاذقية");
    ASSERT_TRUE(e.location.has_value());
    EXPECT_EQ(e.location->text, "اللاذقية");
  }
}


TEST(EventStateOrgans, ForcesNamedByDemonymActForTheirState) {
  const auto found = code_sentence("قصفت الطائرات الروسية مواقع للمعارضة أمس");
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].sources.size(), 1u);
  EXPECT_EQ(found[0].sources[0].text, "الطائرات الروسية");
  EXPECT_EQ(found[0].sources[0].state, "روسيا");
}

TEST(EventStateOrgans, AnOrganAloneIsNoActorAGenericActorStaysOne) {
  for (const auto& e : code_sentence("وأكد الجانب رفضه للعملية أمس")) EXPECT_TRUE(e.sources.empty());
  const auto found = code_sentence("اعتقلت القوات عشرة ناشطين أمس");
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].sources.size(), 1u);
  EXPECT_EQ(found[0].sources[0].text, "القوات");
  EXPECT_FALSE(found[0].sources[0].state.has_value());
}


TEST(EventProtest, SecurityForcesFaceTheProtestTheyDoNotHoldIt) {
  const auto found = code_sentence("فرقت الشرطة التركية تجمع المتظاهرين أمس");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, EventType::PROTEST);
  ASSERT_EQ(found[0].targets.size(), 1u);
  EXPECT_EQ(found[0].targets[0].text, "الشرطة التركية");
  // The protesters are its source, wherever they stand.
  ASSERT_EQ(found[0].sources.size(), 1u);
  EXPECT_EQ(found[0].sources[0].text, "المتظاهرين");
}

// The word for protesters reports nothing itself; the protest is the other word, and the
// protesters of the sentence hold it, wherever they stand.
TEST(EventProtest, TheProtestersOfTheSentenceHoldTheProtest) {
  const auto found = code_sentence("نظم المتظاهرون أمس مسيرة ورددوا هتافات ضد الحكومة");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, EventType::PROTEST);
  EXPECT_EQ(found[0].trigger.begin, std::string_view("نظم المتظاهرون أمس ").size());
  ASSERT_EQ(found[0].sources.size(), 1u);
  EXPECT_EQ(found[0].sources[0].text, "المتظاهرون");
}

TEST(EventProtest, ProtestersStaySources) {
  const auto found = code_sentence("تظاهر آلاف العمال أمس ضد الحكومة");
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].sources.size(), 1u);
  EXPECT_EQ(found[0].sources[0].text, "العمال");
}


TEST(EventArgumentsList, ProcliticsGluedToANameAreNotTheActors) {
  const std::string s = "أعلنت تركيا أمس دعمها لروسيا في مجلس الأمن";
  auto turkey = mention(s, "تركيا", EntityType::LOC);
  auto russia = mention(s, "لروسيا", EntityType::LOC);
  russia.key = "روسيا";
  const auto found = code_sentence(s, {turkey, russia});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].targets.size(), 1u);
  const Argument& a = found[0].targets[0];
  EXPECT_EQ(a.text, "روسيا");
  EXPECT_EQ(s.substr(a.span.begin, a.span.end - a.span.begin), a.text);
}

TEST(EventArgumentsList, ArticleAfterLamIsKept) {
  entities::Mention m;
  m.surface = "للكويت";  // ل + الكويت: "كويت" is not how the name is written
  m.key = "كويت";
  EXPECT_EQ(as_written(m), "للكويت");
}

TEST(EventStateOrgans, ATitleBeforeAPersonIsNotTheState) {
  const std::string s = "اجتمع أمس وزير الدفاع البريطاني غافين وليامسون بنظيره";
  entities::Mention m;
  m.type = entities::EntityType::PER;
  m.surface = m.key = "غافين وليامسون";
  m.begin = s.find(m.surface);
  m.end = m.begin + m.surface.size();
  std::size_t seen = 0;
  for (const auto& e : code_sentence(s, {m})) {
    for (const auto& a : e.sources) {
      EXPECT_FALSE(a.state.has_value()) << a.text;
      ++seen;
    }
  }
  EXPECT_GE(seen, 1u);  // the minister is an actor, named
}


TEST(EventArgumentsList, TitlesMayCarryTheJoiningWaw) {
  const std::string s = "اختتمت في طهران القمة التي جمعت الرئيس الإيراني حسن روحاني والرئيس الروسي فلاديمير بوتين";
  const auto found = code_sentence(s, {mention(s, "طهران", EntityType::LOC), mention(s, "حسن روحاني", EntityType::PER),
                                       mention(s, "فلاديمير بوتين", EntityType::PER)});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].sources.size(), 2u);
  EXPECT_EQ(found[0].sources[0].text, "حسن روحاني");
  EXPECT_EQ(found[0].sources[1].text, "فلاديمير بوتين");
  ASSERT_TRUE(found[0].location.has_value());
  EXPECT_EQ(found[0].location->text, "طهران");
}

TEST(EventArgumentsList, OtherWordsBetweenNamesEndTheList) {
  // "وقال" is no title: بوتين is not in روحاني's list.
  const std::string s = "استقبل حسن روحاني أمس وقال فلاديمير بوتين";
  const auto found = code_sentence(s, {mention(s, "حسن روحاني", EntityType::PER), mention(s, "فلاديمير بوتين", EntityType::PER)});
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].sources.size(), 1u);
}


// Regression: a name that begins with و, joined to a list after a title, kept its first letter
// only when the tagger's key said the و was a clitic.
TEST(EventArgumentsList, ANameStartingWithWawKeepsIt) {
  const std::string s = "اجتمع أمس حسن روحاني والوزير السوري وليد المعلم";
  auto walid = mention(s, "وليد المعلم", EntityType::PER);
  walid.key = "وليد معلم";
  const auto found = code_sentence(s, {mention(s, "حسن روحاني", EntityType::PER), walid});
  std::vector<std::string> names;
  for (const auto& e : found) {
    for (const auto* list : {&e.sources, &e.targets}) {
      for (const auto& a : *list) names.push_back(a.text);
    }
  }
  EXPECT_NE(std::find(names.begin(), names.end(), "وليد المعلم"), names.end());
}


TEST(EventProtest, TheWordForProtestersIsTheirSource) {
  const auto found = code_sentence("خرج المتظاهرون أمس في شوارع المدينة");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, EventType::PROTEST);
  ASSERT_EQ(found[0].sources.size(), 1u);
  EXPECT_EQ(found[0].sources[0].text, "المتظاهرون");
}


TEST(EventVictims, AfterTheVerbTheyAreItsObject) {
  const auto found = code_sentence("قتل خمسة مدنيين أمس في قصف على البلدة");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, EventType::ASSAULT);
  EXPECT_TRUE(found[0].sources.empty());
  ASSERT_EQ(found[0].targets.size(), 1u);
  EXPECT_EQ(found[0].targets[0].text, "مدنيين");
}

TEST(EventVictims, TheyDoNotActBeforeTheVerb) {
  for (const auto& e : code_sentence("المدنيين قتلوا أمس في قصف")) {
    for (const auto& a : e.sources) EXPECT_NE(a.text, "المدنيين");
  }
  const auto found = code_sentence("قتل مسلحون ثلاثة مدنيين أمس");
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].sources.size(), 1u);
  EXPECT_EQ(found[0].sources[0].text, "مسلحون");
  ASSERT_EQ(found[0].targets.size(), 1u);
  EXPECT_EQ(found[0].targets[0].text, "مدنيين");
}


TEST(EventVictims, APassiveVerbTakesItsVictimFirstThenWhoDidIt) {
  const CodedEvent assault = only(EventType::ASSAULT, "أصيب متظاهر برصاص الشرطة أمس", {});
  ASSERT_EQ(assault.targets.size(), 1u);
  EXPECT_EQ(assault.targets[0].text, "متظاهر");
  ASSERT_EQ(assault.sources.size(), 1u);
  EXPECT_EQ(assault.sources[0].text, "الشرطة");
}

TEST(EventTopics, WhatTalksAreAboutIsNoParty) {
  const std::string s = "انتهت في أستانا، الثلاثاء، الجولة الثانية والعشرون من الاجتماعات الدولية حول سوريا ولبنان";
  const auto e = only_consult(s, {mention(s, "أستانا", EntityType::LOC), mention(s, "سوريا", EntityType::LOC),
                                  mention(s, "لبنان", EntityType::LOC)});
  EXPECT_TRUE(e.sources.empty());
  EXPECT_TRUE(e.targets.empty());
  const std::string p = "اجتمع الوفد مع الوزير بشأن العراق";
  const auto f = only_consult(p, {mention(p, "العراق", EntityType::LOC)});
  for (const auto* role : {&f.sources, &f.targets}) {
    for (const auto& a : *role) EXPECT_NE(a.text, "العراق");
  }
}

TEST(EventPlaces, EveryPlaceOfAListIsWhere) {
  const std::string s = "قصفت الطائرات مواقع في غزة ولبنان أمس";
  const CodedEvent assault = only(EventType::ASSAULT, s, {mention(s, "غزة", EntityType::LOC), mention(s, "لبنان", EntityType::LOC)});
  ASSERT_TRUE(assault.location.has_value());
  EXPECT_EQ(assault.location->text, "غزة");
  for (const auto* role : {&assault.sources, &assault.targets}) {
    for (const auto& a : *role) EXPECT_NE(a.text, "لبنان");
  }
}

TEST(EventArgumentsList, WhoIsAbsentTakesNoPart) {
  const std::string s = "بدأت في العاصمة الجولة الثالثة من المحادثات بغياب وفد المعارضة";
  const auto e = only_consult(s, {});
  EXPECT_TRUE(e.sources.empty());
  EXPECT_TRUE(e.targets.empty());
  const std::string p = "اجتمع الوزراء في غياب المعارضة";
  const auto f = only_consult(p, {});
  EXPECT_TRUE(f.sources.empty());
  EXPECT_TRUE(f.targets.empty());
}

TEST(EventStateOrgans, ADemonymListIsOneOrganPerState) {
  const auto e = only_consult("اجتمع المبعوث مع الوفدين التركي والإيراني أمس", {});
  std::vector<std::string> states;  // المبعوث is no actor here, so the list is the subject
  for (const auto& a : e.sources) states.push_back(a.state.value_or(""));
  EXPECT_EQ(states, (std::vector<std::string>{"تركيا", "إيران"}));
  const auto f = only_consult("التقى الضامن الروسي وفد المعارضة", {});
  ASSERT_FALSE(f.sources.empty());
  EXPECT_EQ(f.sources[0].state.value_or(""), "روسيا");
}

TEST(EventPlaces, AnEarlierClauseMaySayWhere) {
  const std::string s = "انتهت في أستانا، الثلاثاء، الجولة الثانية والعشرون من الاجتماعات";
  const auto e = only_consult(s, {mention(s, "أستانا", EntityType::LOC)});
  ASSERT_TRUE(e.location.has_value());
  EXPECT_EQ(e.location->text, "أستانا");
  // A later clause does not: "…، ثم توجه إلى موسكو" is somewhere else.
  const std::string p = "اجتمع الوزراء، ثم توجه الوفد إلى موسكو";
  EXPECT_FALSE(only_consult(p, {mention(p, "موسكو", EntityType::LOC)}).location.has_value());
}

TEST(EventPlaces, ACapitalIsAPlaceWhateverTheTaggerSaid) {
  const std::string s = "أنهت الوفود اجتماعات الجولة السابعة عشرة في نور سلطان";
  const auto e = only_consult(s, {mention(s, "نور سلطان", EntityType::PER)});
  EXPECT_TRUE(e.targets.empty());
  ASSERT_TRUE(e.location.has_value());
  EXPECT_EQ(e.location->text, "نور سلطان");
}

TEST(EventArgumentsList, WhatAnActIsAgainstNeverActs) {
  const std::string s = "أدان البيان الهجمات على سوريا";
  const CodedEvent accuse = only(EventType::ACCUSE, s, {mention(s, "سوريا", EntityType::LOC)});
  EXPECT_TRUE(accuse.sources.empty());
  ASSERT_EQ(accuse.targets.size(), 1u);
  EXPECT_EQ(accuse.targets[0].text, "سوريا");
}

}  // namespace
}  // namespace masar::events
