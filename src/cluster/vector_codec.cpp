#include "cluster/vector_codec.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <nlohmann/json.hpp>

namespace masar::cluster {
namespace {

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

bool get_varint(std::string_view& in, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in.empty()) return false;
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

// By term, then by the weight's bits: one order even for a term named twice (a damaged file).
void sort_by_term(SparseVector& v) {
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return std::bit_cast<std::uint64_t>(a.second) < std::bit_cast<std::uint64_t>(b.second);
  });
}

}  // namespace

std::string encode_vector(const SparseVector& v) {
  std::string out;
  std::size_t bytes = 0;
  for (const auto& [term, w] : v) bytes += term.size() + 10;
  out.reserve(bytes);
  for (const auto& [term, w] : v) {
    put_varint(out, term.size());
    out.append(term);
    auto bits = std::bit_cast<std::uint64_t>(w);
    for (int i = 0; i < 8; ++i, bits >>= 8) out.push_back(static_cast<char>(bits & 0xFF));
  }
  return out;
}

std::optional<SparseVector> decode_vector(std::string_view blob) {
  SparseVector v;
  while (!blob.empty()) {
    std::uint64_t length = 0;
    if (!get_varint(blob, length) || length > blob.size() || blob.size() - length < 8) return std::nullopt;
    std::string term(blob.substr(0, length));
    blob.remove_prefix(length);
    std::uint64_t bits = 0;
    for (int i = 7; i >= 0; --i) bits = (bits << 8) | static_cast<unsigned char>(blob[static_cast<std::size_t>(i)]);
    blob.remove_prefix(8);
    v.emplace_back(std::move(term), std::bit_cast<double>(bits));
  }
  sort_by_term(v);
  return v;
}

SparseVector decode_vector_json(std::string_view text) {
  SparseVector v;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return v;
  for (const auto& p : j) {
    if (p.is_array() && p.size() == 2 && p[0].is_string() && p[1].is_number()) v.emplace_back(p[0].get<std::string>(), p[1].get<double>());
  }
  sort_by_term(v);
  return v;
}

}  // namespace masar::cluster
