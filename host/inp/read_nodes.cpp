// [JUNCTIONS], [OUTFALLS], [STORAGE], [DIVIDERS] (node.c in SWMM). Nodes were created, in file
// order, when their IDs were registered; these readers fill in their properties.
#include <cmath>

#include "inp/sections.hpp"

namespace sf::inp::detail {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Optional depth-like field >= 0, in file length units -> m.
double depth_field(Row& row, Context& ctx, size_t i, const char* name) {
  return ctx.units.length *
         row.optional_number(i, name, 0.0, Bound::NonNegative, "a depth >= 0", false);
}

Node* node_of(Context& ctx, const Registry& reg, const InputLine& line) {
  auto it = reg.node_of_line.find(line.number);
  return it == reg.node_of_line.end() ? nullptr : &ctx.model.nodes[it->second];
}

}  // namespace

void read_junctions(Context& ctx, const SectionBlock& block, const Registry& reg) {
  for (const auto& line : block.lines) {
    Node* n = node_of(ctx, reg, line);
    if (!n) continue;
    Row row(ctx, line);
    if (!row.require(3, "Name Elevation MaxDepth [InitDepth SurDepth Aponded]")) continue;
    n->invert_elev = ctx.units.length * row.number(1, "invert elevation");
    n->max_depth = depth_field(row, ctx, 2, "max depth");
    n->init_depth = depth_field(row, ctx, 3, "initial depth");
    n->surcharge_depth = depth_field(row, ctx, 4, "surcharge depth");
    n->ponded_area = ctx.units.area * row.optional_number(5, "ponded area", 0.0, Bound::NonNegative,
                                                          "an area >= 0", false);
  }
}

void read_outfalls(Context& ctx, const SectionBlock& block, const Registry& reg) {
  for (const auto& line : block.lines) {
    Node* n = node_of(ctx, reg, line);
    if (!n) continue;
    Row row(ctx, line);
    if (!row.require(3, "Name Elevation Type [StageData] [Gated] [RouteTo]")) continue;
    Outfall& o = ctx.model.outfalls[n->detail];
    n->invert_elev = ctx.units.length * row.number(1, "invert elevation");
    int type = row.keyword(2, "outfall type", {"FREE", "NORMAL", "FIXED", "TIDAL", "TIMESERIES"});
    if (type < 0) continue;
    o.type = static_cast<OutfallType>(type);
    size_t next = 3;
    if (o.type == OutfallType::Fixed || o.type == OutfallType::Tidal ||
        o.type == OutfallType::TimeSeries) {
      if (!row.require(4, "Name Elevation FIXED|TIDAL|TIMESERIES StageData [Gated] [RouteTo]"))
        continue;
      if (o.type == OutfallType::Fixed) {
        o.fixed_stage = ctx.units.length * row.number(3, "fixed stage");
      } else if (o.type == OutfallType::Tidal) {
        o.tidal_curve = row.curve(3, "tidal curve");
        if (o.tidal_curve >= 0 && ctx.model.curves[o.tidal_curve].type != CurveType::Tidal)
          row.error("tidal curve \"" + row.tok(3) +
                    "\" is not a TIDAL curve; expected a curve of type TIDAL");
      } else {
        o.stage_series = row.series(3, "stage time series");
        use_series(ctx, o.stage_series, SeriesUse::Stage, ctx.units.length, line.number,
                   "outfall " + n->id);
      }
      next = 4;
    }
    o.flap_gate = row.yes_no(next, "flap gate", false);
    if (row.has(next + 1)) {
      o.route_to = row.tok(next + 1);
      if (!ctx.subcatchments.count(upper(o.route_to)))
        row.error("route-to subcatchment \"" + o.route_to +
                  "\" is not defined; expected a subcatchment from [SUBCATCHMENTS]");
    }
    if (row.size() > next + 2) row.warn("extra fields after RouteTo ignored");
  }
}

void read_storage(Context& ctx, const SectionBlock& block, const Registry& reg) {
  const char* layout =
      "Name Elev MaxDepth InitDepth Shape (Curve | P1 P2 P3) [SurDepth Fevap Psi Ksat IMD]";
  for (const auto& line : block.lines) {
    Node* n = node_of(ctx, reg, line);
    if (!n) continue;
    Row row(ctx, line);
    if (!row.require(6, layout)) continue;
    Storage& s = ctx.model.storages[n->detail];
    const double L = ctx.units.length;
    n->invert_elev = L * row.number(1, "invert elevation");
    n->max_depth = L * row.number(2, "max depth", Bound::NonNegative, "a depth >= 0");
    n->init_depth = L * row.number(3, "initial depth", Bound::NonNegative, "a depth >= 0");
    int shape =
        row.keyword(4, "storage shape",
                    {"TABULAR", "FUNCTIONAL", "CYLINDRICAL", "CONICAL", "PARABOLIC", "PYRAMIDAL"});
    if (shape < 0) continue;
    s.shape = static_cast<StorageShape>(shape);
    size_t next = 6;
    if (s.shape == StorageShape::Tabular) {
      s.area_curve = row.curve(5, "storage curve");
      if (s.area_curve >= 0 && ctx.model.curves[s.area_curve].type != CurveType::Storage)
        row.error("storage curve \"" + row.tok(5) +
                  "\" is not a STORAGE curve; expected a curve of type STORAGE");
    } else {
      if (!row.require(8, layout)) continue;
      double p[3];
      for (int i = 0; i < 3; ++i) p[i] = row.number(5 + i, i == 0 ? "P1" : i == 1 ? "P2" : "P3");
      next = 8;
      if (s.shape == StorageShape::Functional) {
        // A(d) = a0 + a1 d^a2 in file units: a1 carries length^(2 - a2).
        if (p[2] < 0.0)
          row.error("constant area " + row.tok(7) + " is negative; expected an area >= 0");
        s.a1 = p[0] * std::pow(L, 2.0 - p[1]);
        s.a2 = p[1];
        s.a0 = p[2] * L * L;
        s.params = {p[0], p[1], p[2]};
      } else {
        if (p[0] <= 0.0)
          row.error("length " + row.tok(5) + " is not positive; expected a length > 0");
        if (p[1] <= 0.0)
          row.error("width " + row.tok(6) + " is not positive; expected a width > 0");
        if (p[2] < 0.0)
          row.error("third parameter " + row.tok(7) + " is negative; expected a value >= 0");
        if (s.shape == StorageShape::Paraboloid && p[2] == 0.0)
          row.error("height 0 of a PARABOLIC shape; expected a height > 0");
        // SWMM's shapes as A(d) (node.c, storage_readParams), here in SI.
        const double len = p[0] * L, wid = p[1] * L;
        const double third = s.shape == StorageShape::Paraboloid ? p[2] * L : p[2];
        s.params = {len, wid, third};
        const double A = len / 2.0, B = wid / 2.0, Z = third;
        switch (s.shape) {
          case StorageShape::Cylindrical:
            s.a0 = kPi * A * B;
            break;
          case StorageShape::Conical:  // A = a0 + a1 d + a2 d²
            s.a0 = kPi * A * B;
            s.a1 = 2.0 * kPi * B * Z;
            s.a2 = A > 0.0 ? kPi * B / A * Z * Z : 0.0;
            break;
          case StorageShape::Paraboloid:
            s.a1 = Z > 0.0 ? kPi * A * B / Z : 0.0;
            s.a2 = 1.0;
            break;
          case StorageShape::Pyramidal:
            s.a0 = len * wid;
            s.a1 = 2.0 * (len + wid) * Z;
            s.a2 = 4.0 * Z * Z;
            break;
          default:
            break;
        }
      }
    }
    n->surcharge_depth = depth_field(row, ctx, next, "surcharge depth");
    s.evap_fraction = row.optional_number(next + 1, "evaporation factor", 0.0, Bound::NonNegative,
                                          "a fraction >= 0", false);
    const size_t seep = next + 2;
    if (row.size() == seep + 1) {  // only Ksat: a constant seepage rate
      s.seepage_ksat = ctx.units.rate * row.number(seep, "seepage rate", Bound::NonNegative);
    } else if (row.size() > seep) {
      if (!row.require(seep + 3, layout)) continue;
      s.seepage_suction_head =
          ctx.units.small_length * row.number(seep, "suction head", Bound::NonNegative);
      s.seepage_ksat = ctx.units.rate * row.number(seep + 1, "Ksat", Bound::NonNegative);
      s.seepage_imd = row.number(seep + 2, "initial moisture deficit", Bound::NonNegative);
    }
    s.has_seepage = s.seepage_ksat > 0.0;
  }
}

void read_dividers(Context& ctx, const SectionBlock& block, const Registry& reg) {
  for (const auto& line : block.lines) {
    Node* n = node_of(ctx, reg, line);
    if (!n) continue;
    Row row(ctx, line);
    if (!row.require(
            4, "Name Elevation DivertedLink Type [Params] [MaxDepth InitDepth SurDepth Aponded]"))
      continue;
    Divider& d = ctx.model.dividers[n->detail];
    n->invert_elev = ctx.units.length * row.number(1, "invert elevation");
    if (!row.is_star(2)) d.diverted_link = row.link(2, "diverted link");
    int type = row.keyword(3, "divider type", {"CUTOFF", "TABULAR", "WEIR", "OVERFLOW"});
    if (type < 0) continue;
    static const DividerType kTypes[] = {DividerType::Cutoff, DividerType::Tabular,
                                         DividerType::Weir, DividerType::Overflow};
    d.type = kTypes[type];
    size_t next = 4;
    if (d.type == DividerType::Tabular) {
      if (!row.require(5, "Name Elevation DivertedLink TABULAR Curve ...")) continue;
      d.diversion_curve = row.curve(4, "diversion curve");
      if (d.diversion_curve >= 0 &&
          ctx.model.curves[d.diversion_curve].type != CurveType::Diversion)
        row.error("diversion curve \"" + row.tok(4) +
                  "\" is not a DIVERSION curve; expected a curve of type DIVERSION");
      next = 5;
    } else if (d.type == DividerType::Cutoff) {
      if (!row.require(5, "Name Elevation DivertedLink CUTOFF Qmin ...")) continue;
      d.cutoff_flow =
          ctx.units.flow * row.number(4, "cutoff flow", Bound::NonNegative, "a flow >= 0");
      next = 5;
    } else if (d.type == DividerType::Weir) {
      if (!row.require(7, "Name Elevation DivertedLink WEIR Qmin Dhmax Cw ...")) continue;
      d.cutoff_flow = ctx.units.flow * row.number(4, "weir minimum flow", Bound::NonNegative);
      d.weir_max_depth = ctx.units.length * row.number(5, "weir max depth", Bound::NonNegative);
      d.weir_coeff = ctx.units.weir_coeff * row.number(6, "weir coefficient", Bound::NonNegative);
      next = 7;
    }
    n->max_depth = depth_field(row, ctx, next, "max depth");
    n->init_depth = depth_field(row, ctx, next + 1, "initial depth");
    n->surcharge_depth = depth_field(row, ctx, next + 2, "surcharge depth");
    n->ponded_area =
        ctx.units.area * row.optional_number(next + 3, "ponded area", 0.0, Bound::NonNegative,
                                             "an area >= 0", false);
  }
}

}  // namespace sf::inp::detail
