// The dates feeds carry: RFC 3339 (Atom), RFC 822 as RFC 2822 reads it
// (RSS), W3C-DTF (Dublin Core).
#include "util/ascii.hpp"
#include "validate/value_scan.hpp"
#include "validate/values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>

namespace ogfeed::validate {

using namespace detail;

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

namespace {

// The fields of an RFC 822 date-time as written, before any range check.
struct Rfc822Parts
{
  int day_name = -1; // 0 = Sunday, -1 = none written
  int day = 0;
  int month = 0;
  int year = 0;
  std::size_t year_digits = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  std::string_view zone;
};

// "D[D] Mon YY[YY] " from s[i]; false when it is not there.
bool
scan_rfc822_date(std::string_view s, std::size_t& i, Rfc822Parts& p)
{
  const std::size_t dstart = i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
    ++i;
  }
  if (i == dstart || i - dstart > 2 || i >= s.size() || s[i] != ' ') {
    return false;
  }
  p.day = number(s, dstart, i - dstart);
  ++i;
  p.month = -1;
  for (int k = 1; k <= 12; ++k) {
    if (s.substr(i, 3) == util::month_abbreviation(k)) {
      p.month = k;
    }
  }
  if (p.month < 0 || i + 3 >= s.size() || s[i + 3] != ' ') {
    return false;
  }
  i += 4;
  const std::size_t ystart = i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
    ++i;
  }
  p.year_digits = i - ystart;
  if ((p.year_digits != 2 && p.year_digits != 4) || i >= s.size()
      || s[i] != ' ') {
    return false;
  }
  p.year = number(s, ystart, p.year_digits);
  ++i;
  return true;
}

// "HH:MM[:SS] zone" from s[i]; false when it is not there.
bool
scan_rfc822_time(std::string_view s, std::size_t i, Rfc822Parts& p)
{
  if (!digits(s, i, 2) || i + 2 >= s.size() || s[i + 2] != ':'
      || !digits(s, i + 3, 2)) {
    return false;
  }
  p.hour = number(s, i, 2);
  p.minute = number(s, i + 3, 2);
  i += 5;
  if (i < s.size() && s[i] == ':') {
    if (!digits(s, i + 1, 2)) {
      return false;
    }
    p.second = number(s, i + 1, 2);
    i += 3;
  }
  if (i >= s.size() || s[i] != ' ') {
    return false;
  }
  p.zone = s.substr(i + 1);
  return true;
}

// Splits `s` (normalized) into its fields; false when it is no RFC 822
// date-time by syntax.
bool
scan_rfc822(std::string_view s, Rfc822Parts& p)
{
  s = util::trim_xml_space(s);
  if (s.size() > 4 && s[3] == ',') {
    // "Thu,09 Feb": the space after the comma is optional.
    for (int i = 0; i < 7; ++i) {
      if (s.substr(0, 3) == util::weekday_abbreviation(i)) {
        p.day_name = i;
      }
    }
    if (p.day_name < 0) {
      return false;
    }
    s.remove_prefix(4);
    s = util::trim_xml_space(s);
  }
  std::size_t i = 0;
  return scan_rfc822_date(s, i, p) && scan_rfc822_time(s, i, p);
}

} // namespace

Rfc822
check_rfc822(std::string_view raw, util::UtcSeconds* time)
{
  const std::string normalized = normalize_rfc822(raw);
  Rfc822Parts p;
  if (!scan_rfc822(normalized, p)) {
    return Rfc822::invalid;
  }
  std::optional<int> offset = rfc822_zone_offset(p.zone);
  bool other_zone = false;
  if (!offset) {
    if (!is_zone_name(p.zone)) {
      return Rfc822::invalid;
    }
    other_zone = true;
    offset = other_zone_offset(p.zone);
  }
  if (p.year_digits == 2) {
    p.year += p.year < 50 ? 2000 : 1900;
  }
  if (!util::is_valid_day(p.year, p.month, p.day) || p.hour > 23
      || p.minute > 59 || p.second > 60) {
    return Rfc822::invalid;
  }
  if (time != nullptr && offset) {
    *time = util::to_utc_fixed(
      util::CivilTime{
        p.year, p.month, p.day, p.hour, p.minute, std::min(59, p.second)},
      *offset);
  }
  if (other_zone) {
    return Rfc822::zone;
  }
  if (p.day_name >= 0
      && util::weekday_of(p.year, p.month, p.day) != p.day_name) {
    return Rfc822::wrong_weekday;
  }
  return p.year_digits == 2 ? Rfc822::short_year : Rfc822::valid;
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

} // namespace ogfeed::validate
