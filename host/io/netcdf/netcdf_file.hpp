// Thin RAII and attribute helpers over the netCDF-C API, turning every failure into an
// sf::InputError that names the file and the variable. Internal to sf_io_netcdf.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sf::io::nc {

/// An open netCDF file (read-only), closed on destruction.
class File {
 public:
  /// Throws sf::InputError when it cannot be opened; `section` names the input in messages.
  explicit File(const std::string& path, std::string section = "[rain]");
  ~File();
  File(const File&) = delete;
  File& operator=(const File&) = delete;

  int id() const { return ncid_; }
  const std::string& path() const { return path_; }

  /// Variable id, or -1 when there is no variable of that name.
  int find_variable(const std::string& name) const;
  std::vector<int> variables() const;
  std::string variable_name(int varid) const;
  std::vector<int> dimensions(int varid) const;
  std::string dimension_name(int dimid) const;
  std::size_t dimension_length(int dimid) const;

  std::optional<std::string> text_attribute(int varid, const std::string& name) const;
  std::vector<double> number_attribute(int varid, const std::string& name) const;  // empty: absent
  bool has_attribute(int varid, const std::string& name) const;

  /// Whole variable as doubles (raw, not unpacked); for coordinates, bounds and scalars.
  std::vector<double> read_all(int varid) const;
  /// The hyperslab start/count as doubles (raw, not unpacked).
  void read_slab(int varid, const std::vector<std::size_t>& start,
                 const std::vector<std::size_t>& count, std::vector<double>& out) const;

  /// Throws sf::InputError "<file>: <variable>: <what>: <netCDF message>" when status != NC_NOERR.
  void check(int status, const std::string& variable, const std::string& what) const;

 private:
  std::string path_;
  std::string section_;
  int ncid_ = -1;
};

}  // namespace sf::io::nc
