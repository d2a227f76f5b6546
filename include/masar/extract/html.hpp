// HTML pages: gumbo DOM, non-content elements dropped, the main content chosen by text
// density (the container whose blocks hold the most text with the least link text).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace masar::extract {

struct HtmlExtraction {
  std::string title;                    // og:title, else <title> (" | outlet" split off), else the first <h1>
  std::string site_name;                // og:site_name, else the outlet part of <title>
  std::string published;                // article:published_time, <time datetime>, itemprop=datePublished (raw)
  std::vector<std::string> paragraphs;  // main-content blocks in document order, whitespace collapsed
  std::vector<std::string> dropped;     // text blocks that were not main content (for audits)
  std::string lang;                     // <html lang>
};

HtmlExtraction extract_html(std::string_view html);

}  // namespace masar::extract
