// The risk class tables of waterlogging spots from a case's [waterlogging] keys, shared by
// `spongeflow waterlogging` and the alerts of `spongeflow forecast`.
#pragma once

#include "assess/waterlogging_spots.hpp"
#include "config/case_config.hpp"

namespace sf::app {

inline assess::RiskTable risk_table(const config::WaterloggingConfig& w) {
  assess::RiskTable t;
  t.depth = {w.depth_bounds_m, w.depth_names};
  t.duration = {w.duration_bounds_s, w.duration_names};
  t.risk = w.risk;
  t.risk_names = w.risk_names;
  t.hazard = {w.hazard_bounds_m2_s, w.hazard_names};
  return t;
}

}  // namespace sf::app
