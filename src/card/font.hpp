#pragma once

#include "util/error.hpp"
#include "util/mapped_file.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::card {

// A font file mapped once and shared by every thread (FreeType and HarfBuzz
// objects are made per thread from it): a card touches only the pages of the
// glyphs it draws.
struct FontFile
{
  std::string path;      // as given, for messages
  util::MappedFile data; // the whole .otf, .ttf or .ttc
  int face_index = 0;    // the face within a .ttc collection

  std::string_view
  bytes() const
  {
    return data.view();
  }
  // Of the bytes and face, for the card cache: read in full only when a
  // build asks (`ogfeed card` never does).
  std::uint64_t hash() const;

private:
  mutable std::once_flag m_hashed;
  mutable std::uint64_t m_hash = 0;
};

// Reads a font file; fails with the path when it cannot be read.
util::Expected<std::shared_ptr<const FontFile>>
load_font_file(const std::filesystem::path& path, int face_index);

// One face opened for one thread: FreeType for glyph bitmaps, HarfBuzz for
// shaping. Not thread-safe; cheap next to rendering a card.
class Font
{
public:
  // Opens the face; fails when FreeType cannot read it as a font.
  static util::Expected<std::unique_ptr<Font>>
  open(std::shared_ptr<const FontFile> file);
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  const FontFile& file() const;
  bool has_glyph(char32_t c) const;
  int units_per_em() const;
  bool is_color() const; // a bitmap colour font (CBDT/sbix), such as emoji
  bool is_bold() const;  // the face says it is bold

  // The raw FreeType face (FT_Face) and HarfBuzz font (hb_font_t*), for the
  // shaper and the renderer; HarfBuzz positions come in font units.
  void* ft_face() const;
  void* hb_font() const;

private:
  Font() = default;
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// A primary font and its fallbacks, in order; the fonts are owned elsewhere
// and must outlive the stack.
class FontStack
{
public:
  explicit FontStack(std::vector<Font*> fonts);

  // Returns the index of the first font that has a glyph for `c`, or -1.
  int font_for(char32_t c) const;
  Font& at(std::size_t i) const;
  std::size_t size() const;

private:
  std::vector<Font*> m_fonts;
};

} // namespace ogfeed::card
