#pragma once

#include <filesystem>
#include <string>

namespace ogfeed::content::generators {

// `js` (the file `from`, below the site `root`) with the modules it takes
// from the site's own files appended, for js_string() and js_value() to
// find their constants in: `import { SITE } from "./src/config"` (AstroPaper
// keeps its URL and title there), `from "@/consts"` through tsconfig.json's
// `paths` and `baseUrl`, `require('./build/on-create-node')` (a
// gatsby-node's). At most 8 modules; a package's, or one outside the site,
// is never read.
std::string with_own_modules(const std::filesystem::path& root,
                             const std::string& js,
                             const std::filesystem::path& from = {});

} // namespace ogfeed::content::generators
