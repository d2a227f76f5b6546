#include "entities/model_file.hpp"

#include <zstd.h>

#include <fstream>
#include <sstream>

namespace masar::entities {

std::string compress_model(std::string_view raw) {
  std::string out(ZSTD_compressBound(raw.size()), '\0');
  const std::size_t n = ZSTD_compress(out.data(), out.size(), raw.data(), raw.size(), 19);
  out.resize(ZSTD_isError(n) ? 0 : n);
  return out;
}

std::optional<std::string> decompress_model(std::string_view bytes, std::size_t limit) {
  const unsigned long long size = ZSTD_getFrameContentSize(bytes.data(), bytes.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > limit) return std::nullopt;
  std::string raw(static_cast<std::size_t>(size), '\0');
  const std::size_t n = ZSTD_decompress(raw.data(), raw.size(), bytes.data(), bytes.size());
  if (ZSTD_isError(n) || n != raw.size()) return std::nullopt;
  return raw;
}

Result<std::string> read_model_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Errc::io_error, path.string() + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Status write_model_file(const std::filesystem::path& path, std::string_view bytes) {
  if (bytes.empty()) return make_error(Errc::internal, path.string() + ": nothing to write (compression failed)");
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) return make_error(Errc::io_error, path.string() + ": cannot write");
  return Ok{};
}

}  // namespace masar::entities
