// The volume ledger of a run: every in- and out-flow by name, and the continuity error defined as
// SWMM defines it: 100 * (1 - (outflows + final storage) / (inflows + initial storage)).
#pragma once

#include <string>

namespace sf {

struct VolumeBalance {
  double initial_volume = 0;      // m^3 of water on the surface at the start
  double rain = 0;                // m^3 fallen on active cells
  double boundary_inflow = 0;     // m^3 entering through domain edges
  double boundary_outflow = 0;    // m^3 leaving through domain edges
  double source_inflow = 0;       // m^3 added by point/area sources
  double source_outflow = 0;      // m^3 removed by sinks
  double infiltration = 0;        // m^3 into the native soil (incl. LID exfiltration)
  double underdrain = 0;          // m^3 drained by LID underdrains (leaves the surface)
  double evaporation = 0;         // m^3 evaporated from LID measures
  double lid_storage_change = 0;  // m^3 stored in LID layers at the end minus at the start
  double final_volume = 0;        // m^3 on the surface at the end
  // Coupled runs (host/couple): exchange with the pipe network, filled in by the coupler.
  double network_inflow = 0;   // m^3 the network gave the surface (overflow, outfalls)
  double network_outflow = 0;  // m^3 the surface gave the network through inlets (net)
  // Water the depth clamp added where a step drove a depth below zero (roundoff, or a step past
  // the positivity bound); named so that no clamp creates water silently.
  double clamp = 0;

  double total_in() const {
    return initial_volume + rain + boundary_inflow + source_inflow + network_inflow + clamp;
  }
  /// True when the clamp added more than kClampWarningFraction of the water that passed through.
  bool clamp_is_large() const;
  double total_out() const {
    return boundary_outflow + source_outflow + infiltration + underdrain + evaporation +
           lid_storage_change + final_volume + network_outflow;
  }
  /// Percent; 0 when nothing entered.
  double continuity_error_pct() const {
    const double in = total_in();
    return in > 0 ? 100.0 * (in - total_out()) / in : 0.0;
  }
  /// A SWMM-like continuity table, in m^3 and mm over the given area (m^2).
  std::string table(double area_m2) const;
};

/// One row of a SWMM-like continuity table: label, volume (m^3) and depth (mm) over area_m2, or
/// with `percent` the value as a percentage (the continuity error row).
std::string balance_table_row(const char* label, double value, double area_m2, int label_width,
                              bool percent = false);

/// Continuity errors above this (absolute, percent) are reported as warnings.
constexpr double kContinuityWarningPct = 1.0;
/// Clamped volumes above this share of the inflows plus initial storage are reported as warnings.
constexpr double kClampWarningFraction = 1e-6;

}  // namespace sf
