#pragma once

#include <string>

namespace pugi {
class xml_document;
}

namespace ogfeed::feed {

// Adds to an empty document `<?xml version="1.0" encoding="utf-8"?>`.
void add_declaration(pugi::xml_document& doc);

// Serializes a pugixml document with an XML declaration and two-space
// indentation, the form every feed file takes.
std::string serialize(const pugi::xml_document& doc);

} // namespace ogfeed::feed
