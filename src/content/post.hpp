#pragma once

#include "util/time_zone.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ogfeed::content {

// A person as feeds name them; any part may be empty.
struct Person
{
  std::string name;
  std::string email;
  std::string uri;
};

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

// One post, as loaded from its file: the hub every later stage reads.
struct Post
{
  std::string source_path; // as shown in messages, e.g. "posts/a.md"
  std::string title;
  std::string slug;
  util::UtcSeconds date{};
  util::UtcSeconds updated{}; // `lastmod`/`updated`, else `date`
  std::string description;    // `description`/`summary`, may be empty
  std::vector<std::string> categories;
  std::vector<std::string> tags;
  bool draft = false;
  Person author; // empty when the post names none
  std::string image;
  std::map<std::string, std::string> params; // other front-matter keys

  // Markdown without the front matter; absent when the site loader left it
  // on disk to save memory (load_post_body() reads it again).
  std::optional<std::string> body;
  int body_line = 1;

  // Filled by the site loader and the build.
  std::string permalink;    // absolute URL
  std::string content_html; // rendered body, every URL absolute
  std::string summary_text; // plain-text excerpt when there is no description
  std::optional<CardRef> card;
};

} // namespace ogfeed::content
