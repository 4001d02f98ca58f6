#include "site/publish_journal.hpp"

#include "util/file.hpp"
#include "util/split.hpp"
#include "util/state_file.hpp"

#include <charconv>

namespace ogfeed::site::detail {

namespace {

constexpr util::StateFormat k_journal{"journal", 3, "ogfeed-journal 2\n"};

bool
to_u64(std::string_view s, std::uint64_t& out)
{
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

} // namespace

bool
is_staged_name(std::string_view name)
{
  return !name.empty() && name.size() <= 20
         && name.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string
format_journal(const std::vector<JournalStep>& steps, StagingIn staging)
{
  std::string out;
  out += staging == StagingIn::state ? "staging\tstate\n" : "staging\toutput\n";
  for (const auto& s : steps) {
    if (s.kind != JournalStep::Kind::remove) {
      out += (s.kind == JournalStep::Kind::put ? "put\t" : "state\t") + s.staged
             + "\t" + escape_field(s.rel) + "\n";
    } else {
      out += "del\t" + std::to_string(s.expected.hash) + "\t"
             + std::to_string(s.expected.size) + "\t" + escape_field(s.rel)
             + "\n";
    }
  }
  return util::seal_state(k_journal, out + "end\n");
}

std::optional<Journal>
parse_journal(std::string_view file)
{
  const auto body = util::open_state(file, k_journal);
  if (!body || !body->ends_with("\nend\n")) {
    return std::nullopt;
  }
  const std::string_view text = *body;
  Journal journal;
  std::vector<JournalStep>& steps = journal.steps;
  std::size_t pos = 0;
  if (text.substr(pos).starts_with("staging\tstate\n")) {
    journal.staging = StagingIn::state;
  } else if (text.substr(pos).starts_with("staging\toutput\n")) {
    journal.staging = StagingIn::output;
  } else {
    return std::nullopt;
  }
  pos = text.find('\n', pos) + 1;
  for (;;) {
    const std::size_t nl = text.find('\n', pos);
    const std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (line == "end") {
      return journal;
    }
    const std::vector<std::string_view> f = util::split(line, '\t');
    JournalStep step;
    if (f.size() == 3 && (f[0] == "put" || f[0] == "state")) {
      step.kind =
        f[0] == "put" ? JournalStep::Kind::put : JournalStep::Kind::state;
      step.staged = std::string(f[1]);
      step.rel = unescape_field(f[2]);
      if (!is_staged_name(step.staged)
          || (step.kind == JournalStep::Kind::state
              && step.rel != k_manifest_file && step.rel != k_output_file)) {
        return std::nullopt;
      }
    } else if (f.size() == 4 && f[0] == "del"
               && to_u64(f[1], step.expected.hash)
               && to_u64(f[2], step.expected.size)) {
      step.kind = JournalStep::Kind::remove;
      step.rel = unescape_field(f[3]);
    } else {
      return std::nullopt;
    }
    if (!util::is_plain_relative(step.rel)) {
      return std::nullopt; // a journal names nothing outside its folders
    }
    steps.push_back(std::move(step));
  }
}

} // namespace ogfeed::site::detail
