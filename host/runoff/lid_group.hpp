// The LID units placed in one subcatchment ([LID_USAGE]) and their share of its runoff step, as
// SWMM 5.2's lid.c does it (lid_getRunoff, evalLidUnit): each unit takes rain, its share of the
// runoff of the subcatchment's non-LID impervious and pervious areas, and (on a subcatchment that
// is all LID) the run-on; its surface outflow joins the subcatchment's runoff or returns to the
// pervious area, its underdrain goes to a node or another subcatchment. Unit physics in
// kernels/runoff/lid_unit.hpp. See docs/theory/runoff.md "LID controls".
#pragma once

#include <vector>

#include "inp/model.hpp"
#include "runoff/lid_unit.hpp"

namespace sf::runoff {

/// What a subcatchment hands its LID units for one runoff step.
struct LidStepInput {
  double q_imperv = 0.0;      // runoff of the non-LID impervious area to the outlet [m³/s]
  double q_perv = 0.0;        // runoff of the non-LID pervious area to the outlet [m³/s]
  double rain = 0.0;          // [m/s]
  double runon = 0.0;         // run-on onto a subcatchment that is all LID [m/s]
  double evap = 0.0;          // potential evaporation [m/s]
  double native_infil = 0.0;  // infiltration rate of the native soil [m/s]
  double dt = 0.0;
  bool has_non_lid_area = false;
};

/// Volumes of the step [m³].
struct LidStepVolumes {
  double treated = 0.0;      // runoff taken from the non-LID areas
  double surface_out = 0.0;  // LID surface outflow leaving with the subcatchment's runoff
  double evaporation = 0.0;
  double infiltration = 0.0;    // exfiltration to native soil
  double drain_to_nodes = 0.0;  // underdrain flow sent to nodes (SWMM's "LID Drainage")
  bool wet = false;             // any unit not dry (keeps the wet runoff step)
};

class LidGroup {
 public:
  /// The units of subcatchment `sub` (none when it has no [LID_USAGE] line).
  LidGroup(const inp::Model& model, int sub);

  bool empty() const { return units_.empty(); }
  double area() const { return area_; }  // [m²], the whole subcatchment when >= 99.9 % of it
  double stored() const;                 // water in all units [m³]
  bool wet_at_start() const;             // some unit starts saturated (SWMM HasWetLids)
  /// Mean ponded depth on the units' surfaces [m] (SWMM getSurfaceDepth).
  double surface_depth() const;
  /// Outflow returned to the subcatchment's pervious area in the last step [m³/s].
  double flow_to_perv() const { return flow_to_perv_; }
  /// Underdrain flow of the last step, all units [m³/s].
  double drain_flow() const;

  /// Starts a runoff step: this step's drains become last step's.
  void begin_step();
  LidStepVolumes step(const LidStepInput& in, int outlet_node, int outlet_sub);
  /// Adds the underdrain flows sent to nodes, interpolated between the last two runoff times
  /// by f, to q[node] [m³/s]; returns the sum added.
  double add_drain_inflows(double f, std::vector<double>& q) const;
  /// The state that changes during a run, as plain numbers (for checkpoints): every unit's
  /// levels, Green-Ampt state, dry time and drain flows, and the flow returned to the pervious
  /// area. set_state() takes back what state() gave for the same model; it throws
  /// std::invalid_argument when the count does not fit.
  std::vector<double> state() const;
  void set_state(const std::vector<double>& values);
  /// Calls fn(subcatchment, flow [m³/s]) for last step's drains sent to other subcatchments.
  template <class F>
  void for_each_drain_runon(int self, F&& fn) const {
    for (const Unit& u : units_)
      if (u.drain_sub >= 0 && u.drain_sub != self) fn(u.drain_sub, u.old_drain);
  }

 private:
  struct Unit {
    const LidProcess<double>* process = nullptr;
    LidUnitState<double> state{};
    pipe::CurveView drain_curve{};               // into the model's curves
    soil::GreenAmptParams<double> swale_soil{};  // ks = 0: not a Green-Ampt swale
    double area = 0.0, width = 0.0, total_area = 0.0;
    double from_imperv = 0.0, from_perv = 0.0;
    bool to_perv = false;
    int drain_node = -1, drain_sub = -1;
    double old_drain = 0.0, new_drain = 0.0;  // [m³/s]
  };
  std::vector<Unit> units_;
  double area_ = 0.0;
  double flow_to_perv_ = 0.0;
};

}  // namespace sf::runoff
