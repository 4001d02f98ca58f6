#include "content/permalink.hpp"

#include "util/edit_distance.hpp"
#include "util/url.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace ogfeed::content {

namespace {

constexpr std::array<std::string_view, 5> k_tokens = {
  "slug", "year", "month", "day", "category"};

std::string_view
token_at(std::string_view pattern, std::size_t colon)
{
  std::size_t end = colon + 1;
  while (end < pattern.size()
         && std::isalpha(static_cast<unsigned char>(pattern[end]))) {
    ++end;
  }
  return pattern.substr(colon + 1, end - colon - 1);
}

std::string
two_digits(int n)
{
  return fmt::format("{:02}", n);
}

} // namespace

util::Expected<void>
check_permalink_pattern(std::string_view pattern)
{
  if (!pattern.starts_with('/')) {
    return tl::unexpected(util::make_error(
      "'permalink' must start with '/', got \"" + std::string(pattern) + "\""));
  }
  for (std::size_t i = pattern.find(':'); i != std::string_view::npos;
       i = pattern.find(':', i + 1)) {
    const std::string_view token = token_at(pattern, i);
    if (std::find(k_tokens.begin(), k_tokens.end(), token) == k_tokens.end()) {
      std::string message =
        "unknown permalink token ':" + std::string(token) + "'";
      const std::vector<std::string> names(k_tokens.begin(), k_tokens.end());
      if (const auto near = util::closest_match(token, names)) {
        message += ", did you mean ':" + *near + "'?";
      } else {
        message += ", expected :slug, :year, :month, :day or :category";
      }
      return tl::unexpected(util::make_error(message));
    }
  }
  return {};
}

std::string
permalink_url(std::string_view pattern,
              std::string_view base_url,
              const Post& post,
              const util::TimeZone& zone)
{
  const util::CivilTime day =
    util::to_civil(post.date, zone.offset_at(post.date));
  std::string path;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] != ':') {
      path += pattern[i++];
      continue;
    }
    const std::string_view token = token_at(pattern, i);
    i += token.size() + 1;
    if (token == "slug") {
      path += util::percent_encode(post.slug);
    } else if (token == "year") {
      path += std::to_string(day.year);
    } else if (token == "month") {
      path += two_digits(day.month);
    } else if (token == "day") {
      path += two_digits(day.day);
    } else if (token == "category" && !post.categories.empty()) {
      path += util::percent_encode(post.categories.front());
    }
  }
  std::string collapsed;
  for (const char c : path) {
    if (c == '/' && !collapsed.empty() && collapsed.back() == '/') {
      continue;
    }
    collapsed += c;
  }
  // The pattern is relative to the site, which may live below the host's
  // root (https://example.com/blog/).
  return std::string(base_url)
         + collapsed.substr(collapsed.starts_with('/') ? 1 : 0);
}

} // namespace ogfeed::content
