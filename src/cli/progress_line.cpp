#include "cli/progress_line.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace ogfeed::cli {

namespace {

using Clock = std::chrono::steady_clock;

double
seconds(Clock::duration d)
{
  return std::chrono::duration<double>(d).count();
}

} // namespace

ProgressLine::ProgressLine()
  : m_start(Clock::now())
{
}

void
ProgressLine::update(const site::Progress& p)
{
  const std::lock_guard<std::mutex> guard(m_mutex);
  const auto now = Clock::now();
  const bool cards = std::string_view(p.stage) == "cards";
  if (cards && p.done <= 1) {
    m_cards_start = now;
  }
  const bool last_card = cards && p.done == p.total;
  if (cards && !last_card && now - m_last < std::chrono::milliseconds(100)) {
    return;
  }
  m_last = now;
  std::string line = fmt::format("ogfeed: {}", p.stage);
  if (cards) {
    line += fmt::format(" {}/{}", p.done, p.total);
  } else if (p.total > 0) {
    line += fmt::format(" ({} posts)", p.total);
  }
  line += fmt::format(", {:.1f} s", seconds(now - m_start));
  if (cards && p.done > 0 && p.done < p.total) {
    const double per_card =
      seconds(now - m_cards_start) / static_cast<double>(p.done);
    line += fmt::format(", about {:.0f} s left",
                        per_card * static_cast<double>(p.total - p.done));
  }
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
  m_shown = true;
}

void
ProgressLine::clear()
{
  const std::lock_guard<std::mutex> guard(m_mutex);
  if (m_shown) {
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    m_shown = false;
  }
}

} // namespace ogfeed::cli
