// What a page's address says about it: the outlet's host, and the headline many news sites
// write into the path ("/2017/12/24/وساطة-لإجلاء-500-محاصر-بالغوطة"), for pages whose text holds
// no title line (a flattened page often starts with its site's menu).
#pragma once

#include <string>
#include <string_view>

namespace masar::extract {

// "www.dw.com" from "http://www.dw.com/ar/...", "" when there is no host.
std::string url_host(std::string_view url);

// The headline in the address's path, words joined by spaces: the path segment (percent-
// decoded) with the most Arabic words, its words split at '-', '_' and '+', a trailing
// ".html"/".php"/… dropped. "" unless that segment holds at least three Arabic words and
// decodes to valid UTF-8. Latin slugs are left alone: the corpus is Arabic, and an English
// slug would be a title in another language than the page.
std::string title_from_url(std::string_view url);

}  // namespace masar::extract
