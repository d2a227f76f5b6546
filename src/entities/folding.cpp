// Partial person names folded into the full name that ends with them ("أردوغان" into "رجب طيب
// أردوغان", "ترمب" into the "دونالد ترامب" that "دونالد ترمب" was linked to), when one full
// name dominates and the articles where the short name stands alone are about the same things
// as those of the full name. And other spellings of one name folded together: a preposition
// glued on (لحزب الله), spaces (فيس بوك); and the tagger's type slips (فيسبوك as a person,
// ترامب as a place).
#include "entities/folding.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "entities/fold_support.hpp"
#include "entities/mention_totals.hpp"
#include "masar/entities/mentions.hpp"
#include "store/sqlite_util.hpp"

namespace masar::entities {
namespace {

// How much the alone articles must agree with the full name's (cosine of their profiles): a
// little for a name only one full name ends with, more where another full name or a given name
// could be meant. Chosen by reading the 265 folds of ant-multisource with 5+ alone articles
// (docs/quality.md §7).
constexpr double kAgreement = 0.2;
constexpr double kAmbiguousAgreement = 0.5;
constexpr std::int64_t kRivalArticles = 3;  // another full name in this many articles is a rival
constexpr std::int64_t kFullNameShare = 5;  // a full name in fewer than 1/5 of the short name's articles is none

}  // namespace

// Partial person names folded into the full name that ends with them: of the person keys
// ending with " k" seen in at least two articles, the one with most articles, when it holds
// at least three quarters of their articles and a tenth of k's own ("ترامب" → "دونالد ترامب"
// though "ايفانكا ترامب" exists; "الأسد" stays when بشار and حافظ الأسد are both common).
Result<std::size_t> fold_partial_names(sqlite3* db, MentionTable& table) {
  std::unordered_map<std::int64_t, std::string> person_keys;
  for (const auto& [id, e] : table.entities()) {
    if (e.type == "PER") person_keys.emplace(id, e.key);
  }
  const MentionTotals totals = table.totals([&](std::int64_t id) { return person_keys.count(id) > 0; }, true);
  struct Person {
    std::int64_t id = 0, articles = 0;
  };
  std::map<std::string, Person> by_key;
  for (const auto& [id, articles] : totals.articles) by_key.emplace(person_keys.at(id), Person{id, articles});
  // The other spellings linked into each full name ("دونالد ترمب" into "دونالد ترامب"): "ترمب"
  // alone ends one of them. And whether each name's last word is written with the article
  // (mentions with it minus those without, over the spellings of the key's length).
  std::map<std::string, std::set<std::string>> spellings;  // entity key -> keys of its multi-word surfaces
  std::map<std::string, std::int64_t> article_votes;
  // A one-word name's entity is keyed by the spelling seen first, maybe a rare one ("بولويني"
  // beside "بولوني" written 177 times): the spelling it is mostly written with names it too,
  // when no entity has that as its key.
  std::map<std::string, std::map<std::string, std::int64_t>> one_word_spellings;  // entity key -> spelling key -> mentions
  std::map<std::string, std::int64_t> one_word_mentions;                           // entity key -> mentions
  for (const MentionTotals::Spelling& s : totals.spellings) {
    const std::string& key = person_keys.at(s.entity);
    std::string spelled = text_key(s.surface);
    // A spelling of more words splits one ("مارك زوكر بيرغ"): its last piece ends no name.
    if (std::count(spelled.begin(), spelled.end(), ' ') != std::count(key.begin(), key.end(), ' ')) continue;
    article_votes[key] += ends_with_article(s.surface) ? s.mentions : -s.mentions;
    if (key.find(' ') == std::string::npos) {
      one_word_mentions[key] += s.mentions;
      if (spelled != key && !by_key.count(spelled)) one_word_spellings[key][spelled] += s.mentions;
    }
    if (s.surface.find(' ') != std::string::npos && spelled != key) spellings[key].insert(std::move(spelled));
  }
  std::map<std::string, std::set<std::string>> written_as;  // a one-word entity's main spelling -> entity keys
  for (const auto& [key, spelled] : one_word_spellings) {
    for (const auto& [other, mentions] : spelled) {
      if (2 * mentions > one_word_mentions[key]) written_as[other].insert(key);
    }
  }
  const auto with_article = [&](const std::string& key) {
    const auto it = article_votes.find(key);
    return it != article_votes.end() && it->second > 0;
  };
  // A given name alone is not folded: "مايك" is Pompeo in one article and Pence in the next,
  // "جونغ" Kim Jong Un's sister, "كريستيان" any Christian (read on ant-multisource).
  std::map<std::string, std::set<std::string>> extensions;  // key -> longer keys ending (or headed) with it
  for (const auto& [key, person] : by_key) {
    if (person.articles < 2) continue;  // a one-off span is more likely a tagging slip
    std::set<std::string> written{key};
    if (const auto it = spellings.find(key); it != spellings.end()) written.insert(it->second.begin(), it->second.end());
    for (const std::string& spelled : written) {
      // "محمد بن سلمان" does not end with a family name: سلمان alone is his father.
      std::vector<std::string_view> shorter = family_tails(spelled);
      // "كيم" of كيم جونغ أون; from the key only: "بارك أوباما", a spelling of باراك أوباما,
      // does not make Park (Geun-hye) alone Obama.
      if (const auto head = family_head(spelled); head && spelled == key) shorter.push_back(*head);
      for (const std::string_view cut : shorter) {
        std::string tail(cut);
        if (const auto it = written_as.find(tail); it != written_as.end() && it->second.size() == 1) {
          tail = *it->second.begin();
        }
        if (tail != key && by_key.count(tail)) extensions[tail].insert(key);
      }
    }
  }
  std::map<std::string, int> begins_names;  // first word -> person keys (2+ articles) it begins
  for (const auto& [key, person] : by_key) {
    if (const std::size_t cut = key.find(' '); person.articles >= 2 && cut != std::string::npos) ++begins_names[key.substr(0, cut)];
  }
  Mover mover(db, table);
  ContextCheck context(db);
  if (!context.ok() || !mover.ok()) return store::sql::db_error(db, "folding names");
  std::size_t folded = 0;
  // Longest keys first, so "طيب أردوغان" has gone into "رجب طيب أردوغان" before "أردوغان" looks.
  std::vector<std::string> order;
  for (const auto& [key, longer] : extensions) order.push_back(key);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
  std::map<std::string, std::string> gone;  // folded key -> where it went
  for (const std::string& key : order) {
    std::map<std::string, std::int64_t> candidates;  // final destination -> articles
    std::int64_t total = 0;
    for (const std::string& k : extensions.at(key)) {
      std::string to = k;
      while (gone.count(to)) to = gone.at(to);
      candidates[to] += by_key.at(k).articles;
      total += by_key.at(k).articles;
    }
    const auto best = std::max_element(candidates.begin(), candidates.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best->second * 4 < total * 3) continue;  // no dominant full name
    // A longer span seen far less than the name itself is a tagging slip ("وكيل محمد صلاح",
    // "أين جمال خاشقجي", "أولمبياد بيونغ تشانغ", "بقرية النبي صالح") or someone else ("حافظ قائد
    // السبسي" in 32 articles for "السبسي", his father, in 30), not its full form. A fifth since
    // 2026-12-07 (a tenth before; docs/quality.md §7).
    if (best->second * kFullNameShare < by_key.at(key).articles) continue;
    // "فيصل" alone is a given name, not the family name of "خالد الفيصل".
    if (with_article(key) != with_article(best->first)) continue;
    const std::int64_t from = by_key.at(key).id, into = by_key.at(best->first).id;
    // A name that other full names also end with, or that begins other names (a given name),
    // may stand alone for someone else: then the alone articles must agree with the full name's.
    bool rival = false;
    for (const auto& [to, articles] : candidates) rival = rival || (to != best->first && articles >= kRivalArticles);
    const auto begins = begins_names.find(key);
    const bool given_name = begins != begins_names.end() && begins->second >= 2;
    const std::optional<double> agreement = context.agreement(from, into);
    if (agreement && *agreement < (rival || given_name ? kAmbiguousAgreement : kAgreement)) continue;
    // Too few articles alone to compare: the full name must be the better known of the two
    // ("فرانسيسكو" alone in 4 articles, of سان فرانسيسكو, is not "مانويل فرانسيسكو" of 2).
    if (!agreement && best->second < by_key.at(key).articles) continue;
    if (Status moved = mover.fold(from, into); !moved) return moved.error();
    gone[key] = best->first;
    by_key.at(best->first).articles += by_key.at(key).articles;
    ++folded;
  }
  return folded;
}

namespace {

struct Named {
  std::int64_t id = 0, articles = 0;
  std::string type;
};
using EntitiesByKey = std::unordered_map<std::string, std::vector<Named>>;

// Entities some article names, by key; each key's entities in id order.
EntitiesByKey entities_by_key(const MentionTable& table) {
  const MentionTotals totals = table.totals([](std::int64_t) { return true; }, false);
  std::vector<std::pair<std::int64_t, std::int64_t>> named(totals.articles.begin(), totals.articles.end());
  std::sort(named.begin(), named.end());
  EntitiesByKey by_key;
  for (const auto& [id, articles] : named) {
    const auto it = table.entities().find(id);
    if (it == table.entities().end()) continue;  // a mention of an entity that is gone (never written so)
    by_key[it->second.key].push_back({id, articles, it->second.type});
  }
  return by_key;
}

// A person is a tagging slip when the same key names an entity of another type in this many
// times its articles (فيسبوك, البنتاغون, تشيلسي, فرانس برس as persons; read on
// ant-multisource, docs/quality.md §7).
constexpr std::int64_t kMistypedFarCommoner = 3;
constexpr std::int64_t kMistypedMinArticles = 20;  // a place of 17 ("كاسترو") is the tagger's slip as often

// The other way, only for a family name: "ترامب" a place in 500 articles, "أردوغان" in 104,
// "بومبيو" in 77, while the persons' full names take the word alone in 3× as many (read on
// ant-multisource, docs/quality.md §7). A one-word person is no family name to go by: the
// tagger's persons named like a place or brand are as often right (فارس) as wrong (أندرويد).
// Each person key with the articles where a one-word spelling of that key stands for it.
std::unordered_map<std::string, Named> family_names(const MentionTable& table) {
  const auto full_name = [&](std::int64_t id) {
    const auto it = table.entities().find(id);
    return it != table.entities().end() && it->second.type == "PER" && it->second.key.find(' ') != std::string::npos;
  };
  const MentionTotals totals = table.totals(full_name, true);
  std::map<std::pair<std::string, std::int64_t>, std::int64_t> articles;  // (word key, person) -> articles
  for (const MentionTotals::Spelling& s : totals.spellings) {
    if (s.surface.find(' ') == std::string::npos) articles[{text_key(s.surface), s.entity}] += s.articles;
  }
  std::unordered_map<std::string, Named> out;
  for (const auto& [word_person, count] : articles) {
    Named& best = out[word_person.first];
    if (count > best.articles) best = {word_person.second, count, "PER"};
  }
  return out;
}

}  // namespace

Result<std::size_t> fold_type_slips(sqlite3* db, MentionTable& table) {
  const EntitiesByKey by_key = entities_by_key(table);
  std::vector<std::string> keys;
  for (const auto& [key, named] : by_key) {
    if (named.size() > 1) keys.push_back(key);
  }
  std::sort(keys.begin(), keys.end());
  Mover mover(db, table);
  if (!mover.ok()) return store::sql::db_error(db, "folding names");
  std::size_t folded = 0;
  std::set<std::int64_t> received;  // entities a person was folded into: not folded away after
  for (const std::string& key : keys) {
    const std::vector<Named>& named = by_key.at(key);
    const Named* other = nullptr;  // the commonest entity of another type
    for (const Named& n : named) {
      if (n.type != "PER" && (!other || n.articles > other->articles)) other = &n;
    }
    if (!other) continue;
    for (const Named& person : named) {
      if (person.type != "PER" || other->articles < std::max(kMistypedMinArticles, kMistypedFarCommoner * person.articles)) continue;
      if (Status moved = mover.fold(person.id, other->id); !moved) return moved.error();
      received.insert(other->id);
      ++folded;
    }
  }
  const auto families = family_names(table);
  std::vector<std::string> words;
  for (const auto& [key, named] : by_key) {
    if (key.find(' ') == std::string::npos && families.count(key)) words.push_back(key);
  }
  std::sort(words.begin(), words.end());
  for (const std::string& word : words) {
    const Named& person = families.at(word);
    for (const Named& n : by_key.at(word)) {
      if (n.type == "PER" || received.count(n.id)) continue;
      if (person.articles < std::max(kMistypedMinArticles, kMistypedFarCommoner * n.articles)) continue;
      if (Status moved = mover.fold(n.id, person.id); !moved) return moved.error();
      ++folded;
    }
  }
  return folded;
}

namespace {

// A preposition glued to a name's first word (لحزب الله، لبي بي سي، لبرشلونة): keys keep it,
// since a name may begin with the same letter (لبنان، كابل، لويس). The name seen without it
// decides (read on ant-multisource, docs/quality.md §7):
// - of several words, it exists in the same type and is not rare beside the glued form
//   ("بي بي سي" in 75 articles, "لبي بي سي" in 305; but "ويس إنريكي" in 3 against "لويس
//   إنريكي" in 33), or, typed otherwise by the tagger, in far more articles ("لفرانس برس"
//   tagged a person);
// - of one word, it exists in the same type in far more articles (برشلونة 958 against
//   لبرشلونة 133, but بنان 30 against لبنان 680), and is no person: given names begin with
//   these letters too (بسام is not ب + سام).
// The conjunction و too, which the stemmer keeps before a word it reads as beginning with a root
// و (وليونيل ميسي, وإدينسون كافاني): only on a name of several words, in the same type, and
// only into a name in twice its articles, since given names begin with و (وسام / سام, وليام /
// ليام).
constexpr std::int64_t kGluedMinArticles = 3;  // the name alone, seen more than by a slip
constexpr std::int64_t kGluedMinOneWord = 5;
constexpr std::int64_t kGluedFarCommoner = 3;  // times the glued form's articles
constexpr std::int64_t kGluedNotRare = 5;      // the name alone in at least a fifth of the glued form's articles
constexpr std::int64_t kGluedConjunctionCommoner = 2;  // times the articles of the form with و

bool glued_conjunction(std::string_view key) { return key.starts_with("و") && key.find(' ') != std::string_view::npos; }

// A preposition, or the conjunction و, glued to a name's first word.
bool glued_particle(std::string_view key) {
  constexpr std::string_view kPrepositions[] = {"ب", "ل", "ك"};
  if (!glued_conjunction(key) && std::none_of(std::begin(kPrepositions), std::end(kPrepositions), [&](std::string_view p) { return key.starts_with(p); })) {
    return false;
  }
  const std::string_view rest_first = key.substr(2, key.find(' ') == std::string_view::npos ? std::string_view::npos : key.find(' ') - 2);
  return rest_first.size() >= 4;  // two letters at least: "لبي" → "بي"
}

// A spelling of another type joins only an entity in this many times its articles, and 10+
// ("تي تي" 2 articles an organisation, "تيتي" 19 a person; "بي بي" and "بيبي" stay apart).
constexpr std::int64_t kSpacingFarCommoner = 3;
constexpr std::int64_t kSpacingMinArticles = 10;

// آل (search form "ال") as a word of its own names a house: "ال سعود" is not "السعود".
bool names_a_house(std::string_view key) { return key.starts_with("ال ") || key.find(" ال ") != std::string_view::npos; }

std::string without_spaces(std::string_view key) {
  std::string out;
  for (const char c : key) {
    if (c != ' ') out += c;
  }
  return out;
}

Result<std::size_t> fold_spacing(sqlite3* db, const EntitiesByKey& by_key, MentionTable& table) {
  struct Spelled {
    const std::string* key;
    Named named;
  };
  std::map<std::string, std::vector<Spelled>> by_letters;  // ordered: the same folds on every run
  for (const auto& [key, named] : by_key) {
    if (names_a_house(key)) continue;
    for (const Named& n : named) by_letters[without_spaces(key)].push_back({&key, n});
  }
  Mover mover(db, table);
  if (!mover.ok()) return store::sql::db_error(db, "folding names");
  std::size_t folded = 0;
  for (auto& [letters, spellings] : by_letters) {
    if (spellings.size() < 2) continue;
    std::sort(spellings.begin(), spellings.end(), [](const Spelled& a, const Spelled& b) {
      return a.named.articles != b.named.articles ? a.named.articles > b.named.articles : a.named.id < b.named.id;
    });
    const Spelled& into = spellings.front();
    for (std::size_t i = 1; i < spellings.size(); ++i) {
      const Spelled& from = spellings[i];
      if (*from.key == *into.key) continue;  // the same key in another type: a tagging matter
      const bool same_type = from.named.type == into.named.type;
      if (!same_type && into.named.articles < std::max(kSpacingMinArticles, kSpacingFarCommoner * from.named.articles)) continue;
      if (Status moved = mover.fold(from.named.id, into.named.id); !moved) return moved.error();
      ++folded;
    }
  }
  return folded;
}

// Folded entities leave `by_key`; the names they join count their articles too.
Result<std::size_t> fold_glued(sqlite3* db, EntitiesByKey& by_key, MentionTable& table) {
  std::vector<std::string> glued;
  for (const auto& [key, named] : by_key) {
    if (glued_particle(key) && by_key.count(key.substr(2))) glued.push_back(key);
  }
  std::sort(glued.begin(), glued.end());  // the same folds in the same order on every run
  Mover mover(db, table);
  if (!mover.ok()) return store::sql::db_error(db, "folding names");
  std::size_t folded = 0;
  for (const std::string& key : glued) {
    const bool several_words = key.find(' ') != std::string::npos;
    const bool conjunction = glued_conjunction(key);
    const auto found = by_key.find(key.substr(2));
    if (found == by_key.end()) continue;  // that name was itself a glued form, folded away above
    std::vector<Named>& names = found->second;
    std::vector<Named>& spelled = by_key.at(key);
    for (Named& from : spelled) {
      Named* best = nullptr;
      for (Named& to : names) {
        const std::int64_t far_commoner = std::max(kGluedMinArticles, kGluedFarCommoner * from.articles);
        const bool same_type = to.type == from.type;
        const bool fits =
            conjunction     ? same_type && to.articles >= std::max(kGluedMinArticles, kGluedConjunctionCommoner * from.articles)
            : several_words ? (same_type ? to.articles >= std::max(kGluedMinArticles, from.articles / kGluedNotRare) : to.articles >= far_commoner)
                          : same_type && to.type != "PER" && to.articles >= std::max(kGluedMinOneWord, far_commoner);
        if (fits && (!best || to.articles > best->articles)) best = &to;
      }
      if (!best) continue;
      if (Status moved = mover.fold(from.id, best->id); !moved) return moved.error();
      best->articles += from.articles;
      from.id = 0;
      ++folded;
    }
    std::erase_if(spelled, [](const Named& n) { return n.id == 0; });
    if (spelled.empty()) by_key.erase(key);
  }
  return folded;
}

}  // namespace

Result<std::size_t> fold_spellings(sqlite3* db, MentionTable& table) {
  EntitiesByKey by_key = entities_by_key(table);
  auto unglued = fold_glued(db, by_key, table);
  if (!unglued) return unglued.error();
  auto respaced = fold_spacing(db, by_key, table);
  if (!respaced) return respaced.error();
  return unglued.value() + respaced.value();
}

namespace {

Result<std::size_t> fold_glued_only(sqlite3* db, MentionTable& table) {
  EntitiesByKey by_key = entities_by_key(table);
  return fold_glued(db, by_key, table);
}

Result<std::size_t> fold_spacing_only(sqlite3* db, MentionTable& table) { return fold_spacing(db, entities_by_key(table), table); }

// A round that folds nothing costs as much as one that folds (0.4 s at 31.5k articles); on
// ant-multisource the second round folds 8 and a third would fold none, so what a second round
// makes possible is left to the next ingest.
constexpr int kFoldRounds = 2;

}  // namespace

Result<std::size_t> fold_names(sqlite3* db, MentionTable& table) {
  using Fold = Result<std::size_t> (*)(sqlite3*, MentionTable&);
  const Fold folds[] = {fold_spellings, fold_given_name_spellings, fold_partial_names, fold_type_slips,
                        fold_one_word_vowel_spellings};
  std::size_t folded = 0;
  for (int round = 0; round < kFoldRounds; ++round) {
    // Prepositions and spacing first: "لمحمد صلاح" and "محمدصلاح" are then counted with
    // "محمد صلاح" when given names and partial names fold; given names before partial names,
    // so that "دي بروين" alone meets "كيفن دي بروين" with all its spellings; type slips after
    // them, so that "كاسترو" alone has gone into "راوول كاسترو" before the person is compared
    // with the place the tagger also made of it; one-word vowel spellings last, once the type
    // slips are gone ("اباما" and "اوباما" as places are Obama mistyped, not a place to grow).
    std::size_t this_round = 0;
    for (const Fold fold : folds) {
      auto done = fold(db, table);
      if (!done) return done.error();
      this_round += done.value();
    }
    folded += this_round;
    if (this_round == 0) break;
  }
  return folded;
}

Result<std::size_t> fold_partial_names(sqlite3* db) { return with_table(db, fold_partial_names); }
Result<std::size_t> fold_type_slips(sqlite3* db) { return with_table(db, fold_type_slips); }
Result<std::size_t> fold_spellings(sqlite3* db) { return with_table(db, fold_spellings); }
Result<std::size_t> fold_glued_prepositions(sqlite3* db) { return with_table(db, fold_glued_only); }
Result<std::size_t> fold_spacing_variants(sqlite3* db) { return with_table(db, fold_spacing_only); }

}  // namespace masar::entities
