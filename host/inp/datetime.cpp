// Date and time parsing in SWMM's formats (see datetime.hpp).
#include "inp/datetime.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "common/gregorian.hpp"

namespace sf::inp {
namespace {

// Days from SWMM's day 0, 1899-12-30, to 1970-01-01.
constexpr std::int64_t kDay0To1970 = 25569;
static_assert(gregorian::days_from_civil(1899, 12, 30) == -kDay0To1970);

constexpr const char* kMonthNames[12] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                         "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Splits at '/' or '-' (a date uses one kind of separator throughout).
std::vector<std::string> split_date(const std::string& text) {
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == '/' || c == '-')
      parts.emplace_back();
    else
      parts.back() += c;
  }
  return parts;
}

int month_from_text(const std::string& s) {
  if (all_digits(s)) return std::atoi(s.c_str());
  if (s.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    bool same = true;
    for (int i = 0; i < 3; ++i)
      same = same && std::toupper(static_cast<unsigned char>(s[i])) == kMonthNames[m][i];
    if (same) return m + 1;
  }
  return 0;
}

bool valid(const Date& d) {
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= gregorian::days_in_month(d.year, d.month);
}

}  // namespace

std::optional<Date> parse_date(const std::string& text) {
  auto parts = split_date(text);
  if (parts.size() != 3 || !all_digits(parts[1]) || !all_digits(parts[2])) return std::nullopt;
  Date d;
  d.month = month_from_text(parts[0]);
  d.day = std::atoi(parts[1].c_str());
  d.year = std::atoi(parts[2].c_str());
  if (!valid(d)) return std::nullopt;
  return d;
}

std::optional<Date> parse_month_day(const std::string& text) {
  auto parts = split_date(text);
  if (parts.size() != 2 || !all_digits(parts[1])) return std::nullopt;
  Date d;
  d.year = 1947;
  d.month = month_from_text(parts[0]);
  d.day = std::atoi(parts[1].c_str());
  if (!valid(d)) return std::nullopt;
  return d;
}

std::optional<double> parse_clock_seconds(const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (text.find(':') == std::string::npos) {
    char* end = nullptr;
    double hours = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !std::isfinite(hours) || hours < 0.0)
      return std::nullopt;
    return hours * 3600.0;
  }
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == ':')
      parts.emplace_back();
    else
      parts.back() += c;
  }
  if (parts.size() > 3) return std::nullopt;
  double s = 0.0;
  const double scale[3] = {3600.0, 60.0, 1.0};
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!all_digits(parts[i])) return std::nullopt;
    s += scale[i] * std::atof(parts[i].c_str());
  }
  return s;
}

std::int64_t day_number(const Date& date) {
  return gregorian::days_from_civil(date.year, date.month, date.day) + kDay0To1970;
}

std::int64_t day_number(const DateTime& dt) {
  return day_number(Date{dt.year, dt.month, dt.day});
}

int day_of_year(const Date& date) {
  int n = date.day;
  for (int m = 1; m < date.month; ++m) n += gregorian::days_in_month(date.year, m);
  return n;
}

std::int64_t seconds_between(const DateTime& dt1, const DateTime& dt2) {
  return (day_number(dt2) - day_number(dt1)) * 86400 + dt2.seconds_of_day - dt1.seconds_of_day;
}

std::int64_t swmm_duration_seconds(const DateTime& start, const DateTime& end) {
  const double s = static_cast<double>(day_number(start)) + start.seconds_of_day / 86400.0;
  const double e = static_cast<double>(day_number(end)) + end.seconds_of_day / 86400.0;
  return static_cast<std::int64_t>(std::floor((e - s) * 86400.0));
}

std::string to_string(const DateTime& dt) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", dt.year, dt.month, dt.day,
                dt.seconds_of_day / 3600, dt.seconds_of_day / 60 % 60, dt.seconds_of_day % 60);
  return buf;
}

}  // namespace sf::inp
