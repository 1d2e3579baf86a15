// [LID_CONTROLS] and [LID_USAGE] -> Model::lid_controls / lid_usages (inp/lid.hpp), in SI. Field
// layouts, unit conversions and checks follow SWMM 5.2 (lid.c lid_readProcParams,
// lid_readGroupParams, validateLidProc, validateLidGroup): depths in in or mm, rates in in/hr or
// mm/hr, unit areas in ft² or m², widths in ft or m. What SWMM would accept but spongeflow does
// not simulate (clogging, pollutant removals, report files) is read, warned about and ignored;
// vegetative swales and drain control curves included.
#include <cmath>

#include "inp/sections.hpp"
#include "runoff/nonlinear_reservoir.hpp"

namespace sf::inp::detail {
namespace {

using runoff::LidType;

const std::vector<const char*> kTypeWords = {"BC", "RG", "GR", "IT", "PP", "RB", "RD", "VS"};
constexpr LidType kTypes[] = {LidType::kBioCell,
                              LidType::kRainGarden,
                              LidType::kGreenRoof,
                              LidType::kInfiltrationTrench,
                              LidType::kPermeablePavement,
                              LidType::kRainBarrel,
                              LidType::kRooftopDisconnection,
                              LidType::kVegetativeSwale};
const std::vector<const char*> kLayerWords = {"SURFACE",  "SOIL",  "STORAGE", "PAVEMENT",
                                              "DRAINMAT", "DRAIN", "REMOVALS"};

/// Index of the control named `id` (case-insensitive, as SWMM matches IDs), or -1.
int find_control(const Model& m, const std::string& id) {
  const std::string key = upper(id);
  for (size_t i = 0; i < m.lid_controls.size(); ++i)
    if (upper(m.lid_controls[i].id) == key) return static_cast<int>(i);
  return -1;
}

int type_word(const std::string& t) {
  const std::string u = upper(t);
  for (size_t i = 0; i < kTypeWords.size(); ++i)
    if (u == kTypeWords[i]) return static_cast<int>(i);
  return -1;
}

/// A void ratio e (voids / solids) as SWMM writes it -> void fraction e / (1 + e).
double void_fraction(double ratio) {
  return ratio / (ratio + 1.0);
}

void read_surface(Context& ctx, Row& row, LidControl& c) {
  if (!row.require(7, "Name SURFACE StorHt VegFrac Rough Slope Xslope")) return;
  const double ht = row.number(2, "berm height StorHt", Bound::NonNegative);
  double veg = row.number(3, "vegetation volume fraction VegFrac", Bound::NonNegative,
                          "a fraction 0..1 (below 1)");
  if (veg >= 1.0) row.error("VegFrac " + row.tok(3) + " is not below 1; expected 0 <= VegFrac < 1");
  c.surface_roughness = row.number(4, "surface roughness Rough", Bound::NonNegative);
  c.surface_slope = row.number(5, "surface slope", Bound::NonNegative, "a percentage >= 0") / 100.0;
  c.process.surface.side_slope = row.number(6, "side slope Xslope", Bound::NonNegative);
  if (ht == 0.0) veg = 0.0;
  c.process.surface.thickness = ht * ctx.units.small_length;
  c.process.surface.void_frac = 1.0 - std::fmin(veg, 0.999);
}

void read_soil(Context& ctx, Row& row, LidControl& c) {
  if (!row.require(9, "Name SOIL Thick Por FC WP Ksat Kcoeff Suct")) return;
  soil::LidSoilLayer<double>& s = c.process.soil;
  s.thickness = row.number(2, "soil thickness", Bound::NonNegative) * ctx.units.small_length;
  s.porosity = row.number(3, "porosity", Bound::NonNegative, "a fraction 0..1");
  s.field_capacity = row.number(4, "field capacity", Bound::NonNegative, "a fraction 0..1");
  s.wilting_point = row.number(5, "wilting point", Bound::NonNegative, "a fraction 0..1");
  s.ks = row.number(6, "soil Ksat", Bound::NonNegative) * ctx.units.rate;
  s.conductivity_slope = row.number(7, "conductivity slope Kcoeff", Bound::NonNegative);
  s.suction = row.number(8, "suction head", Bound::NonNegative) * ctx.units.small_length;
}

void read_storage(Context& ctx, Row& row, LidControl& c) {
  if (!row.require(6, "Name STORAGE Height Vratio Seepage Vclog [Covered]")) return;
  runoff::LidStorage<double>& s = c.process.storage;
  s.thickness = row.number(2, "storage height", Bound::NonNegative) * ctx.units.small_length;
  s.void_frac = void_fraction(row.number(3, "void ratio Vratio", Bound::NonNegative));
  s.ksat = row.number(4, "seepage rate", Bound::NonNegative) * ctx.units.rate;
  if (row.number(5, "clogging factor Vclog", Bound::NonNegative) > 0.0)
    row.warn("storage clogging (Vclog " + row.tok(5) +
             ") is not simulated; the seepage rate stays at its initial value");
  s.covered = row.has(6) && upper(row.tok(6)) == "YES";
}

void read_pavement(Context& ctx, Row& row, LidControl& c) {
  if (!row.require(7, "Name PAVEMENT Thick Vratio FracImp Perm Vclog [Treg Freg]")) return;
  soil::LidPavementLayer<double>& p = c.process.pavement;
  p.thickness = row.number(2, "pavement thickness", Bound::NonNegative) * ctx.units.small_length;
  p.void_fraction = void_fraction(row.number(3, "void ratio Vratio", Bound::NonNegative));
  p.impervious_share =
      row.number(4, "impervious surface fraction FracImp", Bound::NonNegative, "a fraction 0..1");
  p.permeability = row.number(5, "permeability Perm", Bound::NonNegative) * ctx.units.rate;
  const double clog = row.number(6, "clogging factor Vclog", Bound::NonNegative);
  row.optional_number(7, "regeneration interval Treg", 0.0, Bound::NonNegative);
  const double freg = row.optional_number(8, "regeneration fraction Freg", 0.0, Bound::NonNegative,
                                          "a fraction 0..1");
  if (freg > 1.0) row.error("Freg " + row.tok(8) + " is above 1; expected a fraction 0..1");
  if (clog > 0.0)
    row.warn("pavement clogging (Vclog " + row.tok(6) +
             ") is not simulated; the permeability stays at its initial value");
}

void read_drain(Context& ctx, Row& row, LidControl& c) {
  if (!row.require(6, "Name DRAIN Coeff Expon Offset Delay [Hopen Hclose Curve]")) return;
  runoff::LidDrain<double>& d = c.process.drain;
  d.coeff = row.number(2, "drain coefficient Coeff", Bound::NonNegative);
  d.expon = row.number(3, "drain exponent Expon", Bound::NonNegative);
  d.offset = row.number(4, "drain offset", Bound::NonNegative) * ctx.units.small_length;
  d.delay = row.number(5, "drain delay", Bound::NonNegative, "hours >= 0") * 3600.0;
  d.h_open = row.optional_number(6, "opening head Hopen", 0.0, Bound::NonNegative, nullptr, false) *
             ctx.units.small_length;
  d.h_close =
      row.optional_number(7, "closing head Hclose", 0.0, Bound::NonNegative, nullptr, false) *
      ctx.units.small_length;
  d.depth_unit = ctx.units.small_length;
  d.rate_unit = ctx.units.rate;
  if (row.has(8)) {
    d.curve = ctx.model.find_curve(row.tok(8));
    if (d.curve < 0)
      row.error("drain control curve \"" + row.tok(8) +
                "\" is not defined; expected a curve of [CURVES] (head in in or mm -> multiplier "
                "of the drain flow)");
  }
}

void read_drain_mat(Context& ctx, Row& row, LidControl& c) {
  if (!row.require(5, "Name DRAINMAT Thick Vratio Rough")) return;
  const double th = row.number(2, "drainage mat thickness", Bound::NonNegative);
  const double vf = row.number(3, "drainage mat void fraction", Bound::NonNegative);
  const double n = row.number(4, "drainage mat roughness", Bound::NonNegative);
  if (c.process.type != LidType::kGreenRoof) return;  // SWMM ignores it for other types
  c.process.drain_mat.thickness = th * ctx.units.small_length;
  c.process.drain_mat.void_frac = vf;
  c.drain_mat_roughness = n;
}

void read_control_line(Context& ctx, const InputLine& line) {
  Model& m = ctx.model;
  Row row(ctx, line);
  if (!row.require(2, "Name Type | Name Layer Parameters...")) return;
  const int type = type_word(row.tok(1));
  const int k = find_control(m, row.id());
  if (type >= 0) {
    if (k >= 0 && m.lid_controls[k].line != line.number)
      row.error("LID control type given twice (first on line " +
                std::to_string(m.lid_controls[k].line) + "); expected one type line per control");
    return;  // registered by register_lid_controls
  }
  if (k < 0) {
    row.error("LID control has no type line; expected \"" + row.id() +
              " BC|RG|GR|IT|PP|RB|RD|VS\" before its layers");
    return;
  }
  LidControl& c = m.lid_controls[k];
  switch (row.keyword(1, "LID type or layer",
                      {"SURFACE", "SOIL", "STORAGE", "PAVEMENT", "DRAINMAT", "DRAIN", "REMOVALS",
                       "BC", "RG", "GR", "IT", "PP", "RB", "RD", "VS"})) {
    case 0:
      read_surface(ctx, row, c);
      break;
    case 1:
      read_soil(ctx, row, c);
      break;
    case 2:
      read_storage(ctx, row, c);
      break;
    case 3:
      read_pavement(ctx, row, c);
      break;
    case 4:
      read_drain_mat(ctx, row, c);
      break;
    case 5:
      read_drain(ctx, row, c);
      break;
    case 6:
      if (row.require(4, "Name REMOVALS Pollutant Percent [Pollutant Percent ...]"))
        row.warn("pollutant removals are ignored (water quality is not simulated)");
      break;
    default:
      break;
  }
}

/// SWMM's validateLidProc: required layers, parameter ranges, derived Manning factors.
void finish_control(Context& ctx, LidControl& c) {
  runoff::LidProcess<double>& p = c.process;
  auto fail = [&](const std::string& what) { ctx.error(c.line, c.id, what); };
  const char* missing = nullptr;
  switch (p.type) {
    case LidType::kBioCell:
    case LidType::kRainGarden:
      if (p.soil.thickness <= 0.0) missing = "a SOIL layer with thickness > 0";
      break;
    case LidType::kGreenRoof:
      if (p.soil.thickness <= 0.0) missing = "a SOIL layer with thickness > 0";
      if (p.drain_mat.thickness <= 0.0) missing = "a DRAINMAT layer with thickness > 0";
      break;
    case LidType::kPermeablePavement:
      if (p.pavement.thickness <= 0.0) missing = "a PAVEMENT layer with thickness > 0";
      break;
    case LidType::kInfiltrationTrench:
      if (p.storage.thickness <= 0.0) missing = "a STORAGE layer with height > 0";
      break;
    default:
      break;
  }
  if (missing) {
    fail(std::string("LID control lacks a layer its type needs; expected ") + missing);
    return;
  }
  if (p.type == LidType::kPermeablePavement &&
      (p.pavement.permeability <= 0.0 || p.pavement.void_fraction <= 0.0 ||
       p.pavement.impervious_share > 1.0))
    fail("PAVEMENT layer: expected Perm > 0, Vratio > 0 and FracImp <= 1");
  if (p.soil.thickness > 0.0 &&
      (p.soil.porosity <= 0.0 || p.soil.field_capacity >= p.soil.porosity ||
       p.soil.wilting_point >= p.soil.field_capacity || p.soil.ks <= 0.0))
    fail("SOIL layer: expected 0 <= WP < FC < Por and Ksat > 0");
  if (p.storage.thickness > 0.0) {
    if (p.storage.void_frac <= 0.0 || p.storage.void_frac > 1.0)
      fail("STORAGE layer: expected a void ratio Vratio > 0");
  } else {
    p.storage.void_frac = 1.0;
    p.drain.offset = 0.0;
  }
  if (p.drain.h_open > 0.0 && p.drain.h_open <= p.drain.h_close)
    fail("DRAIN layer: expected Hopen > Hclose when Hopen is given");
  if (p.drain.depth_unit <= 0.0) {  // no DRAIN line: the units still convert a zero coefficient
    p.drain.depth_unit = ctx.units.small_length;
    p.drain.rate_unit = ctx.units.rate;
  }
  p.surface.alpha = c.surface_roughness > 0.0
                        ? runoff::kSwmmManningSi / c.surface_roughness * std::sqrt(c.surface_slope)
                        : 0.0;
  p.drain_mat.alpha = c.drain_mat_roughness > 0.0 ? runoff::kSwmmManningSi / c.drain_mat_roughness *
                                                        std::sqrt(c.surface_slope)
                                                  : 0.0;
  if (p.drain.curve >= 0 && ctx.model.curves[p.drain.curve].type != CurveType::Control)
    fail("DRAIN layer: curve \"" + ctx.model.curves[p.drain.curve].id +
         "\" is not a CONTROL curve; expected a CONTROL curve of head (in or mm) -> multiplier");
  if (p.type == LidType::kVegetativeSwale &&
      (c.surface_roughness * c.surface_slope <= 0.0 || p.surface.thickness <= 0.0))
    fail("SURFACE layer of a vegetative swale: expected StorHt > 0, Rough > 0 and Slope > 0");
  // SWMM: surface water above the berm spills at once unless Manning flow drains it, except
  // that a rooftop disconnection never spills and a swale or a rain barrel always may
  p.surface.can_overflow = p.type != LidType::kRooftopDisconnection;
  if (p.surface.alpha > 0.0 && p.type != LidType::kRainBarrel &&
      p.type != LidType::kVegetativeSwale)
    p.surface.can_overflow = false;
  if (p.type == LidType::kRainBarrel) {
    p.storage.void_frac = 1.0;
    p.storage.ksat = 0.0;
  }
  if (p.type == LidType::kGreenRoof) {
    p.storage.thickness = p.drain_mat.thickness;
    p.storage.void_frac = p.drain_mat.void_frac;
    p.storage.ksat = 0.0;
  }
}

void read_usage_line(Context& ctx, const InputLine& line) {
  Model& m = ctx.model;
  Row row(ctx, line);
  if (!row.require(8,
                   "Subcatchment LID Number Area Width InitSat FromImp ToPerv "
                   "[RptFile DrainTo FromPerv]"))
    return;
  LidUsage u;
  u.line = line.number;
  u.subcatchment = m.find_subcatchment(row.id());
  if (u.subcatchment < 0)
    row.error("subcatchment is not defined; expected a subcatchment of [SUBCATCHMENTS]");
  u.control = find_control(m, row.tok(1));
  if (u.control < 0)
    row.error("LID control \"" + row.tok(1) +
              "\" is not defined; expected a control of [LID_CONTROLS]");
  const double n = row.number(2, "number of units", Bound::NonNegative, "a whole number >= 0");
  if (n != std::floor(n)) row.error("number of units " + row.tok(2) + " is not a whole number");
  u.number = static_cast<int>(n);
  if (u.number == 0) {  // SWMM ignores the rest of such a line
    row.warn("0 units: the line places nothing and is ignored");
    return;
  }
  u.area = row.number(3, "unit area", Bound::NonNegative) * ctx.units.length * ctx.units.length;
  u.width = row.number(4, "unit width", Bound::NonNegative) * ctx.units.length;
  const double sat =
      row.number(5, "initial saturation InitSat", Bound::NonNegative, "a percentage 0..100");
  const double imp = row.number(6, "FromImp", Bound::NonNegative, "a percentage 0..100");
  if (sat > 100.0) row.error("InitSat " + row.tok(5) + " is above 100; expected 0..100");
  if (imp > 100.0) row.error("FromImp " + row.tok(6) + " is above 100; expected 0..100");
  u.init_sat = sat / 100.0;
  u.from_imperv = imp / 100.0;
  u.to_perv = row.number(7, "ToPerv", Bound::NonNegative, "0 or 1") > 0.0;
  if (row.has(8) && !row.is_star(8))
    row.warn("LID report file \"" + row.tok(8) + "\" is not written (ignored)");
  if (row.has(9) && !row.is_star(9)) {
    u.drain_subcatchment = m.find_subcatchment(row.tok(9));
    if (u.drain_subcatchment < 0) u.drain_node = m.find_node(row.tok(9));
    if (u.drain_subcatchment < 0 && u.drain_node < 0)
      row.error("DrainTo \"" + row.tok(9) +
                "\" is not defined; expected a subcatchment, a node or *");
  }
  const double perv =
      row.optional_number(10, "FromPerv", 0.0, Bound::NonNegative, "a percentage 0..100", false);
  if (perv > 100.0) row.error("FromPerv " + row.tok(10) + " is above 100; expected 0..100");
  u.from_perv = perv / 100.0;
  if (u.subcatchment < 0 || u.control < 0) return;
  m.lid_usages.push_back(u);
}

}  // namespace

void read_lid_controls(Context& ctx, const SectionBlock& block) {
  Model& m = ctx.model;
  // type lines first, so layers may come in any order after them within the section
  for (const auto& line : block.lines) {
    if (line.tokens.size() < 2) continue;
    const int type = type_word(line.tokens[1]);
    if (type < 0) continue;
    if (find_control(m, line.tokens[0]) >= 0) continue;
    LidControl c;
    c.id = line.tokens[0];
    c.process.type = kTypes[type];
    c.line = line.number;
    m.lid_controls.push_back(c);
  }
  for (const auto& line : block.lines) read_control_line(ctx, line);
}

void read_lid_usage(Context& ctx, const SectionBlock& block) {
  for (const auto& line : block.lines) read_usage_line(ctx, line);
}

void finish_lid(Context& ctx) {
  Model& m = ctx.model;
  ctx.section = "[LID_CONTROLS]";
  for (auto& c : m.lid_controls) finish_control(ctx, c);
  ctx.section = "[LID_USAGE]";
  std::vector<double> lid_area(m.subcatchments.size(), 0.0), imp(lid_area), perv(lid_area);
  std::vector<int> first_line(m.subcatchments.size(), 0);
  for (auto& u : m.lid_usages) {
    const Subcatchment& s = m.subcatchments[u.subcatchment];
    lid_area[u.subcatchment] += u.area * u.number;
    imp[u.subcatchment] += u.from_imperv;
    perv[u.subcatchment] += u.from_perv;
    if (!first_line[u.subcatchment]) first_line[u.subcatchment] = u.line;
    if (s.frac_imperv >= 0.999) u.to_perv = false;
    if (m.lid_controls[u.control].process.type == LidType::kVegetativeSwale && u.width <= 0.0)
      ctx.error(u.line, s.id,
                "vegetative swale \"" + m.lid_controls[u.control].id +
                    "\" has width 0; expected the swale's top width > 0");
    if (u.drain_node < 0 && u.drain_subcatchment < 0) {
      u.drain_node = s.outlet_node;
      u.drain_subcatchment = s.outlet_subcatchment;
    }
  }
  for (size_t j = 0; j < m.subcatchments.size(); ++j) {
    const Subcatchment& s = m.subcatchments[j];
    if (lid_area[j] > 1.001 * s.area)
      ctx.error(first_line[j], s.id,
                "LID units cover " + format_number(lid_area[j]) + " m², more than the " +
                    format_number(s.area) + " m² of the subcatchment; expected at most its area");
    if (imp[j] > 1.001 || perv[j] > 1.001)
      ctx.error(first_line[j], s.id,
                "LID units treat more than 100 % of the impervious (or pervious) runoff; expected "
                "FromImp (and FromPerv) to sum to at most 100");
  }
}

}  // namespace sf::inp::detail
