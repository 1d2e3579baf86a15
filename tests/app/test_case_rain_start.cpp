// [rain] start is checked when the case is read (before the rain grid is opened or the run
// begins): a text that is a date-time in no CF calendar is refused naming the line; dates that
// exist only in some calendars (30 February: 360_day) are left to the rain file's calendar.
#include <gtest/gtest.h>

#include "case_fixture.hpp"

namespace sf::test {
namespace {

std::string read_error(const std::filesystem::path& case_file) {
  try {
    config::read_case_file(case_file.string());
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(CaseRainStart, NotADateTimeIsRefusedWhenTheCaseIsRead) {
  // The grid file does not exist: reading the case must fail on start alone, before any load.
  const auto c =
      write_case("rain_start_bad", "[rain]\ngrid = \"radar.nc\"\nstart = \"yesterday\"\n");
  const std::string e = read_error(c);
  EXPECT_NE(e.find(c.string() + ":7: [rain] start: \"yesterday\" is not an ISO 8601 date-time in "
                                "any CF calendar ("),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("expected e.g. 2020-10-31T03:00:00Z"), std::string::npos) << e;
}

TEST(CaseRainStart, DatesOfSomeCalendarsAreLeftToTheFile) {
  for (const char* start : {"2020-10-31T03:00:00Z", "2021-02-30T00:00:00Z", "2020-10-31"}) {
    const auto c = write_case(
        "rain_start_ok", "[rain]\ngrid = \"radar.nc\"\nstart = \"" + std::string(start) + "\"\n");
    EXPECT_EQ(read_error(c), "") << start;
  }
}

}  // namespace
}  // namespace sf::test
