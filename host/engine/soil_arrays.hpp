// The soil kernel's per-cell state as the engine and the tests store it, and the one function that
// points the kernel (kernels/soil/cell_soil_step.hpp) at it. Array is std::vector in the tests and
// launch::DeviceBuffer in the engine (host/engine/soil_state.hpp): anything with data().
#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "soil/cell_soil_step.hpp"
#include "sponge/soil_model.hpp"

namespace sf {

template <class T, template <class> class Array>
struct SoilArrays {
  Array<std::uint8_t> cell_class;                        // class index per cell
  Array<soil::SoilClassParams<T>> classes;               // class table
  std::array<Array<T>, soil::kInfiltrationSlots> slots;  // infiltration model state
  std::array<Array<T>, 5> lid;  // surface, pavement, soil, storage, dry time; empty without LID
  std::array<Array<double>, 4> volumes;  // infiltrated, LID storage change, drained, evaporated
};

/// The per-cell soil step over `a` for surface depths h (inactive cells: active[k] == 0, or null
/// for none), with rain per cell (null: rain_uniform everywhere) in m/s.
template <class T, template <class> class Array>
soil::CellSoilStep<T> cell_soil_step(SoilArrays<T, Array>& a, T* h, const std::uint8_t* active,
                                     const T* rain_field, T rain_uniform, T evap_rate, T dt,
                                     T cell_area) {
  soil::CellSoilStep<T> f;
  f.h = h;
  f.active = active;
  f.soil_class = a.cell_class.data();
  f.classes = a.classes.data();
  for (int i = 0; i < soil::kInfiltrationSlots; ++i) f.infiltration.slot[i] = a.slots[i].data();
  f.lid = {a.lid[0].data(), a.lid[1].data(), a.lid[2].data(), a.lid[3].data(), a.lid[4].data()};
  f.volumes = {a.volumes[0].data(), a.volumes[1].data(), a.volumes[2].data(), a.volumes[3].data()};
  f.rain_rate = rain_field;
  f.rain_rate_uniform = rain_uniform;
  f.evap_rate = evap_rate;
  f.dt = dt;
  f.cell_area = cell_area;
  return f;
}

template <class U>
using HostArray = std::vector<U>;

/// The state at the start of a run, on the host. The LID layers stay empty when no class has a
/// measure (the kernel reads them only for cells whose class has one).
template <class T>
SoilArrays<T, HostArray> initial_soil_arrays(const soil::SoilModel& model,
                                             const std::vector<std::uint8_t>& cell_class) {
  SoilArrays<T, HostArray> a;
  a.cell_class = cell_class;
  a.classes = soil::class_table<T>(model);
  soil::SoilInitialState<T> s0 = soil::initial_state<T>(model, cell_class);
  a.slots = std::move(s0.infiltration);
  bool any_lid = false;
  for (const auto& c : model.classes) any_lid |= c.lid.kind != soil::LidKind::kNone;
  if (any_lid)
    a.lid = {std::move(s0.lid_surface), std::move(s0.lid_pavement), std::move(s0.lid_soil),
             std::move(s0.lid_storage), std::move(s0.lid_dry_time)};
  for (auto& v : a.volumes) v.assign(cell_class.size(), 0.0);
  return a;
}

}  // namespace sf
