#pragma once

#include "content/front_matter/post_parser.hpp"
#include "content/post.hpp"
#include "util/byte_codec.hpp"
#include "util/file.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ogfeed::content {

// A post file as an earlier build parsed it.
struct CachedParse
{
  util::FileStamp stamp;       // the file when it was read
  std::uint64_t file_hash = 0; // util::hash64 of its bytes then
  std::string name;            // the PostSource it was parsed as
  std::string folder;
  // The post (or none: a broken draft) and its warnings, as
  // write_parsed() wrote them: decoded only when a build asks.
  std::string record;
};

// Parsed posts by file path, so that a rebuild re-reads only the posts whose
// files changed. An entry is trusted when the file's stamp (size, inode,
// mtime, ctime) is the one it was read with; a stamp too close to the time
// the files were read to rule out a later same-second write ("racy", as git
// calls it) is trusted only once the file's bytes hash the same. Posts
// dated from git history or mtime are never cached: their dates are not in
// their files.
class ParseCache
{
public:
  // `setup` hashes what every parse depends on besides the file (ogfeed's
  // version, the time zone, what a broken draft is): a cache made under
  // another setup is empty.
  explicit ParseCache(std::uint64_t setup = 0)
    : m_setup(setup)
  {
  }

  // The cached parse of `file`, shown as `shown_path` and parsed as
  // (`name`, `folder`), if it is still what the file holds. Sets
  // `rechecked` when that took reading the file (a racy stamp). Thread-safe
  // with other finds. `file` is its native path, parsed into no
  // std::filesystem::path: a cold build asks once a post.
  const CachedParse* find(const std::string& shown_path,
                          const std::string& file,
                          const std::string& name,
                          const std::string& folder,
                          bool& rechecked) const;

  // True when `shown_path` is cached from `file` and the file still has
  // the stamp it was read with, far enough from the read to be trusted.
  // Reads nothing but the file's status.
  bool holds(const std::string& shown_path,
             const std::filesystem::path& file) const;

  // Records a parse made from a file read after it was stamped.
  void store(const std::string& shown_path, CachedParse entry);

  // The wall time (ns since the epoch) this build began to stat and read
  // the files: a stamp within the coarsest file-system clock (2 s) of it
  // may hide a later write, so the entry is checked by its bytes next time.
  void
  set_read_time(std::int64_t ns)
  {
    m_read_time = ns;
  }

  std::size_t
  size() const
  {
    return m_entries.size();
  }
  std::int64_t
  read_time() const
  {
    return m_read_time;
  }

  // Every cached file's shown path and stamp, in path order.
  std::vector<std::pair<std::string, util::FileStamp>> stamps() const;

  // True when `stamp` is far enough from the read time to trust.
  bool settled(const util::FileStamp& stamp) const;
  static bool settled(const util::FileStamp& stamp, std::int64_t read_time);

  // The cache as bytes: write_head(), each entry by write_entry() (in path
  // order), write_end(). A build streams the same pieces while it loads
  // (site/parse_cache_stream), in the order the posts load.
  void write(util::ByteWriter& w) const;
  static void
  write_head(util::ByteWriter& w, std::uint64_t setup, std::int64_t read_time);
  static void write_entry(util::ByteWriter& w,
                          std::string_view shown_path,
                          const CachedParse& entry);
  static void write_end(util::ByteWriter& w);
  // Reads what write() wrote under the same setup; anything else (another
  // setup, a damaged file) gives an empty cache.
  static ParseCache read(util::ByteReader& r, std::uint64_t setup);

private:
  std::uint64_t m_setup = 0;
  std::int64_t m_read_time = 0;
  std::unordered_map<std::string, CachedParse> m_entries; // by shown path
};

// A post as bytes, and back: every field (a post's fingerprint for the
// feeds is a hash of these bytes).
void write_post(util::ByteWriter& w, const Post& post);
Post read_post(util::ByteReader& r);

// A parse (post and diagnostics) as bytes, and back; damaged bytes read as
// nullopt.
std::string write_parsed(const ParsedPost& parsed);
std::optional<ParsedPost> read_parsed(std::string_view bytes);

} // namespace ogfeed::content
