// What the pipe engine hands to network writers: plain host arrays in SI units, one entry per
// node or link in the engine's order. Writers never see the engine or device memory.
#pragma once

#include <string>
#include <vector>

namespace sf {

struct NetworkSnapshot {
  double time_s = 0.0;  // simulated seconds since start
  int index = 0;        // 0, 1, 2 ... output number

  // Nodes (each of size node count). Coordinates are the .inp's [COORDINATES], in the CRS of
  // the surface grid.
  std::vector<std::string> node_id;
  std::vector<double> node_x, node_y;  // m
  std::vector<double> node_z;          // invert elevation (m)
  std::vector<double> node_depth;      // water depth above the invert (m)
  std::vector<double> node_head;       // hydraulic head, invert + depth (m)
  std::vector<double> node_flooding;   // overflow rate leaving the node (m³/s)

  // Links (each of size link count). A link is drawn from node1 through its [VERTICES] bends
  // to node2; bends of link j are vertex_x/y[vertex_start[j] .. vertex_start[j+1]-1].
  std::vector<std::string> link_id;
  std::vector<int> link_node1, link_node2;  // node indices
  std::vector<int> vertex_start;            // link count + 1 offsets (empty: no bends)
  std::vector<double> vertex_x, vertex_y;   // m
  std::vector<double> link_flow;            // m³/s, signed node1 -> node2
  std::vector<double> link_velocity;        // m/s
  std::vector<double> link_fill_ratio;      // flow depth / full depth (-), 0 for pumps
  std::vector<int> link_pump_status;        // -1 not a pump, 0 off, 1 on
};

}  // namespace sf
