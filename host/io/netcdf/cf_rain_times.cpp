#include "io/netcdf/cf_rain_times.hpp"

#include <sstream>
#include <stdexcept>

#include "common/input_error.hpp"
#include "io/netcdf/netcdf_file.hpp"

namespace sf::io {
namespace {

bool is_time_variable(const nc::File& f, int varid) {
  return f.text_attribute(varid, "standard_name").value_or("") == "time" ||
         f.text_attribute(varid, "axis").value_or("") == "T" ||
         is_cf_time_units(f.text_attribute(varid, "units").value_or(""));
}

std::string seconds_text(double s) {
  std::ostringstream o;
  o.precision(12);
  o << s;
  return o.str();
}

}  // namespace

FileFrames read_file_frames(const nc::File& f, int varid, const std::string& variable,
                            RainQuantity quantity) {
  const auto fail = [&](const std::string& field, const std::string& m) {
    return InputError(InputIssue{f.path(), 0, "[rain]", field, m});
  };
  FileFrames out;
  const std::vector<int> dims = f.dimensions(varid);
  int time_var = -1;
  std::string untimed_dimension;
  for (std::size_t k = 0; k + 2 < dims.size(); ++k) {
    const std::string name = f.dimension_name(dims[k]);
    const int coord = f.find_variable(name);
    if (coord >= 0 && f.dimensions(coord).size() == 1 && is_time_variable(f, coord)) {
      time_var = coord;
      out.time_dimension = dims[k];
    } else if (f.dimension_length(dims[k]) > 1 || name == "time") {
      untimed_dimension = name + " (" + std::to_string(f.dimension_length(dims[k])) + ")";
    }
  }
  if (time_var < 0 && !untimed_dimension.empty())
    throw fail(variable, "dimension " + untimed_dimension +
                             " has no time coordinate variable (nothing with standard_name = "
                             "time, axis = T or units \"<unit> since <date>\"); expected a CF "
                             "time coordinate for the frames");
  if (time_var < 0) {
    for (int v : f.variables())
      if (f.dimensions(v).empty() && is_time_variable(f, v)) {
        time_var = v;
        break;
      }
  }
  if (time_var < 0)
    throw fail(variable,
               "no time axis: the variable has no time dimension and the file has no scalar "
               "time variable (standard_name = time); expected a CF time coordinate");

  const std::string time_name = f.variable_name(time_var);
  const std::string units = f.text_attribute(time_var, "units").value_or("");
  CfTimeUnits time_units;
  try {
    out.calendar = parse_cf_calendar(f.text_attribute(time_var, "calendar").value_or(""));
    time_units = parse_cf_time_units(units, out.calendar);
  } catch (const std::invalid_argument& e) {
    throw fail(time_name, e.what());
  }
  std::vector<double> t = f.read_all(time_var);
  for (double& v : t) v = time_units.to_calendar_seconds(v);
  for (std::size_t k = 1; k < t.size(); ++k)
    if (!(t[k] > t[k - 1]))
      throw fail(time_name, "values are not strictly increasing at index " + std::to_string(k) +
                                " (" + seconds_text(t[k] - time_units.reference_s) + " s after " +
                                seconds_text(t[k - 1] - time_units.reference_s) +
                                " s, counted from the units' reference date); expected frames "
                                "in time order");
  const std::size_t n = t.size();

  if (const auto bounds_name = f.text_attribute(time_var, "bounds")) {
    const int bid = f.find_variable(*bounds_name);
    if (bid < 0) throw fail(time_name, "bounds variable " + *bounds_name + " does not exist");
    const std::vector<double> b = f.read_all(bid);
    if (b.size() != 2 * n)
      throw fail(*bounds_name, "has " + std::to_string(b.size()) + " values; expected " +
                                   std::to_string(2 * n) + " (time, 2)");
    for (std::size_t k = 0; k < n; ++k) {
      out.start_s.push_back(time_units.to_calendar_seconds(b[2 * k]));
      out.end_s.push_back(time_units.to_calendar_seconds(b[2 * k + 1]));
      if (!(out.end_s.back() > out.start_s.back()))
        throw fail(*bounds_name, "window " + std::to_string(k) + " does not have start < end");
    }
    return out;
  }
  const int start_var = f.find_variable("start_time");
  if (n == 1 && start_var >= 0 && f.dimensions(start_var).empty()) {
    const std::string su = f.text_attribute(start_var, "units").value_or("");
    CfTimeUnits start_units;
    try {
      start_units = parse_cf_time_units(su, out.calendar);
    } catch (const std::invalid_argument& e) {
      throw fail("start_time", e.what());
    }
    out.start_s.push_back(start_units.to_calendar_seconds(f.read_all(start_var).front()));
    out.end_s.push_back(t.front());
    if (!(out.end_s[0] > out.start_s[0]))
      throw fail("start_time", "is not before " + time_name + "; expected start < end");
    return out;
  }
  if (n < 2)
    throw fail(variable,
               "one frame and neither time bounds nor a start_time: the " +
                   std::string(quantity == RainQuantity::kAmount ? "accumulation " : "averaging ") +
                   "period is unknown; expected a bounds attribute on " + time_name);
  for (std::size_t k = 0; k < n; ++k) {
    if (quantity == RainQuantity::kRate) {
      out.start_s.push_back(t[k]);
      out.end_s.push_back(k + 1 < n ? t[k + 1] : t[k] + (t[k] - t[k - 1]));
    } else {
      out.start_s.push_back(k > 0 ? t[k - 1] : t[0] - (t[1] - t[0]));
      out.end_s.push_back(t[k]);
    }
  }
  return out;
}

}  // namespace sf::io
