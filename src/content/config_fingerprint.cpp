#include "content/site_config.hpp"
#include "util/byte_codec.hpp"

namespace ogfeed::content {

// Each member below must be written: a setting left out would let a cache
// keep a feed the new setting changes. These sizes trip when one is added.
static_assert(sizeof(SiteConfig) == 1168, "SiteConfig changed: update this");
static_assert(sizeof(FeedSettings) == 144, "FeedSettings changed");
static_assert(sizeof(CardSettings) == 208, "CardSettings changed");
static_assert(sizeof(MarkupDialects) == 5, "MarkupDialects changed");
static_assert(sizeof(UrlRules) == 7, "UrlRules changed");
static_assert(sizeof(Person) == 128, "Person changed");

namespace {

// A map of languages (by content folder, or by file-name key).
template<typename Map>
void
write_language_map(util::ByteWriter& w, const Map& languages)
{
  w.u64(languages.size());
  for (const auto& [key, lang] : languages) {
    w.str(key);
    w.str(lang.language);
    w.str(lang.url_prefix);
    w.str(lang.title);
  }
}

void
write_languages(util::ByteWriter& w, const SiteConfig& c)
{
  write_language_map(w, c.content_languages);
  write_language_map(w, c.file_languages);
}

void
write_feed_settings(util::ByteWriter& w, const FeedSettings& f)
{
  w.strs(f.formats);
  w.str(f.atom_file);
  w.str(f.rss_file);
  w.str(f.json_file);
  w.i64(f.limit);
  w.u64(f.per_tag ? 1 : 0);
  w.u64(f.per_category ? 1 : 0);
  w.u64(static_cast<std::uint64_t>(f.entry_id));
  w.u64(static_cast<std::uint64_t>(f.content));
  w.i64(f.summary_length);
  w.u64(f.stylesheet ? 1 : 0);
  w.u64(f.archive ? 1 : 0);
  w.u64(f.per_language ? 1 : 0);
}

void
write_card_settings(util::ByteWriter& w, const CardSettings& k)
{
  w.u64(k.enabled ? 1 : 0);
  w.str(k.template_name);
  w.i64(k.template_line); // messages point at it
  w.i64(k.template_column);
  w.str(k.dir);
  w.str(k.format);
  w.i64(k.png_compression);
  w.i64(k.quality);
  w.str(k.logo);
  w.u64(k.description ? 1 : 0);
  w.u64(k.accents.size());
  for (const auto& [name, color] : k.accents) {
    w.str(name);
    w.str(color);
  }
}

} // namespace

std::string
config_fingerprint(const SiteConfig& c)
{
  util::ByteWriter w;
  w.str(c.title);
  w.str(c.subtitle);
  w.str(c.base_url);
  w.str(c.language);
  w.str(c.timezone.name());
  w.str(c.author.name);
  w.str(c.author.email);
  w.str(c.author.uri);
  w.str(c.author.avatar);
  w.str(c.websub_hub);
  w.str(c.icon);
  w.str(c.logo);
  w.u64(c.head_json ? 1 : 0);
  w.str(c.permalink);
  w.u64(c.section_permalinks.size());
  for (const auto& [section, pattern] : c.section_permalinks) {
    w.str(section);
    w.str(pattern);
  }
  w.str(std::string{char('0' + c.url_rules.lower_case),
                    char('0' + c.url_rules.spaces_as_hyphens),
                    char('0' + c.url_rules.trailing_slash),
                    char('0' + c.url_rules.own_permalink_tokens),
                    char('0' + c.url_rules.folder_categories),
                    char('0' + c.url_rules.ugly),
                    char('0' + c.url_rules.processed_images)});
  w.str(c.permalink_timezone ? c.permalink_timezone->name() : "");
  w.strs(c.content_dirs);
  write_languages(w, c);
  w.strs(c.exclude);
  w.str(c.output_dir);
  const MarkupDialects& m = c.markup;
  w.str(std::string{char('0' + m.liquid),
                    char('0' + m.hexo),
                    char('0' + m.shortcodes),
                    char('0' + m.colon_blocks),
                    char('0' + m.mdx)});
  w.u64(static_cast<std::uint64_t>(c.raw_html));
  w.u64(c.dir_permalinks.size());
  for (const auto& [dir, pattern] : c.dir_permalinks) {
    w.str(dir);
    w.str(pattern);
  }
  w.u64(c.generator_routes.size());
  for (const auto& [route, file] : c.generator_routes) {
    w.str(route);
    w.str(file);
  }
  write_feed_settings(w, c.feeds);
  write_card_settings(w, c.cards);
  return w.take();
}

} // namespace ogfeed::content
