#include "content/load/git_history.hpp"

#include "util/git.hpp"

#include <charconv>

namespace ogfeed::content {

namespace fs = std::filesystem;

namespace {

// Git's log of a large blog is a few MiB; this bounds a hostile one.
constexpr std::size_t k_max_log_bytes = 512U * 1024 * 1024;

} // namespace

std::map<std::string, FileDates>
parse_git_log(std::string_view log)
{
  std::map<std::string, FileDates> dates;
  std::map<std::string, std::string> later_name; // older path -> path today
  util::UtcSeconds when{};
  auto record = [&](const std::string& path) {
    const auto alias = later_name.find(path);
    const std::string& today = alias == later_name.end() ? path : alias->second;
    auto [it, first] = dates.try_emplace(today, FileDates{when, when});
    it->second.created = when; // older commits come later in the log
    return today;
  };
  std::size_t pos = 0;
  auto next = [&]() -> std::string_view {
    const std::size_t end = std::min(log.find('\0', pos), log.size());
    const std::string_view token = log.substr(pos, end - pos);
    pos = end + 1;
    return token;
  };
  while (pos < log.size()) {
    std::string_view token = next();
    if (token.starts_with('\x01')) {
      // One commit: "\x01<seconds>\n" and nothing else, or the log is not
      // what was asked for and no date from it is trusted.
      std::string_view digits = token.substr(1);
      while (digits.ends_with('\n')) {
        digits.remove_suffix(1);
      }
      long long seconds = 0;
      const auto [end, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), seconds);
      if (ec != std::errc() || end != digits.data() + digits.size()
          || digits.empty()) {
        return {};
      }
      when = util::UtcSeconds{std::chrono::seconds{seconds}};
      continue;
    }
    while (!token.empty() && (token.front() == '\n' || token.front() == ' ')) {
      token.remove_prefix(1);
    }
    if (token.empty()) {
      continue;
    }
    const char status = token.front();
    if (status == 'R' || status == 'C') {
      const std::string from(next());
      const std::string to(next());
      const std::string today = record(to);
      if (status == 'R') {
        later_name[from] = today;
      }
    } else {
      record(std::string(next()));
    }
  }
  return dates;
}

GitHistory::GitHistory(fs::path site_root,
                       std::vector<std::string> content_dirs)
  : m_root(std::move(site_root)),
    m_dirs(std::move(content_dirs))
{
}

void
GitHistory::read() const
{
  m_used = true;
  auto repo = util::find_git_repository(m_root);
  if (!repo) {
    m_refusal = repo.error().message;
    return;
  }
  if (!*repo) {
    return; // not a git work tree, or no git: posts need their own dates
  }
  m_available = true;
  m_shallow = (*repo)->shallow;
  std::vector<std::string> args = {"log",
                                   "--no-show-signature",
                                   "--no-color",
                                   "--format=%x01%at",
                                   "--name-status",
                                   "-z",
                                   "-M",
                                   "--relative",
                                   "--"};
  args.insert(args.end(), m_dirs.begin(), m_dirs.end());
  auto log = util::run_git(**repo, args, m_root, k_max_log_bytes);
  if (log) {
    m_dates = parse_git_log(*log);
  } else {
    m_refusal = "cannot read the git history: " + log.error().message;
  }
}

std::optional<FileDates>
GitHistory::dates_of(const fs::path& file) const
{
  std::call_once(m_once, [this] { read(); });
  const auto it = m_dates.find(
    file.lexically_relative(m_root).lexically_normal().generic_string());
  if (it == m_dates.end()) {
    return std::nullopt;
  }
  return it->second;
}

bool
GitHistory::used() const
{
  return m_used;
}

bool
GitHistory::available() const
{
  return m_available;
}

bool
GitHistory::shallow() const
{
  return m_shallow;
}

const std::string&
GitHistory::refusal() const
{
  return m_refusal;
}

} // namespace ogfeed::content
