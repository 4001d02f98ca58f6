#include "content/config/site_config_keys.hpp"

#include "content/config/permalink.hpp"
#include "util/ascii.hpp"
#include "util/beneath.hpp"
#include "util/edit_distance.hpp"
#include "util/language_tag.hpp"
#include "util/url.hpp"
#include "util/yaml_value.hpp"

#include <algorithm>
#include <cctype>
#include <functional>

namespace ogfeed::content::detail {

util::Error
error_at(const util::YamlValue& v, std::string message)
{
  return util::make_error(std::move(message), v.line, v.column);
}

// Applies each entry of map `v` through the table; an unknown key is an
// error that suggests the closest known one.
util::Expected<void>
apply_keys(const util::YamlValue& v,
           std::string_view section,
           const std::vector<Key>& keys,
           SiteConfig& config)
{
  std::vector<std::string> names;
  for (const auto& key : keys) {
    names.emplace_back(key.name);
  }
  return visit_map(v,
                   section,
                   names,
                   [&](const std::string& name, const util::YamlValue& value) {
                     const auto it = std::find_if(
                       keys.begin(), keys.end(), [&](const Key& key) {
                         return key.name == name;
                       });
                     return it->handle(value, config);
                   });
}

Handler
string_field(std::string_view name, std::string SiteConfig::*field)
{
  return [name, field](const util::YamlValue& v,
                       SiteConfig& c) -> util::Expected<void> {
    TRY_ASSIGN(text, as_string(v, name));
    c.*field = std::move(text);
    return {};
  };
}

Handler
bool_field(std::string_view name, bool SiteConfig::*field)
{
  return [name, field](const util::YamlValue& v,
                       SiteConfig& c) -> util::Expected<void> {
    TRY_ASSIGN(on, as_bool(v, name));
    c.*field = on;
    return {};
  };
}

// A yes/no setting of a group (feeds:, cards:).
template<typename Group>
Handler
group_flag(std::string_view name, Group SiteConfig::*group, bool Group::*field)
{
  return [name, group, field](const util::YamlValue& v,
                              SiteConfig& c) -> util::Expected<void> {
    TRY_ASSIGN(on, as_bool(v, name));
    c.*group.*field = on;
    return {};
  };
}

Handler
feed_flag(std::string_view name, bool FeedSettings::*field)
{
  return group_flag(name, &SiteConfig::feeds, field);
}

Handler
card_flag(std::string_view name, bool CardSettings::*field)
{
  return group_flag(name, &SiteConfig::cards, field);
}

// True when `name` is a plain relative path none of whose segments starts
// with '.': a repository's settings may name nothing outside the site, no
// hidden file (.bashrc, .git/...) and nothing in ogfeed's state folder.
bool
stays_inside(std::string_view name)
{
  if (!util::is_plain_relative(name)) {
    return false;
  }
  for (std::size_t at = 0; at < name.size();) {
    if (name[at] == '.') {
      return false;
    }
    const std::size_t slash = name.find('/', at);
    at = slash == std::string_view::npos ? name.size() : slash + 1;
  }
  return true;
}

util::Expected<void>
check_output_name(const util::YamlValue& v,
                  const std::string& name,
                  std::string_view what)
{
  if (!stays_inside(name)) {
    return tl::unexpected(
      error_at(v,
               "'" + std::string(what)
                 + "' must be a relative file name inside the output folder "
                   "(no '..', no name starting with '.'), got \""
                 + name + "\""));
  }
  return {};
}

// A feeds setting that names an output file (atom_file...).
Handler
feed_file(std::string_view name, std::string FeedSettings::*field)
{
  return [name, field](const util::YamlValue& v,
                       SiteConfig& c) -> util::Expected<void> {
    TRY_ASSIGN(text, as_string(v, name));
    TRY(check_output_name(v, text, name));
    c.feeds.*field = std::move(text);
    return {};
  };
}

// A whole-number setting of a group from `low` to `high`.
template<typename Group>
Handler
group_number(std::string_view name,
             int low,
             int high,
             Group SiteConfig::*group,
             int Group::*field)
{
  return [name, low, high, group, field](
           const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
    TRY_ASSIGN(n, as_int(v, name, low, high));
    c.*group.*field = n;
    return {};
  };
}

Handler
feed_number(std::string_view name, int low, int high, int FeedSettings::*field)
{
  return group_number(name, low, high, &SiteConfig::feeds, field);
}

Handler
card_number(std::string_view name, int low, int high, int CardSettings::*field)
{
  return group_number(name, low, high, &SiteConfig::cards, field);
}

const std::vector<Key>&
author_keys()
{
  static const std::vector<Key> keys = {
    {"name",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       TRY_ASSIGN(text, as_string(v, "author.name"));
       c.author.name = std::move(text);
       return {};
     }},
    {"email",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       TRY_ASSIGN(text, as_string(v, "author.email"));
       if (!text.empty() && text.find('@') == std::string::npos) {
         return tl::unexpected(error_at(
           v, "'author.email' must be an email address, got \"" + text + "\""));
       }
       c.author.email = std::move(text);
       return {};
     }},
    {"uri",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       TRY_ASSIGN(text, as_string(v, "author.uri"));
       if (!text.empty() && !util::is_http_url(text)) {
         return tl::unexpected(
           error_at(v,
                    "'author.uri' must be an absolute http(s) URL, got \""
                      + text + "\""));
       }
       c.author.uri = std::move(text);
       return {};
     }},
    {"avatar",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       TRY_ASSIGN(text, as_string(v, "author.avatar"));
       c.author.avatar = std::move(text);
       return {};
     }},
  };
  return keys;
}

const std::vector<Key>&
feed_keys()
{
  static const std::vector<Key> keys = {
    {"formats",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       TRY_ASSIGN(list, as_string_list(v, "feeds.formats"));
       const std::vector<std::string> known = {"atom", "rss", "json"};
       for (const auto& f : list) {
         if (std::find(known.begin(), known.end(), f) == known.end()) {
           std::string message = "unknown feed format '" + f + "'";
           if (const auto near = util::closest_match(f, known)) {
             message += ", did you mean '" + *near + "'?";
           } else {
             message += ", expected 'atom', 'rss' or 'json'";
           }
           return tl::unexpected(error_at(v, message));
         }
       }
       c.feeds.formats = std::move(list);
       return {};
     }},
    {"atom_file", feed_file("feeds.atom_file", &FeedSettings::atom_file)},
    {"rss_file", feed_file("feeds.rss_file", &FeedSettings::rss_file)},
    {"json_file", feed_file("feeds.json_file", &FeedSettings::json_file)},
    {"limit", feed_number("feeds.limit", 1, 100000, &FeedSettings::limit)},
    {"content",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       TRY_ASSIGN(text, as_string(v, "feeds.content"));
       if (text != "full" && text != "summary") {
         return tl::unexpected(
           error_at(v,
                    "'feeds.content' must be 'full' or 'summary', got \"" + text
                      + "\""));
       }
       c.feeds.content =
         text == "full" ? FeedContent::full : FeedContent::summary;
       return {};
     }},
    {"stylesheet", feed_flag("feeds.stylesheet", &FeedSettings::stylesheet)},
    {"archive", feed_flag("feeds.archive", &FeedSettings::archive)},
    {"languages", feed_flag("feeds.languages", &FeedSettings::per_language)},
    {"summary_length",
     feed_number(
       "feeds.summary_length", 10, 10000, &FeedSettings::summary_length)},
    {"tags", feed_flag("feeds.tags", &FeedSettings::per_tag)},
    {"categories", feed_flag("feeds.categories", &FeedSettings::per_category)},
    {"entry_id",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       TRY_ASSIGN(text, as_string(v, "feeds.entry_id"));
       if (text == "permalink") {
         c.feeds.entry_id = EntryId::permalink;
       } else if (text == "tag") {
         c.feeds.entry_id = EntryId::tag_uri;
       } else {
         return tl::unexpected(
           error_at(v,
                    "'feeds.entry_id' must be 'permalink' or 'tag', got \""
                      + text + "\""));
       }
       return {};
     }},
  };
  return keys;
}

// #rgb, #rrggbb (with alpha: #rgba, #rrggbbaa), as card templates read.
bool
is_hex_color(const std::string& text)
{
  const std::size_t n = text.size();
  return (n == 4 || n == 5 || n == 7 || n == 9) && text[0] == '#'
         && text.find_first_not_of("0123456789abcdefABCDEF", 1)
              == std::string::npos;
}

const std::vector<Key>&
card_keys()
{
  static const std::vector<Key> keys = {
    {"enabled", card_flag("cards.enabled", &CardSettings::enabled)},
    {"template",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       TRY_ASSIGN(text, as_string(v, "cards.template"));
       c.cards.template_name = std::move(text);
       c.cards.template_line = v.line;
       c.cards.template_column = v.column;
       return {};
     }},
    {"dir",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       TRY_ASSIGN(text, as_string(v, "cards.dir"));
       TRY(check_output_name(v, text, "cards.dir"));
       c.cards.dir = std::move(text);
       return {};
     }},
    {"format",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       TRY_ASSIGN(text, as_string(v, "cards.format"));
       if (text != "png" && text != "jpeg" && text != "webp") {
         return tl::unexpected(error_at(
           v,
           "'cards.format' must be png, jpeg or webp, got \"" + text + "\""));
       }
       c.cards.format = std::move(text);
       return {};
     }},
    {"compression",
     card_number("cards.compression", 0, 12, &CardSettings::png_compression)},
    {"quality", card_number("cards.quality", 1, 100, &CardSettings::quality)},
    {"logo",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       TRY_ASSIGN(text, as_string(v, "cards.logo"));
       c.cards.logo = std::move(text);
       return {};
     }},
    {"description", card_flag("cards.description", &CardSettings::description)},
    {"accents",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       if (v.kind != util::YamlValue::Kind::map) {
         return tl::unexpected(error_at(
           v, "'cards.accents' must map category or tag names to colours"));
       }
       c.cards.accents.clear();
       for (const auto& e : v.entries) {
         TRY_ASSIGN(text, as_string(e.value, "cards.accents." + e.key.scalar));
         if (!is_hex_color(text)) {
           return tl::unexpected(error_at(
             e.value,
             "'cards.accents." + e.key.scalar
               + "' must be a colour like #00add8, got \"" + text + "\""));
         }
         c.cards.accents[e.key.scalar] = std::move(text);
       }
       return {};
     }},
  };
  return keys;
}

// Where the posts are and how they read: permalinks, folders, markup.
std::vector<Key>
content_keys()
{
  return {
    {"permalink",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       TRY_ASSIGN(text, as_string(v, "permalink"));
       if (auto bad = check_permalink_pattern(text); !bad) {
         return tl::unexpected(error_at(v, bad.error().message));
       }
       c.permalink = std::move(text);
       return {};
     }},
    {"permalinks",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       if (v.kind != util::YamlValue::Kind::map) {
         return tl::unexpected(
           error_at(v, "'permalinks' must be a map of section: pattern lines"));
       }
       c.section_permalinks.clear();
       for (const auto& e : v.entries) {
         TRY_ASSIGN(text, as_string(e.value, "permalinks." + e.key.scalar));
         if (auto bad = check_permalink_pattern(text); !bad) {
           return tl::unexpected(error_at(e.value, bad.error().message));
         }
         c.section_permalinks[e.key.scalar] = std::move(text);
       }
       return {};
     }},
    {"content_dir",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       TRY_ASSIGN(list, as_string_list(v, "content_dir"));
       if (list.empty()
           || std::any_of(list.begin(), list.end(), [](const auto& d) {
                return d.empty();
              })) {
         return tl::unexpected(
           error_at(v, "'content_dir' must name a folder (or a list)"));
       }
       c.content_dirs = std::move(list);
       return {};
     }},
    {"exclude",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       TRY_ASSIGN(list, as_string_list(v, "exclude"));
       c.exclude = std::move(list);
       return {};
     }},
    {"output_dir", string_field("output_dir", &SiteConfig::output_dir)},
    {"markup",
     [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
       TRY_ASSIGN(list, as_string_list(v, "markup"));
       c.markup = MarkupDialects::only(false, false, false, false);
       for (const auto& m : list) {
         if (m == "liquid") {
           c.markup.liquid = true;
         } else if (m == "hexo") {
           c.markup.hexo = true;
         } else if (m == "shortcodes") {
           c.markup.shortcodes = true;
         } else if (m == "zenn" || m == "qiita") {
           c.markup.colon_blocks = true;
         } else {
           return tl::unexpected(error_at(
             v,
             "unknown markup '" + m
               + "', expected liquid, hexo, shortcodes, zenn or qiita"));
         }
       }
       return {};
     }},
  };
}

// websub_hub: an absolute http(s) URL, or empty.
util::Expected<void>
read_websub_hub(const util::YamlValue& v, SiteConfig& c)
{
  TRY_ASSIGN(text, as_string(v, "websub_hub"));
  if (!text.empty() && !util::is_http_url(text)) {
    return tl::unexpected(error_at(
      v, "'websub_hub' must be an absolute http(s) URL, got \"" + text + "\""));
  }
  c.websub_hub = std::move(text);
  return {};
}

// base_url: an absolute http(s) URL, given a final '/'.
util::Expected<void>
read_base_url(const util::YamlValue& v, SiteConfig& c)
{
  TRY_ASSIGN(text, as_string(v, "base_url"));
  if (text.empty()) {
    c.base_url.clear(); // reported as missing, with how to give it
    return {};
  }
  if (!util::is_http_url(text)) {
    return tl::unexpected(
      error_at(v,
               "'base_url' must be an absolute http(s) URL such as "
               "https://example.com/, got \""
                 + text + "\""));
  }
  if (text.back() != '/') {
    text += '/';
  }
  c.base_url = std::move(text);
  return {};
}

// language: a BCP 47 language tag.
util::Expected<void>
read_language(const util::YamlValue& v, SiteConfig& c)
{
  TRY_ASSIGN(text, as_string(v, "language"));
  if (!util::is_language_tag(text)) {
    return tl::unexpected(error_at(
      v,
      "'language' must be a language tag such as 'ja' or 'en-US', got \"" + text
        + "\""));
  }
  c.language = std::move(text);
  return {};
}

const std::vector<Key>&
top_keys()
{
  static const std::vector<Key> keys = [] {
    std::vector<Key> all = {
      {"title", string_field("title", &SiteConfig::title)},
      {"head", bool_field("head", &SiteConfig::head_json)},
      {"icon", string_field("icon", &SiteConfig::icon)},
      {"logo", string_field("logo", &SiteConfig::logo)},
      {"websub_hub", read_websub_hub},
      {"subtitle", string_field("subtitle", &SiteConfig::subtitle)},
      {"base_url", read_base_url},
      {"language", read_language},
      {"timezone",
       [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
         TRY_ASSIGN(text, as_string(v, "timezone"));
         auto zone = util::TimeZone::locate(text);
         if (!zone) {
           return tl::unexpected(error_at(v, zone.error().message));
         }
         c.timezone = std::move(*zone);
         return {};
       }},
      {"permalink_timezone",
       [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
         TRY_ASSIGN(text, as_string(v, "permalink_timezone"));
         auto zone = util::TimeZone::locate(text);
         if (!zone) {
           return tl::unexpected(error_at(v, zone.error().message));
         }
         c.permalink_timezone = std::move(*zone);
         return {};
       }},
      {"author",
       [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
         if (v.kind == util::YamlValue::Kind::scalar) {
           c.author.name = v.scalar;
           return {};
         }
         return apply_keys(v, "author", author_keys(), c);
       }},
      {"feeds",
       [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
         return apply_keys(v, "feeds", feed_keys(), c);
       }},
      {"cards",
       [](const util::YamlValue& v, SiteConfig& c) -> util::Expected<void> {
         if (v.kind == util::YamlValue::Kind::scalar) {
           TRY_ASSIGN(on, as_bool(v, "cards"));
           c.cards.enabled = on;
           return {};
         }
         return apply_keys(v, "cards", card_keys(), c);
       }},
    };
    for (auto& key : content_keys()) {
      all.push_back(std::move(key));
    }
    return all;
  }();
  return keys;
}

} // namespace ogfeed::content::detail
