#include "card/vips_setup.hpp"
#include "cli/command.hpp"

#include <exception>
#include <iostream>

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
