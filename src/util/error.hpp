#pragma once

#include <tl/expected.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ogfeed::util {

enum class Severity {
  error,
  warning,
};

// What the operating system refused: the action ("open", "read", "write",
// "rename", ...) and errno, kept apart from the words so callers can decide
// how to say it.
struct OsFailure
{
  std::string action;
  int error_number = 0;
};

// A problem a user must see: where it happened and what was wrong. `line` and
// `column` are 1-based; 0 means "not tied to a place". Columns count Unicode
// code points, as editors do.
struct Diagnostic
{
  Severity severity = Severity::error;
  std::string path;
  int line = 0;
  int column = 0;
  std::string message;
  std::optional<OsFailure> os; // set when an OS call failed
  std::string rule;            // a validator rule id, when one found it
};

using Error = Diagnostic;
using Diagnostics = std::vector<Diagnostic>;

template<typename T> using Expected = tl::expected<T, Error>;

// Returns an error diagnostic with a position (path is added later by the
// caller that knows it).
Error make_error(std::string message, int line = 0, int column = 0);

// Returns a warning diagnostic with a position.
Diagnostic make_warning(std::string message, int line = 0, int column = 0);

// Returns an error for a failed OS call on `subject`: "cannot <action>
// '<subject>': <strerror>", with `os` set.
Error os_error(const std::string& action,
               const std::string& subject,
               int error_number);

// Returns `d` with `path` filled in when it had none.
Diagnostic with_path(Diagnostic d, const std::string& path);

// Formats like a compiler: "path:line:col: error: message", or
// "ogfeed: error: message" when there is no path.
std::string format_diagnostic(const Diagnostic& d);

// True when any diagnostic in `ds` is an error.
bool has_error(const Diagnostics& ds);

} // namespace ogfeed::util

// Passes the error of an expected value upward.
#define TRY(...)                                                               \
  do {                                                                         \
    auto&& try_result_ = (__VA_ARGS__);                                        \
    if (!try_result_) {                                                        \
      return tl::unexpected(std::move(try_result_).error());                   \
    }                                                                          \
  } while (false)

// Declares `var_` as the value of an expected, or passes its error upward.
#define TRY_ASSIGN(var_, ...)                                                  \
  auto var_##_result_ = (__VA_ARGS__);                                         \
  if (!var_##_result_) {                                                       \
    return tl::unexpected(std::move(var_##_result_).error());                  \
  }                                                                            \
  auto var_ = std::move(*var_##_result_)
