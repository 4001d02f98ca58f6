// Apple Podcasts' tags
// (xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"), checked as
// Apple's podcast RSS requirements give them
// (https://podcasters.apple.com/support/823-podcast-requirements): every
// value, not only the names.
#include "util/ascii.hpp"
#include "validate/rss_checker.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

namespace ogfeed::validate {

namespace {

// Apple's podcast categories and their subcategories (2019 list, current).
// clang-format off
const std::map<std::string_view, std::vector<std::string_view>>&
apple_categories()
{
  static const std::map<std::string_view, std::vector<std::string_view>> k = {
    {"Arts", {"Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"}},
    {"Business", {"Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"}},
    {"Comedy", {"Comedy Interviews", "Improv", "Stand-Up"}},
    {"Education", {"Courses", "How To", "Language Learning", "Self-Improvement"}},
    {"Fiction", {"Comedy Fiction", "Drama", "Science Fiction"}},
    {"Government", {}},
    {"History", {}},
    {"Health & Fitness", {"Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality"}},
    {"Kids & Family", {"Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"}},
    {"Leisure", {"Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies", "Home & Garden", "Video Games"}},
    {"Music", {"Music Commentary", "Music History", "Music Interviews"}},
    {"News", {"Business News", "Daily News", "Entertainment News", "News Commentary", "Politics", "Sports News", "Tech News"}},
    {"Religion & Spirituality", {"Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Religion", "Spirituality"}},
    {"Science", {"Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics", "Natural Sciences", "Nature", "Physics", "Social Sciences"}},
    {"Society & Culture", {"Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships"}},
    {"Sports", {"Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf", "Hockey", "Rugby", "Running", "Soccer", "Swimming", "Tennis", "Volleyball", "Wilderness", "Wrestling"}},
    {"Technology", {}},
    {"True Crime", {}},
    {"TV & Film", {"After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"}},
  };
  return k;
}
// clang-format on

bool
all_digits(std::string_view s)
{
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

// HH:MM:SS, H:MM:SS, MM:SS, M:SS, or a number of seconds.
bool
is_duration(std::string_view v)
{
  if (all_digits(v)) {
    return true;
  }
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t colon = v.find(':', start);
    parts.push_back(v.substr(start, colon - start));
    if (colon == std::string_view::npos) {
      break;
    }
    start = colon + 1;
  }
  if (parts.size() < 2 || parts.size() > 3) {
    return false;
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const bool first = i == 0;
    if (!all_digits(parts[i]) || parts[i].size() > 2
        || (!first && (parts[i].size() != 2 || parts[i][0] > '5'))) {
      return false;
    }
  }
  return true;
}

} // namespace

// itunes:explicit: true or false (Apple's podcast RSS requirements).
void
RssChecker::itunes_explicit(const XmlElement& e, const std::string& v)
{
  const std::string tag = "<itunes:explicit>";
  const std::string lower = util::ascii_lower(v);
  // Apple's podcast RSS requirements: "true" or "false" only; yes, no
  // and clean are the old values (the W3C validator agrees: an error).
  if (lower == "yes" || lower == "no" || lower == "clean") {
    error("itunes-explicit",
          e,
          tag + " \"" + v + "\": Apple reads only true or false now; write "
            + (lower == "yes" ? "true" : "false"));
  } else if (lower != "true" && lower != "false") {
    error(
      "itunes-explicit", e, tag + " must be true or false, got \"" + v + "\"");
  }
}

// itunes:image: an href, to a JPEG or PNG.
void
RssChecker::itunes_image(const XmlElement& e)
{
  const std::string tag = "<itunes:image>";
  const XmlAttribute* href = e.attribute("href");
  if (href == nullptr) {
    error(
      "itunes-image", e, tag + " has no href attribute (the picture's URL)");
  } else {
    check_url(e, href->value, "itunes:image href");
    const std::string path =
      util::ascii_lower(std::string(util::trim_xml_space(href->value))
                          .substr(0, href->value.find_first_of("?#")));
    if (!path.ends_with(".jpg") && !path.ends_with(".jpeg")
        && !path.ends_with(".png")) {
      warning("itunes-image",
              e,
              tag + " should be a JPEG or PNG (.jpg, .png), Apple's formats");
    }
  }
}

void
RssChecker::itunes(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  const std::string v(util::trim_xml_space(text));
  const std::string& name = e.local;
  const std::string tag = "<itunes:" + name + ">";
  if (name == "explicit") {
    itunes_explicit(e, v);
  } else if (name == "duration") {
    if (!is_duration(v)) {
      error("itunes-duration",
            e,
            tag + " \"" + v
              + "\" is no duration: write seconds (3600) or HH:MM:SS");
    }
  } else if (name == "image") {
    itunes_image(e);
  } else if (name == "category") {
    itunes_category(f);
  } else if (name == "type") {
    if (v != "episodic" && v != "serial") {
      error("itunes-type",
            e,
            tag + " must be episodic or serial, got \"" + v + "\"");
    }
  } else if (name == "episodeType") {
    if (v != "full" && v != "trailer" && v != "bonus") {
      error("itunes-episode-type",
            e,
            tag + " must be full, trailer or bonus, got \"" + v + "\"");
    }
  } else if (name == "episode" || name == "season") {
    if (!all_digits(v) || v == "0" || v.front() == '0') {
      error("itunes-number",
            e,
            tag + " must be a whole number from 1, got \"" + v + "\"");
    }
  } else if (name == "block" || name == "complete") {
    if (v != "Yes") {
      warning("itunes-yes",
              e,
              tag + " takes only \"Yes\" (anything else is ignored), got \"" + v
                + "\"");
    }
  } else if (name == "new-feed-url") {
    check_url(e, v, "itunes:new-feed-url");
  } else if (name == "owner") {
    if (count(f, k_itunes_ns, "email") == 0) {
      warning(
        "itunes-owner", e, tag + " has no <itunes:email>: Apple writes to it");
    }
  } else if (name != "author" && name != "title" && name != "summary"
             && name != "subtitle" && name != "keywords" && name != "email"
             && name != "name" && name != "order" && name != "isClosedCaptioned"
             && name != "applepodcastsverify") {
    error("itunes-unknown-element",
          e,
          tag
            + " is no element of Apple's podcast namespace (a typo, or another "
              "namespace's)");
  }
}

void
RssChecker::itunes_category(const Frame& f)
{
  const XmlElement& e = f.element;
  const XmlAttribute* text = e.attribute("text");
  if (text == nullptr) {
    error("itunes-category",
          e,
          "<itunes:category> has no text attribute (the category's name)");
    return;
  }
  const std::string name(util::trim_xml_space(text->value));
  const Frame* up = parent();
  const bool sub = up != nullptr && up->element.ns == k_itunes_ns
                   && up->element.local == "category";
  const auto& all = apple_categories();
  if (!sub) {
    if (!all.contains(name)) {
      error("itunes-category",
            e,
            "\"" + name
              + "\" is not one of Apple's podcast categories (Technology, "
                "News, Education..., spelled as Apple spells them)");
    }
    return;
  }
  const XmlAttribute* top = up->element.attribute("text");
  const auto it = top == nullptr
                    ? all.end()
                    : all.find(std::string(util::trim_xml_space(top->value)));
  if (it != all.end()
      && std::find(it->second.begin(), it->second.end(), name)
           == it->second.end()) {
    error("itunes-category",
          e,
          "\"" + name + "\" is not a subcategory of \"" + std::string(it->first)
            + "\" in Apple's list");
  }
}

} // namespace ogfeed::validate
