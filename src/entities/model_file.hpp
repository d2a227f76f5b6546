// The container of the entity stage's model files (the NER weights, the word clusters): a
// zstd frame around the format's own bytes, read and written whole.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "masar/error.hpp"

namespace masar::entities {

// Empty when compression failed.
std::string compress_model(std::string_view raw);
// The bytes inside the frame; nullopt when `bytes` is not one zstd frame of at most `limit` bytes.
std::optional<std::string> decompress_model(std::string_view bytes, std::size_t limit);
Result<std::string> read_model_file(const std::filesystem::path& path);
Status write_model_file(const std::filesystem::path& path, std::string_view bytes);

}  // namespace masar::entities
