#include <cstdio>
#include <iomanip>
#include <sstream>

#include "network/network_output.hpp"

namespace sf::network {

std::string json_string(const std::string& s) {
  std::string o = "\"";
  for (const char c : s) {
    switch (c) {
      case '"':
        o += "\\\"";
        break;
      case '\\':
        o += "\\\\";
        break;
      case '\n':
        o += "\\n";
        break;
      case '\r':
        o += "\\r";
        break;
      case '\t':
        o += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          o += buf;
        } else {
          o += c;
        }
    }
  }
  return o + "\"";
}

namespace {
std::string num(double v) {
  std::ostringstream s;
  s << std::setprecision(17) << v;
  return s.str();
}
}  // namespace

void write_summary_json(const NetworkEngine& eng, std::ostream& out) {
  const NetworkData& net = eng.network();
  const NetworkStatistics st = eng.statistics();
  out << "{\"continuity_error_pct\":" << num(eng.mass_balance().continuity_error_pct());
  out << ",\"nodes\":{";
  for (int i = 0; i < net.node_count(); ++i) {
    out << (i ? "," : "") << json_string(net.node_id[i])
        << ":{\"max_depth_m\":" << num(st.node_max_depth[i])
        << ",\"max_hgl_m\":" << num(st.node_max_depth[i] + net.node_invert[i])
        << ",\"flood_volume_m3\":" << num(st.node_flood_volume[i])
        << ",\"hours_flooded\":" << num(st.node_hours_flooded[i]) << "}";
  }
  out << "},\"links\":{";
  for (int j = 0; j < net.link_count(); ++j) {
    out << (j ? "," : "") << json_string(net.link_id[j])
        << ":{\"max_flow_m3s\":" << num(st.link_max_flow[j])
        << ",\"max_velocity_ms\":" << num(st.link_max_velocity[j]) << "}";
  }
  out << "},\"pumps\":{";
  bool first = true;
  for (int j = 0; j < net.link_count(); ++j) {
    if (net.link_kind[j] != LinkKind::Pump) continue;
    out << (first ? "" : ",") << json_string(net.link_id[j])
        << ":{\"volume_m3\":" << num(st.pump_volume[j]) << ",\"switches\":" << st.pump_startups[j]
        << "}";
    first = false;
  }
  out << "},\"outfalls\":{";
  first = true;
  for (int i = 0; i < net.node_count(); ++i) {
    if (net.node[i].kind != pipe::NodeKind::Outfall) continue;
    out << (first ? "" : ",") << json_string(net.node_id[i])
        << ":{\"volume_m3\":" << num(st.outfall_volume[i]) << "}";
    first = false;
  }
  out << "}}\n";
}

}  // namespace sf::network
