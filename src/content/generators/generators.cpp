#include "content/generators/generators.hpp"

namespace ogfeed::content::generators {

const std::vector<const Generator*>&
all_generators()
{
  static const std::vector<const Generator*> table = {&k_zenn,
                                                      &k_qiita,
                                                      &k_hugo,
                                                      &k_hexo,
                                                      &k_jekyll,
                                                      &k_astro,
                                                      &k_eleventy,
                                                      &k_gatsby,
                                                      &k_docusaurus};
  return table;
}

} // namespace ogfeed::content::generators
