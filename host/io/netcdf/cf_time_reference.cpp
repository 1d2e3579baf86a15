#include "cf_time_reference.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "cf_time.hpp"

namespace sf::io {
namespace {

/// Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days).
void civil_from_days(long long z, long long& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<long long>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
}

}  // namespace

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
  long long year = 0;
  unsigned month = 0, day = 0;
  civil_from_days(days, year, month, day);
  char text[64];
  std::snprintf(text, sizeof text, "seconds since %04lld-%02u-%02uT%02lld:%02lld:%02lldZ", year,
                month, day, rest / 3600, rest % 3600 / 60, rest % 60);
  return text;
}

}  // namespace sf::io
