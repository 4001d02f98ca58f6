#include "feed/rss.hpp"

#include "feed/entry_fields.hpp"
#include "feed/feed_history.hpp"
#include "feed/feed_page.hpp"
#include "feed/stylesheet.hpp"
#include "feed/xml_text.hpp"
#include "util/html_scan.hpp"
#include "util/url.hpp"

#include <pugixml.hpp>

namespace ogfeed::feed {

namespace {

// RSS 2.0's author elements hold "email (name)" and nothing else.
std::string
rss_person(const content::Person& person)
{
  return person.name.empty() ? person.email
                             : person.email + " (" + person.name + ")";
}

// One post as an RSS item.
void
add_item(pugi::xml_node channel,
         const Entry* e,
         const FeedPlan& plan,
         const FeedContext& context)
{
  const util::TimeZone& zone = context.timezone;
  auto rfc822 = [&](util::UtcSeconds t) {
    return util::format_rfc822(t, zone.offset_at(t));
  };
  const content::Post* post = e->post;
  pugi::xml_node item = channel.append_child("item");
  text_child(item, "title", post->title);
  text_child(item, "link", post->permalink);
  pugi::xml_node guid = item.append_child("guid");
  const bool is_permalink =
    context.feeds.entry_id == content::EntryId::permalink;
  guid.append_attribute("isPermaLink") = is_permalink ? "true" : "false";
  guid.text().set(entry_id(*post, context).c_str());
  text_child(item, "pubDate", rfc822(post->date));
  const content::Person& author =
    post->author.name.empty() && post->author.email.empty() ? context.author
                                                            : post->author;
  if (!author.email.empty()) {
    text_child(item, "author", rss_person(author));
  }
  if (!author.name.empty()) {
    text_child(item, "dc:creator", author.name);
  }
  if (const std::string* lang = entry_language(*post, plan)) {
    text_child(item, "dc:language", *lang);
  }
  for (const auto& term : entry_categories(*post)) {
    text_child(item, "category", term);
  }
  if (e->card) {
    const CardRef& card = *e->card;
    // RSS 2.0 requires an enclosure's length: a post's own image has none.
    if (card.length > 0) {
      pugi::xml_node enclosure = item.append_child("enclosure");
      enclosure.append_attribute("url") = card.url.c_str();
      enclosure.append_attribute("length") =
        std::to_string(card.length).c_str();
      enclosure.append_attribute("type") = card.type.c_str();
    }
    add_media_thumbnail(item, card);
  }
  // RSS's item description is HTML: plain text goes in as HTML text, or
  // "List<DBObject>" would reach readers as a tag (W3C NotHtml).
  text_child(item, "description", util::html_escape(e->summary));
  if (!e->content_html.empty()) { // feeds.content: summary leaves it out
    text_child(item, "content:encoded", e->content_html);
  }
}

} // namespace

std::string
write_rss(const FeedPlan& plan,
          const std::vector<const Entry*>& entries,
          const FeedContext& context,
          const std::string& self_url)
{
  const util::TimeZone& zone = context.timezone;
  auto rfc822 = [&](util::UtcSeconds t) {
    return util::format_rfc822(t, zone.offset_at(t));
  };

  pugi::xml_document doc;
  add_declaration(doc, stylesheet_href(context, plan.dir));
  pugi::xml_node rss = doc.append_child("rss");
  rss.append_attribute("version") = "2.0";
  rss.append_attribute("xmlns:atom") = "http://www.w3.org/2005/Atom";
  rss.append_attribute("xmlns:content") =
    "http://purl.org/rss/1.0/modules/content/";
  rss.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  if (any_card(entries)) {
    rss.append_attribute("xmlns:media") = k_media_ns;
  }
  if (plan.history && plan.history->archive) {
    rss.append_attribute("xmlns:fh") = k_history_ns;
  }
  pugi::xml_node channel = rss.append_child("channel");
  text_child(channel, "title", plan.title);
  text_child(channel, "link", plan.alternate);
  text_child(
    channel, "description", plan.subtitle.empty() ? plan.title : plan.subtitle);
  text_child(channel, "language", plan.language);
  if (const std::string& image =
        context.logo.empty() ? context.icon : context.logo;
      !image.empty()) {
    // RSS's image links to the channel under the channel's own title.
    pugi::xml_node node = channel.append_child("image");
    text_child(node, "url", util::site_url(context.base_url, image));
    text_child(node, "title", plan.title);
    text_child(node, "link", plan.alternate);
  }
  if (!context.author.email.empty()) {
    text_child(channel, "managingEditor", rss_person(context.author));
  }
  text_child(channel, "lastBuildDate", rfc822(feed_updated(entries)));
  text_child(
    channel, "generator", std::string(k_generator) + " " + OGFEED_VERSION);
  pugi::xml_node self = channel.append_child("atom:link");
  self.append_attribute("href") = self_url.c_str();
  self.append_attribute("rel") = "self";
  self.append_attribute("type") = "application/rss+xml";
  if (const std::string page = feed_page_url(plan, context); !page.empty()) {
    // This feed as a page any browser shows (feed.xsl needs XSLT).
    pugi::xml_node related = channel.append_child("atom:link");
    related.append_attribute("href") = page.c_str();
    related.append_attribute("rel") = "related";
    related.append_attribute("type") = "text/html";
  }
  if (!context.websub_hub.empty()) { // WebSub: where subscribers register
    pugi::xml_node hub = channel.append_child("atom:link");
    hub.append_attribute("href") = context.websub_hub.c_str();
    hub.append_attribute("rel") = "hub";
  }
  if (plan.history) {
    add_history(channel,
                *plan.history,
                context,
                context.feeds.rss_file,
                "atom:link",
                "application/rss+xml");
  }

  for (const Entry* e : entries) {
    add_item(channel, e, plan, context);
  }
  return serialize(doc);
}

} // namespace ogfeed::feed
