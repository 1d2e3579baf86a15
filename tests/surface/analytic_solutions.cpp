#include "analytic_solutions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

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

// =============================================================================================
// SWASHES reference solutions (Delestre et al. 2013). See the header for the conventions.
// =============================================================================================

namespace sf::test {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kSqrt3 = std::sqrt(3.0);

/// Root of a monotone-bracketed function: f(lo) and f(hi) of opposite signs.
template <class F>
double bisect(F f, double lo, double hi, int iters = 200) {
  double flo = f(lo);
  for (int it = 0; it < iters && hi - lo > 1e-15 * std::max(1.0, std::abs(hi)); ++it) {
    const double mid = 0.5 * (lo + hi);
    const double fm = f(mid);
    if ((fm > 0) == (flo > 0)) {
      lo = mid;
      flo = fm;
    } else {
      hi = mid;
    }
  }
  return 0.5 * (lo + hi);
}

double momentum_function(double q, double h, double g) {
  return q * q / h + 0.5 * g * h * h;
}

// 3-point Gauss-Legendre on [a, b].
template <class F>
double gauss3(F f, double a, double b) {
  const double m = 0.5 * (a + b), r = 0.5 * (b - a), d = r * std::sqrt(0.6);
  return r * (5.0 * f(m - d) + 8.0 * f(m) + 5.0 * f(m + d)) / 9.0;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Friction, critical and normal depth
// ---------------------------------------------------------------------------------------------

double friction_slope(FrictionLaw law, double k, double h, double u, double g) {
  if (!(h > 0) || !(k > 0)) return 0.0;  // as the solver: a zero coefficient is no friction
  switch (law) {
    case FrictionLaw::None:
      return 0.0;
    case FrictionLaw::Manning:
      return k * k * u * std::abs(u) / std::pow(h, 4.0 / 3.0);
    case FrictionLaw::Chezy:
      return u * std::abs(u) / (k * k * h);
    case FrictionLaw::DarcyWeisbach:
      return k * u * std::abs(u) / (8.0 * g * h);
    case FrictionLaw::Laminar:
      return k * u / (g * h * h);
    case FrictionLaw::Linear:
      return k * u / g;
  }
  return 0.0;
}

double critical_depth(double q, double g) {
  return std::cbrt(q * q / g);
}

double normal_depth(double q, double slope, FrictionLaw law, double k, double g) {
  const double aq = std::abs(q);
  switch (law) {
    case FrictionLaw::None:
      return kNaN;
    // n^2 q^2 / h^(10/3) = S
    case FrictionLaw::Manning:
      return std::pow(k * aq / std::sqrt(slope), 0.6);
    // q^2 / (C^2 h^3) = S
    case FrictionLaw::Chezy:
      return std::cbrt(aq * aq / (k * k * slope));
    // f q^2 / (8 g h^3) = S
    case FrictionLaw::DarcyWeisbach:
      return std::cbrt(k * aq * aq / (8.0 * g * slope));
    // kappa q / (g h^3) = S
    case FrictionLaw::Laminar:
      return std::cbrt(k * aq / (g * slope));
    // tau q / (g h) = S
    case FrictionLaw::Linear:
      return k * aq / (g * slope);
  }
  return kNaN;
}

double bernoulli_depth(double q, double E, bool supercritical, double g) {
  if (q == 0.0) return supercritical ? 0.0 : std::max(E, 0.0);
  const double hc = critical_depth(q, g);
  if (E <= 1.5 * hc * (1.0 + 1e-14)) return hc;
  const double c = q * q / (2.0 * g);
  auto phi = [&](double h) { return h + c / (h * h) - E; };
  auto dphi = [&](double h) { return 1.0 - 2.0 * c / (h * h * h); };
  // phi < 0 on (lo, hi) side that contains the root; keep the bracket [lo, hi] with phi(lo),
  // phi(hi) of opposite signs. Subcritical: phi(hc) < 0 < phi(E). Supercritical: phi(q/sqrt(2gE)) >
  // 0 > phi(hc).
  double lo, hi;
  if (supercritical) {
    lo = q / std::sqrt(2.0 * g * E);
    hi = hc;
  } else {
    lo = hc;
    hi = E;
  }
  const bool rising = !supercritical;  // sign of phi' on the bracket
  double h = supercritical ? lo * (1.0 + 0.5 * std::pow(lo / E, 2.0)) : E - c / (E * E);
  if (!(h > lo && h < hi)) h = 0.5 * (lo + hi);
  for (int it = 0; it < 100; ++it) {
    const double f = phi(h);
    if (f == 0.0) return h;
    if ((f > 0) == rising)
      hi = h;
    else
      lo = h;
    double hn = h - f / dphi(h);
    if (!(hn > lo && hn < hi)) hn = 0.5 * (lo + hi);
    if (std::abs(hn - h) <= 1e-15 * h) return hn;
    h = hn;
  }
  return h;
}

// ---------------------------------------------------------------------------------------------
// Bumps (SWASHES 3.1.1)
// ---------------------------------------------------------------------------------------------

double bump_bed(double x) {
  return (x > 8.0 && x < 12.0) ? 0.2 - 0.05 * (x - 10.0) * (x - 10.0) : 0.0;
}

BumpSolution::BumpSolution(BumpCase c, double g_, double q_, double hd_)
    : kind(c), g(g_), q(q_), h_downstream(hd_) {
  const double z_top = bump_bed(x_top);
  switch (c) {
    case BumpCase::Subcritical:
      if (std::isnan(q)) q = 4.42;
      if (std::isnan(h_downstream)) h_downstream = 2.0;
      energy_upstream = energy_downstream =
          h_downstream + q * q / (2 * g * h_downstream * h_downstream);
      if (energy_upstream - z_top < 1.5 * critical_depth(q, g))
        throw std::invalid_argument("BumpSolution: subcritical case chokes on the bump");
      break;
    case BumpCase::TranscriticalNoShock:
      if (std::isnan(q)) q = 1.53;
      energy_upstream = energy_downstream = z_top + 1.5 * critical_depth(q, g);
      break;
    case BumpCase::TranscriticalShock: {
      if (std::isnan(q)) q = 0.18;
      if (std::isnan(h_downstream)) h_downstream = 0.33;
      energy_upstream = z_top + 1.5 * critical_depth(q, g);
      energy_downstream = h_downstream + q * q / (2 * g * h_downstream * h_downstream);
      // Stationary jump: M(h_super(x)) = M(h_sub(x)) on the downhill side of the bump, with
      // M = q^2/h + g h^2/2. Near the top the downstream head cannot pass the bump (E2 - z < 1.5
      // hc, bernoulli_depth returns hc there) and f > 0; at x = 12 the jump has to be upstream.
      auto f = [&](double x) {
        const double z = bump_bed(x);
        const double h1 = bernoulli_depth(q, energy_upstream - z, true, g);
        const double h2 = bernoulli_depth(q, energy_downstream - z, false, g);
        return momentum_function(q, h1, g) - momentum_function(q, h2, g);
      };
      // First sign change on a scan of (10, 12], then bisection.
      double lo = x_top, hi = kNaN;
      for (int i = 1; i <= 400; ++i) {
        const double x = x_top + (12.0 - x_top) * i / 400.0;
        if (f(x) < 0) {
          hi = x;
          break;
        }
        lo = x;
      }
      if (std::isnan(hi) || lo == x_top)
        throw std::invalid_argument("BumpSolution: no stationary jump on the bump");
      x_shock = bisect(f, lo, hi);
      h_shock_upstream = bernoulli_depth(q, energy_upstream - bump_bed(x_shock), true, g);
      h_shock_downstream = bernoulli_depth(q, energy_downstream - bump_bed(x_shock), false, g);
      break;
    }
  }
}

double BumpSolution::depth(double x) const {
  const double z = bump_bed(x);
  switch (kind) {
    case BumpCase::Subcritical:
      return bernoulli_depth(q, energy_upstream - z, false, g);
    case BumpCase::TranscriticalNoShock:
      return bernoulli_depth(q, energy_upstream - z, x > x_top, g);
    case BumpCase::TranscriticalShock:
      if (x < x_shock) return bernoulli_depth(q, energy_upstream - z, x > x_top, g);
      return bernoulli_depth(q, energy_downstream - z, false, g);
  }
  return kNaN;
}

double bump_depth(double x, double q, double h_downstream, BumpCase c, double g) {
  return BumpSolution(c, g, q, h_downstream).depth(x);
}

// ---------------------------------------------------------------------------------------------
// MacDonald (SWASHES 3.1.2)
// ---------------------------------------------------------------------------------------------

namespace {
constexpr double kJumpA[3] = {-0.348427, 0.552264, -0.55558};       // LongSuperToSubJump
constexpr double kShockA[4] = {0.674202, 21.7112, 14.492, 1.4305};  // ShortShock

double profile_length(MacDonaldProfile p) {
  return (p == MacDonaldProfile::ShortSubToSuper || p == MacDonaldProfile::ShortShock) ? 100.0
                                                                                       : 1000.0;
}
double profile_jump(MacDonaldProfile p) {
  if (p == MacDonaldProfile::LongSuperToSubJump) return 500.0;
  if (p == MacDonaldProfile::ShortShock) return 200.0 / 3.0;
  return kNaN;
}
}  // namespace

MacDonald1D::MacDonald1D(MacDonaldProfile profile, FrictionLaw law, double coefficient, double q_in,
                         double rain, double g, int panels)
    : profile_(profile),
      law_(law),
      coef_(coefficient),
      q_in_(q_in),
      rain_(rain),
      g_(g),
      length_(profile_length(profile)),
      x_jump_(profile_jump(profile)) {
  // Grid: uniform on [0, L], or on [0, x_jump] and [x_jump, L] separately.
  if (std::isnan(x_jump_)) {
    for (int i = 0; i <= panels; ++i) nodes_.push_back(length_ * i / panels);
  } else {
    const int n1 = std::max(1, int(std::lround(panels * x_jump_ / length_)));
    const int n2 = std::max(1, panels - n1);
    for (int i = 0; i <= n1; ++i) nodes_.push_back(x_jump_ * i / n1);
    for (int i = 1; i <= n2; ++i) nodes_.push_back(x_jump_ + (length_ - x_jump_) * i / n2);
    nodes_.back() = length_;
  }
  z_.assign(nodes_.size(), 0.0);
  for (std::size_t i = nodes_.size() - 1; i-- > 0;) {
    const double a = nodes_[i], b = nodes_[i + 1];
    const bool left = std::isnan(x_jump_) || b <= x_jump_;
    z_[i] = z_[i + 1] - gauss3([&](double x) { return slope_side(x, left); }, a, b);
  }
}

double MacDonald1D::h_side(double x, bool left) const {
  const double hc = std::cbrt(4.0 / g_);
  const double s = x / 1000.0 - 0.5;
  switch (profile_) {
    case MacDonaldProfile::LongSubcritical:
      return hc * (1.0 + 0.5 * std::exp(-16.0 * s * s));
    case MacDonaldProfile::LongSupercritical:
      return hc * (1.0 - 0.2 * std::exp(-36.0 * s * s));
    case MacDonaldProfile::LongSubToSuper:
      return x <= 500.0 ? hc * (1.0 - std::tanh(3.0 * s) / 3.0)
                        : hc * (1.0 - std::tanh(6.0 * s) / 6.0);
    case MacDonaldProfile::LongSuperToSubJump: {
      if (left) return hc * (0.9 - std::exp(-x / 250.0) / 6.0);
      double sum = 1.0 + 0.8 * std::exp(x / 1000.0 - 1.0);
      for (int k = 1; k <= 3; ++k) sum += kJumpA[k - 1] * std::exp(-20.0 * k * s);
      return hc * sum;
    }
    case MacDonaldProfile::ShortSubToSuper: {
      const double d = x - 50.0;
      return hc * (1.0 - d / 200.0 + d * d / 30000.0);
    }
    case MacDonaldProfile::ShortShock: {
      if (left) return hc * (4.0 / 3.0 - x / 100.0) - 9.0 * x / 1000.0 * (x / 100.0 - 2.0 / 3.0);
      const double r = x / 100.0 - 2.0 / 3.0;
      const double* a = kShockA;
      return hc * (a[0] * r * r * r * r + a[0] * r * r * r - a[1] * r * r + a[2] * r + a[3]);
    }
  }
  return kNaN;
}

double MacDonald1D::dh_side(double x, bool left) const {
  const double hc = std::cbrt(4.0 / g_);
  const double s = x / 1000.0 - 0.5;
  switch (profile_) {
    case MacDonaldProfile::LongSubcritical:
      return hc * 0.5 * std::exp(-16.0 * s * s) * (-32.0 * s) / 1000.0;
    case MacDonaldProfile::LongSupercritical:
      return hc * (-0.2) * std::exp(-36.0 * s * s) * (-72.0 * s) / 1000.0;
    case MacDonaldProfile::LongSubToSuper: {
      const double c = x <= 500.0 ? std::cosh(3.0 * s) : std::cosh(6.0 * s);
      return -hc / (1000.0 * c * c);
    }
    case MacDonaldProfile::LongSuperToSubJump: {
      if (left) return hc * std::exp(-x / 250.0) / 1500.0;
      double sum = 0.8 * std::exp(x / 1000.0 - 1.0) / 1000.0;
      for (int k = 1; k <= 3; ++k)
        sum -= kJumpA[k - 1] * (20.0 * k / 1000.0) * std::exp(-20.0 * k * s);
      return hc * sum;
    }
    case MacDonaldProfile::ShortSubToSuper:
      return hc * (-1.0 / 200.0 + (x - 50.0) / 15000.0);
    case MacDonaldProfile::ShortShock: {
      if (left) return -hc / 100.0 - 9.0 / 1000.0 * (2.0 * x / 100.0 - 2.0 / 3.0);
      const double r = x / 100.0 - 2.0 / 3.0;
      const double* a = kShockA;
      return hc * (4 * a[0] * r * r * r + 3 * a[0] * r * r - 2 * a[1] * r + a[2]) / 100.0;
    }
  }
  return kNaN;
}

double MacDonald1D::slope_side(double x, bool left) const {
  const double h = h_side(x, left), dh = dh_side(x, left), q = discharge(x);
  return (q * q / (g_ * h * h * h) - 1.0) * dh - friction_slope(law_, coef_, h, q / h, g_) -
         2.0 * q * rain_ / (g_ * h * h);
}

double MacDonald1D::depth(double x) const {
  return h_side(x, std::isnan(x_jump_) || x < x_jump_);
}
double MacDonald1D::depth_derivative(double x) const {
  return dh_side(x, std::isnan(x_jump_) || x < x_jump_);
}
double MacDonald1D::bed_slope(double x) const {
  return slope_side(x, std::isnan(x_jump_) || x < x_jump_);
}

double MacDonald1D::bed(double x) const {
  x = std::min(std::max(x, 0.0), length_);
  std::size_t i = std::upper_bound(nodes_.begin(), nodes_.end(), x) - nodes_.begin();
  i = std::min(std::max<std::size_t>(i, 1), nodes_.size() - 1) - 1;  // panel [i, i+1]
  const double a = nodes_[i], b = nodes_[i + 1], hpan = b - a;
  const bool left = std::isnan(x_jump_) || b <= x_jump_;
  const double t = (x - a) / hpan, t2 = t * t, t3 = t2 * t;
  const double da = slope_side(a, left) * hpan, db = slope_side(b, left) * hpan;
  return (2 * t3 - 3 * t2 + 1) * z_[i] + (t3 - 2 * t2 + t) * da + (-2 * t3 + 3 * t2) * z_[i + 1] +
         (t3 - t2) * db;
}

MacDonaldBoundary MacDonald1D::boundary() const {
  MacDonaldBoundary b;
  b.q_in = q_in_;
  b.q_out = discharge(length_);
  b.inflow_depth = depth(0.0);
  b.outflow_depth = depth(length_);
  const double fr_in = q_in_ / (b.inflow_depth * std::sqrt(g_ * b.inflow_depth));
  const double fr_out = b.q_out / (b.outflow_depth * std::sqrt(g_ * b.outflow_depth));
  b.inflow_depth_imposed = fr_in > 1.0;
  b.outflow_depth_imposed = fr_out < 1.0;
  return b;
}

// SWASHES 3.1.2 parameter sets. Profiles, q and the rain cases' values are as in SWASHES and its
// derived test suites; the Manning n of the supercritical / transcritical long-channel cases is
// the value used there too but could not be re-read from the paper here (see report).
MacDonald1D macdonald_long_subcritical(double g) {
  return {MacDonaldProfile::LongSubcritical, FrictionLaw::Manning, 0.033, 2.0, 0.0, g};
}
MacDonald1D macdonald_long_supercritical(double g) {
  return {MacDonaldProfile::LongSupercritical, FrictionLaw::Manning, 0.04, 2.5, 0.0, g};
}
MacDonald1D macdonald_long_sub_to_super(double g) {
  return {MacDonaldProfile::LongSubToSuper, FrictionLaw::Manning, 0.0218, 2.0, 0.0, g};
}
MacDonald1D macdonald_long_super_to_sub_jump(double g) {
  return {MacDonaldProfile::LongSuperToSubJump, FrictionLaw::Manning, 0.0218, 2.0, 0.0, g};
}
MacDonald1D macdonald_short_sub_to_super(double g) {
  return {MacDonaldProfile::ShortSubToSuper, FrictionLaw::Manning, 0.0328, 2.0, 0.0, g};
}
MacDonald1D macdonald_short_shock(double g) {
  return {MacDonaldProfile::ShortShock, FrictionLaw::Manning, 0.0328, 2.0, 0.0, g};
}
MacDonald1D macdonald_long_subcritical_rain(double g) {
  return {MacDonaldProfile::LongSubcritical, FrictionLaw::DarcyWeisbach, 0.093, 1.0, 1e-3, g};
}
MacDonald1D macdonald_long_supercritical_rain(double g) {
  return {MacDonaldProfile::LongSupercritical, FrictionLaw::DarcyWeisbach, 0.065, 2.5, 1e-3, g};
}

// ---------------------------------------------------------------------------------------------
// Dressler (SWASHES 4.1.3)
// ---------------------------------------------------------------------------------------------

namespace {
// Corrections as functions of s = 2 - xi.
double alpha1(double s) {
  return 6.0 / (5.0 * s) - 2.0 / 3.0 + 4.0 * kSqrt3 / 135.0 * s * std::sqrt(s);
}
double alpha2(double s) {
  return 12.0 / s - 8.0 / 3.0 + 8.0 * kSqrt3 / 189.0 * s * std::sqrt(s) - 108.0 / (7.0 * s * s);
}
double dalpha1_dxi(double s) {
  return 6.0 / (5.0 * s * s) - 2.0 * kSqrt3 / 45.0 * std::sqrt(s);
}
double dalpha2_dxi(double s) {
  return 12.0 / (s * s) - 4.0 * kSqrt3 / 63.0 * std::sqrt(s) - 216.0 / (7.0 * s * s * s);
}
}  // namespace

DresslerSolution::DresslerSolution(double hl_, double x0_, double chezy, double g_, Tip tip_)
    : hl(hl_), x0(x0_), C(chezy), g(g_), tip(tip_) {}

double DresslerSolution::corrected_depth(double x, double t) const {
  const double c0 = std::sqrt(g * hl), r = g * g / (C * C);
  const double s = 2.0 - (x - x0) / (t * c0);
  const double S = 2.0 / 3.0 * c0 - (x - x0) / (3.0 * t) + r * alpha1(s) * t;
  return S * S / g;
}

double DresslerSolution::corrected_velocity(double x, double t) const {
  const double c0 = std::sqrt(g * hl), r = g * g / (C * C);
  const double s = 2.0 - (x - x0) / (t * c0);
  return 2.0 / 3.0 * c0 + 2.0 * (x - x0) / (3.0 * t) + r * alpha2(s) * t;
}

// x_t where u_co is maximal: d u_co / d xi = 2 c0/3 + r t alpha2'(xi) = 0, increasing in s.
double DresslerSolution::tip_base(double t, double* xt, double* ht, double* ut, double* rs) const {
  const double c0 = std::sqrt(g * hl), r = g * g / (C * C);
  auto F = [&](double s) { return 2.0 * c0 / 3.0 + r * t * dalpha2_dxi(s); };
  double s_t;
  if (!(r > 0) || F(1e-12) >= 0) {
    s_t = 0.0;  // no friction: the corrected solution is Ritter up to the dry front
  } else {
    s_t = bisect(F, 1e-12, 3.0);
  }
  *xt = x0 + (2.0 - s_t) * c0 * t;
  if (s_t == 0.0) {
    *ht = 0.0;
    *ut = 2.0 * c0;
    *rs = -1.0;
    return s_t;
  }
  *ht = corrected_depth(*xt, t);
  *ut = corrected_velocity(*xt, t);
  const double S = 2.0 / 3.0 * c0 - (*xt - x0) / (3.0 * t) + r * alpha1(s_t) * t;
  const double dS = -1.0 / (3.0 * t) + r * dalpha1_dxi(s_t) / c0;
  *rs = 1.0 / (2.0 * S * dS / g);  // dx/dh of h_co at x_t (< 0)
  return s_t;
}

DresslerSolution::TipShape DresslerSolution::tip_shape(double t, double c) const {
  TipShape s{};
  tip_base(t, &s.xt, &s.ht, &s.ut, &s.r);
  s.c = c;
  if (s.ht > 0) {
    s.a = (s.r * s.ht + c - s.xt) / (s.ht * s.ht);
    s.b = s.r - 2.0 * s.a * s.ht;
  }
  return s;
}

// Root of a h^2 + b h + (c - x) = 0 continuous with h_t at x_t (the other root is < 0 there).
double DresslerSolution::tip_depth(const TipShape& s, double x) const {
  if (!(s.ht > 0) || x < s.xt) return 0.0;
  double h;
  if (std::abs(s.a) < 1e-300) {
    h = (x - s.c) / s.b;
  } else {
    const double disc = s.b * s.b - 4.0 * s.a * (s.c - x);
    if (disc < 0) return 0.0;
    h = (-s.b - std::sqrt(disc)) / (2.0 * s.a);
  }
  // Monotone shape: h reaches 0 at x = c. Folded shape (b > 0 > a): h ends at the vertex.
  return h > 0 ? h : 0.0;
}

// Volume of the tip: integral of h dx from x_t to the end of the tip, in closed form
// (x = a h^2 + b h + c, dx = (2 a h + b) dh).
double DresslerSolution::tip_volume(const TipShape& s) const {
  if (!(s.ht > 0)) return 0.0;
  auto G = [&](double h) { return 2.0 * s.a * h * h * h / 3.0 + 0.5 * s.b * h * h; };
  const double h_end = (s.b > 0 && s.a < 0) ? -s.b / (2.0 * s.a) : 0.0;
  return G(h_end) - G(s.ht);
}

// Volume that left the undisturbed reservoir minus what the corrected profile holds on
// [x_A, x_t]: what the tip must hold.
double DresslerSolution::volume_needed(double t, const TipShape& base) const {
  const double c0 = std::sqrt(g * hl), xa = x0 - c0 * t;
  const int n = 400;
  double v = 0;
  for (int i = 0; i < n; ++i) {
    const double a = xa + (base.xt - xa) * i / n, b = xa + (base.xt - xa) * (i + 1) / n;
    v += gauss3([&](double x) { return corrected_depth(x, t); }, a, b);
  }
  return hl * (x0 - xa) - v;
}

double DresslerSolution::front(double t) const {
  if (t == cache_t_) return cache_.c;
  const double c0 = std::sqrt(g * hl);
  TipShape base = tip_shape(t, x0 + 2.0 * c0 * t);
  double c = base.c;
  if (tip == Tip::VolumeConserving && base.ht > 0) {
    // Monotone tips (h -> 0 at c) need b <= 0, i.e. c >= c_mono = x_t - r h_t / 2 (r < 0).
    const double need = volume_needed(t, base);
    const double c_mono = base.xt - 0.5 * base.r * base.ht;
    auto f = [&](double cc) { return tip_volume(tip_shape(t, cc)) - need; };
    if (f(c_mono) >= 0) {
      c = c_mono;  // the shortest monotone C1 tip already holds (slightly) more than needed
    } else {
      double hi = std::max(x0 + 2.0 * c0 * t, c_mono + 1.0);
      for (int k = 0; k < 40 && f(hi) < 0; ++k) hi = c_mono + 2.0 * (hi - c_mono);
      c = bisect(f, c_mono, hi, 200);
    }
  }
  cache_ = tip_shape(t, c);
  cache_t_ = t;
  return c;
}

double DresslerSolution::tip_start(double t) const {
  double xt, ht, ut, r;
  tip_base(t, &xt, &ht, &ut, &r);
  return xt;
}

double DresslerSolution::tip_velocity(double t) const {
  double xt, ht, ut, r;
  tip_base(t, &xt, &ht, &ut, &r);
  return ut;
}

double DresslerSolution::depth_with_front(double x, double t, double c) const {
  if (t <= 0) return x <= x0 ? hl : 0.0;
  const double c0 = std::sqrt(g * hl);
  if (x <= x0 - c0 * t) return hl;
  const TipShape s = tip_shape(t, c);
  if (!(s.ht > 0)) return ritter_depth(x, t, x0, hl, g);
  if (x < s.xt) return corrected_depth(x, t);
  return tip_depth(s, x);
}

double DresslerSolution::depth(double x, double t) const {
  if (t <= 0) return x <= x0 ? hl : 0.0;
  const double c0 = std::sqrt(g * hl);
  if (x <= x0 - c0 * t) return hl;
  front(t);  // fills the cache
  const TipShape& s = cache_;
  if (!(s.ht > 0)) return ritter_depth(x, t, x0, hl, g);
  if (x < s.xt) return corrected_depth(x, t);
  return tip_depth(s, x);
}

double DresslerSolution::velocity(double x, double t) const {
  if (t <= 0) return 0.0;
  const double c0 = std::sqrt(g * hl);
  if (x <= x0 - c0 * t) return 0.0;
  front(t);
  const TipShape& s = cache_;
  if (!(s.ht > 0)) {
    return x < x0 + 2.0 * c0 * t ? 2.0 / 3.0 * (c0 + (x - x0) / t) : 0.0;
  }
  if (x < s.xt) return corrected_velocity(x, t);
  return tip_depth(s, x) > 0 ? s.ut : 0.0;
}

namespace {
const DresslerSolution& cached_dressler(double hl, double x0, double chezy, double g) {
  thread_local DresslerSolution last(hl, x0, chezy, g);
  if (last.hl != hl || last.x0 != x0 || last.C != chezy || last.g != g)
    last = DresslerSolution(hl, x0, chezy, g);
  return last;
}
}  // namespace

double dressler_depth(double x, double t, double hl, double x0, double chezy, double g) {
  return cached_dressler(hl, x0, chezy, g).depth(x, t);
}
double dressler_velocity(double x, double t, double hl, double x0, double chezy, double g) {
  return cached_dressler(hl, x0, chezy, g).velocity(x, t);
}

// ---------------------------------------------------------------------------------------------
// Sampson et al. (2006), planar surface in a parabolic bowl with linear friction
// ---------------------------------------------------------------------------------------------

double SampsonLinearFriction::p() const {
  return std::sqrt(8.0 * g * h0) / a;
}
double SampsonLinearFriction::s() const {
  return 0.5 * std::sqrt(p() * p() - tau * tau);
}
double SampsonLinearFriction::bed(double x) const {
  const double xc = x - 0.5 * L;
  return h0 * xc * xc / (a * a);
}
double SampsonLinearFriction::surface(double x, double t) const {
  const double xc = x - 0.5 * L, ss = s(), e = std::exp(-tau * t), e2 = std::exp(-0.5 * tau * t);
  return h0 +
         a * a * B * B * e / (8.0 * g * g * h0) *
             (-ss * tau * std::sin(2 * ss * t) +
              (0.25 * tau * tau - ss * ss) * std::cos(2 * ss * t)) -
         B * B * e / (4.0 * g) -
         e2 / g * (B * ss * std::cos(ss * t) + 0.5 * tau * B * std::sin(ss * t)) * xc;
}
double SampsonLinearFriction::depth(double x, double t) const {
  return std::max(0.0, surface(x, t) - bed(x));
}
double SampsonLinearFriction::velocity(double t) const {
  return B * std::exp(-0.5 * tau * t) * std::sin(s() * t);
}

}  // namespace sf::test
