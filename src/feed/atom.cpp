#include "feed/atom.hpp"

#include "feed/entry_fields.hpp"
#include "feed/feed_history.hpp"
#include "feed/feed_page.hpp"
#include "feed/stylesheet.hpp"
#include "feed/xml_text.hpp"
#include "util/url.hpp"

#include <pugixml.hpp>

namespace ogfeed::feed {

namespace {

void
add_link(pugi::xml_node parent,
         const char* rel,
         const char* type,
         const std::string& href)
{
  pugi::xml_node link = parent.append_child("link");
  link.append_attribute("rel") = rel;
  link.append_attribute("type") = type;
  link.append_attribute("href") = href.c_str();
}

void
add_card(pugi::xml_node entry, const CardRef& card)
{
  pugi::xml_node link = entry.append_child("link");
  link.append_attribute("rel") = "enclosure";
  link.append_attribute("type") = card.type.c_str();
  if (card.length > 0) {
    link.append_attribute("length") = std::to_string(card.length).c_str();
  }
  link.append_attribute("href") = card.url.c_str();
  add_media_thumbnail(entry, card);
}

void
add_person(pugi::xml_node parent, const content::Person& person)
{
  pugi::xml_node author = parent.append_child("author");
  text_child(author, "name", person.name);
  if (!person.email.empty()) {
    text_child(author, "email", person.email);
  }
  if (!person.uri.empty()) {
    text_child(author, "uri", person.uri);
  }
}

// One <entry>: a post with its card, summary and content.
template<typename Rfc3339>
void
add_entry(pugi::xml_node feed,
          const Entry& entry_data,
          const FeedPlan& plan,
          const FeedContext& context,
          const Rfc3339& rfc3339)
{
  const Entry* e = &entry_data;
  const content::Post* post = e->post;
  pugi::xml_node entry = feed.append_child("entry");
  if (const std::string* lang = entry_language(*post, plan)) {
    entry.append_attribute("xml:lang") = lang->c_str();
  }
  text_child(entry, "id", entry_id(*post, context));
  text_child(entry, "title", post->title);
  add_link(entry, "alternate", "text/html", post->permalink);
  if (e->card) {
    add_card(entry, *e->card);
  }
  text_child(entry, "published", rfc3339(post->date));
  text_child(entry, "updated", rfc3339(post->updated));
  if (!post->author.name.empty()) {
    add_person(entry, post->author);
  }
  for (const auto& term : entry_categories(*post)) {
    entry.append_child("category").append_attribute("term") = term.c_str();
  }
  if (!e->summary.empty()) {
    text_child(entry, "summary", e->summary);
  }
  if (!e->content_html.empty()) { // feeds.content: summary leaves it out
    pugi::xml_node content = entry.append_child("content");
    content.append_attribute("type") = "html";
    content.text().set(e->content_html.c_str());
  }
}

} // namespace

std::string
write_atom(const FeedPlan& plan,
           const std::vector<const Entry*>& entries,
           const FeedContext& context,
           const std::string& self_url)
{
  const util::TimeZone& zone = context.timezone;
  auto rfc3339 = [&](util::UtcSeconds t) {
    return util::format_rfc3339(t, zone.offset_at(t));
  };

  pugi::xml_document doc;
  add_declaration(doc, stylesheet_href(context, plan.dir));
  pugi::xml_node feed = doc.append_child("feed");
  feed.append_attribute("xmlns") = "http://www.w3.org/2005/Atom";
  if (any_card(entries)) {
    feed.append_attribute("xmlns:media") = k_media_ns;
  }
  if (plan.history && plan.history->archive) {
    feed.append_attribute("xmlns:fh") = k_history_ns;
  }
  feed.append_attribute("xml:lang") = plan.language.c_str();
  text_child(feed, "id", plan.alternate);
  text_child(feed, "title", plan.title);
  if (!plan.subtitle.empty()) {
    text_child(feed, "subtitle", plan.subtitle);
  }
  text_child(feed, "updated", rfc3339(feed_updated(entries)));
  add_link(feed, "self", "application/atom+xml", self_url);
  add_link(feed, "alternate", "text/html", plan.alternate);
  if (const std::string page = feed_page_url(plan, context); !page.empty()) {
    // This feed as a page any browser shows (feed.xsl needs XSLT).
    add_link(feed, "related", "text/html", page);
  }
  if (plan.history) {
    add_history(feed,
                *plan.history,
                context,
                context.feeds.atom_file,
                "link",
                "application/atom+xml");
  }
  if (!context.websub_hub.empty()) { // WebSub: where subscribers register
    pugi::xml_node hub = feed.append_child("link");
    hub.append_attribute("rel") = "hub";
    hub.append_attribute("href") = context.websub_hub.c_str();
  }
  add_person(feed, context.author);
  pugi::xml_node generator = feed.append_child("generator");
  generator.append_attribute("version") = OGFEED_VERSION;
  generator.text().set(k_generator);
  if (!context.icon.empty()) {
    text_child(feed, "icon", util::site_url(context.base_url, context.icon));
  }
  if (!context.logo.empty()) {
    text_child(feed, "logo", util::site_url(context.base_url, context.logo));
  }

  for (const Entry* e : entries) {
    add_entry(feed, *e, plan, context, rfc3339);
  }
  return serialize(doc);
}

} // namespace ogfeed::feed
