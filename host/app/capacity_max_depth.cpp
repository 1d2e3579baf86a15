#include "app/capacity_max_depth.hpp"

#include <filesystem>

#include "common/atomic_text_file.hpp"
#include "common/number_text.hpp"
#include "engine/simulation.hpp"

namespace sf::app {

MaxDepthField take_max_depth(Simulation& sim) {
  MaxDepthField f;
  f.grid = sim.setup().grid;
  f.active = sim.setup().active;
  SurfaceFields fields;
  sim.solver().read_fields(fields);
  f.hmax = std::move(fields.hmax);
  return f;
}

void write_max_depth_ascii(const std::string& path, const MaxDepthField& f) {
  const GridGeometry& g = f.grid;
  std::string s = "ncols " + std::to_string(g.nx) + "\nnrows " + std::to_string(g.ny) +
                  "\nxllcorner " + number_text("%.17g", g.x0) + "\nyllcorner " +
                  number_text("%.17g", g.y0) + "\ncellsize " + number_text("%.17g", g.dx) +
                  "\nNODATA_value -9999\n";
  s.reserve(s.size() + std::size_t(g.nx) * std::size_t(g.ny) * 3);
  for (int j = g.ny - 1; j >= 0; --j) {  // the file's first row is the northern one
    for (int i = 0; i < g.nx; ++i) {
      const std::size_t k = std::size_t(j) * std::size_t(g.nx) + std::size_t(i);
      if (i > 0) s += ' ';
      if (!f.active[k])
        s += "-9999";
      else if (f.hmax[k] < 5e-5)
        s += '0';  // dry cells stay one character: most of a city's grid
      else
        s += number_text("%.4f", f.hmax[k]);
    }
    s += '\n';
  }
  write_text_file_atomically(path, s, path + ".tmp");
  if (!g.crs_wkt.empty()) {
    const std::string prj = std::filesystem::path(path).replace_extension(".prj").string();
    write_text_file_atomically(prj, g.crs_wkt + "\n", prj + ".tmp");
  }
}

}  // namespace sf::app
