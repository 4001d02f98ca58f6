// Which loaded posts a build publishes: drafts, future and expired posts
// left out as the options say, one post per permalink, and a warning for a
// post whose own image the site lacks.
#include "site/post_selection.hpp"

#include "card/card_look.hpp"
#include "site/card_looks.hpp"
#include "util/file_name.hpp"
#include "util/parallel.hpp"
#include "util/text_order.hpp"

#include <string>

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

// Why a post is not published, or "" when it is.
std::string
skip_reason(const content::Post& post, const BuildOptions& options)
{
  if (post.draft && options.drafts == Drafts::skip) {
    return "draft";
  }
  const bool future =
    post.date > options.now
    || (post.publish_date && *post.publish_date > options.now);
  if (future && options.future == FuturePosts::skip) {
    return "future";
  }
  if (post.expiry_date && *post.expiry_date <= options.now) {
    return "expired"; // Hugo's expiryDate: gone once it is past
  }
  if (post.params.empty()) {
    return {}; // nor any build option below
  }
  // Hugo's build options (`_build`, or `build` since 0.123): a page kept
  // out of its lists, or never rendered, is in no feed; a headless bundle
  // is neither.
  const auto option = [&](const char* key) {
    for (const char* prefix : {"_build.", "build."}) {
      if (const auto it = post.params.find(std::string(prefix) + key);
          it != post.params.end()) {
        return it->second;
      }
    }
    return std::string();
  };
  const std::string list = option("list");
  const std::string render = option("render");
  const auto it = post.params.find("headless");
  if (list == "never" || list == "false" || list == "local" || render == "never"
      || render == "false" || render == "link"
      || (it != post.params.end() && it->second == "true")) {
    return "unlisted";
  }
  return {};
}

} // namespace

// Keeps the posts this build publishes and reports two posts that would
// share one permalink (feed readers would merge them).
std::vector<content::Post>
select_posts(std::vector<content::Post> posts,
             const BuildOptions& options,
             BuildReport& report,
             std::vector<std::size_t>* by_permalink)
{
  util::Diagnostics& diagnostics = report.diagnostics;
  // Each post's record (and so why it is left out) is made on every core;
  // only the permalinks' check for duplicates is done in order.
  const std::size_t first = report.post_records.size();
  report.post_records.resize(first + posts.size());
  BuildReport::PostRecord* records = report.post_records.data() + first;
  util::parallel_for(posts.size(), options.jobs, [&](std::size_t i) {
    const content::Post& post = posts[i];
    records[i] = {
      post.shown_path, post.permalink, post.date, skip_reason(post, options)};
  });
  // In permalink order (equal ones newest first: the posts are), the first
  // published post of each permalink keeps it; `keeper` names it for the
  // others.
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  const std::vector<std::size_t> by_url =
    util::order_by_text(posts.size(), [&](std::size_t i) -> std::string_view {
      return posts[i].permalink;
    });
  std::vector<std::size_t> keeper(posts.size(), none);
  std::size_t group = none;
  for (const std::size_t i : by_url) {
    if (!records[i].skipped.empty()) {
      continue;
    }
    if (group != none && posts[i].permalink == posts[group].permalink) {
      keeper[i] = group;
    } else {
      group = i;
    }
  }
  // Kept posts move forward in place (no second vector of posts).
  std::vector<std::size_t> moved_to(posts.size(), none);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < posts.size(); ++i) {
    content::Post& post = posts[i];
    if (!records[i].skipped.empty()) {
      continue;
    }
    if (keeper[i] != none) {
      records[i].skipped = "duplicate permalink";
      // Hugo and Jekyll build such a site anyway (one page overwrites the
      // other): a warning, and the post is in no feed.
      diagnostics.push_back(util::with_path(
        util::make_warning(
          "permalink '" + post.permalink + "' is also used by "
            + posts[moved_to[keeper[i]]].shown_path
            + ", so the generator publishes only one page there; this post "
              "is left out of the feeds (give one of them another 'slug', or "
              "add :year/:month/:day to the site's 'permalink')",
          1,
          1),
        post.shown_path));
      continue;
    }
    if (kept != i) {
      posts[kept] = std::move(post);
    }
    moved_to[i] = kept++;
  }
  posts.erase(posts.begin() + static_cast<std::ptrdiff_t>(kept), posts.end());
  if (by_permalink != nullptr) {
    by_permalink->clear();
    by_permalink->reserve(kept);
    for (const std::size_t i : by_url) {
      if (moved_to[i] != none) {
        by_permalink->push_back(moved_to[i]);
      }
    }
  }
  return posts;
}

// A post whose own `image` names a file the site does not have: its og:image
// (and the card it stands for) would point nowhere.
void
warn_missing_images(const std::vector<content::Post>& posts,
                    const fs::path& site_root,
                    util::Diagnostics& out)
{
  const card::FileScope scope = site_file_scope(site_root, {});
  const std::vector<fs::path> dirs = site_image_dirs(site_root);
  for (const content::Post& p : posts) {
    const std::string_view name = util::last_segment(p.file);
    const bool bundle =
      name.starts_with("index.") || name.starts_with("_index.");
    if (p.image.empty() || card::is_remote_image(p.image)
        || p.image.starts_with("data:")
        || (bundle && !p.image.starts_with('/'))) {
      continue; // a bundle's own image: a card stands in (card_step)
    }
    std::vector<fs::path> with_post = dirs;
    if (!p.file.empty()) {
      with_post.insert(with_post.begin(), fs::path(p.file).parent_path());
    }
    if (!card::find_site_image(p.image, with_post, scope)) {
      out.push_back(util::with_path(
        util::make_warning("its 'image' \"" + p.image
                           + "\" names no file of the site (looked beside it "
                             "and below the site, static/, public/, source/, "
                             "assets/): its og:image points nowhere"),
        p.shown_path));
    }
  }
}

} // namespace ogfeed::site
