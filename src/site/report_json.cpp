#include "site/report_json.hpp"

#include "util/field_json.hpp"
#include "util/file.hpp"
#include "util/json.hpp"

#include <glib.h>

namespace ogfeed::site {

namespace {

// What an output is, from where it sits.
std::string
output_kind(const std::string& rel, const BuildReport& report)
{
  const std::string cards =
    report.config ? report.config->cards.dir + "/" : std::string("cards/");
  if (rel == "cards.json") {
    return "card-index";
  }
  if (rel == "head.json") {
    return "head";
  }
  if (rel.starts_with(cards)) {
    return "card";
  }
  if (rel.ends_with(".xml") || rel.ends_with(".json")) {
    return "feed";
  }
  return "other";
}

// The SHA-256 of a file as it is now, or "" when it cannot be read.
std::string
file_sha256(const std::filesystem::path& path)
{
  auto bytes = util::read_file(path, std::size_t{1} << 30);
  if (!bytes) {
    return {};
  }
  gchar* hex =
    g_compute_checksum_for_data(G_CHECKSUM_SHA256,
                                reinterpret_cast<const guchar*>(bytes->data()),
                                bytes->size());
  std::string out(hex);
  g_free(hex);
  return out;
}

void
write_site(util::JsonWriter& w, const BuildReport& r)
{
  w.key("site").begin_object();
  w.key("detected").string(r.detected);
  w.key("built_site").string(r.checked.string());
  if (r.config) {
    const content::SiteConfig& c = *r.config;
    w.key("title").string(c.title);
    w.key("base_url").string(c.base_url);
    w.key("language").string(c.language);
    w.key("timezone").string(c.timezone.name());
    w.key("permalink").string(c.permalink);
    w.key("content_dirs").begin_array();
    for (const auto& d : c.content_dirs) {
      w.string(d);
    }
    w.end_array();
    w.key("config"); // every setting, as the build used it
    util::to_json(w, c);
  }
  w.key("output_dir").string(r.output_dir.string());
  w.end_object();
}

void
write_posts(util::JsonWriter& w, const BuildReport& r)
{
  w.key("posts").begin_array();
  for (const auto& p : r.post_records) {
    w.begin_object();
    w.key("source").string(p.source);
    w.key("permalink").string(p.permalink);
    w.key("date").string(util::format_rfc3339(p.date, 0));
    w.key("included").boolean(p.skipped.empty());
    w.key("skipped");
    p.skipped.empty() ? w.raw("null") : w.string(p.skipped);
    w.end_object();
  }
  w.end_array();
}

void
write_outputs(util::JsonWriter& w, const BuildReport& r)
{
  w.key("outputs").begin_array();
  for (const auto& o : r.outputs) {
    w.begin_object();
    w.key("path").string(o.path);
    w.key("kind").string(output_kind(o.path, r));
    w.key("bytes").integer(static_cast<long long>(o.bytes));
    w.key("sha256").string(
      file_sha256(r.output_dir / std::filesystem::u8path(o.path)));
    w.key("changed").boolean(o.changed);
    w.end_object();
  }
  w.end_array();
  w.key("removed").begin_array();
  for (const auto& rel : r.removed) {
    w.string(rel);
  }
  w.end_array();
  w.key("cards").begin_array();
  for (const auto& c : r.card_records) {
    w.begin_object();
    w.key("post").string(c.post);
    w.key("path").string(c.path);
    w.key("rendered").boolean(c.rendered);
    w.key("cache_hit").boolean(!c.rendered);
    w.end_object();
  }
  w.end_array();
}

void
write_diagnostics(util::JsonWriter& w, const BuildReport& r)
{
  w.key("diagnostics").begin_array();
  for (const auto& d : r.diagnostics) {
    w.begin_object();
    w.key("file").string(d.path);
    w.key("line").integer(d.line);
    w.key("column").integer(d.column);
    w.key("severity")
      .string(d.severity == util::Severity::error ? "error" : "warning");
    w.key("rule");
    d.rule.empty() ? w.raw("null") : w.string(d.rule);
    w.key("message").string(d.message);
    w.end_object();
  }
  w.end_array();
}

} // namespace

std::string
build_report_json(const BuildReport& r)
{
  util::JsonWriter w(util::JsonWriter::Style::one_member_per_line);
  w.begin_object();
  w.key("ogfeed").string(OGFEED_VERSION);
  w.key("ok").boolean(!util::has_error(r.diagnostics));
  w.key("published")
    .string(r.published == Published::all      ? "all"
            : r.published == Published::partly ? "partly"
                                               : "nothing");
  w.key("up_to_date").boolean(r.up_to_date);
  w.key("posts_read").number(static_cast<double>(r.posts_read));
  w.key("entries_rendered").number(static_cast<double>(r.entries_rendered));
  write_site(w, r);
  write_posts(w, r);
  write_outputs(w, r);
  write_diagnostics(w, r);
  w.key("timings_ms").begin_object();
  for (const auto& [stage, seconds] : r.timings) {
    w.key(stage).number(seconds * 1000.0);
  }
  w.end_object();
  w.end_object();
  return w.str() + "\n";
}

} // namespace ogfeed::site
