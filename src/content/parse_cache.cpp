#include "content/parse_cache.hpp"

#include "util/hash.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

namespace ogfeed::content {

namespace {

constexpr std::string_view k_magic = "ogfeed-parse-cache 3";
// FAT and some network file systems keep mtimes to 2 seconds.
constexpr std::int64_t k_clock_slack_ns = 2'000'000'000;

void
write_time(util::ByteWriter& w, util::UtcSeconds t)
{
  w.i64(t.time_since_epoch().count());
}

util::UtcSeconds
read_time(util::ByteReader& r)
{
  return util::UtcSeconds(std::chrono::seconds(r.i64()));
}

void
write_optional_time(util::ByteWriter& w,
                    const std::optional<util::UtcSeconds>& t)
{
  w.u64(t ? 1 : 0);
  if (t) {
    write_time(w, *t);
  }
}

std::optional<util::UtcSeconds>
read_optional_time(util::ByteReader& r)
{
  if (r.u64() == 0) {
    return std::nullopt;
  }
  return read_time(r);
}

} // namespace

void
write_post(util::ByteWriter& w, const Post& p)
{
  // A new member of Post must be written here too (and read below): the
  // feeds' cache keys hash these bytes.
  static_assert(sizeof(Post) == 728, "Post changed: update write_post");
  w.str(p.shown_path);
  w.str(p.file.string());
  w.str(p.title);
  w.i64(p.title_line);
  w.i64(p.title_column);
  w.str(p.slug);
  w.u64(p.slug_given ? 1 : 0);
  w.str(p.file_name);
  w.str(p.folder);
  write_time(w, p.date);
  write_time(w, p.updated);
  w.str(p.description);
  w.strs(p.categories);
  w.strs(p.tags);
  w.u64(p.draft ? 1 : 0);
  w.str(p.author.name);
  w.str(p.author.email);
  w.str(p.author.uri);
  w.str(p.author.avatar);
  w.str(p.image);
  w.str(p.language);
  w.u64(p.params.size());
  for (const auto& [k, v] : p.params) {
    w.str(k);
    w.str(v);
  }
  w.u64(p.body ? 1 : 0);
  if (p.body) {
    w.str(*p.body);
  }
  w.u64(p.body_span.offset);
  w.i64(p.body_span.line);
  w.u64(p.body_span.file_size);
  w.u64(p.body_span.file_hash);
  write_optional_time(w, p.publish_date);
  write_optional_time(w, p.expiry_date);
  w.str(p.permalink_override);
  w.str(p.permalink);
}

Post
read_post(util::ByteReader& r)
{
  Post p;
  p.shown_path = r.str();
  p.file = r.str();
  p.title = r.str();
  p.title_line = static_cast<int>(r.i64());
  p.title_column = static_cast<int>(r.i64());
  p.slug = r.str();
  p.slug_given = r.u64() != 0;
  p.file_name = r.str();
  p.folder = r.str();
  p.date = read_time(r);
  p.updated = read_time(r);
  p.description = r.str();
  p.categories = r.strs();
  p.tags = r.strs();
  p.draft = r.u64() != 0;
  p.author.name = r.str();
  p.author.email = r.str();
  p.author.uri = r.str();
  p.author.avatar = r.str();
  p.image = r.str();
  p.language = r.str();
  const std::uint64_t params = r.count(16);
  for (std::uint64_t i = 0; i < params; ++i) {
    std::string k = r.str();
    p.params[std::move(k)] = r.str();
  }
  if (r.u64() != 0) {
    p.body = r.str();
  }
  p.body_span.offset = r.u64();
  p.body_span.line = static_cast<int>(r.i64());
  p.body_span.file_size = r.u64();
  p.body_span.file_hash = r.u64();
  p.publish_date = read_optional_time(r);
  p.expiry_date = read_optional_time(r);
  p.permalink_override = r.str();
  p.permalink = r.str();
  return p;
}

std::string
write_parsed(const ParsedPost& parsed)
{
  util::ByteWriter w;
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
                 const std::filesystem::path& file,
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
  const auto now = util::file_stamp(file);
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
ParseCache::write(util::ByteWriter& w) const
{
  w.str(k_magic);
  w.u64(m_setup);
  w.i64(m_read_time);
  // In path order, so that the same parses always make the same bytes.
  std::vector<const std::pair<const std::string, CachedParse>*> sorted;
  sorted.reserve(m_entries.size());
  for (const auto& e : m_entries) {
    sorted.push_back(&e);
  }
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) {
    return a->first < b->first;
  });
  std::size_t bytes = 0;
  for (const auto* e : sorted) {
    bytes += e->first.size() + e->second.name.size() + e->second.folder.size()
             + e->second.record.size() + 96;
  }
  w.reserve(w.bytes().size() + bytes + 64);
  w.u64(sorted.size());
  for (const auto* e : sorted) {
    w.str(e->first);
    util::write_stamp(w, e->second.stamp);
    w.u64(e->second.file_hash);
    w.str(e->second.name);
    w.str(e->second.folder);
    w.str(e->second.record);
  }
}

ParseCache
ParseCache::read(util::ByteReader& r, std::uint64_t setup)
{
  ParseCache cache(setup);
  if (r.str() != k_magic || r.u64() != setup) {
    return cache;
  }
  cache.m_read_time = r.i64();
  const std::uint64_t n = r.count(64);
  cache.m_entries.reserve(n);
  for (std::uint64_t i = 0; i < n && !r.failed(); ++i) {
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

} // namespace ogfeed::content
