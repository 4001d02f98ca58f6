#include "feed/feed_history.hpp"

namespace ogfeed::feed {

void
add_history(pugi::xml_node parent,
            const FeedHistory& history,
            const FeedContext& context,
            const std::string& file,
            const char* link_element,
            const char* type)
{
  auto link = [&](const char* rel, const std::string& dir) {
    pugi::xml_node node = parent.append_child(link_element);
    node.append_attribute("rel") = rel;
    node.append_attribute("type") = type;
    node.append_attribute("href") = (context.base_url + dir + file).c_str();
  };
  if (history.archive) {
    link("current", history.current);
  }
  if (history.prev) {
    link("prev-archive", *history.prev);
  }
  if (history.next) {
    link("next-archive", *history.next);
  }
  if (history.archive) {
    parent.append_child("fh:archive");
  }
}

} // namespace ogfeed::feed
