// The learned check of the sentence coder: a logistic regression, trained on sentences an
// annotator labelled, that decides whether an ASSAULT or PROTEST trigger the rules found
// reports a particular happening. The rules find the candidates and say what they know (the
// trigger word, its mode, whether the clause dates it, its actors); the check weighs that with
// the words of the sentence and their pairs. It replaces the rules' `specific` for the types it
// has weights for; the others keep the rules' answer.
#pragma once

#include <filesystem>
#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "masar/error.hpp"
#include "masar/events/coder.hpp"

namespace masar::events {

// What the check reads of one event: the rules' findings and the sentence's search terms
// ("w=قتل") and adjacent term pairs ("b=قتل_جنود"). `all` are the sentence's other events.
std::vector<std::string> check_features(std::string_view sentence, const CodedEvent& event, const std::vector<CodedEvent>& all);

class LearnedCheck {
 public:
  struct TypeWeights {
    double threshold = 0.5;
    std::unordered_map<std::string, float> weights;
  };

  // The model shipped in the program (models/events.bin at build time); nullptr when the build
  // has none.
  static const LearnedCheck* builtin();
  static Result<LearnedCheck> load(const std::filesystem::path& path);
  static Result<LearnedCheck> from_bytes(std::string_view bytes, const std::string& origin);
  Status save(const std::filesystem::path& path) const;
  std::string to_bytes() const;

  bool covers(EventType type) const { return types_.count(type) > 0; }
  // The probability that `features` report an event of `type` (covers(type) must hold).
  double probability(EventType type, const std::vector<std::string>& features) const;
  double threshold(EventType type) const { return types_.at(type).threshold; }
  void set(EventType type, TypeWeights weights) { types_[type] = std::move(weights); }
  const std::map<EventType, TypeWeights>& types() const { return types_; }

 private:
  std::map<EventType, TypeWeights> types_;
};

// Sets `specific` of each event of a covered type from the check (the other events are left as
// the rules coded them) and records the probability.
void apply_check(std::string_view sentence, std::vector<CodedEvent>& events, const LearnedCheck& check);

// ---- training ----

// One labelled sentence: does `sentence` report an event of `type`?
struct LabelledSentence {
  std::string id, sentence;
  EventType type = EventType::ASSAULT;
  bool reports = false;
  // Annotators who accepted it as a report, of how many (0 of 0 when the file does not say).
  int accepts = 0, annotators = 0;
  // False for a split vote the file labels "ambiguous": trained on, never scored.
  bool scored = true;
  std::size_t line = 0;  // where it starts in its file, for messages
};

// The labelled sentences of a CSV file with a header naming at least the columns id, text,
// event_type and label (label "yes" is a report; "no", "easy no", "difficult no", "hard no" are
// not; "ambiguous" rows are read as not scored), and optionally accept and total (the
// annotators' votes). Bad rows are reported in `problems` as "file:line: reason" and skipped.
Result<std::vector<LabelledSentence>> read_labelled_csv(const std::filesystem::path& path, std::vector<std::string>& problems);
// The same from a stream; `origin` names it in messages.
Result<std::vector<LabelledSentence>> read_labelled_csv(std::istream& in, const std::string& origin,
                                                        std::vector<std::string>& problems);

struct CheckTraining {
  int folds = 10;         // cross-validation folds (sentences of one document stay together)
  int epochs = 15;        // passes of stochastic gradient descent
  // Learning rates tried; the inner cross-validation picks one with the threshold.
  std::vector<double> rates = {0.003, 0.01, 0.03, 0.1};
  double l2 = 1e-4;       // weight decay
  unsigned seed = 7;      // fold assignment and shuffling
  std::size_t min_count = 3;  // sentences a feature must occur in to get a weight
  // Fit the share of annotators who accepted a sentence that is not a report (a split vote
  // says more than a unanimous "no"), and train on the "ambiguous" ones too. Off: 1 for a
  // report, 0 for the rest, "ambiguous" ones left out.
  bool soft_labels = true;
};

// A sentence prepared for training: its candidate event of the labelled type, if the rules
// found one, and the features the check reads of it.
struct TrainingSentence {
  std::string id;
  EventType type = EventType::ASSAULT;
  bool reports = false;
  int accepts = 0, annotators = 0;  // as labelled (0 of 0: not said)
  bool scored = true;               // false: an "ambiguous" sentence, trained on and never scored
  bool candidate = false;  // the rules found a trigger of the type
  bool asserted = false;   // ... in the asserted mode (only those can be reported)
  std::vector<std::string> features;
};

// What cross-validation measured for one type: every sentence predicted by a model that never
// saw it, the learning rate and threshold chosen on the training folds alone (nested), so the
// figures are what a new sentence of the same kind would get.
struct TypeReport {
  EventType type = EventType::ASSAULT;
  std::size_t sentences = 0, reports = 0, candidates = 0;
  std::size_t true_positives = 0, false_positives = 0, false_negatives = 0;
  double threshold = 0.5;  // chosen on every sentence, for the model trained on all of them
  double rate = 0.1;       // ... as is the learning rate
  std::size_t features = 0;
  std::vector<std::string> predicted_ids;  // out-of-fold yes
};

struct TrainedCheck {
  LearnedCheck check;
  std::vector<TypeReport> reports;
};

// The document a sentence id belongs to, so that cross-validation keeps an article's sentences
// in one fold: the id without its trailing sentence number ("AAW_ARB_20080913.0007-59" ->
// "AAW_ARB_20080913.0007", "e6874d…bb64_21" -> "e6874d…bb64"); an id without one is its own.
std::string document_of(const std::string& sentence_id);

TrainedCheck train_check(const std::vector<TrainingSentence>& sentences, const CheckTraining& options);

}  // namespace masar::events
