#include "analytic_solutions.hpp"

#include <algorithm>
#include <cmath>

namespace sf::test {

double ritter_depth(double x, double t, double x0, double h0, double g) {
  const double c0 = std::sqrt(g * h0);
  const double xi = x - x0;
  if (xi <= -c0 * t) return h0;
  if (xi >= 2.0 * c0 * t) return 0.0;
  const double s = 2.0 * c0 - xi / t;
  return s * s / (9.0 * g);
}

StokerSolution::StokerSolution(double hl_, double hr_, double x0_, double g_)
    : hl(hl_), hr(hr_), x0(x0_), g(g_) {
  // Middle depth from the left rarefaction (u + 2c constant) and the right shock relations.
  auto f = [&](double h) {
    const double u_raref = 2.0 * (std::sqrt(g * hl) - std::sqrt(g * h));
    const double u_shock = (h - hr) * std::sqrt(0.5 * g * (h + hr) / (h * hr));
    return u_raref - u_shock;
  };
  double lo = hr, hi = hl;
  for (int it = 0; it < 200; ++it) {
    const double mid = 0.5 * (lo + hi);
    (f(mid) > 0 ? lo : hi) = mid;
  }
  hm = 0.5 * (lo + hi);
  um = 2.0 * (std::sqrt(g * hl) - std::sqrt(g * hm));
  shock_speed = hm * um / (hm - hr);
}

double StokerSolution::depth(double x, double t) const {
  const double xi = x - x0;
  const double cl = std::sqrt(g * hl), cm = std::sqrt(g * hm);
  if (xi <= -cl * t) return hl;
  if (xi <= (um - cm) * t) {
    const double s = 2.0 * cl - xi / t;
    return s * s / (9.0 * g);
  }
  if (xi <= shock_speed * t) return hm;
  return hr;
}

double ThackerPlanar::omega() const {
  return std::sqrt(2.0 * g * h0) / a;
}
double ThackerPlanar::period() const {
  return 2.0 * M_PI / omega();
}
double ThackerPlanar::bed(double x, double y) const {
  const double r2 = (x - 0.5 * L) * (x - 0.5 * L) + (y - 0.5 * L) * (y - 0.5 * L);
  return -h0 * (1.0 - r2 / (a * a));
}
double ThackerPlanar::depth(double x, double y, double t) const {
  const double w = omega();
  const double surface =
      eta * h0 / (a * a) *
      (2.0 * (x - 0.5 * L) * std::cos(w * t) + 2.0 * (y - 0.5 * L) * std::sin(w * t) - eta);
  return std::max(0.0, surface - bed(x, y));
}
double ThackerPlanar::u(double t) const {
  return -eta * omega() * std::sin(omega() * t);
}
double ThackerPlanar::v(double t) const {
  return eta * omega() * std::cos(omega() * t);
}

}  // namespace sf::test
