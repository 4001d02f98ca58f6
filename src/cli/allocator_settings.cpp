// jemalloc's settings for the ogfeed binary, read once at start-up
// (MALLOC_CONF in the environment still overrides them). Compiled only when
// the binary is linked with jemalloc (CMakeLists.txt).
//
// A build touches tens of megabytes once (10,000 posts' strings, the parse
// cache, head.json): in 4 KiB pages that is about 7,000 page faults of
// about a microsecond each. With transparent huge pages (where the kernel
// offers them: its mode "madvise" or "always") there are about 2,500, and
// a cold build of 10,000 posts takes about 7% less time. The price is
// memory: huge pages are partly used. One arena for all threads keeps them
// few: peak 45 MiB instead of 35 at 10,000 posts, where an arena per
// thread (jemalloc's default) would take about 52. bench/feed-bench.sh
// measures both against Hugo's (the bounds: 0.10x its time, 0.15x
// its memory). Where the kernel has no huge pages, nothing changes.

extern "C" {
// NOLINTNEXTLINE: the name and type jemalloc looks for.
const char* malloc_conf = "thp:always,narenas:1";
}
