#pragma once

#include "site/card_step.hpp"

#include <chrono>
#include <mutex>
#include <string>

namespace ogfeed::cli {

// The one line a build updates on a terminal (stderr): its stage, cards
// done of total, elapsed time and, once cards are under way, an estimate
// of what is left. At most ten updates a second; clear() removes it before
// the build's own output. Never used when stderr is not a terminal.
class ProgressLine
{
public:
  ProgressLine();
  void update(const site::Progress& p);
  void clear();

private:
  std::mutex m_mutex;
  std::chrono::steady_clock::time_point m_start;
  std::chrono::steady_clock::time_point m_last{};
  std::chrono::steady_clock::time_point m_cards_start{};
  bool m_shown = false;
};

} // namespace ogfeed::cli
