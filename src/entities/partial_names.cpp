// Partial person names inside one article: "أردوغان" after "رجب طيب أردوغان", "كيم" after
// "كيم جونغ أون". The full name a short one stands for is the one the article names most.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "masar/entities/mentions.hpp"

namespace masar::entities {

bool introduces_forebear(std::string_view key_word) {
  return key_word == "بن" || key_word == "ابن" || key_word == "بنت" || key_word == "ال";  // آل in search form
}

namespace {

// Korean and Chinese family names, which come first (كيم جونغ أون، مون جاي إن، شي جين بينغ); not
// لي or هو (Li, Hu), which are also Arabic words ("to me", "he").
bool family_name_comes_first(std::string_view key_word) {
  static const std::set<std::string, std::less<>> names = [] {
    std::set<std::string, std::less<>> out;
    for (const char* written : {"كيم", "مون", "بارك", "شي", "وانغ"}) out.insert(text_key(written));
    return out;
  }();
  return names.count(key_word) > 0;
}

}  // namespace

std::vector<std::string_view> family_tails(std::string_view key) {
  std::vector<std::string_view> out;
  std::size_t from = 0;  // start of the word before the cut
  for (std::size_t cut = key.find(' '); cut != std::string_view::npos; from = cut + 1, cut = key.find(' ', cut + 1)) {
    if (!introduces_forebear(key.substr(from, cut - from))) out.push_back(key.substr(cut + 1));
  }
  return out;
}

std::optional<std::string_view> family_head(std::string_view key) {
  const std::size_t first = key.find(' ');
  if (first == std::string_view::npos || !family_name_comes_first(key.substr(0, first))) return std::nullopt;
  return key.substr(0, first);
}

namespace {

// The person keys of one article and what each short key may stand for.
class PartialNameResolver {
 public:
  // `mentions` of a text (an article's title and body); a full name must be one of `names`.
  PartialNameResolver(const std::vector<Mention*>& mentions, const std::vector<Mention*>& names) {
    for (const Mention* m : mentions) {
      if (m->type != EntityType::PER) continue;
      const auto [at, added] = uses_.try_emplace(m->key);
      if (added) at->second.article = ends_with_article(m->surface);  // as first written
      ++at->second.mentions;
    }
    for (const Mention* m : names) {
      if (m->type == EntityType::PER) uses_.at(m->key).full_name = true;
    }
    for (const auto& [key, use] : uses_) {
      if (!use.full_name) continue;
      for (const std::string_view tail : family_tails(key)) longer_[std::string(tail)].push_back({&key, false});
      if (const auto head = family_head(key)) longer_[std::string(*head)].push_back({&key, true});
    }
  }

  // The full key `key` stands for when written with the article or without it (`article`).
  std::optional<std::string> full_key(const std::string& key, bool article) {
    const auto memo = resolved_.find({key, article});
    if (memo != resolved_.end()) return memo->second;
    std::optional<std::string> out = decide(key, article);
    resolved_.emplace(std::make_pair(key, article), out);
    return out;
  }

 private:
  struct Use {
    int mentions = 0;
    bool article = false;    // its last word written with the article (ends_with_article)
    bool full_name = false;  // may be the full name of a shorter key (written among `names`)
  };
  struct Longer {
    const std::string* key;
    bool by_head;  // begins with the short key (a family name that comes first)
  };

  std::optional<std::string> decide(const std::string& key, bool article) {
    const auto found = longer_.find(key);
    if (found == longer_.end()) return std::nullopt;
    // A family name that ends a full name of the article is read as that; one that begins
    // one only when none ends with it.
    const bool any_tail = std::any_of(found->second.begin(), found->second.end(), [](const Longer& l) { return !l.by_head; });
    std::map<std::string, int> weight;  // full name (itself resolved) -> mentions standing for it
    for (const Longer& l : found->second) {
      if (l.by_head == any_tail) continue;
      const Use& use = uses_.at(*l.key);
      // A family name keeps or drops the article in every spelling ("فيصل" is not خالد الفيصل);
      // a head has no article to agree on.
      if (!l.by_head && use.article != article) continue;
      const std::string target = full_key(*l.key, use.article).value_or(*l.key);
      weight[target] += use.mentions;
    }
    // The full name named most, its spellings counted together (كيم جونغ أون، كيم جونج أون),
    // when it has two thirds of the mentions: "ترامب" beside دونالد ترامب named three times and
    // ميلانيا ترامب once is him; beside each of them once it is either.
    const std::string* best = nullptr;
    int best_alike = 0, best_own = 0, all = 0;
    for (const auto& [target, n] : weight) {
      all += n;
      int alike = 0;
      for (const auto& [other, m] : weight) alike += other == target || same_name_spelled_differently(target, other) ? m : 0;
      if (alike > best_alike || (alike == best_alike && n > best_own)) best = &target, best_alike = alike, best_own = n;
    }
    if (!best || best_alike * 3 < all * 2) return std::nullopt;
    return *best;
  }

  std::map<std::string, Use> uses_;                     // person key -> how the article writes it
  std::map<std::string, std::vector<Longer>> longer_;   // short key -> full keys it may stand for
  std::map<std::pair<std::string, bool>, std::optional<std::string>> resolved_;
};

void resolve(const std::vector<Mention*>& mentions, const std::vector<Mention*>& names) {
  PartialNameResolver resolver(mentions, names);
  for (Mention* m : mentions) {
    if (m->type != EntityType::PER) continue;
    if (auto full = resolver.full_key(m->key, ends_with_article(m->surface))) m->key = std::move(*full);
  }
}

}  // namespace

void resolve_partial_names(std::vector<Mention>& mentions) {
  std::vector<Mention*> all;
  for (Mention& m : mentions) all.push_back(&m);
  resolve(all, all);
}

void resolve_partial_names(std::vector<Mention>& title, std::vector<Mention>& body) {
  std::vector<Mention*> all, in_body;
  for (Mention& m : title) all.push_back(&m);
  for (Mention& m : body) all.push_back(&m), in_body.push_back(&m);
  // A headline runs a word into the name it precedes ("أين محمد صلاح", "رحيل نيمار"): the
  // title's longer spans are no full names for the body's.
  resolve(all, in_body);
}

}  // namespace masar::entities
