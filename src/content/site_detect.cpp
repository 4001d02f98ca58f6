#include "content/site_detect.hpp"

#include "content/permalink.hpp"
#include "content/toml_value.hpp"
#include "content/yaml_value.hpp"
#include "util/ascii.hpp"
#include "util/file.hpp"
#include "util/language_tag.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <regex>

namespace ogfeed::content {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t k_max_config_bytes = 1024 * 1024;

bool
is_dir(const fs::path& p)
{
  std::error_code ec;
  return fs::is_directory(p, ec);
}

bool
is_file(const fs::path& p)
{
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

// The first of `names` that is a file below root, as written.
std::optional<std::string>
first_file(const fs::path& root, std::initializer_list<std::string_view> names)
{
  for (const std::string_view n : names) {
    if (is_file(root / n)) {
      return std::string(n);
    }
  }
  return std::nullopt;
}

std::string
read_text(const fs::path& p)
{
  auto bytes = util::read_file(p, k_max_config_bytes);
  return bytes ? std::move(*bytes) : std::string();
}

bool
package_uses(const fs::path& root, std::string_view package)
{
  return read_text(root / "package.json").find(package) != std::string::npos;
}

// A value of a config document by key, without regard to case (Hugo's keys
// are case-insensitive; the others' never clash with that).
const YamlValue*
find_key(const YamlValue* map, std::string_view key)
{
  if (map == nullptr || map->kind != YamlValue::Kind::map) {
    return nullptr;
  }
  for (const auto& e : map->entries) {
    if (util::ascii_lower(e.key.scalar) == util::ascii_lower(key)) {
      return &e.value;
    }
  }
  return nullptr;
}

std::optional<std::string>
scalar(const YamlValue* map, std::string_view key)
{
  const YamlValue* v = find_key(map, key);
  if (v == nullptr) {
    return std::nullopt;
  }
  if (v->kind == YamlValue::Kind::sequence && !v->items.empty()
      && v->items.front().kind == YamlValue::Kind::scalar) {
    return v->items.front().scalar; // Hexo: `language: [ja, en]`
  }
  if (v->kind != YamlValue::Kind::scalar || v->scalar.empty()) {
    return std::nullopt;
  }
  return v->scalar;
}

// JavaScript source without its comments (`// ...`, `/* ... */`), string
// literals kept as they are: a commented-out `url: '...'` is not the site's.
std::string
without_js_comments(std::string_view js)
{
  std::string out;
  out.reserve(js.size());
  char quote = 0;
  for (std::size_t i = 0; i < js.size(); ++i) {
    const char c = js[i];
    if (quote != 0) {
      out += c;
      if (c == '\\' && i + 1 < js.size()) {
        out += js[++i];
      } else if (c == quote || (c == '\n' && quote != '`')) {
        quote = 0;
      }
      continue;
    }
    if (c == '"' || c == '\'' || c == '`') {
      quote = c;
      out += c;
    } else if (c == '/' && i + 1 < js.size() && js[i + 1] == '/') {
      i = std::min(js.find('\n', i), js.size()) - 1;
    } else if (c == '/' && i + 1 < js.size() && js[i + 1] == '*') {
      const std::size_t end = js.find("*/", i + 2);
      i = end == std::string_view::npos ? js.size() : end + 1;
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// A string value in JavaScript source: `key: "text"` or `key = 'text'`, or
// `key: NAME` where `const NAME = "text"`. Read, never run: comments are
// skipped, and anything but a plain literal is not found.
std::optional<std::string>
js_string(const std::string& source, std::string_view key)
{
  const std::string js = without_js_comments(source);
  const std::string name =
    "(^|[^A-Za-z0-9_.$])[\"']?" + std::string(key) + "[\"']?\\s*[:=]\\s*";
  const std::regex literal(name + "([\"'`])([^\"'`\\n]*)\\2");
  std::smatch m;
  if (std::regex_search(js, m, literal) && m[3].length() > 0) {
    return m[3].str();
  }
  const std::regex named(name + "([A-Za-z_$][A-Za-z0-9_$]*)\\s*[,}\\n]");
  if (!std::regex_search(js, m, named)) {
    return std::nullopt;
  }
  const std::regex constant("(const|let|var)\\s+" + m[2].str()
                            + "\\s*=\\s*([\"'`])([^\"'`\\n]*)\\2");
  if (std::regex_search(js, m, constant) && m[3].length() > 0) {
    return m[3].str();
  }
  return std::nullopt;
}

// The markup each generator renders in its posts.
MarkupDialects
markup_of(std::string_view generator)
{
  const bool hugo = generator == "Hugo";
  const bool liquid =
    generator == "Jekyll" || generator == "Hexo" || generator == "Eleventy";
  const bool colon = generator == "Zenn" || generator == "Qiita CLI"
                     || generator == "Hexo" || generator == "Docusaurus";
  return MarkupDialects::only(liquid, generator == "Hexo", hugo, colon);
}

// The `lang` of the <html> element in a folder of page layouts (Astro's
// src/layouts/*.astro), if they agree on one.
std::optional<std::string>
html_lang(const fs::path& dir)
{
  static const std::regex lang(R"re(<html[^>]*\slang=["']([A-Za-z-]+)["'])re");
  std::error_code ec;
  std::optional<std::string> found;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string text = read_text(it->path());
    std::smatch m;
    if (std::regex_search(text, m, lang)) {
      if (found && *found != m[1].str()) {
        return std::nullopt;
      }
      found = m[1].str();
    }
  }
  return found;
}

std::string
without_slashes(std::string dir)
{
  while (dir.ends_with('/')) {
    dir.pop_back();
  }
  while (dir.starts_with("./")) {
    dir.erase(0, 2);
  }
  return dir;
}

class Detector
{
public:
  Detector(const fs::path& root, DetectedSite& site)
    : m_root(root),
      m_site(site)
  {
  }

  void
  found(std::string generator, std::string marker)
  {
    m_site.config.markup = markup_of(generator);
    m_site.generator = std::move(generator);
    m_site.marker = std::move(marker);
  }

  void
  note(const std::string& key, const std::string& source)
  {
    m_site.settings.push_back({key, source});
  }

  void
  warn(const std::string& message)
  {
    util::Diagnostic d = util::make_warning(message);
    d.path = (m_root / m_site.marker).lexically_normal().string();
    m_site.diagnostics.push_back(std::move(d));
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
    if (!name) {
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
  author(const YamlValue* v, const std::string& source)
  {
    if (v == nullptr) {
      return;
    }
    if (v->kind == YamlValue::Kind::scalar && !v->scalar.empty()) {
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
  std::optional<YamlValue>
  document(const std::string& rel)
  {
    const std::string text = read_text(m_root / rel);
    auto doc =
      rel.ends_with(".toml") ? parse_toml(text, 1) : parse_yaml(text, 1);
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
  void
  site_output(std::optional<std::string> dir, const char* fallback)
  {
    m_site.site_output = without_slashes(dir.value_or(fallback));
  }

private:
  fs::path m_root;
  DetectedSite& m_site;
};

// Hugo's permalink tokens in ogfeed's: Hugo's :slug falls back to the
// title, its :slugorfilename is ogfeed's :slug.
std::string
from_hugo_pattern(std::string pattern)
{
  static const std::array<std::pair<std::string_view, std::string_view>, 5>
    renames = {{{":slugorfilename", ":slug"},
                {":slugorcontentbasename", ":slug"},
                {":contentbasename", ":filename"},
                {":slug", ":slugortitle"},
                {":yearday", ":unsupported"}}};
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    bool renamed = false;
    for (const auto& [from, to] : renames) {
      if (std::string_view(pattern).substr(i).starts_with(from)) {
        out += to;
        i += from.size();
        renamed = true;
        break;
      }
    }
    if (!renamed) {
      out += pattern[i++];
    }
  }
  if (!out.starts_with('/')) {
    out.insert(out.begin(), '/');
  }
  return out;
}

std::string
without_trailing_slash(std::string dir)
{
  while (dir.size() > 1 && dir.back() == '/') {
    dir.pop_back();
  }
  return dir;
}

// Hugo's default URL is the file's folders, then its slug or file name;
// `permalinks` sets one per section.
void
read_hugo_permalinks(Detector& d, const YamlValue* c, const std::string& file)
{
  d.config().permalink = "/:sections/:slug/";
  const YamlValue* links = find_key(c, "permalinks");
  if (const YamlValue* page = find_key(links, "page")) {
    links = page; // Hugo 0.120: permalinks.page.<section>
  }
  if (links != nullptr && links->kind == YamlValue::Kind::map) {
    for (const auto& e : links->entries) {
      if (e.value.kind == YamlValue::Kind::scalar) {
        d.permalink(from_hugo_pattern(e.value.scalar),
                    e.key.scalar,
                    "permalinks in " + file);
      }
    }
  }
}

// A multilingual Hugo site's content folders: the default language's, then
// every other language with a folder of its own (content/en), whose posts
// are in that language under /<key>/ (Hugo's default for all but the
// default language; the default one too with
// defaultContentLanguageInSubdir). Every language is also recorded by key
// for translations that share a folder by file suffix (post.en.md).
std::vector<std::string>
hugo_content_dirs(Detector& d,
                  const YamlValue* c,
                  const YamlValue* default_lang,
                  const std::string& default_key,
                  const std::string& content)
{
  std::vector<std::string> dirs{content};
  if (scalar(c, "defaultContentLanguageInSubdir").value_or("") == "true"
      && !default_key.empty()) {
    const auto own = [&](std::string_view key) {
      const auto v = scalar(default_lang, key);
      return v ? v : scalar(c, key);
    };
    d.config().content_languages[content] = {
      own("languageCode").value_or(default_key),
      util::ascii_lower(default_key) + "/",
      own("title").value_or("")};
  }
  const YamlValue* languages = find_key(c, "languages");
  if (languages == nullptr || languages->kind != YamlValue::Kind::map) {
    return dirs;
  }
  for (const auto& e : languages->entries) {
    // Every language, for translations named by file suffix: the default
    // one at the site's root (unless in its subfolder), others below theirs.
    const bool is_default = &e.value == default_lang;
    const bool in_subdir =
      !is_default
      || scalar(c, "defaultContentLanguageInSubdir").value_or("") == "true";
    d.config().file_languages[e.key.scalar] = {
      scalar(&e.value, "languageCode").value_or(e.key.scalar),
      in_subdir ? util::ascii_lower(e.key.scalar) + "/" : std::string(),
      scalar(&e.value, "title").value_or("")};
  }
  for (const auto& e : languages->entries) {
    const std::string dir =
      without_trailing_slash(scalar(&e.value, "contentDir").value_or(""));
    if (&e.value == default_lang || dir.empty() || dir == content
        || !is_dir(d.root() / dir)) {
      continue;
    }
    dirs.push_back(dir);
    d.config().content_languages[dir] = {
      scalar(&e.value, "languageCode").value_or(e.key.scalar),
      util::ascii_lower(e.key.scalar) + "/",
      scalar(&e.value, "title").value_or("")};
  }
  return dirs;
}

// Puts `from`'s keys into the map `into`: maps merge key by key, anything
// else replaces what was there (Hugo's merge of its config files).
void
merge_config(YamlValue& into, YamlValue from)
{
  if (into.kind != YamlValue::Kind::map || from.kind != YamlValue::Kind::map) {
    into = std::move(from);
    return;
  }
  for (auto& e : from.entries) {
    auto it = std::find_if(
      into.entries.begin(), into.entries.end(), [&](const YamlEntry& x) {
        return util::ascii_lower(x.key.scalar)
               == util::ascii_lower(e.key.scalar);
      });
    if (it == into.entries.end()) {
      into.entries.push_back(std::move(e));
    } else {
      merge_config(it->value, std::move(e.value));
    }
  }
}

// A map of one key: {key: value}.
YamlValue
map_of(const std::string& key, YamlValue value)
{
  YamlValue map;
  map.kind = YamlValue::Kind::map;
  YamlEntry e;
  e.key.kind = YamlValue::Kind::scalar;
  e.key.scalar = key;
  e.value = std::move(value);
  map.entries.push_back(std::move(e));
  return map;
}

// Hugo's configuration folder (config/_default/, then config/production/,
// the environment `hugo` builds): hugo.* or config.* hold root keys, every
// other file the key it is named after (permalinks.toml, languages.yaml),
// or that key of one language (params.ja.toml). Merged into `c` in that
// order, as Hugo merges them.
void
merge_hugo_config_dir(Detector& d, YamlValue& c, const std::string& used)
{
  for (const char* env : {"config/_default", "config/production"}) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(d.root() / env, ec)) {
      const std::string ext = e.path().extension().string();
      if ((ext == ".toml" || ext == ".yaml" || ext == ".yml" || ext == ".json")
          && !e.is_symlink() && e.is_regular_file(ec)) {
        files.push_back(e.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      const std::string rel = std::string(env) + "/" + f.filename().string();
      if (rel == used) {
        continue;
      }
      auto doc = d.document(rel);
      if (!doc) {
        continue;
      }
      const std::string stem = f.stem().string();
      const auto dot = stem.find('.');
      const std::string key = stem.substr(0, dot);
      if (key == "hugo" || key == "config") {
        merge_config(c, std::move(*doc));
      } else if (dot == std::string::npos) {
        merge_config(c, map_of(key, std::move(*doc)));
      } else {
        merge_config(
          c,
          map_of("languages",
                 map_of(stem.substr(dot + 1), map_of(key, std::move(*doc)))));
      }
    }
  }
}

bool
detect_hugo(Detector& d)
{
  const auto file = first_file(d.root(),
                               {"hugo.toml",
                                "hugo.yaml",
                                "hugo.yml",
                                "hugo.json",
                                "config/_default/hugo.toml",
                                "config/_default/hugo.yaml",
                                "config/_default/config.toml",
                                "config/_default/config.yaml",
                                "config.toml",
                                "config.yaml",
                                "config.yml",
                                "config.json"});
  if (!file) {
    return false;
  }
  auto doc = d.document(*file);
  if (doc && doc->kind == YamlValue::Kind::null) {
    doc->kind = YamlValue::Kind::map;
  }
  if (doc) {
    merge_hugo_config_dir(d, *doc, *file);
  }
  const YamlValue* c = doc ? &*doc : nullptr;
  // A multilingual site: the default language's settings win, and its
  // content folder is what its main feed lists.
  const std::string default_language =
    scalar(c, "defaultContentLanguage").value_or("");
  const YamlValue* languages = find_key(c, "languages");
  const YamlValue* lang = find_key(languages, default_language);
  if (lang == nullptr && languages != nullptr && !languages->entries.empty()
      && default_language.empty()) {
    lang = &languages->entries.front().value;
  }
  auto value = [&](std::string_view key) {
    const auto own = scalar(lang, key);
    return own ? own : scalar(c, key);
  };
  const std::string content =
    without_trailing_slash(value("contentDir").value_or("content"));
  if (!is_dir(d.root() / content)) {
    return false;
  }
  d.found("Hugo", *file);
  d.url(scalar(c, "baseURL"), "", "baseURL in " + *file);
  d.text(value("title"), &SiteConfig::title, "title", "title in " + *file);
  const YamlValue* params = find_key(lang, "params") != nullptr
                              ? find_key(lang, "params")
                              : find_key(c, "params");
  d.text(scalar(params, "description"),
         &SiteConfig::subtitle,
         "subtitle",
         "params.description in " + *file);
  d.language(value("languageCode") ? value("languageCode")
                                   : scalar(c, "defaultContentLanguage"),
             "languageCode in " + *file);
  d.timezone(value("timeZone"), "timeZone in " + *file);
  d.author(find_key(params, "author") ? find_key(params, "author")
                                      : find_key(c, "author"),
           "params.author in " + *file);
  read_hugo_permalinks(d, c, *file);
  // Goldmark leaves raw HTML out unless markup.goldmark.renderer.unsafe.
  const YamlValue* renderer =
    find_key(find_key(find_key(c, "markup"), "goldmark"), "renderer");
  d.config().raw_html = scalar(renderer, "unsafe").value_or("") == "true"
                          ? RawHtml::keep
                          : RawHtml::omit;
  d.site_output(value("publishDir"), "public");
  const bool ugly = scalar(c, "uglyURLs").value_or("") == "true";
  d.config().url_rules = {
    .lower_case = scalar(c, "disablePathToLower").value_or("") != "true",
    .spaces_as_hyphens = true,
    .trailing_slash = !ugly,
    .ugly = ugly};
  d.posts(hugo_content_dirs(d, c, lang, default_language, content),
          {},
          "contentDir in " + *file);
  return true;
}

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

void
read_jekyll_like(Detector& d, const YamlValue* c, const std::string& file)
{
  d.text(scalar(c, "title"), &SiteConfig::title, "title", "title in " + file);
  d.text(scalar(c, "subtitle") ? scalar(c, "subtitle")
                               : scalar(c, "description"),
         &SiteConfig::subtitle,
         "subtitle",
         "description in " + file);
  d.language(scalar(c, "lang") ? scalar(c, "lang") : scalar(c, "language"),
             "language in " + file);
  d.timezone(scalar(c, "timezone"), "timezone in " + file);
  d.author(find_key(c, "author"), "author in " + file);
}

// Jekyll's front matter defaults that set posts' permalink: a scope of all
// posts (path "" or "_posts") sets the site's pattern, one of a folder below
// `_posts` ("_posts/tech") that section's.
void
read_jekyll_defaults(Detector& d, const YamlValue* c)
{
  const YamlValue* defaults = find_key(c, "defaults");
  if (defaults == nullptr || defaults->kind != YamlValue::Kind::sequence) {
    return;
  }
  for (const YamlValue& entry : defaults->items) {
    const auto pattern = scalar(find_key(&entry, "values"), "permalink");
    const YamlValue* scope = find_key(&entry, "scope");
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
  d.found("Jekyll", "_config.yml");
  const auto doc = d.document("_config.yml");
  const YamlValue* c = doc ? &*doc : nullptr;
  d.url(scalar(c, "url"),
        scalar(c, "baseurl").value_or(""),
        "url and baseurl in _config.yml");
  read_jekyll_like(d, c, "_config.yml");
  d.permalink(from_jekyll_pattern(scalar(c, "permalink").value_or("date")),
              "",
              scalar(c, "permalink") ? "permalink in _config.yml"
                                     : "Jekyll's default permalink");
  read_jekyll_defaults(d, c);
  d.site_output(scalar(c, "destination"), "_site");
  d.config().url_rules.own_permalink_tokens = true;
  d.config().url_rules.folder_categories = true;
  d.posts(std::move(dirs), {}, "Jekyll's _posts folders");
  return true;
}

bool
detect_hexo(Detector& d)
{
  if (!is_file(d.root() / "_config.yml")) {
    return false;
  }
  const auto doc = d.document("_config.yml");
  const YamlValue* c = doc ? &*doc : nullptr;
  const std::string source = scalar(c, "source_dir").value_or("source");
  if (!is_dir(d.root() / source / "_posts")) {
    return false;
  }
  d.found("Hexo", "_config.yml");
  d.site_output(scalar(c, "public_dir"), "public");
  d.url(scalar(c, "url"), "", "url in _config.yml");
  read_jekyll_like(d, c, "_config.yml");
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

bool
detect_zenn(Detector& d)
{
  if (!is_dir(d.root() / "articles")
      || !(package_uses(d.root(), "zenn-cli") || is_dir(d.root() / "books"))) {
    return false;
  }
  d.found("Zenn",
          package_uses(d.root(), "zenn-cli") ? "package.json" : "articles");
  // The slug is the whole file name, a date at its start included.
  d.permalink("/articles/:filename", "", "Zenn's article URLs");
  // Zenn's renderer shows raw HTML as text (`Option<T>` stays visible).
  d.config().raw_html = RawHtml::escape;
  // Only articles/*.md are articles; books and sub-folders are not.
  d.posts({"articles"}, {"*/**"}, "Zenn's articles/");
  d.hint("https://YOUR_NAME.github.io/zenn-feed/ (a site you publish to: the "
         "feeds and cards go there, zenn.dev takes no files) with permalink: "
         "https://zenn.dev/YOUR_NAME/articles/:filename (where Zenn "
         "publishes each article)");
  return true;
}

bool
detect_qiita(Detector& d)
{
  if (!is_dir(d.root() / "public")
      || !(package_uses(d.root(), "@qiita/qiita-cli")
           || is_file(d.root() / "qiita.config.json"))) {
    return false;
  }
  d.found("Qiita CLI",
          is_file(d.root() / "qiita.config.json") ? "qiita.config.json"
                                                  : "package.json");
  d.permalink("/items/:id", "", "Qiita's item URLs");
  d.posts({"public"}, {"*/**"}, "Qiita CLI's public/");
  d.hint("https://YOUR_NAME.github.io/qiita-feed/ (a site you publish to: "
         "the feeds and cards go there, qiita.com takes no files) with "
         "permalink: https://qiita.com/YOUR_NAME/items/:id (where Qiita "
         "publishes each item)");
  return true;
}

// The first of `dirs` (below root) that holds Markdown posts.
std::optional<std::string>
first_dir(const fs::path& root, std::initializer_list<std::string_view> dirs)
{
  for (const std::string_view dir : dirs) {
    if (is_dir(root / dir)) {
      return std::string(dir);
    }
  }
  return std::nullopt;
}

// Astro's static endpoints: src/pages/rss.xml.js builds /rss.xml. Dynamic
// routes ([slug].json.ts) name no fixed URL and are left out.
std::map<std::string, std::string>
astro_endpoints(const fs::path& root)
{
  std::map<std::string, std::string> routes;
  const fs::path pages = root / "src/pages";
  std::error_code ec;
  fs::recursive_directory_iterator it(pages, fs::directory_options::none, ec);
  for (std::size_t seen = 0;
       !ec && it != fs::recursive_directory_iterator() && seen < 10000;
       it.increment(ec), ++seen) {
    if (it.depth() > 8 || !it->is_regular_file(ec) || it->is_symlink(ec)) {
      continue;
    }
    const fs::path rel = it->path().lexically_relative(pages);
    const std::string ext = rel.extension().string();
    const std::string route =
      rel.parent_path().empty()
        ? rel.stem().string()
        : (rel.parent_path() / rel.stem()).generic_string();
    if ((ext == ".js" || ext == ".ts" || ext == ".mjs" || ext == ".mts")
        && fs::path(route).has_extension()
        && route.find('[') == std::string::npos) {
      routes[route] = ("src/pages" / rel).generic_string();
    }
  }
  return routes;
}

bool
detect_astro(Detector& d)
{
  const auto file = first_file(d.root(),
                               {"astro.config.mjs",
                                "astro.config.ts",
                                "astro.config.js",
                                "astro.config.mts",
                                "astro.config.cjs"});
  if (!file) {
    return false;
  }
  d.found("Astro", *file);
  const std::string js = read_text(d.root() / *file);
  // With a server adapter (Cloudflare, Node, Vercel...), the static site
  // is built into dist/client.
  d.site_output(std::nullopt,
                without_js_comments(js).find("adapter:") != std::string::npos
                  ? "dist/client"
                  : "dist");
  d.config().url_rules.processed_images = true; // image() assets
  d.config().generator_routes = astro_endpoints(d.root());
  d.url(js_string(js, "site"),
        js_string(js, "base").value_or(""),
        "site in " + *file);
  d.language(html_lang(d.root() / "src/layouts"), "lang in src/layouts");
  const std::string consts = read_text(d.root() / "src/consts.ts");
  d.text(js_string(consts, "SITE_TITLE"),
         &SiteConfig::title,
         "title",
         "SITE_TITLE in src/consts.ts");
  d.text(js_string(consts, "SITE_DESCRIPTION"),
         &SiteConfig::subtitle,
         "subtitle",
         "SITE_DESCRIPTION in src/consts.ts");
  // The collection's folder as its loader names it:
  // glob({ base: "./src/content/blog", ... }) in src/content.config.ts.
  std::optional<std::string> dir;
  for (const char* name : {"src/content.config.ts",
                           "src/content.config.mjs",
                           "src/content.config.js",
                           "src/content/config.ts"}) {
    if (auto base = js_string(read_text(d.root() / name), "base")) {
      const std::string folder =
        fs::path(*base).lexically_normal().generic_string();
      if (is_dir(d.root() / folder) && !folder.starts_with("..")) {
        dir = folder;
        break;
      }
    }
  }
  if (!dir) {
    dir = first_dir(d.root(),
                    {"src/content/blog",
                     "src/content/posts",
                     "src/content/post",
                     "src/data/blog",
                     "src/data/posts",
                     "src/pages/blog",
                     "src/pages/posts"});
  }
  if (dir) {
    const std::string name = fs::path(*dir).filename().string();
    d.permalink("/" + name + "/:path/", "", "the " + name + " collection");
    d.posts({*dir}, {}, "the " + name + " collection");
  }
  return true;
}

// Eleventy's posts: the folder whose directory data file tags its pages
// "posts" (the base blog's blog.11tydata.js), else posts/ or blog/.
std::optional<std::string>
eleventy_posts_dir(const fs::path& input)
{
  std::error_code ec;
  fs::recursive_directory_iterator it(input, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code type_ec;
    if (it->is_directory(type_ec)
        && (name.starts_with('.') || name.starts_with('_')
            || name == "node_modules" || it.depth() >= 3)) {
      it.disable_recursion_pending();
      continue;
    }
    if (name.find(".11tydata.") != std::string::npos) {
      const std::string text = read_text(it->path());
      if (text.find("\"posts\"") != std::string::npos
          || text.find("'posts'") != std::string::npos) {
        return it->path().parent_path().lexically_relative(input).string();
      }
    }
  }
  return first_dir(input, {"posts", "blog"});
}

// Eleventy's collections by glob, `getFilteredByGlob("./src/en/posts/*.md")`
// in its config (a string or an array of them): each glob's folder, before
// its first wildcard, relative to the project.
std::vector<std::string>
eleventy_glob_dirs(const fs::path& root, const std::string& js)
{
  std::vector<std::string> dirs;
  const std::string code = without_js_comments(js);
  const std::string call = "getFilteredByGlob(";
  for (std::size_t at = code.find(call); at != std::string::npos;
       at = code.find(call, at + 1)) {
    std::size_t i = at + call.size();
    const std::size_t end = code.find(')', i);
    while (i < end && end != std::string::npos) {
      const std::size_t open = code.find_first_of("'\"`", i);
      if (open == std::string::npos || open > end) {
        break;
      }
      const std::size_t close = code.find(code[open], open + 1);
      if (close == std::string::npos || close > end) {
        break;
      }
      std::string glob = code.substr(open + 1, close - open - 1);
      i = close + 1;
      glob = glob.substr(0, glob.find_first_of("*?[{"));
      glob = glob.substr(0, glob.rfind('/') + 1);
      const std::string dir = without_slashes(glob);
      if (!dir.empty() && !dir.starts_with("..") && is_dir(root / dir)
          && std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) {
        dirs.push_back(dir);
      }
    }
  }
  return dirs;
}

// A folder's Eleventy directory data file (NAME.11tydata.json or
// NAME.json in the folder NAME), parsed; null when it has none.
std::optional<YamlValue>
eleventy_dir_data(const fs::path& folder)
{
  const std::string name = folder.filename().string();
  for (const std::string& file : {name + ".11tydata.json", name + ".json"}) {
    const std::string text = read_text(folder / file);
    if (text.empty()) {
      continue;
    }
    if (auto v = parse_yaml(text, 1); v && v->kind == YamlValue::Kind::map) {
      return std::move(*v);
    }
  }
  return std::nullopt;
}

// The permalink of the posts of `dir` (below the project, inside `input`)
// in ogfeed's tokens, from the data cascade of Eleventy's directory data
// files: the folder's own `permalink` template, its `{{ name }}` values from
// that file or its parent folders' ("locale" of src/en/en.json),
// `{{ page.fileSlug }}` and `{{ title | slugify }}`. Else the file's path
// below the input folder, Eleventy's default. Nothing when the template is
// more than that.
std::optional<std::string>
eleventy_dir_permalink(const fs::path& root,
                       const std::string& input,
                       const std::string& dir)
{
  std::vector<YamlValue> cascade; // deepest first
  const fs::path in = fs::path(input).lexically_normal();
  for (fs::path f = fs::path(dir).lexically_normal();
       !f.empty() && f != in && f != "." && f.has_filename();
       f = f.parent_path()) {
    if (auto data = eleventy_dir_data(root / f)) {
      cascade.push_back(std::move(*data));
    }
  }
  const YamlValue* permalink = nullptr;
  for (const auto& data : cascade) {
    if ((permalink = data.find("permalink")) != nullptr) {
      break;
    }
  }
  if (permalink == nullptr || permalink->kind != YamlValue::Kind::scalar) {
    const std::string below =
      fs::path(dir).lexically_relative(in).generic_string();
    return "/" + (below.empty() || below == "." ? "" : below + "/") + ":path/";
  }
  std::string tpl = permalink->scalar;
  std::string out;
  for (std::size_t i = 0; i < tpl.size();) {
    if (tpl.compare(i, 2, "{%") == 0) {
      return std::nullopt;
    }
    if (tpl.compare(i, 2, "{{") != 0) {
      out += tpl[i++];
      continue;
    }
    const std::size_t close = tpl.find("}}", i);
    if (close == std::string::npos) {
      return std::nullopt;
    }
    std::string inner(
      util::trim_xml_space(std::string_view(tpl).substr(i + 2, close - i - 2)));
    i = close + 2;
    if (inner == "page.fileSlug") {
      out += ":filename";
    } else if (inner == "title | slugify" || inner == "title | slug") {
      out += ":title";
    } else if (inner.find_first_of(" |()'\"") == std::string::npos) {
      const YamlValue* value = nullptr;
      for (const auto& data : cascade) {
        if ((value = data.find(inner)) != nullptr) {
          break;
        }
      }
      if (value == nullptr || value->kind != YamlValue::Kind::scalar) {
        return std::nullopt;
      }
      out += value->scalar;
    } else {
      return std::nullopt;
    }
  }
  if (out.ends_with("index.html")) {
    out.erase(out.size() - std::string_view("index.html").size());
  }
  if (!out.starts_with('/')) {
    out.insert(out.begin(), '/');
  }
  return out;
}

bool
detect_eleventy(Detector& d)
{
  const auto file = first_file(d.root(),
                               {"eleventy.config.js",
                                "eleventy.config.mjs",
                                "eleventy.config.cjs",
                                ".eleventy.js"});
  if (!file) {
    return false;
  }
  d.found("Eleventy", *file);
  const std::string js = read_text(d.root() / *file);
  d.site_output(js_string(js, "output"), "_site");
  const std::string input = js_string(js, "input").value_or(".");
  const fs::path data =
    fs::path(input) / js_string(js, "data").value_or("_data");
  // The global data file that holds the site's URL: eleventy-base-blog's
  // metadata, or the names other starters give it.
  std::vector<std::string> names;
  for (const char* stem : {"metadata", "site", "siteData", "meta", "config"}) {
    for (const char* ext : {".js", ".mjs", ".cjs", ".json"}) {
      names.push_back(std::string(stem) + ext);
    }
  }
  for (const std::string& name : names) {
    const fs::path meta = (data / name).lexically_normal();
    const std::string text = read_text(d.root() / meta);
    if (text.empty() || !js_string(text, "url")) {
      continue;
    }
    const std::string where = " in " + meta.generic_string();
    d.url(js_string(text, "url"), "", "url" + where);
    d.text(
      js_string(text, "title"), &SiteConfig::title, "title", "title" + where);
    if (d.config().title.empty()) { // a starter's site.json names it "name"
      d.text(
        js_string(text, "name"), &SiteConfig::title, "title", "name" + where);
    }
    d.text(js_string(text, "description"),
           &SiteConfig::subtitle,
           "subtitle",
           "description" + where);
    d.language(js_string(text, "language"), "language" + where);
    break;
  }
  // Collections named by glob in the config, each folder with the
  // permalink its directory data gives.
  if (const auto dirs = eleventy_glob_dirs(d.root(), js); !dirs.empty()) {
    for (const auto& dir : dirs) {
      const auto pattern = eleventy_dir_permalink(d.root(), input, dir);
      if (!pattern || !check_permalink_pattern(*pattern)) {
        d.warn("the permalink of '" + dir
               + "' (its directory data file) is more than ogfeed reads; "
                 "write the posts' permalink in ogfeed.yaml");
        continue;
      }
      d.config().dir_permalinks[dir] = *pattern;
    }
    d.note("permalinks", "directory data files");
    d.posts(dirs, {}, "getFilteredByGlob in " + *file);
  } else if (const auto posts = eleventy_posts_dir(d.root() / input)) {
    const std::string dir =
      (fs::path(input) / *posts).lexically_normal().generic_string();
    // Eleventy's URL is the file's path below the input folder.
    d.permalink("/" + fs::path(*posts).generic_string() + "/:path/",
                "",
                "Eleventy's file-path URLs");
    d.posts({dir}, {}, "the posts collection in " + dir);
  }
  return true;
}

bool
detect_gatsby(Detector& d)
{
  const auto file = first_file(
    d.root(), {"gatsby-config.js", "gatsby-config.ts", "gatsby-config.mjs"});
  if (!file) {
    return false;
  }
  d.found("Gatsby", *file);
  d.site_output(std::nullopt, "public");
  const std::string js = read_text(d.root() / *file);
  d.url(js_string(js, "siteUrl"), "", "siteUrl in " + *file);
  d.text(
    js_string(js, "title"), &SiteConfig::title, "title", "title in " + *file);
  d.text(js_string(js, "description"),
         &SiteConfig::subtitle,
         "subtitle",
         "description in " + *file);
  d.language(js_string(read_text(d.root() / "gatsby-ssr.js"), "lang"),
             "lang in gatsby-ssr.js");
  if (const auto dir =
        first_dir(d.root(), {"content/blog", "content/posts", "blog"})) {
    d.permalink("/:path/", "", "gatsby-starter-blog's file-path URLs");
    d.posts({*dir}, {}, "Gatsby's " + *dir);
  }
  return true;
}

bool
detect_docusaurus(Detector& d)
{
  const auto file = first_file(
    d.root(),
    {"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"});
  if (!file || !is_dir(d.root() / "blog")) {
    return false;
  }
  d.found("Docusaurus", *file);
  d.site_output(std::nullopt, "build");
  const std::string js = read_text(d.root() / *file);
  d.url(js_string(js, "url"),
        js_string(js, "baseUrl").value_or(""),
        "url and baseUrl in " + *file);
  d.text(
    js_string(js, "title"), &SiteConfig::title, "title", "title in " + *file);
  d.text(js_string(js, "tagline"),
         &SiteConfig::subtitle,
         "subtitle",
         "tagline in " + *file);
  d.language(js_string(js, "defaultLocale"), "i18n.defaultLocale in " + *file);
  // The blog's URL: its route, then the date a file's name starts with
  // (not one from front matter), then its slug; a `slug:` drops the date.
  std::string route = js_string(js, "routeBasePath").value_or("blog");
  while (route.starts_with('/')) {
    route.erase(0, 1);
  }
  while (route.ends_with('/')) {
    route.pop_back();
  }
  d.permalink(route.empty() ? "/:filedate/:slug"
                            : "/" + route + "/:filedate/:slug",
              "",
              "Docusaurus's blog URLs");
  d.posts({"blog"}, {}, "Docusaurus's blog/");
  return true;
}

} // namespace

// A generator's site with a URL but no title (Jekyll's needs none) is
// named by its host, with a warning, as jekyll-feed falls back to it.
void
name_untitled_site(Detector& d, const DetectedSite& site)
{
  const std::string& url = site.config.base_url;
  if (!site.config.title.empty() || url.empty()) {
    return;
  }
  const std::size_t start = url.find("://");
  if (start == std::string::npos) {
    return;
  }
  const std::string host =
    url.substr(start + 3, url.find('/', start + 3) - start - 3);
  d.text(host, &SiteConfig::title, "title", "the host of its URL");
  d.warn(site.generator + "'s files name no title; feeds call the site '" + host
         + "' (set 'title' in " + site.marker + " or in ogfeed.yaml)");
}

DetectedSite
detect_site(const fs::path& root)
{
  DetectedSite site;
  site.config = default_site_config();
  Detector d(root, site);
  // Most specific first: Zenn and Qiita repositories are plain folders that
  // another generator's files could also sit in.
  using Detect = bool (*)(Detector&);
  for (const Detect detect : {detect_zenn,
                              detect_qiita,
                              detect_hugo,
                              detect_hexo,
                              detect_jekyll,
                              detect_astro,
                              detect_eleventy,
                              detect_gatsby,
                              detect_docusaurus}) {
    if (detect(d)) {
      name_untitled_site(d, site);
      break;
    }
    site = DetectedSite{};
    site.config = default_site_config();
  }
  return site;
}

std::vector<std::string>
sites_below(const fs::path& root)
{
  const auto is_site = [](const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / "ogfeed.yaml", ec)
           || !detect_site(dir).generator.empty();
  };
  if (is_site(root)) {
    return {};
  }
  std::vector<std::string> found;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(root, ec)) {
    const std::string name = e.path().filename().string();
    std::error_code type_ec;
    if (name.starts_with('.') || name.starts_with('_') || name == "node_modules"
        || e.is_symlink(type_ec) || !e.is_directory(type_ec)) {
      continue;
    }
    if (is_site(e.path())) {
      found.push_back(name);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::string
detection_summary(const DetectedSite& site)
{
  if (site.generator.empty()) {
    return {};
  }
  std::string keys;
  for (const auto& s : site.settings) {
    if (keys.find(s.key) == std::string::npos) {
      keys += (keys.empty() ? "" : ", ") + s.key;
    }
  }
  return site.generator + " site (" + site.marker + ")"
         + (keys.empty() ? "" : ": read " + keys);
}

} // namespace ogfeed::content
