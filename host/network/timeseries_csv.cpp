#include <iomanip>

#include "network/network_output.hpp"

namespace sf::network {

TimeseriesCsv::TimeseriesCsv(const NetworkEngine& eng, std::ostream& out) : eng_(eng), out_(out) {
  const NetworkData& net = eng.network();
  next_ = net.report_step > 0.0 ? net.report_step : 900.0;
  out_ << "time_s";
  for (const auto& id : net.node_id) out_ << ",node/" << id << ":depth_m";
  for (const auto& id : net.link_id) out_ << ",link/" << id << ":flow_m3s";
  out_ << "\n" << std::setprecision(9);
}

void TimeseriesCsv::after_step() {
  const double step = eng_.network().report_step > 0.0 ? eng_.network().report_step : 900.0;
  while (next_ <= eng_.time() + 1e-6) {
    eng_.interpolated_state(next_, depth_, flow_);
    out_ << next_;
    for (double d : depth_) out_ << "," << d;
    for (double q : flow_) out_ << "," << q;
    out_ << "\n";
    next_ += step;
  }
}

}  // namespace sf::network
