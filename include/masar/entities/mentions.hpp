// Entity mentions in an article and the keys that link them across spellings.
//
// A mention is a span the tagger marked (PER, LOC, ORG, MISC). Its key is what linking compares:
// each word in search form without proclitics (و ب ل ك ف ال), so "والأمم المتحدة" and "الأمم
// المتحدة" share one. Inside one article a shorter person mention that ends a longer one
// ("أردوغان" after "رجب طيب أردوغان") takes the longer one's key. Across articles, keys that
// differ only as transliterations do ("لافرنتييف" / "لافرينتييف") share a consonant skeleton
// and are within a small edit distance; only long keys are merged that way ("محمد" and "محمود"
// are different people).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "masar/entities/ner.hpp"

namespace masar::entities {

enum class EntityType { PER, LOC, ORG, MISC };
const char* type_name(EntityType t);  // "PER", ...
bool parse_type(std::string_view text, EntityType& out);

struct Mention {
  EntityType type = EntityType::PER;
  std::string surface;  // as written
  std::string key;      // linking key (words in search form, proclitics off, space-separated)
  std::size_t begin = 0, end = 0;  // bytes in the text given to find_mentions
};

// Whether find_mentions resolves partial person names inside the text it tags, or leaves that
// to the caller (an article's title and body are resolved together).
enum class PartialNames { resolve, keep };

// Tags `text` sentence by sentence (valid UTF-8) and returns its mentions in text order, with
// partial person names resolved inside the text (unless `keep`), devotional formulas left out
// and places named like persons typed as places.
std::vector<Mention> find_mentions(std::string_view text, const NerModel& model,
                                   PartialNames partial_names = PartialNames::resolve);

// Partial person names inside one text: a person mention whose key ends a longer person key of
// the text ("أردوغان" after "رجب طيب أردوغان"), unless the words before it name a forebear or a
// house or the article differs (ends_with_article), or whose key is a Korean or Chinese family
// name beginning one ("كيم"), takes the full name the text names most, when that name (its
// spellings together, itself resolved) has two thirds of the mentions of the candidates;
// otherwise it stays as it is.
void resolve_partial_names(std::vector<Mention>& mentions);
// The same over an article's title and body as one text, the full names taken from the body: a
// title's "أردوغان" is the body's رجب طيب أردوغان, and a headline's "رحيل نيمار" (departure of
// Neymar), a word run into the name, is no full name of the body's "نيمار".
void resolve_partial_names(std::vector<Mention>& title, std::vector<Mention>& body);

// Whether a key word introduces a forebear or a house: the name after بن، ابن، بنت، آل is the
// father's or the family's, not the person's ("محمد بن سلمان" is not سلمان, "سلمان بن عبدالعزيز
// آل سعود" is not سعود).
bool introduces_forebear(std::string_view key_word);
// The shorter names a person key ends with that may stand alone for that person, longest first:
// "رجب طيب اردوغان" → "طيب اردوغان", "اردوغان"; none right after a forebear or house word.
std::vector<std::string_view> family_tails(std::string_view key);
// The family name of a Korean or Chinese name, which comes first ("كيم جونغ اون" → "كيم").
std::optional<std::string_view> family_head(std::string_view key);
// Whether the last word of a name as written carries the definite article (الفيصل، والأسد،
// للمالكي), not counting the ال of a divine name after عبد (عبد الرحمن). Keys drop it, but a
// family name keeps it or goes without it in every spelling: "فيصل" alone is a given name, not
// "خالد الفيصل", and "الهادي" is not "هادي".
bool ends_with_article(std::string_view written_name);
// Devotional formulas the tagger takes for names (رحمه الله، بإذن الله، الله alone): no entity.
bool is_devotional_formula(std::string_view key);
// Places whose names begin like a person's (بن قردان، سيدي بوزيد، أبو ظبي، عين العرب), which the
// tagger reads as persons: a curated list of keys; such a person mention is a place.
bool is_place_named_like_a_person(std::string_view key);

// Whether a person span opens with a pronoun as written (أنا، نحن، أنت، أنتم, and after و) and goes on: a
// clause the tagger took for a name ("أنا سعيد", I am happy), not one ("آنا كامبل" is Anna).
bool opens_with_a_pronoun(const std::vector<std::string_view>& span);

// Words the tagger takes for names that name nothing to link when alone: a currency (ريال،
// الدولار), a few common words (هائل، الكيماوي، البيضاوي) and generic nouns (منظمة، ميليشيا، حزب،
// كيلومتر) and, but for a person's name (تيريزا ماي), a month (نيسان، كانون الثاني).
bool names_nothing_alone(std::string_view key, EntityType type);

// Names that spelling cannot link, curated from facts: a place renamed (نور سلطان → أستانا,
// بورما → ميانمار), a name the tagger often takes for another type (بيونغ يانغ a person,
// داعش and طالبان places). Sets the mention's key and type when listed.
void apply_curated_names(Mention& m);
// The curated type and key of a mention key, when listed (what apply_curated_names sets).
std::optional<std::pair<EntityType, std::string_view>> curated_name(std::string_view key);

// How many words at the start of a person span (as written) say what or whose the person is
// rather than name them: demonyms ("الصيني" شي جين بينغ) and titles or descriptions
// ("الركن" تركي المالكي, "الشهير") or are particles the tagger took in ("على" ترامب,
// "فإن" أردوغان); at least one word is left. Royal and religious titles
// (الملك، الأمير، البابا) stay: news names those persons with them.
std::size_t descriptors_before_name(const std::vector<std::string_view>& span);

std::string mention_key(const std::vector<std::string_view>& words);
// The key of a name written as text, words between spaces ("--query", curated aliases).
std::string text_key(std::string_view text);
// The key of a mention of `type`: mention_key, except that a one-word organisation keeps the
// definite article it was written with — "القاعدة" is al-Qaeda and "قاعدة" a base, "حماس" Hamas
// and "الحماس" zeal, "الأهلي" one club and "أهلي" another. (A transliterated name that takes
// the article at will, الفيفا / فيفا, is split by it: a missed merge, not a wrong one.)
std::string typed_mention_key(const std::vector<std::string_view>& words, EntityType type);
std::string typed_text_key(std::string_view text, EntityType type);
// Search form without the vowels that transliterations add or drop (ا و ي inside a word, a
// final ا ه ي), doubled letters once, ج as غ (a foreign g): "لافرنتييف" and "لافرينتييف" give
// the same skeleton, and "سيرجي" and "سيرغي".
std::string skeleton(std::string_view key);
// Levenshtein distance in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);
// Whether two keys of one type with the same skeleton are spellings of one name (in a name of
// several words ج and غ are one letter).
bool same_name_spelled_differently(std::string_view a, std::string_view b);

}  // namespace masar::entities
