#include "demo/sewer_inp_text.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <locale>
#include <sstream>

namespace sf::couple {
namespace {

/// Fixed-point text with `decimals` digits, independent of the global locale.
std::string num(double v, int decimals = 3) {
  std::ostringstream s;
  s.imbue(std::locale::classic());
  s.setf(std::ios::fixed);
  s.precision(decimals);
  s << (std::fabs(v) < 0.5 * std::pow(10.0, -decimals) ? 0.0 : v);  // never "-0.000"
  return s.str();
}

/// SWMM's date and time fields for `seconds` after 01/01/2024 00:00:00 (within January).
void write_end(std::ostringstream& s, double seconds) {
  const std::int64_t t = std::llround(seconds);
  const std::int64_t day = 1 + t / 86400, sod = t % 86400;
  char date[32], time[32];
  std::snprintf(date, sizeof date, "01/%02d/2024", int(day));
  std::snprintf(time, sizeof time, "%02d:%02d:%02d", int(sod / 3600), int(sod / 60 % 60),
                int(sod % 60));
  s << "END_DATE             " << date << "\nEND_TIME             " << time << "\n";
}

void write_options(std::ostringstream& s, const UrbanNetworkOptions& o) {
  s << "[OPTIONS]\n"
       "FLOW_UNITS           CMS\n"
       "INFILTRATION         HORTON\n"
       "FLOW_ROUTING         DYNWAVE\n"
       "LINK_OFFSETS         DEPTH\n"
       "ALLOW_PONDING        NO\n"
       "START_DATE           01/01/2024\n"
       "START_TIME           00:00:00\n"
       "REPORT_START_DATE    01/01/2024\n"
       "REPORT_START_TIME    00:00:00\n";
  write_end(s, o.duration_s);
  const int wet = int(std::lround(o.wet_step_s));
  char wet_step[32];
  std::snprintf(wet_step, sizeof wet_step, "%02d:%02d:%02d", wet / 3600, wet / 60 % 60, wet % 60);
  s << "REPORT_STEP          00:05:00\n"
       "WET_STEP             "
    << wet_step
    << "\n"
       "DRY_STEP             01:00:00\n"
       "ROUTING_STEP         "
    << num(o.routing_step_s, 1)
    << "\n"
       "INERTIAL_DAMPING     PARTIAL\n"
       "NORMAL_FLOW_LIMITED  BOTH\n"
       "VARIABLE_STEP        0.75\n"
       "MINIMUM_STEP         0.5\n"
       "LENGTHENING_STEP     0\n"
       "SURCHARGE_METHOD     "
    << o.surcharge_method
    << "\n"
       "MIN_SURFAREA         1.167\n"
       "MAX_TRIALS           8\n"
       "HEAD_TOLERANCE       0.0015\n"
       "SYS_FLOW_TOL         5\n"
       "LAT_FLOW_TOL         5\n"
       "THREADS              1\n\n";
}

bool is_junction(const SewerNode& n) {
  return n.kind == SewerNodeKind::Manhole || n.kind == SewerNodeKind::Inlet;
}

void write_nodes(std::ostringstream& s, const SewerLayout& l) {
  s << "[JUNCTIONS]\n;;Name            Elev      MaxDepth  InitDepth SurDepth  Aponded\n";
  for (const SewerNode& n : l.nodes)
    if (is_junction(n))
      s << n.id << "  " << num(n.invert) << "  " << num(n.max_depth) << "  0  0  0\n";
  s << "\n[OUTFALLS]\n;;Name            Elev      Type      Gated\n";
  for (const SewerNode& n : l.nodes)
    if (n.kind == SewerNodeKind::Outfall) s << n.id << "  " << num(n.invert) << "  FREE  NO\n";
  // FUNCTIONAL A(d) = 0 * d^0 + area: a prismatic wet well.
  s << "\n[STORAGE]\n;;Name  Elev  MaxDepth  InitDepth  Shape  Coeff  Expon  Const  SurDepth  "
       "Fevap\n";
  const SewerNode& ww = l.nodes[l.pump.wet_well];
  s << ww.id << "  " << num(ww.invert) << "  " << num(ww.max_depth) << "  0  FUNCTIONAL  0  0  "
    << num(l.pump.area, 1) << "  0  0\n\n";
}

void write_links(std::ostringstream& s, const SewerLayout& l, const UrbanNetworkOptions& o) {
  s << "[CONDUITS]\n;;Name  From  To  Length  Roughness  InOffset  OutOffset  InitFlow  "
       "MaxFlow\n";
  for (const SewerPipe& p : l.pipes) {
    const SewerNode &a = l.nodes[p.from], &b = l.nodes[p.to];
    s << p.id << "  " << a.id << "  " << b.id << "  " << num(p.length, 2) << "  "
      << num(o.manning_n, 4) << "  " << num(p.invert_up - a.invert) << "  "
      << num(p.invert_down - b.invert) << "  0  " << (p.max_flow > 0.0 ? num(p.max_flow, 4) : "0")
      << "\n";
  }
  const PumpStation& ps = l.pump;
  s << "\n[PUMPS]\n;;Name  From  To  Curve  Status  Startup  Shutoff\n"
    << "PS_PUMP  " << l.nodes[ps.wet_well].id << "  " << l.nodes[ps.outfall].id
    << "  PS_PUMP_CURVE  OFF  " << num(ps.startup_depth) << "  " << num(ps.shutoff_depth) << "\n\n";
  if (!l.weirs.empty()) {
    s << "[WEIRS]\n;;Name  From  To  Type  CrestHt  Qcoeff  Gated\n";
    for (const SewerWeir& w : l.weirs)
      s << w.id << "  " << l.nodes[w.from].id << "  " << l.nodes[w.to].id << "  TRANSVERSE  "
        << num(w.crest_height) << "  " << num(w.discharge_coeff) << "  NO\n";
    s << "\n";
  }
  s << "[XSECTIONS]\n;;Link  Shape  Geom1  Geom2  Geom3  Geom4  Barrels  Culvert\n";
  for (const SewerPipe& p : l.pipes)
    s << p.id << "  CIRCULAR  " << num(p.diameter) << "  0  0  0  1\n";
  for (const SewerWeir& w : l.weirs)
    s << w.id << "  RECT_OPEN  " << num(w.opening) << "  " << num(w.length) << "  0  0\n";
  s << "\n[CURVES]\n;;Name  Type  Lift(m)  Flow(CMS)\n";
  for (std::size_t k = 0; k < ps.curve.size(); ++k)
    s << "PS_PUMP_CURVE  " << (k == 0 ? "PUMP3  " : "       ") << num(ps.curve[k].first) << "  "
      << num(ps.curve[k].second, 4) << "\n";
  s << "\n";
}

void write_map(std::ostringstream& s, const SewerLayout& l, double x0, double y0) {
  s << "[REPORT]\nINPUT NO\nCONTROLS NO\nNODES ALL\nLINKS ALL\n\n[TAGS]\n";
  for (const SewerNode& n : l.nodes)
    if (n.kind == SewerNodeKind::Manhole || n.kind == SewerNodeKind::Inlet)
      s << "Node  " << n.id << "  " << (n.kind == SewerNodeKind::Inlet ? "Inlet" : "Manhole")
        << "\n";
  s << "\n[COORDINATES]\n;;Node  X-Coord  Y-Coord\n";
  for (const SewerNode& n : l.nodes)
    s << n.id << "  " << num(x0 + n.x) << "  " << num(y0 + n.y) << "\n";
  s << "\n[VERTICES]\n;;Link  X-Coord  Y-Coord\n";
  for (const SewerPipe& p : l.pipes)
    for (const auto& [x, y] : p.vertices)
      s << p.id << "  " << num(x0 + x) << "  " << num(y0 + y) << "\n";
  s << "\n";
}

}  // namespace

std::string sewer_inp_text(const SewerLayout& layout, double x0, double y0,
                           const UrbanNetworkOptions& options) {
  std::ostringstream s;
  s.imbue(std::locale::classic());
  s << "[TITLE]\n;;Generated by sf::couple::make_urban_demo_network (docs/coupling.md)\n"
       "spongeflow urban demo storm sewer under the synthetic demo catchment\n\n";
  write_options(s, options);
  write_nodes(s, layout);
  write_links(s, layout, options);
  write_map(s, layout, x0, y0);
  return s.str();
}

}  // namespace sf::couple
