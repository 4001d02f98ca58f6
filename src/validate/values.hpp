#pragma once

#include "util/time_zone.hpp"

#include <string_view>
#include <utility>

namespace ogfeed::validate {

// Value checks shared by the Atom and RSS rules.

// An RFC 3339 date-time: 2003-12-13T18:30:02Z or with an offset, optional
// fraction; the date and time must exist.
// Sets *time (when not null) to the instant it names.
bool is_rfc3339(std::string_view s, util::UtcSeconds* time = nullptr);

enum class Rfc822 {
  valid,
  invalid,       // not RFC 822 / 2822 at all
  wrong_weekday, // the day name is not that date's
  short_year,    // a two-digit year
  zone,          // a zone RFC 822 does not name ("UTC", "JST")
};

// An RFC 822 date as RSS 2.0 uses it: "Mon, 27 May 2019 10:00:00 +0900"
// (day name optional; zone GMT, UT, EST..PDT, Z, a military letter or
// ±hhmm). Sets *time (when not null) to the instant when the date parses,
// also for Rfc822::zone when the zone is one whose offset is known (UTC,
// JST). rfc822_zone_fix() says what to write instead of such a zone.

// For a date check_rfc822() found Rfc822::zone: the zone as written and the
// RFC 822 zone to write instead ("+0000", "+0900"), or empty when its offset
// is not known.
std::pair<std::string, std::string> rfc822_zone_fix(std::string_view s);
Rfc822 check_rfc822(std::string_view s, util::UtcSeconds* time = nullptr);

// W3C-DTF (dc:date): YYYY, YYYY-MM, YYYY-MM-DD, or a date-time with at
// least hours and minutes and a zone.
bool is_w3cdtf(std::string_view s);

// An IRI reference without white space or characters IRIs forbid.
bool is_iri_reference(std::string_view s);

// The message for a link that is a script URL (util::script_url_scheme()
// gave `scheme`): `what` "value" is a javascript: URL...
std::string script_url_message(std::string_view what,
                               std::string_view value,
                               std::string_view scheme);

// An absolute IRI: a scheme, then a valid rest.
bool is_absolute_iri(std::string_view s);

// A tag: URI as RFC 4151 defines it: tag:authority,date:specific.
bool is_tag_uri(std::string_view s);

// A urn: URI (RFC 8141 outline); for urn:uuid:, a well-formed UUID.
bool is_urn(std::string_view s);

// An addr-spec e-mail address (local@domain).
bool is_email(std::string_view s);

// An RSS person: "email" or "email (Name)".
bool is_rss_contact(std::string_view s);

// A MIME type: type/subtype with optional parameters.
bool is_mime_type(std::string_view s);

// Digits only, fitting in 32 bits; `positive` excludes zero.
bool is_unsigned_int(std::string_view s, bool positive);

// A decimal number: digits with at most one '.', and a leading sign when
// `sign` allows one ("73.5", "-110.45").
bool is_decimal(std::string_view s, bool sign = false);

} // namespace ogfeed::validate
