#include "card/vips_setup.hpp"
#include "cli/command.hpp"

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

int
main(int argc, char** argv)
{
  ogfeed::card::keep_vips_modules_unloaded();
  try {
    return ogfeed::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "ogfeed: internal error: " << e.what() << "\n";
    return ogfeed::cli::k_exit_failure;
  }
}
