// write_demo_catchment: the demo rasters as GeoTIFFs plus a README that says what they hold.
#include "demo/demo_dem_write.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "meshes/raster_gdal.hpp"

namespace sf::mesh {
namespace {

std::string readme_text(const DemoCatchment& c) {
  std::ostringstream s;
  s.precision(12);
  s << "spongeflow demo urban catchment (synthetic, deterministic)\n"
    << "Grid: " << c.dem.nx << " x " << c.dem.ny << " cells of " << c.dem.dx
    << " m; south-west corner (" << c.dem.x0 << ", " << c.dem.y0 << ")\n"
    << "CRS: EPSG:4547, CGCS2000 / 3-degree Gauss-Kruger CM 114E\n\n"
    << "dem.tif        ground + buildings raised as solid blocks (m)\n"
    << "ground.tif     bare ground: cambered roads, 0.15 m kerbs, sunken parks, channel (m)\n"
    << "buildings.tif  1 = building cell, 0 = open (use it to treat buildings as walls)\n"
    << "manning.tif    Manning's n (s m^-1/3): road 0.015, paving 0.015, roof 0.012,\n"
    << "               garden/park 0.035, channel 0.025\n"
    << "land_use.tif   1 road, 2 roof, 3 paving (impervious); 4 garden, 5 park (pervious);\n"
    << "               6 channel\n\n"
    << "Outlet: free outflow on the " << c.outlet.side << " edge, y from " << c.outlet.from
    << " to " << c.outlet.to << " m; channel bed there " << c.outlet.bed_level << " m\n";
  return s.str();
}

}  // namespace

std::vector<std::string> write_demo_catchment(const DemoCatchment& c, const std::string& out_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) throw std::runtime_error(out_dir + ": cannot create the folder: " + ec.message());

  std::vector<std::string> written;
  auto save = [&](const char* name, const Raster& r, RasterSampleType type) {
    const std::string path = (fs::path(out_dir) / name).string();
    write_raster_geotiff(path, r, type);
    written.push_back(path);
  };
  save("dem.tif", c.dem, RasterSampleType::Float64);
  save("ground.tif", c.ground, RasterSampleType::Float64);
  save("buildings.tif", c.buildings, RasterSampleType::Byte);
  save("manning.tif", c.manning, RasterSampleType::Float64);
  save("land_use.tif", c.land_use, RasterSampleType::Byte);

  const std::string readme = (fs::path(out_dir) / "README.txt").string();
  std::ofstream out(readme);
  out << readme_text(c);
  if (!out.good()) throw std::runtime_error(readme + ": cannot write");
  written.push_back(readme);
  return written;
}

}  // namespace sf::mesh
