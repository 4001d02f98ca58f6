// libFuzzer target: any bytes through ogfeed validate.
#include "validate/validator.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  (void)ogfeed::validate::validate_bytes(
    "f.xml", std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
