#include "site/route_collisions.hpp"

namespace ogfeed::site {

namespace {

// The ogfeed.yaml key that names an output's file, when one does.
std::string
key_naming(const content::SiteConfig& config, const std::string& rel)
{
  const std::string name = std::filesystem::path(rel).filename().string();
  if (name == config.feeds.atom_file) {
    return "feeds.atom_file";
  }
  if (name == config.feeds.rss_file) {
    return "feeds.rss_file";
  }
  if (name == config.feeds.json_file) {
    return "feeds.json_file";
  }
  return {};
}

} // namespace

util::Diagnostics
route_collisions(const content::SiteConfig& config,
                 const std::vector<std::string>& outputs,
                 const std::filesystem::path& site_root)
{
  util::Diagnostics out;
  for (const std::string& rel : outputs) {
    const auto it = config.generator_routes.find(rel);
    if (it == config.generator_routes.end()) {
      continue;
    }
    const std::string key = key_naming(config, rel);
    util::Diagnostic d = util::make_warning(
      "this file builds /" + rel + ", and so does ogfeed (" + rel
      + "): the built site keeps only one of them; delete this file (the "
        "pages link ogfeed's feeds through head.json)"
      + (key.empty()
           ? std::string()
           : ", or give ogfeed's another name in ogfeed.yaml (" + key + ")"));
    d.path = (site_root / it->second).lexically_normal().string();
    out.push_back(std::move(d));
  }
  return out;
}

} // namespace ogfeed::site
