// Dublin Core (elements and terms) and Media RSS 1.5 in RSS feeds: every
// name checked against its vocabulary, and values where the spec types them.
//   Dublin Core:
//   https://www.dublincore.org/specifications/dublin-core/dcmi-terms/ Media
//   RSS 1.5.1: https://www.rssboard.org/media-rss
#include "util/ascii.hpp"
#include "validate/rss_checker.hpp"
#include "validate/values.hpp"

#include <set>
#include <string_view>

namespace ogfeed::validate {

namespace {

const std::set<std::string_view>&
dc_elements()
{
  static const std::set<std::string_view> k = {"title",
                                               "creator",
                                               "subject",
                                               "description",
                                               "publisher",
                                               "contributor",
                                               "date",
                                               "type",
                                               "format",
                                               "identifier",
                                               "source",
                                               "language",
                                               "relation",
                                               "coverage",
                                               "rights"};
  return k;
}

const std::set<std::string_view>&
dc_terms()
{
  static const std::set<std::string_view> k = {"abstract",
                                               "accessRights",
                                               "accrualMethod",
                                               "accrualPeriodicity",
                                               "accrualPolicy",
                                               "alternative",
                                               "audience",
                                               "available",
                                               "bibliographicCitation",
                                               "conformsTo",
                                               "contributor",
                                               "coverage",
                                               "created",
                                               "creator",
                                               "date",
                                               "dateAccepted",
                                               "dateCopyrighted",
                                               "dateSubmitted",
                                               "description",
                                               "educationLevel",
                                               "extent",
                                               "format",
                                               "hasFormat",
                                               "hasPart",
                                               "hasVersion",
                                               "identifier",
                                               "instructionalMethod",
                                               "isFormatOf",
                                               "isPartOf",
                                               "isReferencedBy",
                                               "isReplacedBy",
                                               "isRequiredBy",
                                               "issued",
                                               "isVersionOf",
                                               "language",
                                               "license",
                                               "mediator",
                                               "medium",
                                               "modified",
                                               "provenance",
                                               "publisher",
                                               "references",
                                               "relation",
                                               "replaces",
                                               "requires",
                                               "rights",
                                               "rightsHolder",
                                               "source",
                                               "spatial",
                                               "subject",
                                               "tableOfContents",
                                               "temporal",
                                               "title",
                                               "type",
                                               "valid"};
  return k;
}

// Media RSS's elements (its optional elements, and the groups).
const std::set<std::string_view>&
media_elements()
{
  static const std::set<std::string_view> k = {
    "group",    "content",   "rating",     "title",       "description",
    "keywords", "thumbnail", "category",   "hash",        "player",
    "credit",   "copyright", "text",       "restriction", "community",
    "comments", "comment",   "embed",      "param",       "responses",
    "response", "backLinks", "backLink",   "status",      "price",
    "license",  "subTitle",  "peerLink",   "location",    "rights",
    "scenes",   "scene",     "starRating", "statistics",  "tags"};
  return k;
}

bool
is_whole(std::string_view v)
{
  return !v.empty()
         && v.find_first_not_of("0123456789") == std::string_view::npos;
}

} // namespace

void
RssChecker::dublin_core(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  const bool terms = e.ns == k_dcterms_ns;
  if (!(terms ? dc_terms() : dc_elements()).contains(e.local)) {
    error("rss-unknown-dc-element",
          e,
          std::string("<") + (terms ? "dcterms:" : "dc:") + e.local
            + "> is no Dublin Core "
            + (terms ? "term"
                     : "element (title, creator, subject, description, "
                       "publisher, contributor, date, type, format, "
                       "identifier, source, language, relation, "
                       "coverage, rights)"));
    return;
  }
  if (terms
      // (available and date may hold a DCMI Period, not a date)
      && (e.local == "created" || e.local == "issued" || e.local == "modified")
      && !is_w3cdtf(util::trim_xml_space(text))) {
    error("rss-invalid-dc-date",
          e,
          "<dcterms:" + e.local + "> \""
            + std::string(util::trim_xml_space(text))
            + "\" is not a W3C-DTF date such as 2024-05-01T10:00:00Z");
  }
}

void
RssChecker::media(const Frame& f, const std::string&)
{
  const XmlElement& e = f.element;
  const std::string tag = "<media:" + e.local + ">";
  if (!media_elements().contains(e.local)) {
    error("media-unknown-element", e, tag + " is no Media RSS 1.5 element");
    return;
  }
  const auto attr = [&](const char* name) -> const XmlAttribute* {
    return e.attribute(name);
  };
  if (e.local == "thumbnail" || e.local == "player") {
    if (attr("url") == nullptr) {
      error("media-missing-url", e, tag + " has no url attribute");
    }
  }
  if (const XmlAttribute* url = attr("url"); url != nullptr) {
    check_url(e, url->value, ("media:" + e.local + " url").c_str());
  }
  for (const char* name : {"fileSize",
                           "bitrate",
                           "samplingrate",
                           "channels",
                           "duration",
                           "height",
                           "width"}) {
    if (const XmlAttribute* a = attr(name);
        a != nullptr && !is_whole(util::trim_xml_space(a->value))
        && !(std::string_view(name) == "samplingrate"
             && is_decimal(util::trim_xml_space(a->value)))) {
      error("media-invalid-attribute",
            e,
            tag + " " + name + "=\"" + a->value + "\" must be a whole number");
    }
  }
  if (const XmlAttribute* a = attr("framerate");
      a != nullptr && !is_decimal(util::trim_xml_space(a->value))) {
    error("media-invalid-attribute",
          e,
          tag + " framerate=\"" + a->value + "\" must be a number");
  }
  const auto one_of = [&](const char* name, std::set<std::string_view> values) {
    if (const XmlAttribute* a = attr(name);
        a != nullptr && !values.contains(util::trim_xml_space(a->value))) {
      error("media-invalid-attribute",
            e,
            tag + " " + name + "=\"" + a->value + "\" is not one of the values "
              + "Media RSS defines");
    }
  };
  if (e.local == "content") {
    one_of("medium", {"image", "audio", "video", "document", "executable"});
    one_of("isDefault", {"true", "false"});
    one_of("expression", {"sample", "full", "nonstop"});
  }
}

} // namespace ogfeed::validate
