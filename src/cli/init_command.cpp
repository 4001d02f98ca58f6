#include "cli/command.hpp"
#include "cli/options.hpp"
#include "content/config/site_detect.hpp"
#include "util/file.hpp"

#include <filesystem>
#include <iostream>

namespace ogfeed::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_init_help =
  "usage: ogfeed init [DIR] [options]\n\n"
  "Detects the blog generator of the repository in DIR (default: the current\n"
  "folder) and writes what it found as a commented DIR/ogfeed.yaml.\n\n"
  "options:\n"
  "  --force      replace an existing ogfeed.yaml\n"
  "  --print      print the configuration instead of writing it\n"
  "  -h, --help   show this help\n";

// Adds ogfeed's state folder to the site's .gitignore: it is never
// committed (a build refuses one git tracks). False after an error, said.
bool
ignore_state_dir(const fs::path& root)
{
  const fs::path ignore = root / ".gitignore";
  auto ignored = util::read_file(ignore, 1 << 20);
  if (auto added =
        content::gitignore_with_state_dir(ignored ? *ignored : std::string())) {
    if (auto ok = util::write_file_atomic(ignore, *added); !ok) {
      std::cerr << util::format_diagnostic(ok.error()) << "\n";
      return false;
    }
    std::cout << "added .ogfeed/ (ogfeed's state) to " << ignore.string()
              << "\n";
  }
  return true;
}

// What to do after init, in order.
void
print_next_steps(const content::DetectedSite& site,
                 const fs::path& root,
                 const fs::path& path)
{
  const std::string dir =
    root == fs::path(".") ? std::string() : " " + root.string();
  std::cout << "next steps:\n";
  int step = 1;
  if (site.config.title.empty() || site.config.base_url.empty()) {
    std::cout << "  " << step++
              << ". fill in the 'title' and 'base_url' it leaves empty "
                 "(marked TODO)\n";
  }
  std::cout << "  " << step++ << ". check the values marked 'guessed' in "
            << path.string() << "\n";
  std::cout << "  " << step++ << ". ogfeed build" << dir
            << "      (the feeds and cards, into "
            << (site.config.output_dir.empty() ? std::string("public")
                                               : site.config.output_dir)
            << "/)\n";
  std::cout << "  " << step++
            << ". put the <head> tags on the site's pages: the README's "
               "snippet for "
            << (site.generator.empty() ? std::string("your generator")
                                       : site.generator)
            << " reads them from head.json\n";
}

} // namespace

int
run_init(const std::vector<std::string>& args)
{
  bool force = false;
  bool print = false;
  auto flag = [](bool& on) {
    return [&on](const std::string&) -> std::optional<std::string> {
      on = true;
      return std::nullopt;
    };
  };
  const std::vector<OptionSpec> specs = {
    {"force", 0, OptionSpec::Value::none, flag(force)},
    {"print", 0, OptionSpec::Value::none, flag(print)},
  };
  int code = k_exit_ok;
  const auto operands = parse_options("init", args, specs, k_init_help, code);
  if (!operands) {
    return code;
  }
  if (operands->size() > 1) {
    return usage_error("'init' takes one folder, got '" + (*operands)[1]
                       + "' too");
  }
  const fs::path root = operands->empty() ? "." : operands->front();
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    std::cerr << "ogfeed: error: folder '" << root.string()
              << "' does not exist\n";
    return k_exit_failure;
  }
  const content::DetectedSite site = content::detect_site(root);
  for (const auto& d : site.diagnostics) {
    std::cerr << util::format_diagnostic(d) << "\n";
  }
  const std::string text = content::init_config_yaml(site);
  if (print) {
    std::cout << text;
    return k_exit_ok;
  }
  const fs::path path = root / "ogfeed.yaml";
  if (fs::exists(path, ec) && !force) {
    std::cerr << "ogfeed: error: '" << path.string()
              << "' already exists; pass --force to replace it, or --print "
                 "to see what init would write\n";
    return k_exit_failure;
  }
  if (auto ok = util::write_file_atomic(path, text); !ok) {
    std::cerr << util::format_diagnostic(ok.error()) << "\n";
    return k_exit_failure;
  }
  std::cout << "wrote " << path.string() << " for a "
            << (site.generator.empty()
                  ? std::string("site of no known generator")
                  : site.generator + " site")
            << "\n";
  if (!ignore_state_dir(root)) {
    return k_exit_failure;
  }
  print_next_steps(site, root, path);
  return k_exit_ok;
}

} // namespace ogfeed::cli
