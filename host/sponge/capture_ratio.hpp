// Volume capture ratio of annual runoff (年径流总量控制率) and its design rainfall depth, by the
// method of the Sponge City Technical Guide (住建部《海绵城市建设技术指南》2014, appendix 2) and
// GB/T 51345-2018: from at least 30 years of daily rain, drop days of 2 mm or less (and snow),
// count each remaining day's rain up to the design depth d as captured, and divide by the total:
//   ratio(d) = sum_i min(P_i, d) / sum_i P_i   over days with P_i > 2 mm.
// Depths are in mm here because the guide states them so; nothing here feeds the SI engine.
#pragma once

#include <string>
#include <vector>

namespace sf::soil {

struct DailyRain {
  std::string date;  // as written in the file (YYYY-MM-DD)
  double rain_mm;    // day total (mm), >= 0
};

/// Reads `date,rain_mm` CSV (that header, one day per row; the dialect of common/csv_rows.hpp:
/// '#' starts a comment). Throws sf::InputError naming the file, line and column of every bad
/// row.
std::vector<DailyRain> read_daily_rain_csv(const std::string& path);

/// The guide's exclusion threshold: days with rain <= 2 mm are left out of both sums.
constexpr double kCaptureRatioMinDayMm = 2.0;

/// Share (0..1) of the rain volume of the days counted that a design depth captures.
/// Throws sf::InputError when no day has more than the threshold.
double capture_ratio(const std::vector<double>& daily_rain_mm, double design_depth_mm,
                     double min_day_mm = kCaptureRatioMinDayMm);

/// The design depth (mm) whose capture ratio is `target` (0 < target <= 1), by bisection on the
/// non-decreasing, piecewise linear ratio(d); found to 1e-6 mm.
double design_depth_for_ratio(const std::vector<double>& daily_rain_mm, double target,
                              double min_day_mm = kCaptureRatioMinDayMm);

std::vector<double> rain_depths_mm(const std::vector<DailyRain>& days);

}  // namespace sf::soil
