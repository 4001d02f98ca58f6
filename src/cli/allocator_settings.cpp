// The ogfeed binary's allocator settings.
//
// A cold build of 10,000 posts touches about 30 MiB once. In 4 KiB pages
// that is about 7,000 page faults of about a microsecond each; in
// transparent huge pages (2 MiB) about 3,000, and the build takes about 6%
// less time (bench/feed-bench.sh). So, with jemalloc (CMakeLists.txt then
// defines OGFEED_WITH_JEMALLOC), the allocator asks for huge pages for all
// it maps (thp:always), and one arena serves every thread, so that few huge
// pages are partly used (an arena per thread, jemalloc's default, took 52
// MiB at 10,000 posts).
//
// But what the libraries allocate at start-up, a few hundred kilobytes,
// would then hold 6 MiB of partly used huge pages (ogfeed --version: 14.7
// MB, not 8.8). So the process starts with huge pages refused
// (PR_SET_THP_DISABLE, before any library's initialization runs), and a
// build allows them when it begins: memory touched before keeps its small
// pages. Peak memory at 10,000 posts: 42 MB instead of 36 (0.13x of
// Hugo's, where the issue allows 0.15x). MALLOC_CONF in the environment
// still overrides jemalloc's settings. Where the kernel has no huge pages,
// nothing changes.
#include "cli/allocator_settings.hpp"

#ifdef OGFEED_WITH_JEMALLOC

#  include <sys/prctl.h>

extern "C" {
// NOLINTNEXTLINE: the name and type jemalloc looks for.
const char* malloc_conf = "thp:always,narenas:1";
}

namespace {

// Huge pages were refused by whoever started ogfeed (the setting is
// inherited): then they stay refused.
bool g_refused_before = false;

void
refuse_huge_pages(int /*argc*/, char** /*argv*/, char** /*envp*/)
{
  g_refused_before = ::prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0) == 1;
  (void)::prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
}

// Run before the initialization of every library (ELF's preinit_array),
// so before jemalloc maps anything.
// NOLINTNEXTLINE: the section and the pointer's type are the ELF format's.
__attribute__((section(".preinit_array"), used)) void (*const k_refuse)(
  int, char**, char**) = &refuse_huge_pages;

} // namespace

namespace ogfeed::cli {

void
prefer_huge_pages()
{
  if (!g_refused_before) {
    (void)::prctl(PR_SET_THP_DISABLE, 0, 0, 0, 0);
  }
}

} // namespace ogfeed::cli

#else

namespace ogfeed::cli {

void
prefer_huge_pages()
{
}

} // namespace ogfeed::cli

#endif
