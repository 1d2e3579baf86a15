#include "couple/subcatchment_overlap.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sf::couple {
namespace {

/// Twice the signed area would do for the sign; the area is what the share needs.
double outline_area(const std::vector<inp::Point2>& p) {
  double a = 0;
  for (std::size_t k = 0, n = p.size(); k < n; ++k) {
    const inp::Point2& u = p[k];
    const inp::Point2& v = p[(k + 1) % n];
    a += u.x * v.y - v.x * u.y;
  }
  return 0.5 * std::fabs(a);
}

/// Even-odd rule: a ray towards +x crosses the outline an odd number of times from inside.
bool inside(const std::vector<inp::Point2>& p, double x, double y) {
  bool in = false;
  for (std::size_t k = 0, n = p.size(), j = n - 1; k < n; j = k++) {
    const inp::Point2& a = p[k];
    const inp::Point2& b = p[j];
    if ((a.y > y) != (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x) in = !in;
  }
  return in;
}

}  // namespace

std::vector<SubcatchmentOverlap> subcatchments_on_grid(const inp::Model& model,
                                                       const CouplingGrid& grid) {
  std::vector<SubcatchmentOverlap> out;
  const GridGeometry& g = *grid.grid;
  const std::vector<unsigned char>& active = *grid.active;
  for (const inp::Subcatchment& s : model.subcatchments) {
    const auto it = model.map.polygons.find(s.id);
    if (it == model.map.polygons.end() || it->second.size() < 3) continue;
    const std::vector<inp::Point2>& p = it->second;
    SubcatchmentOverlap o{s.id, outline_area(p), 0};
    // only the cells under the outline's bounding box
    double x_lo = p[0].x, x_hi = p[0].x, y_lo = p[0].y, y_hi = p[0].y;
    for (const inp::Point2& q : p) {
      x_lo = std::min(x_lo, q.x), x_hi = std::max(x_hi, q.x);
      y_lo = std::min(y_lo, q.y), y_hi = std::max(y_hi, q.y);
    }
    const int i0 = std::max(0, int(std::floor((x_lo - g.x0) / g.dx)));
    const int i1 = std::min(g.nx - 1, int(std::floor((x_hi - g.x0) / g.dx)));
    const int j0 = std::max(0, int(std::floor((y_lo - g.y0) / g.dx)));
    const int j1 = std::min(g.ny - 1, int(std::floor((y_hi - g.y0) / g.dx)));
    for (int j = j0; j <= j1; ++j)
      for (int i = i0; i <= i1; ++i)
        if (active[std::size_t(j) * g.nx + i] &&
            inside(p, g.x0 + (i + 0.5) * g.dx, g.y0 + (j + 0.5) * g.dx))
          o.overlap_m2 += g.dx * g.dx;
    if (o.overlap_m2 > 0) out.push_back(o);
  }
  return out;
}

std::string overlap_warning(const SubcatchmentOverlap& o, const std::string& inp_file) {
  char b[160];
  std::snprintf(b, sizeof b, "%.0f %% of its outline (%.0f of %.0f m2)",
                100.0 * std::min(1.0, o.share()), o.overlap_m2, o.outline_area_m2);
  return inp_file + ": subcatchment " + o.id + " loads its outlet node and " + b +
         " lies on active DEM cells, which take the case's rain too: that rain may be counted "
         "twice. Keep subcatchments outside the DEM, mask their area out of the DEM "
         "([grid] active_mask), or set [network] subcatchments = \"ignore\" (docs/coupling.md)";
}

}  // namespace sf::couple
