#include "io/netcdf/cf_time_reference.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "common/gregorian.hpp"
#include "io/netcdf/cf_time.hpp"

namespace sf::io {

std::string cf_seconds_since(const std::string& iso8601_start) {
  if (iso8601_start.empty()) return "seconds since 1970-01-01";
  double seconds = 0.0;
  try {
    seconds = parse_iso8601_calendar_seconds(iso8601_start, CfCalendar::kStandard);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument("start of the run \"" + iso8601_start +
                                "\" is not an ISO 8601 date-time (" + e.what() +
                                "); expected e.g. 2024-07-01T00:00:00Z");
  }
  if (seconds != std::floor(seconds))
    throw std::invalid_argument("start of the run \"" + iso8601_start +
                                "\" has fractional seconds; give it to the whole second");
  const long long total = static_cast<long long>(seconds);
  long long days = total / 86400, rest = total % 86400;
  if (rest < 0) rest += 86400, --days;
  const gregorian::CivilDate date = gregorian::civil_from_days(days);
  char text[64];
  std::snprintf(text, sizeof text, "seconds since %04lld-%02d-%02dT%02lld:%02lld:%02lldZ",
                static_cast<long long>(date.year), date.month, date.day, rest / 3600,
                rest % 3600 / 60, rest % 60);
  return text;
}

}  // namespace sf::io
