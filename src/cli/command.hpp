#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::cli {

// Exit codes (ninja's exit_status.h): 0 success, 1 content or I/O error,
// 2 usage error.
enum ExitCode : int {
  k_exit_ok = 0,
  k_exit_failure = 1,
  k_exit_usage = 2,
};

// One subcommand: its name, its one-line help and its entry point, which
// gets the arguments after the subcommand's name.
struct Command
{
  std::string_view name;
  std::string_view summary;
  int (*run)(const std::vector<std::string>& args);
};

// Every subcommand, in help order.
const std::vector<Command>& commands();

// Prints "ogfeed: error: <message>" and the --help hint to stderr and
// returns k_exit_usage.
int usage_error(const std::string& message);

// Runs the command line; returns the process exit code.
int run(int argc, char** argv);

// Subcommand entry points, one file each.
int run_build(const std::vector<std::string>& args);
int run_card(const std::vector<std::string>& args);
int run_init(const std::vector<std::string>& args);
int run_validate(const std::vector<std::string>& args);

} // namespace ogfeed::cli
