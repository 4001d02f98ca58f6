// GeoRSS Simple (georss:) wherever a feed carries it, RSS items and Atom
// entries alike: each name against the vocabulary, and the shapes' numbers.
//   GeoRSS Simple: https://docs.ogc.org/cs/17-002r1/17-002r1.html
#include "util/ascii.hpp"
#include "validate/checker.hpp"
#include "validate/values.hpp"

#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::validate {

namespace {
// GeoRSS Simple's lists of numbers: "lat lon" pairs (point, line, polygon,
// box) or a centre and radius (circle).
std::vector<double>
numbers(std::string_view v, bool& ok)
{
  std::vector<double> out;
  ok = true;
  std::size_t i = 0;
  while (i < v.size()) {
    while (i < v.size()
           && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r'
               || v[i] == ',')) {
      ++i;
    }
    std::size_t j = i;
    while (j < v.size() && v[j] != ' ' && v[j] != '\t' && v[j] != '\n'
           && v[j] != '\r' && v[j] != ',') {
      ++j;
    }
    if (j > i) {
      const std::string_view word = v.substr(i, j - i);
      if (!is_decimal(word, true)) {
        ok = false;
        return out;
      }
      out.push_back(std::strtod(std::string(word).c_str(), nullptr));
    }
    i = j;
  }
  return out;
}

// Why `v` is no value of georss:`name`, or empty.
std::string
georss_problem(std::string_view name, std::string_view v)
{
  if (name == "where" || name == "featurename" || name == "featuretypetag"
      || name == "relationshiptag") {
    return ""; // text, or GML inside
  }
  bool ok = true;
  const std::vector<double> n = numbers(v, ok);
  if (!ok) {
    return "must be numbers separated by spaces";
  }
  const auto pairs_in_range = [&] {
    for (std::size_t k = 0; k + 1 < n.size(); k += 2) {
      if (n[k] < -90 || n[k] > 90 || n[k + 1] < -180 || n[k + 1] > 180) {
        return false;
      }
    }
    return true;
  };
  if (name == "point" && (n.size() != 2 || !pairs_in_range())) {
    return "must be one latitude and longitude (\"45.256 -71.92\")";
  }
  if (name == "line"
      && (n.size() < 4 || n.size() % 2 != 0 || !pairs_in_range())) {
    return "must be two or more latitude-longitude pairs";
  }
  if (name == "polygon"
      && (n.size() < 8 || n.size() % 2 != 0 || !pairs_in_range()
          || n[0] != n[n.size() - 2] || n[1] != n[n.size() - 1])) {
    return "must be four or more latitude-longitude pairs, the last the same "
           "as the first";
  }
  if (name == "box" && (n.size() != 4 || !pairs_in_range())) {
    return "must be two corners, lower left then upper right (\"42.94 -71.1 "
           "43.0 -71.0\")";
  }
  if (name == "circle" && (n.size() != 3 || !pairs_in_range())) {
    return "must be a centre's latitude and longitude and a radius in metres";
  }
  if ((name == "elev" || name == "floor" || name == "radius")
      && n.size() != 1) {
    return "must be one number";
  }
  return "";
}
} // namespace

void
Checker::check_georss(const XmlElement& e, const std::string& text)
{
  static const std::set<std::string_view> k_names = {"point",
                                                     "line",
                                                     "polygon",
                                                     "box",
                                                     "circle",
                                                     "where",
                                                     "featuretypetag",
                                                     "relationshiptag",
                                                     "featurename",
                                                     "elev",
                                                     "floor",
                                                     "radius"};
  const std::string tag = "<georss:" + e.local + ">";
  if (!k_names.contains(e.local)) {
    error("georss-unknown-element", e, tag + " is no GeoRSS Simple element");
    return;
  }
  if (const std::string why =
        georss_problem(e.local, util::trim_xml_space(text));
      !why.empty()) {
    error("georss-invalid-value",
          e,
          tag + " \"" + std::string(util::trim_xml_space(text)) + "\" " + why);
  }
}

} // namespace ogfeed::validate
