// The loader's order of posts: newest first, ties by slug, then by path,
// then as they were (one file two content folders list: the first folder's
// first).
#include "content/load/site_loader.hpp"
#include "util/text_order.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace ogfeed::content {

std::vector<std::size_t>
post_order(const std::vector<Post>& posts)
{
  // Indices are sorted: a post is large. The dates and the slugs' first 8
  // bytes sit beside the indices, so most comparisons touch no post.
  struct Keyed
  {
    util::UtcSeconds date;
    std::uint64_t slug_head;
    std::size_t index;
  };
  std::vector<Keyed> keyed(posts.size());
  for (std::size_t i = 0; i < keyed.size(); ++i) {
    keyed[i] = {posts[i].date, util::detail::text_head(posts[i].slug, 0), i};
  }
  std::sort(keyed.begin(), keyed.end(), [&](const Keyed& x, const Keyed& y) {
    if (x.date != y.date) {
      return x.date > y.date;
    }
    if (x.slug_head != y.slug_head) {
      return x.slug_head < y.slug_head;
    }
    const Post& a = posts[x.index];
    const Post& b = posts[y.index];
    if (a.slug != b.slug) {
      return a.slug < b.slug;
    }
    if (a.shown_path != b.shown_path) {
      return a.shown_path < b.shown_path;
    }
    return x.index < y.index;
  });
  std::vector<std::size_t> order(posts.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    order[k] = keyed[k].index;
  }
  return order;
}

void
move_posts(std::vector<Post>& posts, std::vector<std::size_t> order)
{
  // Position k takes posts[order[k]]: each cycle of the permutation is
  // walked with one post aside, so no second vector of posts is made.
  for (std::size_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) {
      continue;
    }
    Post aside = std::move(posts[start]);
    std::size_t k = start;
    while (order[k] != start) {
      const std::size_t from = order[k];
      // The cycle's next post, far away in memory: asked for a move early.
      const char* next = reinterpret_cast<const char*>(&posts[order[from]]);
      for (std::size_t line = 0; line < sizeof(Post); line += 64) {
        __builtin_prefetch(next + line);
      }
      posts[k] = std::move(posts[from]);
      order[k] = k;
      k = from;
    }
    posts[k] = std::move(aside);
    order[k] = k;
  }
}

void
sort_posts(std::vector<Post>& posts)
{
  move_posts(posts, post_order(posts));
}

} // namespace ogfeed::content
