#include "content/generators/js_modules.hpp"

#include "content/generators/detector.hpp"
#include "content/generators/js_values.hpp"
#include "util/json_value.hpp"

#include <algorithm>
#include <optional>
#include <regex>

namespace ogfeed::content::generators {

namespace {

// An import's name as tsconfig.json's `paths` map it to a file of the
// site: `"@/*": ["./src/*"]` (a prefix) or `"@config": ["config.ts"]`,
// each below its `baseUrl`.
struct ModuleAlias
{
  std::string from; // "@/" (a prefix) or "@config" (the whole name)
  std::string to;   // "src/" or "src/config.ts"
  bool prefix = false;
};

// The site's aliases, with Astro starters' `@/` and `~/` for src/ when it
// names none.
std::vector<ModuleAlias>
module_aliases(const fs::path& root)
{
  std::vector<ModuleAlias> aliases;
  const auto config = util::parse_json_value(
    without_js_comments(read_text(root, "tsconfig.json")));
  const util::YamlValue* options =
    config ? config->find("compilerOptions") : nullptr;
  const util::YamlValue* paths =
    options != nullptr ? options->find("paths") : nullptr;
  const util::YamlValue* base =
    options != nullptr ? options->find("baseUrl") : nullptr;
  const fs::path below(base != nullptr ? base->scalar : ".");
  for (const auto& [key, value] :
       paths != nullptr ? paths->entries : std::vector<util::YamlEntry>{}) {
    if (value.items.empty()) {
      continue;
    }
    std::string to = value.items.front().scalar;
    const bool prefix = key.scalar.ends_with("/*") && to.ends_with("/*");
    if (prefix) {
      to.pop_back();
    } else if (key.scalar.find('*') != std::string::npos
               || to.find('*') != std::string::npos) {
      continue;
    }
    aliases.push_back(
      {prefix ? key.scalar.substr(0, key.scalar.size() - 1) : key.scalar,
       (below / to).lexically_normal().generic_string()
         + (prefix && !to.ends_with('/') ? "/" : ""),
       prefix});
  }
  if (aliases.empty()) {
    aliases = {{"@/", "src/", true}, {"~/", "src/", true}};
  }
  return aliases;
}

} // namespace

std::string
with_own_modules(const fs::path& root,
                 const std::string& js,
                 const fs::path& from)
{
  static const std::regex import(
    R"re((?:import\s*\{[^}]*\}\s*from|require\s*\()\s*[`'"]([^`'"\n]+)[`'"])re");
  std::optional<std::vector<ModuleAlias>> aliases;
  std::string scope = js;
  const std::string code = without_js_comments(js);
  int read = 0;
  for (auto it = std::sregex_iterator(code.begin(), code.end(), import);
       it != std::sregex_iterator() && read < 8;
       ++it) {
    std::string name = (*it)[1].str();
    if (name.starts_with('.')) {
      name = (from.parent_path() / name).generic_string();
    } else {
      if (!aliases) {
        aliases = module_aliases(root);
      }
      const auto alias = std::find_if(
        aliases->begin(), aliases->end(), [&](const ModuleAlias& a) {
          return a.prefix ? name.starts_with(a.from) : name == a.from;
        });
      if (alias == aliases->end()) {
        continue; // a package's module
      }
      name = alias->to + name.substr(alias->from.size());
    }
    const std::string module =
      fs::path(name).lexically_normal().generic_string();
    if (module.starts_with("..") || fs::path(module).is_absolute()) {
      continue; // outside the site: never read
    }
    for (const char* ext :
         {"", ".ts", ".js", ".mjs", ".mts", "/index.ts", "/index.js"}) {
      const std::string text = read_text(root, module + ext);
      if (!text.empty()) {
        scope += "\n" + text;
        ++read;
        break;
      }
    }
  }
  return scope;
}

} // namespace ogfeed::content::generators
