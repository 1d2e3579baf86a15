// The backend-neutral interface of the routing core: the host side of the engine
// (NetworkEngine) talks to it; EngineCore<Exec> implements it for OpenMP and CUDA.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/state_record.hpp"
#include "network/engine_view.hpp"
#include "network/network_data.hpp"

namespace sf::network {

/// Arrays that can be read back from the backend.
enum class Field {
  NodeDepth,
  NodeDepthOld,
  NodeVolume,
  NodeInflow,
  NodeInflowOld,
  NodeOverflow,
  NodeLatFlow,
  NodeMaxDepth,
  NodeFloodVolume,
  NodeTimeFlooded,
  NodeOutfallVolume,
  NodeMaxInflow,
  LinkFlow,
  LinkFlowOld,
  LinkDepth,
  LinkVolume,
  LinkSetting,
  LinkMaxFlow,
  LinkMaxVelocity,
  LinkPumpVolume,
  LinkPumpStartups,
  LinkTimeOn,
  LinkPumpMinFlow,
  LinkPumpFlowSum,
  LinkPumpPeriods,
  LinkPumpOffLow,
  LinkPumpOffHigh,
  LinkPumpEnergy,
  LinkFroude,
  // water quality: element x pollutant (element-major), empty without pollutants
  NodeQuality,
  LinkQuality,
  OutfallLoad,
  NodeOutMass,
  NodeFloodMass,
  NodeReactedMass,
  LinkReactedMass,
  NodeDroppedMass,
  LinkDroppedMass
};

/// Initial state computed on the host.
struct InitialState {
  std::vector<double> node_depth, node_volume;
  std::vector<double> node_inflow, node_outflow;  // the links' initial flows at each node
  std::vector<double> link_flow, link_q1, link_depth, link_volume, link_area, link_setting;
  std::vector<double> node_quality, link_quality;  // element x pollutant
};

/// The state that pump start/stop depths and control rules read at the start of a step.
struct ControlState {
  std::vector<double> node_depth, node_volume, node_inflow;
  std::vector<double> link_flow, link_depth, link_setting;
};

struct TrialReport {
  int trials = 0;
  bool converged = false;
  OutflowTotals outflow;  // system outflow rates at the end of the step [m³/s]
};

class EngineBackend {
 public:
  virtual ~EngineBackend() = default;
  virtual const char* name() const = 0;
  virtual void upload_network(const NetworkData& net) = 0;
  virtual void upload_state(const InitialState& s) = 0;
  virtual void set_lateral_inflows(const std::vector<double>& q) = 0;
  virtual void set_outfall_stages(const std::vector<double>& stage) = 0;
  virtual void set_link_settings(const std::vector<double>& setting) = 0;
  virtual void set_regulators(const std::vector<RegulatorParams>& r) = 0;
  /// Lateral pollutant mass inflow of the next step per node and pollutant (node-major),
  /// in concentration units x m³/s.
  virtual void set_lateral_loads(const std::vector<double>& w) = 0;
  /// One routing step of length dt: Picard trials until convergence, pollutant routing, then
  /// statistics. Ends
  /// with the step's one wait for the device (its report, and the mirrored control state).
  virtual TrialReport route(double dt, int max_trials) = 0;
  /// When on, every route() also brings back the ControlState at the end of the step in the
  /// same wait, so controls need no reads of their own.
  virtual void mirror_control_state(bool on) = 0;
  /// The ControlState mirrored by the last route() (empty vectors while mirroring is off).
  virtual void read_control_state(ControlState& out) const = 0;
  /// Courant / depth-change limited step, at most max_step.
  virtual double stable_step(double max_step, double courant) = 0;
  virtual void read(Field f, std::vector<double>& out) const = 0;
  /// Allocates the coupling arrays (zero); call after upload_network().
  virtual void enable_coupling() = 0;
  /// Pointers into the backend's memory; valid until the next upload_network().
  virtual CouplingArrays coupling_arrays() = 0;
  /// Every buffer the routing carries between steps, as entries `network_<name>` (checkpoints).
  virtual void save_state(StateRecord& record) const = 0;
  /// Takes back what save_state wrote, after upload_network() and enable_coupling(). Throws
  /// std::invalid_argument naming the entry that is missing or of another length.
  virtual void load_state(const StateRecord& record) = 0;
};

std::unique_ptr<EngineBackend> make_omp_backend();
/// nullptr when the CUDA backend was not built.
std::unique_ptr<EngineBackend> make_cuda_backend();

}  // namespace sf::network
