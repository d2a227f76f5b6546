// masar train events --data LABELLED.csv [--data …] --out MODEL [--cv-out PRED.tsv] [--folds N] [--rate R…]
//                    [--min-count N] [--seed N] [--hard-labels]
// Trains the learned check of the event coder (include/masar/events/learned.hpp) on labelled
// sentences, prints on stderr what nested cross-validation measured for each type, and writes
// the model trained on every sentence. --cv-out writes the out-of-fold decisions as
// `id<TAB>TYPE,TYPE` (what ../shared/tools/score-event-detection reads). The fit follows the
// annotators' votes when the file has them (CheckTraining::soft_labels).
#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "cli/commands.hpp"
#include "cli/entity_scan.hpp"
#include "masar/entities/ner.hpp"
#include "masar/events/learned.hpp"
#include "masar/text/utf8.hpp"
#include "masar/util/parallel.hpp"

namespace masar::cli {
namespace {

struct TrainEventsArgs {
  std::vector<std::string> data;
  std::string out, cv_out;
  events::CheckTraining training;
  bool no_entities = false;
  unsigned threads = util::default_threads();
};

std::vector<events::TrainingSentence> prepare(const std::vector<events::LabelledSentence>& labelled,
                                              const entities::NerModel* ner, unsigned threads) {
  std::vector<events::TrainingSentence> out(labelled.size());
  util::parallel_for(labelled.size(), threads, [&](std::size_t i) {
    const std::string sentence = text::decode_utf8(labelled[i].sentence).text;
    const auto mentions = ner ? entities::find_mentions(sentence, *ner) : std::vector<entities::Mention>{};
    const auto found = events::code_sentence(sentence, mentions, nullptr);  // the rules alone
    events::TrainingSentence& s = out[i];
    s.id = labelled[i].id;
    s.type = labelled[i].type;
    s.reports = labelled[i].reports;
    s.accepts = labelled[i].accepts;
    s.annotators = labelled[i].annotators;
    s.scored = labelled[i].scored;
    for (const auto& e : found) {
      if (e.type != s.type) continue;
      s.candidate = true;
      s.asserted = e.mode == events::Mode::asserted;
      s.features = events::check_features(sentence, e, found);
    }
  }, 16);
  return out;
}

int run_train_events(const TrainEventsArgs& args) {
  std::vector<events::LabelledSentence> labelled;
  std::vector<std::string> problems;
  for (const auto& path : args.data) {
    auto read = events::read_labelled_csv(path, problems);
    if (!read) {
      std::cerr << "masar train events: " << read.error().message << "\n";
      return kExitInputError;
    }
    for (auto& s : read.value()) labelled.push_back(std::move(s));
  }
  for (const auto& p : problems) std::cerr << p << "\n";
  // "ambiguous" rows only train: a file of nothing else has nothing to measure.
  if (std::none_of(labelled.begin(), labelled.end(), [](const auto& s) { return s.scored; })) {
    std::cerr << "masar train events: no labelled sentences (\"ambiguous\" rows are not enough)\n";
    return kExitFailure;
  }
  std::optional<entities::NerModel> ner;
  if (!load_sentence_tagger("train events", args.no_entities, ner)) return kExitInternal;
  const auto sentences = prepare(labelled, ner ? &*ner : nullptr, args.threads);
  const events::TrainedCheck trained = events::train_check(sentences, args.training);
  std::map<std::string, std::set<std::string>> predicted;
  for (const auto& r : trained.reports) {
    const double p = r.true_positives + r.false_positives == 0 ? 0.0
                     : static_cast<double>(r.true_positives) / static_cast<double>(r.true_positives + r.false_positives);
    const double recall = r.reports == 0 ? 0.0 : static_cast<double>(r.true_positives) / static_cast<double>(r.reports);
    const double f1 = p + recall == 0 ? 0.0 : 2 * p * recall / (p + recall);
    std::cerr << std::fixed << std::setprecision(3) << events::type_name(r.type) << ": " << r.sentences << " sentences, "
              << r.reports << " reports, " << r.candidates << " with a trigger; " << args.training.folds
              << "-fold cross-validation P " << p << " R " << recall << " F1 " << f1 << " (tp " << r.true_positives
              << " fp " << r.false_positives << " fn " << r.false_negatives << "); model: threshold " << std::setprecision(2)
              << r.threshold << ", rate " << std::setprecision(3) << r.rate << ", " << r.features << " weights\n";
    for (const auto& id : r.predicted_ids) predicted[id].insert(events::type_name(r.type));
  }
  if (!args.cv_out.empty()) {
    std::ofstream out(args.cv_out);
    std::set<std::string> written;  // a sentence labelled for two types is one line
    for (const auto& s : labelled) {
      if (!s.scored || !written.insert(s.id).second) continue;  // "ambiguous" ones are not scored
      std::string types;
      for (const auto& t : predicted[s.id]) types += (types.empty() ? "" : ",") + t;
      out << s.id << '\t' << types << '\n';
    }
    if (!out) {
      std::cerr << "masar train events: " << args.cv_out << ": cannot write\n";
      return kExitInputError;
    }
  }
  if (trained.check.types().empty()) {
    std::cerr << "masar train events: no type had a sentence with a trigger; no model written\n";
    return kExitFailure;
  }
  if (const auto saved = trained.check.save(args.out); !saved) {
    std::cerr << "masar train events: " << saved.error().message << "\n";
    return kExitInputError;
  }
  return kExitOk;
}

}  // namespace

void add_train_events_command(CLI::App& train, Action& action) {
  auto args = std::make_shared<TrainEventsArgs>();
  auto* cmd = train.add_subcommand("events", "Train the learned check of the event coder on labelled sentences (CSV)");
  cmd->add_option("--data", args->data, "CSV with the columns id, text, event_type, label (yes / no / easy no / difficult no / ambiguous), and optionally accept and total")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--out", args->out, "Model file to write")->required();
  cmd->add_option("--cv-out", args->cv_out, "Write the cross-validated decisions here (id<TAB>TYPE,TYPE)");
  cmd->add_option("--folds", args->training.folds, "Cross-validation folds")->check(CLI::Range(2, 50));
  cmd->add_option("--epochs", args->training.epochs, "Passes of gradient descent")->check(CLI::Range(1, 200));
  cmd->add_option("--min-count", args->training.min_count, "Sentences a feature must occur in to get a weight")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--rate", args->training.rates, "Learning rates to choose from by cross-validation (default 0.003 0.01 0.03 0.1)")
      ->check(CLI::Range(1e-5, 10.0));
  cmd->add_option("--l2", args->training.l2, "Weight decay")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--seed", args->training.seed, "Seed of the fold assignment and the shuffling");
  cmd->add_flag("!--hard-labels", args->training.soft_labels,
               "Fit 1 for a report and 0 for the rest, leaving \"ambiguous\" rows out (default: the share of annotators "
               "who accepted a sentence, from the columns accept and total)");
  cmd->add_flag("--no-entities", args->no_entities, "Do not tag entities (actors are then generic words only)");
  cmd->add_option("--threads", args->threads, "Worker threads")->check(CLI::PositiveNumber);
  cmd->callback([args, &action] { action = [args] { return run_train_events(*args); }; });
}

}  // namespace masar::cli
