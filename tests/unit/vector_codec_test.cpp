// The stored form of event and story centroids (cluster/vector_codec.hpp): exact to the bit,
// so a tracker restored from the store makes the decisions of the one that saved it.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "cluster/vector_codec.hpp"

using namespace masar::cluster;

namespace {

SparseVector sample() {
  return {{"أستانا", 0.1 + 0.2}, {"الجولة", 1.0 / 3.0}, {"x", std::numeric_limits<double>::denorm_min()},
          {std::string(200, 'a'), 1e300}, {"روسيا", 0.7071067811865476}};
}

}  // namespace

TEST(VectorCodec, RoundTripsEveryWeightToTheBit) {
  const SparseVector v = sample();
  const auto back = decode_vector(encode_vector(v));
  ASSERT_TRUE(back.has_value());
  SparseVector sorted = v;
  std::sort(sorted.begin(), sorted.end());
  ASSERT_EQ(back->size(), sorted.size());
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    EXPECT_EQ(back->at(i).first, sorted[i].first);
    EXPECT_EQ(std::bit_cast<std::uint64_t>(back->at(i).second), std::bit_cast<std::uint64_t>(sorted[i].second));
  }
}

TEST(VectorCodec, AnEmptyVectorIsAnEmptyBlob) {
  EXPECT_TRUE(encode_vector({}).empty());
  const auto back = decode_vector("");
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE(back->empty());
}

TEST(VectorCodec, ALongTermTakesAVarintOfTwoBytes) {
  const std::string blob = encode_vector({{std::string(200, 'a'), 1.0}});
  EXPECT_EQ(blob.size(), 2u + 200u + 8u);
  EXPECT_EQ(static_cast<unsigned char>(blob[0]), 0x80u | (200u & 0x7Fu));
  EXPECT_EQ(static_cast<unsigned char>(blob[1]), 200u >> 7);
}

TEST(VectorCodec, ABlobCutShortIsRefused) {
  const std::string blob = encode_vector(sample());
  for (std::size_t cut = 1; cut < blob.size(); ++cut) {
    const auto back = decode_vector(std::string_view(blob).substr(0, cut));
    // A cut between two whole entries is a shorter vector; inside an entry it is refused.
    if (back) {
      EXPECT_LT(back->size(), sample().size()) << cut;
    }
  }
  EXPECT_FALSE(decode_vector(std::string_view(blob).substr(0, blob.size() - 1)).has_value());
  EXPECT_FALSE(decode_vector("\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF").has_value());  // a varint that never ends
  EXPECT_FALSE(decode_vector("\x05" "ab").has_value());                                    // a length past the end
}

TEST(VectorCodec, TheJsonOfOlderFilesIsStillRead) {
  const SparseVector v = decode_vector_json(R"([["روسيا", 0.5], ["أستانا", 0.25], [1, 2], ["x"], "y"])");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].first, "أستانا");  // sorted by term
  EXPECT_EQ(v[0].second, 0.25);
  EXPECT_EQ(v[1].first, "روسيا");
  EXPECT_TRUE(decode_vector_json("not json").empty());
  EXPECT_TRUE(decode_vector_json("{}").empty());
}

// Found by fuzz_centroids: a blob naming one term twice (no tracker writes one, a damaged
// file may) decoded in an order that depended on the sort, so encoding it back and decoding
// again could swap the two weights.
TEST(VectorCodec, ATermNamedTwiceDecodesInOneOrder) {
  const auto ab = decode_vector(encode_vector({{"x", 2.0}, {"x", 1.0}, {"", 0.5}, {"", -0.0}}));
  const auto ba = decode_vector(encode_vector({{"", -0.0}, {"x", 1.0}, {"", 0.5}, {"x", 2.0}}));
  ASSERT_TRUE(ab && ba);
  ASSERT_EQ(ab->size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(ab->at(i).first, ba->at(i).first);
    EXPECT_EQ(std::bit_cast<std::uint64_t>(ab->at(i).second), std::bit_cast<std::uint64_t>(ba->at(i).second)) << i;
  }
}
