#pragma once

#include <string_view>

// A file's name read from a path's text, as std::filesystem::path reads it,
// without building a path (which splits every component apart).
namespace ogfeed::util {

// The last '/'-separated segment ("a.md" of "posts/x/a.md").
std::string_view last_segment(std::string_view path);

// A name's extension from its last '.' (".md"); "" for none, or for a
// name whose only '.' starts it (".gitignore").
std::string_view extension_of(std::string_view name);

// A name without its extension ("a" of "a.md", ".gitignore" of itself).
std::string_view stem_of(std::string_view name);

} // namespace ogfeed::util
