#pragma once

#include "validate/checker.hpp"

#include <set>
#include <utility>

namespace ogfeed::validate {

// RFC 4287: the elements of feed, entry and source, their cardinality,
// text and person constructs, dates, IRIs, links and content.
class AtomChecker : public Checker
{
public:
  using Checker::Checker;

private:
  void opened(const Frame& frame) override;
  void closed(const Frame& frame, const std::string& text) override;

  void check_container(const Frame& f, const std::string& text);
  void check_text_construct(const Frame& f, const std::string& text);
  void check_content(const Frame& f, const std::string& text);
  void check_link(const Frame& f);
  void check_feed_end(const Frame& f);
  void check_person(const Frame& f);
  void check_attributes(const XmlElement& e);
  void check_date(const XmlElement& e, const std::string& text);
  void check_placement(const XmlElement& e, const std::string& p);
  void check_entry_id(const XmlElement& e);
  void check_value(const XmlElement& e,
                   const std::string& parent,
                   const std::string& text);
  // Checks an IRI; `absolute` demands a scheme. Element text must carry no
  // surrounding white space; attribute values are taken as they are.
  void check_iri(const XmlElement& at,
                 const std::string& value,
                 const std::string& what,
                 bool absolute);
  bool check_no_space(const XmlElement& at, const std::string& text);

  struct EntryState
  {
    std::set<std::pair<std::string, std::string>> alternates; // type, hreflang
    bool needs_summary = false;
  };
  std::vector<EntryState> m_containers; // feed, entry, source being read
  std::vector<XmlElement> m_authorless_entries;
  std::vector<std::string> m_entry_ids;
  std::map<std::string, std::string> m_updated_by_id;
  std::string m_id;
  std::string m_updated;
  bool m_has_self = false;
  bool m_seen_entry = false;
  int m_xhtml_depth = 0; // inside an xhtml text construct's <div>
};

} // namespace ogfeed::validate
