#include "masar/extract/article.hpp"

namespace masar::extract {

std::string CleanedArticle::body() const {
  std::string out;
  std::size_t total = 0;
  for (const auto& p : paragraphs) total += p.size() + 1;
  out.reserve(total);
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (i) out.push_back('\n');
    out += paragraphs[i];
  }
  return out;
}

}  // namespace masar::extract
