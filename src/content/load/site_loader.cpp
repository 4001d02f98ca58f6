#include "content/load/site_loader.hpp"

#include "content/config/permalink.hpp"
#include "content/front_matter/front_matter.hpp"
#include "content/load/post_files.hpp"
#include "util/beneath.hpp"
#include "util/file.hpp"
#include "util/hash.hpp"
#include "util/parallel.hpp"
#include "util/prefault.hpp"
#include "util/url.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <mutex>
#include <optional>

namespace ogfeed::content {

namespace fs = std::filesystem;

namespace {

using namespace detail;

// The path is already the message's prefix: say what failed without it.
util::Error
describe_read_error(util::Error e, const std::string& shown_path)
{
  e.path = shown_path;
  if (e.os) {
    e.message = "cannot " + e.os->action
                + " the file: " + std::strerror(e.os->error_number);
  }
  return e;
}

// A FileHistory that remembers whether a post asked it: a post dated from
// git or its mtime has a date its file does not hold, so it is not cached.
class AskedHistory : public FileHistory
{
public:
  explicit AskedHistory(const FileHistory* inner)
    : m_inner(inner)
  {
  }
  std::optional<FileDates>
  dates_of(const std::filesystem::path& file) const override
  {
    m_asked = true;
    return m_inner->dates_of(file);
  }
  bool
  available() const override
  {
    return m_inner->available();
  }
  bool
  asked() const
  {
    return m_asked;
  }

private:
  const FileHistory* m_inner;
  mutable bool m_asked = false;
};

void
set_permalink(Post& post,
              const SiteConfig& config,
              const std::string& folder_pattern)
{
  if (post.permalink_override.empty()) {
    const std::string* section = section_permalink(config, post);
    const bool by_folder = !folder_pattern.empty();
    post.permalink =
      permalink_url(by_folder ? folder_pattern
                    : section ? *section
                              : config.permalink,
                    config.base_url,
                    post,
                    config.permalink_timezone.value_or(config.timezone),
                    config.url_rules,
                    !by_folder && section != nullptr);
    return;
  }
  // "/about/" is below the site, not the host: Jekyll and Hugo both read it
  // against the base URL.
  const std::string& own = post.permalink_override;
  if (config.url_rules.own_permalink_tokens
      && own.find(':') != std::string::npos && !util::is_http_url(own)
      && check_permalink_pattern(own)) {
    std::string pattern = own; // Jekyll's :title is the file's, ogfeed's :slug
    for (auto i = pattern.find(":title"); i != std::string::npos;
         i = pattern.find(":title", i + 1)) {
      pattern.replace(i, 6, ":slug");
    }
    post.permalink =
      permalink_url(pattern,
                    config.base_url,
                    post,
                    config.permalink_timezone.value_or(config.timezone),
                    config.url_rules);
    return;
  }
  // As written, but what a URL cannot hold escaped, as the generators
  // escape it: Jekyll's `permalink: /debian/workspace _org.html` is
  // /debian/workspace%20_org.html (its reserved characters and escapes
  // stay).
  const std::string rel = util::percent_encode(
    own.starts_with('/') ? own.substr(1) : own, "/?#[]@!$&'()*+,;=:", true);
  post.permalink =
    util::is_http_url(rel)
      ? rel
      : util::resolve_url(apply_url_rules(rel, config.url_rules, true),
                          config.base_url);
}

// Hugo multilingual: a post is in `lang` (unless it says otherwise) and
// lives under its prefix.
void
set_language(Post& post, const ContentLanguage& lang, const SiteConfig& config)
{
  if (post.language.empty()) {
    post.language = lang.language;
  }
  if (post.permalink_override.empty()
      && post.permalink.starts_with(config.base_url)) {
    post.permalink = config.base_url + lang.url_prefix
                     + post.permalink.substr(config.base_url.size());
  }
}

// The language of the content folder `post` is in (content/en), if any.
const ContentLanguage*
folder_language(const Post& post,
                const fs::path& site_root,
                const SiteConfig& config)
{
  for (const auto& [dir, lang] : config.content_languages) {
    const std::string folder =
      (site_root / dir / "").lexically_normal().string();
    if (std::filesystem::path(post.file)
          .lexically_normal()
          .string()
          .starts_with(folder)) {
      return &lang;
    }
  }
  return nullptr;
}

// What the site adds to a parsed post: its folder's categories, then its
// permalink.
void
finish_post(Post& post, const PostFile& file, const SiteConfig& config)
{
  if (!file.folder_categories.empty()) {
    std::vector<std::string> all = file.folder_categories;
    for (auto& c : post.categories) {
      if (std::find(all.begin(), all.end(), c) == all.end()) {
        all.push_back(std::move(c));
      }
    }
    post.categories = std::move(all);
  }
  set_permalink(post, config, file.permalink);
  if (unpublished_yet(config.permalink, post, config.url_rules)) {
    post.draft = true; // not on the host yet: no URL to give
  }
  if (!config.unlisted_flag.empty()) {
    const auto flag = post.params.find(config.unlisted_flag);
    if (flag != post.params.end() && flag->second == "true") {
      post.draft = true; // in none of the generator's lists
    }
  }
}

// The posts whose cache entries go to a sink together.
constexpr std::size_t k_sink_range = 64;

// The most a loading thread keeps of its read buffer between posts.
constexpr std::size_t k_kept_buffer_bytes = 1024 * 1024;

// Parses one file, or takes it from `cache`. Returns what the next cache
// should hold for it, if anything.
std::optional<CachedParse>
load_one(PostFile& file,
         const util::Dir& folder, // file's content folder
         const SiteConfig& config,
         const ParseCache* cache,
         ParsedPost& out,
         char& was_parsed) // 1: read and parsed, not from the cache
{
  const std::string& shown = file.source.display_path;
  if (cache != nullptr) {
    bool rechecked = false;
    if (const CachedParse* hit = cache->find(shown,
                                             file.source.file,
                                             file.source.name,
                                             file.source.folder,
                                             rechecked)) {
      if (auto decoded = read_parsed(hit->record)) {
        out = std::move(*decoded);
        if (out.post) {
          finish_post(*out.post, file, config);
        }
        return *hit;
      }
    }
  }
  was_parsed = 1;
  util::FileStamp stamp; // as opened, before it is read
  // Beneath its content folder, following no link: a post swapped for a
  // link since it was listed is not read.
  // Each thread reads into a buffer of its own, zeroed and faulted in once.
  thread_local std::string buffer;
  auto bytes = folder.read_into(file.rel(), k_max_post_bytes, buffer, &stamp);
  if (!bytes) {
    out.diagnostics.push_back(describe_read_error(bytes.error(), shown));
    return std::nullopt;
  }
  // The file's history is asked through one that remembers it was (for
  // this parse only: the file's own is put back after).
  const FileHistory* const own_history = file.source.history;
  const AskedHistory history(own_history);
  if (own_history != nullptr) {
    file.source.history = &history;
  }
  out = parse_post(*bytes, file.source, config.timezone);
  file.source.history = own_history;
  std::optional<CachedParse> entry;
  if (!history.asked() && !util::has_error(out.diagnostics)) {
    // A post hashed its file's bytes as it was parsed: not hashed twice.
    const std::uint64_t file_hash =
      out.post ? out.post->body_span.file_hash : util::hash64(*bytes);
    entry = CachedParse{stamp,
                        file_hash,
                        file.source.name,
                        file.source.folder,
                        write_parsed(out)};
  }
  if (buffer.size() > k_kept_buffer_bytes) {
    std::string().swap(buffer); // one large post's worth is not kept
  }
  if (out.post) {
    finish_post(*out.post, file, config);
  }
  return entry;
}

// A loaded post in its language: its file's language suffix decides, else
// its language's content folder (the default language's too when it has
// its own subfolder).
void
set_post_language(Post& post,
                  const std::string& file_language,
                  const fs::path& site_root,
                  const SiteConfig& config)
{
  if (!file_language.empty()) {
    set_language(post, config.file_languages.at(file_language), config);
  } else if (const ContentLanguage* lang =
               folder_language(post, site_root, config)) {
    set_language(post, *lang, config);
  }
}

// The paths of the files something was said about, with their index: the
// files are listed in byte order, what is said goes in path order.
struct NotedFiles
{
  std::mutex mutex;
  std::vector<std::pair<std::size_t, std::string>> paths;

  void
  add(std::size_t i, const std::string& path)
  {
    const std::lock_guard lock(mutex);
    paths.emplace_back(i, path);
  }
};

// The posts that loaded, in file order, compacted in place; every file's
// diagnostics go to `diagnostics`, in path order.
std::vector<Post>
keep_loaded(std::vector<Post> posts,
            const std::vector<char>& loaded,
            std::vector<util::Diagnostics>& notes,
            NotedFiles& noted,
            util::Diagnostics& diagnostics)
{
  // Of two content folders that list one file, the first named first (it
  // was found first).
  std::sort(
    noted.paths.begin(), noted.paths.end(), [](const auto& a, const auto& b) {
      if (detail::path_less(a.second, b.second)) {
        return true;
      }
      return !detail::path_less(b.second, a.second) && a.first < b.first;
    });
  for (const auto& [i, path] : noted.paths) {
    diagnostics.insert(diagnostics.end(),
                       std::make_move_iterator(notes[i].begin()),
                       std::make_move_iterator(notes[i].end()));
    util::Diagnostics().swap(notes[i]);
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < posts.size(); ++i) {
    if (loaded[i] == 0) {
      continue;
    }
    if (kept != i) {
      posts[kept] = std::move(posts[i]);
    }
    ++kept;
  }
  posts.resize(kept);
  return posts;
}

// What the git history could not do for posts without a date.
void
warn_about_history(const GitHistory& history,
                   const fs::path& site_root,
                   util::Diagnostics& diagnostics)
{
  if (history.used() && !history.refusal().empty()) {
    util::Diagnostic d = util::make_warning(
      history.refusal() + "; posts without a 'date' cannot be dated from it");
    d.path = (site_root / "").lexically_normal().string();
    diagnostics.push_back(std::move(d));
  }
  if (history.used() && history.shallow()) {
    util::Diagnostic d = util::make_warning(
      "this git clone is shallow, so posts without a 'date' are dated by "
      "the oldest commit it has, not the one that added them; fetch the "
      "whole history (`git fetch --unshallow`; in GitHub Actions, "
      "actions/checkout with `fetch-depth: 0`)");
    d.path = (site_root / "").lexically_normal().string();
    diagnostics.push_back(std::move(d));
  }
}

} // namespace

util::Expected<std::string>
load_post_body(const Post& post)
{
  if (post.body) {
    return *post.body;
  }
  auto bytes = util::read_file(post.file, k_max_post_bytes);
  if (!bytes) {
    return tl::unexpected(describe_read_error(bytes.error(), post.shown_path));
  }
  const BodySpan& span = post.body_span;
  if (bytes->size() != span.file_size
      || util::hash64(*bytes) != span.file_hash) {
    return tl::unexpected(util::with_path(
      util::make_error("the file changed while ogfeed was building; build "
                       "again"),
      post.shown_path));
  }
  std::size_t dropped = 0; // warned about when the post was loaded
  std::string body = util::drop_forbidden_chars(
    normalize_text(std::string_view(*bytes).substr(
      std::min<std::size_t>(span.offset, bytes->size()))),
    dropped);
  // Checked when loaded, but the file may have changed in place since.
  if (auto ok = util::check_xml_text(body, span.line); !ok) {
    return tl::unexpected(util::with_path(ok.error(), post.shown_path));
  }
  return body;
}

namespace {

// The stamps of the files `entries` (by file, `shown` their paths) hold, in
// the order the files were listed, and the entries themselves in out.cache
// when `keep` says so.
void
keep_entries(std::vector<std::string> shown,
             std::vector<std::optional<CachedParse>> entries,
             bool keep,
             LoadedPosts& out)
{
  out.stamps.reserve(shown.size());
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (!entries[i]) {
      continue;
    }
    if (keep) {
      out.stamps.emplace_back(shown[i], entries[i]->stamp);
      out.cache.store(shown[i], std::move(*entries[i]));
    } else {
      out.stamps.emplace_back(std::move(shown[i]), entries[i]->stamp);
    }
  }
}

// Each listed file's slot as the posts load: its post (if it loaded), what
// was said about it, its next cache entry, its shown path. One vector of
// posts, compacted in place after (keep_loaded), not a second one moved
// into.
struct LoadSlots
{
  LoadSlots(std::size_t n, unsigned jobs)
    : loaded(n, 0),
      notes(n),
      entries(n),
      shown(n),
      was_parsed(n, 0)
  {
    posts.reserve(n);
    util::prefault(posts.data(), n * sizeof(Post), jobs); // 7.5 MB for 10k
    posts.resize(n);
  }

  std::vector<Post> posts;
  std::vector<char> loaded;
  std::vector<util::Diagnostics> notes;
  std::vector<std::optional<CachedParse>> entries;
  std::vector<std::string> shown;
  std::vector<char> was_parsed; // 1: read and parsed, not from the cache
};

// The listed file `i` as the loader reads it, with the site's rules.
PostFile
named_post_file(ListedFiles& listed,
                std::size_t i,
                const SiteConfig& config,
                BrokenDrafts broken_drafts,
                const GitHistory& history)
{
  PostFile file = post_file(listed, i, config);
  file.source.broken_drafts = broken_drafts;
  file.source.history = &history;
  file.source.quirks = config.post_quirks;
  file.source.name_dates = config.url_rules.name_dates;
  file.source.name_is_slug = config.url_rules.file_name_slugs;
  return file;
}

// Each content folder opened beneath the site, following no link (its
// posts are opened from it): the site itself, or a folder in `opened`.
util::Expected<std::vector<const util::Dir*>>
open_content_folders(const util::Dir& site,
                     const std::vector<ContentFolder>& listed,
                     std::vector<util::Dir>& opened)
{
  opened.reserve(listed.size()); // the pointers stay put
  std::vector<const util::Dir*> folders;
  for (const ContentFolder& f : listed) {
    if (f.site_prefix.empty()) {
      folders.push_back(&site);
      continue;
    }
    TRY_ASSIGN(
      sub,
      site.sub(
        std::string_view(f.site_prefix).substr(0, f.site_prefix.size() - 1),
        util::Create::no));
    folders.push_back(&opened.emplace_back(std::move(sub)));
  }
  return folders;
}

// What every loading thread reads.
struct LoadContext
{
  const fs::path& site_root;
  const SiteConfig& config;
  BrokenDrafts broken_drafts;
  const ParseCache* cache;
  const CacheEntrySink* sink;
  const std::vector<const util::Dir*>& folders; // each content folder's
  const GitHistory& history;
};

// Names, reads and parses the listed files [begin, end) into their slots;
// their next cache entries go to the sink together.
void
load_range(const LoadContext& c,
           ListedFiles& listed,
           LoadSlots& slots,
           NotedFiles& noted,
           std::size_t begin,
           std::size_t end)
{
  util::ByteWriter batch;
  if (c.sink != nullptr) {
    batch.reserve((end - begin) * 1024); // a record is about 600 bytes
  }
  for (std::size_t i = begin; i < end; ++i) {
    PostFile file =
      named_post_file(listed, i, c.config, c.broken_drafts, c.history);
    ParsedPost parsed;
    std::optional<CachedParse>& entry = slots.entries[i];
    entry = load_one(file,
                     *c.folders[file.folder],
                     c.config,
                     c.cache,
                     parsed,
                     slots.was_parsed[i]);
    if (entry && c.sink != nullptr) {
      ParseCache::write_entry(batch, file.source.display_path, *entry);
      std::string().swap(entry->record); // on its way to the file
    }
    if (!parsed.diagnostics.empty()) {
      noted.add(i, file.source.file);
    }
    slots.notes[i] = std::move(parsed.diagnostics);
    if (parsed.post) {
      set_post_language(*parsed.post, file.language, c.site_root, c.config);
      slots.posts[i] = std::move(*parsed.post);
      slots.loaded[i] = 1;
    }
    slots.shown[i] = std::move(file.source.display_path);
  }
  if (c.sink != nullptr && !batch.bytes().empty()) {
    (*c.sink)(batch.take());
  }
}

} // namespace

LoadedPosts
load_posts(const fs::path& site_root,
           const SiteConfig& config,
           unsigned jobs,
           BrokenDrafts broken_drafts,
           const ParseCache* cache,
           const CacheEntrySink* sink,
           PostOrder order)
{
  LoadedPosts out;
  out.cache = ParseCache(parse_cache_setup(config, broken_drafts));
  out.cache.set_read_time(std::chrono::duration_cast<std::chrono::nanoseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count());
  auto listed = find_post_files(site_root, config, out.folders);
  if (!listed) {
    out.diagnostics.push_back(listed.error());
    return out;
  }
  const std::size_t n = listed->files.size();
  out.files = n;
  LoadSlots slots(n, jobs);
  auto site = util::Dir::open(site_root, util::Create::no);
  if (!site) {
    out.diagnostics.push_back(site.error());
    return out;
  }
  std::vector<util::Dir> opened;
  auto folders = open_content_folders(*site, listed->folders, opened);
  if (!folders) {
    out.diagnostics.push_back(folders.error());
    return out;
  }
  const GitHistory history(site_root, config.content_dirs);
  NotedFiles noted;
  // Each file is named, read and parsed on a loading thread: the listing
  // only finds the paths. The sink takes a range's cache entries at once
  // (one lock a range, not one a post).
  const LoadContext context{
    site_root, config, broken_drafts, cache, sink, *folders, history};
  util::parallel_for_ranges(
    n, jobs, k_sink_range, [&](std::size_t begin, std::size_t end) {
      load_range(context, *listed, slots, noted, begin, end);
    });
  for (const char parsed : slots.was_parsed) {
    out.parsed += parsed != 0 ? 1 : 0;
  }
  keep_entries(
    std::move(slots.shown), std::move(slots.entries), sink == nullptr, out);
  out.posts = keep_loaded(
    std::move(slots.posts), slots.loaded, slots.notes, noted, out.diagnostics);
  warn_about_history(history, site_root, out.diagnostics);
  if (order == PostOrder::sorted) {
    sort_posts(out.posts);
  }
  return out;
}

} // namespace ogfeed::content
