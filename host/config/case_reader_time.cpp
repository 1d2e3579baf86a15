// [time]: duration, output interval and the calendar start, all checked when the case is read so
// that a bad value stops before the run instead of hours into it (or never, without netCDF).
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "config/case_reader_extra.hpp"
#include "io/netcdf/cf_time.hpp"

namespace sf::config {
namespace {

std::string plain(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", v);
  return b;
}

/// The start is the netCDF results' time axis ("seconds since" it, standard calendar), whole
/// seconds only; checked here whether or not netCDF output is on.
void check_start(const TableReader& time, const std::string& start) {
  try {
    const double s = io::parse_iso8601_calendar_seconds(start, io::CfCalendar::kStandard);
    if (s != std::floor(s))
      time.error("start", "\"" + start + "\" has fractional seconds; give it to the whole second");
  } catch (const std::invalid_argument& e) {
    time.error("start", "\"" + start + "\" is not an ISO 8601 date-time (" + e.what() +
                            "); expected e.g. 2024-07-01T08:00:00+08:00");
  }
}

}  // namespace

void read_time(const TableReader& time, bool has_table, CaseConfig& c) {
  const std::string duration_range = "> 0 s and <= " + plain(kMaxDuration) + " s";
  c.duration =
      time.number("duration", 1e-9, kMaxDuration, duration_range.c_str(), has_table).value_or(0);
  const std::string interval_range =
      ">= " + plain(kMinOutputInterval) + " s and <= " + plain(kMaxDuration) + " s";
  const auto interval =
      time.number("output_interval", kMinOutputInterval, kMaxDuration, interval_range.c_str());
  c.output_interval = interval.value_or(c.duration);
  if (interval && c.duration > 0) {
    const double frames = std::ceil(c.duration / *interval);
    if (frames > kMaxOutputFrames)
      time.error("output_interval", "value " + plain(*interval) + " gives " + plain(frames) +
                                        " snapshots over " + plain(c.duration) +
                                        " s; expected at most " + plain(kMaxOutputFrames) +
                                        " (an output_interval of at least " +
                                        plain(c.duration / kMaxOutputFrames) + " s)");
  }
  if (const auto start = time.string("start")) {
    c.start_iso8601 = *start;
    check_start(time, *start);
  }
}

}  // namespace sf::config
