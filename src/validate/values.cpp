#include "validate/values.hpp"

#include "util/ascii.hpp"
#include "util/time_zone.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>

namespace ogfeed::validate {

namespace {

bool
digits(std::string_view s, std::size_t at, std::size_t n)
{
  if (at + n > s.size()) {
    return false;
  }
  for (std::size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
      return false;
    }
  }
  return true;
}

int
number(std::string_view s, std::size_t at, std::size_t n)
{
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool
iequals(std::string_view a, std::string_view b)
{
  return a.size() == b.size()
         && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
              return std::tolower(static_cast<unsigned char>(x))
                     == std::tolower(static_cast<unsigned char>(y));
            });
}

} // namespace

bool
is_rfc3339(std::string_view s, util::UtcSeconds* time)
{
  // YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)
  if (!digits(s, 0, 4) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2)
      || s[7] != '-' || !digits(s, 8, 2) || s[10] != 'T' || !digits(s, 11, 2)
      || s[13] != ':' || !digits(s, 14, 2) || s[16] != ':'
      || !digits(s, 17, 2)) {
    return false;
  }
  const int y = number(s, 0, 4);
  const int mo = number(s, 5, 2);
  const int d = number(s, 8, 2);
  if (mo < 1 || mo > 12 || !util::is_valid_day(y, mo, d)
      || number(s, 11, 2) > 23 || number(s, 14, 2) > 59
      || number(s, 17, 2) > 60) {
    return false;
  }
  std::size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      ++i;
    }
    if (i == start) {
      return false;
    }
  }
  int offset = 0;
  if (i < s.size() && s[i] == 'Z') {
    if (i + 1 != s.size()) {
      return false;
    }
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (!(i + 6 == s.size() && digits(s, i + 1, 2) && s[i + 3] == ':'
          && digits(s, i + 4, 2) && number(s, i + 1, 2) <= 23
          && number(s, i + 4, 2) <= 59)) {
      return false;
    }
    offset = (number(s, i + 1, 2) * 3600 + number(s, i + 4, 2) * 60)
             * (s[i] == '-' ? -1 : 1);
  } else {
    return false;
  }
  if (time != nullptr) {
    *time = util::to_utc_fixed(util::CivilTime{y,
                                               mo,
                                               d,
                                               number(s, 11, 2),
                                               number(s, 14, 2),
                                               std::min(59, number(s, 17, 2))},
                               offset);
  }
  return true;
}

namespace {

// RFC 2822 allows comments (nested parentheses, backslash escapes) and
// folding white space anywhere between tokens, and names in any case:
// reduce a date to its plain form, "Thu, 09 Feb 2006 23:59:45 +0000".
std::string
normalize_rfc822(std::string_view in)
{
  std::string out;
  int depth = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (depth > 0) {
      if (c == '\\') {
        ++i;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        --depth;
      }
      continue;
    }
    if (c == '(') {
      // A comment separates tokens like white space does.
      depth = 1;
      if (!out.empty() && out.back() != ' ') {
        out += ' ';
      }
      continue;
    }
    const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (space) {
      if (!out.empty() && out.back() != ' ') {
        out += ' ';
      }
      continue;
    }
    if (c == ',' && !out.empty() && out.back() == ' ') {
      out.pop_back();
    }
    out += c;
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  // Title-case words: "tHu" -> "Thu", "pDt" -> "PDT" handled below.
  std::string fixed;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const bool word_start =
      i == 0 || !std::isalpha(static_cast<unsigned char>(out[i - 1]));
    const auto c = static_cast<unsigned char>(out[i]);
    fixed += static_cast<char>(word_start ? std::toupper(c) : std::tolower(c));
  }
  // Zone names are all capitals.
  const std::size_t last = fixed.rfind(' ');
  if (last != std::string::npos) {
    for (std::size_t i = last + 1; i < fixed.size(); ++i) {
      fixed[i] =
        static_cast<char>(std::toupper(static_cast<unsigned char>(fixed[i])));
    }
  }
  return fixed;
}

} // namespace

namespace {

// The offset in seconds of an RFC 822 zone: +0900, GMT, UT, Z, the US
// names, or a military letter (taken as UTC); nullopt for anything else.
std::optional<int>
rfc822_zone_offset(std::string_view zone)
{
  static constexpr std::array<std::pair<std::string_view, int>, 11> k_named = {
    {{"GMT", 0},
     {"UT", 0},
     {"Z", 0},
     {"EST", -5},
     {"EDT", -4},
     {"CST", -6},
     {"CDT", -5},
     {"MST", -7},
     {"MDT", -6},
     {"PST", -8},
     {"PDT", -7}}};
  for (const auto& [name, hours] : k_named) {
    if (zone == name) {
      return hours * 3600;
    }
  }
  if (zone.size() == 1 && std::isalpha(static_cast<unsigned char>(zone[0]))) {
    return 0;
  }
  if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-')
      && digits(zone, 1, 4) && number(zone, 1, 2) <= 23
      && number(zone, 3, 2) <= 59) {
    return (number(zone, 1, 2) * 3600 + number(zone, 3, 2) * 60)
           * (zone[0] == '-' ? -1 : 1);
  }
  return std::nullopt;
}

// Zones feeds write that RFC 822 does not name, with their offsets.
constexpr std::array<std::pair<std::string_view, int>, 4> k_other_zones = {
  {{"UTC", 0}, {"JST", 9 * 3600}, {"KST", 9 * 3600}, {"CET", 3600}}};

std::optional<int>
other_zone_offset(std::string_view zone)
{
  for (const auto& [name, offset] : k_other_zones) {
    if (zone == name) {
      return offset;
    }
  }
  return std::nullopt;
}

bool
is_zone_name(std::string_view zone)
{
  return zone.size() >= 2 && zone.size() <= 5
         && std::all_of(zone.begin(), zone.end(), [](char c) {
              return std::isalpha(static_cast<unsigned char>(c)) != 0;
            });
}

} // namespace

std::pair<std::string, std::string>
rfc822_zone_fix(std::string_view raw)
{
  const std::string normalized = normalize_rfc822(raw);
  const std::size_t last = normalized.rfind(' ');
  const std::string zone =
    last == std::string::npos ? normalized : normalized.substr(last + 1);
  const std::optional<int> offset = other_zone_offset(zone);
  if (!offset) {
    return {zone, {}};
  }
  const int minutes = *offset / 60;
  return {zone,
          fmt::format("{}{:02}{:02}",
                      minutes < 0 ? '-' : '+',
                      std::abs(minutes) / 60,
                      std::abs(minutes) % 60)};
}

Rfc822
check_rfc822(std::string_view raw, util::UtcSeconds* time)
{
  const std::string normalized = normalize_rfc822(raw);
  std::string_view s = normalized;
  s = util::trim_xml_space(s);
  int day_name = -1;
  if (s.size() > 4 && s[3] == ',') {
    // "Thu,09 Feb": the space after the comma is optional.
    for (int i = 0; i < 7; ++i) {
      if (s.substr(0, 3) == util::weekday_abbreviation(i)) {
        day_name = i;
      }
    }
    if (day_name < 0) {
      return Rfc822::invalid;
    }
    s.remove_prefix(4);
    s = util::trim_xml_space(s);
  }
  // D[D] Mon YYYY HH:MM[:SS] zone
  std::size_t i = 0;
  const std::size_t dstart = i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
    ++i;
  }
  if (i == dstart || i - dstart > 2 || i >= s.size() || s[i] != ' ') {
    return Rfc822::invalid;
  }
  const int d = number(s, dstart, i - dstart);
  ++i;
  int mo = -1;
  for (int k = 1; k <= 12; ++k) {
    if (s.substr(i, 3) == util::month_abbreviation(k)) {
      mo = k;
    }
  }
  if (mo < 0 || i + 3 >= s.size() || s[i + 3] != ' ') {
    return Rfc822::invalid;
  }
  i += 4;
  const std::size_t ystart = i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
    ++i;
  }
  const std::size_t ylen = i - ystart;
  if ((ylen != 2 && ylen != 4) || i >= s.size() || s[i] != ' ') {
    return Rfc822::invalid;
  }
  int y = number(s, ystart, ylen);
  ++i;
  if (!digits(s, i, 2) || i + 2 >= s.size() || s[i + 2] != ':'
      || !digits(s, i + 3, 2)) {
    return Rfc822::invalid;
  }
  const int hh = number(s, i, 2);
  const int mm = number(s, i + 3, 2);
  int ss = 0;
  i += 5;
  if (i < s.size() && s[i] == ':') {
    if (!digits(s, i + 1, 2)) {
      return Rfc822::invalid;
    }
    ss = number(s, i + 1, 2);
    i += 3;
  }
  if (i >= s.size() || s[i] != ' ') {
    return Rfc822::invalid;
  }
  const std::string_view zone = s.substr(i + 1);
  std::optional<int> offset = rfc822_zone_offset(zone);
  bool other_zone = false;
  if (!offset) {
    if (!is_zone_name(zone)) {
      return Rfc822::invalid;
    }
    other_zone = true;
    offset = other_zone_offset(zone);
  }
  if (ylen == 2) {
    y += y < 50 ? 2000 : 1900;
  }
  if (!util::is_valid_day(y, mo, d) || hh > 23 || mm > 59 || ss > 60) {
    return Rfc822::invalid;
  }
  if (time != nullptr && offset) {
    *time = util::to_utc_fixed(
      util::CivilTime{y, mo, d, hh, mm, std::min(59, ss)}, *offset);
  }
  if (other_zone) {
    return Rfc822::zone;
  }
  if (day_name >= 0 && util::weekday_of(y, mo, d) != day_name) {
    return Rfc822::wrong_weekday;
  }
  return ylen == 2 ? Rfc822::short_year : Rfc822::valid;
}

bool
is_w3cdtf(std::string_view s)
{
  if (s.size() == 4) {
    return digits(s, 0, 4);
  }
  if (s.size() == 7) {
    return digits(s, 0, 4) && s[4] == '-' && digits(s, 5, 2)
           && number(s, 5, 2) >= 1 && number(s, 5, 2) <= 12;
  }
  const bool date =
    s.size() >= 10 && digits(s, 0, 4) && s[4] == '-' && digits(s, 5, 2)
    && s[7] == '-' && digits(s, 8, 2)
    && util::is_valid_day(number(s, 0, 4), number(s, 5, 2), number(s, 8, 2));
  if (s.size() == 10) {
    return date;
  }
  if (is_rfc3339(s)) {
    return true;
  }
  // A date-time with hh:mm and no seconds.
  if (date && s.size() >= 17 && s[10] == 'T' && digits(s, 11, 2) && s[13] == ':'
      && digits(s, 14, 2) && number(s, 11, 2) <= 23 && number(s, 14, 2) <= 59) {
    const std::string_view zone = s.substr(16);
    return zone == "Z"
           || (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-')
               && digits(zone, 1, 2) && zone[3] == ':' && digits(zone, 4, 2));
  }
  return false;
}

bool
is_iri_reference(std::string_view s)
{
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^'
        || c == '`' || c == '{' || c == '|' || c == '}' || c == 0x7F) {
      return false;
    }
  }
  // Percent signs must start an escape.
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%'
        && (i + 2 >= s.size()
            || !std::isxdigit(static_cast<unsigned char>(s[i + 1]))
            || !std::isxdigit(static_cast<unsigned char>(s[i + 2])))) {
      return false;
    }
  }
  return true;
}

bool
is_absolute_iri(std::string_view s)
{
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))
      || !is_iri_reference(s)) {
    return false;
  }
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') {
      const std::string scheme = util::ascii_lower(s.substr(0, i));
      const std::string_view rest = s.substr(i + 1);
      if (scheme == "http" || scheme == "https") {
        // Needs "//host".
        return rest.starts_with("//") && rest.size() > 2 && rest[2] != '/';
      }
      if (scheme == "tag") {
        return is_tag_uri(s);
      }
      if (scheme == "urn") {
        return is_urn(s);
      }
      return !rest.empty();
    }
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-'
        && c != '.') {
      return false;
    }
  }
  return false;
}

bool
is_tag_uri(std::string_view s)
{
  // tag:authority,YYYY[-MM[-DD]]:specific  (authority = DNS name or email)
  if (!s.starts_with("tag:")) {
    return false;
  }
  s.remove_prefix(4);
  const std::size_t comma = s.find(',');
  if (comma == std::string_view::npos || comma == 0) {
    return false;
  }
  const std::string_view authority = s.substr(0, comma);
  const std::string_view dns = authority.substr(
    authority.find('@') == std::string_view::npos ? 0
                                                  : authority.find('@') + 1);
  if (dns.empty() || dns.front() == '.' || dns.back() == '.'
      || dns.front() == '-') {
    return false;
  }
  for (const char c : authority) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.'
        && c != '@' && c != '_') {
      return false;
    }
  }
  const std::string_view rest = s.substr(comma + 1);
  const std::size_t colon = rest.find(':');
  if (colon == std::string_view::npos) {
    return false;
  }
  const std::string_view date = rest.substr(0, colon);
  if (!(date.size() == 4 || date.size() == 7 || date.size() == 10)
      || !digits(date, 0, 4)) {
    return false;
  }
  if (date.size() >= 7) {
    if (date[4] != '-' || !digits(date, 5, 2) || number(date, 5, 2) < 1
        || number(date, 5, 2) > 12) {
      return false;
    }
  }
  if (date.size() == 10) {
    if (date[7] != '-' || !digits(date, 8, 2)
        || !util::is_valid_day(
          number(date, 0, 4), number(date, 5, 2), number(date, 8, 2))) {
      return false;
    }
  }
  return is_iri_reference(rest.substr(colon + 1));
}

bool
is_urn(std::string_view s)
{
  if (s.size() < 4 || !iequals(s.substr(0, 4), "urn:")) {
    return false;
  }
  const std::string_view rest = s.substr(4);
  const std::size_t colon = rest.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 32
      || colon + 1 >= rest.size()) {
    return false;
  }
  const std::string_view nid = rest.substr(0, colon);
  if (!std::isalnum(static_cast<unsigned char>(nid[0]))) {
    return false;
  }
  for (const char c : nid) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') {
      return false;
    }
  }
  const std::string_view nss = rest.substr(colon + 1);
  if (iequals(nid, "uuid")) {
    if (nss.size() != 36) {
      return false;
    }
    for (std::size_t i = 0; i < nss.size(); ++i) {
      const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? nss[i] != '-'
               : !std::isxdigit(static_cast<unsigned char>(nss[i]))) {
        return false;
      }
    }
    return true;
  }
  return is_iri_reference(nss);
}

bool
is_email(std::string_view s)
{
  const std::size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= s.size()
      || s.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view local = s.substr(0, at);
  const std::string_view domain = s.substr(at + 1);
  for (const char c : local) {
    if (!std::isalnum(static_cast<unsigned char>(c))
        && std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c)
             == std::string_view::npos) {
      return false;
    }
  }
  if (local.front() == '.' || local.back() == '.' || domain.front() == '.'
      || domain.back() == '.') {
    return false;
  }
  for (const char c : domain) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') {
      return false;
    }
  }
  return true;
}

bool
is_rss_contact(std::string_view s)
{
  s = util::trim_xml_space(s);
  const std::size_t space = s.find(' ');
  if (space == std::string_view::npos) {
    return is_email(s);
  }
  const std::string_view name = util::trim_xml_space(s.substr(space));
  return is_email(s.substr(0, space)) && name.size() >= 2 && name.front() == '('
         && name.back() == ')';
}

bool
is_mime_type(std::string_view s)
{
  s = util::trim_xml_space(s);
  const std::size_t semi = s.find(';');
  const std::string_view type = util::trim_xml_space(s.substr(0, semi));
  const std::size_t slash = type.find('/');
  if (slash == std::string_view::npos || slash == 0
      || slash + 1 >= type.size()) {
    return false;
  }
  for (const char c : type) {
    if (c != '/' && !std::isalnum(static_cast<unsigned char>(c))
        && std::string_view("!#$&^_.+-").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return type.find('/', slash + 1) == std::string_view::npos;
}

bool
is_unsigned_int(std::string_view s, bool positive)
{
  s = util::trim_xml_space(s);
  if (s.empty() || s.size() > 9) {
    return false;
  }
  for (const char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return !positive || number(s, 0, s.size()) > 0;
}

std::string
script_url_message(std::string_view what,
                   std::string_view value,
                   std::string_view scheme)
{
  return std::string(what) + " \"" + std::string(value) + "\" is a "
         + std::string(scheme)
         + ": URL: clicking it runs code on the page showing the feed; a link "
           "must be an http(s) URL";
}

} // namespace ogfeed::validate
