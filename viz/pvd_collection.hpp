// ParaView's .pvd collection file: the list of datasets of a time series with their times.
#pragma once

#include <string>
#include <vector>

namespace sf::viz {

struct PvdEntry {
  double time_s = 0.0;  // simulated time (s)
  std::string file;     // path relative to the .pvd file's folder
};

/// The XML text of a collection listing `entries` in the given order.
std::string pvd_xml(const std::vector<PvdEntry>& entries);

}  // namespace sf::viz
