#include "util/name_fold.hpp"

#include "util/ascii.hpp"

#include <glib.h>

namespace ogfeed::util {

std::string
fold_name(std::string_view name)
{
  const auto length = static_cast<gssize>(name.size());
  gchar* composed =
    g_utf8_normalize(name.data(), length, G_NORMALIZE_DEFAULT_COMPOSE);
  if (composed == nullptr) {
    return ascii_lower(name); // not UTF-8
  }
  gchar* folded = g_utf8_casefold(composed, -1);
  std::string out(folded);
  g_free(folded);
  g_free(composed);
  return out;
}

} // namespace ogfeed::util
