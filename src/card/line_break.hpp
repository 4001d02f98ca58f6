#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ogfeed::card {

// What may happen between text[i - 1] and text[i].
enum class Break : std::uint8_t {
  never,         // kinsoku, inside a word or number, inside a grapheme
  strong,        // where a designer breaks first: after ：！？ or a closing
                 // bracket that ends a clause, before a subtitle's 〜
  phrase,        // between two BudouX phrases: the preferred place
  space,         // after a space BudouX also breaks at; it disappears
  word_space,    // after a space inside a BudouX phrase ("Embedding 2 仕様",
                 // "GitHub Package"): dearer than a phrase, cheaper than any
                 // break between two ideographs or kana
  inside_phrase, // legal (UAX #14 and JLREQ), but inside a phrase
  emergency,     // inside a Latin word or number: only when it is wider than
                 // the line (CSS overflow-wrap: anywhere)
};

// Returns, for each i in [0, text.size()], whether a line may break before
// text[i] (entries 0 and size() are `never`). Kinsoku follows JLREQ at the
// "very strict" level: closing brackets, 、。・：；！？, ー, ゝゞ々 and small
// kana never start a line, opening brackets and ・ never end one, and Latin
// words, numbers (#3, ¥100, 50%) and ―― / …… never split. A 〜 that opens a
// subtitle ("入門 〜基礎から〜", "入門―基礎から―") may start a line but never
// end one, and a compound particle (における, について, として...) never
// splits.
// `phrases` are BudouX's boundaries (code point indices).
// The indices of the 〜 / ～ in `text` that open a subtitle: one a later
// 〜 closes, or one after a space; never one between two digits (1〜3).
// Likewise a ― (or a ―― run, by its first) that a later ― closes.
std::vector<bool> subtitle_openers(const std::u32string& text);

std::vector<Break> find_breaks(const std::u32string& text,
                               const std::vector<std::size_t>& phrases);

} // namespace ogfeed::card
