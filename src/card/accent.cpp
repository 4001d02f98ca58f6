#include "card/accent.hpp"

#include "util/ascii.hpp"

#include <array>
#include <cstdint>

namespace ogfeed::card {

namespace {

// Eight hues that read on dark and light cards alike (Tailwind's 500s).
constexpr std::array<const char*, 8> k_palette = {"#f97316",
                                                  "#22c55e",
                                                  "#06b6d4",
                                                  "#8b5cf6",
                                                  "#ec4899",
                                                  "#eab308",
                                                  "#3b82f6",
                                                  "#ef4444"};

// FNV-1a: a hash that never changes between builds, machines or versions.
std::uint32_t
stable_hash(const std::string& s)
{
  std::uint32_t h = 2166136261U;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619U;
  }
  return h;
}

} // namespace

std::string
accent_for(const content::Post& post, const content::CardSettings& settings)
{
  for (const auto* names : {&post.categories, &post.tags}) {
    for (const std::string& name : *names) {
      const std::string key = util::ascii_lower(name);
      for (const auto& [configured, color] : settings.accents) {
        if (util::ascii_lower(configured) == key) {
          return color;
        }
      }
    }
  }
  const std::string& first = !post.categories.empty() ? post.categories.front()
                             : !post.tags.empty()     ? post.tags.front()
                                                      : std::string();
  if (first.empty()) {
    return {};
  }
  return k_palette[stable_hash(util::ascii_lower(first)) % k_palette.size()];
}

} // namespace ogfeed::card
