// Builds the cross-section geometry (pipe::Xsect) of a link from its .inp description, and the
// relative-geometry tables of the shapes not evaluated in closed form.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "inp/model.hpp"
#include "pipe/xsect.hpp"

namespace sf::network {

/// A relative table in the pool and the geometric full values (relative to the height) of the
/// width profile it was integrated from.
struct XsectProfile {
  int table = -1;
  double a = 0.0, r = 0.0, w = 0.0, yw = 0.0;
};

/// Rows of relative geometry shared by every tabulated section: 3 doubles per row
/// (A/Afull, R/Rfull, W/Wmax) at uniform relative depths. Sections with the same relative
/// profile (every circle, whatever its diameter; every egg; ...) share one table, so a network
/// of thousands of pipes builds a handful of tables and its routing reads a few kB of them.
struct XsectTablePool {
  std::vector<double> rows;
  /// profile -> its table; the key is the shape, the numbers the profile depends on and the
  /// SHAPE curve or transect it was made from (or null)
  std::map<std::tuple<int, double, double, double, const void*>, XsectProfile> profiles;
  std::map<const void*, pipe::Xsect> transects;  // IRREGULAR sections by transect
  std::map<int, int> section_factors;  // table -> first row of its tabulated section factors
  pipe::XsectTables view() const { return pipe::XsectTables{rows.data()}; }
};

/// Geometry of one section, with its enumerated critical flows where SWMM enumerates them
/// (pipe::critical_depth_enumerated). `shape_curve` is the SHAPE curve (CUSTOM) and `transect` the
/// transect (IRREGULAR), or null. Throws std::invalid_argument naming what is wrong.
pipe::Xsect build_xsect(const inp::Xsection& xs, const inp::Curve* shape_curve,
                        const inp::Transect* transect, XsectTablePool& pool);

/// A circular section of diameter d (used by tests and the benchmark).
pipe::Xsect circular_xsect(double diameter, XsectTablePool& pool);

}  // namespace sf::network
