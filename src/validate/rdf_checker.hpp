#pragma once

#include "validate/checker.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::validate {

constexpr const char* k_rdf_ns = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

// RSS 1.0 (and its ancestor RSS 0.90), the RDF feeds Japanese sites still
// publish as index.rdf: rdf:RDF holding one channel and top-level item,
// image and textinput elements; each with its required children and
// rdf:about; the channel's items as an rdf:Seq whose rdf:li name the items
// (both ways: a warning when they disagree); no elements RSS 1.0 does not
// define in its namespace, no markup in its text elements without
// rdf:parseType="Literal"; and the modules (dc:date as W3C-DTF,
// dc:language, content:encoded as HTML, trackback: by rdf:resource).
class RdfChecker : public Checker
{
public:
  using Checker::Checker;

  void finish() override;

private:
  // A URI an RSS 1.0 element names, where it was named.
  struct Named
  {
    std::string uri;
    XmlElement at;
  };

  void opened(const Frame& frame) override;
  void closed(const Frame& frame, const std::string& text) override;

  bool is_rss(const XmlElement& e) const;
  int n(const Frame& f, const char* local) const;
  void require(const Frame& f, std::initializer_list<const char*> children);
  void once(const Frame& f, std::initializer_list<const char*> children);
  // rdf:about, required in RSS 1.0 (not 0.90); returns it or "".
  std::string about(const Frame& f);
  void
  check_uri(const XmlElement& at, std::string_view value, const char* what);
  // rdf:resource (or an unqualified resource) on `e`; "" when absent.
  static std::string resource(const XmlElement& e);

  void root(const Frame& f);
  void channel(const Frame& f);
  void top_level(const Frame& f);
  void text_element(const Frame& f, const std::string& text);
  void seq_item(const Frame& f);
  void module(const Frame& f, const std::string& text);

  std::vector<Named> m_listed; // rdf:li in the channel's items
  std::vector<Named> m_items;  // top-level item rdf:about
  bool m_has_seq = false;
  Named m_channel_image; // the channel's <image rdf:resource>
  Named m_image;         // the top-level image's rdf:about
};

} // namespace ogfeed::validate
