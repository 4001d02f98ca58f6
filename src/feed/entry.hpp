#pragma once

#include "content/post.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace ogfeed::feed {

// The social card image of a post: one ogfeed rendered, or the post's own
// `image`.
struct CardRef
{
  std::string url;  // absolute
  std::string type; // MIME type, "image/png"
  int width = 0;    // 0 when unknown (a post's own image)
  int height = 0;
  std::uint64_t length = 0; // bytes; 0 when unknown
};

// One post as feeds show it, made by the site stage once per build: the
// post itself stays as it was loaded.
struct Entry
{
  const content::Post* post = nullptr;
  std::string content_html; // rendered body, every URL absolute
  std::string summary;      // `description`, else a plain-text excerpt
  std::optional<CardRef> card;
};

} // namespace ogfeed::feed
