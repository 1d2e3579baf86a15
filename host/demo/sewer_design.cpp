#include "demo/sewer_design.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace sf::couple {
namespace {

constexpr double kPi = 3.14159265358979323846;

}  // namespace

double rational_flow(double runoff_coeff, double intensity_m_per_s, double area_m2) {
  return runoff_coeff * intensity_m_per_s * area_m2;
}

double manning_full_diameter(double q, double manning_n, double slope) {
  if (!(slope > 0.0) || !(manning_n > 0.0))
    throw std::invalid_argument("manning_full_diameter: slope " + std::to_string(slope) +
                                " and n " + std::to_string(manning_n) + " must be positive");
  if (!(q > 0.0)) return 0.0;
  return std::pow(std::pow(4.0, 5.0 / 3.0) * manning_n * q / (kPi * std::sqrt(slope)), 3.0 / 8.0);
}

double manning_full_flow(double d, double manning_n, double slope) {
  const double area = 0.25 * kPi * d * d;
  return area * std::pow(0.25 * d, 2.0 / 3.0) * std::sqrt(slope) / manning_n;
}

double next_commercial_diameter(double d) {
  static const double kSizes[] = {0.300, 0.375, 0.450, 0.525, 0.600, 0.675, 0.750,
                                  0.825, 0.900, 1.050, 1.200, 1.350, 1.500, 1.650,
                                  1.800, 2.100, 2.400, 2.700, 3.000};
  for (double s : kSizes)
    if (s >= d - 1e-12) return s;
  throw std::invalid_argument("next_commercial_diameter: " + std::to_string(d) +
                              " m is larger than the largest size, 3.0 m");
}

double wet_well_area(double q_pump, double min_cycle_s, double band) {
  if (!(band > 0.0)) throw std::invalid_argument("wet_well_area: the start-stop band must be > 0");
  return q_pump * min_cycle_s / 4.0 / band;
}

}  // namespace sf::couple
