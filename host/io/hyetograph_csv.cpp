#include "io/hyetograph_csv.hpp"

#include <vector>

#include "common/csv_rows.hpp"
#include "common/input_error.hpp"

namespace sf::io {

TimeSeries read_hyetograph_csv(const std::string& path, double time_unit_s,
                               TimeSeries::Interpolation interpolation) {
  std::vector<double> t, v;
  std::vector<InputIssue> issues;
  bool header_seen = false;
  for (const csv::Row& row : csv::read_rows(path, "", "the rain file")) {
    // Columns after the second are ignored (a spreadsheet's notes column, say).
    const std::string& a = row.cells[0];
    const std::string b = row.cells.size() > 1 ? row.cells[1] : "";
    double ta, vb;
    const bool ok = csv::parse_number(a, ta) && csv::parse_number(b, vb);
    if (!header_seen && !ok) {  // the first non-comment line may be a header
      header_seen = true;
      continue;
    }
    header_seen = true;
    if (!ok) {
      issues.push_back(
          {path, row.line, "", "", "'" + row.text + "' is not 'time,intensity' with two numbers"});
      continue;
    }
    if (vb < 0)
      issues.push_back(
          {path, row.line, "", "intensity", "value " + b + " is negative; expected >= 0 mm/h"});
    if (!t.empty() && !(ta * time_unit_s > t.back()))
      issues.push_back({path, row.line, "", "time", "time " + a + " does not increase"});
    t.push_back(ta * time_unit_s);
    v.push_back(vb / 1000.0 / 3600.0);
  }
  if (issues.empty() && t.empty())
    issues.push_back({path, 0, "", "", "no data rows; expected 'time,intensity' lines"});
  if (!issues.empty()) throw InputError(issues);
  return TimeSeries(t, v, interpolation);
}

}  // namespace sf::io
