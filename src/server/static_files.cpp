// The web page: files under the web root, by extension, with no way out of the folder.
#include <fstream>
#include <sstream>
#include <system_error>

#include "server/context.hpp"

namespace masar::server {
namespace {

const char* content_type_of(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html" || ext == ".htm") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".gif") return "image/gif";
  if (ext == ".webp") return "image/webp";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".ttf") return "font/ttf";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

Reply get_static(Context& ctx, const Call& call) {
  const std::filesystem::path& root = ctx.options.web_root;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(root / "index.html", ec)) {
    return error_reply(not_found("no web page: " + (root / "index.html").string() +
                                 " is missing (build the page, or give --web-root DIR)"));
  }
  std::string path(call.request.path);
  if (path.empty() || path.back() == '/') path += "index.html";
  // Only plain names: no "..", no hidden files, nothing the path could climb out with.
  const std::filesystem::path relative = std::filesystem::path(path).relative_path();
  for (const auto& part : relative) {
    const std::string name = part.string();
    if (name.empty() || name[0] == '.' || name.find('\\') != std::string::npos) {
      return error_reply(not_found("no file " + path));
    }
  }
  const std::filesystem::path file = root / relative;
  if (!std::filesystem::is_regular_file(file, ec)) return error_reply(not_found("no file " + path));
  std::ifstream in(file, std::ios::binary);
  if (!in) return error_reply(not_found("no file " + path));
  std::ostringstream body;
  body << in.rdbuf();
  Reply r;
  r.content_type = content_type_of(file);
  r.body = body.str();
  return r;
}

}  // namespace masar::server
