// One error style for the core: functions that can fail return Result<T>, an expected-like
// value-or-error. The CLI (and later the HTTP server) map Errc once, at the edge.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace masar {

enum class Errc {
  io_error,          // a file could not be opened or read
  parse_error,       // input was read but is malformed (bad JSON line, bad HTML...)
  invalid_argument,  // the caller asked for something that makes no sense
  unsupported,       // a format or option we do not handle
  not_found,         // a named thing (file, stage, id) does not exist
  internal,          // a bug: should never happen
};

const char* errc_name(Errc code) noexcept;

struct Error {
  Errc code = Errc::internal;
  std::string message;  // human readable, names the file and line when there is one
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}                      // NOLINT(implicit)
  Result(Error error) : state_(std::move(error)) {}                  // NOLINT(implicit)

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Result<void>: success carries nothing.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(Errc code, std::string message) { return Error{code, std::move(message)}; }

}  // namespace masar
