// One infiltration entry point for the per-cell kernel: the model is chosen per land-use class and
// each model's state is packed into the same few per-cell slots (struct of arrays), since a cell
// has exactly one model. Adding a model means a params struct, a state struct, a pack/unpack pair.
#pragma once

#include <cstdint>

#include "soil/curve_number.hpp"
#include "soil/green_ampt.hpp"
#include "soil/horton.hpp"

namespace sf::soil {

enum class InfiltrationModel : std::uint8_t { kNone = 0, kHorton, kGreenAmpt, kCurveNumber };

/// Per-cell state words shared by all models (the largest, curve number, needs six).
constexpr int kInfiltrationSlots = 6;

template <class T>
struct InfiltrationParams {
  InfiltrationModel model = InfiltrationModel::kNone;
  HortonParams<T> horton{};
  GreenAmptParams<T> green_ampt{};
  CurveNumberParams<T> curve_number{};
};

template <class T>
struct InfiltrationSlots {
  T* slot[kInfiltrationSlots];  // each an array over cells

  SF_HD HortonState<T> horton(std::int64_t k) const { return {slot[0][k], slot[1][k]}; }
  SF_HD void store(std::int64_t k, const HortonState<T>& s) const {
    slot[0][k] = s.tp;
    slot[1][k] = s.volume;
  }
  SF_HD GreenAmptState<T> green_ampt(std::int64_t k) const {
    return {slot[0][k], slot[1][k], slot[2][k], slot[3][k], slot[4][k]};
  }
  SF_HD void store(std::int64_t k, const GreenAmptState<T>& s) const {
    slot[0][k] = s.imd;
    slot[1][k] = s.volume;
    slot[2][k] = s.upper_zone;
    slot[3][k] = s.time_to_new_event;
    slot[4][k] = s.saturated;
  }
  SF_HD CurveNumberState<T> curve_number(std::int64_t k) const {
    return {slot[0][k], slot[1][k], slot[2][k], slot[3][k], slot[4][k], slot[5][k]};
  }
  SF_HD void store(std::int64_t k, const CurveNumberState<T>& s) const {
    slot[0][k] = s.retention;
    slot[1][k] = s.event_rain;
    slot[2][k] = s.event_loss;
    slot[3][k] = s.dry_time;
    slot[4][k] = s.event_retention;
    slot[5][k] = s.last_rate;
  }
};

/// Initial slot values of a cell with the given model (all zero for kNone and Horton).
template <class T>
SF_HD inline void initial_infiltration_slots(const InfiltrationParams<T>& p,
                                             T out[kInfiltrationSlots]) {
  for (int i = 0; i < kInfiltrationSlots; ++i) out[i] = T(0);
  if (p.model == InfiltrationModel::kGreenAmpt) {
    out[0] = p.green_ampt.imd_max;
  } else if (p.model == InfiltrationModel::kCurveNumber) {
    out[0] = p.curve_number.s_max;
    out[4] = p.curve_number.s_max;
  }
}

/// Infiltrated depth (m) at cell k over the step; never more than ponded + rain * dt.
template <class T>
SF_HD inline T infiltrate_cell(const InfiltrationSlots<T>& state, std::int64_t k,
                               const InfiltrationParams<T>& p, T ponded_depth_m, T rain_rate_m_s,
                               T dt_s) {
  switch (p.model) {
    case InfiltrationModel::kHorton: {
      HortonState<T> s = state.horton(k);
      const T f = infiltrate(s, p.horton, ponded_depth_m, rain_rate_m_s, dt_s);
      state.store(k, s);
      return f;
    }
    case InfiltrationModel::kGreenAmpt: {
      GreenAmptState<T> s = state.green_ampt(k);
      const T f = infiltrate(s, p.green_ampt, ponded_depth_m, rain_rate_m_s, dt_s);
      state.store(k, s);
      return f;
    }
    case InfiltrationModel::kCurveNumber: {
      CurveNumberState<T> s = state.curve_number(k);
      const T f = infiltrate(s, p.curve_number, ponded_depth_m, rain_rate_m_s, dt_s);
      state.store(k, s);
      return f;
    }
    default:
      return T(0);
  }
}

}  // namespace sf::soil
