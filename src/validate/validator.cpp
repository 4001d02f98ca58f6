#include "validate/validator.hpp"

#include "validate/atom_checker.hpp"
#include "validate/json_feed_checker.hpp"
#include "validate/rdf_checker.hpp"
#include "validate/rss_checker.hpp"
#include "validate/xml_reader.hpp"

#include <algorithm>
#include <map>

namespace ogfeed::validate {

namespace {

// One finding per root cause: the same rule with the same message again (a
// generator's mistake repeated in every entry) is said once, at its first
// place, with how many there are and where the next few are.
void
group_repeats(std::vector<Finding>& findings)
{
  struct Group
  {
    std::size_t first;
    std::size_t count = 1;
    std::string more; // "2:277, 2:375"
  };
  std::map<std::pair<std::string, std::string>, Group> groups;
  std::vector<Finding> kept;
  for (auto& f : findings) {
    const auto key = std::make_pair(f.rule, f.message);
    const auto it = groups.find(key);
    if (it == groups.end()) {
      groups.emplace(key, Group{kept.size(), 1, {}});
      kept.push_back(std::move(f));
      continue;
    }
    Group& g = it->second;
    if (++g.count <= 4) {
      g.more += (g.more.empty() ? "" : ", ") + std::to_string(f.line) + ":"
                + std::to_string(f.column);
    }
  }
  for (const auto& [key, g] : groups) {
    if (g.count > 1) {
      kept[g.first].message += " (" + std::to_string(g.count)
                               + " occurrences; also at " + g.more
                               + (g.count > 4 ? ", ..." : "") + ")";
    }
  }
  findings = std::move(kept);
}

constexpr std::size_t k_large_feed = 5000000;

// Picks the rules from the root element, then hands every event to them.
class Dispatcher : public XmlHandler
{
public:
  Dispatcher(Report& report, std::optional<util::UtcSeconds> now)
    : m_report(report),
      m_now(now)
  {
  }

  void
  start(const XmlElement& e) override
  {
    if (!m_decided) {
      m_decided = true;
      decide(e);
    }
    if (m_checker) {
      m_checker->start(e);
    }
  }

  void
  end(const XmlElement& e, const std::string& text) override
  {
    if (m_checker) {
      m_checker->end(e, text);
    }
  }

  void
  finish()
  {
    if (m_checker) {
      m_checker->finish();
    }
  }

  std::size_t
  dropped() const
  {
    return m_checker ? m_checker->dropped() : 0;
  }

private:
  void
  unsupported(const XmlElement& e, const char* rule, std::string message)
  {
    m_report.kind = FeedKind::unsupported;
    m_report.findings.push_back(Finding{
      util::Severity::error, rule, e.line, e.column, std::move(message)});
  }

  void
  decide(const XmlElement& e)
  {
    if (e.ns == k_atom_ns && (e.local == "feed" || e.local == "entry")) {
      m_report.kind = FeedKind::atom;
      m_checker = std::make_unique<AtomChecker>(m_report.findings, m_now);
    } else if (e.ns.empty() && e.local == "rss") {
      m_report.kind = FeedKind::rss;
      m_checker = std::make_unique<RssChecker>(m_report.findings, m_now);
    } else if (e.local == "feed" && e.ns.empty()) {
      unsupported(e,
                  "atom-missing-namespace",
                  "<feed> has no namespace: Atom 1.0 needs "
                  "xmlns=\"http://www.w3.org/2005/Atom\"");
    } else if (e.local == "feed") {
      unsupported(e,
                  "atom-invalid-namespace",
                  "<feed> is in namespace \"" + e.ns
                    + "\", not Atom 1.0's http://www.w3.org/2005/Atom");
    } else if (e.ns == k_rdf_ns && e.local == "RDF") {
      m_report.kind = FeedKind::rss1;
      m_checker = std::make_unique<RdfChecker>(m_report.findings, m_now);
    } else {
      unsupported(
        e,
        "feed-unsupported-format",
        "<" + e.local
          + "> is not the root of an Atom 1.0, RSS 2.0 or RSS 1.0 feed");
    }
  }

  Report& m_report;
  std::optional<util::UtcSeconds> m_now;
  bool m_decided = false;
  std::unique_ptr<Checker> m_checker;
};

} // namespace

struct Validator::Impl
{
  explicit Impl(std::optional<util::UtcSeconds> now)
    : dispatcher(report, now)
  {
  }

  Report report;
  Dispatcher dispatcher;
  XmlReader reader{dispatcher, report.findings};
  std::size_t bytes = 0;
  bool broken = false;
  bool json = false; // a JSON Feed: held whole, checked at the end
  bool decided = false;
  std::string pending; // leading white space, until JSON or XML is known
  std::string json_text;
};

Validator::Validator(std::string name, std::optional<util::UtcSeconds> now)
  : m_impl(std::make_unique<Impl>(now))
{
  m_impl->report.name = std::move(name);
}

Validator::~Validator() = default;

bool
Validator::feed(std::string_view chunk)
{
  Impl& m = *m_impl;
  if (m.broken) {
    return false;
  }
  if (m.bytes == 0 && chunk.starts_with("\x1f\x8b")) {
    m.report.findings.push_back(
      Finding{util::Severity::error,
              "feed-compressed",
              1,
              1,
              "the file is gzip-compressed; decompress it first (gunzip)"});
    m.broken = true;
    return false;
  }
  std::string joined;
  if (!m.decided) {
    // JSON or XML, by the first byte that is not white space, however the
    // input is cut into chunks.
    const std::size_t first = chunk.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos && m.pending.size() < 4096) {
      m.pending += chunk;
      m.bytes += chunk.size();
      return true;
    }
    m.decided = true;
    // A comment is no JSON either, but a JSON document is what it opens.
    const auto at = [&](std::size_t i) {
      return i < chunk.size() ? chunk[i] : '\0';
    };
    m.json = first != std::string_view::npos
             && (at(first) == '{' || at(first) == '['
                 || (at(first) == '/'
                     && (at(first + 1) == '/' || at(first + 1) == '*')));
    joined = std::move(m.pending) + std::string(chunk);
    m.bytes -= joined.size() - chunk.size();
    chunk = joined;
  }
  m.bytes += chunk.size();
  if (m.json) {
    if (m.bytes > k_max_held) {
      m.report.findings.push_back(Finding{util::Severity::error,
                                          "xml-too-large",
                                          1,
                                          1,
                                          "the JSON Feed is larger than "
                                            + std::to_string(k_max_held >> 20)
                                            + " MiB; not checked"});
      m.broken = true;
      return false;
    }
    m.json_text += chunk;
    return true;
  }
  m.broken = !m.reader.feed(chunk, false);
  return !m.broken;
}

Report
Validator::finish()
{
  Impl& m = *m_impl;
  if (m.json) {
    m.report.kind = FeedKind::json;
    if (!m.broken) {
      check_json_feed(m.json_text, m.report.findings);
    }
  } else if (!m.broken && !m.pending.empty()) {
    m.broken = !m.reader.feed(m.pending, false);
  }
  if (!m.json && !m.broken && m.reader.feed({}, true)) {
    m.dispatcher.finish();
  }
  if (m.bytes > k_large_feed) {
    m.report.findings.push_back(
      Finding{util::Severity::warning,
              "feed-too-large",
              1,
              1,
              "the feed is " + std::to_string(m.bytes)
                + " bytes; many readers stop at 5,000,000"});
  }
  std::stable_sort(m.report.findings.begin(),
                   m.report.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     return a.line != b.line ? a.line < b.line
                                             : a.column < b.column;
                   });
  group_repeats(m.report.findings);
  if (const std::size_t more = m.dispatcher.dropped(); more > 0) {
    const Finding& last = m.report.findings.back();
    m.report.findings.push_back(
      Finding{util::Severity::warning,
              "feed-too-many-findings",
              last.line,
              last.column,
              std::to_string(more) + " more findings not shown (the first "
                + std::to_string(k_max_findings) + " are above)"});
  }
  return std::move(m.report);
}

Report
validate_bytes(std::string name,
               std::string_view bytes,
               std::optional<util::UtcSeconds> now)
{
  Validator v(std::move(name), now);
  v.feed(bytes);
  return v.finish();
}

} // namespace ogfeed::validate
