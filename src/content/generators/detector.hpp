#pragma once

// What every generator module shares: the Detector that records what a
// module reads of a site, and the helpers that read config files.

#include "content/config/permalink.hpp"
#include "content/config/site_detect.hpp"
#include "content/generators/js_values.hpp"
#include "util/ascii.hpp"
#include "util/file.hpp"
#include "util/json_value.hpp"
#include "util/language_tag.hpp"
#include "util/toml_value.hpp"
#include "util/url.hpp"
#include "util/yaml_value.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::content::generators {

namespace fs = std::filesystem;

class Detector;

// One generator ogfeed reads: its name as messages give it, the markup its
// posts hold, and how to recognise its site and read its settings (false
// when the folder is not its site).
struct Generator
{
  std::string_view name;
  MarkupDialects markup;
  bool (*detect)(Detector& d);
};

bool is_dir(const fs::path& p);
bool is_file(const fs::path& p);
// The first of `names` that is a file below `root`.
std::optional<std::string>
first_file(const fs::path& root, std::initializer_list<std::string_view> names);
// The first of `dirs` that is a folder below `root`.
std::optional<std::string>
first_dir(const fs::path& root, std::initializer_list<std::string_view> dirs);
// The text of the config file `rel` below the site `root` (at most 1 MiB);
// "" when it cannot be read, lies outside the site ("..", an absolute
// path) or is reached through a link: a repository's files never make
// ogfeed read anything else.
std::string read_text(const fs::path& root, const fs::path& rel);
// True when the site's package.json depends on `package`.
bool package_uses(const fs::path& root, std::string_view package);
const util::YamlValue* find_key(const util::YamlValue* map,
                                std::string_view key);
std::optional<std::string> scalar(const util::YamlValue* map,
                                  std::string_view key);
// The `lang` of the <html> element in the page layouts of the folder `rel`
// below the site `root`, if they agree on one.
std::optional<std::string> html_lang(const fs::path& root, const fs::path& rel);
std::string without_slashes(std::string dir);

class Detector
{
public:
  Detector(const fs::path& root, DetectedSite& site)
    : m_root(root),
      m_site(site)
  {
  }

  // The generator detect_site() is trying; found() says it is the one.
  void
  trying(const Generator& generator)
  {
    m_trying = &generator;
  }

  // The site is the tried generator's, found by `marker` (its config).
  void
  found(std::string marker)
  {
    m_site.config.markup = m_trying->markup;
    m_site.config.post_quirks = PostQuirks::read_as_generator;
    m_site.generator = std::string(m_trying->name);
    m_site.marker = std::move(marker);
  }

  void
  note(const std::string& key,
       const std::string& source,
       bool of_this_machine = false)
  {
    m_site.settings.push_back({key, source, of_this_machine, std::nullopt});
  }

  void
  warn(const std::string& message)
  {
    m_site.diagnostics.push_back(warning(message));
  }

  // The last setting noted is a guess; `message` warns about it if the
  // build keeps it (DetectedSetting::guess).
  void
  guessed(const std::string& message)
  {
    m_site.settings.back().guess = warning(message);
  }

  void
  url(std::optional<std::string> url,
      std::string_view path,
      const std::string& source)
  {
    if (!url) {
      return;
    }
    std::string base(util::trim_xml_space(*url));
    if (!util::is_http_url(base)) {
      warn("site URL '" + base + "' (" + source
           + ") is not an absolute http(s) URL; it is not used");
      return;
    }
    if (base.back() == '/') {
      base.pop_back();
    }
    std::string sub(path);
    if (!sub.empty() && sub.front() != '/') {
      sub.insert(sub.begin(), '/');
    }
    if (!sub.empty() && sub.back() == '/') {
      sub.pop_back();
    }
    m_site.config.base_url = base + sub + "/";
    note("base_url", source);
  }

  void
  text(std::optional<std::string> value,
       std::string SiteConfig::*field,
       const std::string& key,
       const std::string& source)
  {
    if (value && !value->empty()) {
      m_site.config.*field = std::move(*value);
      note(key, source);
    }
  }

  void
  language(std::optional<std::string> tag, const std::string& source)
  {
    if (tag && util::is_language_tag(*tag)) {
      m_site.config.language = *tag;
      note("language", source);
    }
  }

  void
  timezone(std::optional<std::string> name, const std::string& source)
  {
    if (!name || name->empty()) { // `timezone: ''`: none given
      return;
    }
    if (auto zone = util::TimeZone::locate(*name)) {
      m_site.config.timezone = std::move(*zone);
      note("timezone", source);
    } else {
      warn("time zone '" + *name + "' (" + source
           + ") is unknown: " + zone.error().message);
    }
  }

  // A pattern already in ogfeed's tokens; `section` empty for the site's.
  void
  permalink(const std::string& pattern,
            const std::string& section,
            const std::string& source)
  {
    if (auto ok = check_permalink_pattern(pattern); !ok) {
      warn("permalink '" + pattern + "' (" + source + ") is not understood: "
           + ok.error().message + "; write the site's in ogfeed.yaml");
      return;
    }
    if (section.empty()) {
      m_site.config.permalink = pattern;
      note("permalink", source);
    } else {
      m_site.config.section_permalinks[section] = pattern;
      note("permalinks", source);
    }
  }

  void
  posts(std::vector<std::string> dirs,
        std::vector<std::string> exclude,
        const std::string& source)
  {
    m_site.config.content_dirs = std::move(dirs);
    note("content_dir", source);
    if (!exclude.empty()) {
      m_site.config.exclude = std::move(exclude);
      note("exclude", source);
    }
  }

  void
  author(const util::YamlValue* v, const std::string& source)
  {
    if (v == nullptr) {
      return;
    }
    if (v->kind == util::YamlValue::Kind::scalar && !v->scalar.empty()) {
      m_site.config.author.name = v->scalar;
    } else if (const auto name = scalar(v, "name")) {
      m_site.config.author.name = *name;
      if (const auto email = scalar(v, "email");
          email && email->find('@') != std::string::npos) {
        m_site.config.author.email = *email;
      }
    } else {
      return;
    }
    note("author", source);
  }

  // Reads a TOML, YAML or JSON config file; a broken one is a warning.
  // With `tab_indent`, tabs that start a line are two spaces each, as
  // Hexo reads its YAML (hexo-front-matter's escape).
  std::optional<util::YamlValue>
  document(const std::string& rel, bool tab_indent = false)
  {
    return document(rel, read_text(m_root, rel), tab_indent);
  }
  // The same, of the file's `text` as the generator sees it.
  std::optional<util::YamlValue>
  document(const std::string& rel, std::string text, bool tab_indent = false)
  {
    if (tab_indent) {
      text = util::tabs_as_indent(std::move(text));
    }
    auto doc = rel.ends_with(".toml")   ? util::parse_toml(text, 1)
               : rel.ends_with(".json") ? util::parse_json_value(text)
                                        : util::parse_yaml(text, 1);
    if (!doc) {
      util::Diagnostic d = doc.error();
      d.severity = util::Severity::warning;
      d.message = "cannot read the generator's config: " + d.message;
      d.path = (m_root / rel).lexically_normal().string();
      m_site.diagnostics.push_back(std::move(d));
      return std::nullopt;
    }
    return std::move(*doc);
  }

  const fs::path&
  root() const
  {
    return m_root;
  }
  SiteConfig&
  config()
  {
    return m_site.config;
  }
  void
  hint(std::string url)
  {
    m_site.url_hint = std::move(url);
  }
  // The base_url when nothing else tells (DetectedSite::url_fallback).
  void
  url_fallback(std::string url)
  {
    m_site.url_fallback = std::move(url);
  }
  void
  site_output(std::optional<std::string> dir, const char* fallback)
  {
    m_site.site_output = without_slashes(dir.value_or(fallback));
  }

private:
  util::Diagnostic
  warning(const std::string& message) const
  {
    util::Diagnostic d = util::make_warning(message);
    d.path = (m_root / m_site.marker).lexically_normal().string();
    return d;
  }

  fs::path m_root;
  DetectedSite& m_site;
  const Generator* m_trying = nullptr;
};

// The keys YAML-configured generators share (title, subtitle or
// description, lang or language, timezone, author), read from `c`.
void
read_yaml_site(Detector& d, const util::YamlValue* c, const std::string& file);

} // namespace ogfeed::content::generators
