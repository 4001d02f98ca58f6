#include "content/front_matter/date_parser.hpp"

#include "util/ascii.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace ogfeed::content {

namespace {

class Cursor
{
public:
  explicit Cursor(std::string_view text)
    : m_text(text)
  {
  }

  bool
  done() const
  {
    return m_pos >= m_text.size();
  }

  char
  peek() const
  {
    return done() ? '\0' : m_text[m_pos];
  }

  bool
  accept(char c)
  {
    if (peek() == c) {
      ++m_pos;
      return true;
    }
    return false;
  }

  void
  skip_spaces()
  {
    while (peek() == ' ' || peek() == '\t') {
      ++m_pos;
    }
  }

  // Reads min..max digits; returns -1 when fewer than `min` are present.
  int
  digits(std::size_t min, std::size_t max)
  {
    std::size_t n = 0;
    int value = 0;
    while (n < max && std::isdigit(static_cast<unsigned char>(peek()))) {
      value = value * 10 + (peek() - '0');
      ++m_pos;
      ++n;
    }
    return n >= min ? value : -1;
  }

  std::string_view
  word()
  {
    const std::size_t start = m_pos;
    while (std::isalpha(static_cast<unsigned char>(peek()))) {
      ++m_pos;
    }
    return m_text.substr(start, m_pos - start);
  }

  std::size_t
  position() const
  {
    return m_pos;
  }

  void
  back_to(std::size_t pos)
  {
    m_pos = pos;
  }

  int
  column() const
  {
    return static_cast<int>(m_pos) + 1;
  }

private:
  std::string_view m_text;
  std::size_t m_pos = 0;
};

int
month_from_name(std::string_view word)
{
  const std::string lower = util::ascii_lower(word);
  if (lower.size() < 3) {
    return -1;
  }
  for (std::size_t i = 0; i < util::k_month_names.size(); ++i) {
    if (util::k_month_names[i] == lower
        || (lower.size() == 3 && util::k_month_names[i].starts_with(lower))) {
      return static_cast<int>(i) + 1;
    }
  }
  return -1;
}

util::Error
bad_date(std::string_view text, const Cursor& at)
{
  return util::make_error("must be a date like 2019-05-27, 2019-05-27 10:00 or "
                          "2019-05-27T10:00:00+09:00, got \""
                            + std::string(text) + "\"",
                          0,
                          at.column());
}

// True for an English weekday name, whole or its first three letters.
bool
is_weekday(std::string_view word)
{
  static constexpr std::array<std::string_view, 7> k_days = {"sunday",
                                                             "monday",
                                                             "tuesday",
                                                             "wednesday",
                                                             "thursday",
                                                             "friday",
                                                             "saturday"};
  const std::string lower = util::ascii_lower(word);
  return std::any_of(k_days.begin(), k_days.end(), [&](std::string_view d) {
    return lower == d || (lower.size() == 3 && d.starts_with(lower));
  });
}

// Reads RFC 2822's "D Mon YYYY" ("29 Jan 2023"); false, having read
// nothing, when the text is not that.
bool
read_day_month_year(Cursor& c, util::CivilTime& t)
{
  const std::size_t start = c.position();
  const int day = c.digits(1, 2);
  if (day > 0 && c.peek() == ' ') {
    c.skip_spaces();
    const int month = month_from_name(c.word());
    c.skip_spaces();
    const int year = c.digits(4, 4);
    if (month > 0 && year > 0) {
      t.day = day;
      t.month = month;
      t.year = year;
      return true;
    }
  }
  c.back_to(start);
  return false;
}

// Reads "YYYY-MM-DD" (or with '/'), "Month D, YYYY", or RFC 2822's
// "[Sun, ]29 Jan 2023" (as JavaScript's Date reads it, which Astro's and
// Eleventy's dates go through).
bool
read_day(Cursor& c, util::CivilTime& t)
{
  if (std::isalpha(static_cast<unsigned char>(c.peek()))) {
    const std::size_t start = c.position();
    if (is_weekday(c.word()) && c.accept(',')) {
      c.skip_spaces();
      return read_day_month_year(c, t);
    }
    c.back_to(start);
    t.month = month_from_name(c.word());
    c.accept('.');
    c.skip_spaces();
    t.day = c.digits(1, 2);
    c.accept(',');
    c.skip_spaces();
    t.year = c.digits(4, 4);
    return t.month > 0 && t.day > 0 && t.year > 0;
  }
  if (read_day_month_year(c, t)) {
    return true;
  }
  t.year = c.digits(4, 4);
  if (t.year < 0) {
    return false;
  }
  const char sep = c.peek();
  if (sep != '-' && sep != '/') {
    return false;
  }
  c.accept(sep);
  t.month = c.digits(1, 2);
  if (t.month < 0 || !c.accept(sep)) {
    return false;
  }
  t.day = c.digits(1, 2);
  return t.day >= 0;
}

// Reads "HH:MM[:SS[.fff]]".
bool
read_time(Cursor& c, util::CivilTime& t)
{
  t.hour = c.digits(1, 2);
  if (t.hour < 0 || !c.accept(':')) {
    return false;
  }
  t.minute = c.digits(2, 2);
  if (t.minute < 0) {
    return false;
  }
  if (c.accept(':')) {
    t.second = c.digits(2, 2);
    if (t.second < 0) {
      return false;
    }
    if (c.accept('.') || c.accept(',')) {
      if (c.digits(1, 9) < 0) {
        return false;
      }
      while (std::isdigit(static_cast<unsigned char>(c.peek()))) {
        c.accept(c.peek());
      }
    }
  }
  return t.hour < 24 && t.minute < 60 && t.second <= 60;
}

// Reads "Z", "UTC", "GMT", "UT", "+09:00", "+0900" or "+09"; returns false when
// something else is there.
bool
read_offset(Cursor& c, int& offset)
{
  if (c.accept('Z') || c.accept('z')) {
    offset = 0;
    return true;
  }
  const char sign = c.peek();
  if (sign != '+' && sign != '-') {
    const std::string_view w = c.word();
    if (w == "UTC" || w == "GMT" || w == "UT") {
      offset = 0;
      return true;
    }
    return false;
  }
  c.accept(sign);
  const int hours = c.digits(2, 2);
  if (hours < 0) {
    return false;
  }
  c.accept(':');
  int minutes = 0;
  if (std::isdigit(static_cast<unsigned char>(c.peek()))) {
    minutes = c.digits(2, 2);
  }
  if (minutes < 0 || hours > 23 || minutes > 59) {
    return false;
  }
  offset = (hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1);
  return true;
}

} // namespace

util::Expected<util::UtcSeconds>
parse_date(std::string_view text,
           const util::TimeZone& zone,
           std::optional<int>* written_offset)
{
  Cursor c(text);
  util::CivilTime t;
  if (!read_day(c, t) || !util::is_valid_day(t.year, t.month, t.day)) {
    return tl::unexpected(bad_date(text, c));
  }
  bool has_offset = false;
  int offset = 0;
  const bool t_sep = c.accept('T') || c.accept('t');
  c.skip_spaces();
  if (!c.done()) {
    if (!read_time(c, t)) {
      return tl::unexpected(bad_date(text, c));
    }
    c.skip_spaces();
    if (!c.done()) {
      if (!read_offset(c, offset)) {
        return tl::unexpected(bad_date(text, c));
      }
      has_offset = true;
    }
    c.skip_spaces();
    if (!c.done()) {
      return tl::unexpected(bad_date(text, c));
    }
  } else if (t_sep) {
    return tl::unexpected(bad_date(text, c));
  }
  if (t.second == 60) {
    t.second = 59; // a leap second: keep the day and minute, drop the second
  }
  if (written_offset != nullptr) {
    *written_offset =
      has_offset ? std::optional<int>(offset) : std::optional<int>();
  }
  return has_offset ? util::to_utc_fixed(t, offset) : zone.to_utc(t);
}

util::Expected<util::UtcSeconds>
parse_file_name_date(std::string_view stem,
                     const util::TimeZone& zone,
                     std::string_view& rest)
{
  Cursor c(stem);
  util::CivilTime t;
  if (!std::isdigit(static_cast<unsigned char>(c.peek())) || !read_day(c, t)
      || !c.accept('-') || !util::is_valid_day(t.year, t.month, t.day)) {
    return tl::unexpected(util::make_error("file name has no date"));
  }
  rest = stem.substr(static_cast<std::size_t>(c.column() - 1));
  return zone.to_utc(t);
}

} // namespace ogfeed::content
