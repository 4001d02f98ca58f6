#include "util/json.hpp"

#include "util/escape_scan.hpp"

#include <fmt/format.h>

#include <cmath>

namespace ogfeed::util {

void
append_json_escaped(std::string& out, std::string_view text)
{
  out.reserve(out.size() + text.size());
  std::size_t run = 0;
  for (std::size_t i = first_escaped(text, Escapes::json);
       i != std::string_view::npos;
       i = first_escaped(text, Escapes::json, i + 1)) {
    const auto c = static_cast<unsigned char>(text[i]);
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      out += fmt::format("\\u{:04x}", c);
    }
  }
  out.append(text.data() + run, text.size() - run);
}

void
append_json_string(std::string& out, std::string_view text)
{
  out.reserve(out.size() + text.size() + 2);
  out += '"';
  append_json_escaped(out, text);
  out += '"';
}

std::string
json_string(std::string_view text)
{
  std::string out;
  append_json_string(out, text);
  return out;
}

std::string
json_number(double value)
{
  if (!std::isfinite(value)) {
    return "0";
  }
  std::string s = fmt::format("{:.2f}", value);
  while (s.back() == '0') {
    s.pop_back();
  }
  if (s.back() == '.') {
    s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

JsonWriter::JsonWriter(Style style)
  : m_style(style)
{
}

void
JsonWriter::before_value()
{
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_first.empty()) {
    return;
  }
  if (!m_first.back()) {
    m_out +=
      m_style == Style::one_member_per_line && m_first.size() == 1 ? "," : ", ";
  }
  if (m_style == Style::one_member_per_line && m_first.size() == 1) {
    m_out += "\n  ";
  }
  m_first.back() = false;
}

void
JsonWriter::open(char c)
{
  before_value();
  m_out += c;
  m_first.push_back(true);
}

void
JsonWriter::close(char c)
{
  const bool empty = m_first.back();
  m_first.pop_back();
  if (m_style == Style::one_member_per_line && m_first.empty() && !empty) {
    m_out += '\n';
  }
  m_out += c;
}

JsonWriter&
JsonWriter::begin_object()
{
  open('{');
  return *this;
}

JsonWriter&
JsonWriter::end_object()
{
  close('}');
  return *this;
}

JsonWriter&
JsonWriter::begin_array()
{
  open('[');
  return *this;
}

JsonWriter&
JsonWriter::end_array()
{
  close(']');
  return *this;
}

JsonWriter&
JsonWriter::key(std::string_view name)
{
  before_value();
  append_json_string(m_out, name);
  m_out += ": ";
  m_after_key = true;
  return *this;
}

JsonWriter&
JsonWriter::string(std::string_view text)
{
  before_value();
  append_json_string(m_out, text);
  return *this;
}

JsonWriter&
JsonWriter::integer(long long value)
{
  before_value();
  m_out += std::to_string(value);
  return *this;
}

JsonWriter&
JsonWriter::number(double value)
{
  before_value();
  m_out += json_number(value);
  return *this;
}

JsonWriter&
JsonWriter::boolean(bool value)
{
  before_value();
  m_out += value ? "true" : "false";
  return *this;
}

JsonWriter&
JsonWriter::raw(std::string_view json)
{
  before_value();
  m_out += json;
  return *this;
}

const std::string&
JsonWriter::str() const
{
  return m_out;
}

std::string
JsonWriter::take() &&
{
  return std::move(m_out);
}

bool
JsonWriter::flush_to(const std::function<bool(std::string_view)>& write)
{
  const bool ok = write(m_out);
  m_out.clear();
  return ok;
}

void
JsonWriter::reserve(std::size_t bytes)
{
  m_out.reserve(bytes);
}

std::string
json_object_lines(const std::map<std::string, std::string>& raw)
{
  JsonWriter json(JsonWriter::Style::one_member_per_line);
  json.begin_object();
  for (const auto& [key, value] : raw) {
    json.key(key).raw(value);
  }
  json.end_object();
  return json.str() + "\n";
}

} // namespace ogfeed::util
