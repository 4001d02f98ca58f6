#include "content/generators/js_values.hpp"

#include <regex>
#include <vector>

namespace ogfeed::content::generators {

namespace {

constexpr int k_max_depth = 8; // constants naming constants, at most

// Evaluation steps left for the value being read: a hostile config whose
// keys name each other many times over stays bounded (each step is at most
// a scan of the file), whatever its shape.
constexpr int k_max_steps = 64; // a real config needs a handful
thread_local int t_steps_left = k_max_steps;

bool
out_of_steps()
{
  return --t_steps_left < 0;
}

bool
is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view
trimmed(std::string_view s)
{
  while (!s.empty() && is_space(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && is_space(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

// True when a line break at `i`, at depth 0, ends the expression that
// started at `from` (JavaScript's semicolon insertion, roughly): neither
// the text before it nor the line after it continues it.
bool
line_ends_expression(std::string_view js, std::size_t from, std::size_t i)
{
  const std::string_view before = trimmed(js.substr(from, i - from));
  std::size_t next = i;
  while (next < js.size() && is_space(js[next])) {
    ++next;
  }
  constexpr std::string_view k_open_end = "?:=+-*/&|,(";
  constexpr std::string_view k_continued = "?:.+-*/&|=)";
  return !before.empty()
         && k_open_end.find(before.back()) == std::string_view::npos
         && (next >= js.size()
             || k_continued.find(js[next]) == std::string_view::npos);
}

// The index just past the string literal whose quote is at `i`.
std::size_t
past_string(std::string_view js, std::size_t i)
{
  const char quote = js[i];
  for (++i; i < js.size(); ++i) {
    if (js[i] == '\\') {
      ++i;
    } else if (js[i] == quote) {
      return i + 1;
    } else if (js[i] == '\n' && quote != '`') {
      return i;
    }
  }
  return js.size();
}

// The expression that starts at `from`: up to a ',' or ';' or a closing
// bracket at its own depth.
std::string_view
expression_at(std::string_view js, std::size_t from)
{
  int depth = 0;
  std::size_t i = from;
  while (i < js.size()) {
    const char c = js[i];
    if (c == '"' || c == '\'' || c == '`') {
      i = past_string(js, i);
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth == 0) {
        break;
      }
      --depth;
    } else if ((c == ',' || c == ';') && depth == 0) {
      break;
    } else if (c == '\n' && depth == 0 && line_ends_expression(js, from, i)) {
      break;
    }
    ++i;
  }
  return trimmed(js.substr(from, i - from));
}

// Where the value of each `key:` or `key =` (not `==`, `=>`) starts.
std::vector<std::size_t>
value_starts(const std::string& js, std::string_view key)
{
  const std::regex name("(^|[^A-Za-z0-9_.$])[\"']?" + std::string(key)
                        + "[\"']?\\s*(:|=(?![=>]))\\s*");
  std::vector<std::size_t> starts;
  for (auto it = std::sregex_iterator(js.begin(), js.end(), name);
       it != std::sregex_iterator();
       ++it) {
    starts.push_back(static_cast<std::size_t>(it->position() + it->length()));
  }
  return starts;
}

// process.env as a production build sees it.
std::optional<std::string>
env_value(std::string_view name)
{
  if (name == "NODE_ENV") {
    return "production";
  }
  return std::nullopt;
}

bool
is_identifier(std::string_view s)
{
  static const std::regex identifier("[A-Za-z_$][A-Za-z0-9_$]*");
  return std::regex_match(s.begin(), s.end(), identifier);
}

// The expression a constant `name` is declared with, or "".
std::string_view
constant(const std::string& js, std::string_view name)
{
  // `export const SITE: Site = {...}`: a TypeScript type may stand between.
  const std::regex declared("(const|let|var)\\s+" + std::string(name)
                            + "\\s*(:\\s*[A-Za-z_$][A-Za-z0-9_$.<>\\[\\]| ]*)?"
                              "=(?![=>])\\s*");
  std::smatch m;
  if (!std::regex_search(js, m, declared)) {
    return {};
  }
  return expression_at(js, static_cast<std::size_t>(m.position() + m.length()));
}

std::optional<std::string>
value_of(const std::string& js, std::string_view expr, int depth);

// The truth of a condition that reads only process.env and constants.
std::optional<bool>
truth_of(const std::string& js, std::string_view cond, int depth)
{
  cond = trimmed(cond);
  if (depth > k_max_depth || cond.empty() || out_of_steps()) {
    return std::nullopt;
  }
  if (cond.front() == '!' && !cond.starts_with("!=")) {
    const auto inner = truth_of(js, cond.substr(1), depth + 1);
    return inner ? std::optional<bool>(!*inner) : std::nullopt;
  }
  if (cond.front() == '(' && cond.back() == ')') {
    return truth_of(js, cond.substr(1, cond.size() - 2), depth + 1);
  }
  if (cond == "true" || cond == "false") {
    return cond == "true";
  }
  static const std::regex env(
    R"re(process\.env\.([A-Za-z_][A-Za-z0-9_]*)\s*(?:(===|==|!==|!=)\s*(["'])([^"'\n]*)\3)?)re");
  std::match_results<std::string_view::const_iterator> m;
  if (std::regex_match(cond.begin(), cond.end(), m, env)) {
    const auto value = env_value(std::string_view(&*m[1].first, m[1].length()));
    if (!m[2].matched) {
      return value.has_value() && !value->empty();
    }
    const bool same = value && *value == m[4].str();
    return m[2].str().starts_with('!') ? !same : same;
  }
  if (is_identifier(cond)) {
    return truth_of(js, constant(js, cond), depth + 1);
  }
  return std::nullopt;
}

// The object literal an expression names: a constant (`SITE`), or a member
// of one (`config.site`); "" when it is none.
std::string
object_of(const std::string& js, const std::string& expr, int depth)
{
  if (depth > k_max_depth || out_of_steps()) {
    return {};
  }
  if (is_identifier(expr)) {
    const std::string_view value = constant(js, expr);
    return value.starts_with('{') ? std::string(value) : std::string();
  }
  const std::size_t dot = expr.rfind('.');
  if (dot == std::string::npos) {
    return {};
  }
  const std::string outer = object_of(js, expr.substr(0, dot), depth + 1);
  for (const std::size_t start :
       value_starts(outer, std::string_view(expr).substr(dot + 1))) {
    if (start < outer.size() && outer[start] == '{') {
      return std::string(expression_at(outer, start));
    }
  }
  return {};
}

// `cond ? a : b` split at its own '?' and ':', if it is one.
bool
split_conditional(std::string_view expr,
                  std::string_view& cond,
                  std::string_view& a,
                  std::string_view& b)
{
  int depth = 0;
  std::size_t question = std::string_view::npos;
  int nested = 0;
  for (std::size_t i = 0; i < expr.size(); ++i) {
    const char c = expr[i];
    if (c == '"' || c == '\'' || c == '`') {
      i = past_string(expr, i) - 1;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      --depth;
    } else if (depth == 0 && c == '?' && i + 1 < expr.size()
               && expr[i + 1] != '.' && expr[i + 1] != '?') {
      if (question == std::string_view::npos) {
        question = i;
      } else {
        ++nested;
      }
    } else if (depth == 0 && c == ':' && question != std::string_view::npos) {
      if (nested > 0) {
        --nested;
        continue;
      }
      cond = expr.substr(0, question);
      a = expr.substr(question + 1, i - question - 1);
      b = expr.substr(i + 1);
      return true;
    }
  }
  return false;
}

// A string literal's text, a template literal's with its ${NAME} filled.
std::optional<std::string>
literal_of(const std::string& js, std::string_view expr, int depth)
{
  if (past_string(expr, 0) != expr.size() || expr.size() < 2
      || expr.back() != expr.front()) {
    return std::nullopt;
  }
  const std::string_view body = expr.substr(1, expr.size() - 2);
  if (body.find('\\') != std::string_view::npos) {
    return std::nullopt; // escapes: not a plain literal
  }
  if (expr.front() != '`') {
    return std::string(body);
  }
  std::string out;
  for (std::size_t i = 0; i < body.size();) {
    const std::size_t open = body.find("${", i);
    if (open == std::string_view::npos) {
      out += body.substr(i);
      break;
    }
    const std::size_t close = body.find('}', open);
    if (close == std::string_view::npos) {
      return std::nullopt;
    }
    const std::string_view name =
      trimmed(body.substr(open + 2, close - open - 2));
    const auto value =
      is_identifier(name) ? value_of(js, name, depth + 1) : std::nullopt;
    if (!value) {
      return std::nullopt;
    }
    out += body.substr(i, open - i);
    out += *value;
    i = close + 1;
  }
  return out;
}

std::optional<std::string>
value_of(const std::string& js, std::string_view expr, int depth)
{
  expr = trimmed(expr);
  if (depth > k_max_depth || expr.empty() || out_of_steps()) {
    return std::nullopt;
  }
  std::string_view cond;
  std::string_view a;
  std::string_view b;
  if (split_conditional(expr, cond, a, b)) {
    const auto truth = truth_of(js, cond, depth + 1);
    return truth ? value_of(js, *truth ? a : b, depth + 1) : std::nullopt;
  }
  if (expr.front() == '"' || expr.front() == '\'' || expr.front() == '`') {
    return literal_of(js, expr, depth);
  }
  if (is_identifier(expr)) {
    return value_of(js, constant(js, expr), depth + 1);
  }
  // `SITE.website`: a member of a constant object literal.
  if (const std::size_t dot = expr.rfind('.');
      dot != std::string_view::npos && !expr.starts_with("process.")) {
    const std::string owner(expr.substr(0, dot));
    const std::string_view member = expr.substr(dot + 1);
    if (!is_identifier(member)) {
      return std::nullopt;
    }
    const std::string object = object_of(js, owner, depth + 1);
    for (const std::size_t start : value_starts(object, member)) {
      if (auto value = value_of(js, expression_at(object, start), depth + 1)) {
        return value;
      }
    }
  }
  return std::nullopt;
}

} // namespace

std::string
without_js_comments(std::string_view js)
{
  std::string out;
  out.reserve(js.size());
  char quote = 0;
  for (std::size_t i = 0; i < js.size(); ++i) {
    const char c = js[i];
    if (quote != 0) {
      out += c;
      if (c == '\\' && i + 1 < js.size()) {
        out += js[++i];
      } else if (c == quote || (c == '\n' && quote != '`')) {
        quote = 0;
      }
      continue;
    }
    if (c == '"' || c == '\'' || c == '`') {
      quote = c;
      out += c;
    } else if (c == '/' && i + 1 < js.size() && js[i + 1] == '/') {
      i = std::min(js.find('\n', i), js.size()) - 1;
    } else if (c == '/' && i + 1 < js.size() && js[i + 1] == '*') {
      const std::size_t end = js.find("*/", i + 2);
      i = end == std::string_view::npos ? js.size() : end + 1;
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::string>
js_string(const std::string& source,
          std::string_view key,
          const std::string* consts)
{
  const std::string js = without_js_comments(source);
  const std::string whole =
    consts != nullptr ? without_js_comments(*consts) : js;
  t_steps_left = k_max_steps;
  for (const std::size_t start : value_starts(js, key)) {
    if (auto value = value_of(whole, expression_at(js, start), 0);
        value && !value->empty()) {
      return value;
    }
  }
  return std::nullopt;
}

std::optional<std::string>
js_exported_object(const std::string& source)
{
  const std::string js = without_js_comments(source);
  std::size_t at = std::string::npos;
  for (const char* start : {"module.exports", "export default"}) {
    at = js.find(start);
    if (at != std::string::npos) {
      at += std::string_view(start).size();
      break;
    }
  }
  if (at == std::string::npos) {
    return std::nullopt;
  }
  at = js.find_first_not_of(" \t\r\n=", at);
  if (at == std::string::npos || js[at] != '{') {
    return std::nullopt;
  }
  // Depth 1 is the object's own; deeper is blanked (newlines kept), and
  // strings are copied whole at depth 1.
  std::string out = "{";
  int depth = 1;
  char quote = 0;
  for (std::size_t i = at + 1; i < js.size() && depth > 0; ++i) {
    const char c = js[i];
    const bool own = depth == 1;
    const int before = depth;
    if (quote != 0) {
      if (c == '\\' && i + 1 < js.size()) {
        out += own ? std::string{c, js[i + 1]} : std::string("  ");
        ++i;
        continue;
      }
      quote = c == quote ? 0 : quote;
    } else if (c == '"' || c == '\'' || c == '`') {
      quote = c;
    } else if (c == '{' || c == '[' || c == '(') {
      ++depth;
    } else if (c == '}' || c == ']' || c == ')') {
      --depth;
    }
    // A nested value's brackets go with it.
    const bool kept = (before == 1 && depth == 1) || depth == 0;
    out += kept || c == '\n' ? c : ' ';
  }
  return out;
}

std::optional<std::string>
js_expression(const std::string& source, std::string_view key)
{
  const std::string js = without_js_comments(source);
  const auto starts = value_starts(js, key);
  if (starts.empty()) {
    return std::nullopt;
  }
  return std::string(expression_at(js, starts.front()));
}

std::optional<std::string>
js_value(const std::string& js, std::string_view expression)
{
  t_steps_left = k_max_steps;
  auto value = value_of(without_js_comments(js), expression, 0);
  return value && !value->empty() ? value : std::nullopt;
}

std::optional<std::string>
js_object(const std::string& source, std::string_view key)
{
  const std::string js = without_js_comments(source);
  for (const std::size_t start : value_starts(js, key)) {
    if (start < js.size() && js[start] == '{') {
      return std::string(expression_at(js, start));
    }
  }
  return std::nullopt;
}

} // namespace ogfeed::content::generators
