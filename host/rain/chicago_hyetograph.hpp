// The Chicago design hyetograph (Keifer & Chu 1957, "Synthetic storm pattern for drainage
// design", J. Hydraulics Div. ASCE 83(HY4)): an instantaneous intensity curve whose every
// window centred on the peak (split r : 1-r) holds exactly the depth of the intensity formula
// for that window's duration. With D(t) = a t / (t + b)^n the formula's depth (a = A1(1+C lg P)):
//   before the peak, tb = time before it:  i(tb) = a [(1-n) tb/r + b] / (tb/r + b)^(n+1)
//   after the peak,  ta = time after it:   i(ta) = a [(1-n) ta/(1-r) + b] / (ta/(1-r) + b)^(n+1)
// and the cumulative depth from the storm start, with peak time tp = r T:
//   H(t) = r D(T) - r D((tp - t)/r)                for t <= tp
//   H(t) = r D(T) + (1-r) D((t - tp)/(1-r))        for t >= tp
// so H(T) = D(T) = i_mean(T) T. Block intensities are (H(t_k+1) - H(t_k)) / step: exact.
#pragma once

#include <vector>

#include "engine/time_series.hpp"
#include "rain/storm_intensity_formula.hpp"

namespace sf::rain {

struct ChicagoParameters {
  double duration_s = 7200.0;        // T, > 0
  double peak_position = 0.4;        // r in [0, 1]: peak time / duration
  double step_s = 300.0;             // block length, > 0; the last block may be shorter
  double return_period_years = 2.0;  // P
};

/// Cumulative depth H(t) (mm) from the storm start; t in minutes, clamped to [0, T].
double chicago_cumulative_depth_mm(const StormIntensityFormula& formula,
                                   const ChicagoParameters& storm, double t_min);

/// Instantaneous peak intensity a / b^n (mm/min), reached at t = r T.
double chicago_peak_intensity_mm_per_min(const StormIntensityFormula& formula,
                                         double return_period_years);

/// Block-averaged intensities (mm/min), one per step, from exact differences of H.
std::vector<double> chicago_block_intensities_mm_per_min(const StormIntensityFormula& formula,
                                                         const ChicagoParameters& storm);

/// The hyetograph as a step TimeSeries of rain rate in m/s: value k holds on
/// [k step, (k+1) step); a final point (T, 0) ends the rain. t = 0 is the storm start (the
/// series holds its first value before 0, so start the simulation at 0).
/// Throws std::invalid_argument for bad formula parameters, P, T, r or step.
TimeSeries chicago_hyetograph(const StormIntensityFormula& formula, const ChicagoParameters& storm);

}  // namespace sf::rain
