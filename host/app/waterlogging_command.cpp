#include "app/waterlogging_command.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "app/command_outputs.hpp"
#include "app/event_map_rasters.hpp"
#include "app/geojson_crs.hpp"
#include "app/waterlogging_tables.hpp"
#include "assess/waterlogging_spots.hpp"
#include "common/atomic_text_file.hpp"
#include "common/input_error.hpp"
#include "config/case_config.hpp"
#include "io/netcdf/results_event_maps.hpp"
#include "meshes/label_polygons_gdal.hpp"
#include "meshes/raster_gdal.hpp"

namespace sf::app {
namespace {

std::string class_name(const std::vector<std::string>& names, int k) {
  return k >= 1 && k <= static_cast<int>(names.size()) ? names[k - 1] : "";
}

std::string spots_csv(const assess::SpotMap& r, const assess::RiskTable& t) {
  std::string s =
      "id,x_m,y_m,centroid_x_m,centroid_y_m,area_m2,cells,max_depth_m,mean_max_depth_m,"
      "time_of_max_s,duration_above_s,max_hazard_m2s,depth_class,duration_class,risk,hazard\n";
  char line[512];
  for (const assess::Spot& p : r.spots) {
    std::snprintf(line, sizeof line,
                  "%d,%.2f,%.2f,%.2f,%.2f,%.1f,%lld,%.4f,%.4f,%.0f,%.0f,%.4f,%s,%s,%s,%s\n", p.id,
                  p.x, p.y, p.centroid_x, p.centroid_y, p.area_m2, p.cells, p.max_depth_m,
                  p.mean_max_depth_m, p.time_of_max_s, p.duration_above_s, p.max_hazard,
                  class_name(t.depth.names, p.depth_class).c_str(),
                  class_name(t.duration.names, p.duration_class).c_str(),
                  class_name(t.risk_names, p.risk).c_str(),
                  class_name(t.hazard.names, p.hazard_class).c_str());
    s += line;
  }
  return s;
}

void write_polygons(const std::string& path, const assess::SpotMap& r, const assess::EventMaps& m,
                    const std::string& crs, const assess::RiskTable& t) {
  mesh::Raster labels = results_grid_raster(m, crs);
  labels.values.assign(r.label.begin(), r.label.end());
  labels.valid.assign(labels.values.size(), 1);
  mesh::LabelAttributes a;
  a.real_names = {"area_m2",
                  "max_depth_m",
                  "mean_max_depth_m",
                  "time_of_max_s",
                  "duration_above_s",
                  "max_hazard_m2s",
                  "x_m",
                  "y_m"};
  a.real_values.assign(a.real_names.size(), {});
  a.text_names = {"risk", "depth_class", "duration_class", "hazard"};
  a.text_values.assign(a.text_names.size(), {});
  for (const assess::Spot& p : r.spots) {
    const double reals[] = {p.area_m2,
                            p.max_depth_m,
                            p.mean_max_depth_m,
                            p.time_of_max_s,
                            p.duration_above_s,
                            p.max_hazard,
                            p.x,
                            p.y};
    for (std::size_t c = 0; c < a.real_names.size(); ++c) a.real_values[c].push_back(reals[c]);
    a.text_values[0].push_back(class_name(t.risk_names, p.risk));
    a.text_values[1].push_back(class_name(t.depth.names, p.depth_class));
    a.text_values[2].push_back(class_name(t.duration.names, p.duration_class));
    a.text_values[3].push_back(class_name(t.hazard.names, p.hazard_class));
  }
  mesh::write_label_polygons(path, labels, a);
}

void write_risk_map(const std::string& path, const assess::SpotMap& r, const assess::EventMaps& m,
                    const std::string& crs) {
  mesh::Raster risk = results_grid_raster(m, crs);
  risk.values.assign(r.risk.begin(), r.risk.end());
  risk.valid.assign(m.mask.begin(), m.mask.end());
  mesh::write_raster_geotiff(path, risk, mesh::RasterSampleType::Byte);
}

/// The options completed from the case: results file, land use and roads, minimum area.
WaterloggingOptions with_case(WaterloggingOptions o, const config::CaseConfig& c) {
  if (o.results_nc.empty())
    o.results_nc = (std::filesystem::path(c.output_dir) / "results.nc").string();
  if (o.road_classes.empty() && o.land_use.empty() && !c.waterlogging.road_classes.empty()) {
    if (!c.soil)
      throw InputError(InputIssue{c.file, 0, "[waterlogging]", "road_classes",
                                  "needs the land-use raster of a [soil] table"});
    o.land_use = c.soil->land_use_raster;
    o.road_classes = c.waterlogging.road_classes;
  }
  if (o.min_area_m2 < 0.0) o.min_area_m2 = c.waterlogging.min_area_m2;
  return o;
}

}  // namespace

int waterlogging_command(const WaterloggingOptions& given, std::ostream& out, std::ostream& err) {
  config::WaterloggingConfig tables = config::waterlogging_defaults();
  WaterloggingOptions o = given;
  if (!given.case_file.empty()) {
    const config::CaseConfig c = config::read_case_file(given.case_file);
    tables = c.waterlogging;
    o = with_case(given, c);
  } else if (given.results_nc.empty()) {
    err << "error: give the run's results.nc, or --case CASE.toml to use its output folder\n";
    return 1;
  }
  if (o.min_area_m2 < 0.0) o.min_area_m2 = tables.min_area_m2;
  if (!o.road_classes.empty() && o.land_use.empty()) {
    err << "error: --road-classes needs --land-use RASTER\n";
    return 1;
  }
  const io::DurationMap which =
      o.threshold == "user" ? io::DurationMap::kUserThreshold : io::DurationMap::kFloodThreshold;
  io::ResultsEventMaps in = io::read_results_event_maps(o.results_nc, which);
  if (!o.land_use.empty()) {
    if (o.road_classes.empty()) {
      err << "error: --land-use needs --road-classes V1,V2,... (the land-use values of roads)\n";
      return 1;
    }
    in.maps.mask = road_mask(o.land_use, o.road_classes, in.maps);
  }
  const assess::RiskTable table = risk_table(tables);
  assess::SpotOptions so;
  so.threshold_m = in.threshold_m;
  so.min_area_m2 = o.min_area_m2;
  const assess::SpotMap r = assess::find_spots(in.maps, so, table);

  if (!make_output_folder(o.output_dir, err)) return 1;
  const std::filesystem::path dir(o.output_dir);
  write_text_file_atomically((dir / "waterlogging_spots.csv").string(), spots_csv(r, table),
                             (dir / "waterlogging_spots.csv").string() + ".tmp");
  const std::string geojson = (dir / "waterlogging_spots.geojson").string();
  write_polygons(geojson, r, in.maps, in.crs_wkt, table);
  const int epsg = set_geojson_file_crs(geojson, in.crs_wkt);
  if (epsg == 0)
    err << "warning: the results' CRS has no EPSG code; waterlogging_spots.geojson names no CRS "
           "and GIS readers will take its metres for WGS 84 degrees\n";
  write_risk_map((dir / "waterlogging_risk.tif").string(), r, in.maps, in.crs_wkt);

  nlohmann::ordered_json j;
  j["results"] = o.results_nc;
  if (!o.case_file.empty()) j["case"] = o.case_file;
  j["crs"] = epsg_text(epsg);  // of the GeoJSON's coordinates ("" = none identified)
  j["threshold_m"] = in.threshold_m;
  j["roads_only"] = !o.land_use.empty();
  j["min_area_m2"] = o.min_area_m2;
  j["end_time_s"] = in.end_time_s;
  j["spots"] = r.spots.size();
  double area = 0.0;
  std::vector<double> area_by_risk(table.risk_names.size(), 0.0);
  std::vector<int> count_by_risk(table.risk_names.size(), 0);
  for (const assess::Spot& p : r.spots) {
    area += p.area_m2;
    if (p.risk >= 1) {
      area_by_risk[p.risk - 1] += p.area_m2;
      count_by_risk[p.risk - 1] += 1;
    }
  }
  j["area_m2"] = area;
  for (std::size_t k = 0; k < table.risk_names.size(); ++k)
    j["by_risk"][table.risk_names[k]] = {{"spots", count_by_risk[k]}, {"area_m2", area_by_risk[k]}};
  write_text_file_atomically((dir / "waterlogging.json").string(), j.dump(2) + "\n",
                             (dir / "waterlogging.json").string() + ".tmp");

  char line[256];
  std::snprintf(line, sizeof line, "%zu waterlogging spots deeper than %.2f m%s, %.0f m2 in all\n",
                r.spots.size(), in.threshold_m, o.land_use.empty() ? "" : " on roads", area);
  out << line;
  for (std::size_t k = 0; k < table.risk_names.size(); ++k) {
    std::snprintf(line, sizeof line, "  %-7s risk: %4d spots, %10.0f m2\n",
                  table.risk_names[k].c_str(), count_by_risk[k], area_by_risk[k]);
    out << line;
  }
  out << "  deepest:  id     x (m)      y (m)  max depth  at (min)  above (min)  area (m2)  risk\n";
  for (std::size_t k = 0; k < r.spots.size() && k < 10; ++k) {
    const assess::Spot& p = r.spots[k];
    std::snprintf(line, sizeof line, "        %6d %10.1f %10.1f %8.2f m %9.1f %12.1f %10.0f  %s\n",
                  p.id, p.x, p.y, p.max_depth_m, p.time_of_max_s / 60.0, p.duration_above_s / 60.0,
                  p.area_m2, class_name(table.risk_names, p.risk).c_str());
    out << line;
  }
  out << "Wrote waterlogging_spots.geojson, waterlogging_spots.csv, waterlogging_risk.tif and "
         "waterlogging.json in "
      << o.output_dir << "\n";
  return 0;
}

}  // namespace sf::app
