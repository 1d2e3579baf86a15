// Writers of a finished network run: SWMM-style text report, the --summary JSON (SI) and the
// time-series CSV of node depths and link flows at the report step (the JSON through
// nlohmann_json).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "inp/model.hpp"
#include "network/network_engine.hpp"

namespace sf::network {

/// {"continuity_error_pct":…, "nodes":{…}, "links":{…}, "pumps":{…}, "outfalls":{…}} in SI.
void write_summary_json(const NetworkEngine& eng, std::ostream& out);

/// Text report mirroring SWMM's sections, in the model's own units.
void write_text_report(const inp::Model& model, const NetworkEngine& eng, std::ostream& out);

/// Time-series CSV: collects rows at report times while the run advances.
class TimeseriesCsv {
 public:
  TimeseriesCsv(const NetworkEngine& eng, std::ostream& out);
  /// Call after every step: writes every report time passed during that step.
  void after_step();

 private:
  const NetworkEngine& eng_;
  std::ostream& out_;
  double next_ = 0.0;
  std::vector<double> depth_, flow_;
};

}  // namespace sf::network
