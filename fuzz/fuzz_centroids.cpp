// libFuzzer harness for the stored centroids of events and stories (cluster/vector_codec.hpp):
// any bytes as a blob of schema 7 and as the JSON text of older files — a damaged or hostile
// database file is an input too. Checks: nothing crashes or throws; a blob that decodes is
// sorted by term and encodes back to a blob that decodes to the same terms and the same bits.
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "cluster/vector_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace masar::cluster;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (const auto v = decode_vector(bytes)) {
    if (!std::is_sorted(v->begin(), v->end(), [](const auto& a, const auto& b) { return a.first < b.first; })) std::abort();
    const auto again = decode_vector(encode_vector(*v));
    if (!again || again->size() != v->size()) std::abort();
    for (std::size_t i = 0; i < v->size(); ++i) {
      if ((*again)[i].first != (*v)[i].first) std::abort();
      if (std::bit_cast<std::uint64_t>((*again)[i].second) != std::bit_cast<std::uint64_t>((*v)[i].second)) std::abort();
    }
  }
  const SparseVector json = decode_vector_json(bytes);
  if (!std::is_sorted(json.begin(), json.end(), [](const auto& a, const auto& b) { return a.first < b.first; })) std::abort();
  return 0;
}
