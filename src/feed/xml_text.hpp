#pragma once

#include "feed/entry.hpp"

#include <string>

namespace pugi {
class xml_document;
class xml_node;
} // namespace pugi

namespace ogfeed::feed {

// Adds to an empty document `<?xml version="1.0" encoding="utf-8"?>` and,
// when `stylesheet_url` is not empty, `<?xml-stylesheet type="text/xsl"
// href="..."?>`: a browser then shows the feed as a page.
void add_declaration(pugi::xml_document& doc,
                     const std::string& stylesheet_url = {});

// Appends <name>text</name> to `parent`.
void
text_child(pugi::xml_node parent, const char* name, const std::string& text);

// Appends <media:thumbnail url=... width=... height=...> for a card.
void add_media_thumbnail(pugi::xml_node parent, const CardRef& card);

// Serializes a pugixml document with an XML declaration and two-space
// indentation, the form every feed file takes.
std::string serialize(const pugi::xml_document& doc);

} // namespace ogfeed::feed
