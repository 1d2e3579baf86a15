#include "io/netcdf/results_continuation.hpp"

#include <netcdf.h>

#include <stdexcept>
#include <vector>

#include "io/netcdf/nc_writable_file.hpp"
#include "io/netcdf/results_variables.hpp"

namespace sf::io {
namespace {

class OldFile {
 public:
  explicit OldFile(const std::string& path) : path_(path) {
    check(nc_open(path.c_str(), NC_NOWRITE, &ncid_), "", "cannot open it to continue it");
  }
  ~OldFile() {
    if (ncid_ >= 0) nc_close(ncid_);
  }
  OldFile(const OldFile&) = delete;
  OldFile& operator=(const OldFile&) = delete;

  void check(int status, const std::string& variable, const std::string& what) {
    if (status == NC_NOERR) return;
    if (what.rfind("cannot open", 0) == 0) ncid_ = -1;
    throw std::runtime_error(path_ + ": " + (variable.empty() ? "" : variable + ": ") + what +
                             ": " + nc_strerror(status));
  }
  std::size_t length(const char* dim_name) {
    int dim = -1;
    std::size_t n = 0;
    check(nc_inq_dimid(ncid_, dim_name, &dim), dim_name, "no such dimension");
    check(nc_inq_dimlen(ncid_, dim, &n), dim_name, "reading its length");
    return n;
  }
  int variable(const std::string& name) {
    int id = -1;
    check(nc_inq_varid(ncid_, name.c_str(), &id), name, "no such variable");
    return id;
  }
  int id() const { return ncid_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int ncid_ = -1;
};

}  // namespace

std::size_t results_record_count(const std::string& path) {
  OldFile f(path);
  return f.length("time");
}

double copy_result_records(const std::string& old_path, std::size_t records, nc::WritableFile& to,
                           const std::map<std::string, int>& varids, bool float64, std::size_t ny,
                           std::size_t nx) {
  OldFile f(old_path);
  const std::size_t have = f.length("time");
  if (have < records)
    throw std::runtime_error(old_path + ": holds " + std::to_string(have) +
                             " records; the checkpoint continues after record " +
                             std::to_string(records) + " (results of another run?)");
  if (f.length("y") != ny || f.length("x") != nx)
    throw std::runtime_error(old_path + ": its grid is not the grid of this run");
  if (records == 0) return 0.0;
  std::vector<double> times(records);
  const std::size_t start0 = 0;
  f.check(nc_get_vara_double(f.id(), f.variable("time"), &start0, &records, times.data()), "time",
          "reading");
  to.write_doubles(varids.at("time"), {0}, {records}, times.data());
  std::vector<double> d(ny * nx);
  std::vector<float> s(ny * nx);
  for (const ResultVariable& v : result_variables()) {
    if (v.role != ResultRole::kRecord) continue;
    const int from = f.variable(v.name);
    for (std::size_t r = 0; r < records; ++r) {
      const std::size_t start[3] = {r, 0, 0}, count[3] = {1, ny, nx};
      if (float64) {
        f.check(nc_get_vara_double(f.id(), from, start, count, d.data()), v.name, "reading");
        to.write_doubles(varids.at(v.name), {r, 0, 0}, {1, ny, nx}, d.data());
      } else {
        f.check(nc_get_vara_float(f.id(), from, start, count, s.data()), v.name, "reading");
        to.write_floats(varids.at(v.name), {r, 0, 0}, {1, ny, nx}, s.data());
      }
    }
  }
  return times.back();
}

}  // namespace sf::io
