#include "util/github.hpp"

namespace ogfeed::util {

std::string
github_escape(std::string_view s, bool property)
{
  std::string out;
  for (const char c : s) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else if (property && c == ':') {
      out += "%3A";
    } else if (property && c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string
github_annotation(const Diagnostic& d)
{
  std::string props;
  auto add = [&](const std::string& p) {
    props += (props.empty() ? "" : ",") + p;
  };
  if (!d.path.empty()) {
    add("file=" + github_escape(d.path, true));
  }
  if (d.line > 0) {
    add("line=" + std::to_string(d.line));
  }
  if (d.column > 0) {
    add("col=" + std::to_string(d.column));
  }
  if (!d.rule.empty()) {
    add("title=" + github_escape(d.rule, true));
  }
  return std::string(d.severity == Severity::error ? "::error" : "::warning")
         + (props.empty() ? "" : " " + props)
         + "::" + github_escape(d.message, false);
}

} // namespace ogfeed::util
