// Dates and times as SWMM writes them: dates M/D/Y or M-D-Y (month may be a 3-letter name),
// times as decimal hours or h:m[:s] (hours may exceed 24). Day numbers follow SWMM's
// (and Delphi's) convention: day 0 is 1899-12-30 (datetime.c). The calendar itself is
// common/gregorian.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "inp/model.hpp"

namespace sf::inp {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
};

/// "01/15/2004", "1-15-2004", "JAN/15/2004", "jan-15-2004". Empty when not a valid date.
std::optional<Date> parse_date(const std::string& text);

/// "mm/dd" (no year), as SWEEP_START uses; the year is set to 1947 (not a leap year), as SWMM.
std::optional<Date> parse_month_day(const std::string& text);

/// A time written as decimal hours ("2.5") or h:m[:s] ("02:30", "0:00:20", "36:00"), in
/// seconds. Empty when not a time or negative.
std::optional<double> parse_clock_seconds(const std::string& text);

/// Days since 1899-12-30 (SWMM's DateTime integer part). Requires a valid date.
std::int64_t day_number(const Date& date);
std::int64_t day_number(const DateTime& dt);

/// Day of the year, 1..366.
int day_of_year(const Date& date);

/// dt2 - dt1 in seconds, exactly.
std::int64_t seconds_between(const DateTime& dt1, const DateTime& dt2);

/// floor((end - start) * 86400) computed as SWMM does, with both date-times as floating-point
/// day numbers (date + seconds/86400); can be 1 s less than seconds_between.
std::int64_t swmm_duration_seconds(const DateTime& start, const DateTime& end);

/// "2004-01-15T06:30:00" for messages.
std::string to_string(const DateTime& dt);

}  // namespace sf::inp
