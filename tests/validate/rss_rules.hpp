#pragma once

#include "validate/validator.hpp"

#include <string>
#include <vector>

namespace ogfeed::test {

// The rules of the findings on an RSS 2.0 feed that is valid but for what
// it is given: the namespace declarations `xmlns` (' xmlns:x="..."'), and
// what its channel and its one item hold besides their required elements.
inline std::vector<std::string>
rss_rules(const std::string& xmlns,
          const std::string& channel,
          const std::string& item)
{
  const std::string feed =
    "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"" + xmlns
    + " xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>P</title>"
      "<link>https://e.jp/</link><description>d</description>"
      "<atom:link href=\"https://e.jp/feed.xml\" rel=\"self\" "
      "type=\"application/rss+xml\"/>"
    + channel + "<item><title>e</title><guid>https://e.jp/1</guid>" + item
    + "</item></channel></rss>\n";
  std::vector<std::string> out;
  for (const auto& f : validate::validate_bytes("f.xml", feed).findings) {
    out.push_back(f.rule);
  }
  return out;
}

} // namespace ogfeed::test
