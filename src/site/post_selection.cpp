// Which loaded posts a build publishes: drafts, future and expired posts
// left out as the options say, one post per permalink, and a warning for a
// post whose own image the site lacks.
#include "site/post_selection.hpp"

#include "card/card_look.hpp"
#include "content/load/site_loader.hpp"
#include "site/card_looks.hpp"
#include "util/file_name.hpp"
#include "util/parallel.hpp"
#include "util/text_order.hpp"

#include <future>
#include <optional>
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

constexpr std::size_t k_none = static_cast<std::size_t>(-1);

// Of the published posts that share a permalink, the newest keeps it: for
// each other one (by its place in `rank`'s order), the place of the post
// that keeps it; k_none for the rest. `by_url`: the posts by permalink.
std::vector<std::size_t>
keepers(const std::vector<content::Post>& posts,
        const std::vector<std::size_t>& by_url,
        const std::vector<std::size_t>& rank,
        const BuildReport::PostRecord* records)
{
  const std::size_t n = posts.size();
  std::vector<std::size_t> keeper(n, k_none); // by place
  for (std::size_t u = 0; u < n;) {
    std::size_t end = u + 1;
    while (end < n
           && posts[by_url[end]].permalink == posts[by_url[u]].permalink) {
      ++end;
    }
    std::size_t kept = k_none;
    for (std::size_t v = u; v < end; ++v) {
      const std::size_t k = rank[by_url[v]];
      if (records[k].skipped.empty() && (kept == k_none || k < kept)) {
        kept = k;
      }
    }
    for (std::size_t v = u; v < end && end - u > 1; ++v) {
      const std::size_t k = rank[by_url[v]];
      if (records[k].skipped.empty() && k != kept) {
        keeper[k] = kept;
      }
    }
    u = end;
  }
  return keeper;
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
  const std::size_t n = posts.size();
  // The posts by permalink (made meanwhile on a thread of its own) and
  // newest first: the posts may come in any order, and are moved once, to
  // their place among those kept.
  std::future<std::vector<std::size_t>> by_url_made =
    std::async(std::launch::async, [&posts] {
      return util::order_by_text(
        posts.size(),
        [&](std::size_t i) -> std::string_view { return posts[i].permalink; });
    });
  const std::vector<std::size_t> newest = content::post_order(posts);
  std::vector<std::size_t> rank(n);
  for (std::size_t k = 0; k < n; ++k) {
    rank[newest[k]] = k;
  }
  // Each post's record (and so why it is left out) is made on every core,
  // in the order the posts are published.
  util::Diagnostics& diagnostics = report.diagnostics;
  const std::size_t first = report.post_records.size();
  report.post_records.resize(first + n);
  BuildReport::PostRecord* records = report.post_records.data() + first;
  util::parallel_for(n, options.jobs, [&](std::size_t k) {
    const content::Post& post = posts[newest[k]];
    records[k] = {
      post.shown_path, post.permalink, post.date, skip_reason(post, options)};
  });
  const std::vector<std::size_t> by_url = by_url_made.get();
  const std::vector<std::size_t> keeper = keepers(posts, by_url, rank, records);
  // Each post's place among those kept; the others after them.
  std::vector<std::size_t> place(n, k_none); // by place in `newest`
  std::size_t kept = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (!records[k].skipped.empty()) {
      continue;
    }
    if (keeper[k] != k_none) {
      records[k].skipped = "duplicate permalink";
      // Hugo and Jekyll build such a site anyway (one page overwrites the
      // other): a warning, and the post is in no feed.
      diagnostics.push_back(util::with_path(
        util::make_warning(
          "permalink '" + records[k].permalink + "' is also used by "
            + records[keeper[k]].source
            + ", so the generator publishes only one page there; this post "
              "is left out of the feeds (give one of them another 'slug', or "
              "add :year/:month/:day to the site's 'permalink')",
          1,
          1),
        records[k].source));
      continue;
    }
    place[k] = kept++;
  }
  std::vector<std::size_t> order(n); // place -> index in `posts`
  std::size_t left_out = kept;
  for (std::size_t k = 0; k < n; ++k) {
    order[place[k] != k_none ? place[k] : left_out++] = newest[k];
  }
  if (by_permalink != nullptr) {
    by_permalink->clear();
    by_permalink->reserve(kept);
    for (const std::size_t i : by_url) {
      if (place[rank[i]] != k_none) {
        by_permalink->push_back(place[rank[i]]);
      }
    }
  }
  content::move_posts(posts, std::move(order));
  posts.erase(posts.begin() + static_cast<std::ptrdiff_t>(kept), posts.end());
  return posts;
}

// A post whose own `image` names a file the site does not have: its og:image
// (and the card it stands for) would point nowhere.
void
warn_missing_images(const std::vector<content::Post>& posts,
                    const fs::path& site_root,
                    util::Diagnostics& out)
{
  std::optional<card::FileScope> scope; // made for the first image
  std::vector<fs::path> dirs;
  for (const content::Post& p : posts) {
    if (p.image.empty()) {
      continue; // most posts: nothing else of them is read
    }
    if (!scope) {
      scope = site_file_scope(site_root, {});
      dirs = site_image_dirs(site_root);
    }
    const std::string_view name = util::last_segment(p.file);
    const bool bundle =
      name.starts_with("index.") || name.starts_with("_index.");
    if (card::is_remote_image(p.image) || p.image.starts_with("data:")
        || (bundle && !p.image.starts_with('/'))) {
      continue; // a bundle's own image: a card stands in (card_step)
    }
    std::vector<fs::path> with_post = dirs;
    if (!p.file.empty()) {
      with_post.insert(with_post.begin(), fs::path(p.file).parent_path());
    }
    if (!card::find_site_image(p.image, with_post, *scope)) {
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
