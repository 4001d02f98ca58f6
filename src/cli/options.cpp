#include "cli/options.hpp"

#include "cli/command.hpp"
#include "util/ascii.hpp"
#include "util/split.hpp"

#include <getopt.h>

#include <iostream>

namespace ogfeed::cli {

namespace {

constexpr int k_long_only = 256; // getopt values above any char

std::string
shown_name(const OptionSpec& spec)
{
  return "--" + std::string(spec.name);
}

// getopt_long's tables for `specs`: each long option's code is
// k_long_only + its index; -h and --help are always there.
struct GetoptTables
{
  std::vector<std::string> names; // keeps option names alive for getopt
  std::vector<option> longs;
  // '+' would stop at the first operand; we allow options after operands.
  // ':' first: a missing value is reported as ':' rather than printed.
  std::string shorts = ":h";

  explicit GetoptTables(const std::vector<OptionSpec>& specs)
  {
    names.reserve(specs.size());
    for (std::size_t i = 0; i < specs.size(); ++i) {
      const OptionSpec& s = specs[i];
      names.emplace_back(s.name);
      const int has_arg = s.value == OptionSpec::Value::required
                            ? required_argument
                            : no_argument;
      longs.push_back({names.back().c_str(),
                       has_arg,
                       nullptr,
                       k_long_only + static_cast<int>(i)});
      if (s.short_name != 0) {
        shorts += s.short_name;
        if (has_arg == required_argument) {
          shorts += ':';
        }
      }
    }
    longs.push_back({"help", no_argument, nullptr, 'h'});
    longs.push_back({nullptr, 0, nullptr, 0});
  }
};

// The spec getopt_long's code `c` stands for, or null.
const OptionSpec*
option_spec(const std::vector<OptionSpec>& specs, int c)
{
  if (c >= k_long_only) {
    return &specs[static_cast<std::size_t>(c - k_long_only)];
  }
  for (const auto& s : specs) {
    if (s.short_name != 0 && s.short_name == c) {
      return &s;
    }
  }
  return nullptr;
}

} // namespace

std::optional<std::vector<std::string>>
parse_options(std::string_view command,
              const std::vector<std::string>& args,
              const std::vector<OptionSpec>& specs,
              std::string_view help,
              int& exit_code)
{
  const GetoptTables tables(specs);
  std::vector<std::string> storage = args;
  std::string argv0(command);
  std::vector<char*> argv{argv0.data()};
  for (auto& a : storage) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  const int argc = static_cast<int>(argv.size()) - 1;

  auto usage = [&](const std::string& message) {
    exit_code = usage_error(message);
    return std::nullopt;
  };
  auto spec_for = [&](int c) { return option_spec(specs, c); };

  opterr = 0;
  optind = 0; // glibc: 0 starts a fresh scan
  for (;;) {
    const int c = getopt_long(
      argc, argv.data(), tables.shorts.c_str(), tables.longs.data(), nullptr);
    if (c == -1) {
      break;
    }
    if (c == 'h') {
      std::cout << help;
      exit_code = k_exit_ok;
      return std::nullopt;
    }
    if (c == '?') {
      const std::string bad = optopt != 0 && optopt < k_long_only
                                ? std::string("-") + static_cast<char>(optopt)
                                : std::string(argv[optind - 1]);
      return usage("unknown option '" + bad.substr(0, bad.find('=')) + "' for '"
                   + std::string(command) + "'");
    }
    if (c == ':') {
      const OptionSpec* spec = spec_for(optopt);
      const std::string name =
        spec == nullptr ? std::string(argv[optind - 1]) : shown_name(*spec);
      return usage("option '" + name + "' needs a value");
    }
    const OptionSpec* spec = spec_for(c);
    if (spec == nullptr) {
      return usage("unknown option for '" + std::string(command) + "'");
    }
    if (auto bad = spec->apply(optarg != nullptr ? optarg : "")) {
      return usage(*bad);
    }
  }
  std::vector<std::string> operands;
  for (int i = optind; i < argc; ++i) {
    operands.emplace_back(argv[static_cast<std::size_t>(i)]);
  }
  return operands;
}

std::vector<std::string>
split_list(std::string_view text)
{
  std::vector<std::string> out;
  for (const std::string_view piece : util::split(text, ',')) {
    if (const std::string_view item = util::trim_html_space(piece);
        !item.empty()) {
      out.emplace_back(item);
    }
  }
  return out;
}

} // namespace ogfeed::cli
