#include "feed/xml_text.hpp"

#include <pugixml.hpp>

#include <sstream>

namespace ogfeed::feed {

void
add_declaration(pugi::xml_document& doc, const std::string& stylesheet_url)
{
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "utf-8";
  if (!stylesheet_url.empty()) {
    pugi::xml_node pi = doc.append_child(pugi::node_pi);
    pi.set_name("xml-stylesheet");
    // A URL holds no '"' (it would be %22); XML escapes do not apply here.
    pi.set_value(("type=\"text/xsl\" href=\"" + stylesheet_url + "\"").c_str());
  }
}

void
text_child(pugi::xml_node parent, const char* name, const std::string& text)
{
  parent.append_child(name).text().set(text.c_str());
}

void
add_media_thumbnail(pugi::xml_node parent, const CardRef& card)
{
  pugi::xml_node thumb = parent.append_child("media:thumbnail");
  thumb.append_attribute("url") = card.url.c_str();
  if (card.width > 0) {
    thumb.append_attribute("width") = card.width;
    thumb.append_attribute("height") = card.height;
  }
}

std::string
serialize(const pugi::xml_document& doc)
{
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

} // namespace ogfeed::feed
