// Exact solutions used by the analytic tests (depth in m, x and t in s/m).
//
// Everything below the original Ritter / Stoker / ThackerPlanar block follows SWASHES
// (Delestre et al. 2013, Int. J. Numer. Meth. Fluids 72:269-300, arXiv 1110.0288): 1D, x along
// the channel, unit width, q = h u the discharge per metre (m^2/s). g is always a parameter
// (SWASHES uses 9.81, the solver 9.80665 by default).
//
// Friction slopes S_f, entering the momentum equation as the sink  - g h S_f :
//   Manning         S_f = n^2 u|u| / h^(4/3)        coefficient n      (s m^-1/3)
//   Chezy           S_f = u|u| / (C^2 h)            coefficient C      (m^1/2 s^-1)
//   Darcy-Weisbach  S_f = f u|u| / (8 g h)          coefficient f      (-)
//   Laminar         S_f = kappa u / (g h^2)         coefficient kappa  (m^2/s; Poiseuille: 3 nu)
//   Linear          S_f = tau u / g                 coefficient tau    (s^-1)
#pragma once

#include <limits>
#include <vector>

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

// ---------------------------------------------------------------------------------------------
// Friction, normal and critical depth
// ---------------------------------------------------------------------------------------------

enum class FrictionLaw { None, Manning, Chezy, DarcyWeisbach, Laminar, Linear };

/// Friction slope S_f(h, u) of the law above (0 for None, h <= 0 or coefficient <= 0, as in
/// kernels/swe/friction.hpp). Not sf::swe::FrictionLaw: this enum is the tests' own.
double friction_slope(FrictionLaw law, double coefficient, double h, double u, double g);

/// Critical depth (q^2/g)^(1/3) of a rectangular channel.
double critical_depth(double q, double g);

/// Normal (uniform-flow) depth of a wide rectangular channel: the h with S_f(h, q/h) = slope,
/// closed form for every law (q > 0, slope > 0). NaN for FrictionLaw::None.
double normal_depth(double q, double slope, FrictionLaw law, double coefficient, double g);

/// Depth with specific energy h + q^2/(2 g h^2) = specific_energy on the requested branch
/// (supercritical: h <= h_c, subcritical: h >= h_c); safeguarded Newton on a bracket.
/// Returns h_c when specific_energy is at (or, by round-off, below) the critical 1.5 h_c.
double bernoulli_depth(double q, double specific_energy, bool supercritical, double g);

// ---------------------------------------------------------------------------------------------
// SWASHES 3.1.1 - flows over a bump (Goutal & Maurel 1997). Channel [0, 25] m, frictionless,
// bed z = 0.2 - 0.05 (x-10)^2 on 8 < x < 12, else 0. Steady, q constant; Bernoulli
// q^2/(2 g h^2) + h + z = const on every smooth part.
//   Subcritical        q = 4.42, downstream h = 2     (BC: inflow q; outflow h = 2)
//   TranscriticalNoShock q = 1.53, critical at x = 10 (BC: inflow q; outflow supercritical, free;
//                                                       SWASHES lists h = 0.66 m downstream,
//                                                       only needed while the flow is subcritical)
//   TranscriticalShock q = 0.18, downstream h = 0.33  (BC: inflow q; outflow h = 0.33); critical at
//                       x = 10, supercritical after it until the stationary jump at x_s where
//                       q^2/h + g h^2/2 is equal on both sides (Rankine-Hugoniot, zero speed).
// ---------------------------------------------------------------------------------------------

enum class BumpCase { Subcritical, TranscriticalNoShock, TranscriticalShock };

double bump_bed(double x);

struct BumpSolution {
  /// q and h_downstream default (NaN) to the SWASHES values of the case. h_downstream is used by
  /// Subcritical and TranscriticalShock only.
  BumpSolution(BumpCase c, double g, double q = std::numeric_limits<double>::quiet_NaN(),
               double h_downstream = std::numeric_limits<double>::quiet_NaN());
  BumpCase kind;
  double g, q, h_downstream;
  double length = 25.0, x_top = 10.0;
  double energy_upstream;    // Bernoulli head upstream of the shock (whole channel if no shock)
  double energy_downstream;  // Bernoulli head downstream of the shock (= energy_upstream if none)
  double x_shock = std::numeric_limits<double>::quiet_NaN();  // TranscriticalShock only
  double h_shock_upstream = 0, h_shock_downstream = 0;        // conjugate depths at x_shock

  double bed(double x) const { return bump_bed(x); }
  double depth(double x) const;
  double velocity(double x) const { return q / depth(x); }
  double discharge(double) const { return q; }
};

/// Convenience: depth of the bump case at x (q and h_downstream NaN -> SWASHES defaults).
double bump_depth(double x, double q, double h_downstream, BumpCase c, double g);

// ---------------------------------------------------------------------------------------------
// SWASHES 3.1.2 - MacDonald et al. (1997) type solutions: the depth h(x) is prescribed and the
// bed is obtained from the steady equations
//   q(x) = q_in + R x                                          (R: rain, m/s; 0 without rain)
//   dz/dx = (q^2/(g h^3) - 1) dh/dx - S_f(h, q/h) - 2 q R/(g h^2)
// integrated from z(L) = 0 upstream (SWASHES convention: bed zero at the outlet) with 3-point
// Gauss-Legendre per panel on a fine grid; bed(x) is the cubic Hermite interpolant of (z, dz/dx)
// between grid nodes (error ~1e-12 m). Rain adds no momentum. hc = (4/g)^(1/3) below, and every
// case uses it with the g passed in.
//
// Profiles (SWASHES numbering of the 1D MacDonald cases):
//   LongSubcritical     L=1000  h = hc (1 + exp(-16 (x/1000-1/2)^2)/2)
//   LongSupercritical   L=1000  h = hc (1 - exp(-36 (x/1000-1/2)^2)/5)
//   LongSubToSuper      L=1000  h = hc (1 - tanh(3 (x/1000-1/2))/3)  x <= 500
//                               h = hc (1 - tanh(6 (x/1000-1/2))/6)  x >  500   (critical at 500)
//   LongSuperToSubJump  L=1000  h = hc (9/10 - exp(-x/250)/6)        x <  500
//                               h = hc (1 + sum_k a_k exp(-20 k (x/1000-1/2)) + 4/5 exp(x/1000-1))
//                               a = (-0.348427, 0.552264, -0.55558), hydraulic jump at x = 500
//   ShortSubToSuper     L=100   h = hc (1 - (x-50)/200 + (x-50)^2/30000)    (critical at 50)
//   ShortShock          L=100   h = hc (4/3 - x/100) - 9x/1000 (x/100 - 2/3)  x <  200/3
//                               h = hc (a1 r^4 + a1 r^3 - a2 r^2 + a3 r + a4), r = x/100 - 2/3
//                               a = (0.674202, 21.7112, 14.492, 1.4305); sub -> super -> jump at
//                               x = 200/3 -> sub
// ---------------------------------------------------------------------------------------------

enum class MacDonaldProfile {
  LongSubcritical,
  LongSupercritical,
  LongSubToSuper,
  LongSuperToSubJump,
  ShortSubToSuper,
  ShortShock
};

/// Boundary conditions a solver needs for the case (q_in always imposed upstream).
struct MacDonaldBoundary {
  double q_in;                 // m^2/s imposed at x = 0
  bool inflow_depth_imposed;   // supercritical inflow: also impose h(0)
  double inflow_depth;         // h(0) (always filled in, for reference)
  bool outflow_depth_imposed;  // subcritical outflow: impose h(L); otherwise free outflow
  double outflow_depth;        // h(L)
  double q_out;                // q(L) = q_in + R L
};

class MacDonald1D {
 public:
  MacDonald1D(MacDonaldProfile profile, FrictionLaw law, double coefficient, double q_in,
              double rain, double g, int panels = 20000);

  double bed(double x) const;
  double depth(double x) const;  // at a jump: the downstream value for x >= x_jump
  double depth_derivative(double x) const;
  double discharge(double x) const { return q_in_ + rain_ * x; }
  double velocity(double x) const { return discharge(x) / depth(x); }
  double bed_slope(double x) const;  // dz/dx from the steady equations (analytic)
  double length() const { return length_; }
  double x_jump() const { return x_jump_; }  // NaN when smooth
  double rain() const { return rain_; }
  double gravity() const { return g_; }
  FrictionLaw law() const { return law_; }
  double coefficient() const { return coef_; }
  MacDonaldProfile profile() const { return profile_; }
  MacDonaldBoundary boundary() const;

 private:
  double h_side(double x, bool left) const;
  double dh_side(double x, bool left) const;
  double slope_side(double x, bool left) const;
  MacDonaldProfile profile_;
  FrictionLaw law_;
  double coef_, q_in_, rain_, g_, length_, x_jump_;
  std::vector<double> nodes_, z_;  // grid (with x_jump as a node) and bed values
};

// SWASHES parameter sets. The profiles and q are SWASHES'; the friction coefficients and the
// rain-case values come from SWASHES-derived test suites (Kratos, ANUGA, Basilisk) since the paper
// text could not be re-read here: build a MacDonald1D directly to use other values.
MacDonald1D macdonald_long_subcritical(double g);         // Manning n=0.033, q=2
MacDonald1D macdonald_long_supercritical(double g);       // Manning n=0.04,  q=2.5
MacDonald1D macdonald_long_sub_to_super(double g);        // Manning n=0.0218, q=2
MacDonald1D macdonald_long_super_to_sub_jump(double g);   // Manning n=0.0218, q=2
MacDonald1D macdonald_short_sub_to_super(double g);       // Manning n=0.0328, q=2
MacDonald1D macdonald_short_shock(double g);              // Manning n=0.0328, q=2
MacDonald1D macdonald_long_subcritical_rain(double g);    // Darcy f=0.093, q_in=1, R=1e-3
MacDonald1D macdonald_long_supercritical_rain(double g);  // Darcy f=0.065, q_in=2.5, R=1e-3

// ---------------------------------------------------------------------------------------------
// SWASHES 4.1.3 - Dressler (1952) dam break on a dry bed with Chezy friction
// (S_f = u|u|/(C^2 h)). SWASHES: h_l = 6 m, x0 = 1000 m, L = 2000 m, C = 40 m^1/2/s, g = 9.81.
// With xi = (x-x0)/(t sqrt(g h_l)) and the first-order corrections
//   alpha1 = 6/(5(2-xi)) - 2/3 + 4 sqrt3/135 (2-xi)^(3/2)
//   alpha2 = 12/(2-xi) - 8/3 + 8 sqrt3/189 (2-xi)^(3/2) - 108/(7 (2-xi)^2)
// the corrected solution behind the tip is
//   h_co = (2/3 sqrt(g h_l) - (x-x0)/(3t) + g^2/C^2 alpha1 t)^2 / g
//   u_co = 2/3 sqrt(g h_l) + 2(x-x0)/(3t) + g^2/C^2 alpha2 t.
// Tip (SWASHES): it starts at x_t where u_co is maximal; there u = u_co(x_t) and the depth is the
// quadratic x(h) = a h^2 + b h + c through (x_t, h_t) with slope dx/dh = 1/h_co'(x_t) at h_t, h = 0
// at the front c. SWASHES 1.05 puts c at a grid cell of its output (grid-dependent; our reading of
// its numbers gives c ~ 1245-1250 m at t = 40 s, and then h does not reach 0 at c). Here:
//   VolumeConserving (default): c such that the total volume is h_l x0 (exact, to 1e-11, up to
//     t ~ 39 s for the SWASHES case; later the shortest tip with h going down to 0 monotonically,
//     c = x_t - h_t/(2 h_co'(x_t)), is used, and holds a little more: 4e-5 of the volume at 40 s,
//     0.4 % at 60 s); c = 1283.5 m at t = 39.9 s, 1284.1 m at t = 40 s.
//   FrictionlessFront: c = x0 + 2 t sqrt(g h_l) (Ritter's front; a much longer tip).
// Valid while the rarefaction has not reached the upstream wall (t < x0/sqrt(g h_l) = 130 s).
// Note: SWASHES 1.05 output labelled t = 40 s holds the values of t = 39.9 s.
// ---------------------------------------------------------------------------------------------

struct DresslerSolution {
  enum class Tip { VolumeConserving, FrictionlessFront };
  DresslerSolution(double hl, double x0, double chezy, double g, Tip tip = Tip::VolumeConserving);
  double hl, x0, C, g;
  Tip tip;

  double depth(double x, double t) const;
  double velocity(double x, double t) const;
  /// depth with the tip front placed at c by the caller (e.g. SWASHES' grid rule).
  double depth_with_front(double x, double t, double c) const;
  double corrected_depth(double x, double t) const;     // h_co (no tip treatment)
  double corrected_velocity(double x, double t) const;  // u_co (no tip treatment)
  double tip_start(double t) const;                     // x_t
  double tip_velocity(double t) const;                  // u_co(x_t)
  double front(double t) const;                         // c (h = 0 beyond it)

 private:
  struct TipShape {
    double xt, ht, ut, r, c, a, b;
  };
  TipShape tip_shape(double t, double c) const;
  double tip_base(double t, double* xt, double* ht, double* ut, double* r) const;
  double tip_depth(const TipShape& s, double x) const;
  double tip_volume(const TipShape& s) const;
  double volume_needed(double t, const TipShape& base) const;
  mutable double cache_t_ = -1.0;  // tip of the last time asked (tests are single-threaded)
  mutable TipShape cache_{};
};

/// Convenience wrappers (volume-conserving tip; SWASHES: hl = 6, x0 = 1000, C = 40). They reuse
/// the last solution per thread, so calling them cell by cell costs one tip solve per (t, params).
double dressler_depth(double x, double t, double hl, double x0, double chezy, double g);
double dressler_velocity(double x, double t, double hl, double x0, double chezy, double g);

// ---------------------------------------------------------------------------------------------
// SWASHES 4.1 (planar surface in a parabola with friction) - Sampson, Easton & Singh (2006):
// planar surface in a 1D parabolic bowl with linear friction (S_f = tau u / g). Bed z = h0 ((x -
// L/2)/a)^2, u(t) = B e^(-tau t/2) sin(s t), p = sqrt(8 g h0)/a, s = sqrt(p^2 - tau^2)/2 (needs tau
// < p). SWASHES: a = 3000, h0 = 10, tau = 1e-3, B = 5, L = 10000 (x in [0, L]), g = 9.81.
// ---------------------------------------------------------------------------------------------

struct SampsonLinearFriction {
  double a = 3000.0, h0 = 10.0, tau = 1e-3, B = 5.0, L = 10000.0, g = 9.81;
  double p() const;
  double s() const;
  double bed(double x) const;
  double surface(double x, double t) const;  // free-surface elevation (where wet)
  double depth(double x, double t) const;
  double velocity(double t) const;
};

}  // namespace sf::test
