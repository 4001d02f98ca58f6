#include "feed/xml_text.hpp"

#include <pugixml.hpp>

#include <sstream>

namespace ogfeed::feed {

void
add_declaration(pugi::xml_document& doc)
{
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "utf-8";
}

std::string
serialize(const pugi::xml_document& doc)
{
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

} // namespace ogfeed::feed
