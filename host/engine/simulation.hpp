// The surface time loop: forcing, surface step, diagnostics, output - in that order each step.
#pragma once

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/backend.hpp"
#include "engine/mass_balance.hpp"
#include "engine/snapshot.hpp"
#include "common/state_record.hpp"
#include "engine/surface_layout.hpp"
#include "engine/surface_setup.hpp"
#include "engine/surface_solver.hpp"

namespace sf {

/// Courant number up to which a forward-Euler stage keeps depths non-negative with the wave speeds
/// of swe::cell_wave_speed (Audusse et al. 2004); the largest cfl a case may ask for.
constexpr double kPositivityCourant = 0.5;
/// Courant number of an order-2 first stage above which the step is retaken: the positivity bound
/// plus 1 % so that a stage as fast as the step's start (a steady boundary state) is not retaken
/// for roundoff; the depth-clamp ledger term shows what such a margin costs.
constexpr double kStageCourantLimit = 1.01 * kPositivityCourant;
/// Units in the last place of the highest level that an fp32 dry threshold covers.
constexpr double kDryDepthUlps = 4.0;
/// Retakes of one step before the run is declared unstable.
constexpr int kMaxRetakes = 20;

struct Progress {
  double time_s = 0, duration_s = 0;  // simulated since start
  long long steps = 0;
  double wall_s = 0;
  double cell_updates_per_s = 0;
  double eta_s = 0;  // estimated wall seconds left
  double dt_s = 0;   // last step
};

struct RunResult {
  long long steps = 0;
  double simulated_s = 0;
  double wall_s = 0;
  double cell_updates_per_s = 0;
  double min_dt_s = 0, max_dt_s = 0;
  double max_depth_m = 0;
  double flooded_area_m2 = 0;    // cells whose max depth exceeded the flood threshold
  double flooded_volume_m3 = 0;  // sum over those cells of max depth x cell area
  // Surface outflow through the domain edges, sampled every hydrograph_interval (s, m^3/s).
  std::vector<std::pair<double, double>> outflow_hydrograph;
  double peak_outflow_m3s = 0, time_of_peak_outflow_s = 0;
  double active_area_m2 = 0;
  VolumeBalance balance;
};

/// Lets a coupler drive the run loop (host/app): `step` replaces the surface step (it must advance
/// this Simulation, e.g. through advance_step); `on_output` runs after each snapshot (its index),
/// `on_sample` after each hydrograph sample. Empty functions are skipped.
struct RunHooks {
  std::function<double(double t_limit)> step;
  std::function<void(int index, double t)> on_output;
  std::function<void(double t)> on_sample;
  /// After each step, once its snapshot and sample (if any) are written: the point where the
  /// whole run state is consistent, e.g. for writing a checkpoint (save_state).
  std::function<void(double t)> on_step_end;
};

/// Where the run loop stands between two steps: what a continuation needs besides the fields.
struct RunCursor {
  bool started = false;       // the initial snapshot was written
  int next_frame = 0;         // index of the next snapshot (= snapshots written)
  double regular_output = 0;  // next multiple of the output interval (s), before the end clamp
  double next_sample = 0;     // next hydrograph sample (s)
  double sample_t = 0, sample_v = 0;  // last sample: time (s), boundary outflow total (m^3)
  long long steps_at_start = 0;       // steps_ when the run began (0 unless advanced before)
  std::vector<double> frame_times;    // time of each snapshot written (s)
  std::vector<std::pair<double, double>> hydrograph;  // (s, m^3/s) so far
  double peak_outflow_m3s = 0, time_of_peak_outflow_s = 0;
};

class Simulation {
 public:
  Simulation(SurfaceSetup setup, Backend backend, Precision precision);

  /// Runs to the end. Writers receive the initial state, every output time and the final state.
  /// progress is called at most every `progress_interval_s` wall seconds.
  RunResult run(const std::vector<SnapshotWriter*>& writers,
                const std::function<void(const Progress&)>& progress = {},
                double progress_interval_s = 1.0, double hydrograph_interval_s = 60.0,
                const RunHooks& hooks = {});

  /// Advance without output until t (s since start); for tests.
  void advance_to(double t);
  /// One step not past t_limit (s since start); returns its length. For couplers that act
  /// between steps (host/couple/coupled_simulation.hpp).
  double advance_step(double t_limit) { return step(t_limit); }
  /// The length the next step would have (s) given t_limit; a rain field that changes sooner
  /// can still shorten it.
  double planned_dt(double t_limit) const;
  /// Re-measures the wave speed after water was put into the state from outside (coupling), so
  /// the next step's CFL bound sees it.
  void refresh_wave_speed() { speed_ = solver_->max_wave_speed(); }
  /// Raises the wave-speed bound to `speed` (m/s) when water added from outside made some cells
  /// faster; cheaper than refresh_wave_speed when the coupler knows the speeds of those cells.
  void raise_wave_speed(double speed) { speed_ = std::max(speed_, speed); }
  double time() const { return time_; }
  long long steps() const { return steps_; }
  /// Order-2 steps retaken because their first stage broke the positivity bound.
  long long retakes() const { return retakes_; }
  /// The dry threshold in use (m): the case's, raised in fp32 (see effective_dry_depth).
  double dry_depth() const { return dry_depth_; }
  SurfaceSnapshot snapshot(int index);
  VolumeBalance balance();
  SurfaceSolver& solver() { return *solver_; }
  const SurfaceSetup& setup() const { return setup_; }
  double active_area() const { return active_area_; }
  /// Where the run loop stands; started is false until run() wrote the initial snapshot.
  const RunCursor& cursor() const { return cursor_; }

  /// The whole state between two steps of run() (called from RunHooks::on_step_end): the
  /// solver's fields and ledgers, the clock, dt bounds and history, the rain field in use and
  /// the run cursor. See docs/checkpoints.md for the entries.
  void save_state(StateRecord& record);
  /// Restores save_state's record; run() then continues where that run stood. Throws
  /// std::invalid_argument naming an entry that is missing or does not fit.
  void load_state(const StateRecord& record);

 private:
  double step(double t_limit);  // one step not past t_limit; returns dt
  SurfaceStepInputs forcing(double t0, double t1) const;
  /// Fastest wave of the boundary states that inflow and level edges can impose on [t0, t1] (m/s).
  double forcing_wave_speed(double t0, double t1) const;
  double rain_dt_limit() const;  // s; bounds the step while rain wets dry cells
  double boundary_outflow_total();

  SurfaceSetup setup_;
  SurfaceLayout layout_;
  std::unique_ptr<SurfaceSolver> solver_;
  double time_ = 0.0;
  long long steps_ = 0;
  long long retakes_ = 0;
  double dry_depth_ = 0.0;
  double speed_ = 0.0;            // max wave speed of the current state
  double source_dt_limit_ = 0.0;  // s; bounds the step while sources pour into dry cells
  double min_dt_ = 0.0, max_dt_ = 0.0;
  double active_area_ = 0.0;
  double initial_volume_ = 0.0;
  double rain_volume_ = 0.0;
  // Spatial rain: the field in use, valid until field_valid_until_ (s), and its sum (m/s).
  std::vector<float> rain_buffer_;
  double rain_field_sum_ = 0.0;
  double rain_field_max_ = 0.0;
  double field_valid_until_ = -1.0;
  RunCursor cursor_;
};

}  // namespace sf
