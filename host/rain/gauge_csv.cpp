// CSV readers of the gauge list and the gauge series (format in rain_gauges.hpp).
#include "common/csv_rows.hpp"
#include "common/input_error.hpp"
#include "rain/rain_gauges.hpp"

namespace sf::rain {
namespace {

using csv::parse_number;

// Rows of the file; the first is the header.
std::vector<csv::Row> read_csv_lines(const std::string& path, const std::string& section) {
  std::vector<csv::Row> lines = csv::read_rows(path, section);
  if (lines.empty()) throw InputError(InputIssue{path, 0, section, "", "the file has no header"});
  return lines;
}

}  // namespace

std::vector<RainGauge> read_rain_gauges_csv(const std::string& path) {
  const std::string section = "[rain gauges]";
  const auto lines = read_csv_lines(path, section);
  std::vector<InputIssue> issues;
  const auto& header = lines.front();
  if (header.cells != std::vector<std::string>{"gauge", "x", "y"})
    throw InputError(InputIssue{path, header.line, section, "header",
                                "found \"" + (header.cells.empty() ? "" : header.cells[0]) +
                                    ",...\"; expected exactly \"gauge,x,y\""});
  std::vector<RainGauge> gauges;
  for (std::size_t k = 1; k < lines.size(); ++k) {
    const auto& line = lines[k];
    if (line.cells.size() != 3) {
      issues.push_back({path, line.line, section, "",
                        std::to_string(line.cells.size()) + " columns; expected 3 (gauge,x,y)"});
      continue;
    }
    RainGauge g{line.cells[0], 0.0, 0.0};
    if (g.name.empty()) issues.push_back({path, line.line, section, "gauge", "empty name"});
    for (const auto& other : gauges)
      if (other.name == g.name)
        issues.push_back({path, line.line, section, g.name, "gauge listed twice"});
    if (!parse_number(line.cells[1], g.x))
      issues.push_back({path, line.line, section, g.name + " x",
                        "\"" + line.cells[1] + "\" is not a number; expected metres"});
    if (!parse_number(line.cells[2], g.y))
      issues.push_back({path, line.line, section, g.name + " y",
                        "\"" + line.cells[2] + "\" is not a number; expected metres"});
    gauges.push_back(g);
  }
  if (gauges.empty() && issues.empty())
    issues.push_back({path, 0, section, "", "no gauges listed; expected at least one row"});
  if (!issues.empty()) throw InputError(issues);
  return gauges;
}

GaugeSeries read_gauge_series_csv(const std::string& path) {
  const std::string section = "[rain gauge series]";
  const auto lines = read_csv_lines(path, section);
  const auto& header = lines.front();
  double seconds_per_unit = 0.0;
  const std::string time_column = header.cells.empty() ? "" : header.cells[0];
  if (time_column == "time_s") seconds_per_unit = 1.0;
  if (time_column == "time_min") seconds_per_unit = 60.0;
  if (time_column == "time_h") seconds_per_unit = 3600.0;
  if (seconds_per_unit == 0.0)
    throw InputError(
        InputIssue{path, header.line, section, "header",
                   "first column \"" + time_column + "\"; expected time_s, time_min or time_h"});
  if (header.cells.size() < 2)
    throw InputError(InputIssue{path, header.line, section, "header",
                                "no gauge columns; expected time column then one per gauge"});

  const std::size_t ncol = header.cells.size() - 1;
  std::vector<InputIssue> issues;
  std::vector<double> times;
  std::vector<std::vector<double>> rates(ncol);
  for (std::size_t k = 1; k < lines.size(); ++k) {
    const auto& line = lines[k];
    if (line.cells.size() != ncol + 1) {
      issues.push_back({path, line.line, section, "",
                        std::to_string(line.cells.size()) + " columns; expected " +
                            std::to_string(ncol + 1) + " as in the header"});
      continue;
    }
    double t = 0.0;
    if (!parse_number(line.cells[0], t)) {
      issues.push_back(
          {path, line.line, section, time_column, "\"" + line.cells[0] + "\" is not a number"});
      continue;
    }
    if (!times.empty() && !(t * seconds_per_unit > times.back()))
      issues.push_back({path, line.line, section, time_column,
                        line.cells[0] + " does not increase; expected strictly increasing times"});
    times.push_back(t * seconds_per_unit);
    for (std::size_t c = 0; c < ncol; ++c) {
      double mm_per_h = 0.0;
      if (!parse_number(line.cells[c + 1], mm_per_h) || mm_per_h < 0.0)
        issues.push_back({path, line.line, section, header.cells[c + 1],
                          "\"" + line.cells[c + 1] + "\"; expected an intensity >= 0 in mm/h"});
      rates[c].push_back(mm_per_h * 1e-3 / 3600.0);
    }
  }
  if (times.empty() && issues.empty())
    issues.push_back({path, 0, section, "", "no data rows; expected at least one"});
  if (!issues.empty()) throw InputError(issues);

  GaugeSeries series;
  for (std::size_t c = 0; c < ncol; ++c) {
    series.names.push_back(header.cells[c + 1]);
    series.rate_m_per_s.emplace_back(times, rates[c], TimeSeries::Interpolation::kStep);
  }
  return series;
}

}  // namespace sf::rain
