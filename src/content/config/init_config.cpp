#include "content/config/site_detect.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ogfeed::content {

namespace {

// A YAML double-quoted string.
std::string
yaml_quoted(std::string_view text)
{
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"";
}

std::string
flow_list(const std::vector<std::string>& items)
{
  std::string out = "[";
  for (const auto& item : items) {
    out += (out.size() > 1 ? ", " : "") + yaml_quoted(item);
  }
  return out + "]";
}

std::string
markup_list(const MarkupDialects& m)
{
  std::vector<std::string> names;
  if (m.liquid) {
    names.emplace_back("liquid");
  }
  if (m.hexo) {
    names.emplace_back("hexo");
  }
  if (m.shortcodes) {
    names.emplace_back("shortcodes");
  }
  if (m.colon_blocks) {
    names.emplace_back("zenn");
  }
  std::string out = "[";
  for (const auto& n : names) {
    out += (out.size() > 1 ? ", " : "") + n;
  }
  return out + "]";
}

// Where detection read `key`, if it did.
const DetectedSetting*
setting(const DetectedSite& site, std::string_view key)
{
  const auto it =
    std::find_if(site.settings.begin(),
                 site.settings.end(),
                 [&](const DetectedSetting& s) { return s.key == key; });
  return it == site.settings.end() ? nullptr : &*it;
}

// `text` padded to where the comments of ogfeed.yaml's lines start.
std::string
padded(std::string text)
{
  text.append(text.size() < 40 ? 40 - text.size() : 1, ' ');
  return text;
}

// One `key: value` line, commented with its source when it was read, else
// with `guess` (why ogfeed chose it, for the user to check) when one is
// given.
std::string
line(const DetectedSite& site,
     std::string_view key,
     const std::string& value,
     std::string_view guess = {})
{
  const std::string text =
    fmt::format("{}:{}{}", key, value.empty() ? "" : " ", value);
  if (const DetectedSetting* s = setting(site, key)) {
    return padded(text) + "# from " + s->source + "\n";
  }
  if (!guess.empty()) {
    return padded(text) + "# guessed: " + std::string(guess) + "\n";
  }
  return text + "\n";
}

// A setting that is this machine's own (a generator that dates in the
// build machine's zone), commented out: pinned, it would be wrong on a
// machine in another zone.
std::optional<std::string>
machine_line(const DetectedSite& site,
             std::string_view key,
             const std::string& value)
{
  const DetectedSetting* s = setting(site, key);
  if (s == nullptr || !s->of_this_machine) {
    return std::nullopt;
  }
  return padded(fmt::format("# {}: {}", key, value)) + "# " + s->source
         + "; set it to the zone the site is built in\n";
}

// The defaults ogfeed.yaml does not need to say, shown for reference.
constexpr const char* k_defaults =
  "\n# Defaults, for reference:\n"
  "# output_dir: public\n"
  "# feeds:\n"
  "#   formats: [atom, rss]\n"
  "#   limit: 20\n"
  "#   tags: true\n"
  "#   categories: true\n"
  "# cards:\n"
  "#   template: default\n"
  "#   format: png\n"
  "#   logo: /images/logo.png     # none by default\n"
  "#   description: false\n"
  "#   accents: {}                # category: \"#rrggbb\"\n"
  "# author:\n"
  "#   avatar: /images/me.png     # none by default\n";

// The `markup:` line with its comment.
std::string
markup_line(const DetectedSite& site)
{
  return padded("markup: " + markup_list(site.config.markup))
         + (site.generator.empty()
              ? "# every template syntax ogfeed knows: no generator found\n"
              : "# the template syntax " + site.generator
                  + " posts may hold\n");
}

} // namespace

std::string
init_config_yaml(const DetectedSite& site)
{
  const SiteConfig& c = site.config;
  std::string out =
    "# ogfeed.yaml, written by `ogfeed init`"
    + (site.generator.empty() ? std::string(".\n")
                              : " from the " + site.generator
                                  + " site it found (" + site.marker + ").\n")
    + "# Keys here win over the generator's own settings; delete one to "
      "follow them again.\n\n";
  out += c.title.empty() ? "title: \"\"                               # TODO: "
                           "the site's name, as feeds show it\n"
                         : line(site, "title", yaml_quoted(c.title));
  if (!c.subtitle.empty()) {
    out += line(site, "subtitle", yaml_quoted(c.subtitle));
  }
  out +=
    c.base_url.empty()
      ? "base_url: \"\"                            # TODO: the site's "
        "address"
          + (site.url_hint.empty() ? std::string() : ", e.g. " + site.url_hint)
          + "\n"
      : line(site, "base_url", c.base_url);
  const std::string where =
    site.marker.empty() ? std::string("the site") : site.marker;
  out += line(site,
              "language",
              c.language,
              "not in " + where
                + "; check it (the feeds' xml:lang, the cards' line "
                  "breaking: en, zh-CN...)");
  out += machine_line(site, "timezone", c.timezone.name())
           .value_or(line(site,
                          "timezone",
                          c.timezone.name(),
                          "not in " + where
                            + "; check it: dates without an offset are read "
                              "in this zone"));
  if (c.permalink_timezone) {
    out +=
      machine_line(site, "permalink_timezone", c.permalink_timezone->name())
        .value_or("");
  }
  if (!c.author.name.empty()) {
    out += line(site, "author", yaml_quoted(c.author.name));
  }
  out += line(site,
              "permalink",
              c.permalink,
              site.generator.empty()
                ? "check it against a post's address on the site"
                : site.generator
                    + "'s default, as its documentation gives it; check "
                      "it against a post's address");
  if (!c.section_permalinks.empty()) {
    out += line(site, "permalinks", "");
    for (const auto& [section, pattern] : c.section_permalinks) {
      out += "  " + section + ": " + pattern + "\n";
    }
  }
  out += line(site, "content_dir", flow_list(c.content_dirs));
  if (!c.exclude.empty()) {
    out += line(site, "exclude", flow_list(c.exclude));
  }
  out += markup_line(site);
  out += k_defaults;
  return out;
}

std::optional<std::string>
gitignore_with_state_dir(std::string_view gitignore)
{
  std::size_t start = 0;
  while (start < gitignore.size()) {
    const std::size_t nl =
      std::min(gitignore.find('\n', start), gitignore.size());
    std::string_view line = gitignore.substr(start, nl - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
      line.remove_suffix(1);
    }
    if (line == ".ogfeed" || line == ".ogfeed/" || line == "/.ogfeed"
        || line == "/.ogfeed/") {
      return std::nullopt;
    }
    start = nl + 1;
  }
  std::string out(gitignore);
  if (!out.empty() && out.back() != '\n') {
    out += '\n';
  }
  return out
         + "# ogfeed's state (lock, manifest, caches): never commit "
           "it\n.ogfeed/\n";
}

} // namespace ogfeed::content
