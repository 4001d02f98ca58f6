#include "content/generators/generators.hpp"

#include <algorithm>
#include <cstdio>

namespace ogfeed::content::generators {

namespace {

// Jekyll's named permalink styles, and its :title, in ogfeed's tokens.
std::string
from_jekyll_pattern(std::string pattern)
{
  if (pattern == "date") {
    return "/:categories/:year/:month/:day/:slug:output_ext";
  }
  if (pattern == "pretty") {
    return "/:categories/:year/:month/:day/:slug/";
  }
  if (pattern == "none") {
    return "/:categories/:slug:output_ext";
  }
  for (std::size_t i = pattern.find(":title"); i != std::string::npos;
       i = pattern.find(":title", i + 1)) {
    pattern.replace(i, 6, ":slug");
  }
  if (!pattern.starts_with('/')) {
    pattern.insert(pattern.begin(), '/');
  }
  return pattern;
}

// Every `_posts` folder a few levels down (Jekyll reads `blog/_posts` too).
std::vector<std::string>
jekyll_post_dirs(const fs::path& root)
{
  std::vector<std::string> dirs;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code type_ec;
    if (!it->is_directory(type_ec) || it->is_symlink(type_ec)) {
      continue;
    }
    if (name == "_posts") {
      dirs.push_back(it->path().lexically_relative(root).generic_string());
      it.disable_recursion_pending();
    } else if (name.starts_with('.') || name == "_site"
               || name == "node_modules" || name == "vendor"
               || name == "_drafts" || it.depth() >= 3) {
      it.disable_recursion_pending();
    }
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

// Jekyll's front matter defaults that set posts' permalink: a scope of all
// posts (path "" or "_posts") sets the site's pattern, one of a folder below
// `_posts` ("_posts/tech") that section's.
void
read_jekyll_defaults(Detector& d, const util::YamlValue* c)
{
  const util::YamlValue* defaults = find_key(c, "defaults");
  if (defaults == nullptr
      || defaults->kind != util::YamlValue::Kind::sequence) {
    return;
  }
  for (const util::YamlValue& entry : defaults->items) {
    const auto pattern = scalar(find_key(&entry, "values"), "permalink");
    const util::YamlValue* scope = find_key(&entry, "scope");
    const std::string type = scalar(scope, "type").value_or("posts");
    if (!pattern || (type != "posts" && type != "")) {
      continue;
    }
    std::string path = scalar(scope, "path").value_or("");
    while (path.ends_with('/')) {
      path.pop_back();
    }
    if (path.empty() || path == "_posts") {
      d.permalink(from_jekyll_pattern(*pattern), "", "defaults in _config.yml");
    } else if (path.starts_with("_posts/")) {
      const std::string section = path.substr(7, path.find('/', 7) - 7);
      d.permalink(
        from_jekyll_pattern(*pattern), section, "defaults in _config.yml");
    }
  }
}

// True when the site pins a Jekyll before 4.3 (Gemfile.lock's `jekyll
// (4.2.1)`, or the github-pages gem, whose Jekyll is 3.x): those read
// _config.yml through SafeYAML, which opens it with 'r:bom|utf-8' and so
// drops a byte order mark.
bool
pins_jekyll_before_4_3(const fs::path& root)
{
  const std::string lock = read_text(root, "Gemfile.lock");
  if (lock.find("\n    github-pages (") != std::string::npos
      || read_text(root, "Gemfile").find("github-pages") != std::string::npos) {
    return true;
  }
  const std::size_t at = lock.find("\n    jekyll (");
  if (at == std::string::npos) {
    return false;
  }
  int major = 0;
  int minor = 0;
  if (std::sscanf(lock.c_str() + at + 13, "%d.%d", &major, &minor) != 2) {
    return false;
  }
  return major < 4 || (major == 4 && minor < 3);
}

// _config.yml as Jekyll reads it. Ruby's YAML (Psych, given the file's
// text, as Jekyll 4.3 on reads it) keeps a UTF-8 byte order mark as a
// character of the first line: its key then stands one column in, and the
// first line back at column 0 ends the settings. Jekyll 4.3.1 on Ruby 3.1
// reads `\uFEFFencoding: UTF-8\ntitle: ...\npermalink: ...` as {encoding:
// UTF-8} and builds with its defaults (tried). The same here, with a
// warning: the author surely meant the rest.
std::string
jekyll_config_text(Detector& d)
{
  std::string text = read_text(d.root(), "_config.yml");
  constexpr std::string_view k_bom = "\xEF\xBB\xBF";
  if (!text.starts_with(k_bom)) {
    return text;
  }
  text.erase(0, k_bom.size());
  if (pins_jekyll_before_4_3(d.root())) {
    d.warn("_config.yml starts with a byte order mark (U+FEFF): the Jekyll "
           "this site pins reads it whole, but Jekyll 4.3 and later read only "
           "its first setting. Save the file without the mark");
    return text;
  }
  const char first = text.empty() ? '\n' : text[0];
  if (first == '#' || first == '-' || first == '%' || first == ' '
      || first == '\t' || first == '\n' || first == '\r') {
    return text; // a comment, a blank line or a marker first: read whole
  }
  std::size_t cut = text.find('\n');
  while (cut != std::string::npos && cut + 1 < text.size()) {
    const char c = text[cut + 1];
    if (c != ' ' && c != '\t' && c != '#' && c != '\n' && c != '\r') {
      break;
    }
    cut = text.find('\n', cut + 1);
  }
  if (cut == std::string::npos || cut + 1 >= text.size()) {
    return " " + text; // nothing at column 0 after the first line
  }
  const std::string first_key = text.substr(0, text.find(':'));
  d.warn(
    "_config.yml starts with a byte order mark (U+FEFF): Jekyll's YAML "
    "reader then ends the settings before line "
    + std::to_string(1 + std::count(text.begin(), text.begin() + cut + 1, '\n'))
    + " and reads only '" + first_key
    + "'; url, permalink, title and the rest are ignored, by Jekyll and "
      "so by ogfeed. Save the file without the mark to use them");
  return " " + text.substr(0, cut + 1);
}

bool
detect_jekyll(Detector& d)
{
  if (!is_file(d.root() / "_config.yml")) {
    return false;
  }
  std::vector<std::string> dirs = jekyll_post_dirs(d.root());
  if (dirs.empty()) {
    return false;
  }
  d.found("_config.yml");
  const auto doc = d.document("_config.yml", jekyll_config_text(d));
  const util::YamlValue* c = doc ? &*doc : nullptr;
  // Jekyll-Bootstrap's sites name their URL `production_url`.
  const bool bootstrap = !scalar(c, "url") && scalar(c, "production_url");
  d.url(scalar(c, bootstrap ? "production_url" : "url"),
        scalar(c, "baseurl").value_or(""),
        bootstrap ? "production_url (Jekyll-Bootstrap) and baseurl in "
                    "_config.yml"
                  : "url and baseurl in _config.yml");
  read_yaml_site(d, c, "_config.yml");
  // Without `timezone`, Jekyll reads and dates posts in the zone of the
  // machine that builds (UTC on CI runners): `date: 2024-06-01 08:00:00
  // +0900` is published at /2024/05/31/ there.
  if (scalar(c, "timezone").value_or("").empty()) {
    d.config().timezone = util::TimeZone::machine();
    d.note("timezone",
           "Jekyll without timezone: this machine's (TZ, else /etc/localtime)",
           true);
  }
  d.permalink(from_jekyll_pattern(scalar(c, "permalink").value_or("date")),
              "",
              scalar(c, "permalink") ? "permalink in _config.yml"
                                     : "Jekyll's default permalink");
  read_jekyll_defaults(d, c);
  d.site_output(scalar(c, "destination"), "_site");
  d.config().url_rules.own_permalink_tokens = true;
  d.config().url_rules.pretty_slugs = true;
  d.config().url_rules.path_keeps = "!$&'()*+,;=:@";
  d.config().url_rules.folder_categories = true;
  d.config().url_rules.dated_post_names = true;
  d.posts(std::move(dirs), {}, "Jekyll's _posts folders");
  return true;
}

} // namespace

const Generator k_jekyll = {
  "Jekyll", MarkupDialects::only(true, false, false, false), &detect_jekyll};

} // namespace ogfeed::content::generators
