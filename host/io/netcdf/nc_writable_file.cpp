#include "io/netcdf/nc_writable_file.hpp"

#include <netcdf.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace sf::io::nc {

WritableFile::WritableFile(const std::string& path, std::string display_name)
    : display_name_(std::move(display_name)) {
  // Classic model: readers that know only the netCDF-3 data model (older GDAL, QGIS plugins)
  // still read it, while zlib compression and chunking of netCDF-4 stay available.
  const int status = nc_create(path.c_str(), NC_CLOBBER | NC_NETCDF4 | NC_CLASSIC_MODEL, &ncid_);
  if (status != NC_NOERR) {
    ncid_ = -1;
    throw std::runtime_error(display_name_ + ": cannot create " + path +
                             " as netCDF-4: " + nc_strerror(status));
  }
}

WritableFile::~WritableFile() {
  if (ncid_ >= 0) nc_close(ncid_);
}

void WritableFile::check(int status, const std::string& variable, const std::string& what) const {
  check_io(status, 0, variable, what);
}

void WritableFile::check_io(int status, int saved_errno, const std::string& variable,
                            const std::string& what) const {
  if (status == NC_NOERR) return;
  std::string message = display_name_ + ": ";
  if (!variable.empty()) message += variable + ": ";
  message += what + ": " + nc_strerror(status);
  // "NetCDF: HDF error" alone hides a full disk or a file-size limit; the failing write(2) says.
  if (saved_errno != 0) message += std::string(" (") + std::strerror(saved_errno) + ")";
  throw std::runtime_error(message);
}

std::string WritableFile::variable_name(int varid) const {
  if (varid == NC_GLOBAL) return "(global attributes)";
  char name[NC_MAX_NAME + 1] = {};
  return nc_inq_varname(ncid_, varid, name) == NC_NOERR ? std::string(name)
                                                        : "variable #" + std::to_string(varid);
}

int WritableFile::define_dimension(const std::string& name, std::size_t length) {
  int dimid = -1;
  check(nc_def_dim(ncid_, name.c_str(), length == 0 ? NC_UNLIMITED : length, &dimid), name,
        "defining the dimension");
  return dimid;
}

int WritableFile::define_variable(const std::string& name, int nc_type,
                                  const std::vector<int>& dims) {
  int varid = -1;
  check(nc_def_var(ncid_, name.c_str(), nc_type, static_cast<int>(dims.size()),
                   dims.empty() ? nullptr : dims.data(), &varid),
        name, "defining the variable");
  return varid;
}

int WritableFile::variable_id(const std::string& name) const {
  int varid = -1;
  check(nc_inq_varid(ncid_, name.c_str(), &varid), name, "looking up the variable");
  return varid;
}

void WritableFile::compress(int varid, int level) {
  if (level <= 0) return;
  check(nc_def_var_deflate(ncid_, varid, 1, 1, level), variable_name(varid),
        "setting zlib compression level " + std::to_string(level));
}

void WritableFile::chunk(int varid, const std::vector<std::size_t>& chunk_sizes) {
  check(nc_def_var_chunking(ncid_, varid, NC_CHUNKED, chunk_sizes.data()), variable_name(varid),
        "setting the chunk sizes");
}

void WritableFile::put_text(int varid, const std::string& name, const std::string& value) {
  check(nc_put_att_text(ncid_, varid, name.c_str(), value.size(), value.c_str()),
        variable_name(varid), "writing attribute " + name);
}

void WritableFile::put_double(int varid, const std::string& name, double value) {
  put_doubles(varid, name, {value});
}

void WritableFile::put_doubles(int varid, const std::string& name,
                               const std::vector<double>& values) {
  check(nc_put_att_double(ncid_, varid, name.c_str(), NC_DOUBLE, values.size(), values.data()),
        variable_name(varid), "writing attribute " + name);
}

void WritableFile::put_typed(int varid, const std::string& name, FloatStorage storage,
                             double value) {
  if (storage == FloatStorage::kFloat64) return put_double(varid, name, value);
  const float f = static_cast<float>(value);
  check(nc_put_att_float(ncid_, varid, name.c_str(), NC_FLOAT, 1, &f), variable_name(varid),
        "writing attribute " + name);
}

void WritableFile::end_definitions() {
  check(nc_enddef(ncid_), "", "leaving define mode");
}

void WritableFile::redefine() {
  check(nc_redef(ncid_), "", "entering define mode");
}

void WritableFile::write_doubles(int varid, const std::vector<std::size_t>& start,
                                 const std::vector<std::size_t>& count, const double* values) {
  errno = 0;
  const int status = nc_put_vara_double(ncid_, varid, start.data(), count.data(), values);
  const int saved_errno = errno;
  check_io(
      status, saved_errno, variable_name(varid),
      start.empty() ? "writing values" : "writing values at index " + std::to_string(start[0]));
}

void WritableFile::write_floats(int varid, const std::vector<std::size_t>& start,
                                const std::vector<std::size_t>& count, const float* values) {
  errno = 0;
  const int status = nc_put_vara_float(ncid_, varid, start.data(), count.data(), values);
  const int saved_errno = errno;
  check_io(
      status, saved_errno, variable_name(varid),
      start.empty() ? "writing values" : "writing values at index " + std::to_string(start[0]));
}

void WritableFile::sync() {
  errno = 0;
  const int status = nc_sync(ncid_);
  check_io(status, errno, "", "flushing to disk");
}

void WritableFile::close() {
  if (ncid_ < 0) return;
  errno = 0;
  const int status = nc_close(ncid_);
  const int saved_errno = errno;
  // Never closed twice: a failed close is final (netCDF-4 keeps the HDF5 file open when its last
  // flush fails; skip_hdf5_cleanup_at_exit() keeps HDF5 from crashing on it at exit).
  ncid_ = -1;
  check_io(status, saved_errno, "", "closing the file");
}

}  // namespace sf::io::nc
