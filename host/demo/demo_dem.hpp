// A synthetic, fully deterministic urban catchment for demos and tests (no third-party data):
// a street grid with cambered roads and kerbs, blocks of buildings, courtyards and sunken parks,
// a gentle fall towards a valley street, and a sunken outlet channel leaving the east edge.
// Pure arithmetic (no RNG, no libm transcendental functions), so every platform produces the
// same numbers. Rasters are in engine orientation (row 0 = south).
#pragma once

#include <cstdint>
#include <string>

#include "meshes/raster.hpp"

namespace sf::mesh {

struct DemoOptions {
  int nx = 500;                   // columns
  int ny = 500;                   // rows
  double dx = 2.0;                // cell size (m); 500 x 2 m = 1 km
  double x0 = 530000.0;           // west edge (m, EPSG:4547 easting; ~114.3 E)
  double y0 = 3380000.0;          // south edge (m, EPSG:4547 northing; ~30.5 N)
  double outlet_level = 20.0;     // ground at the east end of the valley street (m)
  double fall_east = 0.006;       // overall fall towards the east edge (m/m)
  double fall_valley = 0.004;     // side fall towards the valley street (m/m)
  double block_pitch = 100.0;     // street centre-line spacing (m)
  double road_width = 12.0;       // ordinary streets, kerb to kerb (m)
  double avenue_width = 14.0;     // the valley street (m)
  double kerb_height = 0.15;      // kerb top above the gutter (m)
  double crossfall = 0.025;       // road camber from crown to gutter (m/m)
  double building_height = 10.0;  // added to the ground in building cells (m)
  double park_depression = 0.4;   // sunken parks, the "sponge" storage (m)
  double channel_depth = 1.5;     // outlet channel bed below the ground at the east edge (m)
  double channel_width = 10.0;    // outlet channel width (m)
};

/// Land-use classes stored in DemoCatchment::land_use (also tells what is impervious).
enum class LandUse : std::uint8_t {
  Road = 1,     // asphalt, impervious
  Roof = 2,     // impervious
  Paved = 3,    // footpaths and yards, impervious
  Garden = 4,   // open ground between buildings, pervious
  Park = 5,     // sunken green space, pervious
  Channel = 6,  // outlet channel, lined
};

/// Manning's n per land use (s m^-1/3).
double demo_manning(LandUse use);
/// True for roads, roofs and paving.
bool demo_is_impervious(LandUse use);

/// Where water leaves: a free-outflow boundary segment on one edge.
struct DemoOutlet {
  std::string side = "east";    // domain edge
  double from = 0.0, to = 0.0;  // coordinate range along that edge (y for east), CRS metres
  double bed_level = 0.0;       // channel bed at the edge (m)
};

struct DemoCatchment {
  Raster dem;        // ground with buildings raised by building_height (m)
  Raster ground;     // bare ground: roads, kerbs, parks, channel (m)
  Raster buildings;  // 1 = building cell, 0 = open (for "buildings as walls")
  Raster manning;    // s m^-1/3
  Raster land_use;   // LandUse class numbers
  DemoOutlet outlet;
};

/// The CRS of the demo: EPSG:4547, CGCS2000 / 3-degree Gauss-Kruger CM 114E, as WKT1.
const std::string& demo_crs_wkt();

/// Builds the catchment. Throws std::invalid_argument for a non-positive size or cell size.
DemoCatchment make_demo_catchment(const DemoOptions& options = {});

}  // namespace sf::mesh
