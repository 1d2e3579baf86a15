// NetworkEngine: the 1D dynamic-wave pipe-network engine (SWMM 5.2 compatible). One object per
// network, no globals: start(), step() until done(), finish(); typed accessors in SI units.
// The routing kernels run on the backend chosen by name ("cpu" = OpenMP, "cuda").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/state_record.hpp"
#include "inp/model.hpp"
#include "network/engine_backend.hpp"
#include "network/engine_view.hpp"
#include "network/network_data.hpp"

namespace sf::network {

/// Flow-routing continuity ledger (volumes in m³), as SWMM's report defines it.
struct MassBalance {
  double dry_weather_inflow = 0.0;
  double external_inflow = 0.0;
  double surface_inflow = 0.0;    // net lateral inflow imposed by a 1D-2D coupler (signed)
  double external_outflow = 0.0;  // through outfalls (and withdrawals)
  double flooding = 0.0;
  double initial_storage = 0.0;
  double final_storage = 0.0;
  /// 100 * (1 - (outflow + flooding + final storage) / (inflows + initial storage)).
  double continuity_error_pct() const;
};

/// Quality routing continuity of one pollutant, as SWMM's report defines it, in kg (counts for
/// #/L pollutants).
struct QualityBalance {
  std::string pollutant;
  inp::ConcentrationUnits units = inp::ConcentrationUnits::MgPerL;
  double dry_weather_inflow = 0.0;
  double external_inflow = 0.0;
  double initial_storage = 0.0;
  double outflow = 0.0;   // through outfalls and withdrawals
  double flooding = 0.0;  // lost with flooded water
  double reacted = 0.0;   // lost to first-order decay
  double final_storage = 0.0;
  /// 100 * (1 - (outflow + flooding + reacted + final storage) / (inflows + initial storage)).
  double continuity_error_pct() const;
};

/// End-of-run statistics per element (SI).
struct NetworkStatistics {
  std::vector<double> node_max_depth, node_flood_volume, node_hours_flooded, node_max_inflow;
  std::vector<double> outfall_volume;  // per node (0 for non-outfalls)
  /// Load through each outfall, node x pollutant (node-major), kg or counts (#/L); empty
  /// without pollutants.
  std::vector<double> outfall_load;
  std::vector<double> link_max_flow, link_max_velocity;
  std::vector<double> pump_volume, pump_hours_on;
  std::vector<int> pump_startups;
  // SWMM's Pumping Summary, per link (0 for other links): share of the routed time running,
  // least and step-averaged flow while running [m³/s] (SWMM 5.2.4 prints its minimum as 0: it
  // starts it at 0), time off the curve's low and high ends as a share of the running time,
  // and the energy given to the water [kWh].
  std::vector<double> pump_pct_utilized, pump_min_flow, pump_avg_flow, pump_pct_off_curve_low,
      pump_pct_off_curve_high, pump_energy_kwh;
  int steps = 0;
  double total_trials = 0.0;
  int unconverged_steps = 0;
  double min_step = 0.0, max_step = 0.0;
};

class RuleSet;
class Forcing;

class NetworkEngine {
 public:
  /// Builds the network (SWMM's input adjustments included). Throws sf::InputError.
  explicit NetworkEngine(const inp::Model& model, const std::string& backend = "cpu");
  /// The engine keeps a reference to the model: a temporary would dangle.
  explicit NetworkEngine(inp::Model&&, const std::string& = "cpu") = delete;
  ~NetworkEngine();
  NetworkEngine(const NetworkEngine&) = delete;
  NetworkEngine& operator=(const NetworkEngine&) = delete;

  void start();
  /// One routing step; returns false once the end time was reached.
  bool step();
  /// Steps until time() reaches t (s since start) without passing it: the last step is cut
  /// short to land on t. Returns false if the end time stopped it earlier.
  bool step_until(double t);
  void finish();
  bool done() const { return t_ >= net_.duration - 1e-9; }

  double time() const { return t_; }             // seconds since start
  double last_step() const { return last_dt_; }  // [s]
  const NetworkData& network() const { return net_; }
  const MassBalance& mass_balance() const { return ledger_; }
  /// Pollutants routed (0 without [POLLUTANTS] or with IGNORE_QUALITY).
  int pollutant_count() const { return net_.pollutant_count(); }
  /// Quality routing continuity per pollutant so far (stored mass as of now).
  std::vector<QualityBalance> quality_balance() const;
  /// Cumulative load through each outfall, node x pollutant, kg or counts (see statistics()).
  std::vector<double> outfall_loads() const;
  /// Concentration of pollutant p in node i / link j now (the pollutant's units).
  double node_concentration(int i, int p) const;
  double link_concentration(int j, int p) const;
  /// Lateral inflows and the subcatchments' runoff (Forcing::runoff()).
  const Forcing& forcing() const { return *forcing_; }
  NetworkStatistics statistics() const;
  std::string backend_name() const;

  int node_index(const std::string& id) const;
  int link_index(const std::string& id) const;
  double node_depth(int i) const;
  double node_head(int i) const;
  double node_inflow(int i) const;
  double node_volume(int i) const;  // water stored in node i [m³]
  double link_flow(int j) const;    // signed in the .inp's from -> to direction
  double link_depth(int j) const;
  double link_velocity(int j) const;
  double link_setting(int j) const;
  /// All node depths / link flows (.inp sign) interpolated at time t within the last step.
  void interpolated_state(double t, std::vector<double>& depth, std::vector<double>& flow) const;
  /// Control actions taken so far: time [s], link, new setting.
  struct ActionLog {
    double t;
    int link;
    double setting;
    std::string rule;
  };
  const std::vector<ActionLog>& actions() const { return actions_; }

  // 1D-2D coupling (host/couple/coupled_simulation.hpp). Nodes named coupled before start()
  // never pond: water above their full depth floods, and the coupler takes it to the surface.
  // The coupler's kernels exchange through the backend's own node arrays, so no node array
  // crosses to the host per step.
  /// Marks nodes as coupled to the surface and allocates the coupling arrays; before start().
  void set_coupled_nodes(const std::vector<int>& nodes);
  /// The node arrays the coupler reads (depth, volume, cumulative flooding and outfall volume
  /// as the ledger books it) and the inflow it writes (m³/s, added to each node's lateral
  /// inflow every step, booked as MassBalance::surface_inflow), in the backend's memory.
  CouplingArrays coupling_arrays();
  /// Water stored in nodes and links now (m³).
  double storage_volume() const { return stored_volume(); }

  // Checkpoints (docs/checkpoints.md; network_engine_state.cpp).
  /// Everything the next steps depend on, as entries `network_*` (and `runoff_*` with
  /// subcatchments); after start().
  void save_state(StateRecord& record) const;
  /// Takes back a save_state of the same network, after start() (and set_coupled_nodes() when it
  /// was coupled). Throws std::invalid_argument naming the entry that is missing or does not fit.
  void load_state(const StateRecord& record);

 private:
  void initial_state();
  void apply_controls(double dt);
  double next_step_length();
  double stored_volume() const;
  void refresh_cache() const;
  void take_mirrored_state();
  bool advance(double t_limit);
  void read_pump_summary(NetworkStatistics& s) const;

  const inp::Model& model_;
  NetworkData net_;
  std::unique_ptr<EngineBackend> backend_;
  std::unique_ptr<Forcing> forcing_;
  std::unique_ptr<RuleSet> rules_;
  MassBalance ledger_;
  std::vector<double> settings_;
  std::vector<double> lat_;
  std::vector<double> stage_;
  double t_ = 0.0, last_dt_ = 0.0, variable_step_ = 0.0;
  double rule_time_ = 0.0;  // when control rules were last due (RULE_STEP) [s]
  // rates of the previous step for the trapezoidal ledger [m³/s]
  double prev_ext_ = 0.0, prev_dwf_ = 0.0, prev_out_ = 0.0, prev_flood_ = 0.0;
  /// Pollutant inflows booked like the flow ledger, per pollutant in concentration x m³ (the
  /// outflows, decay and storage are summed from the backend's arrays).
  struct QualityLedger {
    std::vector<double> dwf, external, initial, prev_dwf, prev_ext;
  } qledger_;
  void book_quality_inflows(double t, double dt);
  std::vector<double> loads_, step_dwf_load_, step_ext_load_;  // scratch of one step
  bool coupled_ = false;
  bool started_ = false;
  int steps_ = 0, unconverged_ = 0;
  double trials_ = 0.0, min_dt_ = 1e30, max_dt_ = 0.0;
  bool need_state_for_controls_ = false;
  std::vector<ActionLog> actions_;
  // scratch of apply_controls and take_mirrored_state, kept so that a step allocates nothing
  std::vector<double> control_target_, rule_full_depth_, rule_link_flow_;
  ControlState mirror_scratch_;
  mutable bool cache_valid_ = false;
  mutable std::vector<double> c_depth_, c_volume_, c_inflow_, c_flow_, c_ldepth_, c_setting_;
};

}  // namespace sf::network
