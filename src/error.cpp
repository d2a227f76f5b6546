#include "masar/error.hpp"

namespace masar {

const char* errc_name(Errc code) noexcept {
  switch (code) {
    case Errc::io_error: return "io_error";
    case Errc::parse_error: return "parse_error";
    case Errc::invalid_argument: return "invalid_argument";
    case Errc::unsupported: return "unsupported";
    case Errc::not_found: return "not_found";
    case Errc::internal: return "internal";
  }
  return "internal";
}

}  // namespace masar
