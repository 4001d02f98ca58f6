// A site's settings: detected from its generator's files, then
// ogfeed.yaml over them, with advice when a needed one is missing.
#include "content/load/site_loader.hpp"
#include "util/file.hpp"

#include <filesystem>

namespace ogfeed::content {

namespace fs = std::filesystem;

namespace {

// What to do about a missing title or URL, for the error that says so.
std::string
no_setting_advice(const DetectedSite& detected, bool has_ogfeed_yaml, bool url)
{
  std::string advice;
  if (!detected.generator.empty()) {
    advice = "; " + detected.generator + "'s files (" + detected.marker
             + ") do not name it";
    for (const util::Diagnostic& d : detected.diagnostics) {
      if (d.message.starts_with("cannot read the generator's config")) {
        advice += " (" + util::format_diagnostic(d) + ")"; // why not
        break;
      }
    }
  } else if (!has_ogfeed_yaml) {
    advice = "; no ogfeed.yaml and no generator's config found";
  }
  advice += has_ogfeed_yaml ? "; add it to ogfeed.yaml"
                            : "; write ogfeed.yaml with 'title' and "
                              "'base_url' (`ogfeed init` writes one)";
  if (url && !detected.url_hint.empty()) {
    advice += ", e.g. base_url: " + detected.url_hint;
  }
  return advice;
}

// A warning for each setting detection guessed that the build keeps (not
// replaced by ogfeed.yaml or --base-url).
void
warn_of_guesses(SiteSetup& setup)
{
  for (DetectedSetting& s : setup.detected.settings) {
    const SiteConfig& found = setup.detected.config;
    const bool kept =
      s.key == "base_url"    ? setup.config.base_url == found.base_url
      : s.key == "title"     ? setup.config.title == found.title
      : s.key == "permalink" ? setup.config.permalink == found.permalink
                             : true;
    if (s.guess && kept) {
      setup.detected.diagnostics.push_back(std::move(*s.guess));
      s.guess.reset();
    }
  }
}

} // namespace

util::Expected<SiteSetup>
load_site_config(const fs::path& site_root,
                 const std::optional<std::string>& base_url)
{
  SiteSetup setup;
  std::error_code ec;
  if (!fs::is_directory(site_root, ec)) {
    return tl::unexpected(
      util::make_error("site folder '" + site_root.lexically_normal().string()
                       + "' does not exist"));
  }
  setup.detected = detect_site(site_root);
  if (base_url) {
    setup.detected.config.base_url = *base_url;
  }
  const fs::path path = site_root / "ogfeed.yaml";
  const std::string shown = path.lexically_normal().string();
  setup.has_ogfeed_yaml = fs::exists(path, ec);
  util::Expected<SiteConfig> config = setup.detected.config;
  if (setup.has_ogfeed_yaml) {
    auto bytes = util::read_file(path, 1024 * 1024);
    if (!bytes) {
      return tl::unexpected(bytes.error());
    }
    config = parse_site_config(*bytes, setup.detected.config);
  } else if (auto ok = finish_site_config(*config); !ok) {
    config = tl::unexpected(ok.error());
  }
  if (!config) {
    util::Error e = config.error();
    if (e.message.starts_with("missing '")) {
      e.message +=
        no_setting_advice(setup.detected,
                          setup.has_ogfeed_yaml,
                          e.message.starts_with("missing 'base_url'"));
    }
    if (!setup.has_ogfeed_yaml) { // the site as a whole lacks it
      e.line = 0;
      e.column = 0;
      return tl::unexpected(util::with_path(
        std::move(e), (site_root / "").lexically_normal().string()));
    }
    return tl::unexpected(util::with_path(std::move(e), shown));
  }
  setup.config = std::move(*config);
  if (base_url) {
    setup.config.base_url = *base_url;
  }
  warn_of_guesses(setup);
  return setup;
}

} // namespace ogfeed::content
