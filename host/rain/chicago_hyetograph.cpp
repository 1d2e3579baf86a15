#include "rain/chicago_hyetograph.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace sf::rain {
namespace {

constexpr double kMmPerMinToMPerS = 1e-3 / 60.0;

void validate_storm(const StormIntensityFormula& formula, const ChicagoParameters& storm) {
  formula.validate();
  formula.validate_return_period(storm.return_period_years);
  std::ostringstream errors;
  if (!(storm.duration_s > 0.0) || !std::isfinite(storm.duration_s))
    errors << "\n  duration = " << storm.duration_s << " s; expected > 0";
  if (!(storm.peak_position >= 0.0 && storm.peak_position <= 1.0))
    errors << "\n  peak position r = " << storm.peak_position << "; expected 0 <= r <= 1";
  if (!(storm.step_s > 0.0) || !std::isfinite(storm.step_s))
    errors << "\n  step = " << storm.step_s << " s; expected > 0";
  else if (storm.duration_s / storm.step_s > 1e7)
    errors << "\n  step = " << storm.step_s << " s gives more than 1e7 blocks over "
           << storm.duration_s << " s; expected a coarser step";
  if (!errors.str().empty()) throw std::invalid_argument("Chicago hyetograph:" + errors.str());
}

// D(t) = a t / (t + b)^n, the formula's depth for a rain of duration t (mm).
double formula_depth(double a, const StormIntensityFormula& f, double t_min) {
  return t_min <= 0.0 ? 0.0 : a * t_min / std::pow(t_min + f.b_min, f.n);
}

}  // namespace

double chicago_cumulative_depth_mm(const StormIntensityFormula& formula,
                                   const ChicagoParameters& storm, double t_min) {
  const double a = formula.numerator_mm(storm.return_period_years);
  const double T = storm.duration_s / 60.0;
  const double r = storm.peak_position;
  const double tp = r * T;
  const double t = std::clamp(t_min, 0.0, T);
  const double before_peak = r > 0.0 ? r * formula_depth(a, formula, T) : 0.0;
  if (t <= tp) return r > 0.0 ? before_peak - r * formula_depth(a, formula, (tp - t) / r) : 0.0;
  return before_peak + (1.0 - r) * formula_depth(a, formula, (t - tp) / (1.0 - r));
}

double chicago_peak_intensity_mm_per_min(const StormIntensityFormula& formula,
                                         double return_period_years) {
  return formula.numerator_mm(return_period_years) / std::pow(formula.b_min, formula.n);
}

std::vector<double> chicago_block_intensities_mm_per_min(const StormIntensityFormula& formula,
                                                         const ChicagoParameters& storm) {
  validate_storm(formula, storm);
  const double T = storm.duration_s / 60.0;
  const double step = storm.step_s / 60.0;
  const auto blocks = static_cast<std::size_t>(std::ceil(T / step - 1e-9));
  std::vector<double> intensity(blocks);
  double h_previous = 0.0;
  for (std::size_t k = 0; k < blocks; ++k) {
    const double t_end = std::min(T, (k + 1) * step);
    const double h = chicago_cumulative_depth_mm(formula, storm, t_end);
    intensity[k] = (h - h_previous) / (t_end - k * step);
    h_previous = h;
  }
  return intensity;
}

TimeSeries chicago_hyetograph(const StormIntensityFormula& formula,
                              const ChicagoParameters& storm) {
  const std::vector<double> mm_per_min = chicago_block_intensities_mm_per_min(formula, storm);
  std::vector<double> times, rates;
  for (std::size_t k = 0; k < mm_per_min.size(); ++k) {
    times.push_back(k * storm.step_s);
    rates.push_back(mm_per_min[k] * kMmPerMinToMPerS);
  }
  times.push_back(storm.duration_s);
  rates.push_back(0.0);
  return TimeSeries(std::move(times), std::move(rates), TimeSeries::Interpolation::kStep);
}

}  // namespace sf::rain
