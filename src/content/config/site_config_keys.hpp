#pragma once

// The keys of ogfeed.yaml, section by section, each with what it sets in a
// SiteConfig and how its value is checked. Internal to src/content.

#include "content/config/site_config.hpp"
#include "util/error.hpp"
#include "util/yaml_value.hpp"

#include <functional>
#include <string_view>
#include <vector>

namespace ogfeed::content::detail {

using Handler =
  std::function<util::Expected<void>(const util::YamlValue&, SiteConfig&)>;

struct Key
{
  std::string_view name;
  Handler handle;
};

// Applies each entry of map `v` through the table; an unknown key is an
// error that suggests the closest known one.
util::Expected<void> apply_keys(const util::YamlValue& v,
                                std::string_view section,
                                const std::vector<Key>& keys,
                                SiteConfig& config);

// The keys at the top of ogfeed.yaml (sections included).
const std::vector<Key>& top_keys();

// True when `name` is a relative path that stays inside the site: no '..',
// no absolute path, no component starting with '.'.
bool stays_inside(std::string_view name);

} // namespace ogfeed::content::detail
