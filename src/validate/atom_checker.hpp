#pragma once

#include "validate/checker.hpp"

#include <set>

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

  void check_container(const Frame& f); // feed, entry, source
  void check_text_construct(const Frame& f, const std::string& text);
  void check_link(const Frame& f);
  void check_iri(const XmlElement& at,
                 const std::string& value,
                 const char* what,
                 bool absolute);

  struct PendingEntry
  {
    XmlElement element;
    bool has_author;
  };
  std::vector<PendingEntry> m_entries;
  std::set<std::pair<std::string, std::string>>
    m_alternates; // of the open feed/entry
  std::vector<std::set<std::pair<std::string, std::string>>> m_alternate_stack;
  std::map<std::string, std::string> m_entry_updated; // id -> updated
  std::string m_id;
  std::string m_updated;
  bool m_has_self = false;
};

} // namespace ogfeed::validate
