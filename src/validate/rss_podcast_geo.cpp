// Podcasting 2.0 (podcast:) and GeoRSS Simple (georss:) in RSS feeds: each
// name against its vocabulary, and the values each spec types.
//   Podcasting 2.0: https://github.com/Podcastindex-org/podcast-namespace
//     (docs/1.0.md and docs/tags/*.md)
//   GeoRSS Simple: https://docs.ogc.org/cs/17-002r1/17-002r1.html
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

// GeoRSS Simple's lists of numbers: "lat lon" pairs (point, line, polygon,
// box) or a centre and radius (circle).
std::vector<double>
numbers(std::string_view v, bool& ok)
{
  std::vector<double> out;
  ok = true;
  std::size_t i = 0;
  while (i < v.size()) {
    while (i < v.size()
           && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r'
               || v[i] == ',')) {
      ++i;
    }
    std::size_t j = i;
    while (j < v.size() && v[j] != ' ' && v[j] != '\t' && v[j] != '\n'
           && v[j] != '\r' && v[j] != ',') {
      ++j;
    }
    if (j > i) {
      const std::string_view word = v.substr(i, j - i);
      if (!is_decimal(word, true)) {
        ok = false;
        return out;
      }
      out.push_back(std::strtod(std::string(word).c_str(), nullptr));
    }
    i = j;
  }
  return out;
}

// Why `v` is no value of georss:`name`, or empty.
std::string
georss_problem(std::string_view name, std::string_view v)
{
  if (name == "where" || name == "featurename" || name == "featuretypetag"
      || name == "relationshiptag") {
    return ""; // text, or GML inside
  }
  bool ok = true;
  const std::vector<double> n = numbers(v, ok);
  if (!ok) {
    return "must be numbers separated by spaces";
  }
  const auto pairs_in_range = [&] {
    for (std::size_t k = 0; k + 1 < n.size(); k += 2) {
      if (n[k] < -90 || n[k] > 90 || n[k + 1] < -180 || n[k + 1] > 180) {
        return false;
      }
    }
    return true;
  };
  if (name == "point" && (n.size() != 2 || !pairs_in_range())) {
    return "must be one latitude and longitude (\"45.256 -71.92\")";
  }
  if (name == "line"
      && (n.size() < 4 || n.size() % 2 != 0 || !pairs_in_range())) {
    return "must be two or more latitude-longitude pairs";
  }
  if (name == "polygon"
      && (n.size() < 8 || n.size() % 2 != 0 || !pairs_in_range()
          || n[0] != n[n.size() - 2] || n[1] != n[n.size() - 1])) {
    return "must be four or more latitude-longitude pairs, the last the same "
           "as the first";
  }
  if (name == "box" && (n.size() != 4 || !pairs_in_range())) {
    return "must be two corners, lower left then upper right (\"42.94 -71.1 "
           "43.0 -71.0\")";
  }
  if (name == "circle" && (n.size() != 3 || !pairs_in_range())) {
    return "must be a centre's latitude and longitude and a radius in metres";
  }
  if ((name == "elev" || name == "floor" || name == "radius")
      && n.size() != 1) {
    return "must be one number";
  }
  return "";
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

void
RssChecker::georss(const Frame& f, const std::string& text)
{
  static const std::set<std::string_view> k_names = {"point",
                                                     "line",
                                                     "polygon",
                                                     "box",
                                                     "circle",
                                                     "where",
                                                     "featuretypetag",
                                                     "relationshiptag",
                                                     "featurename",
                                                     "elev",
                                                     "floor",
                                                     "radius"};
  const XmlElement& e = f.element;
  const std::string tag = "<georss:" + e.local + ">";
  if (!k_names.contains(e.local)) {
    error("georss-unknown-element", e, tag + " is no GeoRSS Simple element");
    return;
  }
  if (const std::string why =
        georss_problem(e.local, util::trim_xml_space(text));
      !why.empty()) {
    error("georss-invalid-value",
          e,
          tag + " \"" + std::string(util::trim_xml_space(text)) + "\" " + why);
  }
}

} // namespace ogfeed::validate
