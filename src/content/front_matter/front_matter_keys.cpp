#include "content/front_matter/front_matter_keys.hpp"

#include "util/ascii.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace ogfeed::content {

std::optional<KeyMeaning>
key_meaning(std::string_view key)
{
  struct Row
  {
    std::string_view name; // lower case
    Field field;
    int rank;
  };
  static constexpr std::array k_rows = {
    Row{"title", Field::title, 0},
    Row{"date", Field::date, 0},
    Row{"pubdate", Field::date, 1},
    Row{"published_at", Field::date, 2},
    Row{"created_at", Field::date, 3},
    Row{"pubdatetime", Field::date, 4}, // AstroPaper
    Row{"lastmod", Field::updated, 0},
    Row{"updated", Field::updated, 1},
    Row{"updateddate", Field::updated, 2},
    Row{"updated_at", Field::updated, 3},
    Row{"last_modified_at", Field::updated, 4},
    Row{"modified", Field::updated, 5},
    Row{"moddatetime", Field::updated, 6}, // AstroPaper
    Row{"draft", Field::draft, 0},
    Row{"published", Field::published, 0},
    Row{"private", Field::unlisted, 0},
    Row{"ignorepublish", Field::unlisted, 1},
    Row{"publishdate", Field::publish_date, 0},
    Row{"expirydate", Field::expiry_date, 0},
    Row{"description", Field::description, 0},
    Row{"summary", Field::description, 1},
    Row{"excerpt", Field::description, 2},
    Row{"slug", Field::slug, 0},
    Row{"postslug", Field::slug, 1}, // AstroPaper 3
    Row{"category", Field::categories, 0},
    Row{"categories", Field::categories, 0},
    Row{"tags", Field::tags, 0},
    Row{"topics", Field::tags, 1},
    Row{"author", Field::author, 0},
    Row{"image", Field::image, 0},
    Row{"heroimage", Field::image, 1},
    Row{"cover", Field::image, 2},
    Row{"thumbnail", Field::image, 3},
    Row{"eyecatch", Field::image, 4},
    Row{"og_image", Field::image, 5},
    Row{"socialimage", Field::image, 6},
    Row{"featured_image", Field::image, 7},
    Row{"ogimage", Field::image, 8}, // AstroPaper
    Row{"permalink", Field::permalink, 0},
    Row{"url", Field::permalink, 1},
    Row{"lang", Field::language, 0},
    Row{"language", Field::language, 1},
  };
  // Lowered into a buffer of the longest name's size: a longer key is no
  // name, and no key costs an allocation.
  static constexpr std::size_t k_longest = 16;
  static_assert(std::all_of(k_rows.begin(), k_rows.end(), [](const Row& r) {
    return r.name.size() <= k_longest;
  }));
  if (key.size() > k_longest) {
    return std::nullopt;
  }
  std::array<char, k_longest> buffer{};
  std::transform(key.begin(), key.end(), buffer.begin(), [](char c) {
    return util::ascii_lower(c);
  });
  const std::string_view lower(buffer.data(), key.size());
  for (const Row& row : k_rows) {
    if (row.name == lower) {
      return KeyMeaning{row.field, row.rank};
    }
  }
  return std::nullopt;
}

} // namespace ogfeed::content
