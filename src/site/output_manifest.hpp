#pragma once

#include "util/beneath.hpp"
#include "util/error.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace ogfeed::site {

// One file ogfeed wrote into an output folder.
struct ManifestEntry
{
  std::uint64_t size = 0; // bytes
  std::uint64_t hash = 0; // XXH3-64 of the bytes
  std::string key;        // what made it (a card's or a feed's inputs, hashed)
};

// Every file one build wrote, by path relative to the output folder
// ('/'-separated). It is what tells ogfeed's own outputs from files it must
// never touch, and what the card cache trusts.
using Manifest = std::map<std::string, ManifestEntry>;

// Returns the XXH3-64 hash manifests record.
std::uint64_t content_hash(std::string_view bytes);

// True when `manifest` says `rel` was written with this `key` (not empty)
// and the file below `dir` still holds the bytes it wrote: caches trust
// only what a manifest says. Reads the file.
bool holds_output(const Manifest& manifest,
                  const util::Dir& dir,
                  const std::string& rel,
                  const std::string& key);

// Returns the manifest as text: a header line, then one line per file.
std::string format_manifest(const Manifest& manifest);

// Parses format_manifest()'s text. Fails on anything else, with the line.
util::Expected<Manifest> parse_manifest(std::string_view text);

// Escapes a path for one tab-separated field ('%', tab, CR and LF as %XX),
// and back.
std::string escape_field(std::string_view path);
std::string unescape_field(std::string_view field);

} // namespace ogfeed::site
