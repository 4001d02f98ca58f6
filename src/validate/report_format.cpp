#include "validate/report_format.hpp"

#include "util/github.hpp"
#include "util/json.hpp"
#include "validate/rule_specs.hpp"

#include <pugixml.hpp>

#include <sstream>

namespace ogfeed::validate {

namespace {

const char*
severity_name(util::Severity s)
{
  return s == util::Severity::error ? "error" : "warning";
}

std::string
text_format(const std::vector<Report>& reports)
{
  std::string out;
  for (const Report& r : reports) {
    for (const Finding& f : r.findings) {
      out += r.name + ":" + std::to_string(f.line) + ":"
             + std::to_string(f.column) + ": " + severity_name(f.severity) + "["
             + f.rule + "]: " + f.message + "\n";
    }
  }
  return out;
}

std::string
json_format(const std::vector<Report>& reports, bool strict)
{
  util::JsonWriter json;
  json.begin_object().key("files").begin_array();
  for (const Report& r : reports) {
    json.begin_object();
    json.key("file").string(r.name);
    json.key("format").string(kind_name(r.kind));
    json.key("valid").boolean(!has_errors(r, strict));
    json.key("findings").begin_array();
    for (const Finding& f : r.findings) {
      json.begin_object();
      json.key("rule").string(f.rule);
      json.key("severity").string(severity_name(f.severity));
      json.key("line").integer(f.line);
      json.key("column").integer(f.column);
      json.key("message").string(f.message);
      if (const RuleSpec* spec = rule_spec(f.rule)) {
        json.key("spec").string(std::string(spec->spec));
        if (!spec->url.empty()) {
          json.key("spec_url").string(std::string(spec->url));
        }
      }
      json.end_object();
    }
    json.end_array().end_object();
  }
  json.end_array().end_object();
  return json.str() + "\n";
}

std::string
github_format(const std::vector<Report>& reports)
{
  util::Diagnostics all;
  for (const Report& r : reports) {
    for (const Finding& f : r.findings) {
      util::Diagnostic d = util::make_error(f.message, f.line, f.column);
      d.severity = f.severity;
      d.rule = f.rule;
      d.path = r.name;
      all.push_back(std::move(d));
    }
  }
  return util::github_annotations(all);
}

std::string
junit_format(const std::vector<Report>& reports, bool strict)
{
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "utf-8";
  pugi::xml_node suite = doc.append_child("testsuite");
  suite.append_attribute("name") = "ogfeed validate";
  int failures = 0;
  for (const Report& r : reports) {
    failures += has_errors(r, strict) ? 1 : 0;
  }
  suite.append_attribute("tests") = static_cast<int>(reports.size());
  suite.append_attribute("failures") = failures;
  suite.append_attribute("errors") = 0;
  for (const Report& r : reports) {
    pugi::xml_node tc = suite.append_child("testcase");
    tc.append_attribute("classname") = "ogfeed.validate";
    tc.append_attribute("name") = r.name.c_str();
    std::string details;
    for (const Finding& f : r.findings) {
      details += r.name + ":" + std::to_string(f.line) + ":"
                 + std::to_string(f.column) + ": " + severity_name(f.severity)
                 + "[" + f.rule + "]: " + f.message + "\n";
    }
    if (has_errors(r, strict)) {
      pugi::xml_node fail = tc.append_child("failure");
      const Finding* first = nullptr;
      for (const Finding& f : r.findings) {
        if (strict || f.severity == util::Severity::error) {
          first = &f;
          break;
        }
      }
      fail.append_attribute("message") =
        first != nullptr ? first->message.c_str() : "";
      fail.append_attribute("type") =
        first != nullptr ? first->rule.c_str() : "";
      fail.text().set(details.c_str());
    } else if (!details.empty()) {
      tc.append_child("system-out").text().set(details.c_str());
    }
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

} // namespace

bool
parse_output_format(std::string_view name, OutputFormat& out)
{
  if (name == "text") {
    out = OutputFormat::text;
  } else if (name == "json") {
    out = OutputFormat::json;
  } else if (name == "github") {
    out = OutputFormat::github;
  } else if (name == "junit") {
    out = OutputFormat::junit;
  } else {
    return false;
  }
  return true;
}

std::string
format_reports(const std::vector<Report>& reports,
               OutputFormat format,
               bool strict)
{
  switch (format) {
  case OutputFormat::text:
    return text_format(reports);
  case OutputFormat::json:
    return json_format(reports, strict);
  case OutputFormat::github:
    return github_format(reports);
  case OutputFormat::junit:
    return junit_format(reports, strict);
  }
  return {};
}

} // namespace ogfeed::validate
