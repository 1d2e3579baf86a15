// [XSECTIONS], [LOSSES] and [TRANSECTS] (link.c, xsect.c, transect.c in SWMM).
#include <cmath>
#include <iterator>

#include "inp/sections.hpp"
#include "inp/shape_keyword.hpp"

namespace sf::inp::detail {
namespace {

// The [XSECTIONS] keywords, indexed by pipe::Shape (kernels/pipe/shape.hpp).
constexpr const char* kShapeWords[] = {
    "DUMMY",        "CIRCULAR",        "FILLED_CIRCULAR", "RECT_CLOSED",  "RECT_OPEN",
    "TRAPEZOIDAL",  "TRIANGULAR",      "PARABOLIC",       "POWER",        "RECT_TRIANGULAR",
    "RECT_ROUND",   "MODBASKETHANDLE", "HORIZ_ELLIPSE",   "VERT_ELLIPSE", "ARCH",
    "EGG",          "HORSESHOE",       "GOTHIC",          "CATENARY",     "SEMIELLIPTICAL",
    "BASKETHANDLE", "SEMICIRCULAR",    "IRREGULAR",       "CUSTOM",       "FORCE_MAIN",
    "STREET"};
static_assert(std::size(kShapeWords) == pipe::kShapeCount, "one keyword per pipe::Shape");
const std::vector<const char*> kShapes(std::begin(kShapeWords), std::end(kShapeWords));

// Which of Geom1..4 are lengths for each shape (xsect.c, xsect_setParams).
struct ShapeGeom {
  bool length[4];
  bool width_required;  // Geom2 must be > 0
};

ShapeGeom shape_geom(XsectShape s) {
  switch (s) {
    case XsectShape::Dummy:
      return {{false, false, false, false}, false};
    case XsectShape::FilledCircular:
    case XsectShape::Trapezoidal:
      return {{true, true, false, false}, false};
    case XsectShape::RectClosed:
    case XsectShape::RectOpen:
    case XsectShape::Triangular:
    case XsectShape::Parabolic:
    case XsectShape::PowerFunc:
      return {{true, true, false, false}, true};
    case XsectShape::RectTriangular:
    case XsectShape::RectRound:
    case XsectShape::ModBasket:
      return {{true, true, true, false}, true};
    case XsectShape::HorizEllipse:
    case XsectShape::VertEllipse:
    case XsectShape::Arch:
      return {{true, true, false, false}, false};
    default:
      return {{true, false, false, false}, false};
  }
}

}  // namespace

void read_xsections(Context& ctx, const SectionBlock& block) {
  Model& m = ctx.model;
  std::vector<int> defined_at(m.links.size(), 0);
  for (const auto& line : block.lines) {
    Row row(ctx, line);
    if (!row.require(2,
                     "Link Shape Geom1 Geom2 Geom3 Geom4 [Barrels Culvert] | Link IRREGULAR "
                     "Transect | Link CUSTOM Geom1 Curve [Barrels] | Link STREET Street"))
      continue;
    int j = row.link(0, "link");
    int k = row.keyword(1, "shape", kShapes);
    if (j < 0 || k < 0) continue;
    if (defined_at[j] != 0) {
      row.error("link already has a cross section (line " + std::to_string(defined_at[j]) +
                "); expected one [XSECTIONS] line per link");
      continue;
    }
    defined_at[j] = line.number;
    Link& link = m.links[j];
    Xsection x;
    x.link = j;
    x.shape = static_cast<XsectShape>(k);
    const bool conduit = link.type == LinkType::Conduit;
    if (x.shape == XsectShape::Irregular) {
      if (!row.require(3, "Link IRREGULAR Transect")) continue;
      x.transect = row.transect(2, "transect");
    } else if (x.shape == XsectShape::Street) {
      if (!row.require(3, "Link STREET Street")) continue;
      x.street = row.tok(2);
      if (!ctx.streets.count(upper(x.street)))
        row.error("street \"" + x.street + "\" is not defined; expected a street from [STREETS]");
    } else if (x.shape == XsectShape::Custom) {
      if (!row.require(4, "Link CUSTOM Geom1 Curve [Barrels]")) continue;
      x.geom_raw[0] = row.number(2, "full height (Geom1)", Bound::Positive, "a height > 0");
      x.geom[0] = ctx.units.length * x.geom_raw[0];
      x.shape_curve = row.curve(3, "shape curve");
      if (x.shape_curve >= 0 && m.curves[x.shape_curve].type != CurveType::Shape)
        row.error("shape curve \"" + row.tok(3) +
                  "\" is not a SHAPE curve; expected a curve of type SHAPE");
      // SWMM 5.2 reads CUSTOM barrels from the 7th field, like the other shapes.
      size_t b = row.size() >= 7 ? 6 : 4;
      if (conduit && row.has(b) && !row.is_star(b))
        x.barrels =
            static_cast<int>(row.number(b, "barrels", Bound::Positive, "a whole number >= 1", 1));
    } else {
      if (!row.require(6, "Link Shape Geom1 Geom2 Geom3 Geom4 [Barrels Culvert]")) continue;
      const char* names[4] = {"Geom1", "Geom2", "Geom3", "Geom4"};
      for (int g = 0; g < 4; ++g) x.geom_raw[g] = row.number(2 + g, names[g]);
      const ShapeGeom sg = shape_geom(x.shape);
      if (x.shape != XsectShape::Dummy && x.geom_raw[0] <= 0.0)
        row.error("Geom1 " + row.tok(2) + " is not positive; expected a full height > 0");
      if (sg.width_required && x.geom_raw[1] <= 0.0)
        row.error("Geom2 " + row.tok(3) + " is not positive; expected a width > 0");
      if (x.shape == XsectShape::FilledCircular && x.geom_raw[1] >= x.geom_raw[0])
        row.error("Geom2 (filled depth) " + row.tok(3) +
                  " is not below the diameter; expected 0 <= filled depth < Geom1");
      if (x.shape == XsectShape::Trapezoidal &&
          (x.geom_raw[1] < 0.0 || x.geom_raw[2] < 0.0 || x.geom_raw[3] < 0.0))
        row.error("negative bottom width or side slope; expected Geom2, Geom3, Geom4 >= 0");
      if (x.shape == XsectShape::RectOpen && conduit &&
          (x.geom_raw[2] < 0.0 || x.geom_raw[2] > 2.0))
        row.error("Geom3 " + row.tok(4) +
                  " (sides without friction) is not 0, 1 or 2; expected 0 to 2");
      for (int g = 0; g < 4; ++g)
        x.geom[g] = sg.length[g] ? ctx.units.length * x.geom_raw[g] : x.geom_raw[g];
      if (x.shape == XsectShape::ForceMain) {
        if (x.geom_raw[1] <= 0.0)
          row.error("Geom2 (roughness) " + row.tok(3) +
                    " is not positive; expected a Hazen-Williams C "
                    "or Darcy-Weisbach roughness height > 0");
        if (m.options.force_main_equation == ForceMainEquation::DarcyWeisbach)
          x.geom[1] = ctx.units.small_length * x.geom_raw[1];  // in or mm -> m
      }
      if (conduit && row.has(6) && !row.is_star(6)) {
        double b = row.number(6, "barrels", Bound::Positive, "a whole number >= 1", 1.0);
        if (b != std::floor(b))
          row.error("barrels " + row.tok(6) + " is not a whole number; expected 1, 2, ...");
        x.barrels = static_cast<int>(b);
      }
      if (conduit && row.has(7) && !row.is_star(7))
        x.culvert_code =
            static_cast<int>(row.number(7, "culvert code", Bound::NonNegative, "a code >= 0"));
    }
    link.xsection = static_cast<int>(m.xsections.size());
    m.xsections.push_back(x);
  }
}

void read_losses(Context& ctx, const SectionBlock& block) {
  Model& m = ctx.model;
  for (const auto& line : block.lines) {
    Row row(ctx, line);
    if (!row.require(4, "Link Kentry Kexit Kavg [FlapGate Seepage]")) continue;
    int j = row.link(0, "link");
    if (j < 0) continue;
    if (m.links[j].losses >= 0) {
      row.error("link already has a [LOSSES] line; expected one per link");
      continue;
    }
    Losses lo;
    lo.link = j;
    lo.k_entry = row.number(1, "entry loss", Bound::NonNegative, "a coefficient >= 0");
    lo.k_exit = row.number(2, "exit loss", Bound::NonNegative, "a coefficient >= 0");
    lo.k_avg = row.number(3, "average loss", Bound::NonNegative, "a coefficient >= 0");
    lo.flap_gate = row.yes_no(4, "flap gate", false);
    lo.seepage_rate =
        ctx.units.rate * row.optional_number(5, "seepage rate", 0.0, Bound::NonNegative,
                                             "a rate >= 0 (in/hr or mm/hr)");
    m.links[j].losses = static_cast<int>(m.losses.size());
    m.losses.push_back(lo);
  }
}

void read_transects(Context& ctx, const SectionBlock& block) {
  Model& m = ctx.model;
  // NC values carry over from one transect to the next, as in SWMM (transect.c).
  double n_left = 0.0, n_right = 0.0, n_channel = 0.0;
  int current = -1;
  for (const auto& line : block.lines) {
    Row row(ctx, line);
    int k = row.keyword(0, "record", {"NC", "X1", "GR"});
    if (k == 0) {
      if (!row.require(4, "NC Nleft Nright Nchannel")) continue;
      double n[3];
      for (int i = 0; i < 3; ++i)
        n[i] = row.number(1 + i,
                          i == 0   ? "Nleft"
                          : i == 1 ? "Nright"
                                   : "Nchannel",
                          Bound::NonNegative, "a Manning n >= 0 (0 keeps the previous value)");
      if (n[0] > 0.0) n_left = n[0];
      if (n[1] > 0.0) n_right = n[1];
      if (n[2] > 0.0) n_channel = n[2];
    } else if (k == 1) {
      if (!row.require(10, "X1 Name Nsta Xleft Xright 0 0 Lfactor Wfactor Eoffset")) continue;
      current = m.find_transect(row.tok(1));
      if (current < 0) continue;
      row.set_label(row.tok(1));
      Transect& t = m.transects[current];
      t.n_left = n_left > 0.0 ? n_left : n_channel;
      t.n_right = n_right > 0.0 ? n_right : n_channel;
      t.n_channel = n_channel;
      for (int i = 2; i < 10; ++i) row.number(i, "X1 field");
      const double L = ctx.units.length;
      t.meander = row.number(7, "meander modifier");
      if (t.meander == 0.0) t.meander = 1.0;
      t.station_factor = row.number(8, "stations modifier");
      if (t.station_factor == 0.0) t.station_factor = 1.0;
      t.elevation_offset = L * row.number(9, "elevations modifier");
      t.bank_left = L * row.number(3, "left bank station") * t.station_factor;
      t.bank_right = L * row.number(4, "right bank station") * t.station_factor;
    } else if (k == 2) {
      if (current < 0) {
        row.error("GR record before any X1 record; expected X1 to start a transect");
        continue;
      }
      Transect& t = m.transects[current];
      row.set_label(t.id);
      if ((row.size() - 1) % 2 != 0 || row.size() < 3) {
        row.error("GR record has an odd number of values; expected Elevation Station pairs");
        continue;
      }
      for (size_t i = 1; i + 1 < row.size(); i += 2) {
        const double elev = ctx.units.length * row.number(i, "elevation") + t.elevation_offset;
        const double sta = ctx.units.length * row.number(i + 1, "station") * t.station_factor;
        if (!t.station.empty() && sta < t.station.back())
          row.error("station " + row.tok(i + 1) +
                    " is less than the previous one; expected stations in "
                    "increasing order");
        t.elevation.push_back(elev);
        t.station.push_back(sta);
      }
    }
  }
  for (const auto& t : m.transects) {
    if (t.station.size() < 2)
      ctx.error(t.line, t.id,
                "transect has " + std::to_string(t.station.size()) +
                    " stations; expected at least 2 GR points");
    else if (t.n_channel <= 0.0)
      ctx.error(t.line, t.id,
                "channel roughness is not set; expected an NC record with Nchannel > 0");
    else if (t.bank_left > t.bank_right)
      ctx.error(t.line, t.id,
                "left bank station is right of the right bank; expected Xleft <= Xright");
  }
}

}  // namespace sf::inp::detail

namespace sf::inp {

const char* shape_keyword(pipe::Shape shape) {
  const int k = static_cast<int>(shape);
  return k >= 0 && k < pipe::kShapeCount ? detail::kShapeWords[k] : "UNKNOWN";
}

}  // namespace sf::inp
