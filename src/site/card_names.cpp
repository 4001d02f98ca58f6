#include "site/card_names.hpp"

#include "site/output_manifest.hpp"
#include "util/name_fold.hpp"
#include "util/url.hpp"
#include "util/utf8.hpp"

#include <fmt/format.h>

#include <map>

namespace ogfeed::site {

std::vector<std::string>
card_names(const std::vector<content::Post>& posts, const std::string& base_url)
{
  auto safe = [](std::string s) {
    for (char& c : s) {
      if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20) {
        c = '-';
      }
    }
    while (!s.empty() && (s.front() == '.' || s.front() == '-')) {
      s.erase(0, 1);
    }
    while (!s.empty() && s.back() == '-') {
      s.pop_back();
    }
    return s.empty() ? std::string("post")
                     : std::string(util::utf8_prefix(s, 180));
  };
  std::map<std::string, int> uses;
  for (const auto& p : posts) {
    ++uses[safe(p.slug)];
  }
  std::vector<std::string> names;
  for (const auto& p : posts) {
    std::string name = safe(p.slug);
    if (uses[name] > 1) {
      name =
        safe(p.permalink.substr(std::min(p.permalink.size(), base_url.size())));
    }
    names.push_back(name);
  }
  // Names that are still alike (a/x and b/x become a-x, as c/a-x is; two
  // long slugs cut alike; Foo and foo on a file system that folds case)
  // each get a hash of their permalink, which no other post has.
  for (int round = 0; round < 4; ++round) {
    std::map<std::string, int> folded;
    for (const auto& n : names) {
      ++folded[util::fold_name(n)];
    }
    bool alike = false;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (folded[util::fold_name(names[i])] > 1) {
        alike = true;
        names[i] = std::string(util::utf8_prefix(names[i], 160)) + "-"
                   + fmt::format("{:08x}",
                                 content_hash(posts[i].permalink + "#"
                                              + std::to_string(round))
                                   & 0xffffffffU);
      }
    }
    if (!alike) {
      break;
    }
  }
  return names;
}

} // namespace ogfeed::site
