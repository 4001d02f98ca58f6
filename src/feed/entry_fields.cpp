#include "feed/entry_fields.hpp"

#include "util/language_tag.hpp"
#include "util/url.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ogfeed::feed {

std::string
entry_id(const content::Post& post, const FeedContext& context)
{
  if (context.feeds.entry_id == content::EntryId::permalink) {
    return post.permalink;
  }
  const util::UrlParts url = util::split_url(post.permalink);
  std::string host = url.authority.substr(url.authority.rfind('@') + 1);
  host = host.substr(0, host.find(':'));
  const util::CivilTime day =
    util::to_civil(post.date, context.timezone.offset_at(post.date));
  const std::string date =
    fmt::format("{:04}-{:02}-{:02}", day.year, day.month, day.day);
  return "tag:" + host + "," + date + ":" + (url.path.empty() ? "/" : url.path);
}

util::UtcSeconds
feed_updated(const std::vector<const Entry*>& entries)
{
  util::UtcSeconds newest{};
  for (const Entry* e : entries) {
    newest = std::max(newest, e->post->updated);
  }
  return newest;
}

bool
any_card(const std::vector<const Entry*>& entries)
{
  return std::any_of(entries.begin(), entries.end(), [](const Entry* e) {
    return e->card.has_value();
  });
}

std::vector<std::string>
entry_categories(const content::Post& post)
{
  std::vector<std::string> out = post.tags;
  for (const auto& c : post.categories) {
    if (std::find(out.begin(), out.end(), c) == out.end()) {
      out.push_back(c);
    }
  }
  return out;
}

const std::string*
entry_language(const content::Post& post, const FeedPlan& plan)
{
  return post.language.empty()
             || util::same_language(post.language, plan.language)
           ? nullptr
           : &post.language;
}

} // namespace ogfeed::feed
