// Entity mentions and linking keys: one test per rule.
#include <gtest/gtest.h>

#include "masar/entities/mentions.hpp"

using namespace masar::entities;

namespace {

// The mentions of a text, each checked to point at its surface.
std::vector<Mention> mentions_in(const std::string& text, const NerModel& model) {
  std::vector<Mention> out = find_mentions(text, model);
  for (const Mention& m : out) EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.surface) << text;
  return out;
}

// The keys (or surfaces) of the persons among them, in text order.
std::vector<std::string> persons(const std::vector<Mention>& mentions, std::string Mention::*field = &Mention::key) {
  std::vector<std::string> out;
  for (const Mention& m : mentions) {
    if (m.type == EntityType::PER) out.push_back(m.*field);
  }
  return out;
}

}  // namespace

TEST(MentionKeys, ProcliticsAndArticleOff) {
  EXPECT_EQ(mention_key({"والأمم", "المتحدة"}), mention_key({"الأمم", "المتحدة"}));
  EXPECT_EQ(mention_key({"لروسيا"}), mention_key({"روسيا"}));
  EXPECT_EQ(mention_key({"وأنقرة"}), mention_key({"أنقرة"}));
}

// A name listed with the article (العراق، الأردن، الأسد) keeps it in its key whatever clitic
// comes before: the stemmer strips "والعراق" to "عراق" but leaves "العراق" whole.
TEST(MentionKeys, ANameWithTheArticleIsOneKeyWithEveryProclitic) {
  for (const char* w : {"والعراق", "للعراق", "بالعراق", "فالعراق"}) EXPECT_EQ(mention_key({w}), mention_key({"العراق"})) << w;
  for (const char* w : {"والأردن", "للأردن"}) EXPECT_EQ(mention_key({w}), mention_key({"الأردن"})) << w;
  EXPECT_EQ(text_key("بشار والأسد"), text_key("بشار الأسد"));
  EXPECT_NE(mention_key({"فاسد"}), mention_key({"الأسد"}));  // فاسد (corrupt) has no article
  EXPECT_EQ(mention_key({"والرئيس"}), mention_key({"الرئيس"}));  // other words lose it either way
}

// "لل" before a name is ل + ال for most words (للعراق), but ل + the name for a name that
// begins with ل (للبنان "to Lebanon", للندن): the stemmer read "للبنان" as "بنان", an entity of
// its own (30 articles of ant-multisource).
TEST(MentionKeys, ToANameBeginningWithLamIsThatName) {
  EXPECT_EQ(mention_key({"للبنان"}), mention_key({"لبنان"}));
  EXPECT_EQ(mention_key({"وللبنان"}), mention_key({"لبنان"}));
  EXPECT_EQ(mention_key({"للندن"}), mention_key({"لندن"}));
  EXPECT_EQ(mention_key({"لليبيا"}), mention_key({"ليبيا"}));
  EXPECT_EQ(mention_key({"للعراق"}), mention_key({"العراق"}));  // ل + العراق, as before
  EXPECT_EQ(mention_key({"للرئيس"}), mention_key({"الرئيس"}));  // a word that is no listed name
}

TEST(MentionKeys, AbdCompoundsAreOneWord) {
  EXPECT_EQ(mention_key({"عبد", "الفتاح", "السيسي"}), mention_key({"عبدالفتاح", "السيسي"}));
  EXPECT_EQ(mention_key({"عبد", "ربه"}), mention_key({"عبدربه"}));
}

TEST(Skeletons, TransliterationVowelsFold) {
  EXPECT_EQ(skeleton("لافرنتييف"), skeleton("لافرينتييف"));
  EXPECT_EQ(skeleton("بيدرسون"), skeleton("بيدرسن"));
  EXPECT_EQ(skeleton("استانا"), skeleton("استانه"));
}

TEST(EditDistance, CodePoints) {
  EXPECT_EQ(edit_distance("بيدرسون", "بيدرسن"), 1u);
  EXPECT_EQ(edit_distance("", "سوريا"), 5u);
  EXPECT_EQ(edit_distance("لافروف", "لافروف"), 0u);
}

TEST(SameName, LongTransliterationsMerge) {
  EXPECT_TRUE(same_name_spelled_differently("الكسندر لافرنتييف", "الكسندر لافرينتييف"));
  EXPECT_TRUE(same_name_spelled_differently("بيدرسون", "بيدرسن"));
  EXPECT_TRUE(same_name_spelled_differently("ستيفان دي ميستورا", "ستيفان دي مستورا"));
}

TEST(SameName, ShortArabicNamesStayApart) {
  EXPECT_FALSE(same_name_spelled_differently("محمد", "محمود"));
  EXPECT_FALSE(same_name_spelled_differently("محمد عباس", "محمود عباس"));
  EXPECT_FALSE(same_name_spelled_differently("ليونيل موسي", "ليونيل ميسي"));
  EXPECT_FALSE(same_name_spelled_differently("سعيد", "سعد"));
  EXPECT_FALSE(same_name_spelled_differently("دونالد ترامب", "ترامب"));  // not the same number of words
}

// The family name of a full name may take a long vowel more inside it (ترمب / ترامب): the given
// name already agrees. Not a given name (محمد / محمود), not three letters (حسن / حسين), not a
// final ي, which makes another name (صالح / صالحي), not a name of one word.
TEST(SameName, AVowelMoreInsideAFamilyNameIsASpelling) {
  EXPECT_TRUE(same_name_spelled_differently("دونالد ترمب", "دونالد ترامب"));
  EXPECT_TRUE(same_name_spelled_differently("جون بولتن", "جون بولتون"));
  EXPECT_FALSE(same_name_spelled_differently("علي حسن", "علي حسين"));
  EXPECT_FALSE(same_name_spelled_differently("علي صالح", "علي صالحي"));
  EXPECT_FALSE(same_name_spelled_differently("ترمب", "ترامب"));
  EXPECT_FALSE(same_name_spelled_differently("دونالد ترمب", "دونلد ترامب"));  // two words differ
}

TEST(Mentions, PartialPersonNamesTakeTheFullName) {
  const auto model = NerModel::builtin();
  if (!model) GTEST_SKIP() << model.error().message;
  const std::string text = "وقال الرئيس التركي رجب طيب أردوغان في أنقرة إن بلاده لن تتراجع. وأضاف أردوغان أن المحادثات ستستمر.";
  const auto mentions = find_mentions(text, model.value());
  std::size_t persons = 0;
  for (const auto& m : mentions) {
    EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.surface);
    if (m.type != EntityType::PER) continue;
    ++persons;
    EXPECT_EQ(m.key, mention_key({"رجب", "طيب", "أردوغان"})) << m.surface;
  }
  EXPECT_EQ(persons, 2u);
}

// The model may cut a name in two (B-PER B-PER): one person, unless و joins the second.
TEST(Mentions, ANameCutInTwoIsOnePerson) {
  const auto model = NerModel::builtin();
  if (!model) GTEST_SKIP() << model.error().message;
  const auto tags = model.value().tag({"قبل", "أيام", "من", "المهلة", "التي", "منحها", "الرئيس", "دونالد", "ترامب", "للحلفاء"});
  EXPECT_EQ(tags[7], Tag::B_PER);
  EXPECT_EQ(tags[8], Tag::I_PER);
  const auto two = model.value().tag({"وسيجري", "بوتين", "وميركل", "محادثات"});
  EXPECT_EQ(two[1], Tag::B_PER);
  EXPECT_EQ(two[2], Tag::B_PER);
}

TEST(Mentions, AFatherNameAfterBinIsNotThePerson) {
  const auto model = NerModel::builtin();
  if (!model) GTEST_SKIP() << model.error().message;
  const std::string text = "استقبل الملك سلمان ولي العهد الأمير محمد بن سلمان في الرياض.";
  bool king = false;
  for (const auto& m : find_mentions(text, model.value())) {
    if (m.surface == "سلمان") {
      king = true;
      EXPECT_EQ(m.key, mention_key({"سلمان"}));
    }
  }
  EXPECT_TRUE(king) << "the tagger no longer finds the king: pick another sentence";
}

TEST(EntityTypes, NamesRoundTrip) {
  EntityType t;
  ASSERT_TRUE(parse_type("PERS", t));
  EXPECT_EQ(t, EntityType::PER);
  ASSERT_TRUE(parse_type("ORG", t));
  EXPECT_STREQ(type_name(t), "ORG");
  EXPECT_FALSE(parse_type("person", t));
}

TEST(SameName, OneWordNamesNeedLongerWordsToSwapALetter) {
  EXPECT_FALSE(same_name_spelled_differently("روحاني", "ريحاني"));    // six letters, one word: two families
  EXPECT_TRUE(same_name_spelled_differently("برونسون", "برانسون"));   // seven: a transliteration
  EXPECT_TRUE(same_name_spelled_differently("بيدرسون", "بيدرسن"));    // a long vowel less is no other name
  EXPECT_TRUE(same_name_spelled_differently("استانا", "استانه"));     // nor the way the name ends
}

TEST(Mentions, AnAdjectiveEndingInHamzaIsNoPerson) {
  const auto model = NerModel::builtin();
  if (!model) GTEST_SKIP() << model.error().message;
  // The tagger takes هادئ (calm) for a person here; in search form it would be the name هادي.
  const std::string text = "وقال الرئيس هادئ إن الوضع مستقر. والتقى الرئيس عبد ربه منصور هادي بالمبعوث.";
  std::size_t persons = 0;
  for (const auto& m : find_mentions(text, model.value())) {
    if (m.type != EntityType::PER) continue;
    ++persons;
    EXPECT_NE(m.surface, "هادئ");
  }
  EXPECT_EQ(persons, 1u) << "the president's full name is still a person";
}

// "الرئيس الصيني شي جين بينغ": the tagger puts the demonym inside the name now and then; it
// says which state the person serves, it is not part of the name.
TEST(Mentions, ADemonymBeforeANameIsNotPartOfIt) {
  const auto model = NerModel::builtin();
  if (!model) GTEST_SKIP() << model.error().message;
  const std::vector<std::string> words = {"قال", "الرئيس", "الصيني", "شي", "جين", "بينغ", "إن", "بلاده", "مستعدة"};
  ASSERT_EQ(model.value().tag(words)[2], Tag::B_PER) << "the tagger no longer takes the demonym in: pick another sentence";
  const std::string text = "قال الرئيس الصيني شي جين بينغ إن بلاده مستعدة.";
  std::size_t persons = 0;
  for (const auto& m : find_mentions(text, model.value())) {
    if (m.type != EntityType::PER) continue;
    ++persons;
    EXPECT_EQ(m.surface, "شي جين بينغ");
    EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.surface);
    EXPECT_EQ(m.key, mention_key({"شي", "جين", "بينغ"}));
  }
  EXPECT_EQ(persons, 1u);
}

TEST(Mentions, TitlesAndDemonymsBeforeANameAreNotPartOfIt) {
  EXPECT_EQ(descriptors_before_name({"الركن", "تركي", "المالكي"}), 1u);
  EXPECT_EQ(descriptors_before_name({"ركن", "تركي", "المالكي"}), 1u);  // "العميد ركن تركي المالكي"
  EXPECT_EQ(descriptors_before_name({"الصيني", "شي", "جين", "بينغ"}), 1u);
  EXPECT_EQ(descriptors_before_name({"الشهير", "الأمريكي", "جون", "كيري"}), 2u);
  EXPECT_EQ(descriptors_before_name({"المهدي", "بن", "عطية"}), 0u);  // a given name with the article
  EXPECT_EQ(descriptors_before_name({"الأمير", "محمد", "بن", "سلمان"}), 0u);
  EXPECT_EQ(descriptors_before_name({"الصيني"}), 0u);  // a word is left
  EXPECT_EQ(descriptors_before_name({"الركن", "الصيني"}), 1u);
}

// Kin, counsel and camp before a name, and a verb the tagger ran into it, are not part of it;
// given names that are also nouns stay (عهد التميمي, مساعد العيبان).
TEST(Mentions, ARelationOrVerbBeforeANameIsNotPartOfIt) {
  EXPECT_EQ(descriptors_before_name({"محامو", "أردوغان"}), 1u);
  EXPECT_EQ(descriptors_before_name({"رفاق", "أغويرو"}), 1u);
  EXPECT_EQ(descriptors_before_name({"والد", "أحمد"}), 1u);
  EXPECT_EQ(descriptors_before_name({"وشارك", "إبراهيموفيتش"}), 1u);
  EXPECT_EQ(descriptors_before_name({"عهد", "التميمي"}), 0u);
  EXPECT_EQ(descriptors_before_name({"مساعد", "العيبان"}), 0u);
  EXPECT_EQ(descriptors_before_name({"محامي"}), 0u);  // a word is left
}

// Facts spelling cannot find: a renamed capital, a name the tagger gives several types.
TEST(Mentions, CuratedNamesTakeTheirEntity) {
  Mention astana{};
  astana.type = EntityType::LOC;
  astana.key = text_key("نور سلطان");
  apply_curated_names(astana);
  EXPECT_EQ(astana.key, text_key("أستانا"));
  EXPECT_EQ(astana.type, EntityType::LOC);
  Mention capital{};
  capital.type = EntityType::PER;
  capital.key = text_key("بيونغ يانغ");
  apply_curated_names(capital);
  EXPECT_EQ(capital.type, EntityType::LOC);
  for (const EntityType read_as : {EntityType::LOC, EntityType::MISC, EntityType::PER}) {
    Mention isis{};
    isis.type = read_as;
    isis.key = text_key("داعش");
    apply_curated_names(isis);
    EXPECT_EQ(isis.type, EntityType::ORG) << type_name(read_as);
    EXPECT_EQ(isis.key, text_key("داعش"));
  }
  Mention other{};
  other.type = EntityType::LOC;
  other.key = text_key("دمشق");
  apply_curated_names(other);
  EXPECT_EQ(other.type, EntityType::LOC);
  EXPECT_EQ(other.key, text_key("دمشق"));
}

// عبد and a divine name: one letter more is another name (عبدالإله / عبدالله).
TEST(SameName, TheNameAfterAbdIsWrittenExactly) {
  EXPECT_FALSE(same_name_spelled_differently(text_key("عبدالإله"), text_key("عبدالله")));
  EXPECT_FALSE(same_name_spelled_differently(text_key("محمد عبد الإله"), text_key("محمد عبدالله")));
  EXPECT_TRUE(same_name_spelled_differently(text_key("عبد الله"), text_key("عبدالله")));  // one key
}

TEST(Articles, ANameEndingWithTheArticle) {
  EXPECT_TRUE(ends_with_article("الفيصل"));
  EXPECT_TRUE(ends_with_article("خالد الفيصل"));
  EXPECT_TRUE(ends_with_article("والأسد"));
  EXPECT_TRUE(ends_with_article("للمالكي"));
  EXPECT_TRUE(ends_with_article("بالعبادي"));
  EXPECT_FALSE(ends_with_article("فيصل"));
  EXPECT_FALSE(ends_with_article("لماكرون"));
  EXPECT_FALSE(ends_with_article("أل"));
  // The ال of a divine name after عبد belongs to the name, written joined as often.
  EXPECT_FALSE(ends_with_article("رامي عبد الرحمن"));
  EXPECT_FALSE(ends_with_article("وعبد الرحمن"));
  EXPECT_FALSE(ends_with_article("عبدالرحمن"));
}

TEST(Formulas, DevotionalPhrasesAreNoEntities) {
  EXPECT_TRUE(is_devotional_formula(text_key("رحمه الله")));
  EXPECT_TRUE(is_devotional_formula(text_key("بإذن الله")));
  EXPECT_TRUE(is_devotional_formula(text_key("الله")));
  EXPECT_FALSE(is_devotional_formula(text_key("حزب الله")));
  EXPECT_FALSE(is_devotional_formula(text_key("رام الله")));
  EXPECT_FALSE(is_devotional_formula(text_key("حسن نصر الله")));
  EXPECT_FALSE(is_devotional_formula(text_key("عبدالله")));
}

TEST(MentionKeys, AProcliticBeforeBin) {
  EXPECT_EQ(mention_key({"ببن", "قردان"}), mention_key({"بن", "قردان"}));
  EXPECT_EQ(mention_key({"محمد", "وبن", "سلمان"}), mention_key({"محمد", "بن", "سلمان"}));
  EXPECT_NE(mention_key({"لبن"}), mention_key({"بن"}));  // لبن is a word (milk), not ل + بن
}

TEST(Places, PlacesNamedLikePersons) {
  EXPECT_TRUE(is_place_named_like_a_person(text_key("بن قردان")));
  EXPECT_TRUE(is_place_named_like_a_person(mention_key({"ببن", "قردان"})));
  EXPECT_TRUE(is_place_named_like_a_person(text_key("سيدي بوزيد")));
  EXPECT_TRUE(is_place_named_like_a_person(text_key("وأبو ظبي")));
  EXPECT_FALSE(is_place_named_like_a_person(text_key("محمد بن سلمان")));
  EXPECT_FALSE(is_place_named_like_a_person(text_key("بوزيد")));  // a family name too
}

// The tagger reads "بوزيد" of "سيدي بوزيد" as a person and leaves "سيدي" out: the mention is the
// whole place.
TEST(Mentions, APlaceWhoseFirstWordTheTaggerLeftOut) {
  const auto model = NerModel::builtin();
  if (!model) GTEST_SKIP() << model.error().message;
  const std::string text = "وصل الوزير إلى مدينة سيدي بوزيد صباح اليوم.";
  bool place = false;
  for (const auto& m : find_mentions(text, model.value())) {
    EXPECT_NE(m.surface, "بوزيد");
    if (m.surface == "سيدي بوزيد") {
      place = true;
      EXPECT_EQ(m.type, EntityType::LOC);
      EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.surface);
    }
  }
  EXPECT_TRUE(place);
}

TEST(PartialNames, FamilyTailsStopAtAForebear) {
  const std::string erdogan = text_key("رجب طيب أردوغان");
  EXPECT_EQ(family_tails(erdogan), (std::vector<std::string_view>{text_key("طيب أردوغان"), text_key("أردوغان")}));
  // "بن سلمان" is still him; "سلمان" after بن is his father.
  EXPECT_EQ(family_tails(text_key("محمد بن سلمان")), (std::vector<std::string_view>{text_key("بن سلمان")}));
  EXPECT_TRUE(family_tails(text_key("أردوغان")).empty());
}

// The text core's spelling variants of names are one key (أميركا / أمريكا).
TEST(MentionKeys, SpellingVariantsOfTheTextCoreAreOneKey) {
  EXPECT_EQ(text_key("أميركا"), text_key("أمريكا"));
  EXPECT_EQ(text_key("وأميركا"), text_key("أمريكا"));
  EXPECT_EQ(text_key("أستانة"), text_key("أستانا"));
  EXPECT_EQ(text_key("القوات الأميركية"), text_key("القوات الأمريكية"));
  // A variant of a name listed with the article keeps the article (البنتاغون is listed).
  EXPECT_EQ(text_key("البنتاجون"), text_key("البنتاغون"));
  EXPECT_EQ(text_key("للبنتاجون"), text_key("البنتاغون"));
  EXPECT_EQ(text_key("الاتحاد الأوربي"), text_key("الاتحاد الأوروبي"));
}

// A one-word organisation keeps the article it was written with: with it and without it are
// two names (al-Qaeda and a base, Hamas and zeal, a club and a union).
TEST(MentionKeys, AOneWordOrganisationKeepsItsArticle) {
  const auto org = [](std::string_view written) { return typed_text_key(written, EntityType::ORG); };
  EXPECT_NE(org("القاعدة"), org("قاعدة"));
  EXPECT_NE(org("حماس"), org("الحماس"));
  EXPECT_NE(org("الأهلي"), org("أهلي"));
  EXPECT_EQ(org("والقاعدة"), org("القاعدة"));
  EXPECT_EQ(org("للقاعدة"), org("القاعدة"));
  EXPECT_EQ(org("بالاتحاد"), org("الاتحاد"));
  EXPECT_EQ(org("وحماس"), org("حماس"));
  EXPECT_EQ(org("حماس"), text_key("حماس"));
  // Names of more than one word, and other types, keep the keys they had.
  EXPECT_EQ(org("تنظيم القاعدة"), text_key("تنظيم القاعدة"));
  EXPECT_EQ(typed_text_key("الأسد", EntityType::PER), text_key("الأسد"));
  EXPECT_EQ(typed_text_key("الرباط", EntityType::ORG), text_key("الرباط"));  // a capital: its state's key
  EXPECT_EQ(org("الكرملين"), text_key("الكرملين"));  // listed with the article: kept once
}

// A currency named alone is no entity (the tagger takes "ريال" for Real Madrid); "الريال", the
// club in sports pages, is a name. Nor is a month, unless it is a person's name (تيريزا ماي).
TEST(Formulas, ACurrencyOrAMonthAloneNamesNothing) {
  EXPECT_TRUE(names_nothing_alone(text_key("ريال"), EntityType::ORG));
  EXPECT_TRUE(names_nothing_alone(text_key("بالدولار"), EntityType::MISC));
  EXPECT_FALSE(names_nothing_alone(typed_text_key("الريال", EntityType::ORG), EntityType::ORG));
  EXPECT_FALSE(names_nothing_alone(text_key("ريال مدريد"), EntityType::ORG));
  EXPECT_TRUE(names_nothing_alone(text_key("دولاراً"), EntityType::MISC));
  EXPECT_TRUE(names_nothing_alone(text_key("جنيه إسترليني"), EntityType::MISC));
  EXPECT_TRUE(names_nothing_alone(text_key("ليرة تركية"), EntityType::MISC));
  EXPECT_FALSE(names_nothing_alone(text_key("ريال سوسيداد"), EntityType::ORG));
  EXPECT_TRUE(names_nothing_alone(text_key("ونيسان"), EntityType::ORG));
  EXPECT_TRUE(names_nothing_alone(text_key("كانون الثاني"), EntityType::MISC));
  EXPECT_FALSE(names_nothing_alone(text_key("ماي"), EntityType::PER));
  EXPECT_FALSE(names_nothing_alone(text_key("نيسان موتورز"), EntityType::ORG));
}

// Common words the tagger takes for a person when they stand alone: "انفجار هائل" (a huge
// blast), "السلاح الكيماوي", "المكتب البيضاوي", "ناشطون" (activists). In a name they stay.
TEST(Formulas, ACommonWordAloneIsNoPerson) {
  EXPECT_TRUE(names_nothing_alone(text_key("هائل"), EntityType::PER));
  EXPECT_TRUE(names_nothing_alone(text_key("هائلا"), EntityType::PER));
  EXPECT_TRUE(names_nothing_alone(text_key("الكيماوي"), EntityType::PER));
  EXPECT_TRUE(names_nothing_alone(text_key("البيضاوي"), EntityType::PER));
  EXPECT_TRUE(names_nothing_alone(text_key("ناشطون"), EntityType::PER));
  EXPECT_TRUE(names_nothing_alone(text_key("الكيماوي"), EntityType::MISC));
  EXPECT_FALSE(names_nothing_alone(text_key("هائل سعيد أنعم"), EntityType::PER));
  EXPECT_FALSE(names_nothing_alone(text_key("نيمار"), EntityType::PER));
}

// Generic nouns the tagger takes for an organisation or another name alone: "منظمة", "الميليشيات",
// "حزب", "كيلومترا". In a name they stay, and "الاتحاد" alone is also a club (Al-Ittihad).
TEST(Formulas, AGenericNounAloneNamesNothing) {
  EXPECT_TRUE(names_nothing_alone(typed_text_key("منظمة", EntityType::ORG), EntityType::ORG));
  EXPECT_TRUE(names_nothing_alone(typed_text_key("المنظمة", EntityType::ORG), EntityType::ORG));
  EXPECT_TRUE(names_nothing_alone(typed_text_key("الميليشيات", EntityType::MISC), EntityType::MISC));
  EXPECT_TRUE(names_nothing_alone(typed_text_key("حزب", EntityType::ORG), EntityType::ORG));
  EXPECT_TRUE(names_nothing_alone(typed_text_key("كيلومترا", EntityType::MISC), EntityType::MISC));
  EXPECT_TRUE(names_nothing_alone(typed_text_key("لمنظمة", EntityType::ORG), EntityType::ORG));
  EXPECT_TRUE(names_nothing_alone(typed_text_key("بجامعة", EntityType::ORG), EntityType::ORG));
  EXPECT_FALSE(names_nothing_alone(typed_text_key("منظمة العفو الدولية", EntityType::ORG), EntityType::ORG));
  EXPECT_FALSE(names_nothing_alone(typed_text_key("حزب الله", EntityType::ORG), EntityType::ORG));
  EXPECT_FALSE(names_nothing_alone(typed_text_key("الاتحاد", EntityType::ORG), EntityType::ORG));
  EXPECT_FALSE(names_nothing_alone(typed_text_key("الجزيرة", EntityType::ORG), EntityType::ORG));
}

// A hashtag names what its words name: "#ماكرون" is Macron and "#بشار_الأسد" Bashar al-Assad.
// The tagger reads the words without the mark, and the key has neither "#" nor "_".
TEST(Mentions, AHashtagNamesWhatItsWordsName) {
  const auto model = NerModel::builtin();
  if (!model) GTEST_SKIP() << model.error().message;
  const std::string text = "وقال الرئيس الفرنسي إيمانويل #ماكرون إن بلاده ستشارك. والتقى #بشار_الأسد وفدا روسيا في دمشق.";
  const auto mentions = mentions_in(text, model.value());
  for (const auto& m : mentions) {
    EXPECT_EQ(m.key.find('#'), std::string::npos) << m.key;
    EXPECT_EQ(m.key.find('_'), std::string::npos) << m.key;
  }
  const auto keys = persons(mentions);
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0], mention_key({"إيمانويل", "ماكرون"}));
  EXPECT_EQ(keys[1], mention_key({"بشار", "الأسد"}));
}

// ج and غ both write the g of foreign names (أنجيلا / أنغيلا ميركل, سيرجي / سيرغي لافروف): one
// name when another word of it agrees. A name of one word has nothing else to agree on.
TEST(SameName, JimAndGhainWriteTheSameG) {
  EXPECT_EQ(skeleton(text_key("أنجيلا ميركل")), skeleton(text_key("أنغيلا ميركل")));
  EXPECT_TRUE(same_name_spelled_differently(text_key("أنجيلا ميركل"), text_key("أنغيلا ميركل")));
  EXPECT_TRUE(same_name_spelled_differently(text_key("سيرجي لافروف"), text_key("سيرغي لافروف")));
  EXPECT_TRUE(same_name_spelled_differently(text_key("كيم جونج أون"), text_key("كيم جونغ أون")));
  EXPECT_TRUE(same_name_spelled_differently(text_key("يورجن كلوب"), text_key("يورغن كلوب")));
  EXPECT_FALSE(same_name_spelled_differently(text_key("جدة"), text_key("غدة")));
  EXPECT_FALSE(same_name_spelled_differently(text_key("سيرجي لافروف"), text_key("سيرغي لاروف")));  // and another letter
}

// The Spanish j is خ to outlets that follow Spanish (سيرخيو، خورخي) and ج to those that follow
// English or Italian (سيرجيو، جورجي): one letter in the long words of a name of several words.
TEST(SameName, KhaAndJimWriteTheSameSpanishJ) {
  EXPECT_EQ(skeleton(text_key("سيرخيو راموس")), skeleton(text_key("سيرجيو راموس")));
  EXPECT_TRUE(same_name_spelled_differently(text_key("سيرخيو راموس"), text_key("سيرجيو راموس")));
  EXPECT_TRUE(same_name_spelled_differently(text_key("خورخي مينديز"), text_key("جورجي مينديز")));
  EXPECT_TRUE(same_name_spelled_differently(text_key("غابرييل خيسوس"), text_key("غابرييل جيسوس")));
  EXPECT_FALSE(same_name_spelled_differently(text_key("خليل"), text_key("جليل")));  // one word: two names
  // Arabic names differ by it: a word of four letters or fewer, or with the article.
  EXPECT_FALSE(same_name_spelled_differently(text_key("أحمد خليل"), text_key("أحمد جليل")));
  EXPECT_FALSE(same_name_spelled_differently(text_key("صلاح خبري"), text_key("صلاح الجبوري")));
  EXPECT_FALSE(same_name_spelled_differently(text_key("يوسف الخبر"), text_key("يوسف الجبر")));
  // And a name does not change with the length of the other spelling (a first version folded
  // خ in "خضيري" and not in "خضري", and split محمد الخضري).
  EXPECT_TRUE(same_name_spelled_differently(text_key("محمد الخضري"), text_key("محمد الخضيري")));
  EXPECT_FALSE(same_name_spelled_differently(text_key("سيرخيو راموس"), text_key("سيرجيو راموا")));
}

// A particle the tagger took into a name ("على ترامب", "فإن أردوغان") is not part of it; "علي"
// written with ي is the given name Ali.
TEST(Mentions, AParticleBeforeANameIsNotPartOfIt) {
  EXPECT_EQ(descriptors_before_name({"على", "ترامب"}), 1u);
  EXPECT_EQ(descriptors_before_name({"فإن", "أردوغان"}), 1u);
  EXPECT_EQ(descriptors_before_name({"قال", "الرئيس", "دونالد", "ترامب"}), 2u);
  EXPECT_EQ(descriptors_before_name({"علي", "عبدالله", "صالح"}), 0u);
  EXPECT_EQ(descriptors_before_name({"على"}), 0u);  // a word is left
  EXPECT_EQ(descriptors_before_name({"أنا", "سعيد"}), 0u);  // "I am happy": a predicate follows, not a name
  EXPECT_EQ(descriptors_before_name({"فان", "دايك"}), 0u);   // van Dijk; فإن is written with its hamza
  EXPECT_EQ(descriptors_before_name({"بين", "ستوكس"}), 0u);  // Ben Stokes
}

// A state by its official or common name is the state by its usual name: one entity for
// "الولايات المتحدة الأمريكية", "أميركا" and "الولايات المتحدة", whatever type the tagger read.
TEST(Mentions, AStateByItsOfficialNameIsTheState) {
  const std::pair<const char*, const char*> same[] = {
      {"الولايات المتحدة الأمريكية", "الولايات المتحدة"}, {"الولايات المتحدة الأميركية", "الولايات المتحدة"},
      {"أميركا", "الولايات المتحدة"}, {"أمريكا", "الولايات المتحدة"},
      {"المملكة العربية السعودية", "السعودية"}, {"الإمارات العربية المتحدة", "الإمارات"},
      {"المملكة المتحدة", "بريطانيا"}, {"جمهورية مصر العربية", "مصر"}, {"الجمهورية العربية السورية", "سوريا"},
      {"الجمهورية الإسلامية الإيرانية", "إيران"}, {"كوريا الديمقراطية", "كوريا الشمالية"},
      {"جمهورية الصين الشعبية", "الصين"}, {"المملكة الأردنية الهاشمية", "الأردن"}};
  for (const auto& [official, usual] : same) {
    for (const EntityType read_as : {EntityType::LOC, EntityType::ORG}) {
      Mention m{};
      m.type = read_as;
      m.key = typed_text_key(official, read_as);
      apply_curated_names(m);
      EXPECT_EQ(m.type, EntityType::LOC) << official;
      EXPECT_EQ(m.key, text_key(usual)) << official;
    }
  }
  // Not merged: a continent, a capital (the event records link capitals where they act for the
  // state), and Oman, whose name عمان is also Amman's.
  for (const char* apart : {"أمريكا اللاتينية", "واشنطن", "سلطنة عمان"}) {
    Mention m{};
    m.type = EntityType::LOC;
    m.key = text_key(apart);
    apply_curated_names(m);
    EXPECT_EQ(m.key, text_key(apart)) << apart;
  }
}

// An organisation by its full name, its acronym or its other common name is one organisation.
TEST(Mentions, AnOrganisationByItsOtherNamesIsTheOrganisation) {
  const std::pair<const char*, const char*> same[] = {
      {"حلف شمال الأطلسي", "الناتو"}, {"حلف الأطلسي", "الناتو"}, {"حلف الناتو", "الناتو"}, {"ناتو", "الناتو"},
      {"تنظيم داعش", "داعش"}, {"الدولة الإسلامية", "داعش"}, {"تنظيم الدولة الإسلامية", "داعش"},
      {"الفيفا", "فيفا"}, {"الاتحاد الدولي لكرة القدم", "فيفا"}, {"منظمة الأمم المتحدة", "الأمم المتحدة"},
      {"مجلس الأمن الدولي", "مجلس الأمن"}, {"الجامعة العربية", "جامعة الدول العربية"}};
  for (const auto& [other, usual] : same) {
    for (const EntityType read_as : {EntityType::LOC, EntityType::ORG, EntityType::MISC}) {
      Mention m{};
      m.type = read_as;
      m.key = typed_text_key(other, read_as);
      apply_curated_names(m);
      EXPECT_EQ(m.type, EntityType::ORG) << other;
      EXPECT_EQ(m.key, typed_text_key(usual, EntityType::ORG)) << other;
    }
  }
}

// "أنا سعيد" (I am happy) in a quoted answer is a clause the tagger took for a name; "آنا" is Anna.
TEST(Mentions, APronounOpensAClauseNotAName) {
  EXPECT_TRUE(opens_with_a_pronoun({"أنا", "سعيد"}));
  EXPECT_TRUE(opens_with_a_pronoun({"نحن", "سعداء"}));
  EXPECT_TRUE(opens_with_a_pronoun({"وأنا", "سعيد"}));
  EXPECT_FALSE(opens_with_a_pronoun({"آنا", "كامبل"}));
  EXPECT_FALSE(opens_with_a_pronoun({"أنا"}));  // one word: nothing follows it
  EXPECT_FALSE(opens_with_a_pronoun({"سعيد", "أنا"}));
}

// Brands and clubs the tagger reads as persons (أندرويد in 118 articles, آيفون in 89, تشيلسي in 78
// of ant-multisource) take their type from the curated names.
TEST(Mentions, ABrandOrAClubIsNoPerson) {
  const std::pair<const char*, EntityType> names[] = {
      {"أندرويد", EntityType::MISC}, {"آيفون", EntityType::MISC}, {"تشيلسي", EntityType::ORG},
      {"سامسونغ", EntityType::ORG}, {"ميلان", EntityType::ORG}};
  for (const auto& [name, type] : names) {
    Mention m{};
    m.type = EntityType::PER;
    m.key = text_key(name);
    apply_curated_names(m);
    EXPECT_EQ(m.type, type) << name;
  }
}

// A hyphen with no space around it joins the parts of one name (كيم جونغ-أون, جان-إيف لودريان):
// the tagger saw it as a mark and ended the name there ("كيم جونغ" was an entity of 106 articles).
TEST(Mentions, AHyphenInsideANameJoinsItsParts) {
  const auto model = NerModel::builtin();
  if (!model) GTEST_SKIP() << model.error().message;
  const std::string text = "والتقى الزعيم الكوري الشمالي كيم جونغ-أون الرئيس الأمريكي في سنغافورة.";
  const auto keys = persons(mentions_in(text, model.value()));
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0], mention_key({"كيم", "جونغ", "أون"}));
  // Two names and a hyphen alone are two people.
  const std::string summit = "وعقد لقاء كيم-ترامب في سنغافورة.";
  EXPECT_EQ(persons(mentions_in(summit, model.value()), &Mention::surface), (std::vector<std::string>{"كيم", "ترامب"}));
}
