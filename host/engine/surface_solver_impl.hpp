// The surface solver written once as a template over the real type T and the launch layer Exec.
// Included by exactly one translation unit per backend (surface_backend_cpu.cpp, *_cuda.cu).
#pragma once

#include <algorithm>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/exchange_runner_impl.hpp"
#include "engine/soil_state.hpp"
#include "engine/surface_solver.hpp"
#include "exchange/surface_exchange.hpp"
#include "launch/device_buffer.hpp"
#include "launch/discard.hpp"
#include "swe/point_sources.hpp"
#include "swe/surface_stage.hpp"

namespace sf {

template <class T, class Exec>
class SurfaceSolverImpl final : public SurfaceSolver {
  template <class U>
  using Buffer = launch::DeviceBuffer<U, Exec>;

  struct StateBuffers {
    Buffer<T> h, qx, qy;
    explicit StateBuffers(std::size_t n) : h(n), qx(n), qy(n) {}
    swe::StateIn<T> in() const { return {h.data(), qx.data(), qy.data()}; }
    swe::StateOut<T> out() { return {h.data(), qx.data(), qy.data()}; }
    void swap(StateBuffers& o) {
      h.swap(o.h);
      qx.swap(o.qx);
      qy.swap(o.qy);
    }
  };

 public:
  explicit SurfaceSolverImpl(const SurfaceSolverInit& init)
      : n_(std::int64_t(init.nx) * init.ny),
        order_(init.order),
        cur_(n_),
        next_(n_),
        stage_(init.order == 2 ? n_ : 0),
        hmax_(n_) {
    if (init.order != 1 && init.order != 2) throw std::invalid_argument("order must be 1 or 2");
    if (n_ >= (std::int64_t(1) << 31))
      throw std::invalid_argument("grids of 2^31 cells or more need domain decomposition");
    if (init.z.size() != std::size_t(n_) || init.active.size() != std::size_t(n_))
      throw std::invalid_argument("surface solver: z/active size does not match nx*ny");
    // Bed elevations are stored relative to the lowest active bed so that fp32 keeps mm accuracy
    // in water levels on terrain hundreds of metres above the datum.
    z_ref_ = std::numeric_limits<double>::max();
    for (std::int64_t k = 0; k < n_; ++k)
      if (init.active[k]) z_ref_ = std::min(z_ref_, init.z[k]);
    if (z_ref_ == std::numeric_limits<double>::max()) z_ref_ = 0.0;

    std::vector<T> z(n_);
    for (std::int64_t k = 0; k < n_; ++k) z[k] = init.active[k] ? T(init.z[k] - z_ref_) : T(0);
    z_.upload(z);
    active_.upload(init.active);
    if (!init.roughness.empty()) roughness_.upload(convert(init.roughness));
    cur_.h.upload(init.h0.empty() ? std::vector<T>(n_, T(0)) : masked(init.h0, init.active));
    if (!init.qx0.empty()) cur_.qx.upload(masked(init.qx0, init.active));
    if (!init.qy0.empty()) cur_.qy.upload(masked(init.qy0, init.active));
    hmax_.copy_from(cur_.h);

    for (int s = 0; s < 4; ++s) {
      const std::size_t len = s < 2 ? std::size_t(init.ny) : std::size_t(init.nx);
      const auto& kind = init.edge_kind[s];
      const auto& seg = init.edge_segment[s];
      const auto& slope = init.edge_slope[s];
      edge_kind_[s].upload(kind.empty() ? std::vector<std::uint8_t>(len, 0) : kind);
      edge_segment_[s].upload(seg.empty() ? std::vector<std::uint8_t>(len, 0) : seg);
      edge_slope_[s].upload(slope.empty() ? std::vector<T>(len, T(0)) : convert(slope));
    }
    point_view_at_buffers(init);
    segment_is_level_ = init.segment_is_level;
    cell_area_ = init.dx * init.dx;
    if (!init.source_cells.empty()) {
      source_cells_.upload(init.source_cells);
      source_begin_.upload(init.source_entry_begin);
      source_index_.upload(init.source_entry_source);
      source_weight_.upload(convert(init.source_entry_weight));
      source_in_ = Buffer<double>(init.source_cells.size());
      source_out_ = Buffer<double>(init.source_cells.size());
    }
    if (init.soil) soil_.emplace(*init.soil, std::size_t(n_), cell_area_);
    if (init.track_event_stats) init_event_stats(init);
  }

  double max_wave_speed() override {
    swe::SurfaceStage<T, 1, false> probe = make_stage<1, false>(cur_.in(), cur_.in(), next_.out());
    probe.p.dt = T(0);  // a zero-length step only measures speeds; next_ is overwritten later
    probe.p.flux_weight = 0.0;
    return double(reduce(probe).speed);
  }

  // The flux stages come first and write only scratch states, so that an order-2 step whose
  // first stage breaks the speed limit is rejected without a trace; point sources and the soil
  // step (rain, infiltration, LID) follow on the accepted state (Lie splitting).
  StepResult advance(const SurfaceStepInputs& in) override {
    StepResult result;
    swe::StageSums<T> sums;
    if (order_ == 1) {
      auto stage = make_stage<1, true>(cur_.in(), cur_.in(), next_.out());
      fill_params(stage.p, in, 1.0);
      sums = reduce(stage);
    } else {
      auto first = make_stage<2, false>(cur_.in(), cur_.in(), stage_.out());
      fill_params(first.p, in, 0.5);
      const swe::StageSums<T> first_sums = reduce(first);
      result.stage_speed = double(first_sums.speed);
      if (result.stage_speed > in.stage_speed_limit) {
        result.accepted = false;
        return result;
      }
      auto second = make_stage<2, true>(stage_.in(), cur_.in(), next_.out());
      fill_params(second.p, in, 0.5);
      sums = swe::StageSumsCombine{}(first_sums, reduce(second));
    }
    cur_.swap(next_);
    edge_out_ += sums.edge_out;
    edge_in_ += sums.edge_in;
    clamp_ += sums.clamp;
    apply_sources(in);
    if (soil_)  // rain reaches the ground through the soil step, which books its share
      soil_->step(cur_.h.data(), active_.data(), view_.rain, T(in.rain_rate), T(in.dt));
    result.speed = double(sums.speed);
    return result;
  }

  void read_fields(SurfaceFields& f) override {
    f.h = to_double(cur_.h);
    f.qx = to_double(cur_.qx);
    f.qy = to_double(cur_.qy);
    f.hmax = to_double(hmax_);
    if (stats_.max_speed) {
      f.max_speed = to_double(stat_[0]);
      f.max_hazard = to_double(stat_[1]);
      f.time_of_max_depth = to_double(stat_[2]);
      f.time_first_wet = to_double(stat_[3]);
      f.duration_flooded = to_double(stat_[4]);
      f.duration_user = to_double(stat_[5]);
    }
  }

  double water_volume() override {
    return exec_.sum_reduce(n_, launch::AsDouble<T>{cur_.h.data()}, 0.0) * cell_area_;
  }

  BoundaryVolumes boundary_volumes() override { return {edge_out_, edge_in_}; }

  double clamp_volume() const override { return clamp_; }

  SourceVolumes source_volumes() override { return {source_in_.to_host(), source_out_.to_host()}; }

  SoilVolumes soil_volumes() override { return soil_ ? soil_->volumes() : SoilVolumes{}; }

  void read_depths(const std::vector<std::int64_t>& cells, std::vector<double>& depth) override {
    depth.assign(cells.size(), 0.0);
    if (cells.empty()) return;
    check_cells(cells);
    exchange_cells_.upload(cells);
    if (exchange_values_.size() != cells.size()) exchange_values_ = Buffer<double>(cells.size());
    Exec::for_each(
        std::int64_t(cells.size()),
        couple::GatherDepths<T>{cur_.h.data(), exchange_cells_.data(), exchange_values_.data()});
    exchange_values_.download(depth);
  }

  double add_volumes(const std::vector<std::int64_t>& cells, const std::vector<double>& volume,
                     std::vector<double>* applied) override {
    if (volume.size() != cells.size())
      throw std::invalid_argument("add_volumes: one volume per cell expected");
    if (cells.empty()) {
      if (applied) applied->clear();
      return 0.0;
    }
    check_cells(cells);
    exchange_cells_.upload(cells);
    exchange_values_.upload(volume);
    if (exchange_applied_.size() != cells.size()) exchange_applied_ = Buffer<double>(cells.size());
    couple::ApplyVolumes<T> apply{
        cur_.h.data(),           cur_.qx.data(),           cur_.qy.data(), exchange_cells_.data(),
        exchange_values_.data(), exchange_applied_.data(), cell_area_,     view_.dry_depth};
    Exec::for_each(std::int64_t(cells.size()), apply);
    std::vector<double> local;
    std::vector<double>& out = applied ? *applied : local;
    exchange_applied_.download(out);
    double net = 0.0;
    for (double v : out) {
      net += v;
      if (v > 0) exchange_totals_.added += v;
      if (v < 0) exchange_totals_.removed -= v;
    }
    return net;
  }

  ExchangeVolumes exchange_volumes() const override { return exchange_totals_; }

  std::unique_ptr<couple::ExchangeRunner> make_exchange(
      const couple::ExchangeLayout& layout) override {
    check_cells(layout.cell);
    return std::make_unique<couple::ExchangeRunnerImpl<T, Exec>>(
        layout, cur_.h, cur_.qx, cur_.qy, cell_area_, view_.dry_depth, view_.g);
  }

  void set_rain_field(const std::vector<float>& rate) override {
    if (rate.size() != std::size_t(n_))
      throw std::invalid_argument("rain field has " + std::to_string(rate.size()) +
                                  " values; expected one per cell (" + std::to_string(n_) + ")");
    if constexpr (std::is_same_v<T, float>) {
      rain_.upload(rate);
    } else {
      rain_.upload(std::vector<T>(rate.begin(), rate.end()));
    }
    view_.rain = rain_.data();
  }
  void clear_rain_field() override { view_.rain = nullptr; }

  void save_state(StateRecord& record) override {
    record.put("surface_h", cur_.h.to_host());
    record.put("surface_qx", cur_.qx.to_host());
    record.put("surface_qy", cur_.qy.to_host());
    record.put("surface_hmax", hmax_.to_host());
    if (stats_.max_speed)
      for (int i = 0; i < 6; ++i) record.put(kStatNames[i], stat_[i].to_host());
    record.put("surface_ledger",
               std::vector<double>{edge_out_, edge_in_, clamp_, exchange_totals_.added,
                                   exchange_totals_.removed});
    if (!source_cells_.empty()) {
      record.put("surface_source_volume_in", source_in_.to_host());
      record.put("surface_source_volume_out", source_out_.to_host());
    }
    if (soil_) soil_->save_state(record);
  }

  void load_state(const StateRecord& record) override {
    const std::size_t n = std::size_t(n_);
    cur_.h.upload(record.get<T>("surface_h", n));
    cur_.qx.upload(record.get<T>("surface_qx", n));
    cur_.qy.upload(record.get<T>("surface_qy", n));
    hmax_.upload(record.get<T>("surface_hmax", n));
    if (stats_.max_speed) {
      for (int i = 0; i < 6; ++i) stat_[i].upload(record.get<T>(kStatNames[i], n));
      point_stats_at_buffers();
    }
    const std::vector<double> ledger = record.get<double>("surface_ledger", 5);
    edge_out_ = ledger[0];
    edge_in_ = ledger[1];
    clamp_ = ledger[2];
    exchange_totals_ = {ledger[3], ledger[4]};
    if (!source_cells_.empty()) {
      source_in_.upload(record.get<double>("surface_source_volume_in", source_in_.size()));
      source_out_.upload(record.get<double>("surface_source_volume_out", source_out_.size()));
    }
    if (soil_) soil_->load_state(record);
  }

  Backend backend() const override { return Exec::kIsDevice ? Backend::kCuda : Backend::kCpu; }
  Precision precision() const override {
    return sizeof(T) == 4 ? Precision::kF32 : Precision::kF64;
  }
  std::int64_t cell_count() const override { return n_; }

 private:
  /// The event-statistics view reads and writes the six buffers of stat_ (kStatNames' order).
  void point_stats_at_buffers() {
    stats_.max_speed = stat_[0].data();
    stats_.max_hazard = stat_[1].data();
    stats_.time_of_max_depth = stat_[2].data();
    stats_.time_first_wet = stat_[3].data();
    stats_.duration_flooded = stat_[4].data();
    stats_.duration_user = stat_[5].data();
  }

  /// The surface kernels' view of the grid: sizes and constants from init, pointers into the
  /// solver's buffers (the rain field is pointed at later, by set_rain_field).
  void point_view_at_buffers(const SurfaceSolverInit& init) {
    view_.nx = init.nx;
    view_.ny = init.ny;
    view_.dx = T(init.dx);
    view_.g = T(init.gravity);
    view_.dry_depth = T(init.dry_depth);
    view_.z = z_.data();
    view_.active = active_.data();
    view_.friction_law = init.friction_law;
    view_.roughness = roughness_.empty() ? nullptr : roughness_.data();
    view_.roughness_uniform = T(init.roughness_uniform);
    for (int s = 0; s < 4; ++s) {
      view_.edge_kind[s] = edge_kind_[s].data();
      view_.edge_segment[s] = edge_segment_[s].data();
      view_.edge_slope[s] = edge_slope_[s].data();
    }
  }

  static constexpr const char* kStatNames[6] = {
      "surface_max_speed",      "surface_max_hazard",       "surface_time_of_max_depth",
      "surface_time_first_wet", "surface_duration_flooded", "surface_duration_user"};

  // On a GPU one thread per cell (each face solved by both its cells: no flux array to write and
  // read back); on CPUs, where the step is compute-bound, row sweeps that solve each face once.
  template <class Stage>
  swe::StageSums<T> reduce(const Stage& stage) {
    if constexpr (Exec::kIsDevice) {
      return exec_.reduce(n_, stage, swe::StageSums<T>{}, swe::StageSumsCombine{});
    } else {
      const int nx = view_.nx, ny = view_.ny;
      // About 64 blocks share the rows out between threads; blocks keep 16 rows or more, as
      // each one solves the south faces of its first row again.
      const int rows_per_block = std::max(16, (ny + 63) / 64);
      auto block = [&stage, nx](int j0, int j1) {
        std::vector<swe::ReconstructedFlux<T>> north(static_cast<std::size_t>(nx));
        return stage.sweep_rows(j0, j1, north.data());
      };
      return exec_.reduce_row_blocks(ny, rows_per_block, n_, block, swe::StageSums<T>{},
                                     swe::StageSumsCombine{});
    }
  }

  template <int Order, bool Final>
  swe::SurfaceStage<T, Order, Final> make_stage(swe::StateIn<T> in, swe::StateIn<T> base,
                                                swe::StateOut<T> out) {
    swe::SurfaceStage<T, Order, Final> s;
    s.v = view_;
    s.in = in;
    s.base = base;
    s.out = out;
    s.hmax = hmax_.data();
    s.stats = stats_;
    if (soil_) s.v.rain = nullptr;  // the soil step has already added the rain
    return s;
  }

  void init_event_stats(const SurfaceSolverInit& init) {
    std::vector<T> zero(n_, T(0)), never(n_, T(-1)), t_max(n_), t_wet(n_);
    for (std::int64_t k = 0; k < n_; ++k) {
      const double h0 = init.h0.empty() ? 0.0 : init.h0[k];
      t_max[k] = h0 > 0 ? T(0) : T(-1);
      t_wet[k] = h0 > init.wet_threshold ? T(0) : T(-1);
    }
    stat_[0].upload(zero);
    stat_[1].upload(zero);
    stat_[2].upload(t_max);
    stat_[3].upload(t_wet);
    stat_[4].upload(zero);
    stat_[5].upload(zero);
    point_stats_at_buffers();
    stats_.wet_threshold = T(init.wet_threshold);
    stats_.flood_threshold = T(init.flood_threshold);
    stats_.user_threshold = T(init.user_threshold);
  }

  void fill_params(swe::StageParams<T>& p, const SurfaceStepInputs& in, double weight) const {
    p.dt = T(in.dt);
    p.rain_rate = soil_ ? T(0) : T(in.rain_rate);
    p.time_end = T(in.time_end);
    p.flux_weight = weight;
    for (int s = 0; s < swe::kMaxBoundarySegments; ++s) {
      p.segment.value[s] = T(in.segment[s]);
      p.segment_depth.value[s] = T(in.segment_depth[s]);
    }
    // Levels are stored relative to the bed reference, like z.
    for (int s = 0; s < swe::kMaxBoundarySegments; ++s)
      if (segment_is_level_[s]) p.segment.value[s] = T(in.segment[s] - z_ref_);
  }

  void apply_sources(const SurfaceStepInputs& in) {
    if (source_cells_.empty()) return;
    if (in.source_q.size() > std::size_t(swe::kMaxPointSources))
      throw std::invalid_argument("more than 64 point sources");
    swe::PointSourceStep<T> step;
    step.h = cur_.h.data();
    step.qx = cur_.qx.data();
    step.qy = cur_.qy.data();
    step.cell = source_cells_.data();
    step.entry_begin = source_begin_.data();
    step.entry_source = source_index_.data();
    step.entry_weight = source_weight_.data();
    step.volume_in = source_in_.data();
    step.volume_out = source_out_.data();
    step.cell_area = T(cell_area_);
    step.dt = T(in.dt);
    step.dry_depth = view_.dry_depth;
    for (std::size_t s = 0; s < in.source_q.size(); ++s) step.rates.q[s] = T(in.source_q[s]);
    Exec::for_each(std::int64_t(source_cells_.size()), step);
  }

  void check_cells(const std::vector<std::int64_t>& cells) const {
    for (std::int64_t k : cells)
      if (k < 0 || k >= n_)
        throw std::out_of_range("exchange cell " + std::to_string(k) + " outside the grid");
  }

  static std::vector<T> convert(const std::vector<double>& a) {
    return std::vector<T>(a.begin(), a.end());
  }
  static std::vector<T> masked(const std::vector<double>& a, const std::vector<std::uint8_t>& m) {
    std::vector<T> out(a.size());
    for (std::size_t k = 0; k < a.size(); ++k) out[k] = m[k] ? T(a[k]) : T(0);
    return out;
  }
  static std::vector<double> to_double(const Buffer<T>& b) {
    const std::vector<T> host = b.to_host();
    return std::vector<double>(host.begin(), host.end());
  }

  Exec exec_;  // launch layer instance: owns the reductions' persistent scratch
  std::int64_t n_;
  int order_;
  double z_ref_ = 0.0;
  double cell_area_ = 0.0;
  swe::SurfaceView<T> view_;
  Buffer<T> z_;
  Buffer<std::uint8_t> active_;
  Buffer<T> roughness_;
  StateBuffers cur_, next_, stage_;
  Buffer<T> hmax_;
  Buffer<std::uint8_t> edge_kind_[4], edge_segment_[4];
  Buffer<T> edge_slope_[4];
  double edge_out_ = 0.0, edge_in_ = 0.0;  // ledger totals of accepted steps (m^3)
  double clamp_ = 0.0;
  Buffer<std::int64_t> source_cells_;
  Buffer<int> source_begin_, source_index_;
  Buffer<T> source_weight_;
  Buffer<double> source_in_, source_out_;
  std::array<bool, 32> segment_is_level_{};
  Buffer<T> rain_;  // per-cell rain (m/s) while a rain field is set
  std::optional<SoilState<T, Exec>> soil_;
  swe::EventStats<T> stats_;  // null pointers unless tracked
  Buffer<T> stat_[6];
  // 1D-2D exchange: the cell list and values of the last call (small, reused between calls).
  Buffer<std::int64_t> exchange_cells_;
  Buffer<double> exchange_values_, exchange_applied_;
  ExchangeVolumes exchange_totals_;
};

}  // namespace sf
