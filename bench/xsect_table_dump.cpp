// Prints spongeflow's relative geometry (A/A_full, R/R_full, W/W_max) of the shapes SWMM 5.2
// tabulates, at 1001 relative depths, for bench/xsect_vs_swmm.py to compare with SWMM's own
// tables. Output: CSV "shape,eta,area,hyd_radius,width" on stdout.
#include <cstdio>
#include <string>
#include <vector>

#include "network/xsect_tables.hpp"
#include "pipe/xsect.hpp"

namespace {

using sf::inp::XsectShape;

struct Named {
  const char* name;  // SWMM's [XSECTIONS] keyword
  XsectShape shape;
  double width;  // the second geometry value relative to the first (0: not used)
};

}  // namespace

int main() {
  // ellipses and arches at the proportions of SWMM's smallest standard sizes (14 x 23 in
  // ellipse, 11 x 18 in concrete arch); their relative tables do not depend on the size
  const std::vector<Named> shapes = {
      {"CIRCULAR", XsectShape::Circular, 0.0},
      {"EGG", XsectShape::Egg, 0.0},
      {"HORSESHOE", XsectShape::Horseshoe, 0.0},
      {"GOTHIC", XsectShape::Gothic, 0.0},
      {"CATENARY", XsectShape::Catenary, 0.0},
      {"SEMIELLIPTICAL", XsectShape::SemiElliptical, 0.0},
      {"BASKETHANDLE", XsectShape::BasketHandle, 0.0},
      {"SEMICIRCULAR", XsectShape::SemiCircular, 0.0},
      {"HORIZ_ELLIPSE", XsectShape::HorizEllipse, 23.0 / 14.0},
      {"VERT_ELLIPSE", XsectShape::VertEllipse, 14.0 / 23.0},
      {"ARCH", XsectShape::Arch, 18.0 / 11.0},
  };
  std::printf("shape,eta,area,hyd_radius,width\n");
  for (const Named& s : shapes) {
    sf::network::XsectTablePool pool;
    sf::inp::Xsection xs;
    xs.shape = s.shape;
    xs.geom = {1.0, s.width, 0.0, 0.0};
    const sf::pipe::Xsect x = sf::network::build_xsect(xs, nullptr, nullptr, pool);
    const auto t = pool.view();
    for (int k = 0; k <= 1000; ++k) {
      const double y = x.y_full * k / 1000.0;
      const sf::pipe::SectionGeometry g = sf::pipe::geometry_at(x, t, y);
      std::printf("%s,%.4f,%.9g,%.9g,%.9g\n", s.name, k / 1000.0, g.area / x.a_full,
                  g.hyd_radius / x.r_full, g.width / x.w_max);
    }
  }
  return 0;
}
