// Piecewise-linear tables (SWMM curves and time-series-like data) as device-friendly views.
#pragma once

#include "core/hd.hpp"
#include "core/math.hpp"

namespace sf::pipe {

/// A curve's points: x ascending, n >= 1. Points live in a shared pool owned by the engine.
struct CurveView {
  const double* x = nullptr;
  const double* y = nullptr;
  int n = 0;
};

/// Linear interpolation, clamped to the end values outside the table (SWMM table_lookup).
SF_HD inline double curve_lookup(CurveView c, double x) {
  if (c.n <= 0) return 0.0;
  if (x <= c.x[0]) return c.y[0];
  for (int i = 1; i < c.n; ++i) {
    if (x <= c.x[i]) {
      const double dx = c.x[i] - c.x[i - 1];
      if (dx <= 0.0) return c.y[i];
      return c.y[i - 1] + (x - c.x[i - 1]) / dx * (c.y[i] - c.y[i - 1]);
    }
  }
  return c.y[c.n - 1];
}

/// Linear interpolation with linear extrapolation (SWMM table_lookupEx); below the first point
/// the value scales with x/x0 so that area -> 0 at zero depth.
SF_HD inline double curve_lookup_extrapolated(CurveView c, double x) {
  if (c.n <= 0) return 0.0;
  if (x <= c.x[0]) return c.x[0] > 0.0 ? x / c.x[0] * c.y[0] : c.y[0];
  double s = 0.0;
  for (int i = 1; i < c.n; ++i) {
    const double dx = c.x[i] - c.x[i - 1];
    if (dx != 0.0) s = (c.y[i] - c.y[i - 1]) / dx;
    if (x <= c.x[i]) return c.y[i - 1] + s * (x - c.x[i - 1]);
  }
  const double y = c.y[c.n - 1] + s * (x - c.x[c.n - 1]);
  return y > 0.0 ? y : 0.0;
}

/// Step-function lookup: the y of the interval that holds x (SWMM table_intervalLookup, used by
/// TYPE1 and TYPE2 pumps).
SF_HD inline double curve_interval_lookup(CurveView c, double x) {
  if (c.n <= 0) return 0.0;
  for (int i = 0; i < c.n; ++i)
    if (x < c.x[i]) return c.y[i];
  return c.y[c.n - 1];
}

/// Slope dy/dx of the segment holding x; below the first point the first segment's, above the
/// last point 0 (SWMM table_getSlope: the curve is flat past its end, as curve_lookup is).
SF_HD inline double curve_slope(CurveView c, double x) {
  if (c.n < 2 || x > c.x[c.n - 1]) return 0.0;
  int i = 1;
  while (i < c.n - 1 && x > c.x[i]) ++i;
  const double dx = c.x[i] - c.x[i - 1];
  return dx > 0.0 ? (c.y[i] - c.y[i - 1]) / dx : 0.0;
}

/// Volume under an area-vs-depth curve from 0 to depth x by the end-area method, with the
/// curve extended linearly beyond its last point (SWMM storage units, TABULAR shape).
SF_HD inline double curve_storage_volume(CurveView c, double x) {
  if (c.n <= 0 || x <= 0.0) return 0.0;
  double x1 = c.x[0], a1 = c.y[0];
  if (x <= x1) return x1 < 1e-6 ? 0.0 : (a1 / x1) * x * x / 2.0;
  double v = 0.0, dx = 0.0, dy = 0.0;
  for (int i = 1; i < c.n; ++i) {
    if (c.x[i] >= x) {
      const double d = c.x[i] - x1;
      const double a = d > 0.0 ? a1 + (x - x1) / d * (c.y[i] - a1) : c.y[i];
      return v + (a1 + a) / 2.0 * (x - x1);
    }
    dx = c.x[i] - x1;
    dy = c.y[i] - a1;
    v += (a1 + c.y[i]) / 2.0 * dx;
    x1 = c.x[i];
    a1 = c.y[i];
  }
  if (dx > 1e-6) {
    const double s = dy / dx;
    const double a = a1 + s * (x - x1);
    if (a < 0.0) return v - a1 * a1 / s / 2.0;
    return v + (a1 + a) / 2.0 * (x - x1);
  }
  return v + a1 * (x - x1);
}

/// Inverse of curve_storage_volume: the depth holding volume v.
SF_HD inline double curve_storage_depth(CurveView c, double v) {
  if (c.n <= 0 || v <= 0.0) return 0.0;
  double d1 = c.x[0], a1 = c.y[0];
  double v1 = a1 * d1 / 2.0;
  if (v <= v1) return a1 > 0.0 ? sqrt_of(2.0 * v * d1 / a1) : 0.0;
  double dd = 0.0, da = 0.0;
  for (int i = 1; i < c.n; ++i) {
    const double d2 = c.x[i], a2 = c.y[i];
    dd = d2 - d1;
    da = a2 - a1;
    const double v2 = v1 + (a1 + a2) / 2.0 * dd;
    if (v <= v2) {
      if (dd <= 0.0) return d1;
      if (da == 0.0) return (v2 - v1) < 1e-6 ? d1 : d1 + dd * (v - v1) / (v2 - v1);
      const double s = da / dd;
      const double disc = a1 * a1 + 2.0 * s * (v - v1);
      return d1 + (sqrt_of(disc > 0.0 ? disc : 0.0) - a1) / s;
    }
    d1 = d2;
    a1 = a2;
    v1 = v2;
  }
  if (dd == 0.0 || da == 0.0) return a1 > 0.0 ? d1 + (v - v1) / a1 : d1;
  const double s = da / dd;
  const double disc = a1 * a1 + 2.0 * s * (v - v1);
  return d1 + (sqrt_of(disc > 0.0 ? disc : 0.0) - a1) / s;
}

}  // namespace sf::pipe
