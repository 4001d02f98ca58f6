#include "util/hash.hpp"

#include <xxhash.h>

namespace ogfeed::util {

std::uint64_t
hash64(std::string_view bytes, std::uint64_t seed)
{
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

struct Hash64Stream::State
{
  XXH3_state_t* xxh = XXH3_createState();
  ~State()
  {
    XXH3_freeState(xxh);
  }
  State() = default;
  State(const State&) = delete;
  State& operator=(const State&) = delete;
};

Hash64Stream::Hash64Stream()
  : m(std::make_unique<State>())
{
  XXH3_64bits_reset(m->xxh);
}

Hash64Stream::~Hash64Stream() = default;

void
Hash64Stream::update(std::string_view piece)
{
  XXH3_64bits_update(m->xxh, piece.data(), piece.size());
}

std::uint64_t
Hash64Stream::digest() const
{
  return XXH3_64bits_digest(m->xxh);
}

} // namespace ogfeed::util
