// Exact solutions used by the analytic tests (depth in m, x and t in s/m).
#pragma once

namespace sf::test {

/// Ritter (1892): dam of depth h0 at x0 breaking over a dry, flat, frictionless bed.
double ritter_depth(double x, double t, double x0, double h0, double g);

/// Stoker (1957): dam break over a wet bed, upstream hl, downstream hr < hl.
struct StokerSolution {
  double hl, hr, x0, g;
  double hm, um, shock_speed;  // middle state and shock speed
  StokerSolution(double hl, double hr, double x0, double g);
  double depth(double x, double t) const;
};

/// Thacker (1981) planar surface oscillating in a paraboloid, as set up in SWASHES
/// (Delestre et al. 2013, J. Numer. Meth. Fluids 72:269): a = 1, h0 = 0.1, eta = 0.5, L = 4.
struct ThackerPlanar {
  double a = 1.0, h0 = 0.1, eta = 0.5, L = 4.0, g = 9.80665;
  double omega() const;
  double period() const;
  double bed(double x, double y) const;
  double depth(double x, double y, double t) const;
  double u(double t) const;
  double v(double t) const;
};

}  // namespace sf::test
