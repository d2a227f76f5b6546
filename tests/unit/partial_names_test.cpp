// Partial person names inside an article (src/entities/partial_names.cpp): one test per rule.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "masar/entities/mentions.hpp"

using namespace masar::entities;

namespace {

Mention person(const std::string& surface) {
  Mention m;
  m.type = EntityType::PER;
  m.surface = surface;
  m.key = text_key(surface);
  return m;
}

// The key a short mention gets next to a full one.
std::string resolved(const std::string& full, const std::string& alone) {
  std::vector<Mention> mentions{person(full), person(alone)};
  resolve_partial_names(mentions);
  return mentions[1].key;
}

}  // namespace

TEST(PartialNames, AFamilyNameTakesTheFullName) {
  EXPECT_EQ(resolved("رجب طيب أردوغان", "أردوغان"), text_key("رجب طيب أردوغان"));
  EXPECT_EQ(resolved("بشار الأسد", "الأسد"), text_key("بشار الأسد"));
  EXPECT_EQ(resolved("بشار الأسد", "والأسد"), text_key("بشار الأسد"));
}

TEST(PartialNames, TheArticleMustAgree) {
  EXPECT_EQ(resolved("رامي عبد الرحمن", "عبدالرحمن"), text_key("رامي عبد الرحمن"));
  EXPECT_EQ(resolved("خالد الفيصل", "فيصل"), text_key("فيصل"));
  EXPECT_EQ(resolved("خالد الفيصل", "الفيصل"), text_key("خالد الفيصل"));
  EXPECT_EQ(resolved("عبد ربه منصور هادي", "الهادي"), text_key("الهادي"));
}

// Korean and Chinese names put the family name first: "كيم" alone after "كيم جونغ أون" is him
// (ant-multisource had "كيم" as a person of 310 articles beside كيم جونغ أون), "شي" is شي جين
// بينغ. Other names keep their first word apart: "محمد" is not محمد صلاح.
TEST(PartialNames, AKoreanOrChineseFamilyNameComesFirst) {
  EXPECT_EQ(resolved("كيم جونغ أون", "كيم"), text_key("كيم جونغ أون"));
  EXPECT_EQ(resolved("مون جاي إن", "مون"), text_key("مون جاي إن"));
  EXPECT_EQ(resolved("شي جين بينغ", "شي"), text_key("شي جين بينغ"));
  EXPECT_EQ(resolved("محمد صلاح", "محمد"), text_key("محمد"));
  EXPECT_EQ(family_head(text_key("كيم جونغ أون")), text_key("كيم"));
  EXPECT_FALSE(family_head(text_key("محمد صلاح")));
  // Two full names of the text begin with it, as often: either may be meant.
  std::vector<Mention> moons{person("مون جاي إن"), person("مون تشونغ إن"), person("مون")};
  resolve_partial_names(moons);
  EXPECT_EQ(moons[2].key, text_key("مون"));
  // One of them named far more often, in any spelling, is the one meant.
  std::vector<Mention> kims{person("كيم جونغ أون"), person("كيم جونج أون"), person("كيم جونغ أون"),
                            person("كيم جونغ إيل"), person("كيم")};
  resolve_partial_names(kims);
  EXPECT_EQ(kims[4].key, text_key("كيم جونغ أون"));
}

// A family name that ends two full names of the article is the one the article names most
// ("ترامب" was ميلانيا ترامب wherever she was named beside him: the longest key won, and
// ant-multisource's Melania entity held 144 of his mentions); named as often, either.
TEST(PartialNames, TheFullNameTheArticleNamesMostIsMeant) {
  std::vector<Mention> mostly_him{person("دونالد ترامب"), person("دونالد ترامب"), person("ميلانيا ترامب"), person("ترامب")};
  resolve_partial_names(mostly_him);
  EXPECT_EQ(mostly_him[3].key, text_key("دونالد ترامب"));
  std::vector<Mention> both{person("دونالد ترامب"), person("ميلانيا ترامب"), person("ترامب")};
  resolve_partial_names(both);
  EXPECT_EQ(both[2].key, text_key("ترامب"));
  // The mentions of a full name that itself ends a longer one count for the longer one.
  std::vector<Mention> erdogan{person("رجب طيب أردوغان"), person("طيب أردوغان"), person("أمينة أردوغان"), person("أردوغان")};
  resolve_partial_names(erdogan);
  EXPECT_EQ(erdogan[1].key, text_key("رجب طيب أردوغان"));
  EXPECT_EQ(erdogan[3].key, text_key("رجب طيب أردوغان"));
}

// The title names by the family name whom the body names in full; a headline's word run into
// a name ("رحيل نيمار", Neymar's departure) is no full name for the body.
TEST(PartialNames, TheTitleTakesTheBodysFullName) {
  std::vector<Mention> title{person("أردوغان")}, body{person("رجب طيب أردوغان"), person("أردوغان")};
  resolve_partial_names(title, body);
  EXPECT_EQ(title[0].key, text_key("رجب طيب أردوغان"));
  EXPECT_EQ(body[1].key, text_key("رجب طيب أردوغان"));
  std::vector<Mention> headline{person("رحيل نيمار")}, report{person("نيمار"), person("نيمار")};
  resolve_partial_names(headline, report);
  EXPECT_EQ(report[0].key, text_key("نيمار"));
  EXPECT_EQ(headline[0].key, text_key("رحيل نيمار"));
}

TEST(PartialNames, AForebearOrAHouseIsNotThePerson) {
  EXPECT_EQ(resolved("محمد بن سلمان", "سلمان"), text_key("سلمان"));
  EXPECT_EQ(resolved("سلمان بن عبدالعزيز آل سعود", "سعود"), text_key("سعود"));
  EXPECT_TRUE(introduces_forebear(text_key("آل")));
}

TEST(PartialNames, OnlyPersons) {
  std::vector<Mention> mentions{person("جامعة الملك سعود"), person("سعود")};
  mentions[0].type = EntityType::ORG;
  resolve_partial_names(mentions);
  EXPECT_EQ(mentions[1].key, text_key("سعود"));
}
