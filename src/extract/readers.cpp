#include "masar/extract/readers.hpp"

#include <zstd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <simdjson.h>
#include <vector>

#include "masar/text/utf8.hpp"

namespace masar::extract {
namespace {

namespace fs = std::filesystem;

enum class Format { jsonl, jsonl_zst, text, html, unknown };

Format format_of(const fs::path& p) {
  std::string name = p.filename().string();
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto ends = [&](std::string_view s) { return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0; };
  if (ends(".jsonl.zst") || ends(".json.zst") || ends(".ndjson.zst") || ends(".zst")) return Format::jsonl_zst;
  if (ends(".jsonl") || ends(".json") || ends(".ndjson")) return Format::jsonl;
  if (ends(".txt")) return Format::text;
  if (ends(".html") || ends(".htm")) return Format::html;
  return Format::unknown;
}

std::string valid_utf8(std::string_view s) { return text::decode_utf8(s).text; }

// Parses JSON Lines one line at a time with simdjson's on-demand parser; unknown fields are
// kept verbatim in Article::extra.
class JsonLineParser {
 public:
  JsonLineParser(std::string name, const ArticleSink& sink, const ProblemSink& problems)
      : name_(std::move(name)), sink_(sink), problems_(problems) {}

  // `line` must have simdjson::SIMDJSON_PADDING readable bytes after it (see feed()).
  void parse(const char* data, std::size_t length, std::size_t capacity) {
    ++line_no_;
    std::string_view line(data, length);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) return;  // blank line
    Article a;
    std::string reason;
    if (!parse_article(line, capacity, a, reason)) {
      problems_(make_error(Errc::parse_error, name_ + ":" + std::to_string(line_no_) + ": " + reason));
      return;
    }
    a.origin = name_ + ":" + std::to_string(line_no_);
    sink_(std::move(a));
  }

  // Splits a buffer into lines; the incomplete last line stays in `pending`.
  void feed(std::string& pending, bool final) {
    std::size_t start = 0;
    for (;;) {
      const std::size_t nl = pending.find('\n', start);
      if (nl == std::string::npos) break;
      parse_padded(pending.data() + start, nl - start);
      start = nl + 1;
    }
    pending.erase(0, start);
    if (final && !pending.empty()) {
      parse_padded(pending.data(), pending.size());
      pending.clear();
    }
  }

 private:
  void parse_padded(const char* data, std::size_t length) {
    scratch_.assign(data, length);
    scratch_.append(simdjson::SIMDJSON_PADDING, ' ');
    parse(scratch_.data(), length, scratch_.size());
  }

  bool parse_article(std::string_view line, std::size_t capacity, Article& a, std::string& reason) {
    using namespace simdjson;
    ondemand::document doc;
    if (auto err = parser_.iterate(line.data(), line.size(), capacity).get(doc)) {
      reason = std::string("invalid JSON (") + error_message(err) + ")";
      return false;
    }
    ondemand::object obj;
    if (doc.get_object().get(obj) != SUCCESS) {
      reason = "not a JSON object";
      return false;
    }
    bool has_id = false, body_seen = false;
    try {
      for (auto field : obj) {
        std::string_view key = field.unescaped_key().value();
        ondemand::value v = field.value().value();
        const ondemand::json_type type = v.type().value();
        std::string* target = key == "id" ? &a.id : key == "title" ? &a.title : key == "text" ? &a.text
                            : key == "html" ? &a.html : key == "date" ? &a.date : key == "source" ? &a.source
                            : key == "url" ? &a.url : key == "lang" ? &a.lang : key == "category" ? &a.category : nullptr;
        if (target && type == ondemand::json_type::string) {
          *target = valid_utf8(v.get_string().value());
          has_id = has_id || key == "id";
          body_seen = body_seen || key == "text" || key == "html";
        } else if (target && key == "id" && type == ondemand::json_type::number) {
          *target = std::string(v.raw_json_token());
          while (!target->empty() && target->back() == ' ') target->pop_back();
          has_id = true;
        } else if (target && type == ondemand::json_type::null) {
          // null is "unknown"
        } else {
          std::string_view raw = type == ondemand::json_type::object ? v.get_object().value().raw_json().value()
                                 : type == ondemand::json_type::array ? v.get_array().value().raw_json().value()
                                                                      : v.raw_json_token();
          auto parsed = nlohmann::json::parse(valid_utf8(raw), nullptr, false);
          if (!parsed.is_discarded()) a.extra[std::string(key)] = std::move(parsed);
        }
      }
    } catch (const simdjson_error& e) {
      reason = std::string("invalid JSON (") + e.what() + ")";
      return false;
    }
    if (!has_id || a.id.empty()) {
      reason = "no \"id\" field";
      return false;
    }
    if (a.text.empty() && a.html.empty()) {
      reason = body_seen ? "article " + a.id + " has an empty body (\"text\" or \"html\" holds nothing)"
                         : "article " + a.id + " has neither \"text\" nor \"html\"";
      return false;
    }
    return true;
  }

  std::string name_;
  const ArticleSink& sink_;
  const ProblemSink& problems_;
  simdjson::ondemand::parser parser_;
  std::string scratch_;
  std::size_t line_no_ = 0;
};

constexpr std::size_t kChunk = 1 << 20;

Status read_jsonl_file(const fs::path& path, const ArticleSink& sink, const ProblemSink& problems) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return make_error(Errc::io_error, path.string() + ": cannot open");
  JsonLineParser parser(path.string(), sink, problems);
  std::string pending;
  std::vector<char> buf(kChunk);
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), f.get())) > 0) {
    pending.append(buf.data(), n);
    parser.feed(pending, false);
  }
  if (std::ferror(f.get())) return make_error(Errc::io_error, path.string() + ": read error");
  parser.feed(pending, true);
  return Ok{};
}

// zstd streaming: never holds more than a chunk of decompressed text plus one line.
Status read_jsonl_zst_file(const fs::path& path, const ArticleSink& sink, const ProblemSink& problems) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return make_error(Errc::io_error, path.string() + ": cannot open");
  std::unique_ptr<ZSTD_DCtx, std::size_t (*)(ZSTD_DCtx*)> dctx(ZSTD_createDCtx(), &ZSTD_freeDCtx);
  JsonLineParser parser(path.string(), sink, problems);
  std::vector<char> in_buf(ZSTD_DStreamInSize()), out_buf(std::max<std::size_t>(ZSTD_DStreamOutSize(), kChunk));
  std::string pending;
  std::size_t n, last_ret = 0;
  while ((n = std::fread(in_buf.data(), 1, in_buf.size(), f.get())) > 0) {
    ZSTD_inBuffer input{in_buf.data(), n, 0};
    while (input.pos < input.size) {
      ZSTD_outBuffer output{out_buf.data(), out_buf.size(), 0};
      last_ret = ZSTD_decompressStream(dctx.get(), &output, &input);
      if (ZSTD_isError(last_ret)) {
        parser.feed(pending, true);
        problems(make_error(Errc::parse_error, path.string() + ": corrupt zstd data (" + ZSTD_getErrorName(last_ret) + ")"));
        return Ok{};
      }
      pending.append(out_buf.data(), output.pos);
    }
    parser.feed(pending, false);
  }
  parser.feed(pending, true);
  if (last_ret != 0) problems(make_error(Errc::parse_error, path.string() + ": truncated zstd stream"));
  return Ok{};
}

Result<std::string> slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Errc::io_error, path.string() + ": cannot open");
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return make_error(Errc::io_error, path.string() + ": read error");
  return data;
}

std::string stem_of(const fs::path& p) {
  std::string name = p.filename().string();
  const std::size_t dot = name.find('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

Status read_document_file(const fs::path& path, Format format, const ArticleSink& sink) {
  auto data = slurp(path);
  if (!data) return data.error();
  Article a;
  a.id = stem_of(path);
  a.origin = path.string();
  std::string decoded = valid_utf8(data.value());
  if (format == Format::html) {
    a.html = std::move(decoded);
  } else {
    decoded.erase(std::remove(decoded.begin(), decoded.end(), '\r'), decoded.end());
    a.text = std::move(decoded);
  }
  sink(std::move(a));
  return Ok{};
}

Status read_file(const fs::path& path, Format format, const ArticleSink& sink, const ProblemSink& problems) {
  switch (format) {
    case Format::jsonl: return read_jsonl_file(path, sink, problems);
    case Format::jsonl_zst: return read_jsonl_zst_file(path, sink, problems);
    case Format::text:
    case Format::html: return read_document_file(path, format, sink);
    case Format::unknown: break;
  }
  return make_error(Errc::unsupported, path.string() + ": unsupported file type (expected .jsonl, .jsonl.zst, .txt, .html)");
}

}  // namespace

Status read_path(const fs::path& path, const ArticleSink& sink, const ProblemSink& problems) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return make_error(Errc::not_found, path.string() + ": no such file or directory");
  if (!fs::is_directory(status)) return read_file(path, format_of(path), sink, problems);
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file(ec) && format_of(it->path()) != Format::unknown) files.push_back(it->path());
  }
  if (ec) problems(make_error(Errc::io_error, path.string() + ": " + ec.message()));
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    if (Status s = read_file(f, format_of(f), sink, problems); !s) problems(s.error());
  }
  return Ok{};
}

Status read_jsonl_stream(std::istream& in, std::string_view name, const ArticleSink& sink, const ProblemSink& problems) {
  JsonLineParser parser(std::string(name), sink, problems);
  std::string pending;
  std::vector<char> buf(kChunk);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    pending.append(buf.data(), n);
    parser.feed(pending, false);
  }
  if (in.bad()) return make_error(Errc::io_error, std::string(name) + ": read error");
  parser.feed(pending, true);
  return Ok{};
}

}  // namespace masar::extract
