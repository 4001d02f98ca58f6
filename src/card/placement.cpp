#include "card/placement.hpp"

#include "util/json.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

namespace ogfeed::card {

namespace {

// Noto Sans CJK's ascender and descender, in em: the ink box of a line.
constexpr float k_ascent = 0.88F;
constexpr float k_descent = 0.24F;
constexpr float k_margin = 40; // kept clear at the card's right edge

bool
rows_overlap(float top_a, float bottom_a, float top_b, float bottom_b)
{
  return top_a < bottom_b && top_b < bottom_a;
}

// One small text element's slot: where it may go, narrowed by each element
// already placed in its row until its text overlaps none.
struct Slot
{
  float left = 0;
  float right = 0;
};

float
text_left(const TextBlock& b, const Slot& s, float width)
{
  switch (b.align) {
  case Align::start:
    break;
  case Align::center:
    return (s.left + s.right - width) / 2;
  case Align::end:
    return s.right - width;
  }
  return s.left;
}

void
narrow(Slot& slot,
       const TextBlock& b,
       float width,
       float top,
       float bottom,
       const std::vector<ElementBox>& placed)
{
  const float gap = b.size * 0.8F;
  for (int pass = 0; pass < 2; ++pass) {
    for (const ElementBox& p : placed) {
      const float x =
        text_left(b, slot, std::min(width, slot.right - slot.left));
      const float w = std::min(width, slot.right - slot.left);
      if (p.name == "background" || p.name == "panel"
          || !rows_overlap(top, bottom, p.y, p.y + p.height) || p.x >= x + w
          || p.x + p.width <= x) {
        continue;
      }
      // An element at the slot's start edge (a logo where the site name
      // starts) pushes the text after it; any other ends the slot.
      bool after = false;
      switch (b.align) {
      case Align::start:
        after = p.x <= slot.left;
        break;
      case Align::end:
        after = p.x + p.width < slot.right;
        break;
      case Align::center:
        after = p.x + p.width / 2 <= (slot.left + slot.right) / 2;
        break;
      }
      if (after) {
        slot.left = std::max(slot.left, p.x + p.width + gap);
      } else {
        slot.right = std::min(slot.right, p.x - gap);
      }
    }
  }
}

ElementBox
text_box(
  const std::string& name, float x, float baseline, float width, float size)
{
  return {
    name, x, baseline - k_ascent * size, width, (k_ascent + k_descent) * size};
}

// The avatar at `x`, centred on the ink of a line of `size` on `baseline`.
ElementBox
avatar_box(const CardTemplate& t, float x, float baseline, float size)
{
  const float middle = baseline - (k_ascent - k_descent) / 2 * size;
  return {
    "avatar", x, middle - t.avatar.size / 2, t.avatar.size, t.avatar.size};
}

// The ink box of `lines` set in a box whose top-left is (x0, y0).
ElementBox
ink_box(const std::string& name, float x0, float y0, const TitleLayout& l)
{
  if (l.lines.empty()) {
    return {name, x0, y0, 0, 0};
  }
  float left = l.lines.front().x;
  float right = left;
  for (const LayoutLine& line : l.lines) {
    left = std::min(left, line.x);
    right = std::max(right, line.x + line.width);
  }
  const float top = y0 + l.lines.front().baseline - k_ascent * l.font_size;
  const float bottom = y0 + l.lines.back().baseline + k_descent * l.font_size;
  return {name, x0 + left, top, right - left, bottom - top};
}

// Places the site, author and date lines, most important first, then sets
// the lines of one row on one baseline.
void
place_texts(const CardTemplate& t,
            const CardText& text,
            LineSetter& setter,
            CardPlacement& out)
{
  const std::pair<const char*, std::pair<const TextBlock*, const std::string*>>
    order[] = {{"emoji", {&t.emoji, &text.emoji}},
               {"date", {&t.date, &text.date}},
               {"author", {&t.author, &text.author}},
               {"site", {&t.site, &text.site}}};
  for (const auto& [name, item] : order) {
    const TextBlock& b = *item.first;
    const std::string& s = *item.second;
    if (!b.enabled || s.empty()) {
      continue;
    }
    // The author's avatar goes just before the name: room for both.
    const bool avatar = std::string_view(name) == "author" && t.avatar.enabled
                        && !text.avatar.empty();
    const float extra = avatar ? t.avatar.size + t.avatar.gap : 0;
    const float room =
      (b.width > 0 ? b.width : static_cast<float>(t.width) - b.x - k_margin)
      - extra;
    TitleLayout lay = setter.set_line(s, b.font, b.size, room);
    if (lay.lines.empty()) {
      continue;
    }
    Slot slot{b.x, b.x + room + extra};
    const float top = b.y;
    const float bottom = b.y + b.size * 1.3F;
    narrow(slot, b, lay.lines.front().width + extra, top, bottom, out.elements);
    const float fits = slot.right - slot.left - extra;
    if (fits < 2 * b.size) {
      continue; // no room for even two characters
    }
    if (lay.lines.front().width > fits) {
      lay = setter.set_line(s, b.font, b.size, fits);
      if (lay.lines.empty()) {
        continue;
      }
    }
    const float width = lay.lines.front().width;
    const float x = text_left(b, slot, width + extra);
    const float baseline = b.y + lay.lines.front().baseline;
    if (avatar) {
      out.elements.push_back(avatar_box(t, x, baseline, b.size));
    }
    out.texts.push_back({name, &b, std::move(lay), x + extra, baseline});
    out.elements.push_back(text_box(name, x + extra, baseline, width, b.size));
  }
  // One row, one baseline: the lowest of its lines'. (The description
  // flows under the title: it has no row.)
  auto in_row = [](const PlacedText& p) { return p.name != "description"; };
  for (PlacedText& a : out.texts) {
    for (const PlacedText& o : out.texts) {
      if (in_row(a) && in_row(o)
          && rows_overlap(a.block->y,
                          a.block->y + a.block->size * 1.3F,
                          o.block->y,
                          o.block->y + o.block->size * 1.3F)) {
        a.baseline = std::max(a.baseline, o.baseline);
      }
    }
  }
  for (const PlacedText& p : out.texts) {
    if (!in_row(p)) {
      continue;
    }
    for (ElementBox& e : out.elements) {
      if (e.name == p.name) {
        e = text_box(p.name, p.x, p.baseline, e.width, p.block->size);
      } else if (e.name == "avatar" && p.name == "author") {
        e = avatar_box(t, e.x, p.baseline, p.block->size);
      }
    }
  }
}

// The tag pills: after the text before them in their row, on its
// baseline; as many as fit (at most `max`), then "+N" for the rest.
void
place_tags(const CardTemplate& t,
           const CardText& text,
           LineSetter& setter,
           CardPlacement& out)
{
  const TextBlock& b = t.tags;
  if (!b.enabled || text.tags.empty()) {
    return;
  }
  const float h = b.size * 1.6F;
  const float gap = b.gap;
  float x = b.x;
  float right =
    b.width > 0 ? b.x + b.width : static_cast<float>(t.width) - k_margin;
  std::optional<float> baseline;
  for (const PlacedText& p : out.texts) {
    if (p.name == "description") {
      continue; // under the title, in no row
    }
    const ElementBox box = text_box(p.name, p.x, p.baseline, 0, p.block->size);
    if (!rows_overlap(b.y, b.y + h, box.y, box.y + box.height)) {
      continue;
    }
    baseline = p.baseline;
    const float end = p.x + p.layout.lines.front().width;
    if (p.x <= b.x) {
      x = end + b.size; // follow it
    } else {
      right = std::min(right, p.x - b.size);
    }
  }
  const float pill_top =
    baseline ? *baseline - (h - b.size) / 2 - k_ascent * b.size : b.y;
  const float text_baseline = pill_top + (h - b.size) / 2 + k_ascent * b.size;
  auto pill = [&](const std::string& label) {
    PlacedPill p;
    p.layout =
      setter.set_line(label, b.font, b.size, static_cast<float>(t.width) * 4);
    p.width =
      p.layout.lines.empty() ? 0 : p.layout.lines.front().width + 2 * b.padding;
    p.height = h;
    p.y = pill_top;
    p.baseline = text_baseline;
    return p;
  };
  std::vector<PlacedPill> pills;
  for (const auto& tag : text.tags) {
    if (static_cast<int>(pills.size()) >= b.max) {
      break;
    }
    PlacedPill p = pill(b.prefix + tag);
    p.x = pills.empty() ? x : pills.back().x + pills.back().width + gap;
    if (p.layout.lines.empty() || p.x + p.width > right) {
      break;
    }
    pills.push_back(std::move(p));
  }
  // "+N" for what is left, dropping shown pills until it fits.
  while (pills.size() < text.tags.size()) {
    PlacedPill more =
      pill("+" + std::to_string(text.tags.size() - pills.size()));
    more.more = true;
    more.x = pills.empty() ? x : pills.back().x + pills.back().width + gap;
    if (more.x + more.width <= right || pills.empty()) {
      if (more.x + more.width <= right) {
        pills.push_back(std::move(more));
      }
      break;
    }
    pills.pop_back();
  }
  for (const PlacedPill& p : pills) {
    out.elements.push_back(
      {p.more ? "tag-more" : "tag", p.x, p.y, p.width, p.height});
  }
  out.pills = std::move(pills);
}

// The description's box: the block's x and width, else the title box's.
float
description_x(const CardTemplate& t)
{
  return t.description.width > 0 ? t.description.x : t.title_x;
}

float
description_width(const CardTemplate& t)
{
  return t.description.width > 0 ? t.description.width : t.title.box_width;
}

// The ink height of a layout: its first ascender to its last descender.
float
ink_height(const TitleLayout& l)
{
  if (l.lines.empty()) {
    return 0;
  }
  return l.lines.back().baseline - l.lines.front().baseline
         + (k_ascent + k_descent) * l.font_size;
}

} // namespace

CardPlacement
place_card(const CardTemplate& t,
           const TitleLayout& title,
           std::optional<TitleLayout> description,
           const CardText& text,
           LineSetter& setter)
{
  CardPlacement out;
  out.elements.push_back({"background",
                          0,
                          0,
                          static_cast<float>(t.width),
                          static_cast<float>(t.height)});
  if (t.panel.enabled) {
    out.elements.push_back(
      {"panel", t.panel.x, t.panel.y, t.panel.width, t.panel.height});
  }
  if (t.accent.enabled) {
    out.elements.push_back(
      {"accent", t.accent.x, t.accent.y, t.accent.width, t.accent.height});
  }
  if (t.logo.enabled && !t.logo.path.empty()) {
    out.elements.push_back(
      {"logo", t.logo.x, t.logo.y, t.logo.width, t.logo.height});
  }
  out.elements.push_back(ink_box("title", t.title_x, t.title_y, title));
  if (auto& d = description; d && !title.lines.empty()) {
    // Its first ascender a gap under the title's last descender.
    const float top =
      out.elements.back().y + out.elements.back().height + t.description.gap;
    const float y0 = top + k_ascent * d->font_size - d->lines.front().baseline;
    const float x0 = description_x(t);
    out.elements.push_back(ink_box("description", x0, y0, *d));
    const float x = x0 + d->lines.front().x;
    const float baseline = y0 + d->lines.front().baseline;
    out.texts.push_back(
      {"description", &t.description, std::move(*d), x, baseline});
  }
  place_texts(t, text, setter, out);
  place_tags(t, text, setter, out);
  return out;
}

std::optional<TitleLayout>
set_description(const CardTemplate& t, const CardText& text, LineSetter& setter)
{
  const TextBlock& b = t.description;
  if (!b.enabled || text.description.empty()) {
    return std::nullopt;
  }
  TitleLayout l = setter.set_lines(text.description,
                                   b.font,
                                   b.size,
                                   description_width(t),
                                   b.max_lines,
                                   b.line_height);
  if (l.lines.empty()) {
    return std::nullopt;
  }
  return l;
}

LayoutStyle
title_style(const CardTemplate& t,
            const std::optional<TitleLayout>& description)
{
  LayoutStyle style = t.title;
  if (description) {
    const float room = ink_height(*description) + t.description.gap;
    // The title keeps at least one line at its smallest size.
    style.box_height =
      std::max(style.min_size * style.line_height, style.box_height - room);
    style.vertical_align = Align::start;
  }
  return style;
}

void
align_with_description(const CardTemplate& t,
                       TitleLayout& title,
                       const TitleLayout& description)
{
  if (title.lines.empty()) {
    return;
  }
  const float fs = title.font_size;
  const float top = title.lines.front().baseline - k_ascent * fs;
  const float group =
    ink_height(title) + t.description.gap + ink_height(description);
  const float box = t.title.box_height;
  float want = 0;
  switch (t.title.vertical_align) {
  case Align::start:
    break;
  case Align::center:
    want = (box - group) / 2;
    break;
  case Align::end:
    want = box - group;
    break;
  }
  const float shift = std::max(0.0F, want) - top;
  for (LayoutLine& line : title.lines) {
    line.baseline += shift;
  }
}

std::string
card_layout_json(const CardTemplate& t,
                 const TitleLayout& title,
                 const CardPlacement& placement)
{
  util::JsonWriter json;
  json.begin_object();
  write_layout_members(json, title);
  json.key("width").integer(t.width);
  json.key("height").integer(t.height);
  json.key("elements").begin_array();
  for (const ElementBox& e : placement.elements) {
    json.begin_object();
    json.key("name").string(e.name);
    json.key("x").number(static_cast<double>(e.x));
    json.key("y").number(static_cast<double>(e.y));
    json.key("width").number(static_cast<double>(e.width));
    json.key("height").number(static_cast<double>(e.height));
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.str();
}

} // namespace ogfeed::card
