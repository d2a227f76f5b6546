// The article as read from any input, before cleaning, and as written after it.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace masar::extract {

// One input article. Readers fill what the input has; empty strings mean "unknown".
struct Article {
  std::string id;
  std::string title;
  std::string text;      // plain text body (one paragraph or line per '\n'), or
  std::string html;      // raw HTML when the input was a page
  std::string date;      // as given (ISO 8601 when it comes from JSON Lines)
  std::string source;    // the outlet
  std::string url;
  std::string lang;
  std::string category;
  nlohmann::json extra = nlohmann::json::object();  // unknown input fields, kept verbatim
  std::string origin;    // where it came from, "file:line" or a path, for messages
};

// A line dropped by cleaning, with the rule that dropped it (for --show-removed and audits).
struct RemovedLine {
  std::string text;
  std::string reason;  // e.g. "read-also", "follow-share", "breadcrumb", "source-recurrent"
};

// The output of cleaning one article.
struct CleanedArticle {
  std::string id;
  std::string title;
  std::string date;          // ISO 8601 "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" when found, else ""
  std::string source;
  std::string url;
  std::string lang;
  std::string category;
  std::vector<std::string> paragraphs;  // kept, display-cleaned; body = paragraphs joined by '\n'
  std::vector<RemovedLine> removed;
  nlohmann::json extra = nlohmann::json::object();
  std::string origin;

  std::string body() const;
};

}  // namespace masar::extract
