#pragma once

namespace ogfeed::card {

// Character classes from JLREQ (Appendix A, with the full-width and
// half-width forms) and UAX #14, as the line breaker and the punctuation
// spacing use them.

// cl-01 opening brackets, and ASCII ( [ { and quotes: never end a line.
bool is_opening_bracket(char32_t c);

// cl-02 closing brackets and ASCII ) ] }.
bool is_closing_bracket(char32_t c);

// Characters that never start a line: closing brackets, hyphens (cl-03),
// dividing punctuation (cl-04), middle dots (cl-05), full stops (cl-06),
// commas (cl-07), iteration marks (cl-09), ー (cl-10), small kana (cl-11),
// and their ASCII counterparts (. , ! ? : ; %).
bool is_no_line_start(char32_t c);

// Characters that never end a line: opening brackets.
bool is_no_line_end(char32_t c);

// Kana, kanji and full-width forms: the text that a quarter em separates
// from Latin letters and digits.
bool is_japanese(char32_t c);

// A Han ideograph (kanji, hanzi), 々 and 〆 included.
bool is_han(char32_t c);

// Latin letters and digits (ASCII, Latin-1, Latin Extended, full-width).
bool is_latin_alnum(char32_t c);

// Characters that keep to their neighbours like the letters of a word:
// Latin, digits and ASCII punctuation, so "C++", "#3", "¥100", "50%" and
// URLs never break inside.
bool is_word_char(char32_t c);

// Spaces at which lines break (and which then disappear).
bool is_break_space(char32_t c);

// Marks that attach to the previous character (combining marks, variation
// selectors, ZWJ, emoji modifiers, keycaps, tags).
bool is_attached(char32_t c);

// How much blank space (in em) a full-width punctuation glyph carries on its
// left and right, per JLREQ: half an em before opening brackets, after
// closing brackets and 、。，．, a quarter em on each side of ・：；.
struct PunctSpace
{
  float left = 0;
  float right = 0;
};

PunctSpace punct_space(char32_t c);

} // namespace ogfeed::card
