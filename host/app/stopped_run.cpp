#include "app/stopped_run.hpp"

#include <algorithm>
#include <exception>

namespace sf::app {

std::string close_writers(const std::vector<SnapshotWriter*>& writers) {
  std::string failures;
  for (SnapshotWriter* w : writers) {
    try {
      w->close();
    } catch (const std::exception& e) {
      failures += (failures.empty() ? "" : "; ") + std::string(e.what());
    }
  }
  return failures;
}

RunResult stopped_run_result(Simulation& sim, long long steps_before) {
  RunResult r;
  r.simulated_s = sim.time();
  r.steps = sim.steps() - steps_before;
  r.balance = sim.balance();
  r.active_area_m2 = sim.active_area();
  const SurfaceSetup& setup = sim.setup();
  SurfaceFields f;
  sim.solver().read_fields(f);
  const double cell_area = setup.grid.dx * setup.grid.dx;
  for (std::size_t k = 0; k < f.hmax.size(); ++k) {
    if (!setup.active[k]) continue;
    r.max_depth_m = std::max(r.max_depth_m, f.hmax[k]);
    if (f.hmax[k] > setup.flood_threshold) {
      r.flooded_area_m2 += cell_area;
      r.flooded_volume_m3 += f.hmax[k] * cell_area;
    }
  }
  return r;
}

}  // namespace sf::app
