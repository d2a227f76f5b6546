// Names spelling cannot link, curated from facts (mentions.hpp: curated_name): a renamed
// capital, states and organisations by their official and common names, and names the tagger
// gives the wrong type (داعش a place, أندرويد a person).
#include <map>
#include <string>

#include "masar/entities/mentions.hpp"

namespace masar::entities {

namespace {

struct CuratedName {
  const char* written;
  EntityType type;
  const char* as;
};
// Facts, curated by hand; keys in search form without the article.
constexpr CuratedName kCurated[] = {
    {"نور سلطان", EntityType::LOC, "أستانا"},  // Astana, named Nur-Sultan 2019-2022
    {"بورما", EntityType::LOC, "ميانمار"},
    {"بيونغ يانغ", EntityType::LOC, "بيونغ يانغ"},  // a capital, often tagged as a person
    // Organisations the tagger reads as places or things as often as not (on ant-multisource
    // "داعش" was a place in 505 articles, a thing in 128, an organisation in 110).
    {"داعش", EntityType::ORG, "داعش"},
    {"طالبان", EntityType::ORG, "طالبان"},
    // States by their official or common names: one entity for the state however the text
    // names it (ant-multisource: الولايات المتحدة 5,245 articles, أميركا 1,613, الولايات المتحدة
    // الأمريكية 776). Capitals stay places of their own; not "الاتحاد الروسي" (in sports news the
    // football union), not "سلطنة عمان" (عمان is also Amman).
    {"الولايات المتحدة الأمريكية", EntityType::LOC, "الولايات المتحدة"},
    {"أمريكا", EntityType::LOC, "الولايات المتحدة"},
    {"المملكة العربية السعودية", EntityType::LOC, "السعودية"},
    {"المملكة السعودية", EntityType::LOC, "السعودية"},
    {"الإمارات العربية المتحدة", EntityType::LOC, "الإمارات"},
    {"دولة الإمارات", EntityType::LOC, "الإمارات"},
    {"المملكة المتحدة", EntityType::LOC, "بريطانيا"},
    {"جمهورية مصر العربية", EntityType::LOC, "مصر"},
    {"الجمهورية العربية السورية", EntityType::LOC, "سوريا"},
    {"الجمهورية الإسلامية الإيرانية", EntityType::LOC, "إيران"},
    {"جمهورية إيران الإسلامية", EntityType::LOC, "إيران"},
    {"كوريا الديمقراطية", EntityType::LOC, "كوريا الشمالية"},
    {"جمهورية كوريا الديمقراطية الشعبية", EntityType::LOC, "كوريا الشمالية"},
    {"جمهورية الصين الشعبية", EntityType::LOC, "الصين"},
    {"المملكة الأردنية الهاشمية", EntityType::LOC, "الأردن"},
    {"دولة قطر", EntityType::LOC, "قطر"},
    {"دولة الكويت", EntityType::LOC, "الكويت"},
    {"مملكة البحرين", EntityType::LOC, "البحرين"},
    {"الجمهورية التركية", EntityType::LOC, "تركيا"},
    {"جمهورية العراق", EntityType::LOC, "العراق"},
    {"الجمهورية اللبنانية", EntityType::LOC, "لبنان"},
    {"المملكة المغربية", EntityType::LOC, "المغرب"},
    {"الجمهورية التونسية", EntityType::LOC, "تونس"},
    {"دولة إسرائيل", EntityType::LOC, "إسرائيل"},
    {"دولة فلسطين", EntityType::LOC, "فلسطين"},
    // Organisations by their full names, acronyms and other common names.
    {"حلف شمال الأطلسي", EntityType::ORG, "الناتو"},
    {"حلف الأطلسي", EntityType::ORG, "الناتو"},
    {"حلف الناتو", EntityType::ORG, "الناتو"},
    {"ناتو", EntityType::ORG, "الناتو"},
    {"الناتو", EntityType::ORG, "الناتو"},
    {"تنظيم داعش", EntityType::ORG, "داعش"},
    {"الدولة الإسلامية", EntityType::ORG, "داعش"},
    {"تنظيم الدولة الإسلامية", EntityType::ORG, "داعش"},
    {"الفيفا", EntityType::ORG, "فيفا"},
    {"فيفا", EntityType::ORG, "فيفا"},
    {"الاتحاد الدولي لكرة القدم", EntityType::ORG, "فيفا"},
    {"منظمة الأمم المتحدة", EntityType::ORG, "الأمم المتحدة"},
    {"مجلس الأمن الدولي", EntityType::ORG, "مجلس الأمن"},
    {"الجامعة العربية", EntityType::ORG, "جامعة الدول العربية"},
    // Brands and clubs the tagger reads as persons (ant-multisource: أندرويد 118 articles,
    // آيفون 89, تشيلسي 78, سامسونغ 71, ميلان 61 as persons).
    {"أندرويد", EntityType::MISC, "أندرويد"},
    {"آيفون", EntityType::MISC, "آيفون"},
    {"تشيلسي", EntityType::ORG, "تشيلسي"},
    {"سامسونغ", EntityType::ORG, "سامسونغ"},
    {"ميلان", EntityType::ORG, "ميلان"},
};

}  // namespace

std::optional<std::pair<EntityType, std::string_view>> curated_name(std::string_view key) {
  // Under every key the name may come with: a one-word organisation keeps the article it was
  // written with (typed_mention_key), so "الفيفا" read as an organisation is not "فيفا".
  static const std::map<std::string, std::pair<EntityType, std::string>, std::less<>> table = [] {
    std::map<std::string, std::pair<EntityType, std::string>, std::less<>> out;
    for (const auto& c : kCurated) {
      const std::pair<EntityType, std::string> to{c.type, typed_text_key(c.as, c.type)};
      for (const EntityType read_as : {EntityType::PER, EntityType::LOC, EntityType::ORG, EntityType::MISC}) {
        out.emplace(typed_text_key(c.written, read_as), to);
      }
    }
    return out;
  }();
  const auto it = table.find(key);
  if (it == table.end()) return std::nullopt;
  return std::pair<EntityType, std::string_view>{it->second.first, it->second.second};
}

void apply_curated_names(Mention& m) {
  if (const auto to = curated_name(m.key)) {
    m.type = to->first;
    m.key = std::string(to->second);
  }
}

}  // namespace masar::entities
