#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::cli {

// One option of a subcommand. `apply` gets the value ("" for a flag) and
// returns an error message for a bad value.
struct OptionSpec
{
  enum class Value {
    none,
    required,
  };
  std::string_view name; // long name without "--": "output"
  char short_name = 0;   // 'o', or 0 for none
  Value value = Value::none;
  std::function<std::optional<std::string>(const std::string& value)> apply;
};

// Parses a subcommand's arguments with getopt_long(3), the same way for every
// subcommand: `--name value`, `--name=value`, `-x value`, `-xvalue`, bundled
// flags, options after operands, and `--` to end options. `-h`/`--help`
// prints `help` to stdout. Returns the operands, or the exit code to stop
// with: 0 after --help, 2 after a usage error printed to stderr ("unknown
// option '--colour' for 'build'", "option '--title' needs a value", or the
// message `apply` returned).
std::optional<std::vector<std::string>>
parse_options(std::string_view command,
              const std::vector<std::string>& args,
              const std::vector<OptionSpec>& specs,
              std::string_view help,
              int& exit_code);

// Splits a comma-separated list, trimming spaces around each item and
// dropping empty ones: " a, b ,,c" -> {"a", "b", "c"}.
std::vector<std::string> split_list(std::string_view text);

} // namespace ogfeed::cli
