// Infiltration on a subcatchment's pervious subarea: one entry point over the soil kernels
// (kernels/soil: Horton, Green-Ampt, curve number) and modified Horton, called with SWMM's
// arguments (infil.c infil_getInfil): the rain rate, the run-on rate from other areas and the
// ponded depth. Returns a rate [m/s].
#pragma once

#include "runoff/modified_horton.hpp"
#include "soil/curve_number.hpp"
#include "soil/green_ampt.hpp"
#include "soil/horton.hpp"

namespace sf::runoff {

enum class PerviousModel { kHorton, kModifiedHorton, kGreenAmpt, kCurveNumber };

template <class T>
struct PerviousSoil {
  PerviousModel model = PerviousModel::kHorton;
  soil::HortonParams<T> horton{};
  ModifiedHortonParams<T> modified_horton{};
  soil::GreenAmptParams<T> green_ampt{};
  soil::CurveNumberParams<T> curve_number{};
};

template <class T>
struct PerviousSoilState {
  soil::HortonState<T> horton{};
  T modified_horton_fe = T(0);
  soil::GreenAmptState<T> green_ampt{};
  soil::CurveNumberState<T> curve_number{};
};

template <class T>
SF_HD inline PerviousSoilState<T> pervious_initial_state(const PerviousSoil<T>& p) {
  PerviousSoilState<T> s;
  s.green_ampt = soil::green_ampt_initial_state(p.green_ampt);
  s.curve_number = soil::curve_number_initial_state(p.curve_number);
  return s;
}

/// Infiltration rate [m/s] over dt; rain and runon in m/s, depth in m.
template <class T>
SF_HD inline T pervious_infiltration_rate(PerviousSoilState<T>& s, const PerviousSoil<T>& p, T rain,
                                          T runon, T depth, T dt) {
  switch (p.model) {
    case PerviousModel::kHorton:
      return soil::infiltrate(s.horton, p.horton, depth, rain + runon, dt) / dt;
    case PerviousModel::kModifiedHorton:
      return modified_horton_rate(s.modified_horton_fe, p.modified_horton, rain + runon, depth, dt);
    case PerviousModel::kGreenAmpt:
      return soil::infiltrate(s.green_ampt, p.green_ampt, depth, rain + runon, dt) / dt;
    case PerviousModel::kCurveNumber:  // SWMM adds run-on to the ponded water for CN
      return soil::infiltrate(s.curve_number, p.curve_number, depth + runon * dt, rain, dt) / dt;
  }
  return T(0);
}

}  // namespace sf::runoff
