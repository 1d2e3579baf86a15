// Reading a results file back with plain netCDF-C, so the tests check the file itself rather
// than the writer's idea of it. Any netCDF failure fails the test with the call's message.
#pragma once

#include <gtest/gtest.h>
#include <netcdf.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace sf::test {

class NetcdfReadBack {
 public:
  explicit NetcdfReadBack(const std::string& path) {
    const int status = nc_open(path.c_str(), NC_NOWRITE, &ncid_);
    if (status != NC_NOERR)
      throw std::runtime_error(path + ": cannot open: " + nc_strerror(status));
  }
  ~NetcdfReadBack() { nc_close(ncid_); }
  NetcdfReadBack(const NetcdfReadBack&) = delete;
  NetcdfReadBack& operator=(const NetcdfReadBack&) = delete;

  bool has_variable(const std::string& name) const {
    int varid = -1;
    return nc_inq_varid(ncid_, name.c_str(), &varid) == NC_NOERR;
  }
  int variable(const std::string& name) const {
    int varid = -1;
    check(nc_inq_varid(ncid_, name.c_str(), &varid), name);
    return varid;
  }
  std::size_t dimension_length(const std::string& name) const {
    int dimid = -1;
    std::size_t n = 0;
    check(nc_inq_dimid(ncid_, name.c_str(), &dimid), name);
    check(nc_inq_dimlen(ncid_, dimid, &n), name);
    return n;
  }
  bool dimension_is_unlimited(const std::string& name) const {
    int dimid = -1, nunlim = 0;
    int unlimited[NC_MAX_DIMS];
    check(nc_inq_dimid(ncid_, name.c_str(), &dimid), name);
    check(nc_inq_unlimdims(ncid_, &nunlim, unlimited), name);
    for (int i = 0; i < nunlim; ++i)
      if (unlimited[i] == dimid) return true;
    return false;
  }
  std::vector<std::string> dimension_names(const std::string& variable_name) const {
    const int varid = variable(variable_name);
    int ndims = 0;
    check(nc_inq_varndims(ncid_, varid, &ndims), variable_name);
    std::vector<int> dims(static_cast<std::size_t>(ndims));
    if (ndims > 0) check(nc_inq_vardimid(ncid_, varid, dims.data()), variable_name);
    std::vector<std::string> names;
    for (int d : dims) {
      char name[NC_MAX_NAME + 1] = {};
      check(nc_inq_dimname(ncid_, d, name), variable_name);
      names.push_back(name);
    }
    return names;
  }
  nc_type type(const std::string& variable_name) const {
    nc_type t = NC_NAT;
    check(nc_inq_vartype(ncid_, variable(variable_name), &t), variable_name);
    return t;
  }
  /// "" for a global attribute name with variable_name "".
  std::string text(const std::string& variable_name, const std::string& attribute) const {
    const int varid = variable_name.empty() ? NC_GLOBAL : variable(variable_name);
    std::size_t len = 0;
    check(nc_inq_attlen(ncid_, varid, attribute.c_str(), &len), variable_name + ":" + attribute);
    std::string s(len, '\0');
    check(nc_get_att_text(ncid_, varid, attribute.c_str(), s.data()),
          variable_name + ":" + attribute);
    return s;
  }
  bool has_attribute(const std::string& variable_name, const std::string& attribute) const {
    const int varid = variable_name.empty() ? NC_GLOBAL : variable(variable_name);
    return nc_inq_att(ncid_, varid, attribute.c_str(), nullptr, nullptr) == NC_NOERR;
  }
  std::vector<double> numbers(const std::string& variable_name,
                              const std::string& attribute) const {
    const int varid = variable(variable_name);
    std::size_t len = 0;
    check(nc_inq_attlen(ncid_, varid, attribute.c_str(), &len), variable_name + ":" + attribute);
    std::vector<double> v(len);
    check(nc_get_att_double(ncid_, varid, attribute.c_str(), v.data()),
          variable_name + ":" + attribute);
    return v;
  }
  /// The whole variable, converted to double by netCDF-C.
  std::vector<double> values(const std::string& variable_name) const {
    const int varid = variable(variable_name);
    std::size_t n = 1;
    for (const auto& d : dimension_names(variable_name)) n *= dimension_length(d);
    std::vector<double> v(n);
    check(nc_get_var_double(ncid_, varid, v.data()), variable_name);
    return v;
  }
  /// Values of one record of a (time, y, x) variable.
  std::vector<double> record(const std::string& variable_name, std::size_t index) const {
    const std::size_t ny = dimension_length("y"), nx = dimension_length("x");
    const std::size_t start[3] = {index, 0, 0}, count[3] = {1, ny, nx};
    std::vector<double> v(ny * nx);
    check(nc_get_vara_double(ncid_, variable(variable_name), start, count, v.data()),
          variable_name);
    return v;
  }

 private:
  static void check(int status, const std::string& what) {
    if (status != NC_NOERR) throw std::runtime_error(what + ": " + nc_strerror(status));
  }
  int ncid_ = -1;
};

}  // namespace sf::test
