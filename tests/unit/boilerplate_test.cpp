// In-document boilerplate rules: one test per rule with lines that must be dropped and lines of
// news text that look alike and must stay. All lines are written for these tests.
#include "masar/extract/boilerplate.hpp"

#include <gtest/gtest.h>

using namespace masar::extract;
using B = Boilerplate;

namespace {
std::vector<B> classify(const std::vector<std::string>& lines, std::string_view title = "") {
  return classify_lines(DocumentLines{lines, title});
}
// Two paragraphs of article text, to give document rules a body.
const std::string kPara1 =
    "اختتمت الجولة العشرون من محادثات أستانا بمشاركة الدول الضامنة الثلاث وسط غياب أي اختراق في الملفات العالقة بين الأطراف.";
const std::string kPara2 =
    "وأكد البيان الختامي التزام الدول الضامنة بوحدة سوريا وسلامة أراضيها واستقلالها، ودعا إلى تسهيل وصول المساعدات الإنسانية.";
}  // namespace

TEST(Boilerplate, ReasonNames) {
  EXPECT_STREQ(reason_name(B::read_also), "read-also");
  EXPECT_STREQ(reason_name(B::follow_share), "follow-share");
  EXPECT_STREQ(reason_name(B::source_recurrent), "source-recurrent");
  EXPECT_STREQ(reason_name(B::trailing_teaser), "trailing-teaser");
}

TEST(Boilerplate, ReadAlso) {
  EXPECT_EQ(classify_line("اقرأ أيضاً: أسعار النفط تتراجع"), B::read_also);
  EXPECT_EQ(classify_line("اقرا ايضا: أسعار النفط تتراجع"), B::read_also);  // folded spelling
  EXPECT_EQ(classify_line("إقرأ المزيد"), B::read_also);
  EXPECT_EQ(classify_line("طالع أيضا: وفد المعارضة يصل إلى جنيف"), B::read_also);
  EXPECT_EQ(classify_line("شاهد أيضاً"), B::read_also);
  EXPECT_EQ(classify_line("للمزيد من الأخبار تابعوا صفحتنا"), B::read_also);
  EXPECT_EQ(classify_line("المزيد من أخبار سوريا"), B::read_also);
  EXPECT_EQ(classify_line("قد يعجبك أيضا"), B::read_also);
}
TEST(Boilerplate, ReadAlsoLookalikesInProseStay) {
  EXPECT_EQ(classify_line("المزيد من القتلى سقطوا في القصف الذي استهدف السوق الشعبي صباح اليوم."), B::none);
  EXPECT_EQ(classify_line("للمزيد من الوضوح، قال الوزير إن الحكومة ستنشر تفاصيل الخطة كاملة الأسبوع المقبل في مؤتمر صحفي."),
            B::none);
  EXPECT_EQ(classify_line("وأشار التقرير إلى المراجع نفسها، انظر أيضا الملحق الثاني من الدراسة."), B::none);
}

TEST(Boilerplate, Related) {
  EXPECT_EQ(classify_line("مواضيع ذات صلة"), B::related);
  EXPECT_EQ(classify_line("أخبار ذات صلة"), B::related);
  EXPECT_EQ(classify_line("مقالات أخرى للكاتب"), B::related);
  EXPECT_EQ(classify_line("الأكثر قراءة"), B::related);
  EXPECT_EQ(classify_line("الخبر السابق الخبر التالي"), B::related);
}
// Regression (syria-web audit): a page's "related" label glued in front of the lead
// paragraph dropped the lead. A list of teasers after the label still goes.
TEST(Boilerplate, RelatedLabelGluedOntoALeadParagraphIsContent) {
  EXPECT_EQ(classify_line("/ مواضيع ذات صلة أعلنت وزارة الخارجية الكازاخية الاثنين أن الجولة المقبلة من محادثات أستانا "
                          "ستعقد منتصف الشهر المقبل، بحضور وفود الدول الضامنة الثلاث والأمم المتحدة."),
            B::none);
  EXPECT_EQ(classify_line("مواضيع ذات صلة الدول الضامنة تتفق على موعد الجولة المقبلة وفد المعارضة يصل إلى العاصمة "
                          "الكازاخية روسيا تدعو إلى تمديد مناطق خفض التصعيد"),
            B::related);
}
TEST(Boilerplate, RelatedLookalikesInProseStay) {
  EXPECT_EQ(classify_line("وكان يشرف على مواضيع متعلقة بالاستثمار في الوزارة منذ عام 2015."), B::none);
  EXPECT_EQ(classify_line("وقالت الشرطة إنها تحقق في ثلاث قضايا ذات صلة بالتهريب عبر الحدود."), B::none);
}

TEST(Boilerplate, FollowUs) {
  EXPECT_EQ(classify_line("تابعونا على تيلجرام"), B::follow_share);
  EXPECT_EQ(classify_line("تابعوا آخر الأخبار عبر قناتنا"), B::follow_share);
  EXPECT_EQ(classify_line("تابعنا على فيسبوك"), B::follow_share);
  EXPECT_EQ(classify_line("لا تنسوا عمل لايك للصفحة ومتابعة آخر الأخبار"), B::follow_share);
}
TEST(Boilerplate, TabiAsAVerbIsContent) {
  EXPECT_EQ(classify_line("تابع الوزير حديثه قائلاً إن المحادثات ستستمر"), B::none);
  EXPECT_EQ(classify_line("وتابعت الوكالة أن الوفد غادر القاعة"), B::none);
  EXPECT_EQ(classify_line("تابعوا المفاوضات حتى ساعة متأخرة من الليل"), B::none);
  EXPECT_EQ(classify_line("تابعنا على مدى أيام تطورات المعركة في الريف الشرقي"), B::none);
  EXPECT_EQ(classify_line("وقال إن السكان تابعوا آخر الأخبار عبر الإذاعة المحلية"), B::none);
}

TEST(Boilerplate, Share) {
  EXPECT_EQ(classify_line("شارك هذا الخبر"), B::follow_share);
  EXPECT_EQ(classify_line("شارك على فيسبوك"), B::follow_share);
  EXPECT_EQ(classify_line("فيسبوك تويتر واتساب"), B::follow_share);
  EXPECT_EQ(classify_line("Facebook Twitter WhatsApp Telegram"), B::follow_share);
  EXPECT_EQ(classify_line("شارك: فيس بوك تويتر"), B::follow_share);
}
TEST(Boilerplate, ShareLookalikesStay) {
  EXPECT_EQ(classify_line("شارك على مدى يومين ممثلو عشرين دولة في الاجتماع."), B::none);
  EXPECT_EQ(classify_line("شارك هذا العام أكثر من ألف متطوع في حملة التشجير"), B::none);
  EXPECT_EQ(classify_line("3. تطبيق فيسبوك Facebook"), B::none);  // an item of a list of apps
}

TEST(Boilerplate, Subscribe) {
  EXPECT_EQ(classify_line("اشترك في نشرتنا البريدية"), B::follow_share);
  EXPECT_EQ(classify_line("اشترك معنا في النشرة الإخبارية لتبقى على اطلاع"), B::follow_share);
  EXPECT_EQ(classify_line("حمّل تطبيق الوادي على هاتفك"), B::follow_share);
  EXPECT_EQ(classify_line("اشتركت قوات من الجيش في العملية"), B::none);
  EXPECT_EQ(classify_line("اشترك في الهجوم نحو ألف مقاتل من الفصائل"), B::none);
}

TEST(Boilerplate, Breadcrumb) {
  EXPECT_EQ(classify_line("الرئيسية / أخبار / سوريا"), B::breadcrumb);
  EXPECT_EQ(classify_line("الرئيسية > سياسة"), B::breadcrumb);
  EXPECT_EQ(classify_line("Home / News"), B::breadcrumb);
  EXPECT_EQ(classify_line("أخبار » عربي » سوريا"), B::breadcrumb);
}
TEST(Boilerplate, BreadcrumbLookalikesStay) {
  EXPECT_EQ(classify_line("قال إن النسبة 50 / 50 غير مقبولة في المفاوضات الجارية بين الطرفين في جنيف"), B::none);
  EXPECT_EQ(classify_line("07 / 09 / 2016"), B::none);
  EXPECT_EQ(classify_line("12 - سامر حداد / ريف حماة - كفرزيتا / قضى جراء القصف."), B::none);
  EXPECT_EQ(classify_line("1. فيلم الرسالة | مصطفى العقاد (ليبيا / المغرب)"), B::none);
  EXPECT_EQ(classify_line("دمشق / 3 آذار / سانا - وصل وفد وزاري إلى العاصمة في زيارة تستمر يومين"), B::none);
}

TEST(Boilerplate, ShortLink) {
  EXPECT_EQ(classify_line("رابط مختصر: https://example.org/s/1"), B::short_link);
  EXPECT_EQ(classify_line("الرابط المختصر"), B::short_link);
  EXPECT_EQ(classify_line("https://example.org/a/b"), B::short_link);
  EXPECT_EQ(classify_line("ونشرت الوزارة البيان على موقعها https://example.org/b مساء الأحد"), B::none);
}

TEST(Boilerplate, Copyright) {
  EXPECT_EQ(classify_line("جميع الحقوق محفوظة © 2023 مدار اليوم"), B::copyright);
  EXPECT_EQ(classify_line("© 2017 جريدة الساحل"), B::copyright);
  EXPECT_EQ(classify_line("All rights reserved 2020"), B::copyright);
  EXPECT_EQ(classify_line("حقوق النشر محفوظة لموقع المنارة"), B::copyright);
  EXPECT_EQ(classify_line("ناقش المؤتمر حماية حقوق النشر للمؤلفين العرب في العصر الرقمي وسبل مكافحة القرصنة الإلكترونية المنتشرة."),
            B::none);
}

TEST(Boilerplate, PhotoCredit) {
  EXPECT_EQ(classify_line("الصورة: وفود الدول الضامنة في الجلسة الختامية"), B::caption);
  EXPECT_EQ(classify_line("تصوير: سامر الأحمد"), B::caption);
  EXPECT_EQ(classify_line("(صورة أرشيفية)"), B::caption);
  EXPECT_EQ(classify_line("صورة الرئيس في الإعلام تغيرت كثيرا خلال السنوات الأخيرة بحسب استطلاع جديد."), B::none);
}

TEST(Boilerplate, NavigationAndWidgets) {
  EXPECT_EQ(classify_line("الرئيسية أخبار سياسة اقتصاد رياضة منوعات"), B::navigation);
  EXPECT_EQ(classify_line("تخطي شريط التصفح"), B::navigation);
  EXPECT_EQ(classify_line("القائمة"), B::navigation);
  EXPECT_EQ(classify_line("بحث"), B::navigation);
  EXPECT_EQ(classify_line("عاجل: ارتفاع حصيلة الضحايا"), B::navigation);
  EXPECT_EQ(classify_line("1432 مشاهدة"), B::navigation);
  EXPECT_EQ(classify_line("لن يتم نشر عنوان بريدك الإلكتروني."), B::navigation);
  EXPECT_EQ(classify_line("الكلمات الدلالية: سوريا، أستانا، جنيف"), B::navigation);
}
TEST(Boilerplate, NavigationLookalikesStay) {
  EXPECT_EQ(classify_line("أخبار سارة للاقتصاد السوري هذا العام بحسب الخبراء."), B::none);
  EXPECT_EQ(classify_line("وفي نهاية الأمر أعطاهم كلمة المرور."), B::none);
  EXPECT_EQ(classify_line("لن يتم نشر قوات إضافية في المنطقة قبل نهاية العام."), B::none);
  EXPECT_EQ(classify_line("اتصل بنا أحد السكان وقال إن القصف استمر طوال الليل على الأحياء الشرقية من المدينة."), B::none);
}

TEST(Boilerplate, Byline) {
  EXPECT_EQ(classify_line("نور سلطان – خاص"), B::byline);
  EXPECT_EQ(classify_line("قال المسؤول – وهو عضو في الوفد – إن الجولة انتهت دون اتفاق على البيان"), B::none);
}

// Pages flattened to text glue a whole footer into one line: a chain of furniture phrases is
// furniture at any length; one phrase in the middle of prose is not.
TEST(Boilerplate, ChainOfFurniture) {
  EXPECT_EQ(classify_line("مقالات أخرى للكاتب جميع الحقوق محفوظة لموقع المدينة 2020 ويمنع النقل دون إذن اشترك معنا في "
                          "النشرة البريدية لتبقى على اطلاع دائم بكل جديد الموقع وأخباره"),
            B::related);
  EXPECT_EQ(classify_line("الكلمات الدلالية: حلب، إدلب، حماة، اللاذقية، طرطوس، دمشق، درعا، السويداء، القنيطرة، الحسكة "
                          "شارك تعليقك على الموضوع طباعة الرابط مواضيع ذات صلة"),
            B::navigation);
  EXPECT_EQ(classify_line("ودعا الوزير إلى بذل المزيد من الجهود لدعم القطاع الزراعي في المحافظات الشمالية. رابط الخبر: "
                          "https://example.org/x"),
            B::none);
}

TEST(BoilerplateDocument, RepeatedCaptionIsDropped) {
  auto v = classify({"صورة جماعية للوفود", kPara1, "صورة جماعية للوفود", kPara2});
  EXPECT_EQ(v[0], B::caption);
  EXPECT_EQ(v[1], B::none);
  EXPECT_EQ(v[2], B::caption);
  EXPECT_EQ(v[3], B::none);
}
TEST(BoilerplateDocument, RepeatedCaptionKeepsItsFirstCopyInsideTheBody) {
  auto v = classify({kPara1, "مناطق خفض التصعيد", kPara2, "مناطق خفض التصعيد"});
  EXPECT_EQ(v[1], B::none);
  EXPECT_EQ(v[3], B::caption);
}
TEST(BoilerplateDocument, ArticlePastedTwiceKeepsOneCopy) {
  const std::string s1 = "وقال المتحدث إن الوفد سيعود إلى العاصمة مساء اليوم.";
  const std::string s2 = "وأضاف أن الجولة المقبلة ستعقد الشهر القادم.";
  auto v = classify({s1, s2, s1, s2, s1, s2});
  EXPECT_EQ(v[0], B::none);
  EXPECT_EQ(v[1], B::none);
  for (int i = 2; i < 6; ++i) EXPECT_EQ(v[i], B::caption);
}
TEST(BoilerplateDocument, RepeatedSectionHeadingsStay) {
  auto v = classify({kPara1, "المكونات:", "طحين وماء وملح.", kPara2, "المكونات:", "سكر وحليب.", kPara1 + " ثانية"});
  EXPECT_EQ(v[1], B::none);
  EXPECT_EQ(v[4], B::none);
  v = classify({kPara1, "1. تطبيق الخرائط", kPara2, "1. تطبيق الخرائط", "* النسخة المجانية", kPara1 + " أيضا",
                "* النسخة المجانية"});
  EXPECT_EQ(v[3], B::none);  // items of two lists that share entries
  EXPECT_EQ(v[6], B::none);
}

TEST(BoilerplateDocument, RepeatedTitle) {
  auto v = classify({"الجولة العشرون تختتم", kPara1}, "الجولة العشرون تختتم");
  EXPECT_EQ(v[0], B::repeated_title);
  v = classify({"موقع الوادي | الجولة العشرون من محادثات أستانا تختتم دون اختراق", kPara1},
               "الجولة العشرون من محادثات أستانا تختتم دون اختراق");
  EXPECT_EQ(v[0], B::repeated_title);  // the title with the site name around it
  v = classify({kPara1}, "محادثات أستانا");
  EXPECT_EQ(v[0], B::none);  // a paragraph that mentions the title's words is text
}

TEST(BoilerplateDocument, TrailingTeasers) {
  auto v = classify({kPara1, "وجاء الغياب مفاجئاً.", "أسعار الذهب في دمشق تسجل رقماً قياسياً جديداً",
                     "مقتل ثلاثة مدنيين بقصف على ريف إدلب الجنوبي"});
  EXPECT_EQ(v[1], B::none);  // a short content line that ends a sentence stays
  EXPECT_EQ(v[2], B::trailing_teaser);
  EXPECT_EQ(v[3], B::trailing_teaser);
}
TEST(BoilerplateDocument, ListsAndCutSentencesAfterTheArticleStay) {
  auto v = classify({kPara1, "1. تأمين الطرق الدولية بين المحافظات", "2. إعادة تأهيل محطات المياه والكهرباء",
                     "- تسهيل عودة النازحين إلى قراهم", "- فتح المعابر أمام القوافل الإنسانية",
                     "الوحدة - الجيش 2 - 1 الشرطة - تشرين 0 - 0", "فماذا ينتظر السكان، وإلى متى؟",
                     "وقال المتحدث إن الحكومة ستواصل العمل على"});
  for (std::size_t i = 1; i < v.size(); ++i) EXPECT_EQ(v[i], B::none) << i;
}
TEST(BoilerplateDocument, ShortLinesInsideTheBodyStay) {
  auto v = classify({kPara1, "مناطق خفض التصعيد", kPara2});
  EXPECT_EQ(v[1], B::none);
}

TEST(BoilerplateDocument, WidgetsAfterTheArticle) {
  // A related-stories header followed by the teasers, glued into one long line.
  const std::string related =
      "أخبار ذات صلة: وفد المعارضة يصل إلى جنيف لبدء جولة جديدة من المحادثات مع المبعوث الأممي وسط توقعات "
      "متواضعة بتحقيق أي تقدم ملموس في ملف المعتقلين والمفقودين الذي يشغل آلاف العائلات السورية منذ سنوات طويلة "
      "ارتفاع أسعار الخبز والمحروقات في مناطق الشمال بعد تراجع قيمة الليرة";
  auto v = classify({kPara1, kPara2, related,
                     "المصدر: وكالات الأكثر قراءة اشترك في النشرة البريدية مواقع التواصل الاجتماعي بحث"});
  EXPECT_EQ(v[2], B::related);
  EXPECT_NE(v[3], B::none);
  // Before the end of the article such a long line may hold the article's own text: kept.
  v = classify({related, kPara1, kPara2});
  EXPECT_EQ(v[0], B::none);
}
TEST(BoilerplateDocument, ACounterBeforeTheTextIsNotAWidget) {
  auto v = classify({"1200 مشاهدة | مشاركة: ارتفع منسوب نهر العاصي بعد الأمطار الغزيرة التي هطلت على المنطقة خلال "
                     "اليومين الماضيين وأجلت فرق الدفاع المدني عشرات العائلات من القرى القريبة"});
  EXPECT_EQ(v[0], B::none);
}

TEST(BoilerplateDocument, OneVerdictPerLine) {
  EXPECT_TRUE(classify({}).empty());
  EXPECT_EQ(classify({"", " ", kPara1}).size(), 3u);
}

TEST(BoilerplateTail, FooterGluedAfterTheLastSentenceIsCut) {
  const std::string text =
      "وختم المتحدث بالقول إن الأيام المقبلة ستشهد جولة جديدة من المفاوضات بين الأطراف المعنية في العاصمة القطرية.";
  const std::string footer = "شاركوا هذا الخبر مع أصدقائكم ذات صلة الأكثر مشاهدة";
  const FurnitureTail tail = furniture_tail(text + " " + footer);
  EXPECT_EQ(tail.kind, B::follow_share);
  EXPECT_EQ((text + " " + footer).substr(tail.begin), footer);
  // Diacritics in the text do not shift the cut.
  const std::string marked = "وَخَتَمَ المُتَحَدِّثُ بالقول إن الأيام المقبلة ستشهد جولة جديدة من المفاوضات بين الأطراف المعنية في الدوحة.";
  EXPECT_EQ((marked + " " + footer).substr(furniture_tail(marked + " " + footer).begin), footer);
}
TEST(BoilerplateTail, TextWithoutAFooterIsLeftWhole) {
  const std::vector<std::string> lines = {
      kPara1, kPara2,
      // one phrase only
      kPara1 + " شارك هذا الخبر",
      // phrases too early: the line is furniture or a header, not text with a footer
      "جميع الحقوق محفوظة اشترك في نشرتنا البريدية " + kPara1,
      // a weak phrase in the text does not start the cut
      "ودعا الوزير إلى بذل المزيد من الجهود لدعم القطاع الزراعي في المحافظات الشمالية والشرقية خلال الموسم المقبل رابط الخبر"};
  for (const auto& l : lines) {
    const FurnitureTail tail = furniture_tail(l);
    EXPECT_EQ(tail.begin, l.size()) << l;
    EXPECT_EQ(tail.kind, B::none);
  }
}

// Random lines built from letters, marks, digits, punctuation and furniture phrases: one verdict
// per line, and a tail cut always on a character boundary inside the line.
TEST(BoilerplateTail, RandomLinesAreHandled) {
  const std::vector<std::string> pieces = {"ال", "س", "ي", "ة", "أ", "ً", "ّ", "ـ", " ", " ", " ", ".", "،", ":", "/", "|",
                                           "٣", "7", "a", "Z", "«", "»", "©", "شارك هذا الخبر", "جميع الحقوق محفوظة",
                                           "اقرأ أيضا", "تابعونا على", "فيسبوك", "الأكثر قراءة", "\u200c"};
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> lines(1 + next() % 6);
    for (auto& l : lines) {
      const std::size_t n = next() % 80;
      for (std::size_t i = 0; i < n; ++i) l += pieces[next() % pieces.size()];
    }
    EXPECT_EQ(classify(lines, lines[0]).size(), lines.size());
    // The tails classify_lines hands out are furniture_tail's own, for every line it keeps.
    std::vector<FurnitureTail> tails;
    const auto verdicts = classify_lines(DocumentLines{lines, lines[0]}, &tails);
    ASSERT_EQ(tails.size(), lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const FurnitureTail own = verdicts[i] == B::none ? furniture_tail(lines[i]) : FurnitureTail{lines[i].size(), B::none};
      EXPECT_EQ(tails[i].begin, own.begin) << lines[i];
      EXPECT_EQ(tails[i].kind, own.kind) << lines[i];
    }
    for (const auto& l : lines) {
      (void)classify_line(l);
      const FurnitureTail t = furniture_tail(l);
      ASSERT_LE(t.begin, l.size());
      if (t.begin < l.size()) {
        EXPECT_NE(static_cast<unsigned char>(l[t.begin]) & 0xC0, 0x80u) << l;
      }
      EXPECT_EQ(t.begin == l.size(), t.kind == B::none);
    }
  }
}
