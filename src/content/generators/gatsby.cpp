#include "content/generators/generators.hpp"
#include "content/generators/js_modules.hpp"
#include "util/beneath.hpp"

#include <regex>

namespace ogfeed::content::generators {

namespace {

// The folders gatsby-source-filesystem reads, in the order the config
// names them: each `path` of its options, written as `${__dirname}/a/b`,
// "./a/b", "a/b", or path.join(__dirname, "a", "b") (path.resolve too),
// relative to the site. A path outside the site is left out.
std::vector<std::string>
filesystem_sources(const std::string& config)
{
  const std::string js = without_js_comments(config);
  static const std::regex literal(
    R"re(^\s*path\s*:\s*[`'"](?:\$\{__dirname\}/|\./)?([^`'"$]*)[`'"])re");
  static const std::regex joined(
    R"re(^\s*path\s*:\s*path\.(?:join|resolve)\(\s*__dirname\s*((?:,\s*[`'"][^`'"$]*[`'"]\s*)+)\))re");
  static const std::regex part(R"re([`'"]([^`'"]*)[`'"])re");
  std::vector<std::string> out;
  const std::string plugin = "gatsby-source-filesystem";
  for (auto at = js.find(plugin); at != std::string::npos;
       at = js.find(plugin, at + plugin.size())) {
    // The options object that follows, up to the next plugin.
    const auto next = js.find("resolve", at + plugin.size());
    const std::string options =
      js.substr(at, next == std::string::npos ? std::string::npos : next - at);
    for (auto key = options.find("path"); key != std::string::npos;
         key = options.find("path", key + 4)) {
      const std::string rest = options.substr(key);
      std::smatch m;
      std::string dir;
      if (std::regex_search(rest, m, literal)) {
        dir = m[1];
      } else if (std::regex_search(rest, m, joined)) {
        const std::string parts = m[1];
        for (std::sregex_iterator it(parts.begin(), parts.end(), part), end;
             it != end;
             ++it) {
          dir += (dir.empty() ? "" : "/") + (*it)[1].str();
        }
      } else {
        continue;
      }
      const fs::path rel = fs::path(dir).lexically_normal();
      if (!dir.empty() && rel.is_relative() && !rel.empty()
          && *rel.begin() != "..") {
        out.push_back(without_slashes(rel.generic_string()));
      }
      break;
    }
  }
  return out;
}

// True when the folder `rel` below `root` holds a Markdown file; false
// when `rel` is reached through a link (a pull request's folder that
// points elsewhere is never looked into).
bool
holds_markdown(const fs::path& root, const std::string& rel)
{
  auto site = util::Dir::open(root, util::Create::no);
  if (!site || !site->sub(rel, util::Create::no)) {
    return false;
  }
  std::error_code ec;
  int seen = 0;
  for (fs::recursive_directory_iterator it(root / rel, ec), end;
       !ec && it != end && ++seen < 10000;
       it.increment(ec)) {
    const std::string ext = it->path().extension().string();
    if (ext == ".md" || ext == ".mdx" || ext == ".markdown") {
      return true;
    }
  }
  return false;
}

// The expression of `value` in createNodeField's arguments `args`: what
// follows `value:` up to the next ',' or '}' outside a template literal, or
// the name `value` itself for the shorthand.
std::string
slug_value(const std::string& args)
{
  static const std::regex key(R"re(\bvalue\b\s*(:)?)re");
  std::smatch m;
  if (!std::regex_search(args, m, key)) {
    return {};
  }
  if (!m[1].matched) {
    return "value";
  }
  std::size_t i = static_cast<std::size_t>(m.position(0) + m.length(0));
  std::string expr;
  bool in_template = false;
  for (; i < args.size(); ++i) {
    const char c = args[i];
    if (c == '`') {
      in_template = !in_template;
    } else if (!in_template && (c == ',' || c == '}' || c == '\n')) {
      break;
    }
    expr += c;
  }
  return std::string(util::trim_xml_space(expr));
}

// True when every assignment to `name` in `code` is a createFilePath()
// call (and there is one); `no_slash` when one passes trailingSlash: false.
bool
from_file_path(const std::string& code, const std::string& name, bool& no_slash)
{
  const std::regex assigned("(?:^|[^\\w$.])" + name
                            + R"re(\s*=(?!=)\s*([^;\n]+))re");
  static const std::regex unslashed(R"(trailingSlash\s*:\s*false)");
  bool plain = false;
  for (std::sregex_iterator a(code.begin(), code.end(), assigned), none;
       a != none;
       ++a) {
    const std::string rhs((*a)[1]);
    if (!rhs.starts_with("createFilePath(")) {
      return false;
    }
    plain = true;
    no_slash = no_slash || std::regex_search(rhs, unslashed);
  }
  return plain;
}

// gatsby-node's code, comments left out, with the site's own modules it
// requires (./build/on-create-node).
std::string
gatsby_node_code(const fs::path& root)
{
  for (const char* name :
       {"gatsby-node.js", "gatsby-node.ts", "gatsby-node.mjs"}) {
    if (const std::string code = read_text(root, name); !code.empty()) {
      return without_js_comments(with_own_modules(root, code, name));
    }
  }
  return {};
}

// The URL pattern of the pages gatsby-node makes from the `slug` field it
// gives each Markdown node: createFilePath's path as is ("/:path/", the
// starter's), under a prefix (`value: `/blog${value}``), or without its
// slash (`trailingSlash: false`). Nothing when the value is more than that
// (`rawSlug.substring(...)`, slugs of differing prefixes): JavaScript
// ogfeed never runs.
struct SlugField
{
  bool found = false;              // gatsby-node names a `slug` field
  std::optional<std::string> path; // its pattern, when ogfeed can read it
};

SlugField
gatsby_slug_field(const fs::path& root)
{
  const std::string code = gatsby_node_code(root);
  static const std::regex slug_name(R"re(\bname\s*:\s*[`'"]slug[`'"])re");
  SlugField out;
  std::optional<std::string> pattern;
  const std::string call = "createNodeField(";
  for (std::size_t at = code.find(call); at != std::string::npos;
       at = code.find(call, at + call.size())) {
    // Its arguments, to the parenthesis that closes the call.
    std::size_t close = at + call.size();
    for (int depth = 1; close < code.size() && depth > 0; ++close) {
      depth += code[close] == '(' ? 1 : code[close] == ')' ? -1 : 0;
    }
    const std::string args = code.substr(at, close - at);
    if (!std::regex_search(args, slug_name)) {
      continue;
    }
    out.found = true;
    std::string expr = slug_value(args);
    // `/blog${value}`: a template literal around one name.
    std::string prefix;
    std::string suffix;
    static const std::regex templ(
      R"re(^`([^`$]*)\$\{\s*([A-Za-z_$][\w$]*)\s*\}([^`$]*)`$)re");
    std::smatch t;
    if (std::regex_match(expr, t, templ)) {
      prefix = t[1];
      suffix = t[3];
      expr = t[2];
    }
    static const std::regex name(R"re([A-Za-z_][\w]*)re");
    if (!std::regex_match(expr, name)) {
      return out; // node.frontmatter.slug, rawSlug.substring(1), ...
    }
    // The name must be createFilePath's result, and nothing else.
    bool no_slash = false;
    if (!from_file_path(code, expr, no_slash) || !suffix.empty()
        || prefix.find_first_of("\\'\"") != std::string::npos) {
      return out;
    }
    while (prefix.ends_with('/')) {
      prefix.pop_back();
    }
    const std::string mine = prefix + (no_slash ? "/:path" : "/:path/");
    if (pattern && *pattern != mine) {
      return out; // slugs of differing prefixes, chosen by JavaScript
    }
    pattern = mine;
  }
  out.path = out.found ? pattern : std::optional<std::string>("/:path/");
  return out;
}

bool
detect_gatsby(Detector& d)
{
  const auto file = first_file(
    d.root(), {"gatsby-config.js", "gatsby-config.ts", "gatsby-config.mjs"});
  if (!file) {
    return false;
  }
  d.found(*file);
  d.site_output(std::nullopt, "public");
  // gatsby-remark-images and gatsby-remark-copy-linked-files publish a
  // post's ./photo.png as /static/HASH/SIZE/photo.png.
  d.config().url_rules.processed_images = true;
  const std::string js = read_text(d.root(), *file);
  d.url(js_string(js, "siteUrl"), "", "siteUrl in " + *file);
  d.text(
    js_string(js, "title"), &SiteConfig::title, "title", "title in " + *file);
  d.text(js_string(js, "description"),
         &SiteConfig::subtitle,
         "subtitle",
         "description in " + *file);
  d.language(js_string(read_text(d.root(), "gatsby-ssr.js"), "lang"),
             "lang in gatsby-ssr.js");
  // createFilePath's URLs, as gatsby-starter-blog makes its pages.
  std::vector<std::string> dirs;
  for (const std::string& dir : filesystem_sources(js)) {
    if (is_dir(d.root() / dir) && holds_markdown(d.root(), dir)) {
      dirs.push_back(dir);
    }
  }
  const SlugField slug = gatsby_slug_field(d.root());
  if (!slug.path) {
    d.warn("gatsby-node gives the posts' slug field a value JavaScript "
           "computes (more than createFilePath's path under a prefix), which "
           "ogfeed never runs: the feeds use createFilePath's URLs; write "
           "the posts' permalink in ogfeed.yaml");
  }
  const std::string pattern = slug.path.value_or("/:path/");
  const std::string why = slug.found && slug.path
                            ? "the slug field gatsby-node makes"
                            : "gatsby-starter-blog's file-path URLs";
  if (!dirs.empty()) {
    d.permalink(pattern, "", why);
    d.posts(dirs, {}, "gatsby-source-filesystem in " + *file);
  } else if (const auto dir =
               first_dir(d.root(), {"content/blog", "content/posts", "blog"})) {
    d.permalink(pattern, "", why);
    d.posts({*dir}, {}, "Gatsby's " + *dir);
  }
  return true;
}

} // namespace

const Generator k_gatsby = {
  "Gatsby", MarkupDialects::only(false, false, false, false), &detect_gatsby};

} // namespace ogfeed::content::generators
