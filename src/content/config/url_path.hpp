#pragma once

#include <string>
#include <string_view>

namespace ogfeed::content {

// How a generator that cleans its URLs (UrlRules::sanitized) turns text into
// a URL path, as Hugo 0.111 does. All three work on text as written (UTF-8,
// not percent-encoded); url_path_encode() makes the result a URL.

// Keeps letters, digits and marks of every script, "./\_#+~-@" and a '%'
// followed by two hex digits; drops every other character. A run of white
// space (U+3000 included) becomes one '-' before the next kept character,
// none at the start or the end, nor beside a '-' already there.
// "Go: 入門 (1)" is "Go-入門-1", "a - b" is "a-b".
std::string sanitize_url_path(std::string_view text);

// One permalink token's value: sanitize_url_path(), then '+' read as a
// space and each %XX decoded, then sanitize_url_path() again. "C++入門" is
// "C-入門", "a%2Bb" is "a+b", "50% off+more" is "50-off-more".
std::string urlize_token(std::string_view text);

// A category name as Hexo makes it a URL segment: control characters
// dropped, each run of white space and ASCII punctuation one '-', none at
// the ends ("Tech Notes" is "Tech-Notes", "C++ / Go" is "C-Go").
std::string slugize_term(std::string_view text);

// Jekyll's slugify in its "pretty" mode, case kept (its :title): each run
// of characters other than letters, marks, decimal digits and
// "._~!$&'()+,;=@" is one '-', and a '-' at either end is dropped.
// "kept (a),b's+c![d]" is "kept-(a),b's+c!-d", "Go 入門「1」" is "Go-入門-1".
std::string slugify_pretty(std::string_view text);

// A path segment as github-slugger's slug() makes it (Astro's entry slugs
// and ids): lower-cased, each space a '-' (runs not merged), and every
// character but letters, marks, decimal and letter numbers, connector
// punctuation ('_') and '-' dropped. "【CEP 扩展开发一】简介" is
// "cep-扩展开发一简介", "a  b" is "a--b", "café²" is "café".
std::string github_slug(std::string_view text);

// Every letter lower-cased by Unicode's simple case mapping ("Ünï" is
// "ünï"), percent escapes included ("%2B" is "%2b").
std::string lower_url_path(std::string_view text);

// Percent-encodes what a URL path cannot hold as is; keeps '/', '+', '@',
// a '%' that starts an escape, and the unreserved characters.
std::string url_path_encode(std::string_view text);

} // namespace ogfeed::content
