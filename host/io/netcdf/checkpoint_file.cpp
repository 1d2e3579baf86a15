#include "io/netcdf/checkpoint_file.hpp"

#include <netcdf.h>

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <system_error>

#include "common/input_error.hpp"
#include "common/utc_now.hpp"
#include "io/netcdf/nc_writable_file.hpp"

namespace sf::io {
namespace {

constexpr int kFormatVersion = 1;
constexpr const char* kVersionAttribute = "spongeflow_checkpoint_version";

InputError bad_checkpoint(const std::string& path, const std::string& field,
                          const std::string& message) {
  return InputError(InputIssue{path, 0, "checkpoint", field, message});
}

/// Read side: an open file, closed on destruction; every failure an InputError naming the file.
class ReadOnlyFile {
 public:
  explicit ReadOnlyFile(const std::string& path) : path_(path) {
    const int status = nc_open(path.c_str(), NC_NOWRITE, &ncid_);
    if (status != NC_NOERR) {
      ncid_ = -1;
      std::error_code ec;
      if (!std::filesystem::exists(path, ec)) throw bad_checkpoint(path, "", "no such file");
      throw bad_checkpoint(path, "",
                           std::string("cannot be read as netCDF (truncated or not a checkpoint "
                                       "file): ") +
                               nc_strerror(status));
    }
  }
  ~ReadOnlyFile() {
    if (ncid_ >= 0) nc_close(ncid_);
  }
  ReadOnlyFile(const ReadOnlyFile&) = delete;
  ReadOnlyFile& operator=(const ReadOnlyFile&) = delete;

  void check(int status, const std::string& field, const std::string& what) const {
    if (status != NC_NOERR)
      throw bad_checkpoint(
          path_, field, what + ": " + nc_strerror(status) + " (the file is damaged or truncated)");
  }
  std::string text(const std::string& name) const {
    std::size_t len = 0;
    nc_type type = NC_NAT;
    if (nc_inq_att(ncid_, NC_GLOBAL, name.c_str(), &type, &len) != NC_NOERR || type != NC_CHAR)
      throw bad_checkpoint(path_, name, "global attribute missing; not a spongeflow checkpoint?");
    std::string s(len, '\0');
    check(nc_get_att_text(ncid_, NC_GLOBAL, name.c_str(), s.data()), name, "reading");
    return s;
  }
  double number(const std::string& name) const {
    std::size_t len = 0;
    nc_type type = NC_NAT;
    if (nc_inq_att(ncid_, NC_GLOBAL, name.c_str(), &type, &len) != NC_NOERR || len != 1)
      throw bad_checkpoint(path_, name, "global attribute missing; not a spongeflow checkpoint?");
    double v = 0;
    check(nc_get_att_double(ncid_, NC_GLOBAL, name.c_str(), &v), name, "reading");
    return v;
  }
  int id() const { return ncid_; }

 private:
  std::string path_;
  int ncid_ = -1;
};

}  // namespace

std::string hash_text(std::uint64_t hash) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

void write_checkpoint(const std::string& path, const CheckpointHeader& h,
                      const StateRecord& state) {
  const std::string part = path + ".part";
  try {
    nc::WritableFile f(part, path);
    f.put_text(NC_GLOBAL, "Conventions", "CF-1.8");
    f.put_text(NC_GLOBAL, "title", "spongeflow checkpoint");
    f.put_text(NC_GLOBAL, "comment",
               "State of a run for spongeflow run --restart; one variable per state entry at "
               "the precision of the run. See docs/checkpoints.md in spongeflow.");
    f.put_double(NC_GLOBAL, kVersionAttribute, kFormatVersion);
    f.put_text(NC_GLOBAL, "case_file", h.case_file);
    f.put_text(NC_GLOBAL, "case_hash", hash_text(h.case_hash));
    f.put_text(NC_GLOBAL, "precision", h.precision);
    f.put_text(NC_GLOBAL, "backend", h.backend);
    f.put_double(NC_GLOBAL, "time_s", h.time_s);
    f.put_text(NC_GLOBAL, "history",
               (h.created.empty() ? sf::utc_now_iso8601() : h.created) + " written by spongeflow");
    f.put_text(NC_GLOBAL, "state_checksum", hash_text(state_checksum(state)));
    std::map<std::size_t, int> dims;
    std::map<std::string, int> ids;
    for (const auto& [name, a] : state.arrays()) {
      if (a.size() == 0) continue;  // netCDF has no fixed dimension of length 0
      auto d = dims.find(a.size());
      if (d == dims.end())
        d = dims.emplace(a.size(), f.define_dimension("n" + std::to_string(a.size()), a.size()))
                .first;
      ids[name] = f.define_variable(name, a.type == StateType::kFloat32 ? NC_FLOAT : NC_DOUBLE,
                                    {d->second});
    }
    f.end_definitions();
    for (const auto& [name, a] : state.arrays()) {
      if (a.size() == 0) continue;
      if (a.type == StateType::kFloat32)
        f.write_floats(ids.at(name), {0}, {a.size()}, a.f32.data());
      else
        f.write_doubles(ids.at(name), {0}, {a.size()}, a.f64.data());
    }
    f.close();
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(part, ec);
    throw;
  }
  std::error_code ec;
  std::filesystem::rename(part, path, ec);
  if (ec) {
    std::filesystem::remove(part, ec);
    throw std::runtime_error(path + ": cannot rename " + part + " to it: " + ec.message());
  }
}

Checkpoint read_checkpoint(const std::string& path) {
  ReadOnlyFile f(path);
  Checkpoint c;
  const double version = f.number(kVersionAttribute);
  if (version != kFormatVersion)
    throw bad_checkpoint(path, kVersionAttribute,
                         "format version " + std::to_string(version) + "; this spongeflow reads " +
                             std::to_string(kFormatVersion));
  CheckpointHeader& h = c.header;
  h.case_file = f.text("case_file");
  const std::string hash = f.text("case_hash");
  char* end = nullptr;
  errno = 0;
  h.case_hash = std::strtoull(hash.c_str(), &end, 16);
  if (hash.size() != 16 || *end != '\0' || errno)
    throw bad_checkpoint(path, "case_hash", "'" + hash + "'; expected 16 hex digits");
  h.precision = f.text("precision");
  h.backend = f.text("backend");
  h.time_s = f.number("time_s");
  const std::string checksum = f.text("state_checksum");

  int nvars = 0;
  f.check(nc_inq_nvars(f.id(), &nvars), "", "listing variables");
  for (int v = 0; v < nvars; ++v) {
    char name[NC_MAX_NAME + 1] = {};
    f.check(nc_inq_varname(f.id(), v, name), "", "reading a variable name");
    nc_type type = NC_NAT;
    int ndims = 0;
    f.check(nc_inq_vartype(f.id(), v, &type), name, "reading the type");
    f.check(nc_inq_varndims(f.id(), v, &ndims), name, "reading the dimensions");
    int dim = -1;
    if (ndims != 1)
      throw bad_checkpoint(path, name, "has " + std::to_string(ndims) + " dimensions; expected 1");
    f.check(nc_inq_vardimid(f.id(), v, &dim), name, "reading the dimensions");
    std::size_t n = 0;
    f.check(nc_inq_dimlen(f.id(), dim, &n), name, "reading the length");
    StateArray a;
    if (type == NC_FLOAT) {
      a.type = StateType::kFloat32;
      a.f32.resize(n);
      f.check(nc_get_var_float(f.id(), v, a.f32.data()), name, "reading the values");
    } else if (type == NC_DOUBLE) {
      a.type = StateType::kFloat64;
      a.f64.resize(n);
      f.check(nc_get_var_double(f.id(), v, a.f64.data()), name, "reading the values");
    } else {
      throw bad_checkpoint(path, name, "is neither float nor double");
    }
    c.state.put_array(name, std::move(a));
  }
  if (hash_text(state_checksum(c.state)) != checksum)
    throw bad_checkpoint(path, "state_checksum",
                         "the values do not match the checksum written with them; the file was "
                         "damaged after it was written");
  return c;
}

}  // namespace sf::io
