#include "validate/json_feed_checker.hpp"

#include "util/json_tree.hpp"
#include "util/url.hpp"
#include "validate/values.hpp"

#include <set>

namespace ogfeed::validate {

namespace {

using util::JsonValue;
using Kind = JsonValue::Kind;

// The members JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) defines,
// by object, with the kind each must be. A member no version defines must
// start with '_' (an extension); one that does not is a warning.
struct Member
{
  const char* name;
  Kind kind;
  bool url = false; // a string holding an absolute URL
};

constexpr Member k_feed_members[] = {
  {"version", Kind::string},
  {"title", Kind::string},
  {"home_page_url", Kind::string, true},
  {"feed_url", Kind::string, true},
  {"description", Kind::string},
  {"user_comment", Kind::string},
  {"next_url", Kind::string, true},
  {"icon", Kind::string, true},
  {"favicon", Kind::string, true},
  {"author", Kind::object}, // 1.0; 1.1 reads authors
  {"authors", Kind::array},
  {"language", Kind::string},
  {"expired", Kind::boolean},
  {"hubs", Kind::array},
  {"items", Kind::array},
};

constexpr Member k_item_members[] = {
  {"id", Kind::string},
  {"url", Kind::string, true},
  {"external_url", Kind::string, true},
  {"title", Kind::string},
  {"content_html", Kind::string},
  {"content_text", Kind::string},
  {"summary", Kind::string},
  {"image", Kind::string, true},
  {"banner_image", Kind::string, true},
  {"date_published", Kind::string},
  {"date_modified", Kind::string},
  {"author", Kind::object},
  {"authors", Kind::array},
  {"tags", Kind::array},
  {"language", Kind::string},
  {"attachments", Kind::array},
};

constexpr Member k_author_members[] = {
  {"name", Kind::string},
  {"url", Kind::string, true},
  {"avatar", Kind::string, true},
};

constexpr Member k_attachment_members[] = {
  {"url", Kind::string, true},
  {"mime_type", Kind::string},
  {"title", Kind::string},
  {"size_in_bytes", Kind::number},
  {"duration_in_seconds", Kind::number},
};

constexpr Member k_hub_members[] = {
  {"type", Kind::string},
  {"url", Kind::string, true},
};

class JsonFeedChecker
{
public:
  explicit JsonFeedChecker(std::vector<Finding>& findings)
    : m_findings(findings)
  {
  }

  void
  check(const JsonValue& root)
  {
    if (root.kind != Kind::object) {
      error(root, "jsonfeed-wrong-type", "a JSON Feed is one JSON object");
      return;
    }
    members(root, k_feed_members, "the feed");
    const JsonValue* version = root.find("version");
    if (version == nullptr) {
      error(root, "jsonfeed-missing-version", "missing \"version\"");
    } else if (version->kind == Kind::string
               && version->text != "https://jsonfeed.org/version/1"
               && version->text != "https://jsonfeed.org/version/1.1") {
      error(*version,
            "jsonfeed-unknown-version",
            "\"version\" is \"" + version->text
              + "\", not https://jsonfeed.org/version/1 or /1.1");
    }
    m_v11 =
      version != nullptr && version->text == "https://jsonfeed.org/version/1.1";
    required(root, "title");
    authors(root);
    if (const JsonValue* hubs = root.find("hubs");
        hubs != nullptr && hubs->kind == Kind::array) {
      for (const auto& hub : hubs->items) {
        if (object(hub, "each hub")) {
          members(hub, k_hub_members, "a hub");
          required(hub, "type");
          required(hub, "url");
        }
      }
    }
    const JsonValue* items = root.find("items");
    if (items == nullptr) {
      error(root, "jsonfeed-missing-items", "missing \"items\"");
    } else if (items->kind == Kind::array) {
      for (const auto& item : items->items) {
        check_item(item);
      }
    }
  }

private:
  void
  finding(util::Severity severity,
          const JsonValue& at,
          const char* rule,
          std::string message)
  {
    if (m_findings.size() < k_max_findings) {
      m_findings.push_back(
        Finding{severity, rule, at.line, at.column, std::move(message)});
    }
  }

  void
  error(const JsonValue& at, const char* rule, std::string message)
  {
    finding(util::Severity::error, at, rule, std::move(message));
  }

  bool
  object(const JsonValue& v, const char* what)
  {
    if (v.kind != Kind::object) {
      error(v,
            "jsonfeed-wrong-type",
            std::string(what) + " must be an object, not "
              + util::json_kind_name(v.kind));
      return false;
    }
    return true;
  }

  // Checks each member of `object` against `known`: its kind, and an
  // absolute URL where one is due. Others must be extensions ("_name").
  template<std::size_t N>
  void
  members(const JsonValue& owner, const Member (&known)[N], const char* what)
  {
    for (const auto& [name, v] : owner.members) {
      const Member* m = nullptr;
      for (const Member& k : known) {
        if (name == k.name) {
          m = &k;
        }
      }
      if (m == nullptr) {
        if (!name.starts_with('_')) {
          finding(util::Severity::warning,
                  v,
                  "jsonfeed-unknown-member",
                  "\"" + name + "\" is no member of " + what
                    + " in JSON Feed 1.1; an extension's name starts with "
                      "'_'");
        }
        continue;
      }
      if (v.kind != m->kind) {
        error(v,
              "jsonfeed-wrong-type",
              "\"" + name + "\" must be " + util::json_kind_name(m->kind)
                + ", not " + util::json_kind_name(v.kind));
        continue;
      }
      if (m->url) {
        url(v, name);
      }
      if (name == "size_in_bytes"
          && (v.text.starts_with('-')
              || v.text.find_first_of(".eE") != std::string::npos)) {
        error(v,
              "jsonfeed-wrong-type",
              "\"size_in_bytes\" must be a whole number of bytes, got "
                + v.text);
      }
    }
  }

  void
  required(const JsonValue& owner, const char* name)
  {
    if (owner.find(name) == nullptr) {
      error(owner,
            "jsonfeed-missing-member",
            std::string("missing \"") + name + "\"");
    }
  }

  void
  url(const JsonValue& v, const std::string& name)
  {
    if (const std::string scheme = util::script_url_scheme(v.text);
        !scheme.empty()) {
      error(v,
            "feed-script-url",
            script_url_message("\"" + name + "\"", v.text, scheme));
    } else if (!is_absolute_iri(v.text)) {
      error(v,
            "jsonfeed-relative-url",
            "\"" + name + "\" must be an absolute URL, got \"" + v.text + "\"");
    }
  }

  void
  authors(const JsonValue& owner)
  {
    if (const JsonValue* one = owner.find("author");
        one != nullptr && one->kind == Kind::object) {
      members(*one, k_author_members, "an author");
      if (m_v11) {
        finding(util::Severity::warning,
                *one,
                "jsonfeed-deprecated-author",
                "\"author\" is JSON Feed 1.0's; 1.1 reads \"authors\", an "
                "array (write both for older readers)");
      }
    }
    const JsonValue* list = owner.find("authors");
    if (list == nullptr || list->kind != Kind::array) {
      return;
    }
    for (const auto& a : list->items) {
      if (object(a, "each author")) {
        members(a, k_author_members, "an author");
      }
    }
  }

  void
  check_item(const JsonValue& item)
  {
    if (!object(item, "each item")) {
      return;
    }
    members(item, k_item_members, "an item");
    if (const JsonValue* id = item.find("id"); id == nullptr) {
      error(item, "jsonfeed-item-missing-id", "an item has no \"id\"");
    } else if (id->kind == Kind::string) {
      if (id->text.empty()) {
        error(*id, "jsonfeed-wrong-type", "\"id\" must not be empty");
      } else if (!m_ids.insert(id->text).second) {
        error(*id,
              "jsonfeed-duplicate-id",
              "id \"" + id->text + "\" is used by an earlier item too");
      }
    }
    if (item.find("content_html") == nullptr
        && item.find("content_text") == nullptr) {
      error(item,
            "jsonfeed-item-no-content",
            "an item needs \"content_html\" or \"content_text\"");
    }
    for (const char* date : {"date_published", "date_modified"}) {
      if (const JsonValue* v = item.find(date);
          v != nullptr && v->kind == Kind::string && !is_rfc3339(v->text)) {
        error(*v,
              "jsonfeed-bad-date",
              std::string("\"") + date + "\" must be an RFC 3339 date, got \""
                + v->text + "\"");
      }
    }
    if (const JsonValue* tags = item.find("tags");
        tags != nullptr && tags->kind == Kind::array) {
      for (const auto& t : tags->items) {
        if (t.kind != Kind::string) {
          error(t,
                "jsonfeed-wrong-type",
                std::string("each of \"tags\" must be a string, not ")
                  + util::json_kind_name(t.kind));
        }
      }
    }
    if (const JsonValue* list = item.find("attachments");
        list != nullptr && list->kind == Kind::array) {
      for (const auto& a : list->items) {
        if (object(a, "each attachment")) {
          members(a, k_attachment_members, "an attachment");
          required(a, "url");
          required(a, "mime_type");
        }
      }
    }
    authors(item);
  }

  std::vector<Finding>& m_findings;
  std::set<std::string> m_ids;
  bool m_v11 = false;
};

} // namespace

void
check_json_feed(std::string_view bytes, std::vector<Finding>& findings)
{
  auto root = util::parse_json(bytes);
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
