// Typical parameter sets of the five LID kinds (SI), after the ranges in SWMM's manual Vol. III.
#pragma once

#include "soil/lid_params.hpp"

namespace sf::soil::test {

inline LidSoilLayer<double> loam_soil(double thickness) {
  // porosity, field capacity, wilting point, Ks 13 mm/h, HCO 10, suction 89 mm, start at FC
  return {thickness, 0.5, 0.2, 0.1, 13e-3 / 3600, 10.0, 0.089, 0.2};
}

inline LidParams<double> permeable_pavement() {
  LidParams<double> p;
  p.kind = LidKind::kPermeablePavement;
  p.surface = {0.0};
  p.pavement = {0.15, 0.15, 0.0, 100e-3 / 3600};
  p.soil = loam_soil(0.1);
  p.storage = {0.3, 0.4, 5e-3 / 3600, 0.0};
  p.drain = {1e-4, 0.5, 0.1, 0.0};
  return p;
}
inline LidParams<double> green_roof() {
  LidParams<double> p;
  p.kind = LidKind::kGreenRoof;
  p.surface = {0.02};
  p.soil = loam_soil(0.15);
  p.storage = {0.03, 0.5, 0.0, 0.0};
  p.drain = {5e-4, 1.0, 0.0, 0.0};  // drainage mat
  return p;
}
inline LidParams<double> bioretention() {
  LidParams<double> p;
  p.kind = LidKind::kBioretention;
  p.surface = {0.15};
  p.soil = loam_soil(0.6);
  p.storage = {0.3, 0.4, 3e-3 / 3600, 0.0};
  p.drain = {2e-4, 0.5, 0.15, 0.0};
  return p;
}
inline LidParams<double> infiltration_trench() {
  LidParams<double> p;
  p.kind = LidKind::kInfiltrationTrench;
  p.surface = {0.05};
  p.storage = {1.0, 0.4, 10e-3 / 3600, 0.0};
  p.drain = {1e-4, 0.5, 0.5, 0.0};
  return p;
}
inline LidParams<double> rain_barrel() {
  LidParams<double> p;
  p.kind = LidKind::kRainBarrel;
  p.storage = {0.2, 1.0, 0.0, 0.0};
  p.drain = {1e-5, 0.0, 0.0, 12 * 3600.0};  // exponent 0: a constant 36 mm/h once open
  return p;
}

}  // namespace sf::soil::test
