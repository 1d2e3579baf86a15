// Capture ratio and design depth from a daily rain series (see capture_ratio.hpp).
#include "sponge/capture_ratio.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "common/csv_rows.hpp"
#include "common/input_error.hpp"

namespace sf::soil {
namespace {

bool looks_like_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  return true;
}

// Days counted by the guide: rain above the threshold.
std::vector<double> counted_days(const std::vector<double>& rain, double min_day_mm) {
  std::vector<double> days;
  for (double p : rain)
    if (p > min_day_mm) days.push_back(p);
  if (days.empty()) {
    std::ostringstream m;
    m << "no day with more than " << min_day_mm
      << " mm of rain; expected a multi-year daily series";
    throw InputError(InputIssue{"", 0, "capture ratio", "rain_mm", m.str()});
  }
  return days;
}

double ratio_of(const std::vector<double>& days, double d) {
  double captured = 0, total = 0;
  for (double p : days) {
    captured += std::min(p, d);
    total += p;
  }
  return captured / total;
}

}  // namespace

std::vector<DailyRain> read_daily_rain_csv(const std::string& path) {
  std::vector<InputIssue> issues;
  std::vector<DailyRain> days;
  bool header = false;
  for (const csv::Row& row : csv::read_rows(path)) {
    const int n = row.line;
    const std::string& a = row.cells[0];
    const std::string b = row.cells.size() > 1 ? row.cells[1] : "";
    if (!header) {
      if (row.cells != std::vector<std::string>{"date", "rain_mm"})
        issues.push_back({path, n, "", "header", "'" + row.text + "'; expected 'date,rain_mm'"});
      header = true;
      continue;
    }
    if (row.cells.size() > 2) {
      issues.push_back({path, n, "", "",
                        std::to_string(row.cells.size()) + " columns; expected 2 (date,rain_mm)"});
      continue;
    }
    if (!looks_like_date(a))
      issues.push_back({path, n, "", "date", "'" + a + "'; expected YYYY-MM-DD"});
    double v = 0.0;
    if (!csv::parse_number(b, v)) {
      issues.push_back({path, n, "", "rain_mm", "'" + b + "'; expected a number of mm"});
    } else if (v < 0) {
      issues.push_back({path, n, "", "rain_mm", b + " is negative; expected a depth >= 0 mm"});
    } else {
      days.push_back({a, v});
    }
  }
  if (!header) issues.push_back({path, 0, "", "header", "empty file; expected 'date,rain_mm'"});
  if (!issues.empty()) throw InputError(std::move(issues));
  return days;
}

std::vector<double> rain_depths_mm(const std::vector<DailyRain>& days) {
  std::vector<double> r;
  r.reserve(days.size());
  for (const DailyRain& d : days) r.push_back(d.rain_mm);
  return r;
}

double capture_ratio(const std::vector<double>& daily_rain_mm, double design_depth_mm,
                     double min_day_mm) {
  return ratio_of(counted_days(daily_rain_mm, min_day_mm), std::max(design_depth_mm, 0.0));
}

double design_depth_for_ratio(const std::vector<double>& daily_rain_mm, double target,
                              double min_day_mm) {
  if (!(target > 0 && target <= 1)) {
    std::ostringstream m;
    m << target << "; expected a ratio in (0, 1]";
    throw InputError(InputIssue{"", 0, "capture ratio", "target", m.str()});
  }
  const std::vector<double> days = counted_days(daily_rain_mm, min_day_mm);
  double lo = 0, hi = *std::max_element(days.begin(), days.end());  // ratio(hi) = 1
  while (hi - lo > 1e-6) {
    const double mid = 0.5 * (lo + hi);
    if (ratio_of(days, mid) < target)
      lo = mid;
    else
      hi = mid;
  }
  return hi;
}

}  // namespace sf::soil
