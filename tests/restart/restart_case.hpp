// The restart tests' case: rain of changing intensity on an 80 x 60 grid (4800 cells: the
// reductions run in parallel) of 1 m cells sloping east to a free outlet, with a sealed road, a
// Horton garden and a bioretention cell (soil and LID state), order 2 and event statistics; and
// helpers that compare two results.nc files variable by variable, byte by byte.
#pragma once

#include <netcdf.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.hpp"

namespace sf::test {

namespace fs = std::filesystem;

/// Writes the case into a fresh folder; `extra` is appended to the case file.
inline fs::path write_restart_case(const std::string& name, int nx = 80, int ny = 60,
                                   const std::string& extra = "") {
  const auto dir = scratch(name);
  write_file(dir / "dem.asc", ascii_grid(nx, ny));
  std::string lu = "ncols " + std::to_string(nx) + "\nnrows " + std::to_string(ny) +
                   "\nxllcorner 1000\nyllcorner 2000\ncellsize 1\nNODATA_value -9999\n";
  for (int j = 0; j < ny; ++j) {
    for (int i = 0; i < nx; ++i) lu += j < ny / 3 ? "1 " : (i < nx / 2 ? "2 " : "3 ");
    lu += "\n";
  }
  write_file(dir / "lu.asc", lu);
  write_file(dir / "case.toml", R"([grid]
dem = "dem.asc"
[numerics]
order = 2
cfl = 0.45
[time]
duration = 120
output_interval = 20
[rain]
times = [0, 30, 70, 90]
intensity = [80, 200, 40, 0]
[soil]
land_use = "lu.asc"
evaporation = 4.0
[[landuse]]
id = 1
name = "road"
manning = 0.015
impervious = 1.0
[[landuse]]
id = 2
name = "garden"
manning = 0.035
infiltration = "horton"
f0 = 76.0
fc = 13.0
decay = 4.0
[[landuse]]
id = 3
name = "rain-garden"
manning = 0.035
infiltration = "green_ampt"
suction = 89.0
ks = 3.3
deficit = 0.25
lid = "bioretention"
[[lid]]
name = "bioretention"
kind = "bioretention"
berm = 300
soil_thickness = 600
porosity = 0.45
field_capacity = 0.2
wilting_point = 0.1
soil_ks = 50
conductivity_slope = 10
soil_suction = 100
storage_height = 300
storage_void_ratio = 0.75
seepage = 3.3
drain_coeff = 1.0
drain_exponent = 0.5
drain_offset = 150
[[boundary]]
name = "outlet"
side = "east"
type = "free"
[output]
netcdf = true
)" + extra);
  return dir / "case.toml";
}

/// Every variable of a netCDF file: name -> (type, raw bytes of all values).
struct RawVariables {
  std::vector<std::string> names;
  std::vector<std::pair<int, std::vector<unsigned char>>> values;
};

inline RawVariables read_raw_variables(const fs::path& path) {
  RawVariables out;
  int ncid = -1;
  if (nc_open(path.c_str(), NC_NOWRITE, &ncid) != NC_NOERR) {
    ADD_FAILURE() << "cannot open " << path;
    return out;
  }
  int nvars = 0;
  nc_inq_nvars(ncid, &nvars);
  for (int v = 0; v < nvars; ++v) {
    char name[NC_MAX_NAME + 1] = {};
    nc_type type = NC_NAT;
    int ndims = 0, dims[NC_MAX_VAR_DIMS] = {};
    nc_inq_var(ncid, v, name, &type, &ndims, dims, nullptr);
    std::size_t n = 1, size = 0;
    for (int d = 0; d < ndims; ++d) {
      std::size_t len = 0;
      nc_inq_dimlen(ncid, dims[d], &len);
      n *= len;
    }
    nc_inq_type(ncid, type, nullptr, &size);
    std::vector<unsigned char> bytes(n * size);
    if (n > 0) {
      EXPECT_EQ(nc_get_var(ncid, v, bytes.data()), NC_NOERR) << path << ": " << name;
    }
    out.names.push_back(name);
    out.values.emplace_back(type, std::move(bytes));
  }
  nc_close(ncid);
  return out;
}

/// Expects the same variables with the same types and the same bytes.
inline void expect_identical_results(const fs::path& a, const fs::path& b) {
  const RawVariables x = read_raw_variables(a), y = read_raw_variables(b);
  ASSERT_EQ(x.names, y.names) << a << " and " << b << " hold other variables";
  ASSERT_FALSE(x.names.empty());
  for (std::size_t k = 0; k < x.names.size(); ++k) {
    EXPECT_EQ(x.values[k].first, y.values[k].first) << x.names[k] << ": another type";
    EXPECT_EQ(x.values[k].second.size(), y.values[k].second.size())
        << x.names[k] << ": another size";
    EXPECT_TRUE(x.values[k].second == y.values[k].second)
        << x.names[k] << ": values differ between " << a << " and " << b;
  }
}

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "no " << path;
  return in.good() ? nlohmann::json::parse(in) : nlohmann::json{};
}

/// summary.json without what depends on the wall clock or the machine.
inline nlohmann::json deterministic_summary(const fs::path& dir) {
  nlohmann::json j = read_json(dir / "summary.json");
  for (const char* k : {"wall_time_s", "cell_updates_per_s"}) j.erase(k);
  return j;
}

}  // namespace sf::test
