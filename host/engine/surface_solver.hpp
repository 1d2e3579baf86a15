// Backend-neutral interface of the 2D surface solver. Implementations are one template
// (surface_solver_impl.hpp) instantiated per backend and precision; make_surface_solver() is the
// only place where the backend is chosen.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include "core/physical_constants.hpp"
#include "engine/exchange_runner.hpp"
#include "engine/backend.hpp"
#include "common/state_record.hpp"
#include "sponge/soil_model.hpp"
#include "swe/friction.hpp"
#include "engine/defaults.hpp"

namespace sf {

/// Everything the solver needs, as plain host arrays in SI units (index j * nx + i, south first).
struct SurfaceSolverInit {
  int nx = 0, ny = 0;
  double dx = 0.0;                   // m
  std::vector<double> z;             // bed elevation (m)
  std::vector<std::uint8_t> active;  // 1 active, 0 inactive (wall)
  swe::FrictionLaw friction_law = swe::FrictionLaw::kManning;
  std::vector<double> roughness;  // friction coefficient per cell; empty = roughness_uniform
  double roughness_uniform = 0.0;
  std::vector<double> h0;        // initial depth (m); empty = dry
  std::vector<double> qx0, qy0;  // initial unit discharges (m^2/s); empty = at rest
  std::array<std::vector<std::uint8_t>, 4> edge_kind;     // per side (W, E, S, N): swe::EdgeKind
  std::array<std::vector<std::uint8_t>, 4> edge_segment;  // per side: boundary segment number
  std::array<std::vector<double>, 4> edge_slope;          // per side: free edge energy slope (-)
  std::array<bool, 32> segment_is_level{};  // segment values that are water levels (m)
  // Sources: distinct cells, CSR entries (source index, weight) per cell.
  std::vector<std::int64_t> source_cells;
  std::vector<int> source_entry_begin;  // size source_cells.size() + 1 (or empty)
  std::vector<int> source_entry_source;
  std::vector<double> source_entry_weight;
  int order = 1;              // 1 or 2
  double dry_depth = 1e-6;    // m
  double gravity = kGravity;  // m s^-2
  // Infiltration and sponge measures per cell (absent: an impervious, sealed surface).
  struct Soil {
    soil::SoilModel model;
    std::vector<std::uint8_t> cell_class;  // index into model.classes per cell
    double evaporation_rate = 0.0;         // potential evaporation from LID measures (m/s)
  };
  std::optional<Soil> soil;
  // Event statistics (max speed and hazard, times of max depth and first wetting, durations).
  bool track_event_stats = false;
  double wet_threshold = 0.01;    // m
  double flood_threshold = kDefaultFloodThreshold;  // m
  double user_threshold = kDefaultUserThreshold;  // m
};

struct SurfaceStepInputs {
  double dt = 0.0;                         // s
  double rain_rate = 0.0;                  // m/s, uniform (ignored while a rain field is set)
  double time_end = 0.0;                   // s since start at the end of the step
  std::array<double, 32> segment{};        // per boundary segment: level (m) or unit inflow (m^2/s)
  std::array<double, 32> segment_depth{};  // per inflow segment: supercritical depth (m), 0 none
  std::vector<double> source_q;            // per source: discharge (m^3/s)
  // Order 2: the step is rejected, with no effect on the state or the ledger, when the wave speed
  // after its first stage exceeds this (m/s): the second stage would break the positivity bound.
  double stage_speed_limit = std::numeric_limits<double>::infinity();
};

/// Outcome of SurfaceSolver::advance.
struct StepResult {
  bool accepted = true;
  double speed = 0;        // accepted: max wave speed of the new state (m/s)
  double stage_speed = 0;  // order 2: max wave speed after the first stage (m/s)
};

struct SurfaceFields {
  std::vector<double> h, qx, qy, hmax;  // m, m^2/s, m^2/s, m
  // Event statistics, filled when tracked (see SurfaceSnapshot for units).
  std::vector<double> max_speed, max_hazard, time_of_max_depth, time_first_wet, duration_flooded,
      duration_user;
};

/// Volumes the soil step moved since the start, summed over cells (m^3).
struct SoilVolumes {
  double infiltrated = 0, lid_storage_change = 0, drained = 0, evaporated = 0;
};

struct BoundaryVolumes {
  double out = 0, in = 0;  // through the domain edges since the start (m^3)
};

struct SourceVolumes {
  std::vector<double> in, out;  // per distinct source cell (m^3), since the start
};

/// Volumes moved by add_volumes() since the start, summed over calls and cells (m^3, >= 0).
struct ExchangeVolumes {
  double added = 0, removed = 0;
};

class SurfaceSolver {
 public:
  virtual ~SurfaceSolver() = default;
  /// Largest max(|u|,|v|) + sqrt(g h) of the current state (m/s).
  virtual double max_wave_speed() = 0;
  /// Advances one step (one host sync at order 1, two at order 2), or rejects it without any
  /// effect when its first stage breaks inputs.stage_speed_limit.
  virtual StepResult advance(const SurfaceStepInputs& inputs) = 0;
  virtual void read_fields(SurfaceFields& fields) = 0;
  virtual double water_volume() = 0;  // m^3 over active cells, summed in double
  virtual BoundaryVolumes boundary_volumes() = 0;
  virtual SourceVolumes source_volumes() = 0;
  virtual SoilVolumes soil_volumes() = 0;
  /// Water added by clamping negative depths to zero since the start (m^3); a ledger term.
  virtual double clamp_volume() const = 0;
  /// Depths (m) of the given cells, one gather and one small copy back (1D-2D coupling).
  virtual void read_depths(const std::vector<std::int64_t>& cells, std::vector<double>& depth) = 0;
  /// Adds volume_m3[c] to cells[c] (m^3): positive adds water, negative removes at most what is
  /// there. The cells must be distinct and active. Returns the net volume actually exchanged
  /// (m^3, > 0 added); per-cell volumes go to `applied` when given, totals to exchange_volumes().
  virtual double add_volumes(const std::vector<std::int64_t>& cells,
                             const std::vector<double>& volume_m3,
                             std::vector<double>* applied = nullptr) = 0;
  virtual ExchangeVolumes exchange_volumes() const = 0;
  /// The device-resident 1D-2D exchange on this solver's state, in its execution space (the
  /// network arrays handed to it must live in the same memory space). Must not outlive the
  /// solver; its volumes are not in exchange_volumes().
  virtual std::unique_ptr<couple::ExchangeRunner> make_exchange(
      const couple::ExchangeLayout& layout) = 0;
  /// Rain per cell (m/s) from now on, replacing the uniform rate, until clear_rain_field().
  virtual void set_rain_field(const std::vector<float>& rate_m_per_s) = 0;
  virtual void clear_rain_field() = 0;
  /// Puts the evolving state (h, qx, qy, event statistics, soil and LID state, ledger totals)
  /// into `record` at the working precision ("surface_*", "soil_*"); see docs/checkpoints.md.
  virtual void save_state(StateRecord& record) = 0;
  /// Restores what save_state put, bit for bit; throws std::invalid_argument naming an entry
  /// that is missing or does not fit this solver (size, precision).
  virtual void load_state(const StateRecord& record) = 0;
  virtual Backend backend() const = 0;
  virtual Precision precision() const = 0;
  virtual std::int64_t cell_count() const = 0;
};

std::unique_ptr<SurfaceSolver> make_surface_solver(Backend backend, Precision precision,
                                                   const SurfaceSolverInit& init);

/// Factory of one backend; defined in that backend's translation unit.
std::unique_ptr<SurfaceSolver> make_cpu_surface_solver(Precision precision,
                                                       const SurfaceSolverInit& init);
std::unique_ptr<SurfaceSolver> make_cuda_surface_solver(Precision precision,
                                                        const SurfaceSolverInit& init);

}  // namespace sf
