#include "card/font.hpp"

#include "util/file.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <hb.h>

#include <xxhash.h>

namespace ogfeed::card {

struct Font::Impl
{
  std::shared_ptr<const FontFile> file;
  FT_Library library = nullptr;
  FT_Face face = nullptr;
  hb_blob_t* blob = nullptr;
  hb_face_t* hb_face = nullptr;
  hb_font_t* hb = nullptr;

  ~Impl()
  {
    if (hb != nullptr) {
      hb_font_destroy(hb);
    }
    if (hb_face != nullptr) {
      hb_face_destroy(hb_face);
    }
    if (blob != nullptr) {
      hb_blob_destroy(blob);
    }
    if (face != nullptr) {
      FT_Done_Face(face);
    }
    if (library != nullptr) {
      FT_Done_FreeType(library);
    }
  }
};

std::uint64_t
FontFile::hash() const
{
  std::call_once(m_hashed, [this] {
    m_hash = XXH3_64bits(data.data(), data.size())
             ^ static_cast<std::uint64_t>(face_index);
  });
  return m_hash;
}

util::Expected<std::shared_ptr<const FontFile>>
load_font_file(const std::filesystem::path& path, int face_index)
{
  auto bytes = util::MappedFile::open(path, 256 * 1024 * 1024);
  if (!bytes) {
    return tl::unexpected(util::make_error(
      "cannot open font '" + path.string() + "': "
      + bytes.error().message.substr(bytes.error().message.rfind(": ") + 2)));
  }
  auto file = std::make_shared<FontFile>();
  file->path = path.string();
  file->data = std::move(*bytes);
  file->face_index = face_index;
  return std::shared_ptr<const FontFile>(std::move(file));
}

util::Expected<std::unique_ptr<Font>>
Font::open(std::shared_ptr<const FontFile> file)
{
  std::unique_ptr<Font> font(new Font());
  font->m_impl = std::make_unique<Impl>();
  Impl& m = *font->m_impl;
  m.file = std::move(file);
  const auto bad = [&](const char* what) {
    return tl::unexpected(
      util::make_error("cannot load font '" + m.file->path + "': " + what));
  };
  if (FT_Init_FreeType(&m.library) != 0) {
    return bad("FreeType failed to start");
  }
  const auto* data = reinterpret_cast<const FT_Byte*>(m.file->bytes().data());
  if (FT_New_Memory_Face(m.library,
                         data,
                         static_cast<FT_Long>(m.file->bytes().size()),
                         m.file->face_index,
                         &m.face)
      != 0) {
    return bad("not a font FreeType can read (expected .otf, .ttf or .ttc)");
  }
  m.blob = hb_blob_create(m.file->bytes().data(),
                          static_cast<unsigned>(m.file->bytes().size()),
                          HB_MEMORY_MODE_READONLY,
                          nullptr,
                          nullptr);
  m.hb_face = hb_face_create(m.blob, static_cast<unsigned>(m.file->face_index));
  m.hb = hb_font_create(m.hb_face);
  hb_ot_font_set_funcs(m.hb);
  const int upem = static_cast<int>(hb_face_get_upem(m.hb_face));
  hb_font_set_scale(m.hb, upem, upem);
  return font;
}

Font::~Font() = default;

const FontFile&
Font::file() const
{
  return *m_impl->file;
}

bool
Font::has_glyph(char32_t c) const
{
  hb_codepoint_t glyph;
  return hb_font_get_nominal_glyph(m_impl->hb, c, &glyph) != 0;
}

int
Font::units_per_em() const
{
  return static_cast<int>(hb_face_get_upem(m_impl->hb_face));
}

bool
Font::is_color() const
{
  return FT_HAS_COLOR(m_impl->face) && !FT_IS_SCALABLE(m_impl->face);
}

bool
Font::is_bold() const
{
  return (m_impl->face->style_flags & FT_STYLE_FLAG_BOLD) != 0;
}

void*
Font::ft_face() const
{
  return m_impl->face;
}

void*
Font::hb_font() const
{
  return m_impl->hb;
}

FontStack::FontStack(std::vector<Font*> fonts)
  : m_fonts(std::move(fonts))
{
}

int
FontStack::font_for(char32_t c) const
{
  for (std::size_t i = 0; i < m_fonts.size(); ++i) {
    if (m_fonts[i]->has_glyph(c)) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

Font&
FontStack::at(std::size_t i) const
{
  return *m_fonts[i];
}

std::size_t
FontStack::size() const
{
  return m_fonts.size();
}

} // namespace ogfeed::card
