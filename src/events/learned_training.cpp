// Training of the learned check: labelled sentences from CSV, logistic regression by stochastic
// gradient descent, and nested cross-validation that reports what a new sentence would get.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <charconv>
#include <fstream>
#include <numeric>
#include <optional>
#include <random>
#include <unordered_map>

#include "masar/events/learned.hpp"

namespace masar::events {
namespace {

// ---- CSV (RFC 4180: quoted fields may hold commas, quotes doubled, and line breaks) ----

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;
};

// The next record of `in`; false at the end. `line` counts physical lines read so far.
bool next_record(std::istream& in, std::size_t& line, CsvRecord& record, bool& unterminated) {
  record.fields.assign(1, "");
  record.line = line + 1;
  unterminated = false;
  bool quoted = false, any = false;
  char c = 0;
  while (in.get(c)) {
    any = true;
    if (quoted) {
      if (c == '"') {
        if (in.peek() == '"') {
          in.get(c);
          record.fields.back() += '"';
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        record.fields.back() += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.fields.emplace_back();
    } else if (c == '\n') {
      ++line;
      if (!record.fields.back().empty() && record.fields.back().back() == '\r') record.fields.back().pop_back();
      return true;
    } else {
      record.fields.back() += c;
    }
  }
  unterminated = quoted;
  if (any) ++line;
  return any;
}

// A vote count: digits only, else nothing.
std::optional<int> count_of(const std::string& field) {
  int n = 0;
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), n);
  if (error != std::errc{} || end != field.data() + field.size() || n < 0) return std::nullopt;
  return n;
}


// ---- logistic regression ----

struct Sample {
  std::vector<std::uint32_t> features;
  double target = 0;
};

std::vector<double> fit(const std::vector<const Sample*>& samples, std::size_t dimensions, const CheckTraining& options,
                        double rate) {
  std::vector<double> w(dimensions, 0.0);
  std::vector<const Sample*> order = samples;
  std::mt19937 rng(options.seed);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (const Sample* s : order) {
      double z = 0;
      for (auto f : s->features) z += w[f];
      const double p = 1.0 / (1.0 + std::exp(-std::clamp(z, -30.0, 30.0)));
      const double gradient = p - s->target;
      for (auto f : s->features) w[f] -= rate * (gradient + options.l2 * w[f]);
    }
  }
  return w;
}

double probability(const std::vector<double>& w, const Sample& s) {
  double z = 0;
  for (auto f : s.features) z += w[f];
  return 1.0 / (1.0 + std::exp(-std::clamp(z, -30.0, 30.0)));
}

// One labelled sentence of a type as the trainer sees it: the sentence (its label, whether the
// rules' candidate is asserted) and a sample when the rules found a candidate.
struct Case {
  const TrainingSentence* sentence = nullptr;
  std::optional<Sample> sample;
};

// The fold of each document of `subset`'s cases, documents dealt round the folds in a shuffled
// order: the sentences of one article always fall together.
std::unordered_map<std::string, int> assign_folds(const std::vector<Case>& cases, const std::vector<std::size_t>& subset, int folds,
                                                  unsigned seed) {
  std::vector<std::string> documents;
  for (auto i : subset) documents.push_back(document_of(cases[i].sentence->id));
  std::sort(documents.begin(), documents.end());
  documents.erase(std::unique(documents.begin(), documents.end()), documents.end());
  std::shuffle(documents.begin(), documents.end(), std::mt19937(seed));
  std::unordered_map<std::string, int> fold_of;
  for (std::size_t k = 0; k < documents.size(); ++k) fold_of[documents[k]] = static_cast<int>(k % static_cast<std::size_t>(folds));
  return fold_of;
}

// Out-of-fold probabilities of `cases` (indexes into all cases), folds by document. Cases
// without a sample get 0.
std::vector<double> out_of_fold(const std::vector<Case>& cases, const std::vector<std::size_t>& subset, std::size_t dimensions,
                                const CheckTraining& options, double rate, int folds) {
  auto fold_of = assign_folds(cases, subset, folds, options.seed);
  std::vector<double> out(subset.size(), 0.0);
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<const Sample*> train;
    for (auto i : subset) {
      if (cases[i].sample && fold_of[document_of(cases[i].sentence->id)] != fold) train.push_back(&*cases[i].sample);
    }
    const std::vector<double> w = fit(train, dimensions, options, rate);
    for (std::size_t k = 0; k < subset.size(); ++k) {
      const Case& c = cases[subset[k]];
      if (c.sample && fold_of[document_of(c.sentence->id)] == fold) out[k] = probability(w, *c.sample);
    }
  }
  return out;
}

bool predicted(const Case& c, double p, double threshold) { return c.sample && c.sentence->asserted && p >= threshold; }

struct Choice {
  double rate = 0.1, threshold = 0.5, f1 = -1;
};

// The threshold with the best F1 of `probabilities` (one per case of `subset`); the lowest of
// equals.
Choice best_threshold(const std::vector<Case>& cases, const std::vector<std::size_t>& subset,
                      const std::vector<double>& probabilities) {
  Choice best;
  for (int step = 2; step <= 90; ++step) {
    const double threshold = step / 100.0;
    std::size_t tp = 0, fp = 0, fn = 0;
    for (std::size_t k = 0; k < subset.size(); ++k) {
      const Case& c = cases[subset[k]];
      if (!c.sentence->scored) continue;
      const bool yes = predicted(c, probabilities[k], threshold);
      tp += yes && c.sentence->reports;
      fp += yes && !c.sentence->reports;
      fn += !yes && c.sentence->reports;
    }
    const double f1 = tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
    if (f1 > best.f1) best.f1 = f1, best.threshold = threshold;
  }
  return best;
}

// The learning rate and threshold with the best out-of-fold F1 on `subset`: how far to fit
// depends on how many sentences there are (97 reports of one type against 335 of another).
Choice choose(const std::vector<Case>& cases, const std::vector<std::size_t>& subset, std::size_t dimensions,
              const CheckTraining& options, int folds) {
  Choice best;
  for (const double rate : options.rates) {
    Choice c = best_threshold(cases, subset, out_of_fold(cases, subset, dimensions, options, rate, folds));
    c.rate = rate;
    if (c.f1 > best.f1) best = c;
  }
  return best;
}

// An "ambiguous" sentence trains only on its votes: without them it says neither yes nor no.
bool trained_on(const TrainingSentence& s, const CheckTraining& options) {
  return s.scored || (options.soft_labels && s.annotators > 0);
}

// What the regression fits: 1 for a report; for the rest 0, or with soft labels the share of
// annotators who accepted it (a "difficult no" two of four accepted is 0.5).
double target_of(const TrainingSentence& s, const CheckTraining& options) {
  if (s.reports) return 1.0;
  if (!options.soft_labels || s.annotators <= 0) return 0.0;
  return static_cast<double>(s.accepts) / static_cast<double>(s.annotators);
}

TypeReport train_type(EventType type, const std::vector<TrainingSentence>& sentences, const CheckTraining& options,
                      LearnedCheck& check) {
  // Feature names to dense indexes, for this type's samples.
  // Features of fewer than `min_count` sentences are left out: a weight learned from one
  // sentence says more about that sentence than about the type.
  std::unordered_map<std::string, std::size_t> count;
  for (const auto& s : sentences) {
    if (s.type != type || !s.candidate || !trained_on(s, options)) continue;
    for (const auto& f : s.features) ++count[f];
  }
  std::unordered_map<std::string, std::uint32_t> index;
  std::vector<std::string> names;
  std::vector<Case> cases;
  for (const auto& s : sentences) {
    if (s.type != type || !trained_on(s, options)) continue;
    Case c;
    c.sentence = &s;
    if (s.candidate) {
      Sample sample;
      sample.target = target_of(s, options);
      for (const auto& f : s.features) {
        if (count[f] < options.min_count) continue;
        const auto [it, added] = index.emplace(f, static_cast<std::uint32_t>(names.size()));
        if (added) names.push_back(f);
        sample.features.push_back(it->second);
      }
      c.sample = std::move(sample);
    }
    cases.push_back(std::move(c));
  }
  TypeReport report;
  report.type = type;
  for (const auto& c : cases) {
    if (!c.sentence->scored) continue;
    ++report.sentences;
    report.reports += c.sentence->reports;
    report.candidates += c.sample.has_value();
  }
  std::vector<std::size_t> all(cases.size());
  std::iota(all.begin(), all.end(), 0);
  const int folds = std::max(2, options.folds);
  // Nested: each outer fold's threshold is chosen by an inner cross-validation of its training
  // part, so the held-out sentences decide nothing.
  auto fold_of = assign_folds(cases, all, folds, options.seed + 1);
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<std::size_t> train, held;
    for (std::size_t i = 0; i < cases.size(); ++i) (fold_of[document_of(cases[i].sentence->id)] == fold ? held : train).push_back(i);
    const Choice choice = choose(cases, train, names.size(), options, std::min(folds, 5));
    std::vector<const Sample*> samples;
    for (auto i : train) {
      if (cases[i].sample) samples.push_back(&*cases[i].sample);
    }
    const std::vector<double> w = fit(samples, names.size(), options, choice.rate);
    for (auto i : held) {
      const Case& c = cases[i];
      if (!c.sentence->scored) continue;
      const bool yes = c.sample && predicted(c, probability(w, *c.sample), choice.threshold);
      report.true_positives += yes && c.sentence->reports;
      report.false_positives += yes && !c.sentence->reports;
      report.false_negatives += !yes && c.sentence->reports;
      if (yes) report.predicted_ids.push_back(c.sentence->id);
    }
  }
  // The model itself: every sentence, its threshold from their out-of-fold probabilities.
  const Choice choice = choose(cases, all, names.size(), options, folds);
  report.threshold = choice.threshold;
  report.rate = choice.rate;
  std::vector<const Sample*> samples;
  for (const auto& c : cases) {
    if (c.sample) samples.push_back(&*c.sample);
  }
  const std::vector<double> w = fit(samples, names.size(), options, choice.rate);
  LearnedCheck::TypeWeights tw;
  tw.threshold = report.threshold;
  for (std::size_t f = 0; f < names.size(); ++f) {
    if (std::abs(w[f]) >= 1e-4) tw.weights.emplace(names[f], static_cast<float>(w[f]));
  }
  report.features = tw.weights.size();
  if (!tw.weights.empty() && choice.f1 > 0) check.set(type, std::move(tw));  // F1 0 everywhere: no threshold means anything
  return report;
}

}  // namespace

Result<std::vector<LabelledSentence>> read_labelled_csv(const std::filesystem::path& path, std::vector<std::string>& problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Errc::io_error, path.string() + ": cannot open");
  return read_labelled_csv(in, path.string(), problems);
}

Result<std::vector<LabelledSentence>> read_labelled_csv(std::istream& in, const std::string& origin,
                                                        std::vector<std::string>& problems) {
  std::size_t line = 0;
  CsvRecord record;
  bool unterminated = false;
  if (!next_record(in, line, record, unterminated)) return make_error(Errc::parse_error, origin + ": empty file");
  const auto column = [&](std::string_view name) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      if (record.fields[i] == name) return i;
    }
    return std::nullopt;
  };
  const auto id = column("id"), text = column("text"), type = column("event_type"), label = column("label");
  if (!id || !text || !type || !label) {
    return make_error(Errc::parse_error, origin + ":1: the header must name the columns id, text, event_type and label");
  }
  const auto accepts = column("accept"), annotators = column("total");
  const std::size_t needed = std::max({*id, *text, *type, *label}) + 1;
  std::vector<LabelledSentence> out;
  while (next_record(in, line, record, unterminated)) {
    const std::string where = origin + ":" + std::to_string(record.line) + ": ";
    if (unterminated) {
      problems.push_back(where + "a quoted field is never closed, skipped");
      break;
    }
    if (record.fields.size() == 1 && record.fields[0].empty()) continue;
    if (record.fields.size() < needed) {
      problems.push_back(where + "expected " + std::to_string(needed) + " fields, skipped");
      continue;
    }
    LabelledSentence s;
    s.id = record.fields[*id];
    s.sentence = record.fields[*text];
    s.line = record.line;
    const std::string& l = record.fields[*label];
    if (accepts && annotators && *accepts < record.fields.size() && *annotators < record.fields.size()) {
      const auto yes = count_of(record.fields[*accepts]), all = count_of(record.fields[*annotators]);
      if (yes && all && *all > 0 && *yes <= *all) s.accepts = *yes, s.annotators = *all;  // else: not said
    }
    if (l == "ambiguous") {
      s.scored = false;
    } else if (l == "yes") {
      s.reports = true;
    } else if (l != "no" && l != "easy no" && l != "difficult no" && l != "hard no") {
      problems.push_back(where + "unknown label \"" + l + "\", skipped");
      continue;
    }
    if (!parse_type(record.fields[*type], s.type)) {
      problems.push_back(where + "unknown event type \"" + record.fields[*type] + "\", skipped");
      continue;
    }
    if (s.id.empty() || s.sentence.empty()) {
      problems.push_back(where + "empty id or text, skipped");
      continue;
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::string document_of(const std::string& id) {
  std::size_t digits = id.size();
  while (digits > 0 && id[digits - 1] >= '0' && id[digits - 1] <= '9') --digits;
  const bool numbered = digits < id.size() && digits >= 2 && (id[digits - 1] == '-' || id[digits - 1] == '_');
  return numbered ? id.substr(0, digits - 1) : id;
}

TrainedCheck train_check(const std::vector<TrainingSentence>& sentences, const CheckTraining& options) {
  std::vector<EventType> types;
  for (const auto& s : sentences) {
    // A type with no scored sentence has nothing to choose a threshold on.
    if (s.scored && std::find(types.begin(), types.end(), s.type) == types.end()) types.push_back(s.type);
  }
  std::sort(types.begin(), types.end());
  TrainedCheck out;
  for (EventType type : types) out.reports.push_back(train_type(type, sentences, options, out.check));
  return out;
}

}  // namespace masar::events
