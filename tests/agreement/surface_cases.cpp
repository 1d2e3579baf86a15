// Surface cases for the CPU-against-CUDA agreement: a dam break over a dry bed (wet/dry front,
// first and second order), rain on a tilted plane draining through an open edge, and water
// sloshing over a bumpy bed in a closed box. Each runs a few hundred steps on both backends.
#include <cmath>
#include <functional>
#include <string>

#include "agreement.hpp"
#include "engine/simulation.hpp"

namespace sf::agreement {
namespace {

/// nx x ny cells of size dx, bed z(x, y), water level eta(x, y) (dry where below the bed).
SurfaceSetup grid(int nx, int ny, double dx, const std::function<double(double, double)>& z,
                  const std::function<double(double, double)>& eta) {
  SurfaceSetup s;
  s.grid.nx = nx;
  s.grid.ny = ny;
  s.grid.dx = dx;
  const std::size_t n = std::size_t(nx) * ny;
  s.z.resize(n);
  s.h0.resize(n);
  s.active.assign(n, 1);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      const double x = (i + 0.5) * dx, y = (j + 0.5) * dx;
      const std::size_t k = std::size_t(j) * nx + i;
      s.z[k] = z(x, y);
      s.h0[k] = std::max(0.0, eta(x, y) - s.z[k]);
    }
  s.roughness_uniform = 0.0;
  s.track_event_stats = true;  // the statistics kernels are compared too
  return s;
}

/// Runs the setup to time t on one backend; the fields and the step count.
struct Run {
  SurfaceFields fields;
  long long steps = 0;
  VolumeBalance balance;
};

Run run(const SurfaceSetup& s, Backend b, Precision p, double t) {
  Simulation sim(s, b, p);
  sim.advance_to(t);
  Run r;
  sim.solver().read_fields(r.fields);
  r.steps = sim.steps();
  r.balance = sim.balance();
  return r;
}

Comparison compare_runs(const std::string& name, const SurfaceSetup& s, Precision p, double t) {
  const Run cpu = run(s, Backend::kCpu, p, t), gpu = run(s, Backend::kCuda, p, t);
  Difference depth, discharge, stats, volumes;
  depth.add(cpu.fields.h, gpu.fields.h);
  depth.add(cpu.fields.hmax, gpu.fields.hmax);
  discharge.add(cpu.fields.qx, gpu.fields.qx);
  discharge.add(cpu.fields.qy, gpu.fields.qy);
  stats.add(cpu.fields.max_speed, gpu.fields.max_speed);
  stats.add(cpu.fields.max_hazard, gpu.fields.max_hazard);
  volumes.add(cpu.balance.final_volume, gpu.balance.final_volume);
  volumes.add(cpu.balance.boundary_outflow, gpu.balance.boundary_outflow);
  volumes.add(cpu.balance.rain, gpu.balance.rain);
  Comparison c = compare(name, p, {depth, discharge, stats, volumes});
  if (cpu.steps != gpu.steps)
    c.note = "step counts differ: cpu " + std::to_string(cpu.steps) + ", cuda " +
             std::to_string(gpu.steps);
  return c;
}

}  // namespace

std::vector<Comparison> surface_agreement(Precision p) {
  std::vector<Comparison> out;
  for (int order : {1, 2}) {  // 100 m channel, 1 m of water behind a dam at 50 m, dry below
    SurfaceSetup s = grid(
        200, 3, 0.5, [](double, double) { return 0.0; },
        [](double x, double) { return x < 50.0 ? 1.0 : 0.0; });
    s.numerics.order = order;
    s.numerics.cfl = 0.45;
    out.push_back(compare_runs("surface/dam_break/order" + std::to_string(order), s, p, 5.0));
  }
  {  // 100 mm/h on a 1 % plane of 50 m, Manning 0.03, open at the low (east) end
    SurfaceSetup s = grid(
        100, 3, 0.5, [](double x, double) { return 0.01 * (50.0 - x); },
        [](double, double) { return -1.0; });
    s.roughness_uniform = 0.03;
    s.rain = TimeSeries::constant(100.0 / 1000.0 / 3600.0);
    BoundarySegmentSpec out_edge;
    out_edge.name = "outlet";
    out_edge.kind = swe::EdgeKind::kFree;
    out_edge.side = swe::kEast;
    s.boundaries.push_back(out_edge);
    out.push_back(compare_runs("surface/rain_plane", s, p, 300.0));
  }
  {  // a mound of water over a bumpy bed in a closed 40 m box, second order, with friction
    SurfaceSetup s = grid(
        40, 40, 1.0, [](double x, double y) { return 0.1 * std::sin(0.3 * x) * std::cos(0.2 * y); },
        [](double x, double y) {
          const double r2 = (x - 15.0) * (x - 15.0) + (y - 22.0) * (y - 22.0);
          return 0.5 + 0.3 * std::exp(-r2 / 20.0);
        });
    s.roughness_uniform = 0.02;
    s.numerics.order = 2;
    out.push_back(compare_runs("surface/closed_box", s, p, 20.0));
  }
  return out;
}

}  // namespace sf::agreement
