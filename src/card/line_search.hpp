#pragma once

// The search for the cheapest breaks of a title in a given number of
// lines of a given width (dynamic programming over the allowed breaks).
// Internal to src/card.

#include "card/line_measure.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace ogfeed::card::detail {

struct Plan
{
  std::vector<std::size_t> starts; // line starts; the first is 0
  double cost = k_infinity;
};

// Finds the best way to set the whole text in exactly `lines` lines of
// `width` em, or, with lines == 0, in as few lines as possible up to
// max_lines. Candidates are break positions allowed at `tier`.
class Search
{
public:
  Search(const Measure& m, double width, Tier tier, int max_lines)
    : m_m(m),
      m_width(width),
      m_max_lines(max_lines)
  {
    const std::size_t n = m.size();
    m_candidates.push_back(0);
    for (std::size_t i = 1; i < n; ++i) {
      if (allowed(m.breaks()[i], tier)) {
        m_candidates.push_back(i);
      }
    }
    m_candidates.push_back(n);
    run();
  }

  // The fewest lines that fit, or 0 when none does.
  int
  min_lines() const
  {
    for (int k = 1; k <= m_max_lines; ++k) {
      if (m_cost[idx(k, m_candidates.size() - 1)] < k_infinity) {
        return k;
      }
    }
    return 0;
  }

  Plan
  plan(int lines) const
  {
    Plan p;
    std::size_t j = m_candidates.size() - 1;
    p.cost = m_cost[idx(lines, j)];
    if (p.cost == k_infinity) {
      return p;
    }
    for (int k = lines; k >= 1; --k) {
      const std::size_t i = m_from[idx(k, j)];
      p.starts.push_back(m_candidates[i]);
      j = i;
    }
    std::reverse(p.starts.begin(), p.starts.end());
    return p;
  }

  // For truncation: the best `lines` lines that end at candidate index j.
  double
  cost_to(int lines, std::size_t j) const
  {
    return lines == 0 ? (j == 0 ? 0 : k_infinity) : m_cost[idx(lines, j)];
  }

  std::vector<std::size_t>
  starts_to(int lines, std::size_t j) const
  {
    std::vector<std::size_t> out;
    for (int k = lines; k >= 1; --k) {
      const std::size_t i = m_from[idx(k, j)];
      out.push_back(m_candidates[i]);
      j = i;
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

  const std::vector<std::size_t>&
  candidates() const
  {
    return m_candidates;
  }

private:
  std::size_t
  idx(int k, std::size_t j) const
  {
    return static_cast<std::size_t>(k) * m_candidates.size() + j;
  }

  double
  line_cost(std::size_t b, std::size_t e, bool last) const
  {
    const double w = m_m.width(b, e);
    if (w > m_width + k_epsilon) {
      return k_infinity;
    }
    const double slack = (m_width - w) / m_width;
    double cost = k_balance * slack * slack;
    if (last) {
      const auto [vb, ve] = m_m.visible(b, e);
      if (m_m.count(vb, ve) <= 3 && b > 0) {
        cost += k_short_last;
      }
    }
    return cost;
  }

  void
  run()
  {
    const std::size_t m = m_candidates.size();
    const std::size_t n = m_m.size();
    m_cost.assign(static_cast<std::size_t>(m_max_lines + 1) * m, k_infinity);
    m_from.assign(m_cost.size(), 0);
    m_cost[idx(0, 0)] = 0;
    for (int k = 1; k <= m_max_lines; ++k) {
      for (std::size_t j = 1; j < m; ++j) {
        const std::size_t e = m_candidates[j];
        const double brk = e == n ? 0 : m_m.break_cost_at(e);
        // Longest line last: once a line overflows by more than any trim
        // can take back, every earlier start overflows too. This keeps the
        // search linear in the text.
        for (std::size_t i = j; i-- > 0;) {
          if (m_m.width(m_candidates[i], e) > m_width + k_overflow_slack) {
            break;
          }
          const double before = m_cost[idx(k - 1, i)];
          if (before == k_infinity) {
            continue;
          }
          const double line = line_cost(m_candidates[i], e, e == n);
          if (line == k_infinity) {
            continue;
          }
          const double total = before + line + brk;
          // <=: on a tie the earliest start wins, as it always has.
          if (total <= m_cost[idx(k, j)]) {
            m_cost[idx(k, j)] = total;
            m_from[idx(k, j)] = i;
          }
        }
      }
    }
  }

  const Measure& m_m;
  double m_width;
  int m_max_lines;
  std::vector<std::size_t> m_candidates;
  std::vector<double> m_cost; // [k][j]: best k lines ending at candidate j
  std::vector<std::size_t> m_from;
};

} // namespace ogfeed::card::detail
