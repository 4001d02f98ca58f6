#include "content/generators/generators.hpp"

namespace ogfeed::content::generators {

namespace {

bool
detect_hexo(Detector& d)
{
  if (!is_file(d.root() / "_config.yml")) {
    return false;
  }
  const auto doc = d.document("_config.yml");
  const util::YamlValue* c = doc ? &*doc : nullptr;
  const std::string source = scalar(c, "source_dir").value_or("source");
  if (!is_dir(d.root() / source / "_posts")) {
    return false;
  }
  d.found("_config.yml");
  d.site_output(scalar(c, "public_dir"), "public");
  d.url(scalar(c, "url"), "", "url in _config.yml");
  read_yaml_site(d, c, "_config.yml");
  // Hexo reads a front-matter time in `timezone`, then names the URL by its
  // date in the zone of the machine that builds (UTC on CI runners):
  // `date: 2024-04-21 07:10:16` in Asia/Taipei is published at /2024/04/20/.
  if (!scalar(c, "timezone").value_or("").empty()) {
    d.config().permalink_timezone = util::TimeZone::machine();
    d.note("permalink_timezone",
           "Hexo: URL dates in this machine's zone (TZ, else /etc/localtime)",
           true);
  }
  // Hexo's :title is the file's path below _posts.
  std::string pattern =
    scalar(c, "permalink").value_or(":year/:month/:day/:title/");
  for (std::size_t i = pattern.find(":title"); i != std::string::npos;
       i = pattern.find(":title", i + 1)) {
    pattern.replace(i, 6, ":path");
  }
  for (std::size_t i = pattern.find(":name"); i != std::string::npos;
       i = pattern.find(":name", i + 1)) {
    pattern.replace(i, 5, ":filename");
  }
  d.permalink(pattern.starts_with('/') ? pattern : "/" + pattern,
              "",
              "permalink in _config.yml");
  d.posts({source + "/_posts"}, {}, "Hexo's " + source + "/_posts");
  return true;
}

} // namespace

const Generator k_hexo = {
  "Hexo", MarkupDialects::only(true, true, false, true), &detect_hexo};

} // namespace ogfeed::content::generators
