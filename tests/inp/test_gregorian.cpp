// The one Gregorian calendar (common/gregorian.hpp) against a day-by-day count, and the
// day numbers built on it: SWMM's (day 0 = 1899-12-30) and CF's (day 0 = 1970-01-01).
#include <gtest/gtest.h>

#include "common/gregorian.hpp"
#include "inp/datetime.hpp"

namespace sf {
namespace {

// Walks day by day from 1600-01-01 to 2400-12-31 with the leap-year rule written out again here,
// so both closed forms are checked on every day of two whole 400-year cycles.
TEST(Gregorian, DayCountMatchesAWalkOverEveryMonthFrom1600To2400) {
  auto leap = [](std::int64_t y) { return y % 400 == 0 || (y % 4 == 0 && y % 100 != 0); };
  const int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  // 1600-01-01 is 135140 days before 1970-01-01: 370 years of 365 days plus 90 leap days
  // (the 93 multiples of 4 in 1600..1969, less 1700, 1800 and 1900).
  std::int64_t count = -(370 * 365 + 90);
  for (std::int64_t y = 1600; y <= 2400; ++y)
    for (int m = 1; m <= 12; ++m) {
      const int length = lengths[m - 1] + (m == 2 && leap(y) ? 1 : 0);
      ASSERT_EQ(gregorian::days_in_month(y, m), length) << y << "-" << m;
      for (int d = 1; d <= length; ++d, ++count) {
        ASSERT_EQ(gregorian::days_from_civil(y, m, d), count) << y << "-" << m << "-" << d;
        const gregorian::CivilDate back = gregorian::civil_from_days(count);
        ASSERT_EQ(back.year, y);
        ASSERT_EQ(back.month, m);
        ASSERT_EQ(back.day, d);
      }
    }
}

TEST(Gregorian, HandValues) {
  EXPECT_EQ(gregorian::days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(gregorian::days_from_civil(2000, 3, 1), 11017);  // 30 years + 7 leap days + 59
  EXPECT_EQ(gregorian::days_from_civil(1969, 12, 31), -1);
  EXPECT_TRUE(gregorian::is_leap_year(2000));
  EXPECT_FALSE(gregorian::is_leap_year(1900));
  EXPECT_EQ(gregorian::days_in_month(2024, 2), 29);
  EXPECT_EQ(gregorian::days_in_month(2024, 13), 0);
}

// SWMM's day number is the same count shifted by 25569 days (1899-12-30 to 1970-01-01).
TEST(Gregorian, SwmmDayNumbersAreTheSameCalendar) {
  EXPECT_EQ(inp::day_number(inp::Date{1970, 1, 1}), 25569);
  EXPECT_EQ(inp::day_number(inp::Date{1, 1, 1}), -693593);  // SWMM's DateDelta 693594 - 1
  EXPECT_EQ(inp::day_number(inp::Date{2004, 2, 29}) - inp::day_number(inp::Date{2003, 2, 28}), 366);
}

}  // namespace
}  // namespace sf
