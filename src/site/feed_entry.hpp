#pragma once

// One post as a feed entry: its body with the generators' markup rendered,
// as HTML with absolute URLs, its summary and its card. Internal to
// src/site.

#include "content/config/site_config.hpp"
#include "content/post.hpp"
#include "content/render/generator_markup.hpp"
#include "feed/entry.hpp"
#include "util/error.hpp"

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ogfeed::site {

// Posts by the names links give them: Jekyll's {% post_url 2024-05-01-hello
// %} finds a post by its file name, Hexo's {% post_link sub/name %} by its
// path below the posts folder, Hugo's ref a page bundle by its folder. A
// hash table of views into the posts: their 20,000 names are not sorted.
class PostNames
{
public:
  explicit PostNames(const std::vector<content::Post>& posts);

  // The permalink of the first post (in `posts`' order) of that name.
  std::optional<std::string> find(std::string_view name) const;

  // A digest of what every name finds (name and permalink), the same
  // whatever order the table is in: what a rendered link depends on.
  std::uint64_t
  digest() const
  {
    return m_digest;
  }

private:
  const std::vector<content::Post>* m_posts;
  std::deque<std::string> m_joined; // the "folder/name" names
  std::unordered_map<std::string_view, std::size_t> m_names;
  std::uint64_t m_digest = 0;
};

// One post as feeds show it: its body with the generators' markup rendered,
// as HTML with absolute URLs, its summary and its card. Warnings and errors
// go to `notes`, with the post's path.
feed::Entry make_entry(const content::Post& post,
                       const std::optional<feed::CardRef>& card,
                       const content::SiteConfig& config,
                       const content::PostFinder& find_post,
                       util::Diagnostics& notes);

// The posts' content warnings (`notes`: each shown post's, in post order),
// but for markup ogfeed does not know (a theme's shortcode, a Liquid tag):
// those are said once per build, at the first post that has them, with how
// many more posts do.
void group_unknown_markup(const std::vector<util::Diagnostics>& notes,
                          util::Diagnostics& out);

} // namespace ogfeed::site
