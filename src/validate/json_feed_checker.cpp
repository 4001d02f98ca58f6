#include "validate/json_feed_checker.hpp"

#include "content/yaml_value.hpp"
#include "util/url.hpp"
#include "validate/values.hpp"

#include <set>

namespace ogfeed::validate {

namespace {

using content::YamlValue;

class JsonFeedChecker
{
public:
  explicit JsonFeedChecker(std::vector<Finding>& findings)
    : m_findings(findings)
  {
  }

  void
  check(const YamlValue& root)
  {
    if (root.kind != YamlValue::Kind::map) {
      error(root, "jsonfeed-wrong-type", "a JSON Feed is one JSON object");
      return;
    }
    const YamlValue* version = root.find("version");
    if (version == nullptr) {
      error(root, "jsonfeed-missing-version", "missing \"version\"");
    } else if (version->scalar != "https://jsonfeed.org/version/1"
               && version->scalar != "https://jsonfeed.org/version/1.1") {
      error(*version,
            "jsonfeed-unknown-version",
            "\"version\" is \"" + version->scalar
              + "\", not https://jsonfeed.org/version/1 or /1.1");
    }
    string_member(root, "title", true);
    for (const char* url : {"home_page_url", "feed_url", "icon", "favicon"}) {
      url_member(root, url);
    }
    authors(root);
    const YamlValue* items = root.find("items");
    if (items == nullptr) {
      error(root, "jsonfeed-missing-items", "missing \"items\"");
    } else if (items->kind != YamlValue::Kind::sequence) {
      error(*items, "jsonfeed-wrong-type", "\"items\" must be an array");
    } else {
      for (const auto& item : items->items) {
        check_item(item);
      }
    }
  }

private:
  void
  error(const YamlValue& at, const char* rule, std::string message)
  {
    if (m_findings.size() < k_max_findings) {
      m_findings.push_back(Finding{
        util::Severity::error, rule, at.line, at.column, std::move(message)});
    }
  }

  const YamlValue*
  string_member(const YamlValue& object, const char* name, bool required)
  {
    const YamlValue* v = object.find(name);
    if (v == nullptr) {
      if (required) {
        error(object,
              "jsonfeed-missing-member",
              std::string("missing \"") + name + "\"");
      }
      return nullptr;
    }
    if (v->kind != YamlValue::Kind::scalar) {
      error(*v,
            "jsonfeed-wrong-type",
            std::string("\"") + name + "\" must be a string");
      return nullptr;
    }
    return v;
  }

  void
  url_member(const YamlValue& object, const char* name)
  {
    const YamlValue* v = string_member(object, name, false);
    if (v == nullptr) {
      return;
    }
    if (const std::string scheme = util::script_url_scheme(v->scalar);
        !scheme.empty()) {
      error(
        *v,
        "feed-script-url",
        script_url_message(std::string("\"") + name + "\"", v->scalar, scheme));
    } else if (!is_absolute_iri(v->scalar)) {
      error(*v,
            "jsonfeed-relative-url",
            std::string("\"") + name + "\" must be an absolute URL, got \""
              + v->scalar + "\"");
    }
  }

  void
  authors(const YamlValue& object)
  {
    const YamlValue* list = object.find("authors");
    if (list == nullptr) {
      return;
    }
    if (list->kind != YamlValue::Kind::sequence) {
      error(*list, "jsonfeed-wrong-type", "\"authors\" must be an array");
      return;
    }
    for (const auto& a : list->items) {
      if (a.kind != YamlValue::Kind::map) {
        error(a, "jsonfeed-wrong-type", "each author must be an object");
        continue;
      }
      string_member(a, "name", false);
      url_member(a, "url");
      url_member(a, "avatar");
    }
  }

  void
  check_item(const YamlValue& item)
  {
    if (item.kind != YamlValue::Kind::map) {
      error(item, "jsonfeed-wrong-type", "each item must be an object");
      return;
    }
    if (const YamlValue* id = item.find("id"); id == nullptr) {
      error(item, "jsonfeed-item-missing-id", "an item has no \"id\"");
    } else if (id->kind != YamlValue::Kind::scalar || id->scalar.empty()) {
      error(*id, "jsonfeed-wrong-type", "\"id\" must be a non-empty string");
    } else if (!m_ids.insert(id->scalar).second) {
      error(*id,
            "jsonfeed-duplicate-id",
            "id \"" + id->scalar + "\" is used by an earlier item too");
    }
    if (item.find("content_html") == nullptr
        && item.find("content_text") == nullptr) {
      error(item,
            "jsonfeed-item-no-content",
            "an item needs \"content_html\" or \"content_text\"");
    }
    for (const char* text :
         {"title", "content_html", "content_text", "summary"}) {
      string_member(item, text, false);
    }
    for (const char* url : {"url", "external_url", "image", "banner_image"}) {
      url_member(item, url);
    }
    for (const char* date : {"date_published", "date_modified"}) {
      if (const YamlValue* v = string_member(item, date, false);
          v != nullptr && !is_rfc3339(v->scalar)) {
        error(*v,
              "jsonfeed-bad-date",
              std::string("\"") + date + "\" must be an RFC 3339 date, got \""
                + v->scalar + "\"");
      }
    }
    if (const YamlValue* tags = item.find("tags")) {
      bool strings = tags->kind == YamlValue::Kind::sequence;
      for (const auto& t : tags->items) {
        strings = strings && t.kind == YamlValue::Kind::scalar;
      }
      if (!strings) {
        error(
          *tags, "jsonfeed-wrong-type", "\"tags\" must be an array of strings");
      }
    }
    authors(item);
  }

  std::vector<Finding>& m_findings;
  std::set<std::string> m_ids;
};

} // namespace

void
check_json_feed(std::string_view bytes, std::vector<Finding>& findings)
{
  auto root = content::parse_yaml_cpp(bytes, 1);
  if (!root) {
    findings.push_back(Finding{util::Severity::error,
                               "jsonfeed-not-json",
                               root.error().line,
                               root.error().column,
                               "not JSON: " + root.error().message});
    return;
  }
  JsonFeedChecker(findings).check(*root);
}

} // namespace ogfeed::validate
