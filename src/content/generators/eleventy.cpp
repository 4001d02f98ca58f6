#include "content/generators/generators.hpp"
#include "util/beneath.hpp"
#include "util/url.hpp"

#include <regex>

namespace ogfeed::content::generators {

namespace {

// Eleventy's posts: the folder whose directory data file tags its pages
// "posts" (the base blog's blog.11tydata.js), else posts/ or blog/.
std::optional<std::string>
eleventy_posts_dir(const fs::path& root, const fs::path& input_rel)
{
  const fs::path input = root / input_rel;
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
      const std::string text =
        read_text(root, it->path().lexically_relative(root));
      if (text.find("\"posts\"") != std::string::npos
          || text.find("'posts'") != std::string::npos) {
        return it->path().parent_path().lexically_relative(input).string();
      }
    }
  }
  return first_dir(input, {"posts", "blog"});
}

// Adds the folder of `glob`, before its first wildcard, relative to the
// project, to `dirs`: only folders inside the site, reached without a link
// (their data files are read).
void
add_glob_dir(const fs::path& root,
             std::string glob,
             std::vector<std::string>& dirs)
{
  glob = glob.substr(0, glob.find_first_of("*?[{"));
  glob = glob.substr(0, glob.rfind('/') + 1);
  const std::string dir =
    without_slashes(fs::path(glob).lexically_normal().generic_string());
  std::error_code ec;
  if (!dir.empty() && util::is_plain_relative(dir)
      && !fs::is_symlink(root / dir, ec) && is_dir(root / dir)
      && std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) {
    dirs.push_back(dir);
  }
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
    // A glob named by a constant: getFilteredByGlob(POST_GLOB).
    static const std::regex named(R"(\s*([A-Za-z_$][A-Za-z0-9_$]*)\s*\))");
    std::smatch m;
    const std::string args =
      end == std::string::npos ? "" : code.substr(i, end - i + 1);
    if (std::regex_match(args, m, named)) {
      if (const auto glob = js_string(code, m[1].str())) {
        add_glob_dir(root, *glob, dirs);
      }
      continue;
    }
    while (i < end && end != std::string::npos) {
      const std::size_t open = code.find_first_of("'\"`", i);
      if (open == std::string::npos || open > end) {
        break;
      }
      const std::size_t close = code.find(code[open], open + 1);
      if (close == std::string::npos || close > end) {
        break;
      }
      add_glob_dir(root, code.substr(open + 1, close - open - 1), dirs);
      i = close + 1;
    }
  }
  return dirs;
}

// A folder's Eleventy directory data file (NAME.11tydata.json or
// NAME.json in the folder NAME), parsed; null when it has none. A
// JavaScript one (NAME.11tydata.js) is read for its `permalink` only: a
// plain string is taken, anything else (a function, eleventyComputed) is
// a permalink ogfeed cannot know without running it, given as the value
// `k_computed`.
constexpr std::string_view k_computed = "\x01computed";

std::optional<util::YamlValue>
eleventy_dir_data(const fs::path& root, const fs::path& folder)
{
  const std::string name = folder.filename().string();
  for (const char* ext : {".11tydata.js", ".11tydata.cjs", ".11tydata.mjs"}) {
    const std::string js = read_text(root, folder / (name + ext));
    if (without_js_comments(js).find("permalink") == std::string::npos) {
      continue;
    }
    util::YamlValue data;
    data.kind = util::YamlValue::Kind::map;
    util::YamlValue value;
    value.kind = util::YamlValue::Kind::scalar;
    value.scalar = js_string(js, "permalink").value_or(std::string(k_computed));
    util::YamlValue key;
    key.kind = util::YamlValue::Kind::scalar;
    key.scalar = "permalink";
    data.entries.push_back({std::move(key), std::move(value)});
    return data;
  }
  for (const std::string& file : {name + ".11tydata.json", name + ".json"}) {
    const std::string text = read_text(root, folder / file);
    if (text.empty()) {
      continue;
    }
    if (auto v = util::parse_json_value(text);
        v && v->kind == util::YamlValue::Kind::map) {
      return std::move(*v);
    }
  }
  return std::nullopt;
}

// Eleventy's default URL of the posts of `dir`: the file's path below the
// input folder.
std::string
eleventy_path_permalink(const std::string& input, const std::string& dir)
{
  const std::string below =
    fs::path(dir)
      .lexically_relative(fs::path(input).lexically_normal())
      .generic_string();
  return "/" + (below.empty() || below == "." ? "" : below + "/") + ":path/";
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
  std::vector<util::YamlValue> cascade; // deepest first
  const fs::path in = fs::path(input).lexically_normal();
  for (fs::path f = fs::path(dir).lexically_normal();
       !f.empty() && f != in && f != "." && f.has_filename();
       f = f.parent_path()) {
    if (auto data = eleventy_dir_data(root, f)) {
      cascade.push_back(std::move(*data));
    }
  }
  const util::YamlValue* permalink = nullptr;
  for (const auto& data : cascade) {
    if ((permalink = data.find("permalink")) != nullptr) {
      break;
    }
  }
  if (permalink == nullptr
      || permalink->kind != util::YamlValue::Kind::scalar) {
    return eleventy_path_permalink(input, dir);
  }
  std::string tpl = permalink->scalar;
  if (tpl == k_computed) {
    return std::nullopt;
  }
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
      const util::YamlValue* value = nullptr;
      for (const auto& data : cascade) {
        if ((value = data.find(inner)) != nullptr) {
          break;
        }
      }
      if (value == nullptr || value->kind != util::YamlValue::Kind::scalar) {
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

// The site's URL, title, description and language from Eleventy's global
// data folder `data`: the file eleventy-base-blog calls metadata, or the
// names other starters give it (.js scanned, .json parsed). A page's URL is
// root-relative below the config's `path_prefix`, and its feed entry's link
// that URL resolved against the site's (the RSS plugin's absoluteUrl and
// htmlBaseUrl): a path in the data's URL is not the site's folder.
void
read_site_data(Detector& d,
               const fs::path& data,
               const std::string& path_prefix)
{
  std::vector<std::string> names;
  for (const char* stem : {"metadata", "site", "siteData", "meta", "config"}) {
    for (const char* ext : {".js", ".mjs", ".cjs", ".json"}) {
      names.push_back(std::string(stem) + ext);
    }
  }
  for (const std::string& name : names) {
    const fs::path meta = (data / name).lexically_normal();
    const std::string text = read_text(d.root(), meta);
    if (text.empty()) {
      continue;
    }
    // A .json data file is JSON (parsed as such); a .js one is scanned.
    std::optional<util::YamlValue> json;
    if (meta.extension() == ".json") {
      auto v = util::parse_json_value(text);
      if (!v || v->kind != util::YamlValue::Kind::map) {
        d.warn("cannot read " + meta.generic_string() + ": "
               + (v ? std::string("not a JSON object") : v.error().message));
        continue;
      }
      json = std::move(*v);
    }
    // A .js file's own keys only (not a `url` in its list of links).
    const std::string own =
      json ? std::string() : js_exported_object(text).value_or(text);
    const auto field = [&](const char* key) -> std::optional<std::string> {
      if (!json) {
        return js_string(own, key, &text);
      }
      const util::YamlValue* v = json->find(key);
      return v != nullptr && v->kind == util::YamlValue::Kind::scalar
               ? std::optional(v->scalar)
               : std::nullopt;
    };
    // Starters name it `url` (eleventy-base-blog) or after their own taste.
    std::optional<std::string> url;
    std::string key;
    for (const char* url_key :
         {"url", "baseUrl", "baseURL", "siteUrl", "siteURL", "site_url"}) {
      if ((url = field(url_key))) {
        key = url_key;
        break;
      }
    }
    if (!url) {
      continue;
    }
    const std::string where = " in " + meta.generic_string();
    if (util::is_http_url(*url)) {
      url = util::resolve_url("/", *url);
    }
    d.url(url,
          path_prefix,
          key + where
            + (path_prefix.empty() || path_prefix == "/"
                 ? std::string()
                 : ", below pathPrefix '" + path_prefix + "'"));
    d.text(field("title"), &SiteConfig::title, "title", "title" + where);
    if (d.config().title.empty()) { // a starter's site.json names it "name"
      d.text(field("name"), &SiteConfig::title, "title", "name" + where);
    }
    d.text(field("description"),
           &SiteConfig::subtitle,
           "subtitle",
           "description" + where);
    d.language(field("language"), "language" + where);
    break;
  }
}

void
warn_unread_permalink(Detector& d, const std::string& dir)
{
  d.warn("the permalink of '" + dir
         + "' (its directory data file) is more than ogfeed reads (a template "
           "with filters, or JavaScript, which ogfeed never runs): its posts "
           "get Eleventy's file-path URLs; write their permalink in "
           "ogfeed.yaml");
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
  d.found(*file);
  const std::string js = read_text(d.root(), *file);
  d.site_output(js_string(js, "output"), "_site");
  const std::string input = js_string(js, "input").value_or(".");
  const fs::path data =
    fs::path(input) / js_string(js, "data").value_or("_data");
  read_site_data(
    d, data, js_string(without_js_comments(js), "pathPrefix").value_or("/"));
  // Collections named by glob in the config, each folder with the
  // permalink its directory data gives.
  if (const auto dirs = eleventy_glob_dirs(d.root(), js); !dirs.empty()) {
    for (const auto& dir : dirs) {
      const auto pattern = eleventy_dir_permalink(d.root(), input, dir);
      if (!pattern || !check_permalink_pattern(*pattern)) {
        warn_unread_permalink(d, dir);
        d.config().dir_permalinks[dir] = eleventy_path_permalink(input, dir);
        continue;
      }
      d.config().dir_permalinks[dir] = *pattern;
    }
    d.note("permalinks", "directory data files");
    d.posts(dirs, {}, "getFilteredByGlob in " + *file);
  } else if (const auto posts = eleventy_posts_dir(d.root(), input)) {
    const std::string dir =
      (fs::path(input) / *posts).lexically_normal().generic_string();
    // Eleventy's URL is the file's path below the input folder, unless
    // the folder's data file says otherwise.
    const auto pattern = eleventy_dir_permalink(d.root(), input, dir);
    if (pattern && check_permalink_pattern(*pattern)) {
      d.permalink(*pattern, "", "Eleventy's URLs for " + dir);
    } else {
      warn_unread_permalink(d, dir);
      d.permalink(
        eleventy_path_permalink(input, dir), "", "Eleventy's file-path URLs");
    }
    d.posts({dir}, {}, "the posts collection in " + dir);
  }
  return true;
}

} // namespace

const Generator k_eleventy = {"Eleventy",
                              MarkupDialects::only(true, false, false, false),
                              &detect_eleventy};

} // namespace ogfeed::content::generators
