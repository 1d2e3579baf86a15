// make_demo_catchment: the synthetic urban catchment, built cell by cell from its cell centre.
#include "demo/demo_dem.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace sf::mesh {
namespace {

/// A fixed 32-bit integer mix (Wellons' lowbias32): the same variety of blocks on every platform.
std::uint32_t mix(std::uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352dU;
  x ^= x >> 15;
  x *= 0x846ca68bU;
  x ^= x >> 16;
  return x;
}

std::uint32_t block_hash(int bx, int by, std::uint32_t salt) {
  return mix(static_cast<std::uint32_t>(bx) * 73856093U ^
             static_cast<std::uint32_t>(by) * 19349663U ^ mix(salt));
}

/// |d| with a rounded bottom of width 2w, so the valley floor is smooth (no kink in one cell).
double smooth_abs(double d, double w) {
  const double a = std::fabs(d);
  return a <= w ? a * a / (2.0 * w) : a - 0.5 * w;
}

constexpr double kFar = 1e300;

/// Distance from c to the nearest street centre line k * pitch strictly inside (0, extent),
/// leaving out the line at `skip` (the avenue, which has its own width).
double distance_to_grid_line(double c, double pitch, double extent, double skip = -kFar) {
  const double k = std::floor(c / pitch + 0.5);
  double best = kFar;
  for (double kk = k - 1.0; kk <= k + 1.0; kk += 1.0) {
    const double line = kk * pitch;
    if (line > 0.0 && line < extent && std::fabs(line - skip) > 1e-9)
      best = std::min(best, std::fabs(c - line));
  }
  return best;
}

/// Everything the cell rules need, derived once from the options.
struct Layout {
  DemoOptions o;
  double width = 0.0, height = 0.0;  // domain size (m)
  double valley_y = 0.0;             // centre line of the avenue in the valley (local m)
  double channel_start_x = 0.0;      // where the avenue turns into the outlet channel
  double lot_margin = 0.0;           // street centre line to the first lot (m)

  explicit Layout(const DemoOptions& opt) : o(opt) {
    width = o.nx * o.dx;
    height = o.ny * o.dx;
    valley_y = std::floor(0.5 * height / o.block_pitch + 0.5) * o.block_pitch;
    if (!(valley_y > 0.0 && valley_y < height)) valley_y = 0.5 * height;
    const double last_street = std::ceil(width / o.block_pitch - 1.0) * o.block_pitch;
    channel_start_x = (last_street > 0.0 ? last_street : 0.75 * width) + 0.5 * o.road_width;
    lot_margin = 0.5 * o.avenue_width + 3.0;  // half a road plus a 3 m footpath
  }

  /// Terrain before streets: a plane falling east plus a valley along the avenue (m).
  double terrain(double x, double y) const {
    return o.outlet_level + o.fall_east * (width - x) +
           o.fall_valley * smooth_abs(y - valley_y, 50.0);
  }
};

struct CellKind {
  LandUse use = LandUse::Garden;
  double offset = 0.0;  // added to the terrain (m)
  bool building = false;
};

/// Cambered road: crown in the middle, gutters a kerb height below the footpath.
double road_offset(const DemoOptions& o, double distance_from_centre, double width) {
  return -o.kerb_height + o.crossfall * (0.5 * width - distance_from_centre);
}

/// Layout inside one block, from the lot coordinates (u, v) in [0, pitch).
CellKind block_cell(const Layout& L, int bx, int by, double u, double v) {
  const double p = L.o.block_pitch;
  const double m = L.lot_margin;
  const double edge = std::min(std::min(u - m, p - m - u), std::min(v - m, p - m - v));
  if (edge < 0.0) return {LandUse::Paved, 0.0, false};  // footpath along the kerb

  const std::uint32_t h = block_hash(bx, by, 1U);
  switch (h % 6U) {
    case 0: {  // sunken park with 5 % side slopes: storage for the sponge-city demo
      const double depth = L.o.park_depression * std::min(1.0, edge / 8.0);
      return {LandUse::Park, -depth, false};
    }
    case 1:
    case 2: {  // perimeter block round a courtyard, gates in the south and north sides
      const bool ring = edge < 14.0;
      const bool gate = std::fabs(u - 0.5 * p) < 3.0 && (v < 0.5 * p - 10.0 || v > 0.5 * p + 10.0);
      if (ring && !gate) return {LandUse::Roof, 0.0, true};
      return {ring ? LandUse::Paved : LandUse::Garden, 0.0, false};
    }
    default: {  // detached buildings on a 2 x 2 or 3 x 3 grid of lots
      const int lots = (h >> 8) % 2U == 0 ? 2 : 3;
      const double lot = (p - 2.0 * m) / lots;
      const int li = std::min(lots - 1, static_cast<int>((u - m) / lot));
      const int lj = std::min(lots - 1, static_cast<int>((v - m) / lot));
      const double lu = u - m - li * lot, lv = v - m - lj * lot;
      const std::uint32_t hl = block_hash(bx * 3 + li, by * 3 + lj, 2U);
      const double setback = 3.0 + static_cast<double>(hl % 4U);      // 3..6 m
      const double side = 2.0 + static_cast<double>((hl >> 4) % 3U);  // 2..4 m
      if (lu > side && lu < lot - side && lv > setback && lv < lot - setback)
        return {LandUse::Roof, 0.0, true};
      return {(h >> 12) % 2U == 0 ? LandUse::Garden : LandUse::Paved, 0.0, false};
    }
  }
}

CellKind classify(const Layout& L, double x, double y) {
  const DemoOptions& o = L.o;
  const double half_avenue = 0.5 * o.avenue_width;
  const double from_avenue = std::fabs(y - L.valley_y);

  if (x >= L.channel_start_x) {  // riverside park along the east edge, channel in the valley
    if (from_avenue < 0.5 * o.channel_width) {
      const double t = (x - L.channel_start_x) / (L.width - L.channel_start_x);
      const double below = 0.5 + (o.channel_depth - 0.5) * t;  // 0.5 m deep, deepening east
      return {LandUse::Channel, -below, false};
    }
    return {LandUse::Park, 0.0, false};
  }

  // Streets: both directions; where two cross, the lower camber wins (gutters run through).
  double road = kFar;
  const double from_street_x = distance_to_grid_line(x, o.block_pitch, L.width);
  if (from_street_x < 0.5 * o.road_width)
    road = std::min(road, road_offset(o, from_street_x, o.road_width));
  const double from_street_y = distance_to_grid_line(y, o.block_pitch, L.height, L.valley_y);
  if (from_street_y < 0.5 * o.road_width)
    road = std::min(road, road_offset(o, from_street_y, o.road_width));
  if (from_avenue < half_avenue) road = std::min(road, road_offset(o, from_avenue, o.avenue_width));
  if (road < kFar) return {LandUse::Road, road, false};

  const int bx = static_cast<int>(std::floor(x / o.block_pitch));
  const int by = static_cast<int>(std::floor(y / o.block_pitch));
  return block_cell(L, bx, by, x - bx * o.block_pitch, y - by * o.block_pitch);
}

Raster empty_like(const DemoOptions& o) {
  Raster r;
  r.nx = o.nx;
  r.ny = o.ny;
  r.dx = o.dx;
  r.x0 = o.x0;
  r.y0 = o.y0;
  r.crs_wkt = demo_crs_wkt();
  r.source = "demo catchment";
  r.values.assign(r.size(), 0.0);
  r.valid.assign(r.size(), 1);
  return r;
}

}  // namespace

double demo_manning(LandUse use) {
  switch (use) {
    case LandUse::Road:
      return 0.015;  // asphalt
    case LandUse::Roof:
      return 0.012;  // smooth roofing
    case LandUse::Paved:
      return 0.015;  // concrete paving
    case LandUse::Garden:
      return 0.035;  // short grass, open ground
    case LandUse::Park:
      return 0.035;  // short grass
    case LandUse::Channel:
      return 0.025;  // stone-lined channel
  }
  return 0.035;
}

bool demo_is_impervious(LandUse use) {
  return use == LandUse::Road || use == LandUse::Roof || use == LandUse::Paved;
}

const std::string& demo_crs_wkt() {
  static const std::string wkt =
      "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 114E\","
      "GEOGCS[\"China Geodetic Coordinate System 2000\","
      "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,"
      "AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],"
      "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
      "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
      "AUTHORITY[\"EPSG\",\"4490\"]],"
      "PROJECTION[\"Transverse_Mercator\"],"
      "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",114],"
      "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",500000],"
      "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
      "AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],AUTHORITY[\"EPSG\",\"4547\"]]";
  return wkt;
}

DemoCatchment make_demo_catchment(const DemoOptions& options) {
  if (options.nx <= 0 || options.ny <= 0 || !(options.dx > 0.0) || !(options.block_pitch > 0.0))
    throw std::invalid_argument("demo catchment: nx, ny, dx and block_pitch must be positive");
  const Layout layout(options);

  DemoCatchment c;
  c.dem = empty_like(options);
  c.ground = empty_like(options);
  c.buildings = empty_like(options);
  c.manning = empty_like(options);
  c.land_use = empty_like(options);

  for (int j = 0; j < options.ny; ++j) {
    const double y = (j + 0.5) * options.dx;
    for (int i = 0; i < options.nx; ++i) {
      const double x = (i + 0.5) * options.dx;
      const CellKind kind = classify(layout, x, y);
      const std::size_t k = c.dem.index(i, j);
      const double ground = layout.terrain(x, y) + kind.offset;
      c.ground.values[k] = ground;
      c.dem.values[k] = kind.building ? ground + options.building_height : ground;
      c.buildings.values[k] = kind.building ? 1.0 : 0.0;
      c.manning.values[k] = demo_manning(kind.use);
      c.land_use.values[k] = static_cast<double>(kind.use);
    }
  }

  c.outlet.side = "east";
  c.outlet.from = options.y0 + layout.valley_y - 0.5 * options.channel_width;
  c.outlet.to = options.y0 + layout.valley_y + 0.5 * options.channel_width;
  c.outlet.bed_level = layout.terrain(layout.width, layout.valley_y) - options.channel_depth;
  return c;
}

}  // namespace sf::mesh
