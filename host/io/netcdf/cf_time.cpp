#include "io/netcdf/cf_time.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "common/gregorian.hpp"

namespace sf::io {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

bool is_leap(long y, CfCalendar cal) {
  switch (cal) {
    case CfCalendar::kNoLeap:
    case CfCalendar::k360Day:
      return false;
    case CfCalendar::kAllLeap:
      return true;
    case CfCalendar::kJulian:
      return y % 4 == 0;
    case CfCalendar::kStandard:
    case CfCalendar::kProlepticGregorian:
      return gregorian::is_leap_year(y);
  }
  return false;
}

int days_in_month(long y, int m, CfCalendar cal) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (cal == CfCalendar::k360Day) return 30;
  return m == 2 && is_leap(y, cal) ? 29 : kDays[m - 1];
}

// Days from 1970-01-01 to y-m-d in the calendar (negative before).
double days_since_1970(long y, int m, int d, CfCalendar cal) {
  switch (cal) {
    case CfCalendar::k360Day:
      return 360.0 * (y - 1970) + 30.0 * (m - 1) + (d - 1);
    case CfCalendar::kNoLeap:
    case CfCalendar::kAllLeap: {
      double days = (cal == CfCalendar::kNoLeap ? 365.0 : 366.0) * (y - 1970);
      for (int k = 1; k < m; ++k) days += days_in_month(y, k, cal);
      return days + (d - 1);
    }
    case CfCalendar::kStandard:
    case CfCalendar::kProlepticGregorian:
      return static_cast<double>(gregorian::days_from_civil(y, m, d));
    case CfCalendar::kJulian: {  // Julian day number of a Julian-calendar date, minus 1970-01-01
      const long a = (14 - m) / 12, yy = y + 4800 - a, mm = m + 12 * a - 3;
      const long jdn = d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - 32083;
      return static_cast<double>(jdn - 2440588);
    }
  }
  return 0.0;
}

// Parses "Y-M-D[(T| )h[:m[:s]]][ ][Z|UTC|GMT|(+|-)hh[:mm]]" into calendar seconds.
double parse_date_time(const std::string& raw, CfCalendar cal, bool refuse_before_gregorian) {
  const std::string text = trim(raw);
  long y = 0;
  int mo = 0, d = 0, consumed = 0;
  if (std::sscanf(text.c_str(), "%ld-%d-%d%n", &y, &mo, &d, &consumed) != 3)
    throw std::invalid_argument("date \"" + text + "\" is not Y-M-D");
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo, cal))
    throw std::invalid_argument("date \"" + text + "\" does not exist in this calendar");
  if (refuse_before_gregorian && (y < 1582 || (y == 1582 && (mo < 10 || (mo == 10 && d < 15)))))
    throw std::invalid_argument("reference date \"" + text +
                                "\" is before 1582-10-15, where the standard (mixed "
                                "Julian/Gregorian) calendar is not supported; expected a later "
                                "date or calendar = proleptic_gregorian");
  std::string rest = text.substr(static_cast<std::size_t>(consumed));
  double seconds = 0.0;
  if (!rest.empty() && (rest[0] == 'T' || rest[0] == 't' || rest[0] == ' ')) {
    const std::string clock = trim(rest.substr(1));
    int h = 0, mi = 0, n = 0;
    double s = 0.0;
    if (std::sscanf(clock.c_str(), "%d:%d:%lf%n", &h, &mi, &s, &n) == 3 ||
        std::sscanf(clock.c_str(), "%d:%d%n", &h, &mi, &n) == 2) {
      seconds = h * 3600.0 + mi * 60.0 + s;
      rest = clock.substr(static_cast<std::size_t>(n));
    } else if (clock.empty() || std::isalpha(static_cast<unsigned char>(clock[0]))) {
      rest = clock;
    } else if (std::sscanf(clock.c_str(), "%d%n", &h, &n) == 1) {
      seconds = h * 3600.0;
      rest = clock.substr(static_cast<std::size_t>(n));
    }
  }
  const std::string zone = lower(trim(rest));
  double offset_s = 0.0;
  if (!(zone.empty() || zone == "z" || zone == "utc" || zone == "gmt")) {
    int zh = 0, zm = 0;
    if (std::sscanf(zone.c_str(), "%d:%d", &zh, &zm) >= 1 && (zone[0] == '+' || zone[0] == '-')) {
      offset_s = (std::abs(zh) * 3600.0 + zm * 60.0) * (zone[0] == '-' ? -1.0 : 1.0);
    } else {
      throw std::invalid_argument("time zone \"" + trim(rest) +
                                  "\" not understood; expected Z, UTC or +hh:mm");
    }
  }
  return days_since_1970(y, mo, d, cal) * 86400.0 + seconds - offset_s;
}

}  // namespace

CfCalendar parse_cf_calendar(const std::string& name) {
  const std::string n = lower(trim(name));
  if (n.empty() || n == "standard" || n == "gregorian") return CfCalendar::kStandard;
  if (n == "proleptic_gregorian") return CfCalendar::kProlepticGregorian;
  if (n == "noleap" || n == "365_day") return CfCalendar::kNoLeap;
  if (n == "all_leap" || n == "366_day") return CfCalendar::kAllLeap;
  if (n == "360_day") return CfCalendar::k360Day;
  if (n == "julian") return CfCalendar::kJulian;
  throw std::invalid_argument("calendar \"" + name +
                              "\" is not supported; expected standard, gregorian, "
                              "proleptic_gregorian, noleap, 365_day, all_leap, 366_day, "
                              "360_day or julian");
}

bool is_cf_time_units(const std::string& units) {
  return lower(units).find(" since ") != std::string::npos;
}

CfTimeUnits parse_cf_time_units(const std::string& units, CfCalendar calendar) {
  const std::string l = lower(units);
  const auto since = l.find(" since ");
  if (since == std::string::npos)
    throw std::invalid_argument("time units \"" + units +
                                "\" are not \"<unit> since <date>\" (e.g. \"seconds since "
                                "1970-01-01 00:00:00\")");
  const std::string unit = trim(l.substr(0, since));
  CfTimeUnits t;
  t.calendar = calendar;
  if (unit == "s" || unit == "sec" || unit == "secs" || unit == "second" || unit == "seconds")
    t.seconds_per_unit = 1.0;
  else if (unit == "min" || unit == "mins" || unit == "minute" || unit == "minutes")
    t.seconds_per_unit = 60.0;
  else if (unit == "h" || unit == "hr" || unit == "hrs" || unit == "hour" || unit == "hours")
    t.seconds_per_unit = 3600.0;
  else if (unit == "d" || unit == "day" || unit == "days")
    t.seconds_per_unit = 86400.0;
  else
    throw std::invalid_argument("time unit \"" + unit + "\" in \"" + units +
                                "\" is not supported; expected seconds, minutes, hours or days");
  t.reference_s =
      parse_date_time(units.substr(since + 7), calendar, calendar == CfCalendar::kStandard);
  return t;
}

double parse_iso8601_calendar_seconds(const std::string& text, CfCalendar calendar) {
  return parse_date_time(text, calendar, false);
}

}  // namespace sf::io
