// `spongeflow waterlogging`: a results.nc written by the results writer with two known puddles
// becomes spots in CSV, GeoJSON (polygons whose area is the spot's), a risk GeoTIFF and a JSON
// summary; a land-use raster restricts spots to roads; a file that is not a results file is
// refused naming the variable; the GeoJSON names the results' CRS by its EPSG code for GIS.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include <netcdf.h>

#include "cli_runner.hpp"
#include "engine/snapshot.hpp"
#include "io/netcdf/netcdf_results_writer.hpp"
#include "ogr_read_back.hpp"

namespace {

using namespace sf;
namespace fs = std::filesystem;

// 6 x 4 cells of 2 m at (1000, 2000); spot A = (1,1) (2,1) (2,2), spot B = (5,3).
fs::path write_puddle_results(const fs::path& dir, const std::string& crs_wkt = "") {
  static GridGeometry g;
  g.crs_wkt = crs_wkt;
  g.nx = 6;
  g.ny = 4;
  g.dx = 2.0;
  g.x0 = 1000.0;
  g.y0 = 2000.0;
  const std::size_t n = 24;
  SurfaceSnapshot s;
  s.grid = &g;
  s.time_s = 3600.0;
  s.active.assign(n, 1);
  for (auto* a :
       {&s.bed, &s.depth, &s.level, &s.u, &s.v, &s.speed, &s.max_depth, &s.max_speed, &s.max_hazard,
        &s.time_of_max_depth, &s.time_first_wet, &s.duration_flooded, &s.duration_above_user})
    a->assign(n, 0.0);
  s.max_depth.assign(n, 0.05);
  auto at = [&](int i, int j) { return std::size_t(j * g.nx + i); };
  const struct {
    int i, j;
    double h, t, above;
  } wet[] = {{1, 1, 0.20, 600, 900},
             {2, 1, 0.45, 1200, 2400},
             {2, 2, 0.30, 900, 1500},
             {5, 3, 0.60, 3000, 4000}};
  for (const auto& w : wet) {
    s.max_depth[at(w.i, w.j)] = w.h;
    s.time_of_max_depth[at(w.i, w.j)] = w.t;
    s.duration_flooded[at(w.i, w.j)] = w.above;
    s.max_hazard[at(w.i, w.j)] = w.h * 0.5;
  }
  s.flood_threshold_m = 0.15;
  s.user_threshold_m = 0.3;
  s.wet_threshold_m = 0.001;
  const fs::path nc = dir / "results.nc";
  io::NetcdfResultsWriter w(nc.string());
  w.write(s);
  w.close();
  return nc;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Area of a GeoJSON polygon's outer ring (shoelace).
double ring_area(const nlohmann::json& ring) {
  double a = 0.0;
  for (std::size_t k = 0; k + 1 < ring.size(); ++k)
    a += ring[k][0].get<double>() * ring[k + 1][1].get<double>() -
         ring[k + 1][0].get<double>() * ring[k][1].get<double>();
  return std::fabs(a) / 2.0;
}

}  // namespace

TEST(CliWaterlogging, SpotsBecomePolygonsTablesAndARiskMap) {
  const fs::path dir = test::scratch("waterlogging");
  const fs::path nc = write_puddle_results(dir);
  const auto r =
      test::run_spongeflow("waterlogging " + nc.string() + " --output " + (dir / "out").string());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("2 waterlogging spots deeper than 0.15 m, 16 m2 in all"),
            std::string::npos)
      << r.output;

  const nlohmann::json gj =
      nlohmann::json::parse(slurp(dir / "out" / "waterlogging_spots.geojson"));
  ASSERT_EQ(gj["features"].size(), 2u);
  for (const auto& f : gj["features"]) {
    const auto& p = f["properties"];
    const double area = ring_area(f["geometry"]["coordinates"][0]);
    EXPECT_NEAR(area, p["area_m2"].get<double>(), 1e-6);
    if (p["id"] == 1) {  // B, the deepest: 0.60 m for 4000 s -> high risk
      EXPECT_NEAR(p["max_depth_m"].get<double>(), 0.60, 1e-6);
      EXPECT_NEAR(area, 4.0, 1e-6);
      EXPECT_EQ(p["risk"], "high");
      EXPECT_NEAR(p["time_of_max_s"].get<double>(), 3000.0, 1e-3);
    } else {  // A: 0.45 m, 2400 s -> medium
      EXPECT_NEAR(area, 12.0, 1e-6);
      EXPECT_EQ(p["risk"], "medium");
      EXPECT_NEAR(p["duration_above_s"].get<double>(), 2400.0, 1e-3);
    }
  }
  const std::string csv = slurp(dir / "out" / "waterlogging_spots.csv");
  EXPECT_NE(csv.find("\n1,1011.00,2007.00,"), std::string::npos) << csv;
  const nlohmann::json summary = nlohmann::json::parse(slurp(dir / "out" / "waterlogging.json"));
  EXPECT_EQ(summary["spots"], 2);
  EXPECT_DOUBLE_EQ(summary["by_risk"]["high"]["area_m2"].get<double>(), 4.0);
  EXPECT_TRUE(fs::exists(dir / "out" / "waterlogging_risk.tif"));
}

// The polygons stay in the results' projected metres and carry the legacy GeoJSON "crs" member
// with the EPSG code, which GDAL (hence QGIS) reads: here from an ESRI WKT without AUTHORITY
// nodes, which GDAL's own GeoJSON writer leaves without a "crs" (readers then take WGS 84).
TEST(CliWaterlogging, GeoJsonNamesTheCrsThatGdalReadsBack) {
  const fs::path dir = test::scratch("waterlogging_crs");
  const fs::path nc = write_puddle_results(dir, test::esri_prj_epsg_4547());
  auto r =
      test::run_spongeflow("waterlogging " + nc.string() + " --output " + (dir / "out").string());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(r.output.find("warning"), std::string::npos) << r.output;
  const fs::path gj = dir / "out" / "waterlogging_spots.geojson";
  EXPECT_EQ(nlohmann::json::parse(slurp(gj))["crs"]["properties"]["name"],
            "urn:ogc:def:crs:EPSG::4547");
  const test::OgrReadBack back = test::read_back_with_ogr(gj.string());
  ASSERT_TRUE(back.opened);
  EXPECT_EQ(back.epsg, 4547);
  EXPECT_EQ(back.features, 2);
  // The first feature is spot B, the cell (5, 3): x 1010-1012 m, y 2006-2008 m.
  EXPECT_DOUBLE_EQ(back.min_x, 1010.0);
  EXPECT_DOUBLE_EQ(back.max_x, 1012.0);
  EXPECT_DOUBLE_EQ(back.min_y, 2006.0);
  EXPECT_DOUBLE_EQ(back.max_y, 2008.0);
  EXPECT_EQ(nlohmann::json::parse(slurp(dir / "out" / "waterlogging.json"))["crs"], "EPSG:4547");

  // Results without a CRS: no "crs" member, and a warning that says what GIS readers will do.
  const fs::path plain = write_puddle_results(test::scratch("waterlogging_no_crs"));
  r = test::run_spongeflow("waterlogging " + plain.string() + " --output " +
                           (plain.parent_path() / "out").string());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("names no CRS"), std::string::npos) << r.output;
  EXPECT_FALSE(
      nlohmann::json::parse(slurp(plain.parent_path() / "out" / "waterlogging_spots.geojson"))
          .contains("crs"));
}

TEST(CliWaterlogging, RoadsOnlyWithALandUseRaster) {
  const fs::path dir = test::scratch("waterlogging_roads");
  const fs::path nc = write_puddle_results(dir);
  // land use north row first: class 3 (road) only on the top row, where B lies
  std::string lu =
      "ncols 6\nnrows 4\nxllcorner 1000\nyllcorner 2000\ncellsize 2\nNODATA_value -9999\n"
      "3 3 3 3 3 3\n1 1 1 1 1 1\n1 1 1 1 1 1\n1 1 1 1 1 1\n";
  test::write_file(dir / "landuse.asc", lu);
  const auto r =
      test::run_spongeflow("waterlogging " + nc.string() + " --output " + (dir / "out").string() +
                           " --land-use " + (dir / "landuse.asc").string() + " --road-classes 3");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("1 waterlogging spots deeper than 0.15 m on roads, 4 m2"),
            std::string::npos)
      << r.output;
  const auto bad =
      test::run_spongeflow("waterlogging " + nc.string() + " --output " + (dir / "out2").string() +
                           " --land-use " + (dir / "landuse.asc").string());
  EXPECT_EQ(bad.status, 1) << bad.output;
  EXPECT_NE(bad.output.find("--land-use needs --road-classes"), std::string::npos) << bad.output;
}

TEST(CliWaterlogging, FilesThatAreNotResultsAreRefusedWithTheReason) {
  const fs::path dir = test::scratch("waterlogging_bad");
  test::write_file(dir / "not_results.nc", "CDF\001 this is not a netCDF file");
  auto r = test::run_spongeflow("waterlogging " + (dir / "not_results.nc").string() + " --output " +
                                (dir / "out").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("not_results.nc"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("cannot open as netCDF"), std::string::npos) << r.output;

  // a real netCDF grid without the event maps (a rain grid, say)
  const std::string grid = (dir / "grid_only.nc").string();
  int nc = -1, dx = -1, dy = -1, vx = -1, vy = -1;
  ASSERT_EQ(nc_create(grid.c_str(), NC_CLOBBER, &nc), NC_NOERR);
  nc_def_dim(nc, "x", 3, &dx);
  nc_def_dim(nc, "y", 3, &dy);
  nc_def_var(nc, "x", NC_DOUBLE, 1, &dx, &vx);
  nc_def_var(nc, "y", NC_DOUBLE, 1, &dy, &vy);
  nc_enddef(nc);
  const double c[] = {1.0, 3.0, 5.0};
  nc_put_var_double(nc, vx, c);
  nc_put_var_double(nc, vy, c);
  nc_close(nc);
  r = test::run_spongeflow("waterlogging " + grid + " --output " + (dir / "out").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("grid_only.nc: max_depth: variable is missing; expected a "
                          "spongeflow results file"),
            std::string::npos)
      << r.output;
}

// The case's [waterlogging] tables replace the defaults: with a depth bound at 0.50 m and a
// two-class risk table, spot A (0.45 m) falls below the classes and B (0.60 m, 4000 s) is
// "severe"; the case's roads and output folder are used without --land-use or a results path.
TEST(CliWaterlogging, CaseKeysGiveTheClassTablesRoadsAndResults) {
  const fs::path dir = test::scratch("waterlogging_case");
  fs::create_directories(dir / "results");
  write_puddle_results(dir / "results");
  test::write_file(dir / "landuse.asc",
                   "ncols 6\nnrows 4\nxllcorner 1000\nyllcorner 2000\ncellsize 2\n"
                   "NODATA_value -9999\n3 3 3 3 3 3\n3 3 3 3 3 3\n3 3 3 3 3 3\n3 3 3 3 3 3\n");
  const std::string head =
      "[grid]\ndem = \"dem.asc\"\n[time]\nduration = 3600\n"
      "[soil]\nland_use = \"landuse.asc\"\n[[landuse]]\nid = 3\nimpervious = 1\n"
      "[waterlogging]\n";
  test::write_file(dir / "case.toml",
                   head +
                       "depth_bounds = [0.15, 0.50]\ndepth_names = [\"shallow\", \"deep\"]\n"
                       "risk = [[1, 1, 1], [1, 2, 2]]\nrisk_names = [\"minor\", \"severe\"]\n"
                       "road_classes = [3]\n");
  auto r = test::run_spongeflow("waterlogging --case " + (dir / "case.toml").string() +
                                " --output " + (dir / "out").string());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("on roads"), std::string::npos) << r.output;
  const nlohmann::json summary = nlohmann::json::parse(slurp(dir / "out" / "waterlogging.json"));
  EXPECT_EQ(summary["by_risk"]["severe"]["spots"], 1);
  EXPECT_DOUBLE_EQ(summary["by_risk"]["severe"]["area_m2"].get<double>(), 4.0);
  EXPECT_EQ(summary["by_risk"]["minor"]["spots"], 1);  // A: 0.45 m, 2400 s
  EXPECT_FALSE(summary.contains("by_risk") && summary["by_risk"].contains("high"));

  // A table that does not fit is refused naming the file, line and key (the table's line when
  // the key is absent).
  test::write_file(dir / "bad.toml", head + "depth_bounds = [0.15, 0.50]\n");
  r = test::run_spongeflow("waterlogging --case " + (dir / "bad.toml").string() + " --output " +
                           (dir / "out2").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("bad.toml:10: [waterlogging] depth_names: 3 names for 2 classes"),
            std::string::npos)
      << r.output;
  test::write_file(dir / "bad2.toml", head + "risk = [[1, 1, 2], [1, 2, 3], [2, 3, 4]]\n");
  r = test::run_spongeflow("waterlogging --case " + (dir / "bad2.toml").string() + " --output " +
                           (dir / "out2").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(
      r.output.find("bad2.toml:11: [waterlogging] risk: entries must be whole numbers 1 to 3"),
      std::string::npos)
      << r.output;
  test::write_file(dir / "bad3.toml", head + "duration_bounds = [0, 60, 30]\ncolour = 1\n");
  r = test::run_spongeflow("waterlogging --case " + (dir / "bad3.toml").string() + " --output " +
                           (dir / "out2").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("bad3.toml:11: [waterlogging] duration_bounds: bounds must increase"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("bad3.toml:12: [waterlogging] colour: unknown key"), std::string::npos)
      << r.output;
  // Neither a results file nor a case: nothing to read.
  r = test::run_spongeflow("waterlogging --output " + (dir / "out3").string());
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("--case"), std::string::npos) << r.output;
}
