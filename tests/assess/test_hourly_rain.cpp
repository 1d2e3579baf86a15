// The generated year of hourly rain (cases/combined-sewer): deterministic for a seed, and its
// annual total, wet-hour fraction and seasonality within the bounds docs/scenarios.md states
// for the generator's parameters (one year of the default seed, and 30 years on average).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

#include "demo/hourly_rain.hpp"

namespace {

using namespace sf::couple;

double total(const std::vector<double>& r) {
  return std::accumulate(r.begin(), r.end(), 0.0);
}

double wet_fraction(const std::vector<double>& r) {
  return double(std::count_if(r.begin(), r.end(), [](double v) { return v > 0.0; })) / r.size();
}

/// The chain's expected wet fraction over the year: hours-weighted monthly stationary fractions.
double expected_wet_fraction(const HourlyRainOptions& o) {
  double wet = 0.0, hours = 0.0;
  for (int m = 0; m < 12; ++m) {
    const double h = 24.0 * days_in_month(o.year, m + 1);
    wet += h * wet_hour_fraction(o, m);
    hours += h;
  }
  return wet / hours;
}

TEST(HourlyRain, SameSeedSameYearOtherSeedOtherYear) {
  HourlyRainOptions o;
  const auto a = generate_hourly_rain(o), b = generate_hourly_rain(o);
  EXPECT_EQ(a, b);
  ASSERT_EQ(a.size(), 8784u);  // 2024 is a leap year
  o.seed += 1;
  EXPECT_NE(generate_hourly_rain(o), a);
}

TEST(HourlyRain, TheCaseYearIsAMonsoonYearOf600To1200Millimetres) {
  const HourlyRainOptions o;
  const auto r = generate_hourly_rain(o);
  const double year = total(r);
  EXPECT_GT(year, 600.0);
  EXPECT_LT(year, 1200.0);
  // June-September (hours 152 to 274 days in) carry most of it, as in the parameters (73 %).
  std::size_t jun = 0, oct = 0;
  for (int m = 1; m <= 5; ++m) jun += 24 * days_in_month(o.year, m);
  oct = jun;
  for (int m = 6; m <= 9; ++m) oct += 24 * days_in_month(o.year, m);
  const double monsoon = std::accumulate(r.begin() + jun, r.begin() + oct, 0.0) / year;
  EXPECT_GT(monsoon, 0.6);
  EXPECT_LT(monsoon, 0.9);
  EXPECT_NEAR(wet_fraction(r), expected_wet_fraction(o), 0.25 * expected_wet_fraction(o));
  for (double v : r) EXPECT_NEAR(v * 10.0, std::round(v * 10.0), 1e-9);  // 0.1 mm resolution
}

TEST(HourlyRain, ThirtyYearsAverageTheParameters) {
  HourlyRainOptions o;
  double mean = 0.0;
  for (const MonthlyRainClimate& m : o.months) mean += m.mean_mm;  // 731 mm
  double sum = 0.0, wet = 0.0;
  for (int y = 0; y < 30; ++y) {
    o.seed = 1000 + y;
    const auto r = generate_hourly_rain(o);
    sum += total(r);
    wet += wet_fraction(r);
  }
  EXPECT_NEAR(sum / 30.0, mean, 0.05 * mean);
  EXPECT_NEAR(wet / 30.0, expected_wet_fraction(o), 0.05 * expected_wet_fraction(o));
}

TEST(HourlyRain, SwmmSeriesHasEveryWetHourAndAZeroAfterEachSpell) {
  std::vector<double> r(48, 0.0);
  r[1] = 1.5;
  r[2] = 0.4;
  r[30] = 2.0;
  r[47] = 0.1;  // the last hour: the spell ends on 1 January of the next year... here 3 Jan
  const std::string s = swmm_rain_series_text(r, 2023);
  std::istringstream in(s);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);)
    if (!l.empty() && l[0] != ';') lines.push_back(l);
  const std::vector<std::string> expected = {"01/01/2023 00:00 0.0", "01/01/2023 01:00 1.5",
                                             "01/01/2023 02:00 0.4", "01/01/2023 03:00 0.0",
                                             "01/02/2023 06:00 2.0", "01/02/2023 07:00 0.0",
                                             "01/02/2023 23:00 0.1", "01/03/2023 00:00 0.0"};
  EXPECT_EQ(lines, expected);
  EXPECT_THROW(
      [] {
        HourlyRainOptions bad;
        bad.months[6].mean_wet_hour_mm = 0.05;
        generate_hourly_rain(bad);
      }(),
      std::invalid_argument);
}

}  // namespace
