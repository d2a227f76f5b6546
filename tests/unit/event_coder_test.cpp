// One test per rule family of the sentence coder: triggers (verb, noun, pattern), mode
// (negation, modality), arguments (actors, coordination, place). Sentences written for the tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "events/lexicon.hpp"
#include "masar/events/coder.hpp"
#include "masar/text/normalize.hpp"

namespace masar::events {
namespace {

// These tests are of the rules: the learned check, which has the last word on ASSAULT and
// PROTEST in the shipped coder, is tested in event_check_test.cpp.
std::vector<CodedEvent> rules(std::string_view sentence) { return code_sentence(sentence, {}, nullptr); }

std::vector<EventType> types_of(std::string_view sentence) {
  std::vector<EventType> out;
  for (const auto& e : rules(sentence)) out.push_back(e.type);
  return out;
}

bool has(std::string_view sentence, EventType t, Mode mode = Mode::asserted) {
  for (const auto& e : rules(sentence)) {
    if (e.type == t && e.mode == mode) return true;
  }
  return false;
}

entities::Mention mention(std::string_view sentence, std::string_view words, entities::EntityType type) {
  entities::Mention m;
  m.type = type;
  m.surface = std::string(words);
  m.key = entities::text_key(words);
  m.begin = sentence.find(words);
  m.end = m.begin + words.size();
  return m;
}

TEST(EventTriggers, PastVerbWithConjunctionAndSuffix) {
  EXPECT_TRUE(has("واجتمعت الوفود في العاصمة صباح اليوم", EventType::CONSULT));
  EXPECT_TRUE(has("فاتفقوا على تمديد المهلة", EventType::AGREE));
  EXPECT_TRUE(has("اغتال مسلحون ضابطا في المدينة", EventType::ASSAULT));
}

TEST(EventTriggers, PresentVerbWithPrefix) {
  EXPECT_TRUE(has("يتظاهر مئات الطلاب أمام الجامعة", EventType::PROTEST));
  EXPECT_TRUE(has("وتتهم المعارضة الحكومة بالتقصير", EventType::ACCUSE));
}

TEST(EventTriggers, VerbalNounWithArticleAndPlural) {
  EXPECT_TRUE(has("خرجت المظاهرات في ثلاث مدن", EventType::PROTEST));
  EXPECT_TRUE(has("انتهت المباحثات بين الجانبين مساء", EventType::CONSULT));
  EXPECT_TRUE(has("أعلنت الوزارة فرض عقوبات جديدة على الشركة", EventType::SANCTION));
}

// The feminine ending is written ت before a suffix (dual, pronoun); a lone ي after the stem
// makes an adjective or a name, not the noun.
TEST(EventTriggers, FeminineEndingBeforeASuffix) {
  EXPECT_TRUE(has("شنت الطائرات غارتين على المعسكر", EventType::ASSAULT));
  EXPECT_TRUE(has("وقع البلدان اتفاقيتين للتعاون", EventType::AGREE));
  EXPECT_TRUE(has("اختتم الرئيس زيارته إلى العاصمة", EventType::CONSULT));
  EXPECT_FALSE(has("استبعد غاري سيك وصول الموفد", EventType::ASSAULT));
  EXPECT_FALSE(has("عزز الفريق قدراته الهجومية أمس", EventType::ASSAULT));
}

// A word written with ة at its end is a noun: "وزارة" is a ministry, not و + زار ("visited")
// + the pronoun ه, though both are "وزاره" in search form. Written with ه it is the verb.
TEST(EventTriggers, ATaMarbutaEndsNoVerb) {
  EXPECT_FALSE(has("وقالت وزارة الخارجية الفرنسية في بيان إن الوفد غادر", EventType::CONSULT));
  EXPECT_FALSE(has("وقالت وزارةُ الخارجية الفرنسية في بيان إن الوفد غادر", EventType::CONSULT));  // a mark after ة
  EXPECT_FALSE(has("وقالت وزارـة الخارجية الفرنسية في بيان إن الوفد غادر", EventType::CONSULT));  // tatweel before ة
  // Weak triggers (زار, زيارة) need a named actor: the rules are given the tagger's mentions.
  const auto consults = [](std::string_view s, std::string_view name) {
    const auto found = code_sentence(s, {mention(s, name, entities::EntityType::PER)}, nullptr);
    return std::any_of(found.begin(), found.end(), [](const CodedEvent& e) { return e.type == EventType::CONSULT; });
  };
  EXPECT_TRUE(consults("وصل الموفد إلى دمشق أمس وزاره لافروف في مقر إقامته", "لافروف"));
  EXPECT_TRUE(consults("بدأ لافروف زيارة إلى أنقرة أمس", "لافروف"));  // the noun stays
  EXPECT_FALSE(consults("قال لافروف إن وزارة الخارجية تتابع الملف", "لافروف"));
  // The verbal nouns of that shape stay triggers; other nouns in ة do not.
  EXPECT_TRUE(has("قدم الوزير استقالته أمس", EventType::CONCEDE));
  EXPECT_TRUE(has("أعلن الوزير أمس استقالة من الحكومة", EventType::CONCEDE));
  EXPECT_TRUE(has("وأعربت الحكومة عن إدانة شديدة للهجوم أمس", EventType::ACCUSE));
  EXPECT_TRUE(has("خرجت تظاهرة حاشدة في وسط المدينة أمس", EventType::PROTEST));
  EXPECT_FALSE(has("قالت طالبة في الجامعة إن الامتحان ألغي", EventType::REQUEST));
  EXPECT_FALSE(has("قال الوزير إن الفائدة ستبقى كما هي", EventType::SUPPORT));
  EXPECT_FALSE(has("وقال الوزير أمس إن فائدة الخطة كبيرة", EventType::SUPPORT));
}

TEST(EventTriggers, MultiWordPatterns) {
  EXPECT_TRUE(has("أطلق مجهولون النار على سيارة الموظف", EventType::ASSAULT));
  EXPECT_TRUE(has("قطع المحتجون الطريق الدولي بالإطارات", EventType::PROTEST));
  EXPECT_TRUE(has("انفجرت سيارة مفخخة قرب السوق", EventType::ASSAULT));
}

TEST(EventTriggers, LongerPatternWins) {
  // A truce is an agreement, not shooting.
  const auto found = types_of("أعلن الطرفان وقف إطلاق النار ابتداء من الليلة");
  EXPECT_NE(std::find(found.begin(), found.end(), EventType::AGREE), found.end());
  EXPECT_EQ(std::find(found.begin(), found.end(), EventType::ASSAULT), found.end());
}

TEST(EventTriggers, WeakWordAloneIsNotAnEvent) {
  // "مسيرة" is also a career; with nobody next to it, nothing is coded.
  EXPECT_FALSE(has("تحدث الكاتب عن مسيرته الطويلة في الصحافة", EventType::PROTEST));
}

TEST(EventTriggers, UnrelatedSentenceHasNone) {
  EXPECT_TRUE(types_of("ارتفعت أسعار النفط في الأسواق العالمية اليوم").empty());
}

TEST(EventMode, NegationRightBefore) {
  EXPECT_TRUE(has("لم يتفق الطرفان على موعد الجولة", EventType::AGREE, Mode::negated));
  EXPECT_TRUE(has("أكد البيان عدم التوصل إلى اتفاق", EventType::AGREE, Mode::negated));
  EXPECT_TRUE(has("لن تنسحب القوات من المنطقة", EventType::RETREAT, Mode::negated));
}

TEST(EventMode, DenialFurtherBack) {
  EXPECT_TRUE(has("نفى المتحدث أن تكون القوات قصفت القرية", EventType::ASSAULT, Mode::negated));
}

TEST(EventMode, FutureAndPlans) {
  EXPECT_TRUE(has("سيجتمع الوزراء الأسبوع المقبل", EventType::CONSULT, Mode::hypothetical));
  EXPECT_TRUE(has("من المقرر أن تعقد القمة في الربيع", EventType::CONSULT, Mode::hypothetical));
  EXPECT_TRUE(has("قد يفرض الاتحاد عقوبات إضافية", EventType::SANCTION, Mode::hypothetical));
  EXPECT_TRUE(has("دعت النقابة إلى الإضراب يوم الأحد", EventType::PROTEST, Mode::hypothetical));
  EXPECT_TRUE(has("وسيعقد الاجتماع الحادي والأربعون للوزراء يوم الاثنين", EventType::CONSULT, Mode::hypothetical));
  EXPECT_TRUE(has("وتوقع الوزير أن يمثل الاجتماع الثاني والعشرون دفعة للعلاقات", EventType::CONSULT, Mode::hypothetical));
}

TEST(EventMode, AnAttemptOrAPreparationIsNoReportOfTheAct) {
  // The word of attempt or aim may carry a glued ب or ل.
  EXPECT_TRUE(has("اتهمت الحكومة الخلية بمحاولة اغتيال المحافظ", EventType::ASSAULT, Mode::hypothetical));
  EXPECT_TRUE(has("ونجا من ثلاث محاولات اغتيال", EventType::ASSAULT, Mode::hypothetical));
  EXPECT_TRUE(has("وصلت تعزيزات إلى المدينة استعدادا لشن هجوم عليها", EventType::ASSAULT, Mode::hypothetical));
  EXPECT_TRUE(has("ندعو إلى اغتيال الكاتب", EventType::ASSAULT, Mode::hypothetical));
  EXPECT_TRUE(has("يمكنهم إطلاق النار على أي سيارة", EventType::ASSAULT, Mode::hypothetical));
  EXPECT_TRUE(has("اعتقل رجلان أرادوا خطف طائرة", EventType::ASSAULT, Mode::hypothetical));
  EXPECT_TRUE(has("شن الجيش هجوما على المدينة أمس", EventType::ASSAULT, Mode::asserted));
}

TEST(EventMode, PastWithQadIsAsserted) {
  EXPECT_TRUE(has("وكان الوفد قد التقى الوزير أمس", EventType::CONSULT, Mode::asserted));
}

// A past verb of the forms تفاعل / تفعّل looks like a present one after قد ("قد تظاهر"), as
// does the helper "تم": both are reports; after "كان … قد" any verb is the past perfect. "قد
// تتظاهر", "قد يتم", "قد تقتل" stay a may.
TEST(EventMode, QadBeforeAPastVerbInTIsAReport) {
  EXPECT_TRUE(has("وكان الطلاب قد تظاهروا أمام الوزارة أمس", EventType::PROTEST, Mode::asserted));
  EXPECT_TRUE(has("وكان الرئيس قد توعد المسلحين بالرد", EventType::THREATEN, Mode::asserted));
  EXPECT_TRUE(has("وكانت النقابات قد تظاهرت أمس", EventType::PROTEST, Mode::asserted));
  EXPECT_TRUE(has("قد تتظاهر النقابات غدا", EventType::PROTEST, Mode::hypothetical));
  EXPECT_TRUE(has("وقد تظاهر آلاف الطلاب أمس أمام الوزارة", EventType::PROTEST, Mode::asserted));
  EXPECT_TRUE(has("وقد تم اعتقال خمسة أشخاص في المدينة", EventType::COERCE, Mode::asserted));
  EXPECT_TRUE(has("وقد يتم اعتقال خمسة أشخاص في المدينة", EventType::COERCE, Mode::hypothetical));
  EXPECT_TRUE(has("قد تقتل القوات المدنيين", EventType::ASSAULT, Mode::hypothetical));
  EXPECT_TRUE(has("قال الوزير إن الطلاب قد يتظاهرون غدا", EventType::PROTEST, Mode::hypothetical));
}

// Whether a report tells of one particular happening (records keep only those).
bool specific(std::string_view sentence, EventType t, Mode mode = Mode::asserted) {
  for (const auto& e : rules(sentence)) {
    if (e.type == t && e.mode == mode) return e.specific;
  }
  ADD_FAILURE() << "no " << type_name(t) << " in: " << sentence;
  return false;
}

TEST(EventSpecific, PastVerbOrADayMakesAReport) {
  EXPECT_TRUE(specific("اجتمع الوزيران في العاصمة", EventType::CONSULT));
  EXPECT_TRUE(specific("تبدأ المحادثات الخميس في العاصمة", EventType::CONSULT));
}

TEST(EventSpecific, AYearOrLastMonthDatesBackgroundNotAReport) {
  EXPECT_FALSE(specific("تعود القضية إلى هجوم على مصرف في 1996", EventType::ASSAULT));
  EXPECT_FALSE(specific("كان ذلك أعنف هجوم على الحاجز خلال الأشهر الماضية", EventType::ASSAULT));
  EXPECT_FALSE(specific("تذكر المدينة التفجير الانتحاري في مارس الماضي", EventType::ASSAULT));
  EXPECT_TRUE(specific("أسفر الهجوم على الحاجز عن 12 قتيلا", EventType::ASSAULT));
  EXPECT_TRUE(specific("وقع الهجوم على الحاجز الخميس الماضي", EventType::ASSAULT));
  // A year named as a year dates even a verb in the past; a year inside a full date does not.
  EXPECT_FALSE(specific("وفي عام 2006 قتل آلاف المدنيين في المدينة", EventType::ASSAULT));
  EXPECT_TRUE(specific("قتل خمسة مدنيين في 12 ديسمبر 2017 في المدينة", EventType::ASSAULT));
  EXPECT_FALSE(specific("قتل مسلحون الشهر الماضي ثلاثة جنود", EventType::ASSAULT));
  EXPECT_TRUE(specific("قتل مسلحون جنديين قرب الحاجز في هجوم هو الأول من نوعه منذ العام 2003", EventType::ASSAULT));
}

TEST(EventSpecific, APatternOpenedByAPastVerbIsAReport) {
  // No day or count in the clause: the verb alone says it happened.
  EXPECT_TRUE(specific("وقال الضابط إن رجلا يقود شاحنة، فجر نفسه قرب موكب المحافظ", EventType::ASSAULT));
  EXPECT_TRUE(specific("فجر انتحاري سيارة مفخخة أمام مطعم في المدينة", EventType::ASSAULT));
  EXPECT_TRUE(specific("وفجر مهاجم نفسه عند مدخل المبنى", EventType::ASSAULT));
  // قام with ب before a verbal noun is the past verb written in two words.
  EXPECT_TRUE(specific("وقام مسلحون بخطف موظف البلدية", EventType::ASSAULT));
  EXPECT_FALSE(has("تبقى السيارة المفخخة أخطر سلاح في المدينة", EventType::ASSAULT));
}

// قتل، خطف، قصف are spelled as their verbal nouns. After a preposition, a noun of acts or
// another verbal noun joined by و they name a kind of act; at the head of a clause they report one.
TEST(EventSpecific, ABarePastFormAfterAPrepositionOrANounOfActsIsTheVerbalNoun) {
  EXPECT_FALSE(specific("تزايدت في المنطقة عمليات خطف الأجانب", EventType::ASSAULT));
  EXPECT_FALSE(specific("تبنت الجماعة مسؤوليتها عن خطف الشاحنات", EventType::ASSAULT));
  EXPECT_FALSE(specific("يحاكم المتهمون بارتكاب جرائم تعذيب وقتل", EventType::ASSAULT));
  EXPECT_FALSE(specific("تبحث الحكومة في قصف المدن", EventType::ASSAULT));
  // Form V and VI are spelled as their verbal nouns too ("تجمّع" gathered / a gathering).
  EXPECT_FALSE(specific("أعلنت نقابة المعلمين عن تجمع احتجاجي أمام السفارة", EventType::PROTEST));
  EXPECT_TRUE(specific("خطف مسلحون ثلاثة صحفيين في المدينة", EventType::ASSAULT));
  EXPECT_TRUE(specific("وفي المدينة قتل شرطي برصاص مسلحين", EventType::ASSAULT));
  EXPECT_TRUE(specific("انفجرت عبوة ناسفة وقتل جنديان", EventType::ASSAULT));
}

// A weak verb right after a noun of its type describes it; the noun says whether it happened.
TEST(EventSpecific, AVerbDescribingANounIsNoReportOfItsOwn) {
  EXPECT_FALSE(specific("تبنت الجماعة هجوما بسيارة مفخخة استهدف الحاجز", EventType::ASSAULT));
  EXPECT_TRUE(specific("تبنت الجماعة هجوما بسيارة مفخخة استهدف الحاجز أمس", EventType::ASSAULT));
  EXPECT_TRUE(specific("استهدف مسلحون الحاجز", EventType::ASSAULT));
}

TEST(EventSpecific, AttacksInThePluralAreASeries) {
  EXPECT_FALSE(specific("استنكر الوزير أمس تفجيرات المدينة", EventType::ASSAULT));
  EXPECT_TRUE(specific("استنكر الوزير أمس تفجير المدينة", EventType::ASSAULT));
  // Talks in the plural are one meeting.
  EXPECT_TRUE(specific("بدأت المحادثات أمس في العاصمة", EventType::CONSULT));
}

TEST(EventSpecific, WhatBrokeOutOrWasHeldIsReported) {
  EXPECT_TRUE(specific("اندلعت مظاهرات في عدة أحياء من العاصمة", EventType::PROTEST));
  EXPECT_TRUE(specific("نظم الطلاب اعتصاما أمام الوزارة", EventType::PROTEST));
  EXPECT_FALSE(specific("تبقى المظاهرات وسيلة الطلاب للتعبير", EventType::PROTEST));
}

TEST(EventSpecific, TalkOfAKindOfThingIsNot) {
  EXPECT_FALSE(specific("تبقى المحادثات السبيل الوحيد إلى الحل", EventType::CONSULT));
}

// A happening named inside a frame that only refers to it (after, since, because of, the
// case of, the investigation into, the crime of, a relative clause) is not reported by the
// sentence; the sentence reports what frames it.
TEST(EventSpecific, AHappeningReferredToIsNotReported) {
  EXPECT_FALSE(specific("تقدم التحقيق أمس في قضية خطف الصحفيين الثلاثة", EventType::ASSAULT));
  EXPECT_FALSE(specific("عادت الحياة إلى السوق بعد تفجير الخميس", EventType::ASSAULT));
  EXPECT_FALSE(specific("تنظر المحكمة اليوم في جريمة اغتيال النائب", EventType::ASSAULT));
  EXPECT_FALSE(specific("زار الوزير أمس الجنود الذين قتلوا الأسبوع الماضي", EventType::ASSAULT));
  EXPECT_FALSE(specific("اعتقلت الشرطة أمس ثلاثة رجال بتهمة التخطيط لهجوم على السفارة", EventType::ASSAULT));
  EXPECT_FALSE(specific("مثل أمس أمام القاضي عشرة متهمين بالشغب", EventType::PROTEST));
  EXPECT_FALSE(specific("تقف جماعة مسلحة وراء الهجوم أمس", EventType::ASSAULT));  // و of وراء is no conjunction
  EXPECT_FALSE(specific("اعتقلت الشرطة أمس رجلين للاشتباه في تورطهما في التفجير", EventType::ASSAULT));
  EXPECT_FALSE(specific("يستعد الجيش أمس لتوجيه هجوم إلى المواقع", EventType::ASSAULT));
  EXPECT_FALSE(specific("أحيا أنصاره أمس الذكرى الخامسة لاغتيال المحامي", EventType::ASSAULT));
  EXPECT_FALSE(specific("أعلنت الحكومة في اليوم التالي لمقتل الوزير الحداد", EventType::ASSAULT));
  EXPECT_FALSE(specific("فتح الادعاء أمس ملفا فيما يتصل بخطف التاجر", EventType::ASSAULT));
  EXPECT_FALSE(specific("تراجع أمس عدد الهجمات على الطرق", EventType::ASSAULT));
  EXPECT_FALSE(specific("أقر البرلمان أمس قانونا جديدا لمكافحة الشغب", EventType::PROTEST));
  // Anywhere in a relative clause, up to a complement that opens a new statement.
  EXPECT_FALSE(specific("زار الوزير المدينة التي شهدت الأسبوع الماضي مقتل 16 شخصا في السوق", EventType::ASSAULT));
  EXPECT_TRUE(specific("قال المسؤول الذي رفض ذكر اسمه إن مسلحين قتلوا خمسة أشخاص", EventType::ASSAULT));
  EXPECT_FALSE(specific("عاد الهدوء أمس إلى المدينة بعدما اغتال مسلحون رئيس البلدية", EventType::ASSAULT));
  // Any one of the kind, and a toll since a time, are no report of one happening.
  EXPECT_FALSE(specific("رفعت الدفاعات أمس جاهزيتها لصد أي هجوم على المدينة", EventType::ASSAULT));
  EXPECT_FALSE(specific("قتل 76 صحفيا منذ بداية الحرب", EventType::ASSAULT));
  // The same words reporting the happening itself; a meeting is the setting of what is said in it.
  EXPECT_TRUE(specific("قال الوزير أمس خلال لقائه نظيره الروسي إن الحل سياسي", EventType::CONSULT));
  EXPECT_TRUE(specific("قتل ستة جنود أمس في هجوم هو الأعنف على الحاجز منذ العام الماضي", EventType::ASSAULT));
  EXPECT_TRUE(specific("خطف مسلحون ثلاثة صحفيين أمس", EventType::ASSAULT));
  EXPECT_TRUE(specific("قتل خمسة أشخاص في تفجير استهدف السوق الخميس", EventType::ASSAULT));
  EXPECT_TRUE(specific("شارك الآلاف أمس في مظاهرة أمام البرلمان", EventType::PROTEST));
  // A later trigger of the same type that reports it wins over the reference.
  EXPECT_TRUE(specific("بعد الهجوم على الحاجز قتل مسلحون جنديين أمس", EventType::ASSAULT));
}

TEST(EventTriggers, ProtestersAloneAreNoProtest) {
  // The police act on them: the sentence reports what the police did.
  EXPECT_FALSE(has("أطلقت الشرطة أمس الغاز المسيل للدموع لتفريق المتظاهرين", EventType::PROTEST));
  EXPECT_FALSE(has("حكمت المحكمة أمس على ثلاثة متظاهرين بالسجن", EventType::PROTEST));
  // An actor next to the word does not make it one: the police act on them, the injured are
  // counted among them.
  EXPECT_FALSE(has("فرقت الشرطة التركية المتظاهرين أمس", EventType::PROTEST));
  EXPECT_FALSE(has("أصيب 12 شخصا أمس في مواجهات بين المتظاهرين والشرطة", EventType::PROTEST));
  // Nor does the word with another word of protest that is only referred to.
  EXPECT_FALSE(specific("اعتقلت الشرطة أمس عشرات المتظاهرين بعد المظاهرة", EventType::PROTEST));
  // As the subject of what protesters do in the street they report one; raising banners
  // describes one, as chanting does.
  EXPECT_TRUE(specific("وأغلق المتظاهرون الطريق الرئيسي في المدينة", EventType::PROTEST));
  EXPECT_TRUE(specific("ورشق المتظاهرون سيارات الشرطة بالحجارة", EventType::PROTEST));
  EXPECT_FALSE(has("ورفع المتظاهرون لافتات تطالب بالإصلاح", EventType::PROTEST));
  // Hundreds gathering in a place are a protest reported.
  EXPECT_TRUE(specific("تجمع مئات من العمال صباح أمس قرب المصنع", EventType::PROTEST));
  // Chanting describes a protest the article reports elsewhere; it reports none itself.
  EXPECT_FALSE(has("وهتف المتظاهرون «يسقط الفساد»", EventType::PROTEST));
  // With a word of protest or of gathering they are one.
  EXPECT_TRUE(has("تجمع مئات المتظاهرين أمس أمام البرلمان", EventType::PROTEST));
  EXPECT_TRUE(has("خرج آلاف المتظاهرين أمس في مسيرة وسط العاصمة", EventType::PROTEST));
  EXPECT_TRUE(has("تظاهر آلاف الطلاب أمس أمام الوزارة", EventType::PROTEST));
}

// A weak word needs another word of its type, not another reading of itself: "دعما" read as
// a verb and as a noun is still one word.
TEST(EventTriggers, TwoReadingsOfOneWeakWordAreOneWord) {
  EXPECT_FALSE(has("تلقى القطاع دعما كبيرا من الخارج", EventType::SUPPORT));
  EXPECT_FALSE(has("انفجرت فضيحة مالية في البلدية", EventType::ASSAULT));
  EXPECT_TRUE(has("انفجرت عبوة قرب الحاجز وأصيب ثلاثة", EventType::ASSAULT));
}

// The weapon or the bomber alone is no attack: a car bomb is found or dismantled, bombers are
// counted; with another word of attack they report one.
TEST(EventTriggers, AWeaponOrABomberAloneIsNoAttack) {
  EXPECT_FALSE(has("عثرت الشرطة على سيارة مفخخة في موقف المستشفى", EventType::ASSAULT));
  EXPECT_FALSE(has("دخل عشرات الانتحاريين إلى البلاد", EventType::ASSAULT));
  EXPECT_TRUE(has("انفجرت سيارة مفخخة أمس قرب السفارة", EventType::ASSAULT));
  EXPECT_TRUE(has("قتل ثلاثة جنود أمس بعبوة ناسفة", EventType::ASSAULT));
}

TEST(EventTriggers, FiringRocketsOrShellsIsAnAttack) {
  EXPECT_TRUE(specific("أطلقت المروحيات فجر الأحد ثلاثة صواريخ على مخزن", EventType::ASSAULT));
  EXPECT_TRUE(specific("أطلقت دبابة قذيفة على منزل في القرية", EventType::ASSAULT));
  EXPECT_TRUE(specific("فتحت الدورية النار على سيارة عند الحاجز", EventType::ASSAULT));
  EXPECT_FALSE(has("أطلقت الوزارة حملة جديدة للتوعية", EventType::ASSAULT));
  // An air strike is an attack whoever names it; "اغتيل" is the passive of اغتال.
  EXPECT_TRUE(has("نفذت الطائرات ضربة جوية أمس", EventType::ASSAULT));
  EXPECT_TRUE(specific("اغتيل النائب في انفجار هز العاصمة", EventType::ASSAULT));
}

TEST(EventTriggers, IdiomsAreNoTriggers) {
  EXPECT_FALSE(has("وضرب الوزير مثلا على ذلك", EventType::ASSAULT));
  EXPECT_FALSE(has("خطف الفيلم الأضواء في المهرجان أمس", EventType::ASSAULT));
  EXPECT_FALSE(has("فانفجرت الوزيرتان بالضحك أمس", EventType::ASSAULT));
  EXPECT_TRUE(has("قصف الجيش مواقع المسلحين أمس", EventType::ASSAULT));
}

// "ضرب" beats, strikes a deal, a blow to a career, a record, a strike from work: it reports no
// attack itself (0 yes / 15 no on gsr) but makes a weak word of attack count. An air strike
// (ضربة جوية) is one.
TEST(EventTriggers, DarabaIsNoAttackWordAlone) {
  EXPECT_FALSE(has("تلقى الفريق ضربة موجعة قبل المباراة", EventType::ASSAULT));
  EXPECT_FALSE(has("ضرب الإرهاب من جديد في قلب العاصمة", EventType::ASSAULT));
  EXPECT_FALSE(has("ضرب العمال عن العمل أمس", EventType::ASSAULT));
  // It still makes a weak word of attack count.
  EXPECT_TRUE(has("ضرب الرجل الحارس وأصابه", EventType::ASSAULT));
  EXPECT_TRUE(has("نفذت الطائرات ضربة جوية على المعسكر", EventType::ASSAULT));
}

TEST(EventTriggers, SocialIsNoMeeting) {
  // "اجتماعية" is "social": the adjective of اجتماع names no meeting.
  EXPECT_FALSE(has("أعلنت وزارة الشؤون الاجتماعية أمس برنامجا جديدا", EventType::CONSULT));
  EXPECT_FALSE(has("تتفاقم المشكلات الاجتماعية في المدن", EventType::CONSULT));
  EXPECT_TRUE(has("عقد الوزراء اجتماعا أمس", EventType::CONSULT));
  EXPECT_TRUE(has("انتهت الاجتماعات أمس", EventType::CONSULT));
}

TEST(EventSpecific, ANumberedRoundIsOneMeeting) {
  // A round with its number is one meeting, whichever clause dates it.
  EXPECT_TRUE(specific("بدأت في المنتجع، الاثنين، الجولة العاشرة من محادثات السلام", EventType::CONSULT));
  EXPECT_TRUE(specific("انتهت في العاصمة، الجمعة، الجولة الثانية عشرة من محادثات أستانا حول سوريا", EventType::CONSULT));
  EXPECT_TRUE(specific("أنهت الوفود اجتماعات الجولة السابعة عشرة في العاصمة", EventType::CONSULT));
  EXPECT_TRUE(specific("لم يتحقق تقدم في الاجتماع العشرين للجنة", EventType::CONSULT));
  EXPECT_TRUE(specific("اختتمت جولة «أستانا 9» من المحادثات حول سوريا", EventType::CONSULT));
  // An unnumbered or far-off round is not enough.
  EXPECT_FALSE(specific("تأمل الأطراف أن تنجح الجولة المقبلة من المحادثات", EventType::CONSULT));
}

TEST(EventMode, AnAimToHoldIsAPlan) {
  EXPECT_TRUE(has("اتفق المشاركون على عقد الجولة السابعة عشرة قبل نهاية العام", EventType::CONSULT, Mode::hypothetical));
  EXPECT_TRUE(has("عاد الممثلون إلى العاصمة لعقد جولة جديدة من المحادثات", EventType::CONSULT, Mode::hypothetical));
  EXPECT_TRUE(has("أكدت الدول عزمها على العمل لعقد اجتماع أول للجنة", EventType::CONSULT, Mode::hypothetical));
  EXPECT_TRUE(has("عقد الوزراء اجتماعا طارئا أمس", EventType::CONSULT, Mode::asserted));
}

TEST(EventSpecific, ACallToHoldARoundIsAPlan) {
  EXPECT_TRUE(specific("دعت الدول إلى عقد الجولة السابعة من اجتماعات اللجنة", EventType::CONSULT, Mode::hypothetical));
  EXPECT_TRUE(specific("وانتهت بالدعوة إلى عقد الجولة السابعة من اجتماعات اللجنة", EventType::CONSULT, Mode::hypothetical));
}

TEST(EventArguments, VerbFirstSubjectThenObject) {
  const std::string s = "استقبل بوتين أردوغان في موسكو";
  const auto found = code_sentence(s, {mention(s, "بوتين", entities::EntityType::PER),
                                       mention(s, "أردوغان", entities::EntityType::PER),
                                       mention(s, "موسكو", entities::EntityType::LOC)});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].sources.size(), 1u);
  EXPECT_EQ(found[0].sources[0].text, "بوتين");
  ASSERT_EQ(found[0].targets.size(), 1u);
  EXPECT_EQ(found[0].targets[0].text, "أردوغان");
  ASSERT_TRUE(found[0].location.has_value());
  EXPECT_EQ(found[0].location->text, "موسكو");
}

TEST(EventArguments, SubjectBeforeVerb) {
  const std::string s = "الشرطة اعتقلت ثلاثة ناشطين";
  const auto found = rules(s);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].type, EventType::COERCE);
  ASSERT_EQ(found[0].sources.size(), 1u);
  EXPECT_EQ(found[0].sources[0].text, "الشرطة");
}

TEST(EventArguments, CoordinatedParticipantsOfAMeeting) {
  const std::string s = "اختتمت المحادثات بمشاركة روسيا وتركيا وإيران";
  const auto found = code_sentence(s, {mention(s, "روسيا", entities::EntityType::LOC),
                                       mention(s, "وتركيا", entities::EntityType::LOC),
                                       mention(s, "وإيران", entities::EntityType::LOC)});
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].type, EventType::CONSULT);
  ASSERT_EQ(found[0].sources.size(), 3u);
  EXPECT_EQ(found[0].sources[2].text, "إيران");  // the و that joins the list is not the actor's
  EXPECT_EQ(found[0].sources[0].mention, std::optional<std::size_t>(0));
}

// "مايك بومبيو وزير الخارجية الأمريكي": the organ after a person's title is the title's, not an
// actor of its own — the accused is Iran, not the United States.
TEST(EventArguments, AnOrganInThePersonsTitleIsNoActor) {
  const std::string s = "اتهم مايك بومبيو وزير الخارجية الأمريكي إيران أمس بدعم الإرهاب";
  const auto found = code_sentence(s, {mention(s, "مايك بومبيو", entities::EntityType::PER),
                                       mention(s, "إيران", entities::EntityType::LOC)});
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].type, EventType::ACCUSE);
  ASSERT_EQ(found[0].sources.size(), 1u);
  EXPECT_EQ(found[0].sources[0].text, "مايك بومبيو");
  ASSERT_EQ(found[0].targets.size(), 1u);
  EXPECT_EQ(found[0].targets[0].text, "إيران");
  // With no name, the minister's organ stands for the state.
  const std::string unnamed = "اتهم وزير الخارجية الأمريكي إيران أمس بدعم الإرهاب";
  const auto alone = code_sentence(unnamed, {mention(unnamed, "إيران", entities::EntityType::LOC)});
  ASSERT_FALSE(alone.empty());
  ASSERT_EQ(alone[0].sources.size(), 1u);
  EXPECT_EQ(alone[0].sources[0].state, std::optional<std::string>("الولايات المتحدة"));
}

// "مع نظيره التركي مولود جاويش أوغلو": who a meeting is held with is its other party, however
// far the sentence carries it from the subject; a counterpart named by demonym alone is his state.
TEST(EventArguments, TheCounterpartAfterMaIsTheOtherParty) {
  const std::string s = "اجتمع وزير الخارجية الروسي سيرغي لافروف أمس في موسكو مع نظيره التركي مولود جاويش أوغلو";
  const auto found = code_sentence(s, {mention(s, "سيرغي لافروف", entities::EntityType::PER),
                                       mention(s, "موسكو", entities::EntityType::LOC),
                                       mention(s, "مولود جاويش أوغلو", entities::EntityType::PER)});
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].type, EventType::CONSULT);
  ASSERT_EQ(found[0].sources.size(), 1u);
  EXPECT_EQ(found[0].sources[0].text, "سيرغي لافروف");
  ASSERT_EQ(found[0].targets.size(), 1u);
  EXPECT_EQ(found[0].targets[0].text, "مولود جاويش أوغلو");
  const std::string call = "بحث وزير الخارجية السعودي في اتصال هاتفي أمس مع نظيره الأمريكي الأوضاع في المنطقة";
  const auto by_phone = rules(call);
  ASSERT_FALSE(by_phone.empty());
  EXPECT_EQ(by_phone[0].type, EventType::CONSULT);
  ASSERT_EQ(by_phone[0].targets.size(), 1u);
  EXPECT_EQ(by_phone[0].targets[0].state, std::optional<std::string>("الولايات المتحدة"));
}

// "مسلحون مجهولون", "قوات الأمن العراقية", "رجال الشرطة": an actor named by a common noun is the
// whole phrase, not its first word (nor its second taken for the other party).
TEST(EventArguments, ACommonNounActorIsItsWholePhrase) {
  const auto gunmen = rules("قتل مسلحون مجهولون ضابطا أمس في بغداد");
  ASSERT_FALSE(gunmen.empty());
  ASSERT_EQ(gunmen[0].sources.size(), 1u);
  EXPECT_EQ(gunmen[0].sources[0].text, "مسلحون مجهولون");
  EXPECT_TRUE(gunmen[0].targets.empty());
  const auto forces = rules("اعتقلت قوات الأمن العراقية أمس خمسة مشتبه بهم");
  ASSERT_FALSE(forces.empty());
  ASSERT_EQ(forces[0].sources.size(), 1u);
  EXPECT_EQ(forces[0].sources[0].text, "قوات الأمن العراقية");
  EXPECT_EQ(forces[0].sources[0].state, std::optional<std::string>("العراق"));
  const auto police = rules("اعتقل رجال الشرطة أمس ثلاثة ناشطين");
  ASSERT_FALSE(police.empty());
  ASSERT_EQ(police[0].sources.size(), 1u);
  EXPECT_EQ(police[0].sources[0].text, "رجال الشرطة");
}

TEST(EventArguments, OffsetsPointIntoTheSentence) {
  const std::string s = "وتظاهر آلاف العمال في الساحة";
  for (const auto& e : rules(s)) {
    ASSERT_LE(e.trigger.end, s.size());
    EXPECT_EQ(s.substr(e.trigger.begin, e.trigger.end - e.trigger.begin), "وتظاهر");
    for (const auto& a : e.sources) EXPECT_EQ(s.substr(a.span.begin, a.span.end - a.span.begin), a.text);
  }
}

TEST(EventSentences, SplitsAtMarksAndLines) {
  const std::string text = "اجتمع الوزراء. ثم غادروا!\nسطر ثالث؟ نعم";
  const auto spans = split_sentences(text);
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin), "اجتمع الوزراء.");
  EXPECT_EQ(text.substr(spans[2].begin, spans[2].end - spans[2].begin), "سطر ثالث؟");
}

TEST(EventTypes, NamesRoundTrip) {
  for (int i = 0; i < kEventTypeCount; ++i) {
    EventType t;
    ASSERT_TRUE(parse_type(type_name(static_cast<EventType>(i)), t));
    EXPECT_EQ(static_cast<int>(t), i);
  }
  EventType t;
  EXPECT_FALSE(parse_type("MEET", t));
}

}  // namespace
}  // namespace masar::events

namespace masar::events {

// The words of a sentence are read in search form (ئ → ي, ة → ه, أ → ا …): a lexicon word
// written otherwise ("مئات", "قذائف") never matches anything.
TEST(EventLexicon, IsWrittenInSearchForm) {
  for (std::string_view stem : masar::events::detail::lexicon_stems()) {
    EXPECT_EQ(masar::text::normalize_for_search(stem), stem);
  }
  for (const auto& p : masar::events::detail::phrase_triggers()) {
    for (const auto& w : p.words) EXPECT_EQ(masar::text::normalize_for_search(w), w);
  }
}

// Contract: the stem filter only skips work. Words built from every prefix, every lexicon stem
// and pattern word, every suffix (and random letters) read the same with and without it.
TEST(EventLexicon, StemFilterChangesNoReading) {
  const std::vector<std::string> fronts = {"", "و", "ف", "ال", "وال", "بال", "لل", "ي", "ت", "سي", "وسي", "فت", "ب", "ك"};
  const std::vector<std::string> backs = {"", "ت", "وا", "ا", "ن", "نا", "تم", "ون", "ان", "ين", "ه", "ها", "هم", "ات", "يه", "يات", "اته"};
  std::vector<std::string> middles = {"اجتمع", "جتمع", "مظاهر", "مظاهره", "اتفاقي", "قتل", "حث", "نار", "اطلاق", "عبو", "ناسف",
                                      "سجن", "كتب", "مدرس", "طريق", "شعارات", "قوات", "تعزيزات", "هاتفي", "ضرب", "دعو"};
  std::mt19937 rng(7);
  const std::string letters[] = {"ا", "ب", "ت", "ج", "ح", "د", "ر", "س", "ع", "ق", "ل", "م", "ن", "ه", "و", "ي"};
  for (int k = 0; k < 200; ++k) {
    std::string w;
    for (int n = 2 + static_cast<int>(rng() % 5); n > 0; --n) w += letters[rng() % std::size(letters)];
    middles.push_back(w);
  }
  std::vector<detail::WordTrigger> filtered, full;
  std::vector<std::string_view> stems, all_stems;
  std::size_t readings = 0;
  for (const auto& f : fronts) {
    for (const auto& m : middles) {
      for (const auto& b : backs) {
        const std::string word = f + m + b;
        detail::match_word(word, filtered);
        detail::match_word_unfiltered(word, full);
        ASSERT_EQ(filtered.size(), full.size()) << word;
        for (std::size_t i = 0; i < full.size(); ++i) {
          EXPECT_TRUE(filtered[i].type == full[i].type && filtered[i].form == full[i].form &&
                      filtered[i].strength == full[i].strength && filtered[i].future == full[i].future)
              << word;
        }
        readings += full.size();
        // Pattern matching needs only the stems that some pattern uses.
        detail::word_stems(word, stems);
        detail::word_stems_unfiltered(word, all_stems);
        for (const auto& p : detail::phrase_triggers()) {
          for (const auto& pw : p.words) {
            const bool in_filtered = std::find(stems.begin(), stems.end(), pw) != stems.end();
            const bool in_full = std::find(all_stems.begin(), all_stems.end(), pw) != all_stems.end();
            EXPECT_EQ(in_filtered, in_full) << word << " / " << pw;
          }
        }
      }
    }
  }
  EXPECT_GT(readings, 500u);  // the words above do hold triggers
}

// The piece filter that spares the lookups never turns away a stem of the table (or one in ه
// without its ه, looked up as a noun before a suffix) or a word of a pattern.
TEST(EventLexicon, ThePieceFilterPassesEveryStemAndPatternWord) {
  for (std::string_view stem : detail::lexicon_stems()) {
    EXPECT_TRUE(detail::piece_may_be_a_stem(stem)) << stem;
    if (stem.ends_with("ه") && stem.size() >= 6) {
      EXPECT_TRUE(detail::piece_may_be_a_stem(stem.substr(0, stem.size() - 2))) << stem;
    }
  }
  for (const auto& p : detail::phrase_triggers()) {
    for (const auto& w : p.words) EXPECT_TRUE(w.size() < 4 || detail::piece_may_be_a_stem(w)) << w;
  }
  EXPECT_FALSE(detail::piece_may_be_a_stem("ا"));  // shorter than a stem
}

}  // namespace masar::events
