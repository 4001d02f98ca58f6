#include "content/config/site_config.hpp"

#include "content/config/site_config_keys.hpp"
#include "util/language_tag.hpp"
#include "util/url.hpp"

namespace ogfeed::content {

using namespace detail;

SiteConfig
default_site_config()
{
  SiteConfig config;
  // The system tz database has it; without one the zone stays UTC.
  if (auto zone = util::TimeZone::locate("Asia/Tokyo")) {
    config.timezone = std::move(*zone);
  }
  return config;
}

util::Expected<void>
finish_site_config(SiteConfig& config)
{
  if (config.title.empty()) {
    return tl::unexpected(util::make_error(
      "missing 'title' (the site's name, as feeds show it)", 1, 1));
  }
  if (config.base_url.empty()) {
    return tl::unexpected(
      util::make_error("missing 'base_url' (the site's absolute URL, such as "
                       "https://example.com/)",
                       1,
                       1));
  }
  if (config.output_dir.empty()) {
    return tl::unexpected(
      util::make_error("'output_dir' must not be empty", 1, 1));
  }
  while (config.output_dir.size() > 1 && config.output_dir.back() == '/') {
    config.output_dir.pop_back();
  }
  if (!stays_inside(config.output_dir)) {
    return tl::unexpected(util::make_error(
      "'output_dir' must be a folder inside the site (relative, no '..', no "
      "name starting with '.'), got \""
        + config.output_dir
        + "\"; only the command line (-o DIR) may write elsewhere",
      1,
      1));
  }
  if (config.author.name.empty()) {
    config.author.name = config.title;
  }
  return {};
}

util::Expected<SiteConfig>
parse_site_config(std::string_view yaml_text, SiteConfig base)
{
  SiteConfig config = std::move(base);
  TRY_ASSIGN(root, util::parse_yaml(yaml_text, 1));
  if (root.kind != util::YamlValue::Kind::null) {
    TRY(apply_keys(root, "", top_keys(), config));
  }
  if (auto ok = finish_site_config(config); !ok) {
    // At the key's value when the file has it (output_dir), else at the
    // file as a whole (a key it lacks has no line).
    util::Error e = ok.error();
    e.line = 0;
    e.column = 0;
    if (const util::YamlValue* v = root.find("output_dir");
        v != nullptr && e.message.find("'output_dir'") != std::string::npos) {
      e.line = v->line;
      e.column = v->column;
    }
    return tl::unexpected(std::move(e));
  }
  return config;
}

SiteTitles
site_titles(const SiteConfig& config)
{
  SiteTitles titles{config.title, config.language, {}};
  for (const auto* languages :
       {&config.content_languages, &config.file_languages}) {
    for (const auto& [key, lang] : *languages) {
      if (!lang.title.empty()) {
        titles.others.emplace_back(lang.language, lang.title);
      }
    }
  }
  return titles;
}

std::string
site_title_in(const SiteConfig& config, const std::string& language)
{
  if (language.empty() || util::same_language(language, config.language)) {
    return config.title; // most posts: nothing to look up
  }
  return site_titles(config).in(language);
}

std::string
site_url(const SiteConfig& config, const std::string& url)
{
  return util::site_url(config.base_url, url);
}

const std::string*
section_permalink(const SiteConfig& config, const Post& post)
{
  const std::string section = post.folder.substr(0, post.folder.find('/'));
  const auto it = config.section_permalinks.find(section);
  return it == config.section_permalinks.end() ? nullptr : &it->second;
}

} // namespace ogfeed::content
