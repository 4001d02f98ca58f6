#include "util/error.hpp"

#include <algorithm>
#include <cstring>

namespace ogfeed::util {

Error
make_error(std::string message, int line, int column)
{
  return Diagnostic{
    Severity::error, {}, line, column, std::move(message), std::nullopt, {}};
}

Diagnostic
make_warning(std::string message, int line, int column)
{
  return Diagnostic{
    Severity::warning, {}, line, column, std::move(message), std::nullopt, {}};
}

Error
os_error(const std::string& action,
         const std::string& subject,
         int error_number)
{
  Error e = make_error("cannot " + action + " '" + subject
                       + "': " + std::strerror(error_number));
  e.os = OsFailure{action, error_number};
  return e;
}

Diagnostic
with_path(Diagnostic d, const std::string& path)
{
  if (d.path.empty()) {
    d.path = path;
  }
  return d;
}

std::string
format_diagnostic(const Diagnostic& d)
{
  const char* kind = d.severity == Severity::error ? "error" : "warning";
  std::string out;
  if (d.path.empty()) {
    out = "ogfeed: ";
  } else {
    out = d.path + ":";
    if (d.line > 0) {
      out += std::to_string(d.line) + ":";
      if (d.column > 0) {
        out += std::to_string(d.column) + ":";
      }
    }
    out += " ";
  }
  return out + kind + ": " + d.message;
}

bool
has_error(const Diagnostics& ds)
{
  return std::any_of(ds.begin(), ds.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error;
  });
}

} // namespace ogfeed::util
