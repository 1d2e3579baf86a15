// A 1D channel (one row of cells between walls) run to a given time: the setup the steady-flow and
// dam-break benchmarks share, and the L1 depth error against a reference profile.
#pragma once

#include <cmath>
#include <functional>

#include "analytic_solutions.hpp"
#include "test_support.hpp"

namespace sf::test {

inline swe::FrictionLaw solver_law(FrictionLaw law) {
  switch (law) {
    case FrictionLaw::Chezy:
      return swe::FrictionLaw::kChezy;
    case FrictionLaw::DarcyWeisbach:
      return swe::FrictionLaw::kDarcyWeisbach;
    case FrictionLaw::Laminar:
      return swe::FrictionLaw::kLaminar;
    case FrictionLaw::Linear:
      return swe::FrictionLaw::kLinear;
    default:
      return swe::FrictionLaw::kManning;
  }
}

/// One row of n cells of size dx over [0, n dx], bed z(x) at cell centres.
inline SurfaceSetup channel(int n, double dx, const std::function<double(double)>& bed) {
  return make_grid(n, 1, dx, [&](double x, double) { return bed(x); });
}

/// Boundary segment on a whole side of a one-row channel.
inline BoundarySegmentSpec edge(swe::EdgeKind kind, swe::Side side, TimeSeries series = {}) {
  BoundarySegmentSpec b;
  b.name = side == swe::kWest ? "upstream" : "downstream";
  b.kind = kind;
  b.side = side;
  b.series = std::move(series);
  return b;
}

/// Mean |h - h_exact(x)| over the cells with centres in [x0, x1] (m).
inline double l1_depth_error(const SurfaceSnapshot& s, double dx,
                             const std::function<double(double)>& exact, double x0, double x1) {
  double sum = 0;
  int count = 0;
  for (std::size_t i = 0; i < s.depth.size(); ++i) {
    const double x = (double(i) + 0.5) * dx;
    if (x < x0 || x > x1) continue;
    sum += std::abs(s.depth[i] - exact(x));
    ++count;
  }
  return count ? sum / count : 0.0;
}

inline double continuity_fraction(Simulation& sim) {
  return std::abs(sim.balance().continuity_error_pct()) / 100.0;
}

}  // namespace sf::test
