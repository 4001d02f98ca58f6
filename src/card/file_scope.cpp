#include "card/file_scope.hpp"

#include "util/beneath.hpp"

#include <system_error>

namespace ogfeed::card {

namespace fs = std::filesystem;

namespace {

fs::path
absolute_normal(const fs::path& p)
{
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  return (ec ? p : abs).lexically_normal();
}

// `file` relative to `folder` when it is lexically below it.
std::optional<fs::path>
below(const fs::path& file, const fs::path& folder)
{
  const fs::path rel = file.lexically_relative(folder);
  if (rel.empty() || rel == "." || *rel.begin() == "..") {
    return std::nullopt;
  }
  return rel;
}

} // namespace

FileScope::FileScope(fs::path site, std::vector<fs::path> trusted)
  : m_site(absolute_normal(site))
{
  for (const fs::path& t : trusted) {
    m_trusted.push_back(absolute_normal(t));
  }
}

FileScope
FileScope::anywhere()
{
  FileScope scope;
  scope.m_anywhere = true;
  return scope;
}

util::Expected<void>
FileScope::check(const fs::path& file) const
{
  if (m_anywhere) {
    return {};
  }
  const fs::path abs = absolute_normal(file);
  for (const fs::path& t : m_trusted) {
    if (abs == t || below(abs, t)) {
      return {};
    }
  }
  const auto rel = m_site.empty() ? std::nullopt : below(abs, m_site);
  if (!rel) {
    return tl::unexpected(util::make_error(
      "'" + file.string()
      + "' is outside the site; a site's cards use only files inside it"));
  }
  auto site = util::Dir::open(m_site, util::Create::no);
  if (!site) {
    return tl::unexpected(site.error());
  }
  auto kind = site->kind_of(rel->generic_string());
  if (!kind) {
    return tl::unexpected(kind.error());
  }
  switch (*kind) {
  case util::FileKind::file:
    return {};
  case util::FileKind::missing:
    return tl::unexpected(
      util::make_error("'" + file.string() + "': no such file"));
  case util::FileKind::link:
    return tl::unexpected(util::make_error(
      "'" + file.string()
      + "' is a symbolic link; ogfeed follows no link in a site"));
  default:
    return tl::unexpected(
      util::make_error("'" + file.string() + "' is not a regular file"));
  }
}

} // namespace ogfeed::card
