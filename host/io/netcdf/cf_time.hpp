// CF time: "<unit> since <date>[ <time>][ <zone>]" with a calendar -> seconds on one line.
// Our own small parser (not udunits2) because udunits2 knows only the mixed Gregorian calendar.
// "Calendar seconds" count seconds since 1970-01-01 00:00:00 UTC *in the file's calendar*
// (a 360_day year has 360 * 86400 s), so differences between times of one file are exact
// model durations. "standard"/"gregorian" are taken as proleptic Gregorian and refuse
// reference dates before the 1582-10-15 switch (where the two differ).
// Units "months" and "years" are refused: CF defines them as fractions of a tropical year,
// never what a rain file means.
#pragma once

#include <string>

namespace sf::io {

enum class CfCalendar { kStandard, kProlepticGregorian, kNoLeap, kAllLeap, k360Day, kJulian };

/// Accepts standard, gregorian, proleptic_gregorian, noleap, 365_day, all_leap, 366_day,
/// 360_day, julian (case-insensitive); empty means standard. Throws std::invalid_argument.
CfCalendar parse_cf_calendar(const std::string& name);

struct CfTimeUnits {
  double seconds_per_unit = 1.0;
  double reference_s = 0.0;  // calendar seconds of the reference date
  CfCalendar calendar = CfCalendar::kStandard;
  double to_calendar_seconds(double value) const { return reference_s + value * seconds_per_unit; }
};

/// True when the text looks like CF time units ("... since ...").
bool is_cf_time_units(const std::string& units);

/// Throws std::invalid_argument naming what could not be read.
CfTimeUnits parse_cf_time_units(const std::string& units, CfCalendar calendar);

/// An ISO 8601 date-time ("2020-10-31T03:00:00Z", "2020-10-31 03:00", "2020-10-31",
/// "...+10:00") as calendar seconds. Throws std::invalid_argument.
double parse_iso8601_calendar_seconds(const std::string& text, CfCalendar calendar);

}  // namespace sf::io
