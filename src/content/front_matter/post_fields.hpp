#pragma once

// Reads a post's front matter into the post: for each field the
// best-ranked key that names it, in every generator's vocabulary
// (front_matter_keys.hpp). Internal to src/content.

#include "content/front_matter/front_matter.hpp"
#include "content/front_matter/post_builder.hpp"

namespace ogfeed::content::detail {

// What the keys of one post decide together.
struct DatedFields
{
  bool has_title = false;
  std::optional<util::UtcSeconds> date;
  std::optional<int> date_offset; // as written with `date`, if it had one
  std::optional<util::UtcSeconds> updated;
};

// Reads every key of the front matter: for each field the best-ranked key
// that names it (`date` over `pubDate`, `description` over `summary`),
// every category key, and other keys as template parameters.
void read_fields(PostBuilder& b,
                 const util::YamlValue& root,
                 Post& post,
                 DatedFields& fields);

} // namespace ogfeed::content::detail
