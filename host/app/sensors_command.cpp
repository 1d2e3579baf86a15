#include "app/sensors_command.hpp"

#include <cstdio>
#include <ostream>

#include "common/atomic_text_file.hpp"
#include "common/input_error.hpp"
#include "demo/synthetic_sensors.hpp"
#include "io/netcdf/results_event_maps.hpp"
#include "io/netcdf/results_point_series.hpp"

namespace sf::app {

int make_sensors_command(const MakeSensorsOptions& o, std::ostream& out, std::ostream& err) {
  try {
    const io::ResultsEventMaps ev =
        io::read_results_event_maps(o.results, io::DurationMap::kFloodThreshold);
    const assess::EventMaps& m = ev.maps;
    const std::vector<long long> cells = demo::deepest_separated_cells(
        m.max_depth, m.mask, m.nx, m.dx, o.count, o.spacing_m, o.min_depth_m);
    if (cells.empty()) {
      err << "error: " << o.results << ": no cell deeper than " << o.min_depth_m
          << " m; expected a run with water on the ground (lower --min-depth)\n";
      return 1;
    }
    const io::PointSeries s = io::read_results_depth_at(o.results, cells);
    char line[200];
    std::snprintf(line, sizeof line,
                  "# synthetic depth sensors: %s read at its output times, bias %+.4f m, noise "
                  "sd %.4f m (seed %u)\n",
                  o.results.c_str(), o.bias_m, o.noise_m, unsigned(o.seed));
    std::string csv = line;
    csv += "sensor,kind,x,y,time,value\n";
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const double x = m.x0 + (double(cells[k] % m.nx) + 0.5) * m.dx;
      const double y = m.y0 + (double(cells[k] / m.nx) + 0.5) * m.dx;
      const std::vector<double> v =
          demo::sensor_readings(s.depth[k], o.bias_m, o.noise_m, o.seed + std::uint32_t(k));
      for (std::size_t t = 0; t < v.size(); ++t) {
        std::snprintf(line, sizeof line, "D%zu,depth,%.2f,%.2f,%.1f,%.4f\n", k + 1, x, y,
                      s.times_s[t], v[t]);
        csv += line;
      }
      std::snprintf(line, sizeof line, "  D%zu at (%.1f, %.1f): max depth %.3f m, %zu readings\n",
                    k + 1, x, y, m.max_depth[cells[k]], v.size());
      out << line;
    }
    write_text_file_atomically(o.output, csv, o.output + ".tmp");
    out << "wrote " << o.output << " (" << cells.size() << " sensors)\n";
  } catch (const InputError& e) {
    err << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace sf::app
