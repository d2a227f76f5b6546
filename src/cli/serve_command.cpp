// masar serve --db DB [--host H] [--port P] [--web-root DIR] [limits] [--quiet]: the HTTP JSON
// API of docs/api.md and the web page, until SIGINT or SIGTERM.
#include <chrono>
#include <csignal>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "masar/server/server.hpp"

namespace masar::cli {
namespace {

struct ServeArgs {
  server::ServerOptions options;
  std::string db, web_root;
  std::size_t max_body_bytes = 32u << 20;
  std::int64_t timeout_ms = 10000;
};

// Waits for SIGINT/SIGTERM on its own thread (sigwait), so stopping is not done from a handler.
void stop_on_signal(server::Server& srv) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);  // inherited by the worker threads started later
  std::thread([set, &srv] {
    int sig = 0;
    sigwait(&set, &sig);
    srv.stop();
  }).detach();
}

int run_serve(ServeArgs& args) {
  auto& o = args.options;
  o.db = args.db;
  o.web_root = args.web_root;
  o.limits.max_body_bytes = args.max_body_bytes;
  o.limits.timeout = std::chrono::milliseconds(args.timeout_ms);
  o.limits.query_budget = o.limits.timeout;
  auto srv = server::Server::create(o);
  if (!srv) {
    std::cerr << "masar serve: " << srv.error().message << "\n";
    return kExitFailure;
  }
  stop_on_signal(*srv.value());
  std::cerr << "masar: serving http://" << o.host << ":" << srv.value()->port() << "/" << std::endl;
  if (auto done = srv.value()->run(); !done) {
    std::cerr << "masar serve: " << done.error().message << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void add_serve_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ServeArgs>();
  auto& o = args->options;
  auto* cmd = app.add_subcommand("serve", "HTTP JSON API and web page over a database (docs/api.md)");
  cmd->add_option("--db", args->db, "SQLite database file (created when missing)")->required();
  cmd->add_option("--host", o.host, "Address to listen on (loopback by default)");
  cmd->add_option("--port", o.port, "Port (0: any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--web-root", args->web_root, "Folder of the web page (default: web/dist of the source tree)");
  cmd->add_option("--max-body-bytes", args->max_body_bytes, "Largest request body")->check(CLI::Range(std::size_t{1}, std::size_t{1} << 34));
  cmd->add_option("--max-query-chars", o.limits.max_query_chars, "Longest q parameter")->check(CLI::Range(1, 100000));
  cmd->add_option("--max-per-page", o.limits.max_per_page, "Largest per_page")->check(CLI::Range(1, 100000));
  cmd->add_option("--timeout-ms", args->timeout_ms, "Socket read/write timeouts and the time budget of one request")
      ->check(CLI::Range(1, 3600000));
  cmd->add_option("--threads", o.limits.threads, "Worker threads")->check(CLI::Range(1u, 256u));
  cmd->add_flag("-q,--quiet", o.quiet, "No access log on stderr");
  cmd->callback([args, &action] { action = [args] { return run_serve(*args); }; });
}

}  // namespace masar::cli
