#include "masar/extract/html.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace masar::extract {
namespace {

// Elements that never hold article text.
bool is_skipped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_HEAD: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_FIGCAPTION:  // photo captions describe the picture, not the news
      return true;
    default:
      return false;
  }
}

// Elements that start a new text block.
bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_BODY:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS:
      return true;
    default:
      return false;
  }
}

const char* attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

// class/id words that mark page furniture (menus, share bars, related lists, comments, ads).
bool is_furniture(const GumboElement& e) {
  static constexpr const char* kWords[] = {"menu", "nav", "navbar", "share", "sharing", "social", "comment", "comments",
                                           "related", "footer", "breadcrumb", "breadcrumbs", "newsletter", "advert",
                                           "ads", "ad", "sidebar", "widget", "promo", "subscribe", "most", "popular",
                                           "tags", "cookie", "banner", "header", "topbar", "toolbar", "caption", "meta",
                                           "byline", "author", "date", "time", "brand", "logo"};
  for (const char* attr : {"class", "id", "role"}) {
    const char* v = attribute(e, attr);
    if (!v) continue;
    std::string s(v);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (char& c : s) {
      if (c == '-' || c == '_') c = ' ';
    }
    std::size_t start = 0;
    while (start < s.size()) {
      std::size_t end = s.find(' ', start);
      if (end == std::string::npos) end = s.size();
      const std::string word = s.substr(start, end - start);
      for (const char* w : kWords) {
        if (word == w) return true;
      }
      start = end + 1;
    }
    if (std::strcmp(attr, "role") == 0 && (s == "navigation" || s == "banner" || s == "contentinfo")) return true;
  }
  return false;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    const bool is_space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

struct Block {
  std::string text;
  std::size_t link_chars = 0;
  const GumboNode* container = nullptr;  // the element the block sits in
  bool furniture = false;                // inside a skipped or furniture subtree
};

class Walker {
 public:
  std::vector<Block> blocks;
  HtmlExtraction meta;

  void walk(const GumboNode* node, const GumboNode* container, bool furniture, bool in_link) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      const char* t = node->v.text.text;
      current().text += t;
      if (in_link) current().link_chars += std::strlen(t);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      for (unsigned i = 0; i < node->v.document.children.length; ++i) {
        walk(static_cast<const GumboNode*>(node->v.document.children.data[i]), container, furniture, in_link);
      }
      return;
    }
    const GumboElement& e = node->v.element;
    read_metadata(e);
    if (e.tag == GUMBO_TAG_HEAD || e.tag == GUMBO_TAG_SCRIPT || e.tag == GUMBO_TAG_STYLE || e.tag == GUMBO_TAG_NOSCRIPT ||
        e.tag == GUMBO_TAG_TEMPLATE) {
      for (unsigned i = 0; i < e.children.length; ++i) read_head(static_cast<const GumboNode*>(e.children.data[i]));
      return;
    }
    const bool skip = furniture || is_skipped_tag(e.tag) || is_furniture(e);
    const bool block = is_block_tag(e.tag);
    if (e.tag == GUMBO_TAG_BR) {
      open_block(container, skip);
      return;
    }
    if (block) open_block(node, skip);
    const GumboNode* inner = block ? node : container;
    const bool link = in_link || e.tag == GUMBO_TAG_A;
    for (unsigned i = 0; i < e.children.length; ++i) {
      walk(static_cast<const GumboNode*>(e.children.data[i]), inner, skip, link);
    }
    if (block) open_block(container, furniture);
  }

 private:
  Block& current() {
    if (blocks.empty()) blocks.emplace_back();
    return blocks.back();
  }
  void open_block(const GumboNode* container, bool furniture) {
    if (!blocks.empty() && blocks.back().text.find_first_not_of(" \n\t\r") == std::string::npos) {
      blocks.back() = Block{};
    } else {
      blocks.emplace_back();
    }
    blocks.back().container = container;
    blocks.back().furniture = furniture;
  }

  void read_head(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& e = node->v.element;
    read_metadata(e);
    if (e.tag == GUMBO_TAG_TITLE && e.children.length > 0) {
      const auto* t = static_cast<const GumboNode*>(e.children.data[0]);
      if (t->type == GUMBO_NODE_TEXT && page_title.empty()) page_title = collapse_spaces(t->v.text.text);
    }
    for (unsigned i = 0; i < e.children.length; ++i) read_head(static_cast<const GumboNode*>(e.children.data[i]));
  }

  void read_metadata(const GumboElement& e) {
    if (e.tag == GUMBO_TAG_HTML) {
      if (const char* lang = attribute(e, "lang")) meta.lang = lang;
    } else if (e.tag == GUMBO_TAG_META) {
      const char* key = attribute(e, "property");
      if (!key) key = attribute(e, "name");
      if (!key) key = attribute(e, "itemprop");
      const char* content = attribute(e, "content");
      if (!key || !content) return;
      const std::string k(key);
      if (k == "og:title" && meta.title.empty()) meta.title = collapse_spaces(content);
      if (k == "og:site_name" && meta.site_name.empty()) meta.site_name = collapse_spaces(content);
      if ((k == "article:published_time" || k == "datePublished" || k == "pubdate" || k == "date") && meta.published.empty()) {
        meta.published = content;
      }
    } else if (e.tag == GUMBO_TAG_TIME && meta.published.empty()) {
      if (const char* dt = attribute(e, "datetime")) meta.published = dt;
    } else if (meta.published.empty()) {
      const char* prop = attribute(e, "itemprop");
      const char* dt = attribute(e, "datetime");
      if (prop && dt && std::strcmp(prop, "datePublished") == 0) meta.published = dt;
    }
  }

 public:
  std::string page_title;
};

// "Title | Outlet", "Title - Outlet", "Outlet | Title": the longer side is the title.
void split_title(const std::string& raw, std::string& title, std::string& site) {
  for (const char* sep : {" | ", " - ", " – ", " — ", " :: "}) {
    const std::size_t at = raw.rfind(sep);
    if (at == std::string::npos) continue;
    std::string left = raw.substr(0, at), right = raw.substr(at + std::strlen(sep));
    if (left.size() >= right.size()) {
      title = left;
      site = right;
    } else {
      title = right;
      site = left;
    }
    return;
  }
  title = raw;
}

}  // namespace

HtmlExtraction extract_html(std::string_view html) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  Walker w;
  w.walk(output->document, output->root, false, false);

  // Score containers by the text of their non-furniture blocks, discounted by link text;
  // a container also earns half of what its children's blocks earn (nested divs).
  std::unordered_map<const GumboNode*, double> score;
  std::string first_h1;
  for (auto& b : w.blocks) {
    b.text = collapse_spaces(b.text);
    if (b.furniture || b.text.empty() || !b.container) continue;
    const double length = static_cast<double>(b.text.size());
    const double link_density = std::min(1.0, static_cast<double>(b.link_chars) / length);
    if (length < 40 || link_density > 0.5) continue;
    const double s = length * (1.0 - link_density);
    const GumboNode* parent = b.container->parent;
    score[parent] += s;
    if (parent && parent->parent) score[parent->parent] += s / 2;
  }
  const GumboNode* best = nullptr;
  double best_score = 0;
  for (const auto& [node, s] : score) {
    if (s > best_score) {
      best = node;
      best_score = s;
    }
  }
  auto inside = [&](const GumboNode* n) {
    for (; n; n = n->parent) {
      if (n == best) return true;
    }
    return false;
  };

  HtmlExtraction out = std::move(w.meta);
  for (const auto& b : w.blocks) {
    if (b.text.empty()) continue;
    if (first_h1.empty() && b.container && b.container->type == GUMBO_NODE_ELEMENT &&
        b.container->v.element.tag == GUMBO_TAG_H1) {
      first_h1 = b.text;
    }
    const bool link_list = b.link_chars * 2 > b.text.size();
    if (!b.furniture && best && inside(b.container) && !link_list) {
      out.paragraphs.push_back(b.text);
    } else {
      out.dropped.push_back(b.text);
    }
  }
  std::string title_from_tag, site_from_tag;
  split_title(w.page_title, title_from_tag, site_from_tag);
  if (out.title.empty()) out.title = !first_h1.empty() ? first_h1 : title_from_tag;
  if (out.site_name.empty()) out.site_name = site_from_tag;
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return out;
}

}  // namespace masar::extract
