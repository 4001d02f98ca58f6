#include "content/config/permalink.hpp"

#include "content/config/url_path.hpp"
#include "util/ascii.hpp"
#include "util/edit_distance.hpp"
#include "util/url.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace ogfeed::content {

namespace {

// `:param_NAME`: the front-matter value NAME (Hexo's `:abbrlink`).
constexpr std::string_view k_param = "param_";

// Every token, longest first where one is a prefix of another, so that
// `:slugortitle` is not read as `:slug` + "ortitle".
constexpr std::array<std::string_view, 23> k_tokens = {
  "slugortitle", "slug",       "short_year", "year",          "i_month",
  "monthname",   "month",      "i_day",      "day",           "hour",
  "minute",      "second",     "categories", "category_path", "category",
  "sections",    "section",    "filename",   "filedate",      "title",
  "path",        "output_ext", "id",
};

// The token named at pattern[colon] (without the colon), or the run of
// letters there when it names no token.
std::string_view
token_at(std::string_view pattern, std::size_t colon)
{
  const std::string_view rest = pattern.substr(colon + 1);
  const bool param = rest.starts_with(k_param);
  for (const std::string_view t : k_tokens) {
    if (param) {
      break;
    }
    if (rest.starts_with(t)) {
      return t;
    }
  }
  std::size_t end = 0;
  while (end < rest.size()
         && (std::isalnum(static_cast<unsigned char>(rest[end]))
             || rest[end] == '_')) {
    ++end;
  }
  return rest.substr(0, end);
}

std::string
two_digits(int n)
{
  return fmt::format("{:02}", n);
}

// Each '/'-separated segment (made a slug by `slug`, if given)
// percent-encoded, the slashes kept.
std::string
encode_path(std::string_view path,
            std::string (*slug)(std::string_view) = nullptr)
{
  std::string out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    const std::string_view segment = path.substr(start, slash - start);
    out += util::percent_encode(slug != nullptr ? slug(segment)
                                                : std::string(segment));
    if (slash < path.size()) {
      out += '/';
    }
    start = slash + 1;
  }
  return out;
}

// The values of the tokens that do not depend on the date.
std::string
name_token(std::string_view token, const Post& post)
{
  if (token == "slug") {
    return util::percent_encode(post.slug);
  }
  if (token == "slugortitle") {
    return post.slug_given ? util::percent_encode(post.slug)
                           : util::percent_encode(urlize(post.title, false));
  }
  if (token == "title") {
    return util::percent_encode(urlize(post.title));
  }
  if (token == "filedate") { // Docusaurus: the file name's date, unless a slug
    const std::string& name = post.file_name;
    const auto digits = [&](std::size_t from, std::size_t n) {
      return std::all_of(name.begin() + static_cast<std::ptrdiff_t>(from),
                         name.begin() + static_cast<std::ptrdiff_t>(from + n),
                         [](char c) { return c >= '0' && c <= '9'; });
    };
    if (post.slug_given || name.size() < 10 || !digits(0, 4) || name[4] != '-'
        || !digits(5, 2) || name[7] != '-' || !digits(8, 2)) {
      return {};
    }
    return name.substr(0, 4) + "/" + name.substr(5, 2) + "/"
           + name.substr(8, 2);
  }
  if (token == "filename") {
    return util::percent_encode(post.file_name);
  }
  if (token == "category") {
    return post.categories.empty()
             ? std::string()
             : util::percent_encode(post.categories.front());
  }
  if (token == "categories") { // Jekyll: every category, lower case
    std::string out;
    for (const auto& c : post.categories) {
      if (!out.empty()) {
        out += '/';
      }
      out += util::percent_encode(util::ascii_lower(c));
    }
    return out;
  }
  if (token == "section") {
    return encode_path(post.folder.substr(0, post.folder.find('/')));
  }
  if (token == "sections") {
    return encode_path(post.folder);
  }
  if (token == "path") {
    return encode_path(post.folder.empty()
                         ? post.file_name
                         : post.folder + "/" + post.file_name);
  }
  if (token == "id") { // Qiita: the item id once the post is on Qiita
    const std::string id = item_id(post);
    return util::percent_encode(id.empty() ? post.slug : id);
  }
  if (token == "output_ext") {
    return ".html";
  }
  if (token.starts_with(k_param)) {
    const auto it = post.params.find(std::string(token.substr(k_param.size())));
    return it == post.params.end() ? std::string()
                                   : util::percent_encode(it->second);
  }
  return {};
}

// Astro's :path (UrlRules::github_slugs), percent-encoded.
std::string
github_slug_path(const Post& post)
{
  if (post.slug_given) {
    return encode_path(post.slug);
  }
  return encode_path(post.folder.empty() ? post.file_name
                                         : post.folder + "/" + post.file_name,
                     &github_slug);
}

// The text of a name token, as written, for urlize_token(); nullptr for
// the other tokens.
const std::string*
token_text(std::string_view token, const Post& post)
{
  if (token == "slug" || (token == "slugortitle" && post.slug_given)) {
    return &post.slug;
  }
  if (token == "slugortitle" || token == "title") {
    return &post.title;
  }
  return token == "filename" ? &post.file_name : nullptr;
}

// Hexo's :category: the last category path, each name slugged.
std::string
category_path(const Post& post, const UrlRules& rules)
{
  if (post.category_path.empty()) {
    return util::percent_encode(slugize_term(rules.default_category));
  }
  std::string out;
  for (const std::string& name : post.category_path) {
    if (!out.empty()) {
      out += '/';
    }
    out += util::percent_encode(slugize_term(name));
  }
  return out;
}

// The value of a date token, or nullopt for another token.
std::optional<std::string>
date_token(std::string_view token, const util::CivilTime& day)
{
  if (token == "year") {
    return std::to_string(day.year);
  }
  if (token == "short_year") {
    return two_digits(day.year % 100);
  }
  if (token == "month") {
    return two_digits(day.month);
  }
  if (token == "i_month") {
    return std::to_string(day.month);
  }
  if (token == "monthname") {
    return std::string(
      util::k_month_names.at(static_cast<std::size_t>(day.month - 1)));
  }
  if (token == "day") {
    return two_digits(day.day);
  }
  if (token == "i_day") {
    return std::to_string(day.day);
  }
  if (token == "hour") {
    return two_digits(day.hour);
  }
  if (token == "minute") {
    return two_digits(day.minute);
  }
  if (token == "second") {
    return two_digits(day.second);
  }
  return std::nullopt;
}

} // namespace

std::string
urlize(std::string_view title, bool lower)
{
  std::string out;
  for (const char ch : title) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || std::isalnum(c) || c == '_' || c == '.') {
      out += lower ? static_cast<char>(std::tolower(c)) : ch;
    } else if ((c == ' ' || c == '-' || c == '\t') && !out.empty()
               && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out;
}

util::Expected<void>
check_permalink_pattern(std::string_view pattern)
{
  // An absolute pattern names another host: Zenn and Qiita publish the
  // posts, a site of the user's the feeds.
  const bool absolute =
    pattern.starts_with("https://") || pattern.starts_with("http://");
  if (!pattern.starts_with('/') && !absolute) {
    return tl::unexpected(util::make_error(
      "'permalink' must start with '/' (or be an http(s) URL with tokens), "
      "got \""
      + std::string(pattern) + "\""));
  }
  if (absolute) {
    pattern.remove_prefix(pattern.find("://") + 3);
  }
  for (std::size_t i = pattern.find(':'); i != std::string_view::npos;
       i = pattern.find(':', i + 1)) {
    const std::string_view token = token_at(pattern, i);
    if (token.starts_with(k_param) && token.size() > k_param.size()) {
      continue;
    }
    if (std::find(k_tokens.begin(), k_tokens.end(), token) == k_tokens.end()) {
      std::string message =
        "unknown permalink token ':" + std::string(token) + "'";
      const std::vector<std::string> names(k_tokens.begin(), k_tokens.end());
      if (const auto near = util::closest_match(token, names)) {
        message += ", did you mean ':" + *near + "'?";
      } else {
        message += ", expected one of :slug, :year, :month, :day, :category, "
                   ":title, :filename, :section, :sections, :path";
      }
      return tl::unexpected(util::make_error(message));
    }
  }
  return {};
}

namespace {

// `path` with each escape of an ASCII character in `kept` written as the
// character (UrlRules::path_keeps).
std::string
with_kept_chars(std::string_view path, std::string_view kept)
{
  std::string out;
  out.reserve(path.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size()) {
      const std::string decoded = util::percent_decode(path.substr(i, 3));
      if (decoded.size() == 1 && kept.find(decoded[0]) != std::string::npos) {
        out += decoded;
        i += 2;
        continue;
      }
    }
    out += path[i];
  }
  return out;
}

} // namespace

std::string
apply_url_rules(std::string path, const UrlRules& rules, bool own)
{
  if (!rules.path_keeps.empty()) {
    path = with_kept_chars(path, rules.path_keeps);
  }
  if (!own && (rules.sanitized || rules.lower_case)) {
    std::string text = util::percent_decode(path);
    if (rules.sanitized) {
      text = sanitize_url_path(text);
    }
    if (rules.lower_case) {
      text = lower_url_path(text);
    }
    path = url_path_encode(text);
  }
  if (rules.ugly && !own && !path.empty()) {
    if (path.ends_with('/')) {
      path.pop_back();
    }
    return path + ".html";
  }
  if (rules.trailing_slash && !own && !path.empty() && path.back() != '/') {
    return path + '/';
  }
  if (rules.trailing_slash && !path.empty() && path.back() != '/') {
    const std::size_t last = path.rfind('/');
    const std::string_view segment =
      std::string_view(path).substr(last == std::string::npos ? 0 : last + 1);
    if (segment.find('.') == std::string_view::npos) {
      path += '/';
    }
  }
  return path;
}

namespace {

// The day (and time) a post's URL shows: its date in `zone`, or as
// written (UrlRules::dates_as_written), or as Hexo moves a date written
// with an offset (UrlRules::offset_dates_zone).
util::CivilTime
url_day(const Post& post, const util::TimeZone& zone, const UrlRules& rules)
{
  if (rules.dates_as_written && post.date_offset) {
    return util::to_civil(post.date, *post.date_offset);
  }
  if (!rules.offset_dates_zone.empty() && post.date_offset) {
    if (auto site = util::TimeZone::locate(rules.offset_dates_zone)) {
      const util::UtcSeconds moved =
        post.date - std::chrono::seconds(site->offset_at(post.date))
        + std::chrono::seconds(zone.offset_at(post.date));
      return util::to_civil(moved, zone.offset_at(moved));
    }
  }
  return util::to_civil(post.date, zone.offset_at(post.date));
}

} // namespace

std::string
permalink_url(std::string_view pattern,
              std::string_view base_url,
              const Post& post,
              const util::TimeZone& zone,
              const UrlRules& rules,
              bool section_pattern)
{
  // A generator that cleans paths (Hugo) reads a slug without the '-' at
  // its ends: "-x-" is "x".
  if (rules.sanitized && post.slug_given
      && (post.slug.starts_with('-') || post.slug.ends_with('-'))) {
    Post trimmed = post;
    const std::size_t first = trimmed.slug.find_first_not_of('-');
    trimmed.slug = first == std::string::npos
                     ? std::string()
                     : trimmed.slug.substr(
                       first, trimmed.slug.find_last_not_of('-') + 1 - first);
    return permalink_url(
      pattern, base_url, trimmed, zone, rules, section_pattern);
  }
  const bool urlize = section_pattern && rules.urlized_section_tokens;
  const util::CivilTime day = url_day(post, zone, rules);
  std::string scheme; // an absolute pattern's, whose ':' is no token
  if (pattern.starts_with("https://") || pattern.starts_with("http://")) {
    scheme = std::string(pattern.substr(0, pattern.find("://") + 3));
    pattern.remove_prefix(scheme.size());
  }
  std::string path;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] != ':') {
      path += pattern[i++];
      continue;
    }
    const std::string_view token = token_at(pattern, i);
    i += token.size() + 1;
    if (auto date = date_token(token, day)) {
      path += *date;
    } else if (token == "category_path") {
      path += category_path(post, rules);
    } else if (const std::string* name =
                 urlize ? token_text(token, post) : nullptr) {
      path += url_path_encode(urlize_token(*name));
    } else if (token == "slug" && rules.pretty_slugs) {
      path += util::percent_encode(slugify_pretty(post.slug));
    } else if (token == "path" && rules.github_slugs) {
      path += github_slug_path(post);
    } else {
      path += name_token(token, post);
    }
  }
  std::string collapsed;
  for (const char c : path) {
    if (c == '/' && !collapsed.empty() && collapsed.back() == '/') {
      continue;
    }
    collapsed += c;
  }
  if (!scheme.empty()) {
    return scheme + collapsed; // on another host: not below the base URL
  }
  // The pattern is relative to the site, which may live below the host's
  // root (https://example.com/blog/).
  return std::string(base_url)
         + apply_url_rules(
           collapsed.substr(collapsed.starts_with('/') ? 1 : 0), rules, false);
}

std::string
item_id(const Post& post)
{
  const auto it = post.params.find("id");
  return it == post.params.end() || it->second == "null" ? std::string()
                                                         : it->second;
}

bool
unpublished_yet(std::string_view pattern,
                const Post& post,
                const UrlRules& rules)
{
  return rules.unpublished_without_id && util::is_http_url(pattern)
         && pattern.find(":id") != std::string_view::npos
         && post.permalink_override.empty() && item_id(post).empty();
}

} // namespace ogfeed::content
