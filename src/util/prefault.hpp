#pragma once

#include <cstddef>

namespace ogfeed::util {

// Faults in, for writing, the whole pages of [data, data + bytes) on up to
// `jobs` threads: memory that one thread is about to fill (a vector of
// 10,000 posts is 7.5 MB) then costs it no page faults. The range is
// offered huge pages (MADV_HUGEPAGE). Only a hint: on a kernel without
// MADV_POPULATE_WRITE it does nothing.
void prefault(void* data, std::size_t bytes, unsigned jobs);

} // namespace ogfeed::util
