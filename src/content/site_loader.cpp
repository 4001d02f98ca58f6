#include "content/site_loader.hpp"

#include "content/front_matter.hpp"
#include "content/permalink.hpp"
#include "content/post_parser.hpp"
#include "util/beneath.hpp"
#include "util/file.hpp"
#include "util/hash.hpp"
#include "util/parallel.hpp"
#include "util/url.hpp"
#include "util/utf8.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <optional>
#include <set>

namespace ogfeed::content {

namespace fs = std::filesystem;

namespace {

struct PostFile
{
  fs::path path;
  PostSource source;
  std::string language; // a Hugo translation's key ("en" of post.en.md)
  // Categories its folder gives it (Jekyll's blog/_posts), before its own.
  std::vector<std::string> folder_categories;
  // Its content folder's own permalink pattern (Eleventy's directory data
  // file), else "": the site's.
  std::string permalink;
};

using FileLanguages = std::map<std::string, ContentLanguage>;

// A file stem without a Hugo language suffix ("post.en" -> "post", with
// "en" in `key`), when the site has that language.
std::string
without_language(const std::string& stem,
                 const FileLanguages& languages,
                 std::string* key = nullptr)
{
  const std::size_t dot = stem.rfind('.');
  if (dot == std::string::npos || dot == 0
      || !languages.contains(stem.substr(dot + 1))) {
    return stem;
  }
  if (key != nullptr) {
    *key = stem.substr(dot + 1);
  }
  return stem.substr(0, dot);
}

bool
is_markdown(const fs::path& p)
{
  const std::string ext = p.extension().string();
  return ext == ".md" || ext == ".markdown" || ext == ".mdx";
}

// True when `rel` (below the content folder, '/'-separated) matches one of
// the `exclude` globs.
bool
excluded(const std::string& rel, const std::vector<std::string>& globs)
{
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
    if (g.ends_with("/**")) {
      const std::string dir = g.substr(0, g.size() - 2); // keeps the '/'
      if (::fnmatch((dir + "*").c_str(), rel.c_str(), 0) == 0) {
        return true;
      }
    }
    return ::fnmatch(g.c_str(), rel.c_str(), 0) == 0;
  });
}

// A post file as the loader names it: a page bundle (`hello/index.md`, or
// Eleventy's `hello/hello.md`) takes its folder's name and sits where its
// folder does.
PostFile
post_file(const fs::path& p,
          const fs::path& dir,
          const FileLanguages& languages)
{
  PostFile f;
  f.path = p;
  f.source.display_path = p.lexically_normal().string();
  f.source.file = p;
  // Most posts never reach a feed: their bodies are read from where the
  // front matter ended when needed rather than held, which keeps a
  // 10,000-post build small.
  f.source.keep_body = KeepBody::no;
  fs::path folder = p.parent_path().lexically_relative(dir);
  const std::string stem =
    without_language(p.stem().string(), languages, &f.language);
  f.source.name = stem;
  if (!folder.empty() && folder != "."
      && (stem == "index" || stem == folder.filename().string())) {
    f.source.name = folder.filename().string();
    folder = folder.parent_path();
  }
  f.source.folder = folder == "." ? std::string() : folder.generic_string();
  return f;
}

// Drops the Markdown files of a page bundle (a folder below `dir` with an
// index.md) other than its index: Hugo reads them as the bundle's
// resources, not as pages.
void
drop_bundle_resources(std::vector<PostFile>& files,
                      const fs::path& dir,
                      const FileLanguages& languages)
{
  // index.md, or a translation's index.en.md.
  auto is_index = [&](const PostFile& f) {
    return without_language(f.path.stem().string(), languages) == "index";
  };
  std::set<fs::path> bundles;
  for (const auto& f : files) {
    if (is_index(f) && f.path.parent_path() != dir) {
      bundles.insert(f.path.parent_path());
    }
  }
  if (bundles.empty()) {
    return;
  }
  std::erase_if(files, [&](const PostFile& f) {
    for (fs::path up = f.path.parent_path(); up.has_relative_path();
         up = up.parent_path()) {
      if (bundles.contains(up)) {
        return !is_index(f) || up != f.path.parent_path();
      }
      if (up == up.parent_path()) {
        break;
      }
    }
    return false;
  });
}

// Records a folder's stamp, taken before it is read: a file added while
// it is read changes it after.
void
stamp_folder(const fs::path& dir, StampedPaths& folders)
{
  folders.emplace_back(dir.string(),
                       util::file_stamp(dir).value_or(util::FileStamp{}));
}

util::Expected<void>
find_post_files_in(const fs::path& dir,
                   const std::vector<std::string>& exclude,
                   const FileLanguages& languages,
                   std::vector<PostFile>& files,
                   StampedPaths& folders)
{
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return tl::unexpected(util::make_error("content folder '"
                                           + dir.lexically_normal().string()
                                           + "' does not exist"));
  }
  stamp_folder(dir, folders);
  fs::path current = dir; // what the next increment opens, for messages
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    std::error_code type_ec; // a dangling link is skipped, not an error
    current = it->is_directory(type_ec) ? p : dir;
    const std::string name = p.filename().string();
    if (name.starts_with('.') || name == "node_modules") {
      if (it->is_directory(type_ec)) {
        it.disable_recursion_pending();
      }
      continue;
    }
    if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) {
      stamp_folder(p, folders);
    }
    // Jekyll's _posts may hold posts written in HTML.
    const bool html = p.extension() == ".html" && dir.filename() == "_posts";
    if (!it->is_regular_file(type_ec) || it->is_symlink(type_ec)
        || !(is_markdown(p) || html) || p.stem() == "_index"
        || excluded(p.lexically_relative(dir).generic_string(), exclude)) {
      continue;
    }
    files.push_back(post_file(p, dir, languages));
  }
  if (ec) {
    // Name the folder that failed, not the content root above it.
    return tl::unexpected(util::os_error(
      "read folder", current.lexically_normal().string(), ec.value()));
  }
  return {};
}

util::Expected<std::vector<PostFile>>
find_post_files(const fs::path& site_root,
                const SiteConfig& config,
                StampedPaths& folders)
{
  std::vector<PostFile> files;
  for (const auto& d : config.content_dirs) {
    // A repository's settings read nothing outside the site: its posts
    // would be published (content_dir: /home/me/notes, ../private).
    const std::string inside = fs::path(d).lexically_normal().generic_string();
    if (inside != "." && inside != "./"
        && !util::is_plain_relative(std::string_view(inside).substr(
          0, inside.find_last_not_of('/') + 1))) {
      return tl::unexpected(util::make_error(
        "content folder '" + d
        + "' is outside the site; a site's settings may only name folders "
          "inside it"));
    }
    if (inside != "." && inside != "./") {
      // Nor through a link (posts -> /home/me/notes).
      TRY_ASSIGN(site, util::Dir::open(site_root, util::Create::no));
      auto folder = site.sub(
        std::string_view(inside).substr(0, inside.find_last_not_of('/') + 1),
        util::Create::no);
      if (!folder
          && folder.error().message.find("symbolic link")
               != std::string::npos) {
        return tl::unexpected(folder.error());
      }
    }
    std::vector<PostFile> found;
    TRY(find_post_files_in(
      site_root / d, config.exclude, config.file_languages, found, folders));
    drop_bundle_resources(found, site_root / d, config.file_languages);
    if (config.url_rules.folder_categories && inside.ends_with("_posts")) {
      // Jekyll: the folders above `_posts` are categories (blog/_posts).
      std::vector<std::string> categories;
      for (const auto& part : fs::path(inside).parent_path()) {
        if (!part.empty() && part != ".") {
          categories.push_back(part.string());
        }
      }
      for (auto& f : found) {
        f.folder_categories = categories;
      }
    }
    if (const auto own = config.dir_permalinks.find(d);
        own != config.dir_permalinks.end()) {
      for (auto& f : found) {
        f.permalink = own->second;
      }
    }
    files.insert(files.end(),
                 std::make_move_iterator(found.begin()),
                 std::make_move_iterator(found.end()));
  }
  std::sort(
    files.begin(), files.end(), [](const PostFile& a, const PostFile& b) {
      return a.path < b.path;
    });
  return files;
}

// The path is already the message's prefix: say what failed without it.
util::Error
describe_read_error(util::Error e, const std::string& shown_path)
{
  e.path = shown_path;
  if (e.os) {
    e.message = "cannot " + e.os->action
                + " the file: " + std::strerror(e.os->error_number);
  }
  return e;
}

// A FileHistory that remembers whether a post asked it: a post dated from
// git or its mtime has a date its file does not hold, so it is not cached.
class AskedHistory : public FileHistory
{
public:
  explicit AskedHistory(const FileHistory* inner)
    : m_inner(inner)
  {
  }
  std::optional<FileDates>
  dates_of(const std::filesystem::path& file) const override
  {
    m_asked = true;
    return m_inner->dates_of(file);
  }
  bool
  available() const override
  {
    return m_inner->available();
  }
  bool
  asked() const
  {
    return m_asked;
  }

private:
  const FileHistory* m_inner;
  mutable bool m_asked = false;
};

void
set_permalink(Post& post,
              const SiteConfig& config,
              const std::string& folder_pattern)
{
  if (post.permalink_override.empty()) {
    post.permalink = permalink_url(
      folder_pattern.empty() ? permalink_pattern(config, post) : folder_pattern,
      config.base_url,
      post,
      config.timezone,
      config.url_rules);
    return;
  }
  // "/about/" is below the site, not the host: Jekyll and Hugo both read it
  // against the base URL.
  const std::string& own = post.permalink_override;
  if (config.url_rules.own_permalink_tokens
      && own.find(':') != std::string::npos && !util::is_http_url(own)
      && check_permalink_pattern(own)) {
    std::string pattern = own; // Jekyll's :title is the file's, ogfeed's :slug
    for (auto i = pattern.find(":title"); i != std::string::npos;
         i = pattern.find(":title", i + 1)) {
      pattern.replace(i, 6, ":slug");
    }
    post.permalink = permalink_url(
      pattern, config.base_url, post, config.timezone, config.url_rules);
    return;
  }
  const std::string rel = own.starts_with('/') ? own.substr(1) : own;
  post.permalink =
    util::is_http_url(rel)
      ? rel
      : util::resolve_url(apply_url_rules(rel, config.url_rules, true),
                          config.base_url);
}

// Hugo multilingual: a post is in `lang` (unless it says otherwise) and
// lives under its prefix.
void
set_language(Post& post, const ContentLanguage& lang, const SiteConfig& config)
{
  if (post.language.empty()) {
    post.language = lang.language;
  }
  if (post.permalink_override.empty()
      && post.permalink.starts_with(config.base_url)) {
    post.permalink = config.base_url + lang.url_prefix
                     + post.permalink.substr(config.base_url.size());
  }
}

// The language of the content folder `post` is in (content/en), if any.
const ContentLanguage*
folder_language(const Post& post,
                const fs::path& site_root,
                const SiteConfig& config)
{
  for (const auto& [dir, lang] : config.content_languages) {
    const std::string folder =
      (site_root / dir / "").lexically_normal().string();
    if (post.file.lexically_normal().string().starts_with(folder)) {
      return &lang;
    }
  }
  return nullptr;
}

// What the site adds to a parsed post: its folder's categories, then its
// permalink.
void
finish_post(Post& post, const PostFile& file, const SiteConfig& config)
{
  if (!file.folder_categories.empty()) {
    std::vector<std::string> all = file.folder_categories;
    for (auto& c : post.categories) {
      if (std::find(all.begin(), all.end(), c) == all.end()) {
        all.push_back(std::move(c));
      }
    }
    post.categories = std::move(all);
  }
  set_permalink(post, config, file.permalink);
}

// Parses one file, or takes it from `cache`. Returns what the next cache
// should hold for it, if anything.
std::optional<CachedParse>
load_one(const PostFile& file,
         const SiteConfig& config,
         const ParseCache* cache,
         ParsedPost& out,
         char& was_parsed) // 1: read and parsed, not from the cache
{
  const std::string& shown = file.source.display_path;
  if (cache != nullptr) {
    bool rechecked = false;
    if (const CachedParse* hit = cache->find(
          shown, file.path, file.source.name, file.source.folder, rechecked)) {
      if (auto decoded = read_parsed(hit->record)) {
        out = std::move(*decoded);
        if (out.post) {
          finish_post(*out.post, file, config);
        }
        return *hit;
      }
    }
  }
  was_parsed = 1;
  const auto stamp = util::file_stamp(file.path); // before reading it
  auto bytes = util::read_file(file.path, k_max_post_bytes);
  if (!bytes) {
    out.diagnostics.push_back(describe_read_error(bytes.error(), shown));
    return std::nullopt;
  }
  PostSource source = file.source;
  const AskedHistory history(source.history);
  if (source.history != nullptr) {
    source.history = &history;
  }
  out = parse_post(*bytes, source, config.timezone);
  std::optional<CachedParse> entry;
  if (stamp && !history.asked() && !util::has_error(out.diagnostics)) {
    entry = CachedParse{*stamp,
                        util::hash64(*bytes),
                        file.source.name,
                        file.source.folder,
                        write_parsed(out)};
  }
  if (out.post) {
    finish_post(*out.post, file, config);
  }
  return entry;
}

// What to do about a missing title or URL, for the error that says so.
std::string
no_setting_advice(const DetectedSite& detected, bool has_ogfeed_yaml, bool url)
{
  std::string advice;
  if (!detected.generator.empty()) {
    advice = "; " + detected.generator + "'s files (" + detected.marker
             + ") do not name it";
  } else if (!has_ogfeed_yaml) {
    advice = "; no ogfeed.yaml and no generator's config found";
  }
  advice += has_ogfeed_yaml ? "; add it to ogfeed.yaml"
                            : "; write ogfeed.yaml with 'title' and "
                              "'base_url' (`ogfeed init` writes one)";
  if (url && !detected.url_hint.empty()) {
    advice += ", e.g. base_url: " + detected.url_hint;
  }
  return advice;
}

} // namespace

util::Expected<SiteSetup>
load_site_config(const fs::path& site_root,
                 const std::optional<std::string>& base_url)
{
  SiteSetup setup;
  std::error_code ec;
  if (!fs::is_directory(site_root, ec)) {
    return tl::unexpected(
      util::make_error("site folder '" + site_root.lexically_normal().string()
                       + "' does not exist"));
  }
  setup.detected = detect_site(site_root);
  if (base_url) {
    setup.detected.config.base_url = *base_url;
  }
  const fs::path path = site_root / "ogfeed.yaml";
  const std::string shown = path.lexically_normal().string();
  setup.has_ogfeed_yaml = fs::exists(path, ec);
  util::Expected<SiteConfig> config = setup.detected.config;
  if (setup.has_ogfeed_yaml) {
    auto bytes = util::read_file(path, 1024 * 1024);
    if (!bytes) {
      return tl::unexpected(bytes.error());
    }
    config = parse_site_config(*bytes, setup.detected.config);
  } else if (auto ok = finish_site_config(*config); !ok) {
    config = tl::unexpected(ok.error());
  }
  if (!config) {
    util::Error e = config.error();
    if (e.message.starts_with("missing '")) {
      e.message +=
        no_setting_advice(setup.detected,
                          setup.has_ogfeed_yaml,
                          e.message.starts_with("missing 'base_url'"));
    }
    if (!setup.has_ogfeed_yaml) { // the site as a whole lacks it
      e.line = 0;
      e.column = 0;
      return tl::unexpected(util::with_path(
        std::move(e), (site_root / "").lexically_normal().string()));
    }
    return tl::unexpected(util::with_path(std::move(e), shown));
  }
  setup.config = std::move(*config);
  if (base_url) {
    setup.config.base_url = *base_url;
  }
  return setup;
}

util::Expected<std::string>
load_post_body(const Post& post)
{
  if (post.body) {
    return *post.body;
  }
  auto bytes = util::read_file(post.file, k_max_post_bytes);
  if (!bytes) {
    return tl::unexpected(describe_read_error(bytes.error(), post.shown_path));
  }
  const BodySpan& span = post.body_span;
  if (bytes->size() != span.file_size
      || util::hash64(*bytes) != span.file_hash) {
    return tl::unexpected(util::with_path(
      util::make_error("the file changed while ogfeed was building; build "
                       "again"),
      post.shown_path));
  }
  std::size_t dropped = 0; // warned about when the post was loaded
  std::string body = util::drop_forbidden_chars(
    normalize_text(std::string_view(*bytes).substr(
      std::min<std::size_t>(span.offset, bytes->size()))),
    dropped);
  // Checked when loaded, but the file may have changed in place since.
  if (auto ok = util::check_xml_text(body, span.line); !ok) {
    return tl::unexpected(util::with_path(ok.error(), post.shown_path));
  }
  return body;
}

void
sort_posts(std::vector<Post>& posts)
{
  std::sort(posts.begin(), posts.end(), [](const Post& a, const Post& b) {
    if (a.date != b.date) {
      return a.date > b.date;
    }
    if (a.slug != b.slug) {
      return a.slug < b.slug;
    }
    return a.shown_path < b.shown_path;
  });
}

std::uint64_t
parse_cache_setup(const SiteConfig& config, BrokenDrafts broken_drafts)
{
  return util::hash64(std::string(OGFEED_VERSION) + "\x1f"
                      + config.timezone.name() + "\x1f"
                      + (broken_drafts == BrokenDrafts::are_errors ? "e" : "w")
                      + std::to_string(k_max_post_bytes));
}

LoadedPosts
load_posts(const fs::path& site_root,
           const SiteConfig& config,
           unsigned jobs,
           BrokenDrafts broken_drafts,
           const ParseCache* cache)
{
  LoadedPosts out;
  out.cache = ParseCache(parse_cache_setup(config, broken_drafts));
  out.cache.set_read_time(std::chrono::duration_cast<std::chrono::nanoseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count());
  auto files = find_post_files(site_root, config, out.folders);
  if (!files) {
    out.diagnostics.push_back(files.error());
    return out;
  }
  out.files = files->size();
  std::vector<ParsedPost> parsed(files->size());
  std::vector<std::optional<CachedParse>> entries(files->size());
  std::vector<char> was_parsed(files->size(), 0);
  const GitHistory history(site_root, config.content_dirs);
  for (auto& f : *files) {
    f.source.broken_drafts = broken_drafts;
    f.source.history = &history;
  }
  util::parallel_for(files->size(), jobs, [&](std::size_t i) {
    entries[i] = load_one((*files)[i], config, cache, parsed[i], was_parsed[i]);
  });
  for (std::size_t i = 0; i < files->size(); ++i) {
    out.parsed += was_parsed[i] != 0 ? 1 : 0;
    if (entries[i]) {
      out.cache.store((*files)[i].source.display_path, std::move(*entries[i]));
    }
  }
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    ParsedPost& p = parsed[i];
    out.diagnostics.insert(out.diagnostics.end(),
                           std::make_move_iterator(p.diagnostics.begin()),
                           std::make_move_iterator(p.diagnostics.end()));
    if (p.post) {
      // A file's language suffix decides, else its language's content
      // folder (the default language's too, with its own subfolder).
      const std::string& key = (*files)[i].language;
      if (!key.empty()) {
        set_language(*p.post, config.file_languages.at(key), config);
      } else if (const ContentLanguage* lang =
                   folder_language(*p.post, site_root, config)) {
        set_language(*p.post, *lang, config);
      }
      out.posts.push_back(std::move(*p.post));
    }
  }
  if (history.used() && !history.refusal().empty()) {
    util::Diagnostic d = util::make_warning(
      history.refusal() + "; posts without a 'date' cannot be dated from it");
    d.path = (site_root / "").lexically_normal().string();
    out.diagnostics.push_back(std::move(d));
  }
  if (history.used() && history.shallow()) {
    util::Diagnostic d = util::make_warning(
      "this git clone is shallow, so posts without a 'date' are dated by "
      "the oldest commit it has, not the one that added them; fetch the "
      "whole history (`git fetch --unshallow`; in GitHub Actions, "
      "actions/checkout with `fetch-depth: 0`)");
    d.path = (site_root / "").lexically_normal().string();
    out.diagnostics.push_back(std::move(d));
  }
  sort_posts(out.posts);
  return out;
}

} // namespace ogfeed::content
