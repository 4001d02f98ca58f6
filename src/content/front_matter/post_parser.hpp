#pragma once

#include "content/load/git_history.hpp"
#include "content/post.hpp"
#include "util/error.hpp"
#include "util/time_zone.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace ogfeed::content {

// The most tags (and the most categories) one post may have; more are cut
// with a warning.
constexpr std::size_t k_max_terms = 100;

// Where a post's text came from: the path shown in messages and the name
// that gives its slug and, Jekyll-style, its date ("2019-05-27-hello").
enum class KeepBody {
  yes,
  no, // parse the front matter only; Post::body stays empty
};

// What a broken draft is: a draft is not published, so by default its
// problems should not stop the build.
enum class BrokenDrafts {
  skip_with_warnings, // the draft is left out; its errors become warnings
  are_errors,         // --drafts: it would be published, so they count
};

struct PostSource
{
  std::string display_path;
  std::string name; // file stem, or the folder name for a page bundle
  KeepBody keep_body = KeepBody::yes;
  std::string file = {}; // native path: what load_post_body() reads, if any
  BrokenDrafts broken_drafts = BrokenDrafts::are_errors;
  std::string folder = {}; // '/'-separated, between content folder and file
  // Dates a post without `date` by its file's history (git), if set.
  const FileHistory* history = nullptr;
  PostQuirks quirks = PostQuirks::are_errors;
  // What a name that starts with a date (2019-05-27-slug) gives the post.
  NameDates name_dates = NameDates::fallback;
  // The slug is the name's, a front-matter `slug` notwithstanding (Hexo).
  bool name_is_slug = false;
};

// A post, or the errors that kept it from loading, plus any warnings.
struct ParsedPost
{
  std::optional<Post> post;
  util::Diagnostics diagnostics; // positions carry source.display_path
};

// Parses a post file's raw bytes. Every problem found is reported, each at
// its line and column: invalid UTF-8 and XML-forbidden characters, a missing
// or unclosed front matter block, bad YAML, a missing title, a bad date.
// A plain YAML value cut short by a ` #` comment earns a warning.
ParsedPost parse_post(std::string_view raw,
                      const PostSource& source,
                      const util::TimeZone& zone);

} // namespace ogfeed::content
