// End-to-end: ingest extracts entities; `masar entities` lists them linked across spellings.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <cstdio>
#include <sstream>

#include "cli_runner.hpp"
#include "masar/text/utf8.hpp"

using masar::testing::demo_corpus;
using masar::testing::run_masar;
using masar::testing::TempDb;
using masar::testing::demo_db;
using nlohmann::json;

namespace {


std::vector<json> entities(const std::string& args) {
  const auto r = run_masar("entities --json " + demo_db().arg() + " " + args);
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<json> out;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) out.push_back(json::parse(line));
  return out;
}

bool has_alias(const json& e, const std::string& alias) {
  for (const auto& a : e["aliases"]) {
    if (a["alias"] == alias) return true;
  }
  return false;
}

}  // namespace

TEST(EntitiesCli, SpellingVariantsAreOneEntity) {
  const auto found = entities("--type PER --query لافرنتييف");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(has_alias(found[0], "ألكسندر لافرنتييف"));
  EXPECT_TRUE(has_alias(found[0], "ألكسندر لافرينتييف"));
  EXPECT_GE(found[0]["articles"], 5);
}

// The name shown is the spelling most used, also when it is not the one first seen: the demo
// writes بيدرسن first and بيدرسون more often.
TEST(EntitiesCli, NameIsTheSpellingMostUsed) {
  const auto found = entities("--type PER --query بيدرسن");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(has_alias(found[0], "بيدرسن"));
  EXPECT_EQ(found[0]["name"], "بيدرسون");
}

TEST(EntitiesCli, AstanaSpellingsAreOnePlace) {
  const auto found = entities("--type LOC --query أستانا");
  ASSERT_FALSE(found.empty());
  EXPECT_TRUE(has_alias(found[0], "أستانا"));
  EXPECT_TRUE(has_alias(found[0], "أستانة"));
  EXPECT_TRUE(has_alias(found[0], "نور سلطان"));  // renamed 2019-2022: a curated alias
  EXPECT_EQ(found[0]["name"], "أستانا");
}

TEST(EntitiesCli, MostMentionedFirstWithDatesAndTypeFilter) {
  const auto found = entities("--limit 10");
  ASSERT_EQ(found.size(), 10u);
  for (std::size_t i = 1; i < found.size(); ++i) EXPECT_GE(found[i - 1]["articles"], found[i]["articles"]);
  EXPECT_EQ(found[0]["name"], "سوريا");
  EXPECT_LE(found[0]["first_date"].get<std::string>(), found[0]["last_date"].get<std::string>());
  for (const auto& e : entities("--type ORG")) EXPECT_EQ(e["type"], "ORG");
}

TEST(EntitiesCli, RescanGivesTheSameEntities) {
  TempDb db;
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " '" + demo_corpus().string() + "'").status, 0);
  const auto before = run_masar("entities --json --limit 1000 " + db.arg());
  const auto again = run_masar("entities --json --limit 1000 --rescan --quiet " + db.arg());
  ASSERT_EQ(again.status, 0) << again.err;
  // Ids may differ; names, types, aliases and counts may not.
  const auto strip = [](const std::string& out) {
    std::vector<std::string> rows;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
      json j = json::parse(line);
      j.erase("id");
      rows.push_back(j.dump());
    }
    std::sort(rows.begin(), rows.end());
    return rows;
  };
  EXPECT_EQ(strip(before.out), strip(again.out));
}

TEST(EntitiesCli, BadTypeIsAUsageError) {
  const auto r = run_masar("entities " + demo_db().arg() + " --type person");
  EXPECT_EQ(r.status, 2);
}

namespace {

// Articles written for the test: a short name that stands alone in articles about other things
// than its full name's (المالكي alone in Iraqi politics, تركي المالكي the coalition's spokesman
// on Yemen) and one that does not (أردوغان, always about Turkey).
std::string two_malikis_and_erdogan() {
  const std::vector<std::string> yemen = {
      "دمرت مقاتلات التحالف منصة صواريخ في محافظة صعدة.", "أطلقت جماعة الحوثي صاروخا باليستيا باتجاه جازان.",
      "قال المالكي إن الدفاعات الجوية اعترضت الصاروخ فوق نجران.", "أكد المالكي أن الحوثيين يستخدمون المدنيين دروعا بشرية في الحديدة.",
      "وصلت سفن إغاثة إلى ميناء عدن محملة بالمواد الغذائية.", "اتهم المالكي إيران بتهريب الأسلحة إلى الحوثيين عبر البحر.",
      "أوضح المالكي أن قوات الشرعية تقدمت في جبهة الساحل الغربي.", "قتل عدد من عناصر الحوثي في غارة قرب صنعاء."};
  const std::vector<std::string> iraq = {
      "أعلنت المفوضية العليا للانتخابات النتائج الأولية في البصرة.", "قال المالكي إن ائتلاف دولة القانون سيشارك في تشكيل الحكومة المقبلة.",
      "انتقد المالكي أداء حكومة حيدر العبادي في ملف الخدمات.", "التقى المالكي زعماء عشائر في محافظة الأنبار.",
      "دعا المالكي إلى حكومة أغلبية سياسية بعد الانتخابات.", "تظاهر مئات في الناصرية احتجاجا على انقطاع الكهرباء.",
      "رفض المالكي الاتهامات الموجهة إليه بشأن سقوط الموصل.", "زار المالكي مدينة النجف والتقى المرجعية الدينية."};
  const std::vector<std::string> turkey = {
      "قال أردوغان إن تركيا لن تسمح بإقامة ممر إرهابي على حدودها الجنوبية.", "افتتح أردوغان مطار إسطنبول الجديد بحضور عدد من القادة.",
      "انتقد أردوغان سياسة البنك المركزي بشأن أسعار الفائدة.", "خاطب أردوغان أنصار حزب العدالة والتنمية في قونية.",
      "التقى أردوغان رجال أعمال في أنقرة لبحث الاستثمارات.", "أعلن أردوغان موعد الانتخابات الرئاسية المبكرة.",
      "دافع أردوغان عن عملية غصن الزيتون في عفرين.", "تحدث أردوغان عن العلاقات مع الاتحاد الأوروبي في إزمير."};
  std::string out;
  int day = 0;
  const auto add = [&](const std::string& id, const std::string& title, const std::string& lead, const std::vector<std::string>& pool, int k) {
    std::string text = lead;
    for (int s = 0; s < 4; ++s) text += " " + pool[(k * 3 + s * 5) % pool.size()];  // a different choice per article
    char date[32];
    std::snprintf(date, sizeof date, "2018-05-%02d", ++day);
    out += json{{"id", id}, {"source", "test"}, {"date", date}, {"title", title}, {"text", text}}.dump() + "\n";
  };
  for (int k = 0; k < 6; ++k) {
    add("yemen" + std::to_string(k), "التحالف: إسقاط صاروخ حوثي رقم " + std::to_string(k + 3),
        "قال المتحدث باسم التحالف العقيد الركن تركي المالكي إن قوات التحالف تواصل عملياتها في اليمن.", yemen, k);
  }
  for (int k = 0; k < 7; ++k) {
    add("iraq" + std::to_string(k), "المالكي يتحدث عن الانتخابات العراقية " + std::to_string(k + 1),
        "قال المالكي رئيس ائتلاف دولة القانون في بغداد إن العراق يمر بمرحلة حساسة.", iraq, k);
  }
  for (int k = 0; k < 10; ++k) {
    add("turkey" + std::to_string(k), "خطاب للرئيس التركي " + std::to_string(k + 1),
        k < 3 ? "قال الرئيس التركي رجب طيب أردوغان إن بلاده ماضية في طريقها." : "تحدث أردوغان أمام حشد من أنصاره في تركيا.", turkey, k);
  }
  return out;
}

}  // namespace

TEST(EntitiesCli, AShortNameAloneOnOtherThingsIsNotFoldedIntoAFullName) {
  TempDb db;
  const auto ingest = run_masar("ingest --quiet " + db.arg() + " -", two_malikis_and_erdogan());
  ASSERT_EQ(ingest.status, 0) << ingest.err;
  std::vector<json> found;
  std::istringstream in(run_masar("entities --json --type PER --limit 50 " + db.arg()).out);
  for (std::string line; std::getline(in, line);) found.push_back(json::parse(line));
  const auto named = [&](const std::string& name) -> const json* {
    for (const auto& e : found) {
      if (e["name"] == name) return &e;
    }
    return nullptr;
  };
  // The spokesman keeps "المالكي" where his full name came first in the article ...
  const json* spokesman = named("تركي المالكي");  // his rank (الركن) is no part of the name
  ASSERT_NE(spokesman, nullptr) << run_masar("entities --type PER " + db.arg()).out;
  EXPECT_EQ((*spokesman)["articles"], 6);
  // ... but the seven Iraqi articles, which name him nowhere and share nothing with his, stay apart.
  const json* alone = named("المالكي");
  ASSERT_NE(alone, nullptr);
  EXPECT_EQ((*alone)["articles"], 7);
  // أردوغان alone, always about Turkey, is folded into the full name.
  const json* erdogan = named("رجب طيب أردوغان");
  ASSERT_NE(erdogan, nullptr);
  EXPECT_EQ((*erdogan)["articles"], 10);
  EXPECT_EQ(named("أردوغان"), nullptr);
}

// A byte that is no UTF-8 in a name typed on the command line separates words, as it does in a
// search: "\xff" + لافرنتييف finds the envoy in `entities --query`, "\xff" + روسيا the records
// of Russia in `events --entity`; a name that finds nothing is echoed as valid text.
TEST(EntitiesCli, AnUndecodableByteInANameSeparatesWords) {
  const auto found = entities("--type PER --query '\xff" "لافرنتييف'");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(has_alias(found[0], "ألكسندر لافرنتييف"));
  const auto plain = run_masar("events " + demo_db().arg() + " --entity روسيا");
  const auto events = run_masar("events " + demo_db().arg() + " --entity '\xff" "روسيا'");
  EXPECT_EQ(events.status, 0) << events.err;
  EXPECT_FALSE(events.out.empty());
  EXPECT_EQ(events.out, plain.out);
  const auto unknown = run_masar("events " + demo_db().arg() + " --entity '\xff\xfe" "زخرف'");
  EXPECT_NE(unknown.status, 0);
  EXPECT_NE(unknown.err.find("no entity named"), std::string::npos) << unknown.err;
  EXPECT_TRUE(masar::text::is_valid_utf8(unknown.err)) << unknown.err;
}

// A state named three ways is one place, and asking for it by any of its names finds it.
TEST(EntitiesCli, AStateByAnyOfItsNamesIsOnePlaceAndFoundByEach) {
  TempDb db;
  const auto line = [](int k, const std::string& text) {
    return json{{"id", "us-" + std::to_string(k)}, {"source", "outlet-" + std::to_string(k)}, {"title", "خبر " + std::to_string(k)},
                {"date", "2018-04-1" + std::to_string(k)}, {"text", text}}
               .dump() + "\n";
  };
  const std::string input = line(1, "قالت الولايات المتحدة إنها سترد على الهجوم في سوريا خلال أيام.") +
                            line(2, "وصل وفد من الولايات المتحدة الأمريكية إلى أنقرة لبحث الوضع في منبج.") +
                            line(3, "حذرت روسيا أمريكا من أي ضربة عسكرية ضد دمشق في الأيام المقبلة.");
  ASSERT_EQ(run_masar("ingest --quiet " + db.arg() + " -", input).status, 0);
  for (const char* asked : {"أمريكا", "الولايات المتحدة", "الولايات المتحدة الأمريكية"}) {
    std::istringstream in(run_masar("entities --json --type LOC " + db.arg() + " --query '" + asked + "'").out);
    std::string first;
    ASSERT_TRUE(std::getline(in, first)) << asked;
    const json e = json::parse(first);
    EXPECT_EQ(e["articles"], 3) << asked << ": " << first;
    EXPECT_TRUE(has_alias(e, "أمريكا")) << asked;
    EXPECT_TRUE(has_alias(e, "الولايات المتحدة الأمريكية")) << asked;
  }
}
