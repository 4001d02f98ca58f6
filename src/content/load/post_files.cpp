#include "content/load/post_files.hpp"

#include "util/beneath.hpp"
#include "util/file_name.hpp"
#include "util/text_order.hpp"
#include "util/tree_walk.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cstring>
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
// folder does. `full` is its path, from `rel_at` on below its folder.
void
name_post_file(PostFile& f,
               std::string full,
               std::size_t rel_at,
               bool dir_is_normal,
               const FileLanguages& languages)
{
  const std::string_view rel = std::string_view(full).substr(rel_at);
  // Below a folder already in normal form, its path is too.
  f.source.display_path =
    dir_is_normal ? full : fs::path(full).lexically_normal().string();
  // Most posts never reach a feed: their bodies are read from where the
  // front matter ended when needed rather than held, which keeps a
  // 10,000-post build small.
  f.source.keep_body = KeepBody::no;
  // Its folder below `dir`, '/'-separated.
  const auto slash = rel.rfind('/');
  const std::string_view name =
    slash == std::string_view::npos ? rel : rel.substr(slash + 1);
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
  f.source.file = std::move(full); // `rel` points into it: moved last
}

// The part of a listed file's path below its content folder.
std::string_view
rel_of(const ListedFile& f)
{
  return std::string_view(f.path).substr(f.rel_at);
}

// The folder a listed file is in, below its content folder ("" for the
// content folder itself).
std::string_view
rel_folder_of(const ListedFile& f)
{
  const std::string_view rel = rel_of(f);
  const auto slash = rel.rfind('/');
  return slash == std::string_view::npos ? std::string_view()
                                         : rel.substr(0, slash);
}

// Drops the Markdown files of a page bundle (a folder below `dir` with an
// index.md) other than its index: Hugo reads them as the bundle's
// resources, not as pages.
void
drop_bundle_resources(std::vector<ListedFile>& files,
                      const FileLanguages& languages)
{
  // index.md, or a translation's index.en.md.
  auto is_index = [&](const ListedFile& f) {
    const std::string_view name = util::last_segment(f.path);
    return without_language(std::string(util::stem_of(name)), languages)
           == "index";
  };
  std::set<std::string, std::less<>> bundles;
  for (const auto& f : files) {
    if (is_index(f) && !rel_folder_of(f).empty()) {
      bundles.emplace(rel_folder_of(f));
    }
  }
  if (bundles.empty()) {
    return;
  }
  std::erase_if(files, [&](const ListedFile& f) {
    const std::string_view folder = rel_folder_of(f);
    for (std::string_view up = folder; !up.empty();) {
      if (bundles.contains(up)) {
        return !is_index(f) || up != folder;
      }
      const auto slash = up.rfind('/');
      up = slash == std::string_view::npos ? std::string_view()
                                           : up.substr(0, slash);
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
find_post_files_in(const ContentFolder& folder,
                   std::uint32_t index,
                   const std::vector<std::string>& exclude,
                   bool html_posts,
                   std::vector<ListedFile>& files,
                   StampedPaths& folders)
{
  const fs::path& dir = folder.dir;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return tl::unexpected(util::make_error("content folder '"
                                           + dir.lexically_normal().string()
                                           + "' does not exist"));
  }
  stamp_folder(dir, folders);
  const bool html_here = html_posts || dir.filename() == "_posts";
  std::string prefix = dir.native();
  if (!prefix.empty() && !prefix.ends_with('/')) {
    prefix += '/';
  }
  const auto rel_at = static_cast<std::uint32_t>(prefix.size());
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
    ListedFile& f = files.emplace_back();
    f.path.reserve(prefix.size() + e.rel.size());
    f.path.append(prefix).append(e.rel);
    f.folder = index;
    f.rel_at = rel_at;
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

// Files as their names sort (bytes), not as their folder lists them (in
// hash order, on ext4): posts are then read, and their texts laid out in
// memory, about as their URLs sort (a URL is mostly a name), the order the
// stages after loading walk them in (head.json, the permalink checks).
void
in_name_order(std::vector<ListedFile>& files)
{
  const std::vector<std::size_t> order =
    util::order_by_text(files.size(), [&](std::size_t i) -> std::string_view {
      return files[i].path;
    });
  std::vector<ListedFile> sorted;
  sorted.reserve(files.size());
  for (const std::size_t i : order) {
    sorted.push_back(std::move(files[i]));
  }
  files = std::move(sorted);
}

} // namespace

// True when path `a` sorts before `b` as std::filesystem::path compares
// them, component by component: a '/' below every other byte.
bool
path_less(std::string_view a, std::string_view b)
{
  const std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) { // a word at a time: paths share long prefixes
    std::uint64_t x = 0;
    std::uint64_t y = 0;
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) {
      break;
    }
  }
  while (i < n && a[i] == b[i]) {
    ++i;
  }
  if (i == n) {
    return a.size() < b.size();
  }
  const auto rank = [](char c) {
    return c == '/' ? 0 : static_cast<int>(static_cast<unsigned char>(c));
  };
  return rank(a[i]) < rank(b[i]);
}

util::Expected<ListedFiles>
find_post_files(const fs::path& site_root,
                const SiteConfig& config,
                StampedPaths& folders)
{
  ListedFiles listed;
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
    ContentFolder folder;
    folder.dir = site_root / d;
    folder.dir_is_normal = folder.dir.lexically_normal() == folder.dir;
    folder.site_prefix = folder_prefix(inside);
    if (config.url_rules.folder_categories && inside.ends_with("_posts")) {
      // Jekyll: the folders above `_posts` are categories (blog/_posts).
      for (const auto& part : fs::path(inside).parent_path()) {
        if (!part.empty() && part != ".") {
          folder.categories.push_back(part.string());
        }
      }
    }
    if (const auto own = config.dir_permalinks.find(d);
        own != config.dir_permalinks.end()) {
      folder.permalink = own->second;
    }
    std::vector<ListedFile> found;
    TRY(find_post_files_in(folder,
                           static_cast<std::uint32_t>(listed.folders.size()),
                           config.exclude,
                           config.html_posts,
                           found,
                           folders));
    drop_bundle_resources(found, config.file_languages);
    if (config.url_rules.dated_post_names && inside.ends_with("_posts")) {
      std::erase_if(found, [](const ListedFile& f) {
        return !has_date_name(util::stem_of(util::last_segment(f.path)));
      });
    }
    in_name_order(found);
    listed.folders.push_back(std::move(folder));
    listed.files.insert(listed.files.end(),
                        std::make_move_iterator(found.begin()),
                        std::make_move_iterator(found.end()));
  }
  return listed;
}

PostFile
post_file(ListedFiles& listed, std::size_t i, const SiteConfig& config)
{
  ListedFile& listed_file = listed.files[i];
  const ContentFolder& folder = listed.folders[listed_file.folder];
  PostFile f;
  f.folder = listed_file.folder;
  f.rel_at = listed_file.rel_at;
  f.folder_categories = folder.categories;
  f.permalink = folder.permalink;
  name_post_file(f,
                 std::move(listed_file.path),
                 listed_file.rel_at,
                 folder.dir_is_normal,
                 config.file_languages);
  return f;
}

} // namespace ogfeed::content::detail
