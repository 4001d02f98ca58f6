#include "content/front_matter/post_fields.hpp"

#include "content/front_matter/front_matter_keys.hpp"
#include "util/language_tag.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace ogfeed::content::detail {

namespace {

std::string
param_text(const util::YamlValue& v)
{
  switch (v.kind) {
  case util::YamlValue::Kind::scalar:
    return v.scalar;
  case util::YamlValue::Kind::sequence: {
    std::string out;
    for (const auto& item : v.items) {
      if (item.kind == util::YamlValue::Kind::scalar) {
        out += (out.empty() ? "" : ", ") + item.scalar;
      }
    }
    return out;
  }
  default:
    return {};
  }
}

// `author: Name` or `author: {name, email, uri, avatar}`.
void
read_author(PostBuilder& b, const util::YamlValue& value, Person& author)
{
  if (value.kind == util::YamlValue::Kind::map) {
    for (const auto& [ak, av] : value.entries) {
      const std::string what = "author." + ak.scalar;
      auto s = b.text(av, what);
      if (!s) {
        continue;
      }
      if (ak.scalar == "name") {
        author.name = std::move(*s);
      } else if (ak.scalar == "email") {
        author.email = std::move(*s);
      } else if ((ak.scalar == "uri" || ak.scalar == "url")
                 && b.web_reference(av, what, *s)) {
        author.uri = std::move(*s);
      } else if (ak.scalar == "avatar") {
        author.avatar = std::move(*s);
      }
    }
  } else if (value.kind == util::YamlValue::Kind::sequence
             && b.reads_as_generator()) {
    // `author: [a, b]`, which Hugo's themes read: the names, in order.
    if (auto names = b.list(value, "author")) {
      for (const auto& name : *names) {
        author.name += (author.name.empty() ? "" : ", ") + name;
      }
    }
  } else if (auto s = b.prose(value, "author")) {
    author.name = std::move(*s);
  }
}

// The value each field takes: the best-ranked of the keys that name it.
struct Chosen
{
  const util::YamlValue* key = nullptr;
  const util::YamlValue* value = nullptr;
  int rank = 0;
};

// A string, or a map's first string under one of `keys` (`cover: {image:
// ...}`), for images.
const util::YamlValue*
image_value(const util::YamlValue& v)
{
  if (v.kind != util::YamlValue::Kind::map) {
    return &v;
  }
  for (const char* k : {"image", "src", "url", "path"}) {
    for (const auto& [mk, mv] : v.entries) {
      if (mk.scalar == k && mv.kind == util::YamlValue::Kind::scalar) {
        return &mv;
      }
    }
  }
  return nullptr;
}

// A flag that, when it reads `draft_when`, makes the post a draft.
void
read_draft_flag(PostBuilder& b,
                const util::YamlValue& key,
                const util::YamlValue& value,
                bool draft_when,
                Post& post)
{
  if (value.kind == util::YamlValue::Kind::null) {
    return;
  }
  auto on = as_bool(value, key.scalar);
  if (!on) {
    b.quirk(on.error(), "published"); // Hugo's cast, Jekyll's `== false`
  } else if (*on == draft_when) {
    post.draft = true;
  }
}

// Keeps the first k_max_terms tags or categories of a post, with a warning
// past them: each one is a feed that carries the post with all its terms,
// so thousands in one post would make output grow with their square.
void
cap_terms(PostBuilder& b,
          const util::YamlValue& value,
          const std::string& key,
          std::vector<std::string>& items)
{
  if (items.size() > k_max_terms) {
    b.warn_at(value,
              "'" + key + "' has " + std::to_string(items.size())
                + " entries; only the first " + std::to_string(k_max_terms)
                + " are used (each has a feed that carries every term of its "
                  "posts)");
    items.resize(k_max_terms);
  }
}

// Hexo writes several category paths as a list of lists
// (`- [Diary, PlayStation]`), each a category and its subcategories; every
// category of every path is the post's. None when `v` is no such list.
std::optional<util::YamlValue>
category_paths(const util::YamlValue& v)
{
  if (v.kind != util::YamlValue::Kind::sequence
      || std::none_of(
        v.items.begin(), v.items.end(), [](const util::YamlValue& i) {
          return i.kind == util::YamlValue::Kind::sequence;
        })) {
    return std::nullopt;
  }
  util::YamlValue flat = v;
  flat.items.clear();
  for (const util::YamlValue& item : v.items) {
    if (item.kind == util::YamlValue::Kind::sequence) {
      flat.items.insert(flat.items.end(), item.items.begin(), item.items.end());
    } else {
      flat.items.push_back(item);
    }
  }
  return flat;
}

// The last category path in `v` (Post::category_path).
std::vector<std::string>
last_category_path(const util::YamlValue& v)
{
  const util::YamlValue* path = &v;
  if (v.kind == util::YamlValue::Kind::sequence && !v.items.empty()
      && category_paths(v)) {
    path = &v.items.back();
  }
  std::vector<std::string> names;
  if (path->kind == util::YamlValue::Kind::scalar) {
    names.push_back(path->scalar);
  } else if (path->kind == util::YamlValue::Kind::sequence) {
    for (const util::YamlValue& item : path->items) {
      if (item.kind == util::YamlValue::Kind::scalar) {
        names.push_back(item.scalar);
      }
    }
  }
  return names;
}

// Lists, the author, the image and a per-post permalink.
void
read_list_or_link(PostBuilder& b, Field field, const Chosen& c, Post& post)
{
  const util::YamlValue& value = *c.value;
  const std::string& k = c.key->scalar;
  switch (field) {
  case Field::categories: {
    if (post.category_path.empty()) {
      post.category_path = last_category_path(value);
    }
    const auto paths = category_paths(value);
    if (auto items = b.list(paths ? *paths : value, k)) {
      cap_terms(b, value, k, *items);
      for (auto& item : *items) {
        if (std::find(post.categories.begin(), post.categories.end(), item)
            == post.categories.end()) {
          post.categories.push_back(std::move(item));
        }
      }
    }
    break;
  }
  case Field::tags:
    if (auto items = b.list(value, k)) {
      cap_terms(b, value, k, *items);
      post.tags = std::move(*items);
    }
    break;
  case Field::author:
    read_author(b, value, post.author);
    break;
  case Field::image:
    if (const util::YamlValue* v = image_value(value)) {
      if (auto s = b.text(*v, k); s && b.web_reference(*v, k, *s)) {
        post.image = std::move(*s);
      }
    }
    break;
  case Field::permalink:
    if (auto s = b.text(value, k); s && !s->empty()) {
      if (s->find("{{") != std::string::npos
          || s->find("{%") != std::string::npos) {
        b.warn_at(value,
                  "'" + k
                    + "' is a template ogfeed does not run; the site's "
                      "permalink pattern is used");
      } else if (b.web_reference(value, k, *s)) {
        post.permalink_override = std::move(*s);
      }
    }
    break;
  default:
    break;
  }
}

// A date key left empty (`updated_at: ''`, `date:`) names no date.
bool
no_date(const util::YamlValue& v)
{
  return v.kind == util::YamlValue::Kind::null
         || (v.kind == util::YamlValue::Kind::scalar && v.scalar.empty());
}

// The fields that hold a date: date, updated, publish and expiry dates,
// and `published` (a draft flag, or Eleventy's date).
void
read_dated_field(
  PostBuilder& b, Field field, const Chosen& c, Post& post, DatedFields& fields)
{
  const util::YamlValue& value = *c.value;
  const std::string& k = c.key->scalar;
  switch (field) {
  case Field::date:
    if (no_date(value)) {
      return; // Qiita CLI writes '' until the post is on Qiita
    }
    if (b.reads_as_generator()) {
      // Hugo builds a page whose date is no date (2016-12-012T20:56:48).
      fields.date = b.optional_date(
        value, k, "no date, dated as a post without one", &fields.date_offset);
      break;
    }
    fields.date = b.date(value, k, &fields.date_offset);
    if (!fields.date) {
      fields.date = util::UtcSeconds{}; // reported; keep going for more errors
    }
    break;
  case Field::updated:
    if (!no_date(value)) {
      fields.updated = b.optional_date(value, k, "no update time");
    }
    break;
  case Field::publish_date:
  case Field::expiry_date:
    if (!no_date(value)) {
      const auto t = b.date(value, k);
      (field == Field::publish_date ? post.publish_date : post.expiry_date) = t;
    }
    break;
  case Field::published:
    if (value.kind == util::YamlValue::Kind::scalar && as_bool(value, k)) {
      read_draft_flag(b, *c.key, value, false, post);
    } else if (!fields.date && value.kind != util::YamlValue::Kind::null) {
      // Eleventy-style `published: 2024-...`
      fields.date = b.date(value, k, &fields.date_offset);
    }
    break;
  default:
    break;
  }
}

// Applies the value chosen for one field to the post; reports bad values
// through `b`.
void
read_field(
  PostBuilder& b, Field field, const Chosen& c, Post& post, DatedFields& fields)
{
  const util::YamlValue& value = *c.value;
  const std::string& k = c.key->scalar;
  switch (field) {
  case Field::title:
    if (value.kind == util::YamlValue::Kind::null) {
      // `title:` or `title: #短篇#...` (a comment): no title, which a
      // generator fills in (Jekyll from the file name; tried) and ogfeed
      // otherwise reports as missing.
      break;
    }
    fields.has_title = true;
    post.title_line = value.line;
    post.title_column = value.column;
    if (auto s = b.prose(value, k)) {
      post.title = std::move(*s);
      if (post.title.empty()) {
        b.error_at(value, "'" + k + "' must not be empty");
      }
    }
    break;
  case Field::date:
  case Field::updated:
  case Field::publish_date:
  case Field::expiry_date:
  case Field::published:
    read_dated_field(b, field, c, post, fields);
    break;
  case Field::draft:
  case Field::unlisted:
    read_draft_flag(b, *c.key, value, true, post);
    break;
  case Field::description:
    if (auto s = b.prose(value, k)) {
      post.description = std::move(*s);
    }
    break;
  case Field::slug:
    if (auto s = b.text(value, k); s && !s->empty()) {
      if (*s == "." || *s == "..") {
        b.error_at(value, "'" + k + "' must be a name, got \"" + *s + "\"");
      }
      post.slug = std::move(*s);
      post.slug_given = true;
    }
    break;
  case Field::categories:
  case Field::tags:
  case Field::author:
  case Field::image:
  case Field::permalink:
    read_list_or_link(b, field, c, post);
    break;
  case Field::language:
    if (auto s = b.text(value, k); s && !s->empty()) {
      if (util::is_language_tag(*s)) {
        post.language = std::move(*s);
      } else {
        b.warn_at(value,
                  "'" + k + "' \"" + *s
                    + "\" is not a language tag such as ja or en; the site's "
                      "language is used");
      }
    }
    break;
  }
}
} // namespace

// Reads every key of the front matter: for each field the best-ranked key
// that names it (`date` over `pubDate`, `description` over `summary`),
// every category key, and other keys as template parameters.
void
read_fields(PostBuilder& b,
            const util::YamlValue& root,
            Post& post,
            DatedFields& fields)
{
  // By field, in the order of Field: the best-ranked key of each.
  std::array<std::optional<Chosen>, k_field_count> chosen;
  std::vector<Chosen> categories;
  for (const auto& [key, value] : root.entries) {
    const auto meaning = key_meaning(key.scalar);
    if (!meaning) {
      if (key.kind == util::YamlValue::Kind::scalar
          && value.kind == util::YamlValue::Kind::map) {
        // `card: {emoji: 🐳}` as "card.emoji".
        for (const auto& [sub, sv] : value.entries) {
          if (sub.kind == util::YamlValue::Kind::scalar) {
            post.params[key.scalar + "." + sub.scalar] =
              util::replace_non_xml_chars(param_text(sv));
          }
        }
      } else if (key.kind == util::YamlValue::Kind::scalar) {
        post.params[key.scalar] =
          util::replace_non_xml_chars(param_text(value));
      }
      continue;
    }
    const Chosen c{&key, &value, meaning->rank};
    if (meaning->field == Field::categories) {
      categories.push_back(c);
      continue;
    }
    std::optional<Chosen>& best =
      chosen[static_cast<std::size_t>(meaning->field)];
    if (!best || c.rank < best->rank) {
      best = c;
    }
  }
  for (std::size_t f = 0; f < chosen.size(); ++f) {
    if (chosen[f]) {
      read_field(b, static_cast<Field>(f), *chosen[f], post, fields);
    }
  }
  for (const Chosen& c : categories) {
    read_field(b, Field::categories, c, post, fields);
  }
  // Hugo's publishDate is the date when there is no other.
  if (!fields.date && post.publish_date) {
    fields.date = post.publish_date;
  }
}

} // namespace ogfeed::content::detail
