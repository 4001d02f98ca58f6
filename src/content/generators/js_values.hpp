#pragma once

// Values read from a generator's JavaScript config without running it.

#include <optional>
#include <string>
#include <string_view>

namespace ogfeed::content::generators {

// `js` without its // and /* */ comments (strings kept whole).
std::string without_js_comments(std::string_view js);

// A string value in JavaScript source: `key: VALUE` or `key = VALUE`, the
// first such key. VALUE is a string literal (a template literal's
// `${NAME}` filled from `const NAME = ...`), a constant's name, or
// `CONDITION ? A : B` where CONDITION reads only process.env as a
// production build sees it (NODE_ENV is "production", nothing else is
// set): Docusaurus's `baseUrl: isPreview ? "/" : `/${repo}/``. Anything
// else is not found. Constants are looked up in `consts` (the whole file)
// when given, else in `source`.
std::optional<std::string> js_string(const std::string& source,
                                     std::string_view key,
                                     const std::string* consts = nullptr);

// The source text of the first `key`'s value, unevaluated: "SITE.website".
std::optional<std::string> js_expression(const std::string& source,
                                         std::string_view key);

// The value of an expression (as js_string() evaluates a key's) in `js`:
// js_value(config, "SITE.title").
std::optional<std::string> js_value(const std::string& js,
                                    std::string_view expression);

// The object literal a module exports (`module.exports = {...}`, `export
// default {...}`) with what its values nest (objects, arrays, functions)
// blanked out, so that js_string() on it finds only the object's own keys
// (an Eleventy data file's `url`, not one in its `links: [{ url }]`);
// nullopt when the module exports no object literal.
std::optional<std::string> js_exported_object(const std::string& source);

// The text of the object literal `key: { ... }` (its braces included), the
// first `key` whose value is an object: `blog: { routeBasePath: ... }`.
std::optional<std::string> js_object(const std::string& source,
                                     std::string_view key);

} // namespace ogfeed::content::generators
