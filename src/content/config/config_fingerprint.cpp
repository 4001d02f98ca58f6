#include "content/config/site_config.hpp"
#include "util/field_codec.hpp"

namespace ogfeed::content {

// Every member for_each_field() lists, so a new setting is in the rebuild
// key once it is in that list (tests/content/fields_test.cpp checks the
// list is whole).
std::string
config_fingerprint(const SiteConfig& c)
{
  util::ByteWriter w;
  util::encode(w, c);
  return w.take();
}

} // namespace ogfeed::content
