#include "netcdf_file.hpp"

#include <netcdf.h>

#include <utility>

#include "common/input_error.hpp"

namespace sf::io::nc {

File::File(const std::string& path, std::string section)
    : path_(path), section_(std::move(section)) {
  const int status = nc_open(path.c_str(), NC_NOWRITE, &ncid_);
  if (status != NC_NOERR)
    throw InputError(InputIssue{path, 0, section_, "",
                                std::string("cannot open as netCDF: ") + nc_strerror(status)});
}

File::~File() {
  if (ncid_ >= 0) nc_close(ncid_);
}

void File::check(int status, const std::string& variable, const std::string& what) const {
  if (status != NC_NOERR)
    throw InputError(
        InputIssue{path_, 0, section_, variable, what + ": " + std::string(nc_strerror(status))});
}

int File::find_variable(const std::string& name) const {
  int varid = -1;
  return nc_inq_varid(ncid_, name.c_str(), &varid) == NC_NOERR ? varid : -1;
}

std::vector<int> File::variables() const {
  int n = 0;
  check(nc_inq_nvars(ncid_, &n), "", "listing variables");
  std::vector<int> ids(static_cast<std::size_t>(n));
  if (n > 0) check(nc_inq_varids(ncid_, &n, ids.data()), "", "listing variables");
  return ids;
}

std::string File::variable_name(int varid) const {
  char name[NC_MAX_NAME + 1] = {};
  check(nc_inq_varname(ncid_, varid, name), "", "reading a variable name");
  return name;
}

std::vector<int> File::dimensions(int varid) const {
  int ndims = 0;
  check(nc_inq_varndims(ncid_, varid, &ndims), variable_name(varid), "reading dimensions");
  std::vector<int> dims(static_cast<std::size_t>(ndims));
  if (ndims > 0) check(nc_inq_vardimid(ncid_, varid, dims.data()), variable_name(varid), "dims");
  return dims;
}

std::string File::dimension_name(int dimid) const {
  char name[NC_MAX_NAME + 1] = {};
  check(nc_inq_dimname(ncid_, dimid, name), "", "reading a dimension name");
  return name;
}

std::size_t File::dimension_length(int dimid) const {
  std::size_t n = 0;
  check(nc_inq_dimlen(ncid_, dimid, &n), "", "reading a dimension length");
  return n;
}

bool File::has_attribute(int varid, const std::string& name) const {
  return nc_inq_att(ncid_, varid, name.c_str(), nullptr, nullptr) == NC_NOERR;
}

std::optional<std::string> File::text_attribute(int varid, const std::string& name) const {
  nc_type type = NC_NAT;
  std::size_t len = 0;
  if (nc_inq_att(ncid_, varid, name.c_str(), &type, &len) != NC_NOERR) return std::nullopt;
  if (type == NC_CHAR) {
    std::string s(len, '\0');
    if (len > 0) check(nc_get_att_text(ncid_, varid, name.c_str(), s.data()), "", name);
    while (!s.empty() && s.back() == '\0') s.pop_back();
    return s;
  }
  if (type == NC_STRING && len == 1) {
    char* value = nullptr;
    check(nc_get_att_string(ncid_, varid, name.c_str(), &value), "", name);
    std::string s = value ? value : "";
    nc_free_string(1, &value);
    return s;
  }
  return std::nullopt;
}

std::vector<double> File::number_attribute(int varid, const std::string& name) const {
  nc_type type = NC_NAT;
  std::size_t len = 0;
  if (nc_inq_att(ncid_, varid, name.c_str(), &type, &len) != NC_NOERR) return {};
  if (type == NC_CHAR || type == NC_STRING) return {};
  std::vector<double> values(len);
  check(nc_get_att_double(ncid_, varid, name.c_str(), values.data()),
        varid == NC_GLOBAL ? "" : variable_name(varid), "reading attribute " + name);
  return values;
}

std::vector<double> File::read_all(int varid) const {
  std::size_t n = 1;
  for (int d : dimensions(varid)) n *= dimension_length(d);
  std::vector<double> values(n);
  if (n > 0) check(nc_get_var_double(ncid_, varid, values.data()), variable_name(varid), "reading");
  return values;
}

void File::read_slab(int varid, const std::vector<std::size_t>& start,
                     const std::vector<std::size_t>& count, std::vector<double>& out) const {
  std::size_t n = 1;
  for (std::size_t c : count) n *= c;
  out.resize(n);
  check(nc_get_vara_double(ncid_, varid, start.data(), count.data(), out.data()),
        variable_name(varid), "reading a time slice");
}

}  // namespace sf::io::nc
