#include "demo/synthetic_nowcast.hpp"

#include <cmath>
#include <random>
#include <stdexcept>

namespace sf::demo {
namespace {

/// One convective cell of the truth, placed relative to the grid.
struct StormCell {
  double fx, fy;    // offset from the grid's centre at its peak, in grid widths and heights
  double u, v;      // motion (m/s)
  double peak;      // fraction of the options' peak rate
  double radius_m;  // Gaussian radius
  double t_peak_s;  // time of its peak
  double life_s;    // Gaussian time scale of its rise and decay
};

// A slow, stationary-ish storm (cells of 1.2-1.8 km radius drifting east-north-east at about
// 0.5 m/s) that rains on the 1 km demo grid for about two hours, with peaks 40, 60 and 80 min
// after the start; the strongest gives ~45 mm in its hour.
constexpr StormCell kCells[] = {
    {-0.30, 0.10, 0.5, 0.15, 1.00, 1500.0, 2400.0, 1200.0},
    {0.40, -0.35, 0.4, 0.20, 0.70, 1800.0, 3600.0, 1500.0},
    {-0.20, 0.60, 0.6, 0.10, 0.55, 1200.0, 4800.0, 1200.0},
};

/// Rain rate (mm/h) at (x, y) at time t of cells displaced by (ex, ey) m and scaled by `gain`.
double rate_at(const NowcastGrid& g, double peak, double x, double y, double t, double ex,
               double ey, double gain) {
  const double w = g.nx * g.dx, h = g.ny * g.dx;
  double r = 0.0;
  for (const StormCell& c : kCells) {
    const double cx = g.x0 + (0.5 + c.fx) * w + c.u * (t - c.t_peak_s) + ex;
    const double cy = g.y0 + (0.5 + c.fy) * h + c.v * (t - c.t_peak_s) + ey;
    const double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
    const double tt = (t - c.t_peak_s) / c.life_s;
    r += peak * c.peak * std::exp(-0.5 * d2 / (c.radius_m * c.radius_m) - 0.5 * tt * tt);
  }
  return gain * r;
}

/// Uniform in [-1, 1) from the generator, the same on every platform.
double symmetric(std::mt19937& rng) {
  return double(rng()) / 2147483648.0 - 1.0;
}

}  // namespace

SyntheticNowcast make_synthetic_nowcast(const NowcastGrid& g, const SyntheticNowcastOptions& o) {
  if (g.nx <= 0 || g.ny <= 0 || !(g.dx > 0) || !(o.frame_s > 0) || !(o.lead_s > 0) ||
      o.observed_s < 0 || o.members == 0)
    throw std::invalid_argument(
        "synthetic nowcast: empty grid, or periods or members not positive");
  SyntheticNowcast n;
  n.frame_s = o.frame_s;
  n.members = o.members;
  n.observed_frames = std::size_t(std::llround(o.observed_s / o.frame_s));
  const std::size_t lead_frames = std::size_t(std::ceil(o.lead_s / o.frame_s - 1e-9));
  const double first = o.issue_s - double(n.observed_frames) * o.frame_s;
  for (std::size_t k = 0; k < n.observed_frames + lead_frames; ++k)
    n.frame_start_s.push_back(first + double(k) * o.frame_s);
  const std::size_t cells = std::size_t(g.nx) * std::size_t(g.ny), frames = n.frame_start_s.size();
  n.rate_mm_per_h.assign(o.members * frames * cells, 0.0f);

  std::mt19937 rng(o.seed);
  for (std::size_t m = 0; m < o.members; ++m) {
    // Member 0 is the plain extrapolation; the others err in motion (up to 0.3 m/s in each
    // direction, ~1 km after an hour) and in growth (up to a factor 2 either way per hour).
    const double du = m == 0 ? 0.0 : 0.3 * symmetric(rng), dv = m == 0 ? 0.0 : 0.3 * symmetric(rng);
    const double growth = m == 0 ? 0.0 : std::log(2.0) * symmetric(rng);
    for (std::size_t k = 0; k < frames; ++k) {
      const double t = n.frame_start_s[k] + 0.5 * o.frame_s;  // the frame's mid-time
      const double lead = std::max(0.0, t - o.issue_s);
      const bool observed = k < n.observed_frames;
      const double ex = observed ? 0.0 : du * lead, ey = observed ? 0.0 : dv * lead;
      const double gain = observed ? 1.0 : std::exp(growth * lead / 3600.0);
      float* out = &n.rate_mm_per_h[(m * frames + k) * cells];
      for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i)
          out[std::size_t(j) * std::size_t(g.nx) + std::size_t(i)] =
              float(rate_at(g, o.peak_mm_per_h, g.x0 + (i + 0.5) * g.dx, g.y0 + (j + 0.5) * g.dx, t,
                            ex, ey, gain));
    }
  }
  return n;
}

}  // namespace sf::demo
