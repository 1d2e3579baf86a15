// Coupled cases for the CPU-against-CUDA agreement, after tests/couple: a surcharging manhole
// flooding onto a walled plane (network to surface), and a flooded street draining through a
// gully inlet to a free outfall (surface to network). Surface and network on the same backend.
#include <string>

#include "agreement.hpp"
#include "couple/coupled_simulation.hpp"
#include "inp/reader.hpp"

namespace sf::agreement {
namespace {

SurfaceSetup flat_plane(int nx, int ny, double dx, double h0, double duration) {
  SurfaceSetup s;
  s.grid.nx = nx;
  s.grid.ny = ny;
  s.grid.dx = dx;
  const std::size_t n = std::size_t(nx) * ny;
  s.z.assign(n, 0.0);
  s.active.assign(n, 1);
  s.h0.assign(n, h0);
  s.roughness_uniform = 0.015;
  s.numerics.max_dt = 1.0;
  s.duration = duration;
  s.track_event_stats = false;
  return s;
}

std::string options(int end_minutes) {
  return "[OPTIONS]\nFLOW_UNITS CMS\nFLOW_ROUTING DYNWAVE\nSTART_DATE 01/01/2020\n"
         "START_TIME 00:00\nEND_DATE 01/01/2020\nEND_TIME 00:" +
         std::to_string(end_minutes) + ":00\nROUTING_STEP 1\nREPORT_STEP 00:01\n";
}

struct CoupledCase {
  std::string name, inp;
  SurfaceSetup surface;
  std::string node;
  std::int64_t cell;
  couple::InletParams<double> inlet;
  double duration;
};

struct Result {
  SurfaceFields fields;
  std::vector<double> depth, flow, volumes;
};

Result run(const CoupledCase& c, Backend b, Precision p) {
  const inp::Model model = inp::read_inp_text(c.inp, c.name);
  network::NetworkEngine net(model, b == Backend::kCuda ? "cuda" : "cpu");
  Simulation surface(c.surface, b, p);
  couple::CouplingLink link;
  link.node = net.node_index(c.node);
  link.cell = c.cell;
  link.inlet = c.inlet;
  couple::CoupledSimulation sim(surface, net, {link});
  sim.advance_to(c.duration);
  Result r;
  surface.solver().read_fields(r.fields);
  net.interpolated_state(net.time(), r.depth, r.flow);
  const couple::CoupledBalance k = sim.balance();
  r.volumes = {k.surface_final,      k.network_final,    k.surface_to_network,
               k.network_to_surface, k.surface_received, k.outfall_outflow};
  return r;
}

Comparison compare_case(const CoupledCase& c, Precision p) {
  const Result cpu = run(c, Backend::kCpu, p), gpu = run(c, Backend::kCuda, p);
  Difference depth, discharge, network, volumes;
  depth.add(cpu.fields.h, gpu.fields.h);
  discharge.add(cpu.fields.qx, gpu.fields.qx);
  discharge.add(cpu.fields.qy, gpu.fields.qy);
  network.add(cpu.depth, gpu.depth);
  network.add(cpu.flow, gpu.flow);
  volumes.add(cpu.volumes, gpu.volumes);
  return compare(c.name, p, {depth, discharge, network, volumes});
}

}  // namespace

std::vector<Comparison> coupled_agreement(Precision p) {
  std::vector<Comparison> out;
  CoupledCase manhole{"coupled/surcharging_manhole",
                      options(10) +
                          "[JUNCTIONS]\nJ1 -2.0 2.0 2.0 0 0\n"
                          "[INFLOWS]\nJ1 FLOW \"\" FLOW 1.0 1.0 0.05\n",
                      flat_plane(21, 21, 2.0, 0.0, 600.0),
                      "J1",
                      10 * 21 + 10,
                      couple::circular_inlet(0.0, 0.6),
                      600.0};
  out.push_back(compare_case(manhole, p));
  CoupledCase street{"coupled/street_inlet",
                     options(10) +
                         "[JUNCTIONS]\nJ1 -1.5 1.5 0 0 0\n[OUTFALLS]\nO1 -1.8 FREE NO\n"
                         "[CONDUITS]\nC1 J1 O1 30 0.013 0 0 0.2 0\n"
                         "[XSECTIONS]\nC1 CIRCULAR 0.6 0 0 0 1\n"
                         "[INFLOWS]\nJ1 FLOW \"\" FLOW 1.0 1.0 0.2\n",
                     flat_plane(80, 20, 2.0, 0.1, 600.0),
                     "J1",
                     10 * 80 + 40,
                     {},
                     600.0};
  street.inlet.rim_elevation = 0.0;
  street.inlet.perimeter = 4.0;
  street.inlet.area = 0.3;
  out.push_back(compare_case(street, p));
  return out;
}

}  // namespace sf::agreement
