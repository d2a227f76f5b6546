// masar ner --conll [--model FILE] < IN > OUT: tags one token a line (CoNLL, what
// ../shared/tools/score-ner reads). masar train ner --conll FILE --out MODEL: trains a model.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "cli/commands.hpp"
#include "masar/entities/ner.hpp"
#include "masar/entities/word_clusters.hpp"
#include "masar/extract/readers.hpp"
#include "masar/util/parallel.hpp"
#include "masar/text/utf8.hpp"

namespace masar::cli {
namespace {

std::string read_stream(std::istream& in) {
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct NerArgs {
  bool conll = false;
  std::string model;
};

int run_ner(const NerArgs& args) {
  auto model = args.model.empty() ? entities::NerModel::builtin() : entities::NerModel::load(args.model);
  if (!model) {
    std::cerr << "masar ner: " << model.error().message << "\n";
    return kExitFailure;
  }
  const auto input = text::decode_utf8(read_stream(std::cin));
  if (input.invalid_sequences > 0) {
    std::cerr << "masar ner: stdin: " << input.invalid_sequences << " invalid UTF-8 sequences replaced by U+FFFD\n";
  }
  const auto sentences = entities::read_conll(input.text, false, "stdin");
  std::ostringstream out;
  for (const auto& s : sentences) {
    const auto tags = model->tag(s.words);
    for (std::size_t i = 0; i < s.words.size(); ++i) out << s.words[i] << ' ' << entities::tag_name(tags[i]) << '\n';
    out << '\n';
  }
  std::cout << out.str();
  return kExitOk;
}

struct TrainArgs {
  std::string conll, out, dev;
  int epochs = 12;
  bool quiet = false;
};

Result<std::vector<entities::TaggedSentence>> read_tagged(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Errc::io_error, path + ": cannot open");
  return entities::read_conll(text::decode_utf8(read_stream(in)).text, true, path, [](const std::string& p) { std::cerr << "masar train ner: " << p << "\n"; });
}

// Token accuracy of a model on tagged sentences (the entity-level F1 is score-ner's job).
double token_accuracy(const entities::NerModel& model, const std::vector<entities::TaggedSentence>& sentences) {
  std::size_t right = 0, total = 0;
  for (const auto& s : sentences) {
    const auto tags = model.tag(s.words);
    for (std::size_t i = 0; i < tags.size(); ++i) right += tags[i] == s.tags[i];
    total += tags.size();
  }
  return total ? static_cast<double>(right) / static_cast<double>(total) : 0.0;
}

int run_train(const TrainArgs& args) {
  auto train = read_tagged(args.conll);
  if (!train) {
    std::cerr << "masar train ner: " << train.error().message << "\n";
    return kExitInputError;
  }
  const auto started = std::chrono::steady_clock::now();
  entities::NerTrainOptions options;
  options.epochs = args.epochs;
  const auto model = entities::NerModel::train(train.value(), options, [&](int epoch, double accuracy) {
    if (!args.quiet) std::cerr << "masar train ner: epoch " << epoch << ", training token accuracy " << accuracy << "\n";
  });
  if (Status s = model.save(args.out); !s) {
    std::cerr << "masar train ner: " << s.error().message << "\n";
    return kExitFailure;
  }
  std::cerr << "masar train ner: " << train->size() << " sentences, " << model.nonzero_weights() << " weights, "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s -> " << args.out
            << "\n";
  if (!args.dev.empty()) {
    auto dev = read_tagged(args.dev);
    if (!dev) {
      std::cerr << "masar train ner: " << dev.error().message << "\n";
      return kExitInputError;
    }
    std::cerr << "masar train ner: dev token accuracy " << token_accuracy(model, dev.value()) << "\n";
  }
  return kExitOk;
}

struct ClusterArgs {
  std::vector<std::string> paths;
  std::string out;
  entities::WordClusterOptions options;
  bool quiet = false;
};

int run_train_clusters(ClusterArgs& args) {
  entities::WordClusters::Builder builder;
  std::size_t articles = 0, problems = 0;
  const auto sink = [&](extract::Article&& a) {
    builder.add_text(a.title);
    builder.add_text(a.text);
    ++articles;
  };
  const auto report = [&](const Error& e) {
    ++problems;
    std::cerr << "masar train clusters: " << e.message << "\n";
  };
  for (const auto& path : args.paths) {
    if (Status s = extract::read_path(path, sink, report); !s) {
      std::cerr << "masar train clusters: " << s.error().message << "\n";
      return kExitInputError;
    }
  }
  if (articles == 0) {
    std::cerr << "masar train clusters: no article could be read\n";
    return kExitInputError;
  }
  args.options.threads = util::default_threads();
  const auto clusters = builder.build(args.options, [&](int iteration, std::size_t changed) {
    if (!args.quiet) std::cerr << "masar train clusters: iteration " << iteration << ", " << changed << " words moved\n";
  });
  if (Status s = clusters.save(args.out); !s) {
    std::cerr << "masar train clusters: " << s.error().message << "\n";
    return kExitFailure;
  }
  std::cerr << "masar train clusters: " << articles << " articles, " << builder.tokens() << " tokens, " << clusters.size()
            << " words clustered -> " << args.out << "\n";
  return kExitOk;
}

}  // namespace

void add_ner_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<NerArgs>();
  auto* cmd = app.add_subcommand("ner", "Named entities (PER, LOC, ORG, MISC) of tokens read from stdin");
  cmd->add_flag("--conll", args->conll, "One token a line in, `token TAG` a line out (sentences between blank lines)")
      ->required();
  cmd->add_option("--model", args->model, "A model file from `masar train ner` (default: the built-in model)");
  cmd->callback([args, &action] { action = [args] { return run_ner(*args); }; });
}

void add_train_command(CLI::App& app, Action& action) {
  auto* train = app.add_subcommand("train", "Train a model");
  train->require_subcommand(1);
  auto args = std::make_shared<TrainArgs>();
  auto* ner = train->add_subcommand("ner", "Train the named-entity tagger on CoNLL data (token TAG a line, BIO tags)");
  ner->add_option("--conll", args->conll, "Training data")->required()->check(CLI::ExistingFile);
  ner->add_option("--out", args->out, "Model file to write")->required();
  ner->add_option("--dev", args->dev, "Tagged data to report token accuracy on")->check(CLI::ExistingFile);
  ner->add_option("--epochs", args->epochs, "Passes over the training data")->check(CLI::Range(1, 100));
  ner->add_flag("-q,--quiet", args->quiet, "No progress on stderr");
  ner->callback([args, &action] { action = [args] { return run_train(*args); }; });

  auto cargs = std::make_shared<ClusterArgs>();
  auto* clusters = train->add_subcommand("clusters", "Cluster the words of unlabeled articles (features of the NER tagger)");
  clusters->add_option("paths", cargs->paths, "Files or folders of articles (.jsonl, .jsonl.zst, .txt)")->required();
  clusters->add_option("--out", cargs->out, "Cluster file to write")->required();
  clusters->add_option("--clusters", cargs->options.clusters, "Number of clusters")->check(CLI::Range(2, 4096));
  clusters->add_option("--min-count", cargs->options.min_count, "Rarer words get no cluster");
  clusters->add_option("--max-words", cargs->options.max_words, "The most frequent words clustered");
  clusters->add_flag("-q,--quiet", cargs->quiet, "No progress on stderr");
  clusters->callback([cargs, &action] { action = [cargs] { return run_train_clusters(*cargs); }; });
  add_train_events_command(*train, action);
}

}  // namespace masar::cli
