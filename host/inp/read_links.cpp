// [CONDUITS], [PUMPS], [ORIFICES], [WEIRS], [OUTLETS] (link.c in SWMM), and the link checks
// that need nodes and cross sections (finish_links).
#include <cmath>
#include <limits>

#include "inp/sections.hpp"

namespace sf::inp::detail {
namespace {

constexpr double kStar = std::numeric_limits<double>::quiet_NaN();  // '*' offset, resolved later

Link* link_of(Context& ctx, const Registry& reg, const InputLine& line) {
  auto it = reg.link_of_line.find(line.number);
  return it == reg.link_of_line.end() ? nullptr : &ctx.model.links[it->second];
}

// An offset (depth above invert, or elevation with LINK_OFFSETS ELEVATION, where '*' means
// "at the node's invert"), in m; NaN for '*'.
double offset_field(Row& row, Context& ctx, size_t i, const char* name) {
  if (ctx.model.options.link_offsets == LinkOffsets::Elevation && row.is_star(i)) return kStar;
  return ctx.units.length * row.number(i, name);
}

void read_ends(Row& row, Link& l) {
  l.node1 = row.node(1, "inlet node");
  l.node2 = row.node(2, "outlet node");
}

}  // namespace

void read_conduits(Context& ctx, const SectionBlock& block, const Registry& reg) {
  for (const auto& line : block.lines) {
    Link* l = link_of(ctx, reg, line);
    if (!l) continue;
    Row row(ctx, line);
    if (!row.require(7,
                     "Name FromNode ToNode Length Roughness InOffset OutOffset [InitFlow MaxFlow]"))
      continue;
    Conduit& c = ctx.model.conduits[l->detail];
    read_ends(row, *l);
    c.length = ctx.units.length * row.number(3, "length", Bound::Positive, "a length > 0");
    // 0 is allowed here: IRREGULAR and STREET conduits take their n from the transect (SWMM's
    // conduit_validate), so a positive n is checked in finish_links, once the shape is known.
    c.roughness = row.number(4, "roughness", Bound::NonNegative, "a Manning n > 0");
    l->offset1 = offset_field(row, ctx, 5, "inlet offset");
    l->offset2 = offset_field(row, ctx, 6, "outlet offset");
    l->init_flow =
        ctx.units.flow * row.optional_number(7, "initial flow", 0.0, Bound::Any, nullptr, false);
    l->max_flow = ctx.units.flow * row.optional_number(8, "max flow", 0.0, Bound::NonNegative,
                                                       "a flow >= 0 (0 = no limit)", false);
  }
}

void read_pumps(Context& ctx, const SectionBlock& block, const Registry& reg) {
  for (const auto& line : block.lines) {
    Link* l = link_of(ctx, reg, line);
    if (!l) continue;
    Row row(ctx, line);
    if (!row.require(3, "Name FromNode ToNode [Curve Status Startup Shutoff]")) continue;
    Pump& p = ctx.model.pumps[l->detail];
    read_ends(row, *l);
    if (row.has(3) && !row.is_star(3)) {
      p.curve = row.curve(3, "pump curve");
      if (p.curve >= 0) {
        CurveType t = ctx.model.curves[p.curve].type;
        if (t < CurveType::Pump1) {
          row.error("pump curve \"" + row.tok(3) +
                    "\" is not a pump curve; expected a curve of type PUMP1 to PUMP5, or * for an "
                    "ideal pump");
        } else {
          p.kind =
              static_cast<PumpCurveKind>(static_cast<int>(t) - static_cast<int>(CurveType::Pump1));
        }
      }
    }
    if (row.has(4)) p.initially_on = row.keyword(4, "initial status", {"OFF", "ON"}) != 0;
    p.startup_depth =
        ctx.units.length *
        row.optional_number(5, "startup depth", 0.0, Bound::NonNegative, "a depth >= 0", false);
    p.shutoff_depth =
        ctx.units.length *
        row.optional_number(6, "shutoff depth", 0.0, Bound::NonNegative, "a depth >= 0", false);
  }
}

void read_orifices(Context& ctx, const SectionBlock& block, const Registry& reg) {
  for (const auto& line : block.lines) {
    Link* l = link_of(ctx, reg, line);
    if (!l) continue;
    Row row(ctx, line);
    if (!row.require(6, "Name FromNode ToNode Type Offset Cd [Gated CloseTime]")) continue;
    Orifice& o = ctx.model.orifices[l->detail];
    read_ends(row, *l);
    int type = row.keyword(3, "orifice type", {"SIDE", "BOTTOM"});
    if (type >= 0) o.type = static_cast<OrificeType>(type);
    l->offset1 = offset_field(row, ctx, 4, "crest offset");
    o.discharge_coeff =
        row.number(5, "discharge coefficient", Bound::NonNegative, "a coefficient >= 0");
    o.flap_gate = row.yes_no(6, "flap gate", false);
    o.close_time_s = 3600.0 * row.optional_number(7, "open/close time", 0.0, Bound::NonNegative,
                                                  "hours >= 0", false);
  }
}

void read_weirs(Context& ctx, const SectionBlock& block, const Registry& reg) {
  for (const auto& line : block.lines) {
    Link* l = link_of(ctx, reg, line);
    if (!l) continue;
    Row row(ctx, line);
    if (!row.require(
            6, "Name FromNode ToNode Type CrestHt Cd [Gated EC Cd2 Sur [Width Surf] [CoeffCurve]]"))
      continue;
    Weir& w = ctx.model.weirs[l->detail];
    read_ends(row, *l);
    int type = row.keyword(3, "weir type",
                           {"TRANSVERSE", "SIDEFLOW", "V-NOTCH", "TRAPEZOIDAL", "ROADWAY"});
    if (type >= 0) w.type = static_cast<WeirType>(type);
    l->offset1 = offset_field(row, ctx, 4, "crest height");
    w.discharge_coeff = ctx.units.weir_coeff * row.number(5, "discharge coefficient",
                                                          Bound::NonNegative, "a coefficient >= 0");
    w.flap_gate = row.yes_no(6, "flap gate", false);
    w.end_contractions =
        row.optional_number(7, "end contractions", 0.0, Bound::NonNegative, "a count >= 0");
    w.end_discharge_coeff =
        ctx.units.weir_coeff * row.optional_number(8, "end discharge coefficient", 0.0,
                                                   Bound::NonNegative, "a coefficient >= 0");
    w.can_surcharge = row.yes_no(9, "can surcharge", true);
    if (w.type == WeirType::Roadway) {
      w.road_width = ctx.units.length *
                     row.optional_number(10, "road width", 0.0, Bound::NonNegative, "a width >= 0");
      if (row.has(11) && !row.is_star(11)) {
        int s = row.keyword(11, "road surface", {"PAVED", "GRAVEL"});
        if (s >= 0) w.road_surface = s == 0 ? RoadSurface::Paved : RoadSurface::Gravel;
      }
    }
    if (row.has(12) && !row.is_star(12)) {
      w.coeff_curve = row.curve(12, "coefficient curve");
      if (w.coeff_curve >= 0 && ctx.model.curves[w.coeff_curve].type != CurveType::Weir)
        row.error("coefficient curve \"" + row.tok(12) +
                  "\" is not a WEIR curve; expected a curve of type WEIR");
    }
  }
}

void read_outlets(Context& ctx, const SectionBlock& block, const Registry& reg) {
  for (const auto& line : block.lines) {
    Link* l = link_of(ctx, reg, line);
    if (!l) continue;
    Row row(ctx, line);
    if (!row.require(6, "Name FromNode ToNode Offset Type (C1 C2 | Curve) [Gated]")) continue;
    Outlet& o = ctx.model.outlets[l->detail];
    read_ends(row, *l);
    l->offset1 = offset_field(row, ctx, 3, "outlet offset");
    int type = row.keyword(4, "outlet type",
                           {"FUNCTIONAL/DEPTH", "FUNCTIONAL/HEAD", "TABULAR/DEPTH", "TABULAR/HEAD",
                            "FUNCTIONAL", "TABULAR"});
    if (type < 0) continue;
    if (type == 4) type = 0;  // SWMM: no qualifier means depth-based
    if (type == 5) type = 2;
    o.rating = static_cast<OutletRating>(type);
    size_t next = 6;
    if (o.rating == OutletRating::FunctionalDepth || o.rating == OutletRating::FunctionalHead) {
      if (!row.require(7, "Name FromNode ToNode Offset FUNCTIONAL/... C1 C2 [Gated]")) continue;
      double a = row.number(5, "coefficient");
      o.exponent = row.number(6, "exponent");
      o.coeff = a * ctx.units.outlet_coeff(o.exponent);
      next = 7;
    } else {
      o.rating_curve = row.curve(5, "rating curve");
      if (o.rating_curve >= 0 && ctx.model.curves[o.rating_curve].type != CurveType::Rating)
        row.error("rating curve \"" + row.tok(5) +
                  "\" is not a RATING curve; expected a curve of type RATING");
    }
    o.flap_gate = row.yes_no(next, "flap gate", false);
  }
}

void finish_links(Context& ctx) {
  Model& m = ctx.model;
  const bool elevation = m.options.link_offsets == LinkOffsets::Elevation;
  const double min_drop = 0.001 * kMetresPerFoot;  // SWMM's MIN_DELTA_Z (link.c)
  for (auto& l : m.links) {
    ctx.section = l.type == LinkType::Conduit   ? "[CONDUITS]"
                  : l.type == LinkType::Pump    ? "[PUMPS]"
                  : l.type == LinkType::Orifice ? "[ORIFICES]"
                  : l.type == LinkType::Weir    ? "[WEIRS]"
                                                : "[OUTLETS]";
    if (l.node1 < 0 || l.node2 < 0) continue;
    const Node& n1 = m.nodes[l.node1];
    const Node& n2 = m.nodes[l.node2];
    double* offsets[2] = {&l.offset1, &l.offset2};
    const Node* ends[2] = {&n1, &n2};
    const int count = l.type == LinkType::Conduit ? 2 : 1;
    if (l.type == LinkType::Pump) l.offset1 = l.offset2 = 0.0;
    for (int e = 0; e < count; ++e) {
      double& off = *offsets[e];
      if (std::isnan(off))
        off = 0.0;
      else if (elevation)
        off -= ends[e]->invert_elev;
      if (off < 0.0)
        ctx.warn(l.line, l.id,
                 std::string(e == 0 ? "inlet" : "outlet") + " offset " + format_number(off) +
                     " m lies below node " + ends[e]->id +
                     "'s invert; SWMM ignores it and uses 0 (WARNING 03); kept as written");
    }
    if (l.type != LinkType::Outlet && l.type != LinkType::Pump && l.xsection < 0) {
      ctx.error(
          l.line, l.id,
          "has no [XSECTIONS] entry; expected a cross section for every conduit, orifice and weir");
      continue;
    }
    if (l.xsection < 0) continue;
    const XsectShape shape = m.xsections[l.xsection].shape;
    if (l.type == LinkType::Orifice && shape != XsectShape::Circular &&
        shape != XsectShape::RectClosed)
      ctx.error(l.line, l.id,
                "orifice cross section is not CIRCULAR or RECT_CLOSED; expected one of those");
    if (l.type == LinkType::Weir) {
      const WeirType wt = m.weirs[l.detail].type;
      const bool ok = (wt == WeirType::VNotch)        ? shape == XsectShape::Triangular
                      : (wt == WeirType::Trapezoidal) ? shape == XsectShape::Trapezoidal
                                                      : shape == XsectShape::RectOpen;
      if (!ok)
        ctx.error(l.line, l.id,
                  std::string("weir cross section does not fit the weir type; expected ") +
                      (wt == WeirType::VNotch        ? "TRIANGULAR"
                       : wt == WeirType::Trapezoidal ? "TRAPEZOIDAL"
                                                     : "RECT_OPEN"));
    }
    if (l.type == LinkType::Conduit) {
      const double n = m.conduits[l.detail].roughness;
      const bool n_from_transect = shape == XsectShape::Irregular || shape == XsectShape::Street;
      if (!n_from_transect && n <= 0.0)
        ctx.error(l.line, l.id,
                  "roughness " + format_number(n) +
                      " is zero; expected a Manning n > 0 (only IRREGULAR and STREET conduits "
                      "take their n from the transect)");
      const double z1 = n1.invert_elev + l.offset1, z2 = n2.invert_elev + l.offset2;
      if (std::fabs(z1 - z2) < min_drop)
        ctx.warn(l.line, l.id,
                 "conduit has (almost) no fall between its ends; SWMM uses a minimum elevation "
                 "drop of 0.001 ft (WARNING 04); kept as written");
    }
  }
  for (const auto& d : m.dividers) {
    if (d.diverted_link < 0) continue;
    ctx.section = "[DIVIDERS]";
    if (m.links[d.diverted_link].node1 != d.node)
      ctx.error(m.nodes[d.node].line, m.nodes[d.node].id,
                "diverted link " + m.links[d.diverted_link].id +
                    " does not start at this divider; expected a link leaving the divider");
  }
}

}  // namespace sf::inp::detail
