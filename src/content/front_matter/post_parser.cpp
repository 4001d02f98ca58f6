#include "content/front_matter/post_parser.hpp"

#include "content/front_matter/front_matter_lenient.hpp"
#include "content/front_matter/post_fields.hpp"
#include "util/hash.hpp"
#include "util/utf8.hpp"

#include <cctype>

namespace ogfeed::content {

namespace {

using namespace detail;

// A post without a date is dated by its file's git history: the commit
// that added it (or its own `updated` time when that is older), and
// (unless the post says) the last commit that changed it. A file git does
// not know yet is dated by its modification time.
void
date_from_history(PostBuilder& b,
                  const PostSource& source,
                  bool draft,
                  DatedFields& fields)
{
  const auto dates =
    source.history ? source.history->dates_of(source.file) : std::nullopt;
  if (dates) {
    // A post updated before git saw it was imported (Qiita CLI pulls every
    // article in one first commit): its own update time is the earliest
    // date known to be true.
    fields.date = fields.updated && *fields.updated < dates->created
                    ? *fields.updated
                    : dates->created;
    if (!fields.updated) {
      fields.updated = dates->modified;
    }
    return;
  }
  std::error_code ec;
  const auto mtime = std::filesystem::last_write_time(source.file, ec);
  if (source.history != nullptr && source.history->available() && !ec) {
    fields.date = std::chrono::time_point_cast<std::chrono::seconds>(
      std::chrono::file_clock::to_sys(mtime));
    if (draft) {
      return; // not published: its date does not show
    }
    b.diagnostics().push_back(util::with_path(
      util::make_warning("no 'date', and git has no commit of this file yet: "
                         "dated by its modification time until it is "
                         "committed",
                         1,
                         1),
      source.display_path));
    return;
  }
  if (fields.updated) {
    fields.date = fields.updated; // its `lastmod`/`updated` is the best known
    return;
  }
  if (!ec && !source.file.empty()) {
    // Hugo and others publish a page without a date: so does ogfeed, with
    // a warning, since its date then changes with every checkout.
    fields.date = std::chrono::time_point_cast<std::chrono::seconds>(
      std::chrono::file_clock::to_sys(mtime));
    if (!draft) {
      b.diagnostics().push_back(util::with_path(
        util::make_warning(
          "no 'date' (nor a YYYY-MM-DD- file name or a git history that has "
          "the file): dated by its modification time, which changes with "
          "every checkout; give it a 'date'",
          1,
          1),
        source.display_path));
    }
    return;
  }
  b.error(util::make_error(
    "missing 'date' in the front matter (or a YYYY-MM-DD- file name, or a "
    "git history that has the file)",
    1,
    1));
}

// Jekyll's title for a post without one (Utils.titleize_slug): its slug
// split at '-', each word capitalized as Ruby's String#capitalize does it
// (the first letter upper case, the rest lower case): "my-first-post" and
// "RWD-things" are "My First Post" and "Rwd Things".
std::string
title_from_name(std::string_view slug)
{
  while (slug.ends_with('-')) {
    slug.remove_suffix(1); // Ruby's split drops the empty words at the end
  }
  std::string title;
  bool word_start = true;
  for (const char c : slug) {
    if (c == '-') {
      title += ' ';
      word_start = true;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    title += static_cast<char>(word_start ? std::toupper(u) : std::tolower(u));
    word_start = false;
  }
  return title;
}

// Checks what a post must have and completes it: its dates. A draft with
// errors is left out, its errors made warnings, unless `broken_drafts` says
// they count.
ParsedPost
finish_post(PostBuilder& b,
            Post&& post,
            DatedFields fields,
            const PostSource& source,
            bool has_front_matter)
{
  ParsedPost result;
  if (!fields.has_title && source.quirks == PostQuirks::read_as_generator) {
    post.title = title_from_name(post.slug);
    b.diagnostics().push_back(util::with_path(
      util::make_warning(
        std::string(has_front_matter ? "no 'title'" : "no front matter")
          + ": the generator publishes it all the same; its "
            "feed entry is titled '"
          + post.title + "' from its file name",
        1,
        1),
      source.display_path));
  } else if (!fields.has_title) {
    b.error(util::make_error("missing 'title' in the front matter", 1, 1));
  }
  if (!fields.date) {
    date_from_history(b, source, post.draft, fields);
  }
  if (post.slug.empty()) {
    b.error(util::make_error(
      "the post has no slug: add 'slug' to the front matter", 1, 1));
  }
  const bool failed = util::has_error(b.diagnostics());
  if (failed && post.draft
      && source.broken_drafts == BrokenDrafts::skip_with_warnings) {
    for (auto& d : b.diagnostics()) {
      if (d.severity == util::Severity::error) {
        d.severity = util::Severity::warning;
        d.message += " (a draft: left out; with --drafts this is an error)";
      }
    }
  } else if (!failed) {
    post.date = *fields.date;
    post.date_offset = fields.date_offset;
    post.updated = fields.updated && *fields.updated > post.date
                     ? *fields.updated
                     : post.date;
    result.post = std::move(post);
  }
  result.diagnostics = std::move(b.diagnostics());
  return result;
}

// Locates the body in the raw bytes: `text` is `raw` itself or its
// normalized copy (no BOM, LF line ends), where lines are the same.
BodySpan
body_span(std::string_view raw, std::string_view text, const FrontMatter& fm)
{
  BodySpan span;
  span.line = fm.body_line;
  span.file_size = raw.size();
  span.file_hash = util::hash64(raw);
  if (text.data() == raw.data()) {
    span.offset = static_cast<std::uint64_t>(fm.body.data() - raw.data());
    return span;
  }
  std::size_t pos = 0;
  for (int line = 1; line < fm.body_line && pos < raw.size(); ++line) {
    const std::size_t nl = raw.find('\n', pos);
    pos = nl == std::string_view::npos ? raw.size() : nl + 1;
  }
  span.offset = pos;
  return span;
}

// `raw` as a post is read: without a BOM or CRs, and without control
// characters (each dropped with a warning); none when it is not UTF-8 (an
// error in `diagnostics`). `normalized` and `cleaned` hold the copies it
// makes, when it makes any.
std::optional<std::string_view>
checked_text(std::string_view raw,
             const PostSource& source,
             std::string& normalized,
             std::string& cleaned,
             util::Diagnostics& diagnostics)
{
  // Most files have no BOM, no CR and no problem: one scan clears them,
  // and they are read in place, without a copy.
  if (!raw.starts_with("\xEF\xBB\xBF") && util::is_plain_text(raw)) {
    return raw;
  }
  std::string_view text = raw;
  if (raw.starts_with("\xEF\xBB\xBF")
      || raw.find('\r') != std::string_view::npos) {
    normalized = normalize_text(raw);
    text = normalized;
  }
  // One scan of the file: most have no problem at all.
  auto problem = util::find_text_problem(text);
  if (problem && problem->kind == util::TextProblem::Kind::forbidden_char) {
    diagnostics.push_back(util::with_path(
      drop_control_chars(text, *problem, cleaned), source.display_path));
    text = cleaned;
    problem = util::find_text_problem(text);
  }
  if (problem) {
    const std::string advice =
      problem->kind == util::TextProblem::Kind::invalid_utf8
        ? encoding_advice(raw, source.display_path)
        : std::string();
    const util::Error e = advice.empty()
                            ? util::text_problem_error(*problem)
                            : util::text_problem_error(*problem, advice);
    diagnostics.push_back(util::with_path(e, source.display_path));
    return std::nullopt;
  }
  return text;
}

// Reads the front matter's fields into `post` with what the file's name
// gives (NameDates): Jekyll's 2019-05-27-slug.md carries a date and slug
// the front matter may override; Hugo's `:filename` date handler, when it
// is reached, gives them as if written; Hexo's slug is the name's whatever
// the front matter says.
void
read_fields_with_name(PostBuilder& b,
                      const util::YamlValue& root,
                      const PostSource& source,
                      const util::TimeZone& zone,
                      Post& post,
                      DatedFields& fields)
{
  std::string_view name_slug = source.name;
  std::optional<util::UtcSeconds> name_date;
  if (source.name_dates != NameDates::ignored) {
    if (auto d = parse_file_name_date(source.name, zone, name_slug)) {
      name_date = *d;
    } else {
      name_slug = source.name;
    }
  }
  post.slug = std::string(source.name);
  if (source.name_dates == NameDates::fallback) {
    post.slug = std::string(name_slug);
    fields.date = name_date;
  }
  const std::string named_slug = post.slug;
  read_fields(b, root, post, fields);
  if (source.name_is_slug) {
    post.slug = named_slug;
    post.slug_given = false;
  }
  if (name_date
      && (source.name_dates == NameDates::first
          || (source.name_dates == NameDates::after && !fields.date))) {
    fields.date = name_date;
    if (!post.slug_given) {
      post.slug = std::string(name_slug);
      post.slug_given = true;
    }
  }
}

} // namespace

ParsedPost
parse_post(std::string_view raw,
           const PostSource& source,
           const util::TimeZone& zone)
{
  ParsedPost result;
  std::string normalized;
  std::string cleaned;
  const auto checked =
    checked_text(raw, source, normalized, cleaned, result.diagnostics);
  if (!checked) {
    return result;
  }
  const std::string_view text = *checked;
  const bool lenient = source.quirks == PostQuirks::read_as_generator;
  auto fm =
    split_front_matter(text, lenient ? Opening::optional : Opening::required);
  if (!fm) {
    result.diagnostics.push_back(
      util::with_path(fm.error(), source.display_path));
    return result;
  }
  auto root = parse_front_matter_leniently(*fm, result.diagnostics);
  for (auto& d : result.diagnostics) {
    if (d.path.empty()) {
      d = util::with_path(std::move(d), source.display_path);
    }
  }
  if (!root) {
    result.diagnostics.push_back(
      util::with_path(root.error(), source.display_path));
    return result;
  }
  PostBuilder b(source, zone, fm->data, fm->data_line);
  b.diagnostics() = std::move(result.diagnostics);
  if (root->kind != util::YamlValue::Kind::map) {
    b.error(util::make_error(
      "front matter must be a map of 'key: value' lines", fm->data_line, 1));
    result.diagnostics = std::move(b.diagnostics());
    return result;
  }

  Post post;
  post.shown_path = source.display_path;
  post.file = source.file;
  if (source.keep_body == KeepBody::yes) {
    post.body = std::string(fm->body);
  }
  post.body_span = body_span(raw, text, *fm);

  post.file_name = source.name;
  post.folder = source.folder;
  DatedFields fields;
  read_fields_with_name(b, *root, source, zone, post, fields);

  return finish_post(b,
                     std::move(post),
                     std::move(fields),
                     source,
                     fm->format != FrontMatterFormat::none);
}

} // namespace ogfeed::content
