// Readers: articles from JSON Lines (plain or zstd-compressed, streamed), plain-text and HTML
// files, and directories (recursively, in sorted path order).
#pragma once

#include <filesystem>
#include <functional>
#include <istream>
#include <string_view>

#include "masar/error.hpp"
#include "masar/extract/article.hpp"

namespace masar::extract {

using ArticleSink = std::function<void(Article&&)>;
// Problems that do not stop reading; the message reads "FILE:LINE: reason" or "FILE: reason".
using ProblemSink = std::function<void(const Error&)>;

// A file or a directory. By extension: .jsonl / .json / .ndjson (JSON Lines), .jsonl.zst / .zst
// (zstd JSON Lines), .txt (id = file name without extension), .html / .htm (Article::html).
// Inside a directory other files are skipped silently; an unknown extension named explicitly
// is a problem. Returns an error only when the path itself cannot be read at all.
Status read_path(const std::filesystem::path& path, const ArticleSink& sink, const ProblemSink& problems);

// JSON Lines from a stream (stdin); `name` is used in messages.
Status read_jsonl_stream(std::istream& in, std::string_view name, const ArticleSink& sink, const ProblemSink& problems);

}  // namespace masar::extract
