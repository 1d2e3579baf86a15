// `spongeflow capacity` with [capacity] mode = "coupled": one coupled 1D-2D run per return
// period. The design storm is the grid's rain (the case's [design_storm] with the period) and,
// with [network] subcatchments = "load_nodes", every gage's rain; surcharged nodes flood onto the
// streets and drain back. Conduit peaks (and, with --outfalls, the overflow recorders) are fed
// after every coupled step, as network mode feeds them after every routing step; the flooded
// surface is kept per period and its maximum depth written as runs/<P>a/max_depth.asc.
// See docs/capacity.md.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "app/capacity_overflows.hpp"
#include "app/capacity_runs.hpp"
#include "rain/chicago_hyetograph.hpp"

namespace sf::app {

struct CoupledCapacityInput {
  std::string case_file, data_dir;  // data_dir "" = the case's
  std::string output_dir;           // each period's run writes into runs/<P>a/ below it
  rain::StormIntensityFormula formula;
  rain::ChicagoParameters storm;  // its return period is replaced by each period's
  std::vector<double> periods;
  int parallel = 1;
};

/// One coupled run per period (`parallel` at a time), in period order; `overflow_probes` (one per
/// period, or none) record the overflow outfalls of each. A run's input error throws
/// std::invalid_argument with its message; a failed run std::runtime_error.
std::vector<CapacityRun> run_coupled_design_storms(
    const CoupledCapacityInput& in, const CapacityNetwork& net,
    std::vector<CapacityOverflowProbe>& overflow_probes, std::ostream& out, std::ostream& err);

/// capacity_surface.csv: the flooded surface of every period's run.
std::string capacity_surface_csv(const std::vector<CapacityRun>& runs);

}  // namespace sf::app
