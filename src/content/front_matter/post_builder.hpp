#pragma once

// Collects what parsing one post finds: the post's source and zone, and
// its diagnostics at their front-matter positions. Internal to src/content.

#include "content/front_matter/date_parser.hpp"
#include "content/front_matter/post_parser.hpp"
#include "util/error.hpp"
#include "util/time_zone.hpp"
#include "util/url.hpp"
#include "util/utf8.hpp"
#include "util/yaml_value.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace ogfeed::content::detail {

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

  // A quirk the generator reads anyway (PostQuirks): an error on ogfeed's
  // own site; on a generator's, a warning that says how it is read.
  void
  quirk(const util::Error& e, std::string_view reading)
  {
    if (m_source.quirks == PostQuirks::are_errors) {
      error(e);
      return;
    }
    util::Diagnostic d = util::make_warning(
      e.message + "; read as the generator reads it: " + std::string(reading),
      e.line,
      e.column);
    m_diagnostics.push_back(
      util::with_path(std::move(d), m_source.display_path));
  }

  void
  error_at(const util::YamlValue& v, std::string message)
  {
    error(util::make_error(std::move(message), v.line, v.column));
  }

  void
  warn_at(const util::YamlValue& v, std::string message)
  {
    m_diagnostics.push_back(
      util::with_path(util::make_warning(std::move(message), v.line, v.column),
                      m_source.display_path));
  }

  // True when `text`, the value of `what`, may be a link in a feed (http,
  // https or relative); otherwise an error at the value: a javascript:,
  // data: or vbscript: link would run on the page of whoever clicks it.
  bool
  web_reference(const util::YamlValue& v,
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
  text(const util::YamlValue& v, std::string_view what)
  {
    auto s = as_string(v, what);
    if (!s) {
      error(s.error());
      return std::nullopt;
    }
    return clean(v, what, std::move(*s));
  }

  std::optional<std::vector<std::string>>
  list(const util::YamlValue& v, std::string_view what)
  {
    auto items = as_string_list(v, what);
    if (!items) {
      error(items.error());
      return std::nullopt;
    }
    // The items of a list the simple parser read are as the file has them.
    const bool verbatim =
      v.kind == util::YamlValue::Kind::sequence
        ? std::all_of(v.items.begin(),
                      v.items.end(),
                      [](const util::YamlValue& item) {
                        return item.verbatim
                               || item.kind == util::YamlValue::Kind::null;
                      })
        : v.verbatim;
    if (!verbatim) {
      for (auto& item : *items) {
        item = clean(v, what, std::move(item));
      }
    }
    if (v.kind == util::YamlValue::Kind::sequence) {
      for (const auto& item : v.items) {
        warn_if_cut(item, what);
      }
    } else {
      warn_if_cut(v, what);
    }
    return std::move(*items);
  }

  // `written_offset`, when given, gets the offset the date was written
  // with, if any.
  std::optional<util::UtcSeconds>
  date(const util::YamlValue& v,
       std::string_view what,
       std::optional<int>* written_offset = nullptr)
  {
    auto t = read_date(v, what, written_offset);
    if (!t) {
      error(t.error());
      return std::nullopt;
    }
    return *t;
  }

  // A date a post can go without (its update time): like date(), but on a
  // generator's site a value that is no date is a warning and left out (the
  // generator builds the page all the same: Eleventy's `updated: ['']`).
  // `reading` says what the post is without it ("no update time").
  std::optional<util::UtcSeconds>
  optional_date(const util::YamlValue& v,
                std::string_view what,
                std::string_view reading,
                std::optional<int>* written_offset = nullptr)
  {
    auto t = read_date(v, what, written_offset);
    if (!t) {
      quirk(t.error(), reading); // an error on ogfeed's own site
      return std::nullopt;
    }
    return *t;
  }

  // True on a generator's site, whose quirks are warnings (PostQuirks).
  bool
  reads_as_generator() const
  {
    return m_source.quirks == PostQuirks::read_as_generator;
  }

  // Returns free text (a title, a summary): like text(), and warns when a
  // YAML comment cut it short.
  std::optional<std::string>
  prose(const util::YamlValue& v, std::string_view what)
  {
    auto s = text(v, what);
    if (s) {
      warn_if_cut(v, what);
    }
    return s;
  }

private:
  // The date `v` holds, or the error (at `v`) that says why it holds none.
  util::Expected<util::UtcSeconds>
  read_date(const util::YamlValue& v,
            std::string_view what,
            std::optional<int>* written_offset)
  {
    auto s = as_string(v, what);
    if (!s) {
      return tl::unexpected(s.error());
    }
    auto t = parse_date(clean(v, what, std::move(*s)), m_zone, written_offset);
    if (!t) {
      return tl::unexpected(util::make_error(
        "'" + std::string(what) + "' " + t.error().message, v.line, v.column));
    }
    return t;
  }

  std::string
  clean(const util::YamlValue& v, std::string_view what, std::string s)
  {
    if (v.verbatim) {
      return s; // as the checked file has it
    }
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
  warn_if_cut(const util::YamlValue& v, std::string_view what)
  {
    if (!v.plain || v.no_comment_after
        || v.kind != util::YamlValue::Kind::scalar || v.scalar.empty()
        || v.scalar.find('\n') != std::string::npos) {
      return;
    }
    const std::string_view line =
      util::source_line(m_yaml, m_yaml_line, v.line);
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

} // namespace ogfeed::content::detail
