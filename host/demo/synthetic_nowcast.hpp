// A synthetic rain nowcast for demos and tests (no third-party data): a few convective cells
// (Gaussian in space, rising and decaying in time) cross the grid as the "truth"; a nowcast
// issued at t_issue holds the truth observed over the last cycle, then each member extrapolates
// the cells with its own error in motion and intensity growing with lead time, as radar
// extrapolation ensembles do (docs/forecast.md). Deterministic: the member errors come from a
// fixed-seed std::mt19937 mapped by hand (no implementation-defined distributions).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sf::demo {

struct NowcastGrid {
  int nx = 0, ny = 0;
  double dx = 0.0, x0 = 0.0, y0 = 0.0;  // engine orientation, south-west corner (m)
};

struct SyntheticNowcastOptions {
  double issue_s = 1800.0;      // issue time (s since the storm's reference time)
  double observed_s = 600.0;    // observed period before the issue time (one watch cycle)
  double lead_s = 7200.0;       // forecast period after it
  double frame_s = 300.0;       // frame length (s)
  std::size_t members = 5;      // ensemble members (1: a deterministic nowcast)
  double peak_mm_per_h = 90.0;  // peak rain rate of the strongest cell
  std::uint32_t seed = 14;
};

struct SyntheticNowcast {
  std::vector<double> frame_start_s;  // s since the reference
  double frame_s = 0.0;
  std::size_t observed_frames = 0;
  std::size_t members = 0;
  std::vector<float> rate_mm_per_h;  // members x frames x ny x nx
};

/// Throws std::invalid_argument for an empty grid or non-positive periods.
SyntheticNowcast make_synthetic_nowcast(const NowcastGrid& grid,
                                        const SyntheticNowcastOptions& options);

}  // namespace sf::demo
