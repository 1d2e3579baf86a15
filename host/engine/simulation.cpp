#include "engine/simulation.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace sf {

namespace {

/// The dry threshold a run uses: the case's, raised in fp32 to a few units in the last place of
/// the highest water level the grid can hold (levels are stored relative to the lowest bed), so
/// that a depth is never below the resolution of the level it is computed from.
double effective_dry_depth(const SurfaceSetup& s, Precision precision) {
  const double asked = s.numerics.dry_depth;
  if (precision != Precision::kF32) return asked;
  double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
  for (std::size_t k = 0; k < s.z.size(); ++k) {
    if (!s.active[k]) continue;
    const double h0 = s.h0.empty() ? 0.0 : s.h0[k];
    lo = std::min(lo, s.z[k]);
    hi = std::max(hi, s.z[k] + h0);
  }
  if (!(hi > lo)) return asked;
  return std::max(asked, kDryDepthUlps * double(std::numeric_limits<float>::epsilon()) * (hi - lo));
}

}  // namespace

Simulation::Simulation(SurfaceSetup setup, Backend backend, Precision precision)
    : setup_(std::move(setup)), layout_(build_surface_layout(setup_)) {
  const NumericsSpec& num = setup_.numerics;
  if (!(num.cfl > 0 && num.cfl <= kPositivityCourant))
    throw std::invalid_argument("CFL must be in (0, 0.5]: the positivity bound of the scheme");
  if (!(num.max_dt > 0)) throw std::invalid_argument("max_dt must be > 0");
  if (!(num.gravity > 0)) throw std::invalid_argument("gravity must be > 0");
  dry_depth_ = effective_dry_depth(setup_, precision);
  setup_.numerics.dry_depth = dry_depth_;
  layout_.init.dry_depth = dry_depth_;
  solver_ = make_surface_solver(backend, precision, layout_.init);
  speed_ = solver_->max_wave_speed();
  initial_volume_ = solver_->water_volume();
  std::size_t active = 0;
  for (unsigned char a : setup_.active) active += a ? 1 : 0;
  // A source pours water into its cells before the update that moves it, with a step chosen from
  // the state before; bound the step so the depth it adds, dh = q dt, keeps the front speed 2
  // sqrt(g dh) within the CFL condition: dt <= (cfl dx / (2 sqrt(g q)))^(2/3), q in m/s.
  source_dt_limit_ = num.max_dt;
  const double area = setup_.grid.dx * setup_.grid.dx;
  for (std::size_t q = 0; q < setup_.sources.size(); ++q) {
    double peak = 0.0;
    for (double v : setup_.sources[q].discharge.values()) peak = std::max(peak, std::abs(v));
    const double rate = peak / (layout_.source_cell_count[q] * area);
    if (rate > 0)
      source_dt_limit_ = std::min(
          source_dt_limit_,
          std::pow(num.cfl * setup_.grid.dx / (2.0 * std::sqrt(num.gravity * rate)), 2.0 / 3.0));
  }
  active_area_ = double(active) * setup_.grid.dx * setup_.grid.dx;
}

SurfaceStepInputs Simulation::forcing(double t0, double t1) const {
  SurfaceStepInputs in;
  in.dt = t1 - t0;
  in.time_end = t1;
  const double a = setup_.start_time + t0, b = setup_.start_time + t1;
  in.rain_rate = setup_.rain.mean(a, b);
  for (std::size_t s = 0; s < setup_.boundaries.size(); ++s) {
    const BoundarySegmentSpec& seg = setup_.boundaries[s];
    if (seg.kind == swe::EdgeKind::kLevel) in.segment[s] = seg.series.mean(a, b);
    if (seg.kind == swe::EdgeKind::kInflow) {
      in.segment[s] = seg.series.mean(a, b) / layout_.segment_length[s];
      if (!seg.inflow_depth.empty()) in.segment_depth[s] = seg.inflow_depth.mean(a, b);
    }
  }
  in.source_q.resize(setup_.sources.size());
  for (std::size_t q = 0; q < setup_.sources.size(); ++q)
    in.source_q[q] = setup_.sources[q].discharge.mean(a, b);
  return in;
}

double Simulation::forcing_wave_speed(double t0, double t1) const {
  const double g = setup_.numerics.gravity;
  double speed = 0.0;
  for (std::size_t s = 0; s < setup_.boundaries.size(); ++s) {
    const BoundarySegmentSpec& seg = setup_.boundaries[s];
    const double a = setup_.start_time + t0, b = setup_.start_time + t1;
    if (seg.kind == swe::EdgeKind::kInflow) {
      // The boundary state is at least as deep as the given or critical depth, so its waves are
      // at most this fast.
      const double q = std::abs(seg.series.max_over(a, b)) / layout_.segment_length[s];
      if (q <= 0) continue;
      double h = std::cbrt(q * q / g);
      if (!seg.inflow_depth.empty())
        h = std::min(h, std::max(seg.inflow_depth.max_over(a, b), 0.0));
      if (h > 0) speed = std::max(speed, q / h + std::sqrt(g * h));
    } else if (seg.kind == swe::EdgeKind::kLevel) {
      const double h_out = seg.series.max_over(a, b) - layout_.segment_min_bed[s];
      if (h_out > 0) speed = std::max(speed, 2.0 * std::sqrt(g * h_out));
    }
  }
  return speed;
}

double Simulation::rain_dt_limit() const {
  // Rain on a dry cell makes a film R dt deep whose front spreads at 2 sqrt(g R dt); keep that
  // within the CFL bound: dt <= (cfl dx / (2 sqrt(g R)))^(2/3).
  const double rate =
      setup_.rain_field ? rain_field_max_
                        : setup_.rain.max_over(setup_.start_time + time_,
                                               setup_.start_time + time_ + setup_.numerics.max_dt);
  if (!(rate > 0)) return setup_.numerics.max_dt;
  const NumericsSpec& num = setup_.numerics;
  return std::pow(num.cfl * setup_.grid.dx / (2.0 * std::sqrt(num.gravity * rate)), 2.0 / 3.0);
}

double Simulation::planned_dt(double t_limit) const {
  const NumericsSpec& num = setup_.numerics;
  const double speed =
      std::max(speed_, forcing_wave_speed(time_, std::min(t_limit, time_ + num.max_dt)));
  double dt = speed > 0 ? num.cfl * setup_.grid.dx / speed : num.max_dt;
  dt = std::min({dt, num.max_dt, source_dt_limit_, rain_dt_limit()});
  // Land exactly on t_limit; avoid leaving a sliver step shorter than a thousandth of dt.
  if (time_ + dt * 1.001 >= t_limit) dt = t_limit - time_;
  return dt;
}

double Simulation::step(double t_limit) {
  if (setup_.rain_field) {
    if (time_ >= field_valid_until_) {
      setup_.rain_field->field_at(time_, rain_buffer_);
      solver_->set_rain_field(rain_buffer_);
      rain_field_sum_ = 0.0;
      rain_field_max_ = 0.0;
      for (std::size_t k = 0; k < rain_buffer_.size(); ++k)
        if (setup_.active[k]) {
          rain_field_sum_ += double(rain_buffer_[k]);
          rain_field_max_ = std::max(rain_field_max_, double(rain_buffer_[k]));
        }
      field_valid_until_ = setup_.rain_field->next_change(time_);
    }
    t_limit = std::min(t_limit, field_valid_until_);
  }
  double dt = planned_dt(t_limit);
  const double dx = setup_.grid.dx;
  SurfaceStepInputs in;
  for (int attempt = 0;; ++attempt) {
    if (!(dt > 0) || !std::isfinite(dt) || attempt > kMaxRetakes)
      throw std::runtime_error("time step collapsed to " + std::to_string(dt) +
                               " s at t = " + std::to_string(time_) + " s (max wave speed " +
                               std::to_string(speed_) + " m/s): the solution has become unstable");
    in = forcing(time_, time_ + dt);
    in.stage_speed_limit = kStageCourantLimit * dx / dt;
    const StepResult r = solver_->advance(in);
    if (r.accepted) {
      speed_ = r.speed;
      break;
    }
    // The first stage sped up past the positivity bound: retake with the step that bound allows.
    ++retakes_;
    dt = std::min(dt, setup_.numerics.cfl * dx / r.stage_speed);
  }
  if (!std::isfinite(speed_))
    throw std::runtime_error("non-finite wave speed after the step at t = " +
                             std::to_string(time_) + " s: the solution has become unstable");
  rain_volume_ +=
      setup_.rain_field ? rain_field_sum_ * dx * dx * dt : in.rain_rate * dt * active_area_;
  // A step planned to land on t_limit lands on it exactly (no sliver steps from roundoff).
  time_ = dt == t_limit - time_ ? t_limit : time_ + dt;
  ++steps_;
  min_dt_ = steps_ == 1 ? dt : std::min(min_dt_, dt);
  max_dt_ = std::max(max_dt_, dt);
  return dt;
}

void Simulation::advance_to(double t) {
  while (time_ < t) step(t);
}

VolumeBalance Simulation::balance() {
  VolumeBalance b;
  b.initial_volume = initial_volume_;
  b.rain = rain_volume_;
  const BoundaryVolumes bv = solver_->boundary_volumes();
  b.boundary_outflow = bv.out;
  b.boundary_inflow = bv.in;
  b.clamp = solver_->clamp_volume();
  const SourceVolumes sv = solver_->source_volumes();
  for (double v : sv.in) b.source_inflow += v;
  for (double v : sv.out) b.source_outflow += v;
  const SoilVolumes soil = solver_->soil_volumes();
  b.infiltration = soil.infiltrated;
  b.underdrain = soil.drained;
  b.evaporation = soil.evaporated;
  b.lid_storage_change = soil.lid_storage_change;
  b.final_volume = solver_->water_volume();
  return b;
}

SurfaceSnapshot Simulation::snapshot(int index) {
  SurfaceFields f;
  solver_->read_fields(f);
  SurfaceSnapshot s;
  s.time_s = time_;
  s.index = index;
  s.grid = &setup_.grid;
  const std::size_t n = f.h.size();
  s.active.assign(setup_.active.begin(), setup_.active.end());
  s.bed = setup_.z;
  s.depth = f.h;
  s.max_depth = f.hmax;
  s.max_speed = f.max_speed;
  s.max_hazard = f.max_hazard;
  s.time_of_max_depth = f.time_of_max_depth;
  s.time_first_wet = f.time_first_wet;
  s.duration_flooded = f.duration_flooded;
  s.duration_above_user = f.duration_user;
  s.wet_threshold_m = setup_.wet_threshold;
  s.flood_threshold_m = setup_.flood_threshold;
  s.user_threshold_m = setup_.user_threshold;
  s.level.resize(n);
  s.u.assign(n, 0.0);
  s.v.assign(n, 0.0);
  s.speed.assign(n, 0.0);
  for (std::size_t k = 0; k < n; ++k) {
    s.level[k] = setup_.z[k] + f.h[k];
    if (f.h[k] > setup_.numerics.dry_depth) {
      s.u[k] = f.qx[k] / f.h[k];
      s.v[k] = f.qy[k] / f.h[k];
      s.speed[k] = std::hypot(s.u[k], s.v[k]);
    }
  }
  return s;
}

double Simulation::boundary_outflow_total() {
  return solver_->boundary_volumes().out;
}

RunResult Simulation::run(const std::vector<SnapshotWriter*>& writers,
                          const std::function<void(const Progress&)>& progress,
                          double progress_interval_s, double hydrograph_interval_s,
                          const RunHooks& hooks) {
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(clock::now() - start).count(); };
  const double duration = setup_.duration;
  const double interval = setup_.output_interval > 0 ? setup_.output_interval : duration;
  const double cells = double(solver_->cell_count());

  RunCursor& c = cursor_;
  auto emit = [&] {
    if (!writers.empty()) {
      const SurfaceSnapshot s = snapshot(c.next_frame);
      for (SnapshotWriter* w : writers) w->write(s);
    }
    if (hooks.on_output) hooks.on_output(c.next_frame, time_);
    c.frame_times.push_back(time_);
    ++c.next_frame;
  };
  if (!c.started) {
    c.steps_at_start = steps_;
    c.regular_output = interval;
    // From a forecast's state (not started, at t > 0): the samples stay on the regular grid of
    // the run that wrote it, so the rows after t are that run's rows.
    c.next_sample = hydrograph_interval_s;
    while (hydrograph_interval_s > 0 && c.next_sample <= time_)
      c.next_sample += hydrograph_interval_s;
    c.sample_t = time_;
    c.sample_v = boundary_outflow_total();
    emit();
    c.started = true;
  }
  // A continued run may have a later end than the one that saved the cursor (whose last output
  // was clamped to its end): the output times go on from the regular grid.
  while (c.regular_output <= time_ && time_ < duration) c.regular_output += interval;
  double next_output = std::min(c.regular_output, duration);
  double last_report = 0.0;
  RunResult r;
  // Outflow hydrograph: edge volumes are read back every hydrograph interval (a small copy of
  // the perimeter arrays), never inside a step.
  auto sample = [&] {
    const double v = boundary_outflow_total();
    const double q = time_ > c.sample_t ? (v - c.sample_v) / (time_ - c.sample_t) : 0.0;
    c.hydrograph.emplace_back(time_, q);
    if (q > c.peak_outflow_m3s) {
      c.peak_outflow_m3s = q;
      c.time_of_peak_outflow_s = time_;
    }
    c.sample_t = time_;
    c.sample_v = v;
    if (hooks.on_sample) hooks.on_sample(time_);
  };
  const long long steps0 = steps_;
  while (time_ < duration) {
    const double dt = hooks.step ? hooks.step(next_output) : step(next_output);
    if (time_ >= next_output) {
      emit();
      while (c.regular_output <= time_) c.regular_output += interval;  // not after a clamped end
      next_output = std::min(c.regular_output, duration);
    }
    if (hydrograph_interval_s > 0 && (time_ >= c.next_sample || time_ >= duration)) {
      sample();
      while (c.next_sample <= time_) c.next_sample += hydrograph_interval_s;
    }
    if (hooks.on_step_end) hooks.on_step_end(time_);
    if (progress && elapsed() - last_report >= progress_interval_s) {
      last_report = elapsed();
      Progress p;
      p.time_s = time_;
      p.duration_s = duration;
      p.steps = steps_;
      p.wall_s = last_report;
      p.cell_updates_per_s = last_report > 0 ? double(steps_ - steps0) * cells / last_report : 0;
      p.eta_s = time_ > 0 ? last_report * (duration - time_) / time_ : 0;
      p.dt_s = dt;
      progress(p);
    }
  }
  for (SnapshotWriter* w : writers) w->close();

  r.steps = steps_ - c.steps_at_start;
  r.simulated_s = duration;
  r.wall_s = elapsed();
  r.cell_updates_per_s = r.wall_s > 0 ? double(steps_ - steps0) * cells / r.wall_s : 0.0;
  r.outflow_hydrograph = c.hydrograph;
  r.peak_outflow_m3s = c.peak_outflow_m3s;
  r.time_of_peak_outflow_s = c.time_of_peak_outflow_s;
  r.min_dt_s = min_dt_;
  r.max_dt_s = max_dt_;
  r.active_area_m2 = active_area_;
  r.balance = balance();
  SurfaceFields f;
  solver_->read_fields(f);
  const double cell_area = setup_.grid.dx * setup_.grid.dx;
  for (std::size_t k = 0; k < f.hmax.size(); ++k) {
    if (!setup_.active[k]) continue;
    r.max_depth_m = std::max(r.max_depth_m, f.hmax[k]);
    if (f.hmax[k] > setup_.flood_threshold) {
      r.flooded_area_m2 += cell_area;
      r.flooded_volume_m3 += f.hmax[k] * cell_area;
    }
  }
  if (progress) {
    Progress p;
    p.time_s = time_;
    p.duration_s = duration;
    p.steps = steps_;
    p.wall_s = r.wall_s;
    p.cell_updates_per_s = r.cell_updates_per_s;
    progress(p);
  }
  return r;
}

}  // namespace sf
