#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

namespace ogfeed::util {

// XXH3-64 of `bytes`: what manifests and caches use to tell contents
// apart (not for security).
std::uint64_t hash64(std::string_view bytes, std::uint64_t seed = 0);

// hash64() of bytes given in pieces: digest() is hash64() of them all, one
// after the other.
class Hash64Stream
{
public:
  Hash64Stream();
  ~Hash64Stream();
  Hash64Stream(const Hash64Stream&) = delete;
  Hash64Stream& operator=(const Hash64Stream&) = delete;

  void update(std::string_view piece);
  std::uint64_t digest() const;

private:
  struct State;
  std::unique_ptr<State> m;
};

} // namespace ogfeed::util
