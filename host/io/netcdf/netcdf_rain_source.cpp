#include "io/netcdf/netcdf_rain_source.hpp"

#include <glob.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "common/input_error.hpp"
#include "io/netcdf/cf_grid_mapping.hpp"
#include "io/netcdf/cf_rain_times.hpp"
#include "io/netcdf/cf_source_grid.hpp"
#include "io/netcdf/netcdf_file.hpp"
#include "io/netcdf/rain_units.hpp"
#include "io/netcdf/regrid_weights.hpp"

namespace sf::io {
namespace {

struct FrameRecord {
  std::size_t file = 0;
  long time_index = -1;  // index along the file's time dimension, -1 for a scalar time
  int time_dimension = -1;
  double start_s = 0.0, end_s = 0.0;  // calendar seconds
};

InputError rain_error(const std::string& file, const std::string& field, const std::string& m) {
  return InputError(InputIssue{file, 0, "[rain]", field, m});
}

std::vector<std::string> expand_glob(const std::string& pattern) {
  if (pattern.find_first_of("*?[") == std::string::npos) return {pattern};
  glob_t g{};
  const int status = ::glob(pattern.c_str(), 0, nullptr, &g);
  std::vector<std::string> files;
  for (std::size_t k = 0; status == 0 && k < g.gl_pathc; ++k) files.emplace_back(g.gl_pathv[k]);
  globfree(&g);
  if (files.empty())
    throw rain_error(pattern, "", "no file matches this pattern; expected netCDF rain files");
  return files;
}

/// The ensemble-member dimension of `varid` (CF standard_name realization, or a usual name), or
/// -1. Only the dimensions before the grid's (y, x) are looked at.
int member_dimension(const nc::File& f, int varid) {
  const std::vector<int> dims = f.dimensions(varid);
  for (std::size_t k = 0; k + 2 < dims.size(); ++k) {
    const std::string name = f.dimension_name(dims[k]);
    const int coord = f.find_variable(name);
    if (coord >= 0 && f.text_attribute(coord, "standard_name").value_or("") == "realization")
      return dims[k];
    for (const char* usual : {"realization", "member", "ensemble_member", "number"})
      if (name == usual) return dims[k];
  }
  return -1;
}

int find_rain_variable(const nc::File& f, const std::string& wanted) {
  if (!wanted.empty()) {
    const int v = f.find_variable(wanted);
    if (v < 0) throw rain_error(f.path(), wanted, "no such variable in the file");
    return v;
  }
  const std::vector<int> vars = f.variables();
  std::string names;
  for (const char* const* sn = rain_standard_names(); *sn; ++sn) {
    for (int v : vars)
      if (f.text_attribute(v, "standard_name").value_or("") == *sn) return v;
    names += (names.empty() ? "" : ", ") + std::string(*sn);
  }
  throw rain_error(f.path(), "",
                   "no rain variable found: no standard_name is one of " + names +
                       "; name the variable in the options");
}

std::string extent_text(double xa, double xb, double ya, double yb, const char* unit) {
  std::ostringstream o;
  o.precision(10);
  o << "x " << std::min(xa, xb) << " .. " << std::max(xa, xb) << " " << unit << ", y "
    << std::min(ya, yb) << " .. " << std::max(ya, yb) << " " << unit;
  return o.str();
}

}  // namespace

struct NetcdfRainSource::Impl {
  NetcdfRainOptions options;
  std::vector<std::string> files;
  std::string variable;
  UnitSystem unit_system;
  RainUnits units;
  SourceGrid grid;
  RegridWeights weights;
  bool reprojected = false;
  std::vector<FrameRecord> records;
  CfCalendar calendar = CfCalendar::kStandard;
  double start_s = 0.0;
  std::size_t cursor = 0;
  std::size_t members = 1;
  bool has_member_dimension = false;
  RainReadWarnings warnings;  // mutated by const reads; see read_frame_on_grid

  void scan(const std::string& path, std::size_t file_index);
  void build_weights();
  void read(std::size_t index, std::vector<float>& out);
};

void NetcdfRainSource::Impl::scan(const std::string& path, std::size_t file_index) {
  const nc::File f(path);
  const int varid = find_rain_variable(f, options.variable);
  const std::string name = f.variable_name(varid);
  const RainUnits u =
      unit_system.classify_rain(f.text_attribute(varid, "units").value_or(""),
                                f.text_attribute(varid, "standard_name").value_or(""),
                                f.text_attribute(varid, "cell_methods").value_or(""), path, name);
  SourceGrid g = read_source_grid(f, varid, name, unit_system);
  const FileFrames frames = read_file_frames(f, varid, name, u.quantity);
  const int member_dim = member_dimension(f, varid);
  const std::size_t file_members = member_dim < 0 ? 1 : f.dimension_length(member_dim);
  if (options.member >= file_members)
    throw rain_error(path, name,
                     "has " + std::to_string(file_members) + " ensemble member(s); member " +
                         std::to_string(options.member) + " was asked for");
  if (file_index == 0) {
    members = file_members;
    has_member_dimension = member_dim >= 0;
    variable = name;
    units = u;
    grid = std::move(g);
    calendar = frames.calendar;
  } else {
    if (name != variable)
      throw rain_error(path, name,
                       "differs from " + variable + " in " + files[0] +
                           "; expected the same variable in every file");
    if (u.quantity != units.quantity || u.to_si != units.to_si)
      throw rain_error(path, name, "units differ from those in " + files[0]);
    if (!g.same_as(grid))
      throw rain_error(path, name,
                       "grid (size or coordinates) differs from the grid in " + files[0] +
                           "; expected one grid for all files");
    if (frames.calendar != calendar)
      throw rain_error(path, name, "calendar differs from the calendar in " + files[0]);
    if (file_members != members || (member_dim >= 0) != has_member_dimension)
      throw rain_error(path, name,
                       "has " + std::to_string(file_members) + " ensemble member(s), " + files[0] +
                           " has " + std::to_string(members) +
                           "; expected the same members in every file");
  }
  for (std::size_t k = 0; k < frames.start_s.size(); ++k)
    records.push_back(FrameRecord{file_index, frames.time_dimension < 0 ? -1L : long(k),
                                  frames.time_dimension, frames.start_s[k], frames.end_s[k]});
}

void NetcdfRainSource::Impl::build_weights() {
  const rain::GridGeometry& target = options.target;
  if (target.nx <= 0 || target.ny <= 0 || !(target.dx > 0.0))
    throw rain_error(files[0], variable, "the simulation grid is empty (nx, ny, dx not set)");
  reprojected =
      !target.crs_wkt.empty() && !grid.crs_wkt.empty() && !crs_same(target.crs_wkt, grid.crs_wkt);
  if (!reprojected && grid.geographic)
    throw rain_error(files[0], variable,
                     "the rain grid is in longitude/latitude but the simulation grid has no "
                     "CRS; expected a crs_wkt for the simulation grid");
  if (!reprojected) {
    if (target.crs_wkt.empty() != grid.crs_wkt.empty())
      warnings.messages.push_back(files[0] + ": " + variable +
                                  ": one of the rain grid and the simulation grid has no CRS; "
                                  "assumed to be the same CRS");
    weights = overlap_weights_same_crs(grid.x_edges, grid.y_edges, target);
  } else {
    OGRSpatialReference from, to;
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    to.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (from.importFromWkt(target.crs_wkt.c_str()) != OGRERR_NONE)
      throw rain_error(files[0], variable, "the simulation grid's crs_wkt is not a valid WKT");
    to.importFromWkt(grid.crs_wkt.c_str());
    std::unique_ptr<OGRCoordinateTransformation> transform(
        OGRCreateCoordinateTransformation(&from, &to));
    if (!transform)
      throw rain_error(files[0], variable,
                       "GDAL/PROJ cannot transform from the simulation grid's CRS to the rain "
                       "grid's CRS");
    const double from_unit = crs_linear_unit_metres(target.crs_wkt);
    const double to_unit = grid.geographic ? 1.0 : crs_linear_unit_metres(grid.crs_wkt);
    auto to_source = [&](std::vector<double>& x, std::vector<double>& y) {
      std::vector<int> ok(x.size(), 0);
      for (std::size_t k = 0; k < x.size(); ++k) x[k] /= from_unit, y[k] /= from_unit;
      transform->Transform(x.size(), x.data(), y.data(), nullptr, ok.data());
      for (std::size_t k = 0; k < x.size(); ++k) {
        x[k] = ok[k] ? x[k] * to_unit : std::nan("");
        y[k] = ok[k] ? y[k] * to_unit : std::nan("");
      }
    };
    weights =
        subsampled_weights(grid.x_edges, grid.y_edges, target, options.samples_per_axis, to_source);
  }
  const std::size_t short_cells = weights.partly_covered_cells + weights.uncovered_cells;
  if (short_cells == 0) return;
  const char* unit = grid.geographic ? "deg" : "m";
  std::ostringstream m;
  m << short_cells << " of " << target.size()
    << " simulation cells are not fully inside the rain grid (rain grid: "
    << extent_text(grid.x_edges.front(), grid.x_edges.back(), grid.y_edges.front(),
                   grid.y_edges.back(), unit)
    << (reprojected ? " in its own CRS" : "") << "; simulation grid: "
    << extent_text(target.x0, target.x0 + target.nx * target.dx, target.y0,
                   target.y0 + target.ny * target.dx, "m")
    << ")";
  if (options.coverage == NetcdfRainOptions::Coverage::kRequireFull)
    throw rain_error(files[0], variable,
                     m.str() +
                         "; expected a rain grid covering the whole simulation grid (or "
                         "coverage = zero outside)");
  warnings.messages.push_back(files[0] + ": " + variable + ": " + m.str() +
                              "; the uncovered parts get no rain");
}

void NetcdfRainSource::Impl::read(std::size_t index, std::vector<float>& out) {
  const FrameRecord& r = records.at(index);
  const nc::File f(files[r.file]);
  const int varid = f.find_variable(variable);
  if (varid < 0)
    throw rain_error(f.path(), variable, "variable vanished since the file was scanned");
  const std::vector<int> dims = f.dimensions(varid);
  std::vector<std::size_t> start(dims.size(), 0), count(dims.size(), 1);
  count[dims.size() - 2] = grid.ny;
  count[dims.size() - 1] = grid.nx;
  const int member_dim = member_dimension(f, varid);
  for (std::size_t k = 0; k + 2 < dims.size(); ++k) {
    if (dims[k] == r.time_dimension) start[k] = static_cast<std::size_t>(r.time_index);
    if (dims[k] == member_dim) start[k] = options.member;
  }
  std::vector<double> values;
  f.read_slab(varid, start, count, values);

  const auto first = [&](const char* key, double fallback) {
    const auto v = f.number_attribute(varid, key);
    return v.empty() ? fallback : v.front();
  };
  const double scale = first("scale_factor", 1.0), offset = first("add_offset", 0.0);
  std::vector<double> missing = f.number_attribute(varid, "_FillValue");
  for (double v : f.number_attribute(varid, "missing_value")) missing.push_back(v);
  const double to_m_per_s =
      units.quantity == RainQuantity::kRate ? units.to_si : units.to_si / (r.end_s - r.start_s);
  std::size_t n_missing = 0, n_negative = 0;
  for (double& v : values) {
    const bool is_missing = !std::isfinite(v) || std::abs(v) > 1e30 ||
                            std::find(missing.begin(), missing.end(), v) != missing.end();
    if (is_missing) {
      ++n_missing;
      v = 0.0;
      continue;
    }
    v = v * scale + offset;
    if (v < 0.0) {
      ++n_negative;
      v = 0.0;
    }
    v *= to_m_per_s;
  }
  if (n_missing + n_negative > 0) {
    warnings.missing_cells += n_missing;
    warnings.negative_cells += n_negative;
    warnings.messages.push_back(f.path() + ": " + variable + ": frame " + std::to_string(index) +
                                ": " + std::to_string(n_missing) + " missing and " +
                                std::to_string(n_negative) + " negative cells read as 0 rain");
  }
  apply_regrid_weights(weights, values, out);
}

NetcdfRainSource::NetcdfRainSource(const std::string& path_or_glob,
                                   const NetcdfRainOptions& options)
    : NetcdfRainSource(expand_glob(path_or_glob), options) {}

NetcdfRainSource::NetcdfRainSource(const std::vector<std::string>& files,
                                   const NetcdfRainOptions& options)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.options = options;
  m.files = files;
  if (files.empty()) throw rain_error("", "", "no rain files given");
  for (std::size_t k = 0; k < files.size(); ++k) m.scan(files[k], k);
  // Files may come in any order (a glob sorts by name): order frames by time, then refuse
  // overlapping windows, which would count rain twice.
  std::stable_sort(m.records.begin(), m.records.end(),
                   [](const FrameRecord& a, const FrameRecord& b) { return a.end_s < b.end_s; });
  for (std::size_t k = 1; k < m.records.size(); ++k) {
    const FrameRecord &a = m.records[k - 1], &b = m.records[k];
    if (b.start_s < a.end_s - 1e-6)
      throw rain_error(files[b.file], m.variable,
                       "frame window overlaps the previous frame (from " + files[a.file] +
                           "); expected consecutive, non-overlapping windows");
  }
  try {
    if (!options.start_iso8601.empty())
      m.start_s = parse_iso8601_calendar_seconds(options.start_iso8601, m.calendar);
    else if (options.start_epoch_s)
      m.start_s = *options.start_epoch_s;
    else
      m.start_s = m.records.front().start_s;
  } catch (const std::invalid_argument& e) {
    throw rain_error(files[0], "start", e.what());
  }
  m.build_weights();
}

NetcdfRainSource::~NetcdfRainSource() = default;
NetcdfRainSource::NetcdfRainSource(NetcdfRainSource&&) noexcept = default;
NetcdfRainSource& NetcdfRainSource::operator=(NetcdfRainSource&&) noexcept = default;

std::vector<RainFrameInfo> NetcdfRainSource::frames() const {
  std::vector<RainFrameInfo> out;
  for (const auto& r : impl_->records)
    out.push_back({r.start_s - impl_->start_s, r.end_s - impl_->start_s});
  return out;
}

void NetcdfRainSource::read_frame_on_grid(std::size_t index,
                                          std::vector<float>& rate_m_per_s) const {
  if (index >= impl_->records.size())
    throw std::out_of_range("rain frame " + std::to_string(index) + " of " +
                            std::to_string(impl_->records.size()));
  impl_->read(index, rate_m_per_s);
}

bool NetcdfRainSource::has_next_frame() const {
  return impl_->cursor < impl_->records.size();
}

RainFrame NetcdfRainSource::next_frame() {
  if (!has_next_frame()) throw std::out_of_range("no rain frame left");
  RainFrame frame;
  frame.index = impl_->cursor++;
  frame.info = frames()[frame.index];
  read_frame_on_grid(frame.index, frame.rate_m_per_s);
  return frame;
}

RainFrame NetcdfRainSource::frame_at(double t_s) const {
  const auto all = frames();
  RainFrame frame;
  frame.index = RainFrame::kNoFrame;
  frame.info = {-HUGE_VAL, HUGE_VAL};
  for (std::size_t k = 0; k < all.size(); ++k) {
    if (t_s >= all[k].t_start_s && t_s < all[k].t_end_s) {
      frame.index = k;
      frame.info = all[k];
      read_frame_on_grid(k, frame.rate_m_per_s);
      return frame;
    }
    if (all[k].t_end_s <= t_s) frame.info.t_start_s = all[k].t_end_s;
    if (all[k].t_start_s > t_s) {
      frame.info.t_end_s = all[k].t_start_s;
      break;
    }
  }
  frame.rate_m_per_s.assign(impl_->options.target.size(), 0.0f);
  return frame;
}

const std::string& NetcdfRainSource::variable_name() const {
  return impl_->variable;
}
const std::vector<std::string>& NetcdfRainSource::files() const {
  return impl_->files;
}
const RainReadWarnings& NetcdfRainSource::warnings() const {
  return impl_->warnings;
}
double NetcdfRainSource::start_calendar_seconds() const {
  return impl_->start_s;
}
bool NetcdfRainSource::reprojected() const {
  return impl_->reprojected;
}
std::size_t NetcdfRainSource::members() const {
  return impl_->members;
}
bool NetcdfRainSource::has_member_dimension() const {
  return impl_->has_member_dimension;
}

}  // namespace sf::io
