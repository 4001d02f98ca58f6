#pragma once

#include "util/time_zone.hpp"
#include "validate/finding.hpp"
#include "validate/xml_reader.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ogfeed::validate {

constexpr const char* k_atom_ns = "http://www.w3.org/2005/Atom";
constexpr const char* k_itunes_ns =
  "http://www.itunes.com/dtds/podcast-1.0.dtd";
constexpr const char* k_dc_elements_ns = "http://purl.org/dc/elements/1.1/";
constexpr const char* k_dcterms_ns = "http://purl.org/dc/terms/";
constexpr const char* k_media_rss_ns = "http://search.yahoo.com/mrss/";
constexpr const char* k_podcast_ns = "https://podcastindex.org/namespace/1.0";
constexpr const char* k_georss_ns = "http://www.georss.org/georss";
constexpr const char* k_wfw_ns = "http://wellformedweb.org/CommentAPI/";
constexpr const char* k_xhtml_ns = "http://www.w3.org/1999/xhtml";

// What Atom and RSS rules share: a stack of open elements with counts of
// their children, the findings list, and checks every element gets
// (xml:lang, xml:base).
class Checker : public XmlHandler
{
public:
  // `now`, when given, is what dates "in the future" are measured against.
  Checker(std::vector<Finding>& findings, std::optional<util::UtcSeconds> now);

  void start(const XmlElement& element) final;
  void end(const XmlElement& element, const std::string& text) final;

  // Called once the document has been read completely and well-formed.
  virtual void
  finish()
  {
  }

  // Findings past k_max_findings are counted, not kept.
  std::size_t
  dropped() const
  {
    return m_dropped;
  }

protected:
  struct Frame
  {
    XmlElement element;
    std::map<std::string, int> children; // "{ns}local" -> count
    int child_elements = 0;
  };

  virtual void opened(const Frame& frame) = 0;
  virtual void closed(const Frame& frame, const std::string& text) = 0;

  // The frame `up` levels above the current one (0 = the element itself
  // while it is being closed), or null.
  const Frame* parent(std::size_t up = 1) const;
  static int
  count(const Frame& f, const std::string& ns, const std::string& local);

  // True when an xml:base is in effect at the current element.
  bool has_base() const;
  // Warns about what readers meet in HTML content (relative URLs, scripts).
  void check_html_text(const XmlElement& at, const std::string& html);
  void check_xhtml_element(const XmlElement& e);

  void report(util::Severity severity,
              const char* rule,
              const XmlElement& at,
              std::string message);
  void error(const char* rule, const XmlElement& at, std::string message);
  void warning(const char* rule, const XmlElement& at, std::string message);

  // GeoRSS Simple's names and shapes (georss.cpp), in RSS and Atom alike.
  void check_georss(const XmlElement& e, const std::string& text);

  // Warns when `t` is more than a day after now.
  void check_not_future(const XmlElement& at, util::UtcSeconds t);

  std::vector<Finding>& m_findings;
  std::size_t m_dropped = 0;
  std::optional<util::UtcSeconds> m_now;
  std::vector<Frame> m_stack;
  std::set<std::string> m_near_namespaces; // already warned about
};

} // namespace ogfeed::validate
