#include "masar/entities/states.hpp"

#include <unordered_map>

#include "masar/entities/mentions.hpp"
#include "masar/text/normalize.hpp"
#include "masar/util/string_hash.hpp"

namespace masar::entities {
namespace {

// A name that stands for a state: its capital, or its demonym.
struct StandsFor {
  const char* name;
  const char* state;
};

using StateTable = std::unordered_map<std::string, std::string_view, util::StringViewHash, std::equal_to<>>;

std::optional<std::string_view> lookup(const StateTable& table, std::string_view key) {
  const auto it = table.find(key);
  if (it == table.end()) return std::nullopt;
  return it->second;
}

// Facts, written as the news writes them; both sides go through text_key.
constexpr StandsFor kCapitals[] = {
    {"موسكو", "روسيا"},          {"واشنطن", "الولايات المتحدة"}, {"أنقرة", "تركيا"},
    {"طهران", "إيران"},          {"دمشق", "سوريا"},              {"الرياض", "السعودية"},
    {"القاهرة", "مصر"},          {"باريس", "فرنسا"},             {"لندن", "بريطانيا"},
    {"برلين", "ألمانيا"},        {"بكين", "الصين"},              {"الدوحة", "قطر"},
    {"أبوظبي", "الإمارات"},      {"أبو ظبي", "الإمارات"},        {"بغداد", "العراق"},
    {"بيروت", "لبنان"},          {"بيونغ يانغ", "كوريا الشمالية"}, {"سيول", "كوريا الجنوبية"},
    {"طوكيو", "اليابان"},        {"كابول", "أفغانستان"},         {"صنعاء", "اليمن"},
    {"الخرطوم", "السودان"},      {"روما", "إيطاليا"},            {"مدريد", "إسبانيا"},
    {"كييف", "أوكرانيا"},        {"أثينا", "اليونان"},           {"الرباط", "المغرب"},
    {"نيودلهي", "الهند"},        {"إسلام آباد", "باكستان"},      {"تل أبيب", "إسرائيل"},
    {"المنامة", "البحرين"},      {"مسقط", "سلطنة عمان"},         {"يريفان", "أرمينيا"},
    {"باكو", "أذربيجان"},        {"مينسك", "بيلاروسيا"},         {"وارسو", "بولندا"},
    {"أوتاوا", "كندا"},          {"كانبيرا", "أستراليا"},        {"نواكشوط", "موريتانيا"},
    {"مقديشو", "الصومال"},       {"أديس أبابا", "إثيوبيا"},      {"نيروبي", "كينيا"},
    {"أبوجا", "نيجيريا"},        {"جاكرتا", "إندونيسيا"},        {"هافانا", "كوبا"},
    {"كراكاس", "فنزويلا"},       {"كاراكاس", "فنزويلا"},         {"ستوكهولم", "السويد"},
    {"أوسلو", "النرويج"},        {"أمستردام", "هولندا"},         {"برن", "سويسرا"},
    {"كوالالمبور", "ماليزيا"},   {"بانكوك", "تايلاند"},          {"هانوي", "فيتنام"},
    {"مانيلا", "الفلبين"},       {"نجامينا", "تشاد"},            {"جوبا", "جنوب السودان"},
    {"أستانا", "كازاخستان"},     {"أستانة", "كازاخستان"},        {"نور سلطان", "كازاخستان"},  // named so 2019–2022
};

// Demonyms (masculine, without the article) and their state.
constexpr StandsFor kDemonyms[] = {
    {"روسي", "روسيا"},       {"تركي", "تركيا"},          {"إيراني", "إيران"},        {"سوري", "سوريا"},
    {"أمريكي", "الولايات المتحدة"}, {"أميركي", "الولايات المتحدة"}, {"فرنسي", "فرنسا"}, {"بريطاني", "بريطانيا"},
    {"ألماني", "ألمانيا"},   {"صيني", "الصين"},          {"إسرائيلي", "إسرائيل"},    {"سعودي", "السعودية"},
    {"مصري", "مصر"},         {"عراقي", "العراق"},        {"لبناني", "لبنان"},        {"أردني", "الأردن"},
    {"قطري", "قطر"},         {"إماراتي", "الإمارات"},    {"يمني", "اليمن"},          {"ليبي", "ليبيا"},
    {"تونسي", "تونس"},       {"جزائري", "الجزائر"},      {"مغربي", "المغرب"},        {"سوداني", "السودان"},
    {"كويتي", "الكويت"},     {"بحريني", "البحرين"},      {"ياباني", "اليابان"},      {"هندي", "الهند"},
    {"باكستاني", "باكستان"}, {"أفغاني", "أفغانستان"},    {"أوكراني", "أوكرانيا"},    {"إيطالي", "إيطاليا"},
    {"إسباني", "إسبانيا"},   {"كازاخي", "كازاخستان"},    {"كندي", "كندا"},           {"أسترالي", "أستراليا"},
    {"إثيوبي", "إثيوبيا"},   {"صومالي", "الصومال"},      {"موريتاني", "موريتانيا"},  {"أذربيجاني", "أذربيجان"},
    {"أرميني", "أرمينيا"},   {"يوناني", "اليونان"},      {"هولندي", "هولندا"},       {"سويدي", "السويد"},
};

}  // namespace

std::optional<std::string_view> state_of_demonym(std::string_view normalized_word) {
  static const StateTable table = [] {
    StateTable t;
    for (const auto& d : kDemonyms) {
      const std::string adjective = "ال" + text::normalize_for_search(d.name);
      t.emplace(adjective, d.state);
      t.emplace(adjective + "ه", d.state);  // the feminine, ة in search form
    }
    return t;
  }();
  return lookup(table, normalized_word);
}

std::optional<std::string_view> state_of_capital(std::string_view capital_key) {
  static const StateTable table = [] {
    StateTable t;
    for (const auto& c : kCapitals) t.emplace(text_key(c.name), c.state);
    return t;
  }();
  return lookup(table, capital_key);
}

}  // namespace masar::entities
