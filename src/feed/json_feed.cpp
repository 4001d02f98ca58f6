#include "feed/json_feed.hpp"

#include "feed/entry_fields.hpp"
#include "util/json.hpp"
#include "util/url.hpp"

namespace ogfeed::feed {

namespace {

// `avatar_url`: the person's avatar made absolute, or empty.
void
write_authors(util::JsonWriter& w,
              const content::Person& person,
              const std::string& avatar_url)
{
  w.key("authors").begin_array().begin_object();
  w.key("name").string(person.name);
  if (!person.uri.empty()) {
    w.key("url").string(person.uri);
  }
  if (!avatar_url.empty()) {
    w.key("avatar").string(avatar_url);
  }
  w.end_object().end_array();
}

void
write_item(util::JsonWriter& w,
           const Entry& e,
           const FeedPlan& plan,
           const FeedContext& context)
{
  const content::Post& post = *e.post;
  const util::TimeZone& zone = context.timezone;
  auto rfc3339 = [&](util::UtcSeconds t) {
    return util::format_rfc3339(t, zone.offset_at(t));
  };
  w.begin_object();
  w.key("id").string(entry_id(post, context));
  w.key("url").string(post.permalink);
  w.key("title").string(post.title);
  if (e.content_html.empty()) { // feeds.content: summary
    w.key("content_text").string(e.summary);
  } else {
    w.key("content_html").string(e.content_html);
  }
  if (!e.summary.empty()) {
    w.key("summary").string(e.summary);
  }
  if (e.card) {
    w.key("image").string(e.card->url);
  }
  w.key("date_published").string(rfc3339(post.date));
  w.key("date_modified").string(rfc3339(post.updated));
  if (!post.author.name.empty()) {
    // A post's avatar is relative to the post (a page bundle's picture).
    write_authors(w,
                  post.author,
                  post.author.avatar.empty()
                    ? std::string()
                    : util::resolve_url(post.author.avatar, post.permalink));
  }
  if (const std::string* lang = entry_language(post, plan)) {
    w.key("language").string(*lang);
  }
  const std::vector<std::string> tags = entry_categories(post);
  if (!tags.empty()) {
    w.key("tags").begin_array();
    for (const auto& t : tags) {
      w.string(t);
    }
    w.end_array();
  }
  w.end_object();
}

} // namespace

std::string
write_json_feed(const FeedPlan& plan,
                const std::vector<const Entry*>& entries,
                const FeedContext& context,
                const std::string& self_url)
{
  util::JsonWriter w(util::JsonWriter::Style::one_member_per_line);
  w.begin_object();
  w.key("version").string("https://jsonfeed.org/version/1.1");
  w.key("title").string(plan.title);
  w.key("home_page_url").string(plan.alternate);
  w.key("feed_url").string(self_url);
  if (!plan.subtitle.empty()) {
    w.key("description").string(plan.subtitle);
  }
  w.key("language").string(plan.language);
  // JSON Feed's icon is large and square (a timeline's avatar), its
  // favicon small: the site's logo, else icon, and its icon.
  if (const std::string& icon =
        context.logo.empty() ? context.icon : context.logo;
      !icon.empty()) {
    w.key("icon").string(util::site_url(context.base_url, icon));
  }
  if (!context.icon.empty()) {
    w.key("favicon").string(util::site_url(context.base_url, context.icon));
  }
  write_authors(w,
                context.author,
                context.author.avatar.empty()
                  ? std::string()
                  : util::site_url(context.base_url, context.author.avatar));
  if (!context.websub_hub.empty()) {
    w.key("hubs").begin_array().begin_object();
    w.key("type").string("WebSub");
    w.key("url").string(context.websub_hub);
    w.end_object().end_array();
  }
  w.key("items").begin_array();
  for (const Entry* e : entries) {
    write_item(w, *e, plan, context);
  }
  w.end_array();
  w.end_object();
  return w.str() + "\n";
}

} // namespace ogfeed::feed
