#include "io/netcdf/netcdf_results_writer.hpp"

#include <netcdf.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <utility>
#include <vector>

#include "common/utc_now.hpp"
#include "io/netcdf/cf_crs_attributes.hpp"
#include "io/netcdf/cf_time_reference.hpp"
#include "io/netcdf/nc_writable_file.hpp"
#include "io/netcdf/results_continuation.hpp"
#include "io/netcdf/results_variables.hpp"

namespace sf::io {
namespace {

// Chunks of at most 512 x 512 cells (1 MiB in float32): one snapshot of a tile is read without
// decompressing the whole grid, and small grids are one chunk.
constexpr std::size_t kMaxChunkCells = 512;

bool same_grid(const GridGeometry& a, const GridGeometry& b) {
  return a.nx == b.nx && a.ny == b.ny && a.dx == b.dx && a.x0 == b.x0 && a.y0 == b.y0;
}

std::string temporary_name_for(const std::string& path) {
  return path + ".part";
}

}  // namespace

NetcdfResultsWriter::NetcdfResultsWriter(std::string path, NetcdfResultsOptions options)
    : path_(std::move(path)), options_(std::move(options)) {
  if (options_.compress_level < 0 || options_.compress_level > 9)
    throw std::invalid_argument(path_ + ": compression level " +
                                std::to_string(options_.compress_level) +
                                " is out of range; expected 0 (off) to 9");
  try {
    time_units_ = cf_seconds_since(options_.run_start_iso8601);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(path_ + ": " + e.what());
  }
  // Fail now rather than after the first (possibly hours-long) stretch of simulation.
  const std::filesystem::path folder = std::filesystem::path(path_).parent_path();
  std::error_code ec;
  if (!folder.empty() && !std::filesystem::is_directory(folder, ec))
    throw std::runtime_error(path_ + ": the folder " + folder.string() +
                             " does not exist; create it or choose another results path");
}

NetcdfResultsWriter::~NetcdfResultsWriter() {
  if (!file_) return;
  try {
    file_->close();
  } catch (...) {  // every finished write() was flushed; nothing useful to do here
  }
}

void NetcdfResultsWriter::check_snapshot(const SurfaceSnapshot& s) const {
  if (!s.grid)
    throw std::invalid_argument(path_ + ": snapshot " + std::to_string(s.index) + " has no grid");
  const GridGeometry& g = *s.grid;
  if (g.nx <= 0 || g.ny <= 0 || !(g.dx > 0.0))
    throw std::invalid_argument(path_ + ": grid " + std::to_string(g.nx) + " x " +
                                std::to_string(g.ny) + " with dx " + std::to_string(g.dx) +
                                " m; expected positive sizes and spacing");
  if (file_ && !same_grid(g, grid_))
    throw std::invalid_argument(path_ + ": snapshot " + std::to_string(s.index) +
                                " is on another grid than the first one; one file holds one grid");
  if (records_ > 0 && !(s.time_s > last_time_s_))
    throw std::invalid_argument(path_ + ": snapshot " + std::to_string(s.index) +
                                " at t = " + std::to_string(s.time_s) +
                                " s does not come after t = " + std::to_string(last_time_s_) +
                                " s; CF time coordinates must increase");
  const std::size_t n = static_cast<std::size_t>(g.nx) * static_cast<std::size_t>(g.ny);
  const auto check_size = [&](const char* name, std::size_t size, bool may_be_empty) {
    if (size == n || (may_be_empty && size == 0)) return;
    throw std::invalid_argument(path_ + ": snapshot " + std::to_string(s.index) + ": " + name +
                                " has " + std::to_string(size) + " values; expected nx * ny = " +
                                std::to_string(n) + (may_be_empty ? " (or none)" : ""));
  };
  check_size("active", s.active.size(), false);
  for (const ResultVariable& v : result_variables())
    check_size(v.name, (s.*v.values).size(), v.role == ResultRole::kEventMap);
}

void NetcdfResultsWriter::write(const SurfaceSnapshot& snapshot) {
  if (closed_) throw std::logic_error(path_ + ": write() after close()");
  const bool first = !file_;
  if (!first) check_snapshot(snapshot);
  try {
    if (first) {
      check_snapshot(snapshot);
      create_file(snapshot);
      check_snapshot(snapshot);  // after the records a continued run keeps: times must increase
    } else if (has_new_maps(snapshot)) {
      // A run may start tracking a statistic later: netCDF-4 can add variables to a file that
      // already holds data.
      file_->redefine();
      const auto new_maps = define_new_maps(snapshot);
      file_->end_definitions();
      write_thresholds(new_maps, snapshot);
    }
    write_record_and_maps(snapshot, first);
  } catch (...) {
    // A first snapshot that failed leaves no half-made file behind and lets a retry start over.
    if (first) discard_unfinished_file();
    throw;
  }
  records_ += 1;
  last_time_s_ = snapshot.time_s;
}

void NetcdfResultsWriter::write_record_and_maps(const SurfaceSnapshot& snapshot, bool first) {
  const double t = snapshot.time_s;
  file_->write_doubles(varids_.at("time"), {records_}, {1}, &t);
  for (const ResultVariable& v : result_variables()) {
    if ((snapshot.*v.values).empty()) continue;
    if (v.role == ResultRole::kStaticMap && !first) continue;
    write_field(v, snapshot, records_);
  }
  file_->sync();
  if (first) {
    // Only a file that already holds a snapshot takes the final name; HDF5 keeps writing
    // through its open descriptor after the rename.
    std::error_code ec;
    std::filesystem::rename(temporary_name_for(path_), path_, ec);
    if (ec)
      throw std::runtime_error(path_ + ": cannot rename " + temporary_name_for(path_) +
                               " to it: " + ec.message());
  }
}

void NetcdfResultsWriter::discard_unfinished_file() {
  file_.reset();
  varids_.clear();
  std::error_code ec;
  std::filesystem::remove(temporary_name_for(path_), ec);
}

void NetcdfResultsWriter::close() {
  if (closed_) return;
  closed_ = true;
  if (file_) file_->close();
}

void NetcdfResultsWriter::create_file(const SurfaceSnapshot& snapshot) {
  grid_ = *snapshot.grid;
  const CfCrsAttributes crs = [&] {
    try {
      return cf_crs_attributes(grid_.crs_wkt);
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(path_ + ": " + e.what());
    }
  }();
  has_crs_ = !crs.text.empty();

  file_ = std::make_unique<nc::WritableFile>(temporary_name_for(path_), path_);
  nc::WritableFile& f = *file_;
  f.put_text(NC_GLOBAL, "Conventions", "CF-1.8");
  f.put_text(NC_GLOBAL, "title", options_.title);
  if (!options_.institution.empty()) f.put_text(NC_GLOBAL, "institution", options_.institution);
  f.put_text(NC_GLOBAL, "source", options_.source);
  f.put_text(NC_GLOBAL, "history", sf::utc_now_iso8601() + " created by spongeflow");
  f.put_text(NC_GLOBAL, "comment",
             "Rows are stored south first (y increasing), as the engine holds them. Inactive "
             "(nodata) cells hold _FillValue. See docs/results-netcdf.md in spongeflow.");

  define_coordinates();
  if (has_crs_) {
    const int crs_id = f.define_variable("crs", NC_INT, {});
    for (const auto& [name, value] : crs.text) f.put_text(crs_id, name, value);
    for (const auto& [name, values] : crs.numbers) f.put_doubles(crs_id, name, values);
    varids_["crs"] = crs_id;
  }
  for (const ResultVariable& v : result_variables())
    if (v.role == ResultRole::kRecord) varids_[v.name] = define_field(v, snapshot);
  const auto maps = define_new_maps(snapshot);
  f.end_definitions();
  write_coordinates();
  write_thresholds(maps, snapshot);
  if (options_.keep_records > 0) {
    // Read before the rename in write_record_and_maps replaces the old file.
    last_time_s_ =
        copy_result_records(path_, options_.keep_records, f, varids_, options_.store_float64,
                            std::size_t(grid_.ny), std::size_t(grid_.nx));
    records_ = options_.keep_records;
  }
}

void NetcdfResultsWriter::define_coordinates() {
  nc::WritableFile& f = *file_;
  time_dim_ = f.define_dimension("time", 0);
  y_dim_ = f.define_dimension("y", static_cast<std::size_t>(grid_.ny));
  x_dim_ = f.define_dimension("x", static_cast<std::size_t>(grid_.nx));
  bounds_dim_ = f.define_dimension("bnds", 2);

  const int time = f.define_variable("time", NC_DOUBLE, {time_dim_});
  f.put_text(time, "standard_name", "time");
  f.put_text(time, "long_name", "simulated time");
  f.put_text(time, "units", time_units_);
  f.put_text(time, "calendar", "standard");
  f.put_text(time, "axis", "T");
  if (options_.run_start_iso8601.empty())
    f.put_text(time, "comment",
               "the start date of the run was not given: values are seconds since its start");
  varids_["time"] = time;

  const auto axis = [&](const char* name, int dim, const char* standard_name, const char* long_name,
                        const char* axis_letter) {
    const int id = f.define_variable(name, NC_DOUBLE, {dim});
    f.put_text(id, "standard_name", standard_name);
    f.put_text(id, "long_name", long_name);
    f.put_text(id, "units", "m");
    f.put_text(id, "axis", axis_letter);
    f.put_text(id, "bounds", std::string(name) + "_bnds");
    varids_[name] = id;
    varids_[std::string(name) + "_bnds"] =
        f.define_variable(std::string(name) + "_bnds", NC_DOUBLE, {dim, bounds_dim_});
  };
  axis("x", x_dim_, "projection_x_coordinate", "x coordinate of the cell centre", "X");
  axis("y", y_dim_, "projection_y_coordinate", "y coordinate of the cell centre", "Y");
}

bool NetcdfResultsWriter::has_new_maps(const SurfaceSnapshot& snapshot) const {
  for (const ResultVariable& v : result_variables())
    if (v.role != ResultRole::kRecord && !(snapshot.*v.values).empty() && !varids_.count(v.name))
      return true;
  return false;
}

std::vector<const ResultVariable*> NetcdfResultsWriter::define_new_maps(
    const SurfaceSnapshot& snapshot) {
  std::vector<const ResultVariable*> defined;
  for (const ResultVariable& v : result_variables()) {
    if (v.role == ResultRole::kRecord || (snapshot.*v.values).empty() || varids_.count(v.name))
      continue;
    varids_[v.name] = define_field(v, snapshot);
    defined.push_back(&v);
  }
  return defined;
}

void NetcdfResultsWriter::write_thresholds(const std::vector<const ResultVariable*>& maps,
                                           const SurfaceSnapshot& snapshot) {
  for (const ResultVariable* v : maps) {
    if (v->threshold == DepthThreshold::kNone) continue;
    const double value = threshold_value(v->threshold, snapshot);
    file_->write_doubles(varids_.at(threshold_variable_name(v->threshold)), {}, {}, &value);
  }
}

int NetcdfResultsWriter::define_field(const ResultVariable& v, const SurfaceSnapshot& snapshot) {
  nc::WritableFile& f = *file_;
  const nc::FloatStorage storage =
      options_.store_float64 ? nc::FloatStorage::kFloat64 : nc::FloatStorage::kFloat32;
  std::vector<int> dims{y_dim_, x_dim_};
  std::vector<std::size_t> chunks{std::min<std::size_t>(grid_.ny, kMaxChunkCells),
                                  std::min<std::size_t>(grid_.nx, kMaxChunkCells)};
  if (v.role == ResultRole::kRecord) {
    dims.insert(dims.begin(), time_dim_);
    chunks.insert(chunks.begin(), 1);
  }
  const int id = f.define_variable(v.name, options_.store_float64 ? NC_DOUBLE : NC_FLOAT, dims);
  f.chunk(id, chunks);
  f.compress(id, options_.compress_level);
  if (*v.standard_name) f.put_text(id, "standard_name", v.standard_name);
  f.put_text(id, "long_name", v.long_name);
  f.put_text(id, "units", v.units);
  f.put_typed(id, "_FillValue", storage,
              options_.store_float64 ? NC_FILL_DOUBLE : static_cast<double>(NC_FILL_FLOAT));
  if (*v.cell_methods) f.put_text(id, "cell_methods", v.cell_methods);
  if (has_crs_) f.put_text(id, "grid_mapping", "crs");
  if (*v.comment) f.put_text(id, "comment", v.comment);
  if (v.threshold != DepthThreshold::kNone) {
    const std::string threshold = threshold_variable_name(v.threshold);
    const double value = threshold_value(v.threshold, snapshot);
    f.put_double(id, "threshold_depth_m", value);
    f.put_text(id, "coordinates", threshold);
    if (!varids_.count(threshold)) {
      const int tid = f.define_variable(threshold, NC_DOUBLE, {});
      f.put_text(tid, "standard_name", "flood_water_thickness");
      f.put_text(tid, "long_name", "depth threshold of " + std::string(v.name));
      f.put_text(tid, "units", "m");
      varids_[threshold] = tid;
    }
  }
  return id;
}

void NetcdfResultsWriter::write_coordinates() {
  nc::WritableFile& f = *file_;
  const auto write_axis = [&](const char* name, int n, double origin) {
    std::vector<double> centres(static_cast<std::size_t>(n)), bounds(2 * centres.size());
    for (int i = 0; i < n; ++i) {
      centres[i] = origin + (i + 0.5) * grid_.dx;
      bounds[2 * i] = origin + i * grid_.dx;
      bounds[2 * i + 1] = origin + (i + 1) * grid_.dx;
    }
    const std::size_t un = centres.size();
    f.write_doubles(varids_.at(name), {0}, {un}, centres.data());
    f.write_doubles(varids_.at(std::string(name) + "_bnds"), {0, 0}, {un, 2}, bounds.data());
  };
  write_axis("x", grid_.nx, grid_.x0);
  write_axis("y", grid_.ny, grid_.y0);
}

void NetcdfResultsWriter::write_field(const ResultVariable& v, const SurfaceSnapshot& snapshot,
                                      std::size_t record) {
  const std::vector<double>& values = snapshot.*v.values;
  const std::size_t ny = static_cast<std::size_t>(grid_.ny),
                    nx = static_cast<std::size_t>(grid_.nx);
  std::vector<std::size_t> start{0, 0}, count{ny, nx};
  if (v.role == ResultRole::kRecord) {
    start.insert(start.begin(), record);
    count.insert(count.begin(), 1);
  }
  const auto is_fill = [&](std::size_t k) {
    return !snapshot.active[k] || (v.negative_means_never && values[k] < 0.0);
  };
  const int id = varids_.at(v.name);
  if (options_.store_float64) {
    std::vector<double> out(values.size());
    for (std::size_t k = 0; k < out.size(); ++k) out[k] = is_fill(k) ? NC_FILL_DOUBLE : values[k];
    file_->write_doubles(id, start, count, out.data());
  } else {
    std::vector<float> out(values.size());
    for (std::size_t k = 0; k < out.size(); ++k)
      out[k] = is_fill(k) ? NC_FILL_FLOAT : static_cast<float>(values[k]);
    file_->write_floats(id, start, count, out.data());
  }
}

}  // namespace sf::io
