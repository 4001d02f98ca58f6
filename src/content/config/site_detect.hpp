#pragma once

#include "content/config/site_config.hpp"
#include "util/error.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::content {

// One setting read from a generator's own files, for the line a build
// prints and the comments `ogfeed init` writes.
struct DetectedSetting
{
  std::string key;    // the ogfeed.yaml key: "base_url", "permalink", ...
  std::string source; // where it came from: "baseURL in hugo.toml"
  // The value is the machine's own (its time zone, for a generator that
  // dates in it): `ogfeed init` writes it commented out, not pinned.
  bool of_this_machine = false;
  // The value is a guess (the title from the URL's host, the URL from a
  // CNAME file): a warning that says so, given when the build uses it.
  std::optional<util::Diagnostic> guess;
};

// What a site's files say about it when no ogfeed.yaml does.
struct DetectedSite
{
  std::string generator;                 // "Hugo", "Jekyll"...; "" for none
  std::string marker;                    // the file that told: "hugo.toml"
  SiteConfig config;                     // defaults + the generator's settings
  std::vector<DetectedSetting> settings; // what was read, in key order
  util::Diagnostics diagnostics;         // warnings about what was not read
  std::string url_hint; // a base_url to suggest when none was found
  // The base_url when nothing tells where the feeds are published: the
  // account page of a hosted blog's author (https://zenn.dev/NAME/).
  std::string url_fallback;
  // Where the generator writes the built site, relative to the site
  // (Hugo's publishDir, Jekyll's destination...); empty when it builds none.
  std::string site_output;
};

// Recognises the generator whose repository `root` is, from its own files:
// Hugo (hugo.* / config.* / config/_default/ + content/), Zenn (articles/ +
// zenn-cli or books/), Qiita CLI (public/ + @qiita/qiita-cli), Hexo
// (_config.yml + source/_posts), Jekyll (_config.yml + _posts), Astro
// (astro.config.*), Eleventy (eleventy.config.* / .eleventy.js), Gatsby
// (gatsby-config.*), Docusaurus (docusaurus.config.* + blog/). Reads the
// site URL, title, language, time zone, author, permalink pattern and which
// files are posts from the generator's config. JavaScript configs are read,
// never run: plain string values (`site: "https://..."`) only.
DetectedSite detect_site(const std::filesystem::path& root);

// The sub-folders of a repository whose root is no site (no ogfeed.yaml, no
// generator's files) that are one: a site kept in `docs/`, `blog/` or
// `hugo-files/`. Sorted; hidden folders, node_modules and links skipped.
std::vector<std::string> sites_below(const std::filesystem::path& root);

// One line saying what was detected and read, for a build to print:
// "Hugo site (hugo.toml): base_url, title, language, permalink,
// content_dir". Empty when no generator was recognised.
std::string detection_summary(const DetectedSite& site);

// The text of an ogfeed.yaml holding what was detected, each key commented
// with where it came from, and the other keys commented out with their
// defaults (`ogfeed init`). A missing title or URL is left for the user to
// fill in, with a hint.
std::string init_config_yaml(const DetectedSite& site);

// `gitignore` (a .gitignore's text, empty when there is none) with a line
// that ignores ogfeed's state folder added, or nullopt when a line already
// ignores it.
std::optional<std::string> gitignore_with_state_dir(std::string_view gitignore);

} // namespace ogfeed::content
