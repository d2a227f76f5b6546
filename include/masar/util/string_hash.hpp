// A hash for maps and sets keyed by std::string that can be searched with a string_view
// (heterogeneous lookup: no string built per lookup).
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace masar::util {

struct StringViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace masar::util
