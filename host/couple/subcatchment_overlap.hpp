// Where a coupled run may count rain twice: subcatchments whose [Polygons] outline lies on the
// active DEM, which the grid rains on too (docs/coupling.md, Subcatchments).
#pragma once

#include <string>
#include <vector>

#include "couple/coupling_points.hpp"
#include "inp/model.hpp"

namespace sf::couple {

/// One subcatchment whose outline covers active cells.
struct SubcatchmentOverlap {
  std::string id;
  double outline_area_m2 = 0;  // of its [Polygons] outline (shoelace)
  double overlap_m2 = 0;       // active cells whose centre lies inside the outline
  double share() const { return outline_area_m2 > 0 ? overlap_m2 / outline_area_m2 : 0.0; }
};

/// Every subcatchment of `model` with a [Polygons] outline (3 points or more) covering at least
/// one active cell centre, in .inp order. Subcatchments without an outline cannot be checked.
std::vector<SubcatchmentOverlap> subcatchments_on_grid(const inp::Model& model,
                                                       const CouplingGrid& grid);

/// The warning for one overlap: the subcatchment, the share and what to do.
std::string overlap_warning(const SubcatchmentOverlap& o, const std::string& inp_file);

}  // namespace sf::couple
