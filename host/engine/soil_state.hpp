// Device-side soil and LID state of the surface solver: class table, per-cell model state and the
// per-cell volume ledgers, plus the per-step soil kernel (kernels/soil/cell_soil_step.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "engine/soil_arrays.hpp"
#include "engine/surface_solver.hpp"
#include "launch/device_buffer.hpp"
#include "launch/discard.hpp"

namespace sf {

template <class T, class Exec>
class SoilState {
  template <class U>
  using Buffer = launch::DeviceBuffer<U, Exec>;

 public:
  SoilState(const SurfaceSolverInit::Soil& soil, std::size_t n, double cell_area)
      : n_(n), cell_area_(cell_area), evaporation_(soil.evaporation_rate) {
    const SoilArrays<T, HostArray> host = initial_soil_arrays<T>(soil.model, soil.cell_class);
    arrays_.cell_class.upload(host.cell_class);
    arrays_.classes.upload(host.classes);
    for (int i = 0; i < soil::kInfiltrationSlots; ++i) arrays_.slots[i].upload(host.slots[i]);
    for (std::size_t i = 0; i < arrays_.lid.size(); ++i)
      if (!host.lid[i].empty()) arrays_.lid[i].upload(host.lid[i]);
    for (std::size_t i = 0; i < arrays_.volumes.size(); ++i)
      arrays_.volumes[i].upload(host.volumes[i]);
  }

  /// Adds the step's rain to h and lets soil and measures take their share (before the fluxes).
  void step(T* h, const std::uint8_t* active, const T* rain_field, T rain_uniform, T dt) {
    Exec::for_each(std::int64_t(n_), cell_soil_step(arrays_, h, active, rain_field, rain_uniform,
                                                    T(evaporation_), dt, T(cell_area_)));
  }

  SoilVolumes volumes() const {
    SoilVolumes v;
    v.infiltrated = sum(arrays_.volumes[0]);
    v.lid_storage_change = sum(arrays_.volumes[1]);
    v.drained = sum(arrays_.volumes[2]);
    v.evaporated = sum(arrays_.volumes[3]);
    return v;
  }

  /// Infiltration slots, LID layers and per-cell ledgers into `record` ("soil_*").
  void save_state(StateRecord& record) const {
    for (int i = 0; i < soil::kInfiltrationSlots; ++i)
      record.put("soil_infiltration_" + std::to_string(i), arrays_.slots[i].to_host());
    for (std::size_t i = 0; i < arrays_.lid.size(); ++i)
      if (arrays_.lid[i].size() > 0)
        record.put("soil_lid_" + std::to_string(i), arrays_.lid[i].to_host());
    for (std::size_t i = 0; i < arrays_.volumes.size(); ++i)
      record.put("soil_volume_" + std::to_string(i), arrays_.volumes[i].to_host());
  }

  void load_state(const StateRecord& record) {
    for (int i = 0; i < soil::kInfiltrationSlots; ++i)
      arrays_.slots[i].upload(
          record.get<T>("soil_infiltration_" + std::to_string(i), arrays_.slots[i].size()));
    for (std::size_t i = 0; i < arrays_.lid.size(); ++i)
      if (arrays_.lid[i].size() > 0)
        arrays_.lid[i].upload(
            record.get<T>("soil_lid_" + std::to_string(i), arrays_.lid[i].size()));
    for (std::size_t i = 0; i < arrays_.volumes.size(); ++i)
      arrays_.volumes[i].upload(record.get<double>("soil_volume_" + std::to_string(i), n_));
  }

 private:
  double sum(const Buffer<double>& b) const {
    return exec_.sum_reduce(std::int64_t(b.size()), launch::AsDouble<double>{b.data()}, 0.0);
  }

  mutable Exec exec_;  // owns the reductions' scratch; a cache, so reading volumes stays const
  std::size_t n_;
  double cell_area_;
  double evaporation_;
  SoilArrays<T, Buffer> arrays_;
};

}  // namespace sf
