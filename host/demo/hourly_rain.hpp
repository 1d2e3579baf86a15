// A year of hourly rain for the demo city, made by a documented stochastic generator rather
// than copied from a record: a first-order two-state Markov chain decides whether each hour is
// wet (Gabriel & Neumann 1962; the occurrence model of Richardson's WGEN, 1981), and a wet hour's
// depth is the gauge resolution plus a mixed-exponential excess (Woolhiser & Roldán 1982;
// Wilks 1998), with monthly parameters of a North-China-type monsoon climate (about 730 mm a
// year, three quarters in June-September). Deterministic for a seed on every platform: the
// random numbers come from std::mt19937_64, whose sequence the C++ standard fixes, turned into
// uniforms and exponentials here (the standard's distributions are implementation-defined).
// Parameters and their meaning: docs/scenarios.md.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace sf::couple {

struct MonthlyRainClimate {
  double mean_mm = 0.0;           // expected monthly total (mm)
  double mean_wet_hour_mm = 1.0;  // expected depth of a wet hour (mm)
  double wet_after_wet = 0.6;     // P(wet hour | previous hour wet)
};

struct HourlyRainOptions {
  std::uint64_t seed = 20240101;
  int year = 2024;
  std::array<MonthlyRainClimate, 12> months{{{4, 0.5, 0.60},
                                             {6, 0.5, 0.60},
                                             {12, 0.8, 0.60},
                                             {25, 1.0, 0.60},
                                             {40, 1.5, 0.60},
                                             {105, 2.4, 0.62},
                                             {230, 3.2, 0.65},
                                             {200, 3.0, 0.65},
                                             {70, 2.0, 0.62},
                                             {25, 1.2, 0.60},
                                             {10, 0.7, 0.60},
                                             {4, 0.5, 0.60}}};
  double resolution_mm = 0.1;     // smallest wet hour, and the rounding of every depth
  double small_weight = 0.75;     // share of wet hours drawn from the small component
  double small_mean_share = 0.4;  // its mean excess / the month's mean excess
};

/// Probability that an hour of month m (0..11) is wet, and P(wet | previous dry), from the
/// month's mean total, mean wet-hour depth and persistence: w = mean / (hours x wet-hour mean),
/// the chain's stationary wet fraction w = p01 / (1 - p11 + p01) => p01 = w (1 - p11) / (1 - w).
double wet_hour_fraction(const HourlyRainOptions& o, int month);
double wet_after_dry(const HourlyRainOptions& o, int month);

/// Rain depth (mm) of every hour of the year `o.year`, from 1 January 00:00 local time.
/// Throws std::invalid_argument for parameters out of range (named in the message).
std::vector<double> generate_hourly_rain(const HourlyRainOptions& o);

/// Days in `month` (1..12) of `year` (Gregorian).
int days_in_month(int year, int month);

/// An EPA SWMM external time-series file ("MM/DD/YYYY HH:MM value" per line, intensity in
/// mm/h over the hour): every wet hour, and a zero where each wet spell ends.
std::string swmm_rain_series_text(const std::vector<double>& hourly_mm, int year);

}  // namespace sf::couple
