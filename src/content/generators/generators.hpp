#pragma once

// The one table of the generators ogfeed reads. Each lives in a module of
// its own (hugo.cpp, jekyll.cpp, ...) that holds everything ogfeed knows of
// it: how to recognise its site, where its settings and posts are, how it
// makes URLs and what markup its posts hold.

#include "content/generators/detector.hpp"

#include <vector>

namespace ogfeed::content::generators {

extern const Generator k_hugo;
extern const Generator k_jekyll;
extern const Generator k_hexo;
extern const Generator k_zenn;
extern const Generator k_qiita;
extern const Generator k_astro;
extern const Generator k_eleventy;
extern const Generator k_gatsby;
extern const Generator k_docusaurus;

// Every generator, in the order detection tries them: most specific
// first (Zenn and Qiita repositories are plain folders that another
// generator's files could also sit in).
const std::vector<const Generator*>& all_generators();

} // namespace ogfeed::content::generators
