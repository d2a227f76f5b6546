// Partial person names folded into the full name they stand for, on rows written for the test:
// a family name alone (أردوغان), also through a spelling linked into its full name (زيلنسكي); a
// given name alone stays (مايك), as does one that begins several names (محمد), a given name
// without the article next to a family name with it (فيصل / خالد الفيصل) and a house (آل سعود).
// Then the other folds after a scan: a preposition glued to a name, names apart only by spaces,
// and the tagger's type slips.
#include <gtest/gtest.h>

#include <string>

#include "entities/folding.hpp"
#include "entities/mention_totals.hpp"
#include "masar/entities/mentions.hpp"
#include "store/sqlite_util.hpp"
#include "store_fixture.hpp"

namespace masar::entities {
namespace {

class Folding : public store::StoreFixture {
 protected:
  Folding() : StoreFixture("folding") {}

  void person(int id, const std::string& key) { entity(id, "PER", key); }
  void entity(int id, const std::string& type, const std::string& key) {
    exec("INSERT INTO entities(id, type, key, skeleton) VALUES(" + std::to_string(id) + ", '" + type + "', '" + key + "', '')");
  }
  // Entity `id` named in articles first..last (as `surface`).
  void named(int id, int first, int last, const std::string& surface) {
    for (int a = first; a <= last; ++a) {
      exec("INSERT INTO article_entities(article, entity, surface, mentions, first_offset) VALUES(" + std::to_string(a) +
           ", " + std::to_string(id) + ", '" + surface + "', 1, 0)");
    }
  }
  // A full name (entity 1) in articles 1..full_last and a short one (entity 2) in 5..14, each
  // keyed and written as given.
  void full_and_alone(const std::string& full, const std::string& alone, int full_last = 20) {
    person(1, text_key(full));
    person(2, text_key(alone));
    named(1, 1, full_last, full);
    named(2, 5, 14, alone);
  }
  bool exists(int id) {
    store::sql::Statement st(db(), "SELECT 1 FROM entities WHERE id = ?1");
    st.bind(1, static_cast<std::int64_t>(id));
    return st.step() == SQLITE_ROW;
  }
  // How many entities one of the folds folded (0, and a failure, when it failed).
  std::size_t folds(Result<std::size_t> (*fold_with)(sqlite3*)) {
    auto folded = fold_with(db());
    EXPECT_TRUE(folded) << folded.error().message;
    return folded ? folded.value() : 0;
  }
  std::size_t fold() { return folds(fold_partial_names); }
  std::size_t fold_slips() { return folds(fold_type_slips); }
  std::size_t fold_spacing() { return folds(fold_spacing_variants); }
  std::size_t fold_glued() { return folds(fold_glued_prepositions); }
  std::size_t fold_given() { return folds(fold_given_name_spellings); }
  std::size_t fold_one_word() { return folds(fold_one_word_vowel_spellings); }
  // Entity `id` of `type`, keyed and written `written`, in articles first..last.
  void written(int id, const std::string& type, const std::string& written, int first, int last) {
    entity(id, type, text_key(written));
    named(id, first, last, written);
  }

};

TEST_F(Folding, AFamilyNameAloneFoldsIntoItsFullName) {
  person(1, "رجب طيب اردوغان");
  person(2, "اردوغان");
  named(1, 1, 10, "رجب طيب أردوغان");
  named(2, 5, 14, "أردوغان");
  EXPECT_EQ(fold(), 1u);
  EXPECT_FALSE(exists(2));
}

// A given name alone may be anyone who bears it: "مايك" is Pompeo here and Pence there.
TEST_F(Folding, AGivenNameAloneStays) {
  person(1, "مايك بومبيو");
  person(2, "مايك");
  named(1, 1, 20, "مايك بومبيو");
  named(2, 3, 6, "مايك");
  EXPECT_EQ(fold(), 0u);
  EXPECT_TRUE(exists(2));
}

// "ترمب" alone ends no entity's key, but it ends a spelling linked into one ("دونالد ترمب" in
// "دونالد ترامب").
TEST_F(Folding, AFamilyNameFoldsThroughALinkedSpelling) {
  // (A spelling the text core's variant table lists, ترمب, is the same key already.)
  person(1, text_key("فولوديمير زيلينسكي"));
  person(2, text_key("زيلنسكي"));
  named(1, 1, 10, "فولوديمير زيلينسكي");
  named(1, 11, 14, "فولوديمير زيلنسكي");
  named(2, 12, 18, "زيلنسكي");
  EXPECT_EQ(fold(), 1u);
  EXPECT_FALSE(exists(2));
}

// The short name's entity is keyed by the spelling that came first, here a rare one
// (بولويني), but it is mostly written as the family name of the full name (بولوني): it folds
// by that spelling. On SaudiNewsNet "بولوني" alone (99 articles) stayed apart from لازلو بولوني
// once titles were resolved with their bodies and its first bare spelling changed.
TEST_F(Folding, AFamilyNameFoldsThroughItsOwnSpellings) {
  written(1, "PER", "لازلو بولوني", 1, 10);
  written(2, "PER", "بولويني", 5, 5);
  named(2, 6, 14, "بولوني");
  EXPECT_EQ(fold(), 1u);
  EXPECT_FALSE(exists(2));
}

// Regression: "بارك أوباما", a misspelling linked into باراك أوباما, begins with a Korean family
// name; "بارك" alone (Park Geun-hye) was folded into Obama through it.
TEST_F(Folding, AKoreanHeadComesOnlyFromTheFullNamesOwnKey) {
  written(1, "PER", "باراك أوباما", 1, 20);
  named(1, 21, 23, "بارك أوباما");
  written(2, "PER", "بارك", 30, 32);
  EXPECT_EQ(fold(), 0u);
  EXPECT_TRUE(exists(2));
}

// A full name also written split ("مارك زوكر بيرغ") does not end with "بيرغ": that is a piece
// of its family name, and "بيرغ" alone is Marcus Berg in the sports pages.
TEST_F(Folding, APieceOfASplitSpellingIsNoFamilyName) {
  person(1, text_key("مارك زوكربيرغ"));
  person(2, text_key("بيرغ"));
  named(1, 1, 20, "مارك زوكربيرغ");
  named(1, 21, 22, "مارك زوكر بيرغ");
  named(2, 21, 24, "بيرغ");
  EXPECT_EQ(fold(), 0u);
  EXPECT_TRUE(exists(2));
}

// A name alone in too few articles to compare what they are about folds only into a full name
// better known than itself: "فرانسيسكو" alone is what the tagger kept of سان فرانسيسكو.
TEST_F(Folding, AShortNameFoldsUncheckedOnlyIntoABetterKnownFullName) {
  person(1, text_key("مانويل فرانسيسكو"));
  person(2, text_key("فرانسيسكو"));
  named(1, 1, 2, "مانويل فرانسيسكو");
  named(2, 10, 13, "فرانسيسكو");
  EXPECT_EQ(fold(), 0u);
  EXPECT_TRUE(exists(2));
}

// A fold that another makes possible is made in the same run: the partial name gives the full
// name the articles a spelling of another type needs to join it.
TEST_F(Folding, AFoldAnotherMakesPossibleIsMadeInTheSameRun) {
  person(1, text_key("رجب طيب أردوغان"));
  person(2, text_key("أردوغان"));
  entity(3, "MISC", text_key("رجب طيبأردوغان"));
  named(1, 1, 8, "رجب طيب أردوغان");
  named(2, 5, 12, "أردوغان");
  named(3, 20, 21, "رجب طيبأردوغان");
  auto table = MentionTable::load(db());
  ASSERT_TRUE(table) << table.error().message;
  auto folded = fold_names(db(), table.value());
  ASSERT_TRUE(folded) << folded.error().message;
  EXPECT_EQ(folded.value(), 2u);
  EXPECT_FALSE(exists(2));
  EXPECT_FALSE(exists(3));
}

TEST_F(Folding, AGivenNameOfManyStays) {
  person(1, "محمد صلاح");
  person(2, "محمد بن سلمان");
  person(3, "محمد");
  named(1, 1, 10, "محمد صلاح");
  named(2, 11, 20, "محمد بن سلمان");
  named(3, 21, 25, "محمد");
  EXPECT_EQ(fold(), 0u);
  EXPECT_TRUE(exists(3));
}

// Keys drop the article, names do not: "فيصل" alone is a given name, "الفيصل" the family name.
TEST_F(Folding, AGivenNameStaysOutOfAFamilyNameWithTheArticle) {
  full_and_alone("خالد الفيصل", "فيصل");
  EXPECT_EQ(fold(), 0u);
  EXPECT_TRUE(exists(2));
}

TEST_F(Folding, AFamilyNameWithTheArticleFolds) {
  full_and_alone("بشار الأسد", "الأسد");
  EXPECT_EQ(fold(), 1u);
  EXPECT_FALSE(exists(2));
}

// After آل comes the house: "سعود" alone is not King Salman.
TEST_F(Folding, AHouseNameIsNotThePerson) {
  full_and_alone("سلمان بن عبدالعزيز آل سعود", "سعود", 10);
  EXPECT_EQ(fold(), 0u);
  EXPECT_TRUE(exists(2));
}

// A preposition glued to a name (لحزب الله، لبي بي سي، لبرشلونة) is not stripped by the
// key, which cannot tell it from a name's first letter (لبنان، كابل); the names seen without it
// tell.
TEST_F(Folding, APrepositionGluedToANameOfSeveralWordsFoldsIntoTheName) {
  written(1, "ORG", "حزب الله", 1, 20);
  written(2, "ORG", "لحزب الله", 5, 14);
  written(3, "ORG", "بي بي سي", 30, 39);
  written(4, "ORG", "لبي بي سي", 40, 69);  // "قال لبي بي سي", more often than the name alone
  written(5, "PER", "ويس إنريكي", 70, 71);
  written(6, "PER", "لويس إنريكي", 72, 90);  // Luis is not ل + a name seen twice
  EXPECT_EQ(fold_glued(), 2u);
  EXPECT_FALSE(exists(2));
  EXPECT_FALSE(exists(4));
  for (int kept : {1, 3, 5, 6}) EXPECT_TRUE(exists(kept)) << kept;
}

// Regression: a glued name whose own glued form had already folded away ("ببرشلونة" into
// "برشلونة", then "لببرشلونة" looking for "ببرشلونة") threw std::out_of_range.
TEST_F(Folding, AGluedNameWhoseNameFoldedAwayStays) {
  written(1, "ORG", "برشلونة", 1, 30);
  written(2, "ORG", "ببرشلونة", 31, 35);
  written(3, "ORG", "لببرشلونة", 36, 36);
  EXPECT_EQ(fold_glued(), 1u);
  EXPECT_FALSE(exists(2));
  EXPECT_TRUE(exists(3));
}

TEST_F(Folding, AGluedNameTheTaggerTypedOtherwiseFoldsIntoAFarCommonerName) {
  written(1, "ORG", "فرانس برس", 1, 30);
  written(2, "PER", "لفرانس برس", 31, 35);
  written(3, "ORG", "أتلتيكو مدريد", 40, 42);
  written(4, "PER", "لأتلتيكو مدريد", 43, 47);  // the other type not far commoner: stays
  EXPECT_EQ(fold_glued(), 1u);
  EXPECT_FALSE(exists(2));
  EXPECT_TRUE(exists(4));
}

TEST_F(Folding, APrepositionGluedToOneWordFoldsOnlyIntoAFarCommonerNameOfItsType) {
  written(1, "ORG", "برشلونة", 1, 30);
  written(2, "ORG", "لبرشلونة", 31, 35);
  written(3, "LOC", "لبنان", 40, 70);
  written(4, "LOC", "بنان", 71, 73);    // the country is not ل + بنان
  written(5, "ORG", "أبل", 80, 110);
  written(6, "LOC", "كابل", 111, 115);  // Kabul is not ك + Apple
  written(7, "PER", "سام", 120, 139);
  written(8, "PER", "بسام", 140, 143);  // nor Bassam ب + Sam: given names begin with these letters
  EXPECT_EQ(fold_glued(), 1u);
  EXPECT_FALSE(exists(2));
  for (int kept : {3, 4, 5, 6, 7, 8}) EXPECT_TRUE(exists(kept)) << kept;
}

// The tagger takes a brand, club or agency for a person now and then ("فيسبوك" 29 articles a
// person, 895 an organisation); a person is not folded the other way (فارس).
TEST_F(Folding, APersonFarRarerThanTheSameNameOfAnotherTypeFoldsIntoIt) {
  written(1, "ORG", "فيسبوك", 1, 30);
  written(2, "PER", "فيسبوك", 31, 35);
  written(3, "MISC", "فيسبوك", 36, 37);
  written(4, "PER", "فارس", 40, 69);
  written(5, "LOC", "فارس", 70, 74);
  written(6, "ORG", "غوغل", 80, 99);
  written(7, "PER", "غوغل", 100, 109);  // not far rarer: the tagger's reading stands
  EXPECT_EQ(fold_slips(), 1u);
  EXPECT_FALSE(exists(2));
  for (int kept : {1, 3, 4, 5, 6, 7}) EXPECT_TRUE(exists(kept)) << kept;
}

// Outlets write some names in one word or two: فيسبوك / فيس بوك, بيونغ يانغ / بيونغيانغ,
// أبو ظبي / أبوظبي. Other types join only a far commoner entity; a house (آل سعود) is no
// family name (السعود).
TEST_F(Folding, SpellingsApartOnlyBySpacesFoldIntoTheCommonest) {
  written(1, "ORG", "فيسبوك", 1, 40);
  written(2, "ORG", "فيس بوك", 41, 45);
  written(3, "LOC", "فيس بوك", 46, 47);       // the tagger's other type, far rarer: joins too
  written(4, "LOC", "بيونغ يانغ", 50, 69);
  written(5, "LOC", "بيونغيانغ", 70, 84);
  written(6, "PER", "بيبي", 90, 102);          // Netanyahu's nickname
  written(7, "ORG", "بي بي", 103, 110);        // not far rarer than the person: stays
  written(8, "PER", "آل سعود", 120, 130);
  written(9, "PER", "السعود", 131, 133);
  EXPECT_EQ(fold_spacing(), 3u);
  for (int gone : {2, 3, 5}) EXPECT_FALSE(exists(gone)) << gone;
  for (int kept : {1, 4, 6, 7, 8, 9}) EXPECT_TRUE(exists(kept)) << kept;
}

// "ترامب" read as a place in 500 articles: the family name of a person whose full name it
// stands for, alone, in far more. A one-word person (ميلان) is no family name to go by.
TEST_F(Folding, AFamilyNameTypedOtherwiseFoldsIntoThePerson) {
  written(1, "PER", "دونالد ترامب", 1, 10);
  named(1, 1, 30, "ترامب");   // the family name alone, in 30 articles of the person's
  named(1, 31, 31, "لترامب");
  written(2, "LOC", "ترامب", 40, 45);
  written(3, "ORG", "ترامب", 46, 46);
  written(4, "PER", "ميلان", 50, 79);
  written(5, "LOC", "ميلان", 80, 84);
  written(6, "PER", "مايك بومبيو", 90, 99);
  named(6, 90, 99, "بومبيو");  // 10 articles: too few to tell
  written(7, "LOC", "بومبيو", 100, 101);
  EXPECT_EQ(fold_slips(), 2u);
  EXPECT_FALSE(exists(2));
  EXPECT_FALSE(exists(3));
  for (int kept : {1, 4, 5, 6, 7}) EXPECT_TRUE(exists(kept)) << kept;
}

TEST_F(Folding, TheFoldedEntityIsRedirected) {
  written(1, "ORG", "حزب الله", 1, 20);
  written(2, "ORG", "لحزب الله", 5, 14);
  ASSERT_EQ(fold_glued(), 1u);
  store::sql::Statement st(db(), "SELECT into_entity FROM entity_merges WHERE old = 2");
  ASSERT_EQ(st.step(), SQLITE_ROW);
  EXPECT_EQ(st.int64(0), 1);
  store::sql::Statement rows(db(), "SELECT count(DISTINCT article) FROM article_entities WHERE entity = 1");
  ASSERT_EQ(rows.step(), SQLITE_ROW);
  EXPECT_EQ(rows.int64(0), 20);
}

// The totals the folds read: an article writing a name two ways counts once for the entity and
// once for each spelling; entities left out by the filter, and those no article names, are absent.
TEST_F(Folding, MentionTotalsCountArticlesOnceAndSpellingsApart) {
  person(1, text_key("رجب طيب أردوغان"));
  person(2, text_key("أردوغان"));
  entity(3, "LOC", text_key("أنقرة"));
  person(4, text_key("غير بيدرسون"));  // named nowhere
  named(1, 1, 4, "رجب طيب أردوغان");
  named(1, 3, 6, "الرئيس أردوغان");  // articles 3 and 4 write it both ways
  named(2, 2, 2, "أردوغان");
  named(3, 1, 9, "أنقرة");
  const auto persons = [](std::int64_t id) { return id != 3; };
  auto totals = mention_totals(db(), persons, true);
  ASSERT_TRUE(totals) << totals.error().message;
  EXPECT_EQ(totals->articles.size(), 2u);
  EXPECT_EQ(totals->articles.at(1), 6);
  EXPECT_EQ(totals->articles.at(2), 1);
  ASSERT_EQ(totals->spellings.size(), 3u);  // by entity, then surface in byte order
  EXPECT_EQ(totals->spellings[0].entity, 1);
  EXPECT_EQ(totals->spellings[0].surface, "الرئيس أردوغان");
  EXPECT_EQ(totals->spellings[0].articles, 4);
  EXPECT_EQ(totals->spellings[1].surface, "رجب طيب أردوغان");
  EXPECT_EQ(totals->spellings[1].mentions, 4);
  EXPECT_EQ(totals->spellings[2].entity, 2);
  auto without = mention_totals(db(), persons, false);
  ASSERT_TRUE(without);
  EXPECT_TRUE(without->spellings.empty());
  EXPECT_EQ(without->articles, totals->articles);
  auto entities = stored_entities(db());
  ASSERT_TRUE(entities);
  EXPECT_EQ(entities->size(), 4u);
  EXPECT_EQ(entities->at(3).type, "LOC");
}


// The conjunction و glued to a name of several words, which the stemmer keeps on a word it
// reads as beginning with a root و ("وليونيل ميسي"), folds into the name in twice its articles.
TEST_F(Folding, AConjunctionGluedToANameOfSeveralWordsFoldsIntoAFarCommonerName) {
  written(1, "PER", "ليونيل ميسي", 1, 20);
  written(2, "PER", "وليونيل ميسي", 21, 25);
  written(3, "PER", "إدينسون كافاني", 30, 34);
  written(4, "PER", "وإدينسون كافاني", 35, 37);  // not in twice its articles: stays
  written(5, "PER", "ليونيل", 40, 60);
  written(6, "PER", "وليونيل", 61, 62);  // one word: a given name may begin with و
  ASSERT_EQ(text_key("وليونيل ميسي"), "وليونيل ميسي");  // the key keeps the conjunction
  EXPECT_EQ(fold_glued(), 1u);
  EXPECT_FALSE(exists(2));
  for (int kept : {1, 3, 4, 5, 6}) EXPECT_TRUE(exists(kept)) << kept;
}

TEST_F(Folding, GivenNamesSpelledApartOfOneFamilyNameFold) {
  written(1, "PER", "كيفن دي بروين", 1, 20);
  written(2, "PER", "كيفين دي بروين", 21, 24);
  written(3, "PER", "يواكيم لوف", 30, 40);
  written(4, "PER", "يواخيم لوف", 41, 50);  // as common: the one with more articles is kept
  written(5, "ORG", "المنتخب الألماني", 30, 50);  // what both are named beside
  EXPECT_EQ(fold_given(), 2u);
  EXPECT_FALSE(exists(2));
  EXPECT_FALSE(exists(4));
}

// محمد and محمود عباس are two men; a family name with the article, a father's name or an Arabic
// given name is Arabic.
TEST_F(Folding, ArabicNamesKeepTheirGivenNamesApart) {
  written(1, "PER", "محمد عباس", 1, 20);
  written(2, "PER", "محمود عباس", 21, 24);
  written(3, "PER", "كيفن الخطيب", 30, 40);
  written(4, "PER", "كيفين الخطيب", 41, 42);
  written(5, "PER", "ديفيد بن سالم", 50, 60);
  written(6, "PER", "دافيد بن سالم", 61, 62);
  written(7, "PER", "كيفن رضوان", 70, 80);  // a family name that is an Arabic given name
  written(8, "PER", "كيفين رضوان", 81, 82);
  EXPECT_EQ(fold_given(), 0u);
  for (int kept : {1, 2, 3, 4, 5, 6, 7, 8}) EXPECT_TRUE(exists(kept)) << kept;
}

// A short form (ستيف / ستيفن) folds only when enough articles tell that both are about the
// same things; so does any variant whose articles are about other things.
TEST_F(Folding, AShortFormFoldsOnlyWhereTheArticlesAgree) {
  written(1, "PER", "ستيفن منوتشين", 1, 20);
  written(2, "PER", "ستيف منوتشين", 21, 24);  // four articles alone: too few to compare
  EXPECT_EQ(fold_given(), 0u);
  named(2, 25, 27, "ستيف منوتشين");
  written(3, "ORG", "وزارة الخزانة", 1, 27);  // both named beside the treasury
  EXPECT_EQ(fold_given(), 1u);
  EXPECT_FALSE(exists(2));
}

TEST_F(Folding, GivenNamesSpelledApartStayApartWhereTheArticlesDisagree) {
  written(1, "PER", "كيفن أندرسون", 1, 20);
  written(2, "PER", "كيفين أندرسون", 21, 30);
  written(3, "ORG", "ويمبلدون", 1, 20);
  written(4, "ORG", "الكونغرس", 21, 30);
  EXPECT_EQ(fold_given(), 0u);
  EXPECT_TRUE(exists(2));
}

// "تشلسي" and "تشيلسي" are Chelsea: one long vowel inside, articles about the same things.
TEST_F(Folding, OneWordNamesOneVowelApartFoldWhereTheArticlesAgree) {
  written(1, "ORG", "تشيلسي", 1, 20);
  written(2, "ORG", "تشلسي", 21, 30);
  written(3, "ORG", "الدوري الإنجليزي", 1, 30);
  EXPECT_EQ(fold_one_word(), 1u);
  EXPECT_FALSE(exists(2));
}

// Leeds and Lloyds: too few articles apart to compare; Nazareth and Nasiriyah: articles about
// other things; حسن and حسين: persons are never folded so.
TEST_F(Folding, OneWordNamesOneVowelApartStayApartOtherwise) {
  written(1, "ORG", "ليدز", 1, 20);
  written(2, "ORG", "لويدز", 21, 24);
  written(3, "LOC", "الناصرية", 30, 49);
  written(4, "LOC", "الناصرة", 50, 59);
  written(5, "ORG", "الحشد الشعبي", 30, 49);
  written(6, "LOC", "الجليل", 50, 59);
  written(7, "PER", "حسين", 60, 79);
  written(8, "PER", "حسن", 80, 89);
  written(9, "ORG", "حزب الله", 60, 89);
  EXPECT_EQ(fold_one_word(), 0u);
  for (int kept : {1, 2, 3, 4, 7, 8}) EXPECT_TRUE(exists(kept)) << kept;
}

}  // namespace
}  // namespace masar::entities
