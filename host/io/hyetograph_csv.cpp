#include "io/hyetograph_csv.hpp"

#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>

#include "common/input_error.hpp"

namespace sf::io {
namespace {

bool parse_number(const std::string& text, double& out) {
  const char* b = text.c_str();
  char* end = nullptr;
  out = std::strtod(b, &end);
  while (end && (*end == ' ' || *end == '\t' || *end == '\r')) ++end;
  return end != b && end && *end == '\0' && std::isfinite(out);
}

}  // namespace

TimeSeries read_hyetograph_csv(const std::string& path, double time_unit_s,
                               TimeSeries::Interpolation interpolation) {
  std::ifstream in(path);
  if (!in) throw InputError(InputIssue{path, 0, "", "", "cannot open the rain file"});
  std::vector<double> t, v;
  std::vector<InputIssue> issues;
  std::string line;
  int n = 0;
  bool header_seen = false;
  while (std::getline(in, line)) {
    ++n;
    const auto hash = line.find('#');
    if (hash != std::string::npos) line.erase(hash);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::stringstream ss(line);
    std::string a, b, extra;
    std::getline(ss, a, ',');
    std::getline(ss, b, ',');
    double ta, vb;
    const bool ok = parse_number(a, ta) && parse_number(b, vb);
    if (!header_seen && !ok) {  // the first non-comment line may be a header
      header_seen = true;
      continue;
    }
    header_seen = true;
    if (!ok) {
      issues.push_back(
          {path, n, "", "", "'" + line + "' is not 'time,intensity' with two numbers"});
      continue;
    }
    if (vb < 0)
      issues.push_back(
          {path, n, "", "intensity", "value " + b + " is negative; expected >= 0 mm/h"});
    if (!t.empty() && !(ta * time_unit_s > t.back()))
      issues.push_back({path, n, "", "time", "time " + a + " does not increase"});
    t.push_back(ta * time_unit_s);
    v.push_back(vb / 1000.0 / 3600.0);
  }
  if (issues.empty() && t.empty())
    issues.push_back({path, 0, "", "", "no data rows; expected 'time,intensity' lines"});
  if (!issues.empty()) throw InputError(issues);
  return TimeSeries(t, v, interpolation);
}

}  // namespace sf::io
