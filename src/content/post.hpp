#pragma once

#include "util/fields.hpp"
#include "util/time_zone.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ogfeed::content {

// A person as feeds name them; any part may be empty.
struct Person
{
  std::string name;
  std::string email;
  std::string uri;
  // A picture of the person: a file or URL as written (`author.avatar`), for
  // cards and JSON Feed.
  std::string avatar;
};

// Every member of Person, BodySpan and Post, in order (util/fields.hpp): the
// parse cache writes and reads them all, and a test checks none is missing.
template<typename Self, typename F>
requires util::is_a<Self, Person>
void
for_each_field(Self& p, F&& f)
{
  f("name", p.name);
  f("email", p.email);
  f("uri", p.uri);
  f("avatar", p.avatar);
}

// Where a post's Markdown body starts in its file, so the body can be read
// when a feed needs it without splitting the front matter again.
struct BodySpan
{
  std::uint64_t offset = 0;    // byte offset in the file as it is on disk
  int line = 1;                // 1-based file line of the body's first line
  std::uint64_t file_size = 0; // the file's size when it was loaded
  std::uint64_t file_hash = 0; // util::hash64 of its bytes then
};

template<typename Self, typename F>
requires util::is_a<Self, BodySpan>
void
for_each_field(Self& s, F&& f)
{
  f("offset", s.offset);
  f("line", s.line);
  f("file_size", s.file_size);
  f("file_hash", s.file_hash);
}

// What a site makes of a post's quirks that a generator publishes all the
// same: ogfeed's own sites call them errors; a generator's site reads them
// as the generator does, with a warning. A post without a title, or without
// front matter at all, is titled from its file name ("my-first-post" is "My
// First Post", as Jekyll titles it; Hugo and Hexo leave it empty); a flag
// that is neither true nor false (`draft: flase`) is false, as Hugo reads it.
enum class PostQuirks : std::uint8_t {
  are_errors,
  read_as_generator,
};

// What a date a post's file name starts with (2013-02-23-lualatex.md) is.
enum class NameDates : std::uint8_t {
  // Jekyll's: it dates a post without `date`; the rest of the name is the
  // name's slug.
  fallback,
  // Hexo's default, Hugo's: nothing; the name is the slug whole.
  ignored,
  // Hugo with `[frontmatter] date = [":filename", ...]`: it dates the post,
  // and the rest of the name is its slug as if the front matter said so
  // (tried: hugo 0.111.3).
  first,
  // Hugo with `:filename` after other handlers: the same, for a post the
  // front matter does not date.
  after,
};

// One post, as loaded from its file: the hub every later stage reads. It is
// complete once loaded and never changed after; what a build derives from it
// (rendered HTML, summary, card) lives in feed::Entry.
struct Post
{
  std::string shown_path; // as shown in messages, e.g. "posts/a.md"
  // The file read, its native path (a string: a std::filesystem::path
  // holds each of its components apart, hundreds of bytes a post); empty
  // for a post made in code.
  std::string file;
  std::string title;
  int title_line = 0; // where the title's value starts in the file, if known
  int title_column = 0;
  std::string slug;
  bool slug_given = false; // the front matter names it
  std::string file_name;   // file stem, or a page bundle's folder name
  std::string folder;      // folders between the content folder and the file
  util::UtcSeconds date{};
  // The UTC offset (seconds east) the front matter wrote the date with, if
  // it gave one: Hugo names URLs by the date as written.
  std::optional<int> date_offset;
  util::UtcSeconds updated{}; // `lastmod`/`updated`, else `date`
  std::string description;    // `description`/`summary`, may be empty
  std::vector<std::string> categories;
  // The last category path, parent first, as Hexo reads `categories`: a
  // list is one path ([Tech, Go]: Go below Tech), a list of lists several,
  // one category its own path.
  std::vector<std::string> category_path;
  std::vector<std::string> tags;
  bool draft = false;
  Person author; // empty when the post names none
  std::string image;
  // `lang`/`language` (or a Hugo language's folder or file suffix): the
  // language the post is written in, empty for the site's.
  std::string language;
  std::map<std::string, std::string> params; // other front-matter keys

  // Markdown without the front matter, when loaded with KeepBody::yes; the
  // site loader leaves bodies on disk to save memory (load_post_body()).
  std::optional<std::string> body;
  BodySpan body_span;

  std::optional<util::UtcSeconds> publish_date; // Hugo: hidden until then
  std::optional<util::UtcSeconds> expiry_date;  // Hugo: hidden from then
  std::string
    permalink_override;  // the post's own `permalink`/`url`, as written
  std::string permalink; // absolute URL, set by the site loader
};

template<typename Self, typename F>
requires util::is_a<Self, Post>
void
for_each_field(Self& p, F&& f)
{
  f("shown_path", p.shown_path);
  f("file", p.file);
  f("title", p.title);
  f("title_line", p.title_line);
  f("title_column", p.title_column);
  f("slug", p.slug);
  f("slug_given", p.slug_given);
  f("file_name", p.file_name);
  f("folder", p.folder);
  f("date", p.date);
  f("date_offset", p.date_offset);
  f("updated", p.updated);
  f("description", p.description);
  f("categories", p.categories);
  f("category_path", p.category_path);
  f("tags", p.tags);
  f("draft", p.draft);
  f("author", p.author);
  f("image", p.image);
  f("language", p.language);
  f("params", p.params);
  f("body", p.body);
  f("body_span", p.body_span);
  f("publish_date", p.publish_date);
  f("expiry_date", p.expiry_date);
  f("permalink_override", p.permalink_override);
  f("permalink", p.permalink);
}

} // namespace ogfeed::content
