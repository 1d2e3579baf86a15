#include "network/network_snapshot_build.hpp"

namespace sf::network {

NetworkSnapshot make_network_snapshot(const NetworkEngine& engine, const inp::Model& model,
                                      int index, double time_s,
                                      const std::vector<double>& node_flooding) {
  const NetworkData& net = engine.network();
  const int nn = net.node_count(), nl = net.link_count();
  NetworkSnapshot s;
  s.time_s = time_s;
  s.index = index;
  s.node_id = net.node_id;
  s.node_x.resize(nn);
  s.node_y.resize(nn);
  s.node_z = net.node_invert;
  s.node_depth.resize(nn);
  s.node_head.resize(nn);
  s.node_flooding.assign(nn, 0.0);
  for (int i = 0; i < nn; ++i) {
    const auto c = model.map.coordinates.find(net.node_id[i]);
    if (c != model.map.coordinates.end()) {
      s.node_x[i] = c->second.x;
      s.node_y[i] = c->second.y;
    }
    s.node_depth[i] = engine.node_depth(i);
    s.node_head[i] = engine.node_head(i);
    if (i < int(node_flooding.size())) s.node_flooding[i] = node_flooding[i];
  }
  s.link_id = net.link_id;
  s.link_node1 = net.node1;
  s.link_node2 = net.node2;
  s.vertex_start.assign(1, 0);
  s.link_flow.resize(nl);
  s.link_velocity.resize(nl);
  s.link_fill_ratio.assign(nl, 0.0);
  s.link_pump_status.assign(nl, -1);
  for (int j = 0; j < nl; ++j) {
    const auto v = model.map.vertices.find(net.link_id[j]);
    if (v != model.map.vertices.end())
      for (const inp::Point2& p : v->second) {
        s.vertex_x.push_back(p.x);
        s.vertex_y.push_back(p.y);
      }
    s.vertex_start.push_back(int(s.vertex_x.size()));
    s.link_flow[j] = engine.link_flow(j);
    s.link_velocity[j] = engine.link_velocity(j);
    if (net.link_kind[j] == LinkKind::Conduit && net.xsect[j].y_full > 0)
      s.link_fill_ratio[j] = engine.link_depth(j) / net.xsect[j].y_full;
    if (net.link_kind[j] == LinkKind::Pump)
      s.link_pump_status[j] = engine.link_setting(j) > 0 && s.link_flow[j] != 0.0 ? 1 : 0;
  }
  return s;
}

}  // namespace sf::network
