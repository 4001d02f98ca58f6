#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace ogfeed::content {

// What ogfeed reads from front matter, whatever a generator calls it.
enum class Field {
  title,
  date,
  updated,
  draft,        // true: a draft (Hugo, Jekyll, Hexo, Astro...)
  published,    // false: a draft (Jekyll, Zenn); a date: the date (Eleventy)
  unlisted,     // true: a draft (Qiita CLI `private`, `ignorePublish`)
  publish_date, // Hugo: the post appears once this is past
  expiry_date,  // Hugo: the post disappears once this is past
  description,
  slug,
  categories,
  tags,
  author,
  image,
  permalink, // a per-post URL or path (Jekyll, Hexo `permalink`, Hugo `url`)
  language,  // the post's language (`lang`, `language`)
};
constexpr std::size_t k_field_count =
  static_cast<std::size_t>(Field::language) + 1;

// What a key means: its field and its rank among the field's names (0 is
// the field's own name and wins over the others).
struct KeyMeaning
{
  Field field;
  int rank = 0;
};

// Returns what a front-matter key means, compared without regard to case
// (Hugo's keys are case-insensitive: `Tags` is `tags`), or nullopt for a key
// ogfeed keeps only as a template parameter. The table, one row per name:
// dates `date`, `pubDate` (Astro), `published_at` (Zenn), `created_at`
// (Qiita), `publishDate` (Hugo); updates `lastmod`, `updated`,
// `updatedDate`, `updated_at`, `last_modified_at`, `modified`;
// `description`, `summary`, `excerpt`; `tags`, `topics` (Zenn);
// `category`, `categories`; images `image`, `heroImage`, `cover`,
// `thumbnail`, `eyecatch`, `og_image`, `socialImage`, `featured_image`;
// `permalink`, `url`; `lang`, `language`.
std::optional<KeyMeaning> key_meaning(std::string_view key);

} // namespace ogfeed::content
