#include "content/config/site_titles.hpp"

#include "util/language_tag.hpp"

namespace ogfeed::content {

const std::string&
SiteTitles::in(const std::string& lang) const
{
  if (lang.empty() || util::same_language(lang, language)) {
    return title;
  }
  for (const auto& [tag, own] : others) {
    if (util::same_language(tag, lang)) {
      return own;
    }
  }
  return title;
}

} // namespace ogfeed::content
