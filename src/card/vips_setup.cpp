#include "card/vips_setup.hpp"

#include <cstdlib>

namespace ogfeed::card {

void
keep_vips_modules_unloaded()
{
  // vips_init() looks for modules in $VIPSHOME/lib/vips-modules-X.Y.
  ::setenv("VIPSHOME", "/nonexistent/ogfeed-vips", 0);
}

} // namespace ogfeed::card
