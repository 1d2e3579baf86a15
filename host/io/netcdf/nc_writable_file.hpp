// A netCDF-4 (classic model) file open for writing, closed on destruction, with attribute and
// variable helpers. Every netCDF-C failure becomes a std::runtime_error naming the file and the
// variable, so a full disk or a bad chunk size reads "results.nc: depth: writing record 3: ...".
// Internal to sf_io_netcdf_results.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sf::io::nc {

/// Storage type of a floating-point variable.
enum class FloatStorage { kFloat32, kFloat64 };

class WritableFile {
 public:
  /// Creates (replacing) `path` as netCDF-4 classic model. `display_name` is the name used in
  /// error messages (the final name when `path` is a temporary one).
  WritableFile(const std::string& path, std::string display_name);
  ~WritableFile();  // closes if still open, ignoring errors (destructors never throw)
  WritableFile(const WritableFile&) = delete;
  WritableFile& operator=(const WritableFile&) = delete;

  int id() const { return ncid_; }
  bool is_open() const { return ncid_ >= 0; }
  const std::string& display_name() const { return display_name_; }

  /// Throws "<file>: <variable>: <what>: <netCDF message>" when status != NC_NOERR.
  void check(int status, const std::string& variable, const std::string& what) const;
  /// check() for a call that does I/O: adds the system's reason (strerror of `saved_errno`, the
  /// errno right after the call, when not 0), e.g. "NetCDF: HDF error (File too large)".
  void check_io(int status, int saved_errno, const std::string& variable,
                const std::string& what) const;

  int define_dimension(const std::string& name, std::size_t length);  // 0: unlimited
  int define_variable(const std::string& name, int nc_type, const std::vector<int>& dims);
  int variable_id(const std::string& name) const;
  /// zlib level 1..9 with the shuffle filter; 0 leaves the variable uncompressed.
  void compress(int varid, int level);
  void chunk(int varid, const std::vector<std::size_t>& chunk_sizes);

  void put_text(int varid, const std::string& name, const std::string& value);
  void put_double(int varid, const std::string& name, double value);
  void put_doubles(int varid, const std::string& name, const std::vector<double>& values);
  /// A _FillValue or a value attribute in the variable's own storage type.
  void put_typed(int varid, const std::string& name, FloatStorage storage, double value);

  void end_definitions();
  void redefine();  // back to define mode (to add a variable that appears later in a run)

  void write_doubles(int varid, const std::vector<std::size_t>& start,
                     const std::vector<std::size_t>& count, const double* values);
  void write_floats(int varid, const std::vector<std::size_t>& start,
                    const std::vector<std::size_t>& count, const float* values);

  /// Flushes everything to disk: after it, a crash leaves a readable file.
  void sync();
  /// Closes, throwing on failure (the last chance to learn that data did not reach the disk).
  /// The file is never closed again after a first attempt, failed or not.
  void close();

 private:
  std::string variable_name(int varid) const;

  std::string display_name_;
  int ncid_ = -1;
};

}  // namespace sf::io::nc
