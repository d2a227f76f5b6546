// The edge of the HTTP API: one error shape, the one mapping of core errors to HTTP statuses,
// replies, and request parameters checked against the limits.
#pragma once


#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "masar/error.hpp"
#include "masar/extract/dates.hpp"
#include "masar/server/server.hpp"

namespace httplib {
struct Request;
}

namespace masar::server {

// Answers keep their members in the order docs/api.md lists them (easier to read with curl).
using Json = nlohmann::ordered_json;

// An error as the API reports it: {"error": {"code": ..., "message": ...}} with `status`.
struct ApiError {
  int status = 500;
  std::string code = "internal";
  std::string message;
};

// The only place a core Errc becomes an HTTP status (docs/api.md, Conventions).
ApiError api_error(const Error& error);
ApiError bad_request(std::string message);
ApiError not_found(std::string message);
// The error code name of a status this API uses ("not_found" for 404, ...).
std::string code_of_status(int status);

struct Reply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::string allow;        // Allow header of a 405
  std::string retry_after;  // Retry-After header of a 429 or 503
};

// JSON is dumped with invalid UTF-8 replaced, never thrown on.
std::string dump_json(const Json& j);
Reply json_reply(const Json& body, int status = 200);
Json error_json(const ApiError& error);
Reply error_reply(const ApiError& error);

// Paging parameters: page >= 1, 1 <= per_page <= max_per_page.
struct Page {
  std::size_t page = 1, per_page = 20;
  std::size_t offset() const { return (page - 1) * per_page; }
};

// Query parameters of one request, checked as they are read.
class Params {
 public:
  Params(const httplib::Request& request, const ServerLimits& limits) : request_(request), limits_(limits) {}
  std::string text(const std::string& name) const;  // "" when absent
  Result<Page> page() const;
  // The search words: at most max_query_chars characters.
  Result<std::string> query(const std::string& name = "q") const;
  // A date bound: "", YYYY, YYYY-MM or YYYY-MM-DD.
  // A range bound YYYY[-MM[-DD]] as the day it stands for (extract::date_bound); "" when absent.
  Result<std::string> date(const std::string& name, extract::DateEdge edge) const;

 private:
  Result<std::size_t> positive(const std::string& name, std::size_t fallback) const;
  const httplib::Request& request_;
  const ServerLimits& limits_;
};

// The first failed one of several checked parameters, in the order given; nullptr when all
// are good.
template <class... Checked>
const Error* first_error(const Checked&... checked) {
  const Error* found = nullptr;
  ((found = found != nullptr ? found : checked ? nullptr : &checked.error()), ...);
  return found;
}

// A positive integer id from a path segment; nullopt when it is not one.
std::optional<std::int64_t> parse_id(std::string_view text);

// Text for an HTML page: & < > " ' as entities.
std::string html_escape(std::string_view text);

}  // namespace masar::server
