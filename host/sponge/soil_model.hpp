// The soil description of a case: a table of land-use classes (roughness, impervious share,
// infiltration model, optional LID measure), its validation, and its conversion to the kernel's
// class table and initial per-cell state. SI units throughout; helpers convert SWMM's inputs.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "soil/cell_soil_step.hpp"

namespace sf::soil {

struct LandUseClass {
  std::string name;
  double manning_n = 0.03;                    // s m^(-1/3)
  double impervious_share = 0.0;              // (-), in [0, 1]
  InfiltrationParams<double> infiltration{};  // model and its parameters (SI)
  LidParams<double> lid{};                    // kind kNone: no measure
};

struct SoilModel {
  std::vector<LandUseClass> classes;  // the per-cell class index points here (at most 256)
};

/// Throws sf::InputError listing every invalid field, each naming its class and field; `source`
/// is the file (or table) the model came from, used in the messages.
void validate(const SoilModel& model, const std::string& source);

/// The kernel's class table in precision T (validate first).
template <class T>
std::vector<SoilClassParams<T>> class_table(const SoilModel& model);

/// Per-cell starting state for the given class of each cell, ready to upload.
template <class T>
struct SoilInitialState {
  std::array<std::vector<T>, kInfiltrationSlots> infiltration;
  std::vector<T> lid_surface, lid_pavement, lid_soil, lid_storage, lid_dry_time;
};
template <class T>
SoilInitialState<T> initial_state(const SoilModel& model,
                                  const std::vector<std::uint8_t>& cell_class);

// --- conversions from the quantities engineers and SWMM give -------------------------------

/// Horton regeneration constant (1/s) for a drying time (days) in which the capacity recovers 98 %
/// of its deficit (SWMM's convention).
double horton_recovery_from_drying_time(double drying_days);
/// Potential maximum retention S (m) of curve number CN: S = 25.4 (1000/CN - 10) mm.
double curve_number_retention(double curve_number);
/// Curve-number regeneration constant (1/s) for a drying time (days).
double curve_number_regen_from_drying_time(double drying_days);
/// Underdrain coefficient in SI (m^(1-n)/s) from SWMM's (in/h per in^n, US units).
double drain_coeff_from_swmm_us(double coeff_in_per_h, double exponent);
/// ... and from SWMM's SI-unit input (mm/h per mm^n).
double drain_coeff_from_swmm_si(double coeff_mm_per_h, double exponent);

constexpr double kNoLimit = std::numeric_limits<double>::infinity();

}  // namespace sf::soil
