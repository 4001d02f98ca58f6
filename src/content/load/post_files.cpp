#include "content/load/post_files.hpp"

#include "util/beneath.hpp"
#include "util/file_name.hpp"
#include "util/tree_walk.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <map>
#include <set>

namespace ogfeed::content::detail {

namespace fs = std::filesystem;

namespace {

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
is_markdown(std::string_view name)
{
  const std::string_view ext = util::extension_of(name);
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
// folder does. `rel` is its path below `dir`, `name` its last segment.
PostFile
post_file(const fs::path& dir,
          bool dir_is_normal,
          std::string_view rel,
          std::string_view name,
          const FileLanguages& languages)
{
  PostFile f;
  std::string full = dir.native();
  if (!full.empty() && !full.ends_with('/')) {
    full += '/';
  }
  full += rel;
  // Below a folder already in normal form, its path is too.
  f.source.display_path =
    dir_is_normal ? full : fs::path(full).lexically_normal().string();
  f.source.file = std::move(full);
  // Most posts never reach a feed: their bodies are read from where the
  // front matter ended when needed rather than held, which keeps a
  // 10,000-post build small.
  f.source.keep_body = KeepBody::no;
  // Its folder below `dir`, '/'-separated.
  const auto slash = rel.rfind('/');
  std::string folder(slash == std::string_view::npos ? std::string_view()
                                                     : rel.substr(0, slash));
  const std::string stem =
    without_language(std::string(util::stem_of(name)), languages, &f.language);
  f.source.name = stem;
  const auto last = folder.rfind('/');
  const std::string_view folder_name =
    last == std::string::npos ? std::string_view(folder)
                              : std::string_view(folder).substr(last + 1);
  if (!folder.empty() && (stem == "index" || stem == folder_name)) {
    f.source.name = std::string(folder_name);
    folder.resize(last == std::string::npos ? 0 : last);
  }
  f.source.folder = std::move(folder);
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
    const std::string_view name = util::last_segment(f.source.file);
    return without_language(std::string(util::stem_of(name)), languages)
           == "index";
  };
  std::set<fs::path> bundles;
  for (const auto& f : files) {
    if (!is_index(f)) {
      continue;
    }
    const fs::path folder = fs::path(f.source.file).parent_path();
    if (folder != dir) {
      bundles.insert(folder);
    }
  }
  if (bundles.empty()) {
    return;
  }
  std::erase_if(files, [&](const PostFile& f) {
    const fs::path folder = fs::path(f.source.file).parent_path();
    for (fs::path up = folder; up.has_relative_path(); up = up.parent_path()) {
      if (bundles.contains(up)) {
        return !is_index(f) || up != folder;
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
                   std::string_view site_prefix, // `dir` below the site, "/"
                   const std::vector<std::string>& exclude,
                   bool html_posts,
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
  const bool html_here = html_posts || dir.filename() == "_posts";
  const bool dir_is_normal = dir.lexically_normal() == dir;
  return util::walk_tree(dir, [&](const util::WalkEntry& e) {
    if (e.name.starts_with('.') || e.name == "node_modules") {
      return util::WalkStep::skip;
    }
    if (e.kind == util::FileKind::folder) {
      stamp_folder(dir / fs::u8path(e.rel), folders);
      return util::WalkStep::go_on;
    }
    // Jekyll's _posts may hold posts written in HTML, Hugo's content too.
    const bool html = html_here && util::extension_of(e.name) == ".html";
    if (e.kind != util::FileKind::file || !(is_markdown(e.name) || html)
        || util::stem_of(e.name) == "_index"
        || (!exclude.empty() && excluded(std::string(e.rel), exclude))) {
      return util::WalkStep::go_on;
    }
    files.push_back(post_file(dir, dir_is_normal, e.rel, e.name, languages));
    files.back().site_path.append(site_prefix).append(e.rel);
    return util::WalkStep::go_on;
  });
}

// A content folder, normalized ("posts/", "."), as the start of its files'
// paths below the site: "posts/", or "" for the site's own folder.
std::string
folder_prefix(const std::string& inside)
{
  return inside == "." || inside == "./"
           ? std::string()
           : inside.substr(0, inside.find_last_not_of('/') + 1) + "/";
}

// Jekyll's post name: 2-4 digits, '-', 1-2 digits, '-', 1-2 digits, '-'.
bool
has_date_name(std::string_view stem)
{
  std::size_t i = 0;
  for (const std::size_t most : {4, 2, 2}) {
    const std::size_t start = i;
    while (i < stem.size() && i - start < most && stem[i] >= '0'
           && stem[i] <= '9') {
      ++i;
    }
    if (i - start < (most == 4 ? 2U : 1U) || i >= stem.size()
        || stem[i] != '-') {
      return false;
    }
    ++i;
  }
  return true;
}

} // namespace

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
    TRY(find_post_files_in(site_root / d,
                           folder_prefix(inside),
                           config.exclude,
                           config.html_posts,
                           config.file_languages,
                           found,
                           folders));
    drop_bundle_resources(found, site_root / d, config.file_languages);
    if (config.url_rules.dated_post_names && inside.ends_with("_posts")) {
      std::erase_if(found, [](const PostFile& f) {
        return !has_date_name(util::stem_of(util::last_segment(f.source.file)));
      });
    }
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
  // In path order (component by component), sorted by a key that orders
  // as std::filesystem::path compares: its '/' below every other byte.
  std::vector<std::pair<std::string, std::size_t>> keys(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    keys[i] = {files[i].source.file, i}; // native: already '/'
    std::replace(keys[i].first.begin(), keys[i].first.end(), '/', '\x01');
  }
  std::sort(keys.begin(), keys.end());
  std::vector<PostFile> sorted;
  sorted.reserve(files.size());
  for (const auto& [key, i] : keys) {
    sorted.push_back(std::move(files[i]));
  }
  return sorted;
}

} // namespace ogfeed::content::detail
