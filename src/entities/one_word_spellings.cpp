// One-word names of places, organisations and other things apart by one long vowel inside,
// folded together when their articles are about the same things: "تشيلسي" / "تشلسي" (Chelsea,
// 224 and 213 articles of ant-multisource), "ميونيخ" / "ميونخ", "كابول" / "كابل" (docs/quality.md
// §7). Linking allows a letter more or less only in words of six letters or more, since shorter
// words that differ so are often other names: the context decides here, and nothing is folded
// without enough articles to compare — "ليدز" / "لويدز" (Leeds, Lloyds), "بايرن" / "بيرن",
// "الناصرة" / "الناصرية" (Nazareth, Nasiriyah, whose articles disagree) stay apart. Persons are
// left out: Arabic names one vowel apart are other people (حسن / حسين).
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entities/fold_support.hpp"
#include "entities/folding.hpp"
#include "entities/mention_totals.hpp"
#include "masar/text/utf8.hpp"

namespace masar::entities {

namespace {

bool long_vowel(char32_t c) { return c == U'\u0627' || c == U'\u0648' || c == U'\u064A'; }

// `word` without each long vowel it holds inside (neither its first letter nor its last).
std::vector<std::string> without_one_long_vowel(std::string_view word) {
  std::vector<std::size_t> starts;  // byte offset of each code point, and the end
  std::vector<char32_t> letters;
  for (std::size_t at = 0; at < word.size();) {
    starts.push_back(at);
    letters.push_back(text::next_code_point(word, at));
  }
  starts.push_back(word.size());
  std::vector<std::string> out;
  if (letters.size() < 5) return out;  // the shorter word has four letters at least
  for (std::size_t i = 1; i + 1 < letters.size(); ++i) {
    if (!long_vowel(letters[i])) continue;
    std::string cut(word.substr(0, starts[i]));
    cut += word.substr(starts[i + 1]);
    out.push_back(std::move(cut));
  }
  return out;
}

}  // namespace

bool one_long_vowel_inside(std::string_view shorter, std::string_view longer) {
  const std::vector<std::string> cuts = without_one_long_vowel(longer);
  return std::find(cuts.begin(), cuts.end(), shorter) != cuts.end();
}

namespace {

// How much the two names' articles must agree (cosine of their profiles, as for partial names).
// Read on ant-multisource: the right pairs agree at 0.24–0.89, Nazareth and Nasiriyah at 0.10.
constexpr double kOneWordAgreement = 0.2;

struct OneWord {
  std::int64_t id = 0, articles = 0;
  std::string key;
};

}  // namespace

Result<std::size_t> fold_one_word_vowel_spellings(sqlite3* db, MentionTable& table) {
  std::unordered_map<std::int64_t, const StoredEntity*> wanted;
  for (const auto& [id, e] : table.entities()) {
    if (e.type != "PER" && e.key.find(' ') == std::string::npos) wanted.emplace(id, &e);
  }
  const MentionTotals totals = table.totals([&](std::int64_t id) { return wanted.count(id) > 0; }, false);
  // Each name under its type and key, and under each of its keys without a long vowel inside.
  std::map<std::pair<std::string, std::string>, std::vector<OneWord>> named, cut;  // ordered: the same folds on every run
  for (const auto& [id, articles] : totals.articles) {
    const StoredEntity& e = *wanted.at(id);
    named[{e.type, e.key}].push_back({id, articles, e.key});
    for (std::string& shorter : without_one_long_vowel(e.key)) cut[{e.type, std::move(shorter)}].push_back({id, articles, e.key});
  }
  for (auto& [type_key, names] : cut) {
    std::sort(names.begin(), names.end(), [](const OneWord& a, const OneWord& b) { return a.id < b.id; });
  }
  Mover mover(db, table);
  ContextCheck context(db);
  if (!mover.ok() || !context.ok()) return store::sql::db_error(db, "folding names");
  std::size_t folded = 0;
  std::unordered_set<std::int64_t> gone;
  for (const auto& [type_key, shorter_names] : named) {
    const auto longer = cut.find(type_key);
    if (longer == cut.end()) continue;
    for (const OneWord& s : shorter_names) {
      for (const OneWord& l : longer->second) {
        if (gone.count(s.id) || gone.count(l.id)) continue;
        const bool shorter_folds = s.articles < l.articles || (s.articles == l.articles && s.id > l.id);
        const OneWord& from = shorter_folds ? s : l;
        const OneWord& into = shorter_folds ? l : s;
        // Too few articles to compare (most pairs): nothing to ask the tables.
        if (static_cast<std::size_t>(from.articles) < ContextCheck::kMinAlone) continue;
        const std::optional<double> agreement = context.agreement(from.id, into.id);
        if (!agreement || *agreement < kOneWordAgreement) continue;
        if (Status moved = mover.fold(from.id, into.id); !moved) return moved.error();
        gone.insert(from.id);
        ++folded;
      }
    }
  }
  return folded;
}

Result<std::size_t> fold_one_word_vowel_spellings(sqlite3* db) { return with_table(db, fold_one_word_vowel_spellings); }

}  // namespace masar::entities
