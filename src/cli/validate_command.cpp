#include "cli/command.hpp"
#include "cli/options.hpp"
#include "validate/report_format.hpp"
#include "validate/rule_specs.hpp"
#include "validate/validator.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace ogfeed::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_validate_help =
  "usage: ogfeed validate FILE... [options]\n\n"
  "Checks Atom 1.0 and RSS 2.0 feeds against their specifications. FILE may be "
  "a\n"
  "file, a folder (every .xml, .atom, .rss, .rdf and .json file in it, "
  "recursively) "
  "or - "
  "for stdin.\n\n"
  "options:\n"
  "  --format FORMAT   text (default), json, github (workflow annotations) or "
  "junit\n"
  "  --strict          fail on warnings too\n"
  "  --rules           list every rule with the specification it rests on\n"
  "                    (Markdown) and exit\n"
  "  -h, --help        show this help\n\n"
  "exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage "
  "error\n";

// Streams a file through the validator in 64 KiB chunks.
validate::Report
validate_stream(std::FILE* in, const std::string& name)
{
  validate::Validator v(name,
                        std::chrono::time_point_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now()));
  char buf[65536];
  std::size_t n;
  // Stop at the first fatal error: /dev/zero never ends.
  while ((n = std::fread(buf, 1, sizeof buf, in)) > 0
         && v.feed(std::string_view(buf, n))) {
  }
  return v.finish();
}

// True when a .json file says it is a JSON Feed near its start (a folder
// also holds cards.json and the like, which are not feeds).
bool
is_json_feed(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head.find("https://jsonfeed.org/version/") != std::string::npos;
}

// Lists the feeds in a folder, recursively (.xml, .atom, .rss, .rdf, and .json
// JSON Feeds), sorted.
// A folder that cannot be read is an error (exit 1); one without any feed
// is a usage error (exit 2): a CI step that validated nothing must not pass.
int
feeds_in(const std::string& dir, std::vector<std::string>& found)
{
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec);
  for (fs::recursive_directory_iterator end; !ec && it != end;
       it.increment(ec)) {
    const std::string ext = it->path().extension().string();
    std::error_code type_ec;
    if (it->is_regular_file(type_ec)
        && (ext == ".xml" || ext == ".atom" || ext == ".rss" || ext == ".rdf"
            || (ext == ".json" && is_json_feed(it->path())))) {
      found.push_back(it->path().string());
    }
  }
  if (ec) {
    const std::string where =
      it == fs::recursive_directory_iterator() ? dir : it->path().string();
    std::cerr << "ogfeed: error: cannot read folder '" << where
              << "': " << ec.message() << "\n";
    return k_exit_failure;
  }
  if (found.empty()) {
    return usage_error("'" + dir
                       + "' holds no .xml, .atom, .rss, .rdf or .json file");
  }
  std::sort(found.begin(), found.end());
  return k_exit_ok;
}

// Validates `file` ("-": stdin); none when it cannot be read (said).
std::optional<validate::Report>
validate_file(const std::string& file)
{
  if (file == "-") {
    return validate_stream(stdin, "-");
  }
  std::error_code ec;
  if (fs::is_directory(file, ec)) {
    std::cerr << "ogfeed: error: cannot read '" << file
              << "': it is a folder\n";
    return std::nullopt;
  }
  std::FILE* in = std::fopen(file.c_str(), "rb");
  if (in == nullptr) {
    std::cerr << "ogfeed: error: cannot open '" << file
              << "': " << std::strerror(errno) << "\n";
    return std::nullopt;
  }
  validate::Report report = validate_stream(in, file);
  std::fclose(in);
  return report;
}

} // namespace

int
run_validate(const std::vector<std::string>& args)
{
  validate::OutputFormat format = validate::OutputFormat::text;
  bool strict = false;
  bool list_rules = false;
  const std::vector<OptionSpec> specs = {
    {"format",
     0,
     OptionSpec::Value::required,
     [&](const std::string& name) -> std::optional<std::string> {
       if (!validate::parse_output_format(name, format)) {
         return "unknown format '" + name
                + "', expected text, json, github or junit";
       }
       return std::nullopt;
     }},
    {"strict",
     0,
     OptionSpec::Value::none,
     [&](const std::string&) -> std::optional<std::string> {
       strict = true;
       return std::nullopt;
     }},
    {"rules",
     0,
     OptionSpec::Value::none,
     [&](const std::string&) -> std::optional<std::string> {
       list_rules = true;
       return std::nullopt;
     }},
  };
  int code = k_exit_ok;
  const auto operands =
    parse_options("validate", args, specs, k_validate_help, code);
  if (!operands) {
    return code;
  }
  if (list_rules) {
    std::cout << validate::rule_specs_markdown();
    return k_exit_ok;
  }
  const std::vector<std::string>& inputs = *operands;
  if (inputs.empty()) {
    return usage_error("'validate' needs a feed file, a folder or -");
  }

  std::vector<std::string> files;
  int exit_code = k_exit_ok;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      std::vector<std::string> found;
      if (const int listed = feeds_in(input, found); listed != k_exit_ok) {
        return listed;
      }
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(input);
    }
  }

  std::vector<validate::Report> reports;
  for (const auto& file : files) {
    if (auto report = validate_file(file)) {
      reports.push_back(std::move(*report));
    } else {
      exit_code = k_exit_failure;
    }
  }
  std::cout << validate::format_reports(reports, format, strict);
  for (const auto& r : reports) {
    if (validate::has_errors(r, strict)) {
      exit_code = k_exit_failure;
    }
  }
  return exit_code;
}

} // namespace ogfeed::cli
