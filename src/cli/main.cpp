#include "card/vips_setup.hpp"
#include "cli/command.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>

#if defined(__SANITIZE_ADDRESS__)
// Test builds (scripts/test.sh: AddressSanitizer). libvips comes in by
// dlopen() (card/image_module.hpp), so glib's thread-locals are dynamic TLS,
// which GCC 12's LeakSanitizer misreads on Debian 12's glibc 2.36 and
// crashes scanning ("Tracer caught signal 11"). Thread-locals are not
// scanned, and what glib keeps in them is not reported as leaked.
extern "C" const char*
__lsan_default_options()
{
  return "use_tls=0:print_suppressions=0";
}
extern "C" const char*
__lsan_default_suppressions()
{
  return "leak:libglib-2.0.so\nleak:add_to_global_resize\n";
}
#endif

namespace {

// Ends the process once all it printed is flushed, without destroying what
// it holds (static objects, the libraries' state, what a build kept until
// exit): the kernel takes its memory back at once. Its outputs are already
// on disk, synced. Under AddressSanitizer (the test builds) the process
// exits as usual: the leak check needs the threads' own buffers freed
// first (their thread_local destructors), which _Exit skips.
[[noreturn]] void
end_process(int code)
{
  std::cout.flush();
  std::cerr.flush();
  (void)std::fflush(nullptr);
#if defined(__SANITIZE_ADDRESS__)
  std::exit(code);
#else
  std::_Exit(code);
#endif
}

} // namespace

int
main(int argc, char** argv)
{
  ogfeed::card::keep_vips_modules_unloaded();
  int code = ogfeed::cli::k_exit_failure;
  try {
    code = ogfeed::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "ogfeed: internal error: " << e.what() << "\n";
  }
  end_process(code);
}
