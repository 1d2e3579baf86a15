// Builds the cross-section geometry (pipe::Xsect) of a link from its .inp description, and the
// relative-geometry tables of the shapes not evaluated in closed form.
#pragma once

#include <string>
#include <vector>

#include "inp/model.hpp"
#include "pipe/xsect.hpp"

namespace sf::network {

/// Rows of relative geometry shared by every tabulated section: 3 doubles per row
/// (A/Afull, R/Rfull, W/Wmax) at uniform relative depths.
struct XsectTablePool {
  std::vector<double> rows;
  pipe::XsectTables view() const { return pipe::XsectTables{rows.data()}; }
};

/// Geometry of one section. `shape_curve` is the SHAPE curve (CUSTOM) and `transect` the
/// transect (IRREGULAR), or null. Throws std::invalid_argument naming what is wrong.
pipe::Xsect build_xsect(const inp::Xsection& xs, const inp::Curve* shape_curve,
                        const inp::Transect* transect, XsectTablePool& pool);

/// A circular section of diameter d (used by tests and the benchmark).
pipe::Xsect circular_xsect(double diameter, XsectTablePool& pool);

}  // namespace sf::network
