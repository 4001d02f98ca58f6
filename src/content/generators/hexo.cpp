#include "content/generators/generators.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace ogfeed::content::generators {

namespace {

// Hexo's permalink: `:title` is the file's path below _posts (its name
// less the date when `dated_names`: new_post_name starts with one), `:name`
// its name, and a token Hexo itself does not make is a front-matter value (its
// permalink filter takes every key of the post: `:abbrlink`).
std::string
from_hexo_pattern(std::string_view pattern, bool dated_names)
{
  static constexpr std::array<std::string_view, 14> own = {"id",
                                                           "title",
                                                           "name",
                                                           "post_title",
                                                           "year",
                                                           "month",
                                                           "day",
                                                           "hour",
                                                           "minute",
                                                           "second",
                                                           "i_month",
                                                           "i_day",
                                                           "hash",
                                                           "category"};
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] != ':') {
      out += pattern[i++];
      continue;
    }
    std::size_t end = i + 1;
    while (end < pattern.size()
           && (std::isalnum(static_cast<unsigned char>(pattern[end]))
               || pattern[end] == '_')) {
      ++end;
    }
    while (end > i + 1 && pattern[end - 1] == '_') {
      --end; // Hexo's token ends in a letter or digit
    }
    const std::string_view name = pattern.substr(i + 1, end - i - 1);
    out += ':';
    if (name == "title") {
      out += dated_names ? "slug" : "path"; // the name less its date
    } else if (name == "category") {
      out += "category_path";
    } else if (name == "name") {
      out += "filename";
    } else if (name.empty()
               || std::find(own.begin(), own.end(), name) != own.end()) {
      out += name;
    } else {
      out += "param_" + std::string(name);
    }
    i = end;
  }
  return out;
}

bool
detect_hexo(Detector& d)
{
  if (!is_file(d.root() / "_config.yml")) {
    return false;
  }
  const auto doc = d.document("_config.yml", true);
  const util::YamlValue* c = doc ? &*doc : nullptr;
  const std::string source = scalar(c, "source_dir").value_or("source");
  if (!is_dir(d.root() / source / "_posts")) {
    return false;
  }
  d.found("_config.yml");
  d.site_output(scalar(c, "public_dir"), "public");
  d.url(scalar(c, "url"), "", "url in _config.yml");
  read_yaml_site(d, c, "_config.yml");
  // Hexo reads a front-matter time in `timezone`, then names the URL by its
  // date in the zone of the machine that builds (UTC on CI runners):
  // `date: 2024-04-21 07:10:16` in Asia/Taipei is published at /2024/04/20/.
  if (!scalar(c, "timezone").value_or("").empty()) {
    d.config().permalink_timezone = util::TimeZone::machine();
    d.config().url_rules.offset_dates_zone = *scalar(c, "timezone");
    d.note("permalink_timezone",
           "Hexo: URL dates in this machine's zone (TZ, else /etc/localtime)",
           true);
  }
  // A post's slug: its file name as new_post_name shapes it. With dates
  // in it (:year-:month-:day-:title.md) Hexo takes them off (tried: hexo
  // 7.3.0); the default (:title.md) keeps the name whole, and no date.
  const bool dated_names =
    scalar(c, "new_post_name").value_or(":title.md").find(":year")
    != std::string::npos;
  d.config().url_rules.name_dates =
    dated_names ? NameDates::fallback : NameDates::ignored;
  d.config().url_rules.path_keeps = "!$&'()*+,;=:@[]|^";
  d.config().url_rules.file_name_slugs = true;
  const std::string pattern = from_hexo_pattern(
    scalar(c, "permalink").value_or(":year/:month/:day/:title/"), dated_names);
  d.permalink(pattern.starts_with('/') ? pattern : "/" + pattern,
              "",
              "permalink in _config.yml");
  // With post_asset_folder, only files of new_post_name's extension are
  // posts; the others in _posts are assets (a page's own .html, say).
  std::vector<std::string> assets;
  if (scalar(c, "post_asset_folder").value_or("") == "true") {
    const std::string name = scalar(c, "new_post_name").value_or(":title.md");
    const std::string ext = name.substr(std::min(name.rfind('.'), name.size()));
    for (const char* other : {".md", ".markdown", ".mdx", ".html"}) {
      if (ext != other) {
        assets.push_back(std::string("*") + other);
      }
    }
  }
  const std::string where = "Hexo's " + source + "/_posts"
                            + (assets.empty() ? "" : ", post_asset_folder");
  d.posts({source + "/_posts"}, std::move(assets), where);
  // hexo-hide-posts keeps posts flagged `hidden: true` (its `filter`) out
  // of every generator but those its config names public: the feed too.
  const util::YamlValue* hide = find_key(c, "hide_posts");
  if ((hide != nullptr || package_uses(d.root(), "\"hexo-hide-posts\""))
      && scalar(hide, "enable").value_or("true") != "false") {
    d.config().unlisted_flag = scalar(hide, "filter").value_or("hidden");
    d.note("unlisted_flag", "hexo-hide-posts");
  }
  // :category of a post without one.
  d.config().url_rules.default_category =
    scalar(c, "default_category").value_or("uncategorized");
  return true;
}

} // namespace

const Generator k_hexo = {
  "Hexo", MarkupDialects::only(true, true, false, true), &detect_hexo};

} // namespace ogfeed::content::generators
