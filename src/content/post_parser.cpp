#include "content/post_parser.hpp"

#include "content/date_parser.hpp"
#include "content/front_matter.hpp"
#include "content/front_matter_keys.hpp"
#include "content/js_front_matter.hpp"
#include "content/toml_value.hpp"
#include "content/yaml_value.hpp"
#include "util/encoding_guess.hpp"
#include "util/hash.hpp"
#include "util/language_tag.hpp"
#include "util/split.hpp"
#include "util/url.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <map>
#include <regex>

namespace ogfeed::content {

namespace {

class PostBuilder
{
public:
  PostBuilder(const PostSource& source,
              const util::TimeZone& zone,
              std::string_view yaml,
              int yaml_line)
    : m_source(source),
      m_zone(zone),
      m_yaml(yaml),
      m_yaml_line(yaml_line)
  {
  }

  util::Diagnostics&
  diagnostics()
  {
    return m_diagnostics;
  }

  void
  error(const util::Error& e)
  {
    m_diagnostics.push_back(util::with_path(e, m_source.display_path));
  }

  void
  error_at(const YamlValue& v, std::string message)
  {
    error(util::make_error(std::move(message), v.line, v.column));
  }

  void
  warn_at(const YamlValue& v, std::string message)
  {
    m_diagnostics.push_back(
      util::with_path(util::make_warning(std::move(message), v.line, v.column),
                      m_source.display_path));
  }

  // True when `text`, the value of `what`, may be a link in a feed (http,
  // https or relative); otherwise an error at the value: a javascript:,
  // data: or vbscript: link would run on the page of whoever clicks it.
  bool
  web_reference(const YamlValue& v,
                std::string_view what,
                const std::string& text)
  {
    if (util::is_web_reference(text)) {
      return true;
    }
    error_at(v,
             "'" + std::string(what)
               + "' must be an http(s) URL or a path, got \"" + text + "\"");
    return false;
  }

  // Returns a field's text without characters XML forbids (a double-quoted
  // "\x01" gets past the file check), warning about them.
  std::optional<std::string>
  text(const YamlValue& v, std::string_view what)
  {
    auto s = as_string(v, what);
    if (!s) {
      error(s.error());
      return std::nullopt;
    }
    return clean(v, what, std::move(*s));
  }

  std::optional<std::vector<std::string>>
  list(const YamlValue& v, std::string_view what)
  {
    auto items = as_string_list(v, what);
    if (!items) {
      error(items.error());
      return std::nullopt;
    }
    for (auto& item : *items) {
      item = clean(v, what, std::move(item));
    }
    if (v.kind == YamlValue::Kind::sequence) {
      for (const auto& item : v.items) {
        warn_if_cut(item, what);
      }
    } else {
      warn_if_cut(v, what);
    }
    return std::move(*items);
  }

  std::optional<util::UtcSeconds>
  date(const YamlValue& v, std::string_view what)
  {
    const auto s = text(v, what);
    if (!s) {
      return std::nullopt;
    }
    auto t = parse_date(*s, m_zone);
    if (!t) {
      error_at(v, "'" + std::string(what) + "' " + t.error().message);
      return std::nullopt;
    }
    return *t;
  }

  // Returns free text (a title, a summary): like text(), and warns when a
  // YAML comment cut it short.
  std::optional<std::string>
  prose(const YamlValue& v, std::string_view what)
  {
    auto s = text(v, what);
    if (s) {
      warn_if_cut(v, what);
    }
    return s;
  }

private:
  std::string
  clean(const YamlValue& v, std::string_view what, std::string s)
  {
    const auto p = util::find_text_problem(s);
    if (!p) {
      return s;
    }
    std::size_t dropped = 0;
    warn_at(v,
            "'" + std::string(what) + "' has a control character "
              + util::code_point_name(p->c) + "; it is dropped");
    return util::drop_forbidden_chars(s, dropped);
  }

  // YAML reads " #" and the rest of the line as a comment, so an unquoted
  // `description: Kansai #3 に...` silently becomes "Kansai".
  void
  warn_if_cut(const YamlValue& v, std::string_view what)
  {
    if (!v.plain || v.kind != YamlValue::Kind::scalar || v.scalar.empty()
        || v.scalar.find('\n') != std::string::npos) {
      return;
    }
    const std::string_view line = source_line(m_yaml, m_yaml_line, v.line);
    const std::size_t start = line.find(v.scalar);
    if (start == std::string_view::npos) {
      return;
    }
    const std::string_view rest = line.substr(start + v.scalar.size());
    const std::size_t hash = rest.find('#');
    if (hash == std::string_view::npos || hash == 0
        || rest.find_first_not_of(" \t") != hash) {
      return;
    }
    const int column = util::column_of(line, start + v.scalar.size() + hash);
    m_diagnostics.push_back(util::with_path(
      util::make_warning(
        "'" + std::string(what)
          + "' is cut short at ' #': YAML "
            "reads the rest of the line as a comment; quote the "
            "value to keep it",
        v.line,
        column),
      m_source.display_path));
  }

  const PostSource& m_source;
  const util::TimeZone& m_zone;
  std::string_view m_yaml;
  int m_yaml_line;
  util::Diagnostics m_diagnostics;
};

std::string
param_text(const YamlValue& v)
{
  switch (v.kind) {
  case YamlValue::Kind::scalar:
    return v.scalar;
  case YamlValue::Kind::sequence: {
    std::string out;
    for (const auto& item : v.items) {
      if (item.kind == YamlValue::Kind::scalar) {
        out += (out.empty() ? "" : ", ") + item.scalar;
      }
    }
    return out;
  }
  default:
    return {};
  }
}

// `author: Name` or `author: {name, email, uri, avatar}`.
void
read_author(PostBuilder& b, const YamlValue& value, Person& author)
{
  if (value.kind == YamlValue::Kind::map) {
    for (const auto& [ak, av] : value.entries) {
      const std::string what = "author." + ak.scalar;
      auto s = b.text(av, what);
      if (!s) {
        continue;
      }
      if (ak.scalar == "name") {
        author.name = *s;
      } else if (ak.scalar == "email") {
        author.email = *s;
      } else if ((ak.scalar == "uri" || ak.scalar == "url")
                 && b.web_reference(av, what, *s)) {
        author.uri = *s;
      } else if (ak.scalar == "avatar") {
        author.avatar = *s;
      }
    }
  } else if (auto s = b.prose(value, "author")) {
    author.name = *s;
  }
}

// What the keys of one post decide together.
struct DatedFields
{
  bool has_title = false;
  std::optional<util::UtcSeconds> date;
  std::optional<util::UtcSeconds> updated;
};

// The value each field takes: the best-ranked of the keys that name it.
struct Chosen
{
  const YamlValue* key = nullptr;
  const YamlValue* value = nullptr;
  int rank = 0;
};

// A string, or a map's first string under one of `keys` (`cover: {image:
// ...}`), for images.
const YamlValue*
image_value(const YamlValue& v)
{
  if (v.kind != YamlValue::Kind::map) {
    return &v;
  }
  for (const char* k : {"image", "src", "url", "path"}) {
    for (const auto& [mk, mv] : v.entries) {
      if (mk.scalar == k && mv.kind == YamlValue::Kind::scalar) {
        return &mv;
      }
    }
  }
  return nullptr;
}

// A flag that, when it reads `draft_when`, makes the post a draft.
void
read_draft_flag(PostBuilder& b,
                const YamlValue& key,
                const YamlValue& value,
                bool draft_when,
                Post& post)
{
  if (value.kind == YamlValue::Kind::null) {
    return;
  }
  auto on = as_bool(value, key.scalar);
  if (!on) {
    b.error(on.error());
  } else if (*on == draft_when) {
    post.draft = true;
  }
}

// Keeps the first k_max_terms tags or categories of a post, with a warning
// past them: each one is a feed that carries the post with all its terms,
// so thousands in one post would make output grow with their square.
void
cap_terms(PostBuilder& b,
          const YamlValue& value,
          const std::string& key,
          std::vector<std::string>& items)
{
  if (items.size() > k_max_terms) {
    b.warn_at(value,
              "'" + key + "' has " + std::to_string(items.size())
                + " entries; only the first " + std::to_string(k_max_terms)
                + " are used (each has a feed that carries every term of its "
                  "posts)");
    items.resize(k_max_terms);
  }
}

// Lists, the author, the image and a per-post permalink.
void
read_list_or_link(PostBuilder& b, Field field, const Chosen& c, Post& post)
{
  const YamlValue& value = *c.value;
  const std::string& k = c.key->scalar;
  switch (field) {
  case Field::categories:
    if (auto items = b.list(value, k)) {
      cap_terms(b, value, k, *items);
      for (auto& item : *items) {
        if (std::find(post.categories.begin(), post.categories.end(), item)
            == post.categories.end()) {
          post.categories.push_back(std::move(item));
        }
      }
    }
    break;
  case Field::tags:
    if (auto items = b.list(value, k)) {
      cap_terms(b, value, k, *items);
      post.tags = std::move(*items);
    }
    break;
  case Field::author:
    read_author(b, value, post.author);
    break;
  case Field::image:
    if (const YamlValue* v = image_value(value)) {
      if (auto s = b.text(*v, k); s && b.web_reference(*v, k, *s)) {
        post.image = *s;
      }
    }
    break;
  case Field::permalink:
    if (auto s = b.text(value, k); s && !s->empty()) {
      if (s->find("{{") != std::string::npos
          || s->find("{%") != std::string::npos) {
        b.warn_at(value,
                  "'" + k
                    + "' is a template ogfeed does not run; the site's "
                      "permalink pattern is used");
      } else if (b.web_reference(value, k, *s)) {
        post.permalink_override = *s;
      }
    }
    break;
  default:
    break;
  }
}

// A date key left empty (`updated_at: ''`, `date:`) names no date.
bool
no_date(const YamlValue& v)
{
  return v.kind == YamlValue::Kind::null
         || (v.kind == YamlValue::Kind::scalar && v.scalar.empty());
}

// Applies the value chosen for one field to the post; reports bad values
// through `b`.
void
read_field(
  PostBuilder& b, Field field, const Chosen& c, Post& post, DatedFields& fields)
{
  const YamlValue& value = *c.value;
  const std::string& k = c.key->scalar;
  switch (field) {
  case Field::title:
    fields.has_title = true;
    post.title_line = value.line;
    post.title_column = value.column;
    if (auto s = b.prose(value, k)) {
      post.title = *s;
      if (s->empty()) {
        b.error_at(value, "'" + k + "' must not be empty");
      }
    }
    break;
  case Field::date:
    if (no_date(value)) {
      return; // Qiita CLI writes '' until the post is on Qiita
    }
    fields.date = b.date(value, k);
    if (!fields.date) {
      fields.date = util::UtcSeconds{}; // reported; keep going for more errors
    }
    break;
  case Field::updated:
    if (!no_date(value)) {
      fields.updated = b.date(value, k);
    }
    break;
  case Field::publish_date:
  case Field::expiry_date:
    if (!no_date(value)) {
      const auto t = b.date(value, k);
      (field == Field::publish_date ? post.publish_date : post.expiry_date) = t;
    }
    break;
  case Field::draft:
  case Field::unlisted:
    read_draft_flag(b, *c.key, value, true, post);
    break;
  case Field::published:
    if (value.kind == YamlValue::Kind::scalar && as_bool(value, k)) {
      read_draft_flag(b, *c.key, value, false, post);
    } else if (!fields.date && value.kind != YamlValue::Kind::null) {
      fields.date = b.date(value, k); // Eleventy-style `published: 2024-...`
    }
    break;
  case Field::description:
    if (auto s = b.prose(value, k)) {
      post.description = *s;
    }
    break;
  case Field::slug:
    if (auto s = b.text(value, k); s && !s->empty()) {
      if (*s == "." || *s == "..") {
        b.error_at(value, "'" + k + "' must be a name, got \"" + *s + "\"");
      }
      post.slug = *s;
      post.slug_given = true;
    }
    break;
  case Field::categories:
  case Field::tags:
  case Field::author:
  case Field::image:
  case Field::permalink:
    read_list_or_link(b, field, c, post);
    break;
  case Field::language:
    if (auto s = b.text(value, k); s && !s->empty()) {
      if (util::is_language_tag(*s)) {
        post.language = *s;
      } else {
        b.warn_at(value,
                  "'" + k + "' \"" + *s
                    + "\" is not a language tag such as ja or en; the site's "
                      "language is used");
      }
    }
    break;
  }
}
// Reads every key of the front matter: for each field the best-ranked key
// that names it (`date` over `pubDate`, `description` over `summary`),
// every category key, and other keys as template parameters.
void
read_fields(PostBuilder& b,
            const YamlValue& root,
            Post& post,
            DatedFields& fields)
{
  std::map<Field, Chosen> chosen;
  std::vector<Chosen> categories;
  for (const auto& [key, value] : root.entries) {
    const auto meaning = key_meaning(key.scalar);
    if (!meaning) {
      if (key.kind == YamlValue::Kind::scalar
          && value.kind == YamlValue::Kind::map) {
        // `card: {emoji: 🐳}` as "card.emoji".
        for (const auto& [sub, sv] : value.entries) {
          if (sub.kind == YamlValue::Kind::scalar) {
            post.params[key.scalar + "." + sub.scalar] =
              util::replace_non_xml_chars(param_text(sv));
          }
        }
      } else if (key.kind == YamlValue::Kind::scalar) {
        post.params[key.scalar] =
          util::replace_non_xml_chars(param_text(value));
      }
      continue;
    }
    const Chosen c{&key, &value, meaning->rank};
    if (meaning->field == Field::categories) {
      categories.push_back(c);
      continue;
    }
    const auto it = chosen.find(meaning->field);
    if (it == chosen.end() || c.rank < it->second.rank) {
      chosen[meaning->field] = c;
    }
  }
  for (const auto& [field, c] : chosen) {
    read_field(b, field, c, post, fields);
  }
  for (const Chosen& c : categories) {
    read_field(b, Field::categories, c, post, fields);
  }
  // Hugo's publishDate is the date when there is no other.
  if (!fields.date && post.publish_date) {
    fields.date = post.publish_date;
  }
}

// Parses the front matter in its language. JSON goes to yaml-cpp (YAML
// 1.2 reads JSON), never the YAML fast path.
util::Expected<YamlValue>
parse_front_matter_data(const FrontMatter& fm)
{
  switch (fm.format) {
  case FrontMatterFormat::yaml:
    return parse_yaml(fm.data, fm.data_line);
  case FrontMatterFormat::json:
    return parse_yaml_cpp(fm.data, fm.data_line);
  case FrontMatterFormat::toml:
    return parse_toml(fm.data, fm.data_line);
  case FrontMatterFormat::javascript:
    break;
  }
  return parse_js_front_matter(fm.data, fm.data_line);
}

// What a file that is not UTF-8 looks like, and the command that converts
// it ("" when it looks like nothing known).
std::string
encoding_advice(std::string_view raw, const std::string& path)
{
  const auto encoding = util::guess_encoding(raw);
  if (!encoding) {
    return {};
  }
  const std::string name = *encoding == "CP932" ? "Shift_JIS" : *encoding;
  return "the file looks like " + name + "; convert it to UTF-8 with `iconv -f "
         + *encoding + " -t UTF-8 '" + path + "' > converted.md && mv "
         + "converted.md '" + path + "'`";
}

// Rewrites `key: text: more` (a top-level line whose plain value holds
// ": ", which YAML refuses) as `key: "text: more"`; false for any other line.
bool
quote_plain_value(std::string& line)
{
  static const std::regex plain(
    R"(^([A-Za-z_][A-Za-z0-9_-]*):[ \t]+([^'"\[\{|>&*!#%@`\s].*: .*?)\s*$)");
  std::smatch m;
  if (!std::regex_match(line, m, plain)) {
    return false;
  }
  std::string value;
  for (const char c : m[2].str()) {
    if (c == '"' || c == '\\') {
      value += '\\';
    }
    value += c;
  }
  line = m[1].str() + ": \"" + value + "\"";
  return true;
}

// Parses front matter; YAML that fails only because a plain value holds
// ": " (`title: Tips: vim`, which Jekyll's own parser also refuses, losing
// the post's title) is read as the text it plainly is, with a warning at
// each such line.
util::Expected<YamlValue>
parse_front_matter_leniently(const FrontMatter& fm, util::Diagnostics& notes)
{
  auto root = parse_front_matter_data(fm);
  if (root || fm.format != FrontMatterFormat::yaml) {
    return root;
  }
  const util::Error first = root.error();
  std::vector<std::string> lines;
  for (const std::string_view l : util::split(fm.data, '\n')) {
    lines.emplace_back(l);
  }
  util::Diagnostics fixed;
  for (int attempt = 0; attempt < 32 && !root; ++attempt) {
    const int index = root.error().line - fm.data_line;
    if (index < 0 || index >= static_cast<int>(lines.size())
        || !quote_plain_value(lines[static_cast<std::size_t>(index)])) {
      return tl::unexpected(first);
    }
    fixed.push_back(util::make_warning(
      "': ' inside an unquoted value; read as text (quote the value so "
      "every YAML reader agrees)",
      root.error().line,
      root.error().column));
    std::string data;
    for (const auto& l : lines) {
      data += l + "\n";
    }
    root = parse_yaml(data, fm.data_line);
  }
  if (!root) {
    return tl::unexpected(first);
  }
  notes.insert(notes.end(), fixed.begin(), fixed.end());
  return root;
}

// Stray control characters (U+0008 from a copy and paste) are harmless:
// `cleaned` gets `text` without them, and the warning for `first` (the first
// of them) comes back.
util::Diagnostic
drop_control_chars(std::string_view text,
                   const util::TextProblem& first,
                   std::string& cleaned)
{
  std::size_t dropped = 0;
  cleaned = util::drop_forbidden_chars(text, dropped);
  return util::make_warning(
    "control character " + util::code_point_name(first.c)
      + " dropped: XML forbids it"
      + (dropped > 1
           ? " (" + std::to_string(dropped - 1) + " more in this file)"
           : std::string()),
    first.line,
    first.column);
}

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

// Checks what a post must have and completes it: its dates. A draft with
// errors is left out, its errors made warnings, unless `broken_drafts` says
// they count.
ParsedPost
finish_post(PostBuilder& b,
            Post post,
            DatedFields fields,
            const PostSource& source)
{
  ParsedPost result;
  if (!fields.has_title) {
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

} // namespace

ParsedPost
parse_post(std::string_view raw,
           const PostSource& source,
           const util::TimeZone& zone)
{
  ParsedPost result;
  // Most files have no BOM and no CR: read them in place, without a copy.
  std::string normalized;
  std::string_view text = raw;
  if (raw.starts_with("\xEF\xBB\xBF")
      || raw.find('\r') != std::string_view::npos) {
    normalized = normalize_text(raw);
    text = normalized;
  }
  // One scan of the file: most have no problem at all.
  std::string cleaned;
  auto problem = util::find_text_problem(text);
  if (problem && problem->kind == util::TextProblem::Kind::forbidden_char) {
    result.diagnostics.push_back(util::with_path(
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
    result.diagnostics.push_back(util::with_path(e, source.display_path));
    return result;
  }
  auto fm = split_front_matter(text);
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
  if (root->kind != YamlValue::Kind::map) {
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

  // Jekyll names carry the date: 2019-05-27-slug.md.
  std::string_view name_slug = source.name;
  std::optional<util::UtcSeconds> name_date;
  if (auto d = parse_file_name_date(source.name, zone, name_slug); d) {
    name_date = *d;
  } else {
    name_slug = source.name;
  }
  post.slug = std::string(name_slug);
  post.file_name = source.name;
  post.folder = source.folder;

  DatedFields fields;
  fields.date = name_date;
  read_fields(b, *root, post, fields);

  return finish_post(b, std::move(post), std::move(fields), source);
}

} // namespace ogfeed::content
