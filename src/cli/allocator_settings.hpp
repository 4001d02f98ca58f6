#pragma once

namespace ogfeed::cli {

// Lets the memory a build touches from now on come in transparent huge
// pages, where the kernel offers them and the allocator asks for them
// (allocator_settings.cpp). Does nothing otherwise.
void prefer_huge_pages();

} // namespace ogfeed::cli
