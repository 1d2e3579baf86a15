// CF time units and calendars -> calendar seconds.
#include <gtest/gtest.h>

#include <stdexcept>

#include "io/netcdf/cf_time.hpp"

namespace {

using sf::io::CfCalendar;
using sf::io::parse_cf_time_units;
using sf::io::parse_iso8601_calendar_seconds;

TEST(CfTime, StandardCalendarWithUtcSuffix) {
  const auto u =
      parse_cf_time_units("seconds since 1970-01-01 00:00:00 UTC", CfCalendar::kStandard);
  EXPECT_EQ(u.to_calendar_seconds(1604113800.0),
            parse_iso8601_calendar_seconds("2020-10-31T03:10:00Z", CfCalendar::kStandard));
  EXPECT_EQ(parse_iso8601_calendar_seconds("2020-10-31T03:10:00Z", CfCalendar::kStandard),
            1604113800.0);
}

TEST(CfTime, UnitsAndZones) {
  const auto h =
      parse_cf_time_units("hours since 2020-10-31T00:00:00+10:00", CfCalendar::kStandard);
  EXPECT_EQ(h.to_calendar_seconds(0.0),
            parse_iso8601_calendar_seconds("2020-10-30 14:00", CfCalendar::kStandard));
  const auto m = parse_cf_time_units("minutes since 2000-01-01", CfCalendar::kProlepticGregorian);
  EXPECT_EQ(m.to_calendar_seconds(90.0) - m.reference_s, 5400.0);
  EXPECT_THROW(parse_cf_time_units("months since 2000-01-01", CfCalendar::kStandard),
               std::invalid_argument);
  EXPECT_THROW(parse_cf_time_units("seconds", CfCalendar::kStandard), std::invalid_argument);
  EXPECT_THROW(parse_cf_time_units("days since 1500-01-01", CfCalendar::kStandard),
               std::invalid_argument);  // mixed Julian/Gregorian range
  EXPECT_NO_THROW(parse_cf_time_units("days since 1500-01-01", CfCalendar::kProlepticGregorian));
}

TEST(CfTime, Calendars) {
  const auto days_between = [](CfCalendar c, const char* a, const char* b) {
    return (parse_iso8601_calendar_seconds(b, c) - parse_iso8601_calendar_seconds(a, c)) / 86400.0;
  };
  EXPECT_EQ(days_between(CfCalendar::kStandard, "2000-01-01", "2001-01-01"), 366.0);
  EXPECT_EQ(days_between(CfCalendar::kProlepticGregorian, "1900-01-01", "1901-01-01"), 365.0);
  EXPECT_EQ(days_between(CfCalendar::kNoLeap, "2000-01-01", "2001-01-01"), 365.0);
  EXPECT_EQ(days_between(CfCalendar::kAllLeap, "2001-01-01", "2002-01-01"), 366.0);
  EXPECT_EQ(days_between(CfCalendar::k360Day, "2000-01-01", "2000-03-01"), 60.0);
  EXPECT_EQ(days_between(CfCalendar::kJulian, "1900-01-01", "1901-01-01"), 366.0);  // 1900 leap
  EXPECT_THROW(parse_iso8601_calendar_seconds("2001-02-29", CfCalendar::kNoLeap),
               std::invalid_argument);
  EXPECT_NO_THROW(parse_iso8601_calendar_seconds("2001-02-30", CfCalendar::k360Day));
  EXPECT_EQ(sf::io::parse_cf_calendar("365_day"), CfCalendar::kNoLeap);
  EXPECT_EQ(sf::io::parse_cf_calendar("GREGORIAN"), CfCalendar::kStandard);
  EXPECT_THROW(sf::io::parse_cf_calendar("martian"), std::invalid_argument);
}

}  // namespace
