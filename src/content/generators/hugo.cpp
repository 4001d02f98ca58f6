#include "content/generators/generators.hpp"

namespace ogfeed::content::generators {

namespace {

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
read_hugo_permalinks(Detector& d,
                     const util::YamlValue* c,
                     const std::string& file)
{
  d.config().permalink = "/:sections/:slug/";
  const util::YamlValue* links = find_key(c, "permalinks");
  if (const util::YamlValue* page = find_key(links, "page")) {
    links = page; // Hugo 0.120: permalinks.page.<section>
  }
  if (links != nullptr && links->kind == util::YamlValue::Kind::map) {
    for (const auto& e : links->entries) {
      if (e.value.kind == util::YamlValue::Kind::scalar) {
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
                  const util::YamlValue* c,
                  const util::YamlValue* default_lang,
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
  const util::YamlValue* languages = find_key(c, "languages");
  if (languages == nullptr || languages->kind != util::YamlValue::Kind::map) {
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
merge_config(util::YamlValue& into, util::YamlValue from)
{
  if (into.kind != util::YamlValue::Kind::map
      || from.kind != util::YamlValue::Kind::map) {
    into = std::move(from);
    return;
  }
  for (auto& e : from.entries) {
    auto it = std::find_if(
      into.entries.begin(), into.entries.end(), [&](const util::YamlEntry& x) {
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
util::YamlValue
map_of(const std::string& key, util::YamlValue value)
{
  util::YamlValue map;
  map.kind = util::YamlValue::Kind::map;
  util::YamlEntry e;
  e.key.kind = util::YamlValue::Kind::scalar;
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
merge_hugo_config_dir(Detector& d, util::YamlValue& c, const std::string& used)
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

// How the front matter config dates pages by their file names: not at
// all by default (2013-02-23-lualatex.md stays /posts/2013-02-23-lualatex/,
// tried: hugo 0.111.3); by its `:filename` handler when one of `date`'s.
NameDates
file_name_dates(const util::YamlValue* c)
{
  const util::YamlValue* date = find_key(find_key(c, "frontmatter"), "date");
  if (date == nullptr) {
    return NameDates::ignored;
  }
  for (std::size_t i = 0; i < date->items.size(); ++i) {
    if (util::ascii_lower(date->items[i].scalar) == ":filename") {
      return i == 0 ? NameDates::first : NameDates::after;
    }
  }
  return NameDates::ignored;
}

// How Hugo renders and names pages: raw HTML (Goldmark leaves it out
// unless markup.goldmark.renderer.unsafe), lower-cased paths, ugly URLs,
// dates in file names.
void
read_hugo_urls(Detector& d, const util::YamlValue* c)
{
  const util::YamlValue* renderer =
    find_key(find_key(find_key(c, "markup"), "goldmark"), "renderer");
  d.config().raw_html = scalar(renderer, "unsafe").value_or("") == "true"
                          ? RawHtml::keep
                          : RawHtml::omit;
  d.config().url_rules = {
    .sanitized = true,
    .urlized_section_tokens = true,
    .lower_case = scalar(c, "disablePathToLower").value_or("") != "true",
    .trailing_slash = true,
    .name_dates = file_name_dates(c),
    .file_name_slugs = false,
    .offset_dates_zone = {},
    .ugly = scalar(c, "uglyURLs").value_or("") == "true",
    .dates_as_written = true,
    .default_category = {},
    .path_keeps = {}};
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
  if (doc && doc->kind == util::YamlValue::Kind::null) {
    doc->kind = util::YamlValue::Kind::map;
  }
  if (doc) {
    merge_hugo_config_dir(d, *doc, *file);
  }
  const util::YamlValue* c = doc ? &*doc : nullptr;
  // A multilingual site: the default language's settings win, and its
  // content folder is what its main feed lists.
  const std::string default_language =
    scalar(c, "defaultContentLanguage").value_or("");
  const util::YamlValue* languages = find_key(c, "languages");
  const util::YamlValue* lang = find_key(languages, default_language);
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
  d.found(*file);
  d.url(scalar(c, "baseURL"), "", "baseURL in " + *file);
  d.text(value("title"), &SiteConfig::title, "title", "title in " + *file);
  const util::YamlValue* params = find_key(lang, "params") != nullptr
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
  d.site_output(value("publishDir"), "public");
  read_hugo_urls(d, c);
  d.posts(hugo_content_dirs(d, c, lang, default_language, content),
          {},
          "contentDir in " + *file);
  // Hugo renders a content file in HTML as a page, its body as written.
  d.config().html_posts = true;
  return true;
}

} // namespace

const Generator k_hugo = {
  "Hugo", MarkupDialects::only(false, false, true, false), &detect_hugo};

} // namespace ogfeed::content::generators
