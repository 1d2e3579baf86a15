// The pipe-network half of `spongeflow run` for a case with [network]: builds the network and the
// coupler around the surface Simulation, drives the run loop through RunHooks, writes the network
// series (network.pvd), network_timeseries.csv and the network part of summary.json.
#pragma once

#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/case_config.hpp"
#include "couple/coupled_simulation.hpp"
#include "couple/coupling_points.hpp"
#include "engine/simulation.hpp"
#include "inp/model.hpp"
#include "io/run_summary.hpp"
#include "network/network_engine.hpp"
#include "viz/network_vtp_writer.hpp"

namespace sf::app {

/// Changes the .inp's model before the network is built (`spongeflow capacity`: the design storm
/// as every gage's rain).
using NetworkModelEdit = std::function<void(inp::Model&)>;

class CoupledRun {
 public:
  /// Reads the .inp and the coupling points, places them on the grid and starts the network.
  /// With [network] subcatchments = "ignore" the .inp's subcatchments are left out (a warning
  /// says how many); with "load_nodes" they load their outlet nodes, and those whose outline
  /// covers active cells are warned about. `edit` changes the model first. Throws
  /// sf::InputError for bad input (naming the file, line and node).
  CoupledRun(const config::CaseConfig& cfg, Simulation& surface, Backend backend,
             const std::string& out_dir, const NetworkModelEdit& edit = {});
  ~CoupledRun();

  /// A fresh run: starts network.pvd and network_timeseries.csv (its header and the row of t = 0).
  void start_outputs();
  /// A run continued from a checkpoint (after Simulation::load_state of the same record): takes
  /// back the network's, the exchange's and the outputs' state, cuts network_timeseries.csv back
  /// to the checkpoint's time and lists the earlier network snapshots in network.pvd. Throws
  /// std::invalid_argument naming the entry that does not fit, sf::InputError naming the CSV
  /// when it is missing or shorter than at the checkpoint.
  void restore_outputs(const StateRecord& record);
  /// A forecast from a checkpoint (after Simulation::load_state of the same record): takes back
  /// the network's and the exchange's state and the time-series memory (so the rows after the
  /// checkpoint are those of the run that wrote it), but starts its own network.pvd and
  /// network_timeseries.csv (the header and the row of the checkpoint's time) and counts the
  /// network's totals in summary.json (volumes, hours) from the checkpoint's time.
  void restore_fresh(const StateRecord& record);
  /// The network, exchange and output state, beside the surface's, for a checkpoint.
  void save_state(StateRecord& record);

  /// Hooks for Simulation::run: the coupled step, network snapshots, time-series rows.
  RunHooks hooks();
  /// Files written (relative to the output folder).
  std::vector<std::string> outputs() const;
  /// The network engine and its model, for what a forecast reads of it after each step.
  const network::NetworkEngine& engine() const { return *engine_; }
  const inp::Model& model() const { return model_; }
  /// Problems worth a warning found while setting up (rims far from the ground, ...).
  const std::vector<std::string>& warnings() const { return warnings_; }
  /// Where the network computes and why (couple/network_placement.hpp), for the run log.
  const std::string& placement() const { return placement_; }

  couple::CoupledBalance balance() { return coupler_->balance(); }
  /// Adds the exchange with the network to a surface ledger, so its continuity closes alone.
  void add_exchange(VolumeBalance& surface);
  /// The network section of summary.json.
  io::NetworkReport report();

 private:
  void write_snapshot(int index, double t);
  void write_sample(double t);
  void write_header();
  void restore_memory(const StateRecord& record);
  /// Leaves out or checks the .inp's subcatchments, as [network] subcatchments says.
  void settle_subcatchments(const NetworkModelEdit& edit);

  const config::CaseConfig& cfg_;
  Simulation& surface_;
  std::string out_dir_;
  inp::Model model_;
  std::unique_ptr<network::NetworkEngine> engine_;
  couple::CouplingPlan plan_;
  std::unique_ptr<couple::CoupledSimulation> coupler_;
  std::unique_ptr<viz::NetworkVtpSeriesWriter> vtp_;
  std::ofstream csv_;
  std::vector<std::string> warnings_;
  std::string placement_;
  std::vector<int> pumps_, storages_, outfalls_, conduits_;
  // state of the previous snapshot / sample, for rates by difference
  double snap_t_ = 0;
  std::vector<double> snap_flood_;
  double sample_t_ = 0;
  couple::CoupledBalance sample_balance_;
  std::string csv_path_;
  std::vector<double> surcharged_s_;  // per conduit: sampled time full (s)
  // A forecast's totals count from its state: the engine's totals then (restore_fresh).
  std::optional<network::NetworkStatistics> window_start_;
};

/// The coupled continuity table of a report, SWMM style (depths over `area_m2`).
std::string coupled_table_text(const io::NetworkReport& report, double area_m2);

}  // namespace sf::app
