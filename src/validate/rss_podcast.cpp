// Podcasting 2.0 (podcast:) in RSS feeds: each name against its vocabulary,
// and the values the spec types.
//   Podcasting 2.0: https://github.com/Podcastindex-org/podcast-namespace
//     (docs/1.0.md and docs/tags/*.md)
#include "util/ascii.hpp"
#include "validate/rss_checker.hpp"
#include "validate/values.hpp"

#include <cstdlib>
#include <set>
#include <string_view>
#include <vector>

namespace ogfeed::validate {

namespace {

const std::set<std::string_view>&
podcast_elements()
{
  static const std::set<std::string_view> k = {"alternateEnclosure",
                                               "block",
                                               "chapters",
                                               "chat",
                                               "contentLink",
                                               "episode",
                                               "funding",
                                               "guid",
                                               "image",
                                               "images",
                                               "integrity",
                                               "license",
                                               "liveItem",
                                               "location",
                                               "locked",
                                               "medium",
                                               "person",
                                               "podping",
                                               "podroll",
                                               "publisher",
                                               "remoteItem",
                                               "season",
                                               "socialInteract",
                                               "soundbite",
                                               "source",
                                               "trailer",
                                               "transcript",
                                               "txt",
                                               "updateFrequency",
                                               "value",
                                               "valueRecipient",
                                               "valueTimeSplit"};
  return k;
}

// docs/tags/medium.md: the mediums, and their list ("L") forms.
const std::set<std::string_view>&
podcast_mediums()
{
  static const std::set<std::string_view> k = {"podcast",
                                               "music",
                                               "video",
                                               "film",
                                               "audiobook",
                                               "newsletter",
                                               "blog",
                                               "publisher",
                                               "course",
                                               "mixed",
                                               "podcastL",
                                               "musicL",
                                               "videoL",
                                               "filmL",
                                               "audiobookL",
                                               "newsletterL",
                                               "blogL",
                                               "publisherL",
                                               "courseL"};
  return k;
}

// The attributes each element must have (docs/tags/*.md, "required").
const std::vector<std::pair<std::string_view, std::vector<const char*>>>&
podcast_required()
{
  static const std::vector<
    std::pair<std::string_view, std::vector<const char*>>>
    k = {{"transcript", {"url", "type"}},
         {"chapters", {"url", "type"}},
         {"funding", {"url"}},
         {"soundbite", {"startTime", "duration"}},
         {"trailer", {"url", "pubdate"}},
         {"value", {"type", "method"}},
         {"valueRecipient", {"type", "address", "split"}},
         {"alternateEnclosure", {"type"}},
         {"source", {"uri"}},
         {"contentLink", {"href"}},
         {"remoteItem", {"feedGuid"}},
         {"socialInteract", {"protocol"}},
         {"image", {"href"}}};
  return k;
}

// RFC 4122's textual form: 8-4-4-4-12 hexadecimal digits.
bool
is_uuid(std::string_view v)
{
  if (v.size() != 36) {
    return false;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    const char c = v[i];
    if (dash != (c == '-')
        || (!dash
            && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
                 || (c >= 'A' && c <= 'F')))) {
      return false;
    }
  }
  return true;
}

} // namespace

void
RssChecker::podcast(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  const std::string tag = "<podcast:" + e.local + ">";
  if (!podcast_elements().contains(e.local)) {
    error("podcast-unknown-element",
          e,
          tag
            + " is no Podcasting 2.0 element (podcastindex.org/namespace/1.0)");
    return;
  }
  for (const auto& [name, attributes] : podcast_required()) {
    if (name != e.local) {
      continue;
    }
    for (const char* a : attributes) {
      if (e.attribute(a) == nullptr) {
        error("podcast-missing-attribute",
              e,
              tag + " has no " + a + " attribute, which it requires");
      }
    }
  }
  // (podcast:source uri may be ipfs: or a torrent: not checked as a URL.)
  for (const char* a : {"url", "href", "img"}) {
    if (const XmlAttribute* u = e.attribute(a); u != nullptr) {
      check_url(e, u->value, ("podcast:" + e.local + " " + a).c_str());
    }
  }
  const std::string v(util::trim_xml_space(text));
  if ((e.local == "locked" || e.local == "block") && v != "yes" && v != "no") {
    error("podcast-invalid-value",
          e,
          tag + " must be yes or no, got \"" + v + "\"");
  } else if (e.local == "medium" && !podcast_mediums().contains(v)) {
    error("podcast-invalid-value",
          e,
          tag + " \"" + v
            + "\" is no medium (podcast, music, video, film, "
              "audiobook, newsletter, blog, publisher, course, "
              "mixed, or a list form such as musicL)");
  } else if (e.local == "guid" && !is_uuid(v)) {
    error("podcast-invalid-value",
          e,
          tag + " \"" + v + "\" is no UUID (a version 5 UUID of the feed URL)");
  } else if ((e.local == "season" || e.local == "episode")
             && !is_decimal(v, true)) {
    error(
      "podcast-invalid-value", e, tag + " must be a number, got \"" + v + "\"");
  }
  if (e.local == "soundbite") {
    for (const char* a : {"startTime", "duration"}) {
      if (const XmlAttribute* n = e.attribute(a);
          n != nullptr && !is_decimal(util::trim_xml_space(n->value), true)) {
        error("podcast-invalid-value",
              e,
              tag + " " + a + "=\"" + n->value + "\" must be seconds");
      }
    }
  }
}

} // namespace ogfeed::validate
