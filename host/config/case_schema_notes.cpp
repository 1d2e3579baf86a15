// Notes printed above some tables of the case-file reference: what keys mean together, which the
// one-line descriptions of case_schema.cpp cannot say.
#include "config/case_schema.hpp"

namespace sf::config {
namespace {

struct TableNote {
  const char* table;
  const char* text;
};

// The laws and coefficients follow kernels/swe/friction.hpp (SWASHES, Delestre et al. 2013).
constexpr TableNote kNotes[] = {
    {"surface",
     "Friction. `friction` chooses the law of the bed friction slope S_f; `roughness` (or a\n"
     "`roughness_raster`) gives its coefficient, in the unit of that law:\n"
     "\n"
     "| `friction` | friction slope | coefficient | unit | accepted |\n"
     "|---|---|---|---|---|\n"
     "| `manning` (default) | n^2 u\\|u\\| / h^(4/3) | Manning n | s m^-1/3 | 0 to 1 (default "
     "0.03) |\n"
     "| `chezy` | u\\|u\\| / (C^2 h) | Chezy C | m^1/2 s^-1 | > 0 |\n"
     "| `darcy_weisbach` | f u\\|u\\| / (8 g h) | Darcy-Weisbach f | dimensionless | >= 0 |\n"
     "| `laminar` | kappa u / (g h^2) | kappa | m^2 s^-1 | >= 0 |\n"
     "| `linear` | tau u / g | tau | s^-1 | >= 0 |\n"
     "\n"
     "A zero coefficient means no friction. Friction is applied semi-implicitly, so it slows the\n"
     "flow and never reverses it. Laws other than Manning need `roughness` or\n"
     "`roughness_raster`. `manning` and `manning_raster` are the older spelling of the Manning\n"
     "law: they cannot be combined with another `friction` or with `roughness` /\n"
     "`roughness_raster`. The Manning n of `[[landuse]]` classes is used only with the Manning\n"
     "law, and only where no raster gives the coefficient.\n"
     "\n"
     "Initial state. The depth comes from `initial_depth`, `initial_level` or\n"
     "`initial_depth_raster` (else the surface starts dry). The water starts at rest unless\n"
     "velocity rasters (`initial_u_raster`, `initial_v_raster`; the unit discharge is the initial\n"
     "depth times the velocity) or unit-discharge rasters (`initial_qx_raster`,\n"
     "`initial_qy_raster`) are given, not both kinds. x is east and y is north. A missing\n"
     "component is 0."},
    {"boundary",
     "Open edges are characteristic boundaries. The interior passes the outgoing Riemann\n"
     "invariant to the edge, and the edge's `type` supplies the missing condition\n"
     "(kernels/swe/boundary.hpp):\n"
     "\n"
     "- `free` (also `open`; `transmissive` is an older name for the same normal-depth edge):\n"
     "  outflow at the normal depth of uniform flow on the energy slope `slope`. That uniform "
     "flow\n"
     "  uses the case's friction law and coefficient. By default the slope is the local bed\n"
     "  slope towards the edge, never less than `min_slope` (default 1e-3). Where the uniform\n"
     "  flow would be supercritical, or the friction coefficient is 0, the edge passes critical\n"
     "  flow. A free edge never lets water in.\n"
     "- `critical`: outflow at critical depth (a free overfall).\n"
     "- `level`: water level `level` outside; water leaves or enters.\n"
     "- `inflow`: discharge `discharge` over the segment's active cells. A subcritical inflow\n"
     "  takes its depth from the interior. A supercritical inflow enters at the depth `depth`, or\n"
     "  at the critical depth of the discharge when `depth` is not given.\n"
     "\n"
     "Keys of one type (`level`; `discharge`, `depth`; `slope`, `min_slope`; `times` for level\n"
     "and inflow) are errors on boundaries of another type."},
};

}  // namespace

const char* case_table_note(const std::string& table) {
  for (const TableNote& n : kNotes)
    if (table == n.table) return n.text;
  return nullptr;
}

}  // namespace sf::config
