#include "validate/values.hpp"

#include "util/ascii.hpp"
#include "validate/value_scan.hpp"

#include <cctype>
#include <string>

namespace ogfeed::validate {

using namespace detail;

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

bool
is_decimal(std::string_view s, bool sign)
{
  if (sign && (s.starts_with('-') || s.starts_with('+'))) {
    s.remove_prefix(1);
  }
  return !s.empty() && s != "."
         && s.find_first_not_of("0123456789.") == std::string_view::npos
         && s.find('.') == s.rfind('.');
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
