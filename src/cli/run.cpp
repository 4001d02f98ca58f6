#include "cli/command.hpp"
#include "util/edit_distance.hpp"

#include <iostream>

namespace ogfeed::cli {

namespace {

void
print_help()
{
  std::cout
    << "usage: ogfeed <command> [options]\n\n"
       "ogfeed turns a folder of Markdown posts into Atom and RSS feeds.\n\n"
       "commands:\n";
  for (const auto& c : commands()) {
    std::cout << "  " << c.name << std::string(10 - c.name.size(), ' ')
              << c.summary << "\n";
  }
  std::cout << "\noptions:\n"
               "  -h, --help     show this help, or a command's with 'ogfeed "
               "<command> --help'\n"
               "  --version      print the version\n";
}

} // namespace

const std::vector<Command>&
commands()
{
  static const std::vector<Command> table = {
    {"build", "build a site's feeds and cards from its posts", &run_build},
    {"card", "render one card, or print its title layout as JSON", &run_card},
    {"validate", "check Atom and RSS feeds against the specs", &run_validate},
    {"init",
     "write the ogfeed.yaml a repository's generator implies",
     &run_init},
  };
  return table;
}

int
usage_error(const std::string& message)
{
  std::cerr << "ogfeed: error: " << message << "\ntry 'ogfeed --help'\n";
  return k_exit_usage;
}

int
run(int argc, char** argv)
{
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    return usage_error("no command given");
  }
  const std::string& first = args.front();
  if (first == "-h" || first == "--help" || first == "help") {
    print_help();
    return k_exit_ok;
  }
  if (first == "--version") {
    std::cout << "ogfeed " << OGFEED_VERSION << "\n";
    return k_exit_ok;
  }
  std::vector<std::string> names;
  for (const auto& c : commands()) {
    if (c.name == first) {
      return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
    }
    names.emplace_back(c.name);
  }
  std::string message = "unknown command '" + first + "'";
  if (const auto near = util::closest_match(first, names)) {
    message += ", did you mean '" + *near + "'?";
  }
  return usage_error(message);
}

} // namespace ogfeed::cli
