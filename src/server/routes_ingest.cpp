// POST /api/articles: JSON Lines in, one ndjson result per line out. The lines go through the
// same reader, cleaning, dedup and upsert as `masar ingest` (store/ingest.hpp), then events,
// stories and entities are updated as after `masar ingest` (pipeline/after_ingest.hpp).
#include <charconv>
#include <iostream>
#include <map>
#include <sstream>

#include "masar/extract/readers.hpp"
#include "masar/pipeline/after_ingest.hpp"
#include "masar/util/parallel.hpp"
#include "server/context.hpp"

namespace masar::server {
namespace {

constexpr std::string_view kOrigin = "line";  // the reader names lines "line:N"

// The line number the reader put in an origin or a problem ("line:N..."), 0 when absent.
std::size_t line_of(std::string_view text) {
  if (text.substr(0, kOrigin.size() + 1) != std::string(kOrigin) + ":") return 0;
  text.remove_prefix(kOrigin.size() + 1);
  std::size_t n = 0;
  std::from_chars(text.data(), text.data() + text.size(), n);
  return n;
}

bool accepted_media_type(const httplib::Request& request) {
  if (!request.has_header("Content-Type")) return true;
  std::string type = request.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (const char* ok : {"application/x-ndjson", "application/jsonl", "application/json-lines", "application/json",
                         "text/plain", ""}) {
    if (type == ok) return true;
  }
  return false;
}

struct LineResult {
  std::string id;
  std::string result;  // inserted, updated, unchanged, duplicate, error
  std::optional<ApiError> error;
};

// The tagger, loaded once; nullptr when this build has none.
const entities::NerModel* model_of(Writer& writer) {
  if (!writer.model && !writer.model_missing) {
    auto model = entities::NerModel::builtin();
    if (model) writer.model.emplace(std::move(model.value()));
    else writer.model_missing = true;
  }
  return writer.model ? &*writer.model : nullptr;
}

}  // namespace

Reply post_articles(Context& ctx, const Call& call) {
  if (!accepted_media_type(call.request)) {
    return error_reply(api_error(make_error(Errc::unsupported, "the body is JSON Lines (application/x-ndjson), not " +
                                                                   call.request.get_header_value("Content-Type"))));
  }
  // One writer: a second bulk ingest is told to come back rather than holding a worker thread.
  std::unique_lock lock(ctx.writer.mutex, std::try_to_lock);
  if (!lock.owns_lock()) {
    Reply r = error_reply({429, "too_many_requests", "another bulk ingest is running; retry later"});
    r.retry_after = "1";
    return r;
  }
  std::map<std::size_t, LineResult> lines;  // by line number, in order
  std::vector<extract::Article> articles;
  std::istringstream body(call.request.body);
  const auto read = extract::read_jsonl_stream(
      body, kOrigin,
      [&](extract::Article&& a) {
        lines[line_of(a.origin)].id = a.id;
        articles.push_back(std::move(a));
      },
      [&](const Error& problem) {
        auto& line = lines[line_of(problem.message)];
        line.result = "error";
        line.error = api_error(problem);
      });
  if (!read) return error_reply(api_error(read.error()));

  auto& writer = ctx.writer;
  if (!articles.empty()) {
    if (!writer.ingester) {
      store::IngestOptions options;
      options.threads = util::default_threads();
      auto ingester = store::Ingester::create(*writer.store, options);
      if (!ingester) return error_reply(api_error(ingester.error()));
      writer.ingester = std::make_unique<store::Ingester>(std::move(ingester.value()));
    }
    std::vector<std::size_t> line_numbers;
    for (const auto& a : articles) line_numbers.push_back(line_of(a.origin));
    std::vector<store::IngestResult> results;
    auto summary = writer.ingester->ingest(std::move(articles), {}, &results);
    if (!summary) return error_reply(api_error(summary.error()));
    std::int64_t stored = 0;
    for (std::size_t i = 0; i < results.size() && i < line_numbers.size(); ++i) {
      auto& line = lines[line_numbers[i]];
      const auto& r = results[i];
      if (r.status == "skipped") {
        line.result = "error";
        line.error = bad_request(r.error.empty() ? "the article could not be stored" : r.error);
        continue;
      }
      ++stored;
      line.result = !r.duplicate_of.empty() && r.status != "unchanged" ? "duplicate" : r.status;
    }
    ctx.metrics.add_ingested(stored);
    if (stored > 0) {
      pipeline::AfterIngestOptions after;
      after.threads = util::default_threads();
      after.model = model_of(writer);
      after.entities = after.model != nullptr;
      // The articles are stored whatever happens here; the next ingest tracks what is left.
      if (auto updated = pipeline::after_ingest(*writer.store, after); !updated) {
        std::cerr << "masar serve: " << updated.error().message << "\n";
      }
    }
  }
  std::string out;
  for (const auto& [number, line] : lines) {
    Json j = {{"line", number}, {"id", line.id}, {"result", line.result}};
    if (line.error) j["error"] = {{"code", line.error->code}, {"message", line.error->message}};
    out += dump_json(j);
    out += '\n';
  }
  Reply r;
  r.content_type = "application/x-ndjson";
  r.body = std::move(out);
  return r;
}

}  // namespace masar::server
