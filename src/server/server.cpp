// masar serve: cpp-httplib's server with our limits, one router for every path (so unknown
// paths, wrong methods and the error shape are ours), security headers on every response.
#include "masar/server/server.hpp"

#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>

#include "server/context.hpp"

namespace masar::server {
namespace {

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

using RouteHandler = Reply (*)(Context&, const Call&);

struct Route {
  const char* method;
  const char* pattern;  // "/api/stories/{id}": {id} takes the rest of the path
  RouteHandler handler;
};

constexpr Route kRoutes[] = {
    {"GET", "/health", &get_health},
    {"GET", "/metrics", &get_metrics},
    {"GET", "/api/search", &get_search},
    {"POST", "/api/articles", &post_articles},
    {"GET", "/api/articles/{id}", &get_article},
    {"GET", "/api/stories", &get_stories},
    {"GET", "/api/stories/{id}", &get_story},
    {"GET", "/api/entities", &get_entities},
    {"GET", "/api/entities/{id}", &get_entity},
    {"GET", "/api/events", &get_events},
};

// Whether `path` matches `pattern`, with the {id} part in `param`.
bool matches(std::string_view pattern, std::string_view path, std::string_view& param) {
  const std::size_t brace = pattern.find("{id}");
  if (brace == std::string_view::npos) return pattern == path;
  if (path.size() <= brace || path.substr(0, brace) != pattern.substr(0, brace)) return false;
  param = path.substr(brace);
  return true;
}

// The route pattern of a path, for metrics: API paths by pattern, everything else "/".
std::string route_label(std::string_view path) {
  std::string_view param;
  for (const auto& r : kRoutes) {
    if (matches(r.pattern, path, param)) return r.pattern;
  }
  return path.substr(0, 5) == "/api/" ? "other" : "/";
}

void write(const Reply& reply, httplib::Response& res) {
  res.status = reply.status;
  if (!reply.allow.empty()) res.set_header("Allow", reply.allow);
  if (!reply.retry_after.empty()) res.set_header("Retry-After", reply.retry_after);
  res.set_content(reply.body, reply.content_type.c_str());
}

// Finds the route; 404 for an unknown API path, 405 for a known path and another method,
// the web page for other GETs.
Reply route(Context& ctx, const httplib::Request& req) {
  const std::string method = req.method == "HEAD" ? "GET" : req.method;
  std::string allow;
  for (const auto& r : kRoutes) {
    std::string_view param;
    if (!matches(r.pattern, req.path, param)) continue;
    if (method == r.method) return r.handler(ctx, Call{req, param, Params(req, ctx.options.limits)});
    allow += (allow.empty() ? "" : ", ") + std::string(r.method);
  }
  const bool api = req.path.rfind("/api/", 0) == 0 || req.path == "/api";
  if (allow.empty() && !api) {
    if (method == "GET") return get_static(ctx, Call{req, {}, Params(req, ctx.options.limits)});
    allow = "GET";
  }
  if (allow.empty()) return error_reply(not_found("no such endpoint: " + req.path));
  Reply r = error_reply({405, "method_not_allowed", req.method + " is not allowed on " + req.path + " (allowed: " + allow + ")"});
  r.allow = allow;
  return r;
}

}  // namespace

std::filesystem::path default_web_root() {
  // The built page (web/dist) or, before a build step exists, the page's own folder (web/).
  const std::filesystem::path built = MASAR_WEB_ROOT;
  const std::filesystem::path source = std::filesystem::path(MASAR_SOURCE_DIR) / "web";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(built / "index.html", ec) && std::filesystem::is_regular_file(source / "index.html", ec)) {
    return source;
  }
  return built;
}

struct Server::State {
  State(ServerOptions options, std::unique_ptr<store::Store> write_store)
      : ctx(std::move(options), std::move(write_store)) {}
  Context ctx;
  httplib::Server http;
  int port = 0;
  std::atomic<bool> running{false};

  void observe(const httplib::Request& req, int status, std::chrono::steady_clock::time_point start) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ctx.metrics.observe(route_label(req.path), status, seconds);
    if (!ctx.options.quiet) {
      std::cerr << "masar serve: " << req.method << " " << req.path << " " << status << " " << seconds * 1000 << " ms\n";
    }
  }

  void handle(const httplib::Request& req, httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    Reply reply;
    try {
      reply = route(ctx, req);
    } catch (const std::exception& e) {
      reply = error_reply({500, "internal", std::string("internal error: ") + e.what()});
    }
    write(reply, res);
    observe(req, reply.status, start);
  }

  void configure() {
    const auto& limits = ctx.options.limits;
    const unsigned threads = limits.threads;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http.set_payload_max_length(limits.max_body_bytes);
    const auto timeout = std::chrono::duration_cast<std::chrono::microseconds>(limits.timeout);
    http.set_read_timeout(timeout);
    http.set_write_timeout(timeout);
    // An idle keep-alive connection holds a worker thread: let it go soon.
    http.set_keep_alive_timeout(2);
    http.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"}});
    const auto handler = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
    // Every method and path goes to our router (httplib's own 404s would not have our shape).
    const std::string any = "[\\s\\S]*";
    http.Get(any, handler);
    http.Post(any, handler);
    http.Put(any, handler);
    http.Patch(any, handler);
    http.Delete(any, handler);
    http.Options(any, handler);
    // Answers httplib gives before routing (413 body too large, 400 malformed request) get
    // our error shape; ours already have a body.
    http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      const ApiError error{res.status, code_of_status(res.status),
                           res.status == 413 ? "the body is larger than " + std::to_string(ctx.options.limits.max_body_bytes) +
                                                   " bytes"
                                             : "the request could not be handled (HTTP " + std::to_string(res.status) + ")"};
      res.set_content(dump_json(error_json(error)), "application/json");
      observe(req, res.status, std::chrono::steady_clock::now());
    });
  }
};

Server::Server(std::unique_ptr<State> state) : state_(std::move(state)) {}
Server::~Server() { stop(); }

Result<std::unique_ptr<Server>> Server::create(const ServerOptions& options) {
  if (options.db.empty()) return make_error(Errc::invalid_argument, "no database given");
  // The writer opens first: it creates the file and applies migrations the readers expect.
  auto store = store::Store::open(options.db);
  if (!store) return store.error();
  ServerOptions resolved = options;
  if (resolved.web_root.empty()) resolved.web_root = default_web_root();
  auto state = std::make_unique<State>(std::move(resolved), std::make_unique<store::Store>(std::move(store.value())));
  state->configure();
  const std::string& host = state->ctx.options.host;
  if (options.port == 0) {
    state->port = state->http.bind_to_any_port(host);
    if (state->port <= 0) return make_error(Errc::io_error, "cannot listen on " + host);
  } else {
    if (!state->http.bind_to_port(host, options.port)) {
      return make_error(Errc::io_error, "cannot listen on " + host + ":" + std::to_string(options.port));
    }
    state->port = options.port;
  }
  return std::unique_ptr<Server>(new Server(std::move(state)));
}

int Server::port() const { return state_->port; }

Status Server::run() {
  state_->running = true;
  const bool ok = state_->http.listen_after_bind();
  state_->running = false;
  if (!ok) return make_error(Errc::io_error, "the server stopped with an error");
  return Ok{};
}

void Server::stop() {
  if (!state_) return;
  // stop() before the listening loop started would be lost: wait for it.
  while (state_->running && !state_->http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  state_->http.stop();
}

}  // namespace masar::server
