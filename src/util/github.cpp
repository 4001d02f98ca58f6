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

std::string
github_annotations(const std::vector<Diagnostic>& diagnostics)
{
  std::string out;
  std::string grouped;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t more_errors = 0;
  std::size_t more_warnings = 0;
  for (const Diagnostic& d : diagnostics) {
    const bool error = d.severity == Severity::error;
    std::size_t& shown = error ? errors : warnings;
    if (shown < k_github_annotated) {
      ++shown;
      out += github_annotation(d) + "\n";
      continue;
    }
    ++(error ? more_errors : more_warnings);
    std::string text = format_diagnostic(d);
    if (const std::string sev = error ? ": error: " : ": warning: ";
        !d.rule.empty() && text.find(sev) != std::string::npos) {
      // As `ogfeed validate` writes it: "a.xml:3:3: error[rule]: ...".
      text.insert(text.find(sev) + sev.size() - 2, "[" + d.rule + "]");
    }
    grouped += text + "\n";
  }
  if (grouped.empty()) {
    return out;
  }
  auto count = [](std::size_t n, const char* what) {
    return std::to_string(n) + " more " + what + (n == 1 ? "" : "s");
  };
  std::string what;
  if (more_errors > 0) {
    what = count(more_errors, "error");
  }
  if (more_warnings > 0) {
    what += (what.empty() ? "" : " and ") + count(more_warnings, "warning");
  }
  out += "::group::ogfeed: " + github_escape(what, false) + "\n" + grouped
         + "::endgroup::\n";
  out += "::notice title=ogfeed::" + github_escape(what, false)
         + " than the annotations show: the log lists them all, in the group "
           "'ogfeed: "
         + github_escape(what, false) + "'\n";
  return out;
}

} // namespace ogfeed::util
