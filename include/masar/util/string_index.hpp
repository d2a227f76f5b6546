// Strings numbered 0, 1, 2… in the order they were first seen, for hot lookups of many short
// strings (a tracker's terms, a tagger's words): open addressing over (hash, number), at most
// half full, so a lookup compares hashes in one flat array where a node-based map reads a node
// per probe.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xxhash.h>

namespace masar::util {

class StringIndex {
 public:
  // The number of `s`, given the next one when it is new (`added` tells).
  std::uint32_t find_or_add(std::string_view s, bool& added) {
    if ((keys_.size() + 1) * 2 > slots_.size()) rehash(std::max<std::size_t>(1024, slots_.size() * 2));
    const std::uint64_t hash = XXH3_64bits(s.data(), s.size());
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.number_plus_one == 0) {
        added = true;
        keys_.emplace_back(s);
        slot = Slot{hash, static_cast<std::uint32_t>(keys_.size())};
        return slot.number_plus_one - 1;
      }
      if (slot.hash == hash && keys_[slot.number_plus_one - 1] == s) {
        added = false;
        return slot.number_plus_one - 1;
      }
    }
  }

  const std::string& key(std::uint32_t number) const { return keys_[number]; }
  std::size_t size() const { return keys_.size(); }

  // Forgets every string; room for `capacity` of them before the table grows.
  void clear(std::size_t capacity) {
    keys_.clear();
    keys_.reserve(capacity);
    slots_.assign(std::bit_ceil(std::max<std::size_t>(2 * capacity, 2)), Slot{});
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t number_plus_one = 0;  // 0: empty
  };

  void rehash(std::size_t slots) {
    std::vector<Slot> old(slots);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.number_plus_one == 0) continue;
      std::size_t i = slot.hash & mask;
      while (slots_[i].number_plus_one != 0) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::vector<std::string> keys_;
};

}  // namespace masar::util
