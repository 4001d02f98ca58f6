#include "content/load/parse_cache.hpp"

#include "content/load/site_loader.hpp"
#include "util/field_codec.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

namespace ogfeed::content {

namespace {

// FAT and some network file systems keep mtimes to 2 seconds.
constexpr std::int64_t k_clock_slack_ns = 2'000'000'000;

} // namespace

// Every member Post's for_each_field() lists: the feeds' cache keys hash
// these bytes, so a new member is in them once it is in that list.
void
write_post(util::ByteWriter& w, const Post& p)
{
  util::encode(w, p);
}

Post
read_post(util::ByteReader& r)
{
  Post p;
  util::decode(r, p);
  return p;
}

std::string
write_parsed(const ParsedPost& parsed)
{
  util::ByteWriter w;
  w.reserve(2048); // a post's record, grown once or not at all
  w.u64(parsed.post ? 1 : 0);
  if (parsed.post) {
    write_post(w, *parsed.post);
  }
  util::write_diagnostics(w, parsed.diagnostics);
  return w.take();
}

std::optional<ParsedPost>
read_parsed(std::string_view bytes)
{
  util::ByteReader r(bytes);
  ParsedPost parsed;
  if (r.u64() != 0) {
    parsed.post = read_post(r);
  }
  parsed.diagnostics = util::read_diagnostics(r);
  if (r.failed() || !r.at_end()) {
    return std::nullopt;
  }
  return parsed;
}

bool
ParseCache::holds(const std::string& shown_path,
                  const std::filesystem::path& file) const
{
  const auto it = m_entries.find(shown_path);
  if (it == m_entries.end()) {
    return false;
  }
  return settled(it->second.stamp)
         && util::file_stamp(file) == it->second.stamp;
}

bool
ParseCache::settled(const util::FileStamp& s) const
{
  return settled(s, m_read_time);
}

bool
ParseCache::settled(const util::FileStamp& s, std::int64_t read_time)
{
  return s.mtime_ns < read_time - k_clock_slack_ns
         && s.ctime_ns < read_time - k_clock_slack_ns;
}

std::vector<std::pair<std::string, util::FileStamp>>
ParseCache::stamps() const
{
  std::vector<std::pair<std::string, util::FileStamp>> out;
  out.reserve(m_entries.size());
  for (const auto& [path, e] : m_entries) {
    out.emplace_back(path, e.stamp);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.first < b.first;
  });
  return out;
}

const CachedParse*
ParseCache::find(const std::string& shown_path,
                 const std::string& file,
                 const std::string& name,
                 const std::string& folder,
                 bool& rechecked) const
{
  const auto it = m_entries.find(shown_path);
  if (it == m_entries.end()) {
    return nullptr;
  }
  const CachedParse& e = it->second;
  if (e.name != name || e.folder != folder) {
    return nullptr;
  }
  const auto now = util::native_file_stamp(file);
  if (!now || *now != e.stamp) {
    return nullptr;
  }
  if (!settled(e.stamp)) {
    // Written so close to when it was read that a later write may share
    // the stamp: trust the bytes, not the stamp.
    rechecked = true;
    auto bytes = util::read_file(file, e.stamp.size);
    if (!bytes || util::hash64(*bytes) != e.file_hash) {
      return nullptr;
    }
  }
  return &e;
}

void
ParseCache::store(const std::string& shown_path, CachedParse entry)
{
  m_entries[shown_path] = std::move(entry);
}

void
ParseCache::write_head(util::ByteWriter& w,
                       std::uint64_t setup,
                       std::int64_t read_time)
{
  w.u64(setup);
  w.i64(read_time);
}

void
ParseCache::write_entry(util::ByteWriter& w,
                        std::string_view shown_path,
                        const CachedParse& entry)
{
  w.u64(1); // an entry follows
  w.str(shown_path);
  util::write_stamp(w, entry.stamp);
  w.u64(entry.file_hash);
  w.str(entry.name);
  w.str(entry.folder);
  w.str(entry.record);
}

void
ParseCache::write_end(util::ByteWriter& w)
{
  w.u64(0);
}

void
ParseCache::write(util::ByteWriter& w) const
{
  write_head(w, m_setup, m_read_time);
  // In path order, so that the same parses always make the same bytes.
  std::vector<const std::pair<const std::string, CachedParse>*> sorted;
  sorted.reserve(m_entries.size());
  for (const auto& e : m_entries) {
    sorted.push_back(&e);
  }
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) {
    return a->first < b->first;
  });
  for (const auto* e : sorted) {
    write_entry(w, e->first, e->second);
  }
  write_end(w);
}

ParseCache
ParseCache::read(util::ByteReader& r, std::uint64_t setup)
{
  ParseCache cache(setup);
  if (r.u64() != setup) {
    return cache;
  }
  cache.m_read_time = r.i64();
  while (!r.failed() && r.u64() == 1) {
    std::string path = r.str();
    CachedParse e;
    e.stamp = util::read_stamp(r);
    e.file_hash = r.u64();
    e.name = r.str();
    e.folder = r.str();
    e.record = r.str();
    cache.m_entries.emplace(std::move(path), std::move(e));
  }
  if (r.failed()) {
    return ParseCache(setup);
  }
  return cache;
}

std::uint64_t
parse_cache_setup(const SiteConfig& config, BrokenDrafts broken_drafts)
{
  static const std::string layout = util::field_layout<Post>();
  return util::hash64(
    std::string(OGFEED_VERSION) + "\x1f" + layout + "\x1f"
    + config.timezone.name() + "\x1f"
    + (broken_drafts == BrokenDrafts::are_errors ? "e" : "w")
    + std::to_string(static_cast<int>(config.post_quirks))
    + std::to_string(static_cast<int>(config.url_rules.name_dates))
    + (config.url_rules.file_name_slugs ? "n" : "s")
    + std::to_string(k_max_post_bytes));
}

} // namespace ogfeed::content
