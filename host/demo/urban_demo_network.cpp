#include "demo/urban_demo_network.hpp"

#include <locale>
#include <sstream>

#include "demo/sewer_inp_text.hpp"
#include "demo/sewer_runoff_text.hpp"

namespace sf::couple {
namespace {

std::vector<CouplingPoint> coupling_points_of(const SewerLayout& layout, double x0, double y0) {
  std::vector<CouplingPoint> points;
  for (const SewerNode& n : layout.nodes) {
    CouplingPoint p;
    switch (n.kind) {
      case SewerNodeKind::Inlet:
        p.role = CouplingRole::Inlet;
        break;
      case SewerNodeKind::Manhole:
        p.role = CouplingRole::Manhole;
        break;
      case SewerNodeKind::Outfall:
        p.role = CouplingRole::Outfall;
        break;
      default:
        continue;  // the wet well is a closed structure
    }
    p.node_id = n.id;
    p.x = x0 + n.x;
    p.y = y0 + n.y;
    p.cell = n.cell;
    p.rim_elevation = n.rim;
    points.push_back(p);
  }
  return points;
}

}  // namespace

UrbanDemoNetwork make_urban_demo_network(const mesh::DemoCatchment& catchment,
                                         const mesh::DemoOptions& demo,
                                         const UrbanNetworkOptions& options) {
  UrbanDemoNetwork net;
  net.layout = lay_out_demo_sewer(catchment, demo, options);
  const double x0 = catchment.dem.x0, y0 = catchment.dem.y0;
  net.inp_text = sewer_inp_text(net.layout, x0, y0, options);
  UrbanNetworkOptions runoff_options = options;
  runoff_options.wet_step_s = 60.0;
  net.runoff_inp_text =
      sewer_inp_text(net.layout, x0, y0, runoff_options) + sewer_runoff_text(net.layout, options);
  net.coupling_points = coupling_points_of(net.layout, x0, y0);
  std::vector<bool> has_inflow(net.layout.nodes.size(), false);
  for (const SewerPipe& p : net.layout.pipes) has_inflow[p.to] = true;
  has_inflow[net.layout.pump.outfall] = true;
  for (std::size_t n = 0; n < net.layout.nodes.size(); ++n)
    if (!has_inflow[n]) net.upstream_nodes.push_back(net.layout.nodes[n].id);
  return net;
}

UrbanDemoNetwork make_urban_demo_network(const mesh::DemoOptions& demo,
                                         const UrbanNetworkOptions& options) {
  return make_urban_demo_network(mesh::make_demo_catchment(demo), demo, options);
}

std::string coupling_points_csv(const std::vector<CouplingPoint>& points) {
  std::ostringstream s;
  s.imbue(std::locale::classic());
  s.setf(std::ios::fixed);
  s.precision(3);
  s << "node_id,role,x,y\n";
  for (const CouplingPoint& p : points)
    s << p.node_id << ',' << role_name(p.role) << ',' << p.x << ',' << p.y << '\n';
  return s.str();
}

}  // namespace sf::couple
