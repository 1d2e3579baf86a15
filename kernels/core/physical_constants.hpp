// Physical constants, the one place they are defined. The SWMM-compatible pipe engine keeps
// SWMM's own 32.2 ft/s^2 (kernels/pipe/constants.hpp) so that its results match EPA SWMM's.
#pragma once

namespace sf {

/// Standard gravity (m s^-2), ISO 80000-3; the default of every surface run (case key
/// numerics.gravity overrides it per run).
constexpr double kGravity = 9.80665;

}  // namespace sf
