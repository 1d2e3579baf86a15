// Device-side soil and LID state of the surface solver: class table, per-cell model state and the
// per-cell volume ledgers, plus the per-step soil kernel (kernels/soil/cell_soil_step.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "engine/surface_solver.hpp"
#include "launch/device_buffer.hpp"
#include "launch/discard.hpp"
#include "soil/cell_soil_step.hpp"
#include "sponge/soil_model.hpp"

namespace sf {

template <class T, class Exec>
class SoilState {
  template <class U>
  using Buffer = launch::DeviceBuffer<U, Exec>;

 public:
  SoilState(const SurfaceSolverInit::Soil& soil, std::size_t n, double cell_area)
      : n_(n), cell_area_(cell_area), evaporation_(soil.evaporation_rate) {
    const std::vector<soil::SoilClassParams<T>> table = soil::class_table<T>(soil.model);
    classes_ = Buffer<soil::SoilClassParams<T>>(table.size());
    Exec::copy_to_device(classes_.data(), table.data(), table.size() * sizeof(table[0]));
    cell_class_.upload(soil.cell_class);
    const soil::SoilInitialState<T> s0 = soil::initial_state<T>(soil.model, soil.cell_class);
    for (int i = 0; i < soil::kInfiltrationSlots; ++i) slots_[i].upload(s0.infiltration[i]);
    bool any_lid = false;
    for (const auto& c : soil.model.classes) any_lid |= c.lid.kind != soil::LidKind::kNone;
    if (any_lid) {
      lid_[0].upload(s0.lid_surface);
      lid_[1].upload(s0.lid_pavement);
      lid_[2].upload(s0.lid_soil);
      lid_[3].upload(s0.lid_storage);
      lid_[4].upload(s0.lid_dry_time);
    }
    for (auto& v : volumes_) v = Buffer<double>(n);
  }

  /// Adds the step's rain to h and lets soil and measures take their share (before the fluxes).
  void step(T* h, const std::uint8_t* active, const T* rain_field, T rain_uniform, T dt) {
    soil::CellSoilStep<T> f;
    f.h = h;
    f.active = active;
    f.soil_class = cell_class_.data();
    f.classes = classes_.data();
    for (int i = 0; i < soil::kInfiltrationSlots; ++i) f.infiltration.slot[i] = slots_[i].data();
    f.lid = {lid_[0].data(), lid_[1].data(), lid_[2].data(), lid_[3].data(), lid_[4].data()};
    f.volumes = {volumes_[0].data(), volumes_[1].data(), volumes_[2].data(), volumes_[3].data()};
    f.rain_rate = rain_field;
    f.rain_rate_uniform = rain_uniform;
    f.evap_rate = T(evaporation_);
    f.dt = dt;
    f.cell_area = T(cell_area_);
    Exec::for_each(std::int64_t(n_), f);
  }

  SoilVolumes volumes() const {
    SoilVolumes v;
    v.infiltrated = sum(volumes_[0]);
    v.lid_storage_change = sum(volumes_[1]);
    v.drained = sum(volumes_[2]);
    v.evaporated = sum(volumes_[3]);
    return v;
  }

  /// Infiltration slots, LID layers and per-cell ledgers into `record` ("soil_*").
  void save_state(StateRecord& record) const {
    for (int i = 0; i < soil::kInfiltrationSlots; ++i)
      record.put("soil_infiltration_" + std::to_string(i), slots_[i].to_host());
    for (std::size_t i = 0; i < lid_.size(); ++i)
      if (lid_[i].size() > 0) record.put("soil_lid_" + std::to_string(i), lid_[i].to_host());
    for (std::size_t i = 0; i < volumes_.size(); ++i)
      record.put("soil_volume_" + std::to_string(i), volumes_[i].to_host());
  }

  void load_state(const StateRecord& record) {
    for (int i = 0; i < soil::kInfiltrationSlots; ++i)
      slots_[i].upload(record.get<T>("soil_infiltration_" + std::to_string(i), slots_[i].size()));
    for (std::size_t i = 0; i < lid_.size(); ++i)
      if (lid_[i].size() > 0)
        lid_[i].upload(record.get<T>("soil_lid_" + std::to_string(i), lid_[i].size()));
    for (std::size_t i = 0; i < volumes_.size(); ++i)
      volumes_[i].upload(record.get<double>("soil_volume_" + std::to_string(i), n_));
  }

 private:
  double sum(const Buffer<double>& b) const {
    return exec_.sum_reduce(std::int64_t(b.size()), launch::AsDouble<double>{b.data()}, 0.0);
  }

  mutable Exec exec_;  // owns the reductions' scratch; a cache, so reading volumes stays const
  std::size_t n_;
  double cell_area_;
  double evaporation_;
  Buffer<soil::SoilClassParams<T>> classes_;
  Buffer<std::uint8_t> cell_class_;
  std::array<Buffer<T>, soil::kInfiltrationSlots> slots_;
  std::array<Buffer<T>, 5> lid_;
  std::array<Buffer<double>, 4> volumes_;
};

}  // namespace sf
