#pragma once

// Finding a site's post files: its content folders walked without
// following a link, page bundles, Hugo translations, excluded globs, each
// folder's stamp for the rebuild check. Internal to src/content.

#include "content/config/site_config.hpp"
#include "content/front_matter/post_parser.hpp"
#include "content/load/site_loader.hpp"
#include "util/error.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ogfeed::content::detail {

struct PostFile
{
  PostSource source;
  // Its content folder (in ListedFiles::folders), and where its path below
  // that folder ('/'-separated: what is read) starts in source.file.
  std::uint32_t folder = 0;
  std::uint32_t rel_at = 0;

  std::string_view
  rel() const
  {
    return std::string_view(source.file).substr(rel_at);
  }
  std::string language; // a Hugo translation's key ("en" of post.en.md)
  // Categories its folder gives it (Jekyll's blog/_posts), before its own.
  std::vector<std::string> folder_categories;
  // Its content folder's own permalink pattern (Eleventy's directory data
  // file), else "": the site's.
  std::string permalink;
};

// A content folder as its files are listed: what each of its files shares.
struct ContentFolder
{
  std::filesystem::path dir; // the site's folder / the configured name
  bool dir_is_normal = false;
  std::string site_prefix;             // `dir` below the site: "posts/", or ""
  std::vector<std::string> categories; // Jekyll's blog/_posts: {"blog"}
  std::string permalink;               // its own pattern, else ""
};

// A post file as listed: only its path, so that listing stays short; the
// rest of what the loader needs is made from it on the loading threads
// (post_file()).
struct ListedFile
{
  std::string path;       // native: dir, '/', then rel
  std::uint32_t folder{}; // in ListedFiles::folders
  std::uint32_t rel_at{}; // where its path below `dir` starts
};

struct ListedFiles
{
  std::vector<ContentFolder> folders;
  // Folder by folder, each folder's files in the byte order of their paths
  // (not path_less(): the order only decides what is read when; the loader
  // orders what it says by path_less()).
  std::vector<ListedFile> files;
};

// The post files of every content folder of the site; fails when a folder
// is outside the site or cannot be read.
util::Expected<ListedFiles>
find_post_files(const std::filesystem::path& site_root,
                const SiteConfig& config,
                StampedPaths& folders);

// True when path `a` sorts before `b` as std::filesystem::path compares
// them, component by component: a '/' below every other byte.
bool path_less(std::string_view a, std::string_view b);

// The listed file `i` as the loader names it (page bundles, Hugo
// translations), with its folder's categories and permalink pattern. Its
// path moves into the result: each file is made once.
PostFile
post_file(ListedFiles& listed, std::size_t i, const SiteConfig& config);

} // namespace ogfeed::content::detail
