#include "content/generators/detector.hpp"

#include "util/beneath.hpp"

namespace ogfeed::content::generators {

namespace {

constexpr std::size_t k_max_config_bytes = 1024 * 1024;

} // namespace

bool
is_dir(const fs::path& p)
{
  std::error_code ec;
  return fs::is_directory(p, ec);
}

bool
is_file(const fs::path& p)
{
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

// The first of `names` that is a file below root, as written.
std::optional<std::string>
first_file(const fs::path& root, std::initializer_list<std::string_view> names)
{
  for (const std::string_view n : names) {
    if (is_file(root / n)) {
      return std::string(n);
    }
  }
  return std::nullopt;
}

std::string
read_text(const fs::path& root, const fs::path& rel)
{
  const std::string path = rel.lexically_normal().generic_string();
  if (!util::is_plain_relative(path)) {
    return {}; // "..", an absolute path: outside the site
  }
  auto dir = util::Dir::open(root, util::Create::no);
  if (!dir) {
    return {};
  }
  auto bytes = dir->read(path, k_max_config_bytes);
  return bytes ? std::move(*bytes) : std::string();
}

bool
package_uses(const fs::path& root, std::string_view package)
{
  return read_text(root, "package.json").find(package) != std::string::npos;
}

// A value of a config document by key, without regard to case (Hugo's keys
// are case-insensitive; the others' never clash with that).
const util::YamlValue*
find_key(const util::YamlValue* map, std::string_view key)
{
  if (map == nullptr || map->kind != util::YamlValue::Kind::map) {
    return nullptr;
  }
  for (const auto& e : map->entries) {
    if (util::ascii_lower(e.key.scalar) == util::ascii_lower(key)) {
      return &e.value;
    }
  }
  return nullptr;
}

std::optional<std::string>
scalar(const util::YamlValue* map, std::string_view key)
{
  const util::YamlValue* v = find_key(map, key);
  if (v == nullptr) {
    return std::nullopt;
  }
  if (v->kind == util::YamlValue::Kind::sequence && !v->items.empty()
      && v->items.front().kind == util::YamlValue::Kind::scalar) {
    return v->items.front().scalar; // Hexo: `language: [ja, en]`
  }
  if (v->kind != util::YamlValue::Kind::scalar || v->scalar.empty()) {
    return std::nullopt;
  }
  return v->scalar;
}

// The `lang` of the <html> element in a folder of page layouts (Astro's
// src/layouts/*.astro), if they agree on one.
std::optional<std::string>
html_lang(const fs::path& root, const fs::path& rel)
{
  const fs::path dir = root / rel;
  static const std::regex lang(R"re(<html[^>]*\slang=["']([A-Za-z-]+)["'])re");
  std::error_code ec;
  std::optional<std::string> found;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string text =
      read_text(root, it->path().lexically_relative(root));
    std::smatch m;
    if (std::regex_search(text, m, lang)) {
      if (found && *found != m[1].str()) {
        return std::nullopt;
      }
      found = m[1].str();
    }
  }
  return found;
}

std::string
without_slashes(std::string dir)
{
  while (dir.ends_with('/')) {
    dir.pop_back();
  }
  while (dir.starts_with("./")) {
    dir.erase(0, 2);
  }
  return dir;
}

// The first of `dirs` (below root) that holds Markdown posts.
std::optional<std::string>
first_dir(const fs::path& root, std::initializer_list<std::string_view> dirs)
{
  for (const std::string_view dir : dirs) {
    if (is_dir(root / dir)) {
      return std::string(dir);
    }
  }
  return std::nullopt;
}

void
read_yaml_site(Detector& d, const util::YamlValue* c, const std::string& file)
{
  d.text(scalar(c, "title"), &SiteConfig::title, "title", "title in " + file);
  d.text(scalar(c, "subtitle") ? scalar(c, "subtitle")
                               : scalar(c, "description"),
         &SiteConfig::subtitle,
         "subtitle",
         "description in " + file);
  d.language(scalar(c, "lang") ? scalar(c, "lang") : scalar(c, "language"),
             "language in " + file);
  d.timezone(scalar(c, "timezone"), "timezone in " + file);
  d.author(find_key(c, "author"), "author in " + file);
}

} // namespace ogfeed::content::generators
