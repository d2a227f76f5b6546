#include "server/http.hpp"

#include <httplib.h>

#include <charconv>

#include "masar/text/utf8.hpp"

namespace masar::server {

ApiError api_error(const Error& error) {
  switch (error.code) {
    case Errc::invalid_argument:
    case Errc::parse_error:
      return {400, "bad_request", error.message};
    case Errc::not_found:
      return {404, "not_found", error.message};
    case Errc::unsupported:
      return {415, "unsupported_media_type", error.message};
    case Errc::io_error:
    case Errc::internal:
      break;
  }
  return {500, "internal", error.message};
}

ApiError bad_request(std::string message) { return {400, "bad_request", std::move(message)}; }
ApiError not_found(std::string message) { return {404, "not_found", std::move(message)}; }

std::string code_of_status(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 413: return "payload_too_large";
    case 415: return "unsupported_media_type";
    case 429: return "too_many_requests";
    case 503: return "timeout";
    default: return status >= 500 ? "internal" : "bad_request";
  }
}

std::string dump_json(const Json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

Reply json_reply(const Json& body, int status) {
  Reply r;
  r.status = status;
  r.body = dump_json(body);
  return r;
}

Json error_json(const ApiError& error) {
  return {{"error", {{"code", error.code}, {"message", error.message}}}};
}

Reply error_reply(const ApiError& error) { return json_reply(error_json(error), error.status); }

std::string Params::text(const std::string& name) const {
  return request_.has_param(name.c_str()) ? request_.get_param_value(name.c_str()) : std::string();
}

Result<std::size_t> Params::positive(const std::string& name, std::size_t fallback) const {
  if (!request_.has_param(name.c_str())) return fallback;
  const std::string v = text(name);
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n == 0) {
    return make_error(Errc::invalid_argument, name + " must be a positive integer, not \"" + v + "\"");
  }
  return n;
}

Result<Page> Params::page() const {
  Page p;
  auto page = positive("page", 1);
  if (!page) return page.error();
  auto per_page = positive("per_page", 20);
  if (!per_page) return per_page.error();
  if (per_page.value() > limits_.max_per_page) {
    return make_error(Errc::invalid_argument, "per_page is at most " + std::to_string(limits_.max_per_page));
  }
  // Deep pages cost as much as all the pages before them; the bound also keeps the offset small.
  constexpr std::size_t kMaxPage = 100000;
  if (page.value() > kMaxPage) return make_error(Errc::invalid_argument, "page is at most " + std::to_string(kMaxPage));
  p.page = page.value();
  p.per_page = per_page.value();
  return p;
}

Result<std::string> Params::query(const std::string& name) const {
  std::string q = text(name);
  std::size_t chars = 0;
  for (unsigned char c : q) chars += (c & 0xC0) != 0x80;  // UTF-8 lead bytes
  if (chars > limits_.max_query_chars) {
    return make_error(Errc::invalid_argument,
                      name + " is at most " + std::to_string(limits_.max_query_chars) + " characters");
  }
  return text::decode_utf8(q).text;  // the marks of highlighting rely on valid text
}

Result<std::string> Params::date(const std::string& name, extract::DateEdge edge) const {
  const std::string d = text(name);
  if (d.empty()) return d;
  auto day = extract::date_bound(d, edge);
  if (!day) return make_error(Errc::invalid_argument, name + " is a date YYYY[-MM[-DD]] that exists, 1900-2100, not \"" + d + "\"");
  return *day;
}

std::optional<std::int64_t> parse_id(std::string_view text) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n <= 0) return std::nullopt;
  return n;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace masar::server
