// The HTTP JSON API of `masar serve` (docs/api.md) and the analyst's web page, over one
// database: search with facets, articles, stories, entities, bulk ingest, health and metrics.
// Readers get a read-only connection each; one writer connection serves POST /api/articles.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "masar/error.hpp"

namespace masar::server {

struct ServerLimits {
  std::size_t max_body_bytes = 32u << 20;  // larger request bodies get 413
  std::size_t max_query_chars = 512;       // characters of `q`
  std::size_t max_per_page = 100;
  std::chrono::milliseconds timeout{10000};  // socket read/write timeouts
  // SQLite work allowed per request before it is interrupted (503 timeout); `masar serve`
  // sets it to the same --timeout-ms.
  std::chrono::milliseconds query_budget{10000};
  unsigned threads = 8;  // worker threads, hence at most this many requests at once
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port())
  std::filesystem::path db;
  std::filesystem::path web_root;  // empty: default_web_root()
  ServerLimits limits;
  bool quiet = false;  // no access log on stderr
};

// The default web root compiled into this build: web/dist of the source tree, or web/ when
// only that one has an index.html.
std::filesystem::path default_web_root();

class Server {
 public:
  // Opens (creating or migrating) the database and binds the address; requests are answered
  // once run() is called.
  static Result<std::unique_ptr<Server>> create(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;  // the bound port
  // Serves until stop() (from another thread or a signal handler's thread).
  Status run();
  void stop();

 private:
  struct State;
  explicit Server(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace masar::server
