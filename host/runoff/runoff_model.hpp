// SWMM's runoff process for the subcatchments of a model (runoff.c, subcatch.c): a clock of its
// own with WET_STEP/DRY_STEP steps cut at rain and evaporation changes, each step moving rain,
// run-on, evaporation and infiltration through the three subareas of every subcatchment
// (kernels/runoff), and the outflow to nodes interpolated between the last two runoff times
// at any routing time. No file format, no globals: one object per model.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/state_record.hpp"
#include "inp/model.hpp"
#include "runoff/gage_record.hpp"
#include "runoff/lid_group.hpp"
#include "runoff/nonlinear_reservoir.hpp"
#include "runoff/pervious_infiltration.hpp"

namespace sf::runoff {

/// Runoff quantity continuity (volumes in m³), as SWMM's report defines it.
struct RunoffTotals {
  double rainfall = 0.0;
  double evaporation = 0.0;
  double infiltration = 0.0;
  double runoff = 0.0;        // surface runoff leaving to nodes (not to other subcatchments)
  double lid_drainage = 0.0;  // LID underdrain flow sent to nodes
  double initial_storage = 0.0;
  double final_storage = 0.0;
  double area = 0.0;  // total subcatchment area [m²], for depths
  /// 100 * (rain + initial - evap - infil - runoff - drains - final) / (rain + initial).
  double continuity_error_pct() const;
  /// The totals as named rows (`total_precipitation_m3`, ..., `continuity_error_pct`), in the
  /// order of SWMM's table, for the JSON summaries of network and coupled runs.
  std::vector<std::pair<std::string, double>> summary_rows() const;
};

class RunoffModel {
 public:
  explicit RunoffModel(const inp::Model& model);
  explicit RunoffModel(inp::Model&&) = delete;  // keeps a reference: a temporary would dangle

  bool empty() const { return sub_.empty(); }
  /// Takes runoff steps until the runoff clock passes t [s since start] (or the end).
  void advance_past(double t);
  /// Adds to q[node] the runoff of every subcatchment draining to a node, interpolated at t
  /// between the last two runoff times [m³/s]; returns the sum added.
  double add_node_inflows(double t, std::vector<double>& q) const;

  double time() const { return new_time_; }  // runoff clock [s]
  int steps() const { return steps_; }
  /// Outflow of subcatchment j at the end of the last runoff step [m³/s].
  double outflow(int j) const { return sub_[j].new_runoff; }
  /// Runoff of subcatchment j as SWMM reports it: outflow plus LID underdrain flow [m³/s].
  double reported_runoff(int j) const {
    return sub_[j].new_runoff + (sub_[j].lid >= 0 ? lids_[sub_[j].lid].drain_flow() : 0.0);
  }
  /// Ponded water on all subcatchments now [m³].
  double storage() const;
  RunoffTotals totals() const;

  /// Everything the next runoff step depends on (subarea depths, run-on, outflows, infiltration
  /// state, the gages' positions, the clock and the totals), as entries `runoff_*`.
  void save_state(StateRecord& record) const;
  /// Takes back what save_state wrote for this model; throws std::invalid_argument naming the
  /// entry that is missing or of another length.
  void load_state(const StateRecord& record);

 private:
  enum { kImperv0 = 0, kImperv1 = 1, kPerv = 2 };
  struct Sub {
    int gage = -1, node = -1, outlet_sub = -1;
    double area = 0.0;
    double non_lid_area = 0.0;  // area outside LID units, where the three subareas lie
    int lid = -1;               // index into lids_, or -1
    double frac_imperv = 0.0;
    double frac_area[3] = {0, 0, 0};
    bool to_other[3] = {false, false, false};  // routed to the other subarea kind
    double f_outlet[3] = {1, 1, 1};            // share of the subarea's runoff sent to the outlet
    SubareaParams<double> params[3]{};
    PerviousSoil<double> soil{};
    PerviousSoilState<double> soil_state{};
    double depth[3] = {0, 0, 0};
    double inflow[3] = {0, 0, 0};               // run-on into each subarea this step [m/s]
    double runoff[3] = {0, 0, 0};               // per unit subarea area [m/s]
    double runon = 0.0;                         // from upstream subcatchments [m/s]
    double old_runoff = 0.0, new_runoff = 0.0;  // to the outlet [m³/s]
  };

  void step();
  double step_length(double t, bool raining) const;
  double evaporation_rate(double t) const;
  double next_evaporation_change(double t) const;
  void subcatchment_step(Sub& s, double rain, double evap, double dt);
  LidStepVolumes lid_step(Sub& s, double rain, double evap, double v_infil, double dt);
  void add_runon(int k, double q);

  const inp::Model& m_;
  std::vector<Sub> sub_;
  std::vector<LidGroup> lids_;
  std::vector<GageRecord> gages_;
  std::vector<double> gage_rain_;
  double duration_ = 0.0, wet_step_ = 300.0, dry_step_ = 3600.0;
  double old_time_ = 0.0, new_time_ = 0.0;
  bool has_runoff_ = false;
  bool has_wet_lids_ = false;
  int steps_ = 0;
  RunoffTotals totals_;
};

}  // namespace sf::runoff
