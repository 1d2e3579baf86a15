// lay_out_demo_sewer: streets -> manholes, gully inlets and pipes; rational-method sizes;
// inverts from cover, crown matching and minimum fall; the pump station at the east edge.
#include "demo/sewer_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "demo/sewer_design.hpp"

namespace sf::couple {
namespace {

using mesh::LandUse;

/// Reads the catchment's rasters at local coordinates (m from the south-west corner).
struct Terrain {
  const mesh::Raster& dem;
  const mesh::Raster& land;

  int column(double x) const { return std::clamp(int(std::floor(x / dem.dx)), 0, dem.nx - 1); }
  int row(double y) const { return std::clamp(int(std::floor(y / dem.dx)), 0, dem.ny - 1); }
  std::int64_t cell(double x, double y) const {
    return static_cast<std::int64_t>(dem.index(column(x), row(y)));
  }
  double ground(double x, double y) const { return dem.values[cell(x, y)]; }
  LandUse use(std::size_t k) const { return static_cast<LandUse>(int(land.values[k])); }
  LandUse use(double x, double y) const { return use(static_cast<std::size_t>(cell(x, y))); }
  double xc(int i) const { return (i + 0.5) * dem.dx; }
  double yc(int j) const { return (j + 0.5) * dem.dx; }
};

std::string two_digits(int k) {
  char s[16];
  std::snprintf(s, sizeof s, "%02d", k);
  return s;
}

double polyline_length(double x0, double y0, const std::vector<std::pair<double, double>>& bends,
                       double x1, double y1) {
  double length = 0.0, px = x0, py = y0;
  for (const auto& [bx, by] : bends) {
    length += std::hypot(bx - px, by - py);
    px = bx;
    py = by;
  }
  return length + std::hypot(x1 - px, y1 - py);
}

/// The lowest road cell in a rectangle of local coordinates (open bounds); found = false if none.
struct LowPoint {
  double x = 0.0, y = 0.0;
  double z = std::numeric_limits<double>::infinity();
  bool found = false;
};

LowPoint lowest_road_cell(const Terrain& t, double x_lo, double x_hi, double y_lo, double y_hi) {
  LowPoint best;
  for (int j = t.row(y_lo); j <= t.row(y_hi); ++j) {
    const double y = t.yc(j);
    if (!(y > y_lo && y < y_hi)) continue;
    for (int i = t.column(x_lo); i <= t.column(x_hi); ++i) {
      const double x = t.xc(i);
      if (!(x > x_lo && x < x_hi)) continue;
      const std::size_t k = t.dem.index(i, j);
      if (t.use(k) != LandUse::Road || !t.dem.valid[k]) continue;
      if (t.dem.values[k] < best.z) best = {x, y, t.dem.values[k], true};  // first minimum wins
    }
  }
  return best;
}

class SewerBuilder {
 public:
  SewerBuilder(const mesh::DemoCatchment& c, const mesh::DemoOptions& demo,
               const UrbanNetworkOptions& o)
      : t_{c.dem, c.land_use}, demo_(demo), o_(o) {
    width_ = c.dem.nx * c.dem.dx;
    height_ = c.dem.ny * c.dem.dx;
    valley_ = 0.5 * (c.outlet.from + c.outlet.to) - c.dem.y0;
  }

  SewerLayout build() {
    find_street_lines();
    place_manholes_and_sewers();
    place_inlets();
    place_pump_station();
    assign_design_runoff();
    size_pipes_and_set_inverts();
    return std::move(out_);
  }

 private:
  // --- layout ---------------------------------------------------------------------------------

  /// Street centre lines k * pitch inside the domain. North-south lines count only where they
  /// are streets at the avenue (the riverside park at the east edge has none).
  void find_street_lines() {
    const double p = demo_.block_pitch;
    for (int k = 1; k * p < width_ - 1e-9; ++k)
      if (t_.use(k * p, valley_) == LandUse::Road) xs_.push_back(k * p);
    for (int k = 1; k * p < height_ - 1e-9; ++k) {
      ys_.push_back(k * p);
      if (std::fabs(k * p - valley_) < 1e-6) valley_row_ = int(ys_.size()) - 1;
    }
    if (xs_.size() < 2 || valley_row_ < 0)
      throw std::invalid_argument(
          "urban demo network: the catchment needs a valley avenue on a street line and at "
          "least two north-south streets");
  }

  std::string crossing_name(int ci, int rj) const {
    return two_digits(int(std::lround(xs_[ci] / demo_.block_pitch))) + "_" +
           two_digits(int(std::lround(ys_[rj] / demo_.block_pitch)));
  }

  int add_node(std::string id, SewerNodeKind kind, double x, double y) {
    SewerNode n;
    n.id = std::move(id);
    n.kind = kind;
    n.x = x;
    n.y = y;
    n.cell = t_.cell(x, y);
    n.rim = t_.ground(x, y);
    out_.nodes.push_back(n);
    return int(out_.nodes.size()) - 1;
  }

  int add_pipe(std::string id, int from, int to, bool is_lead,
               std::vector<std::pair<double, double>> bends = {}) {
    SewerPipe p;
    p.id = std::move(id);
    p.from = from;
    p.to = to;
    p.is_lead = is_lead;
    const SewerNode &a = out_.nodes[from], &b = out_.nodes[to];
    p.length = polyline_length(a.x, a.y, bends, b.x, b.y);
    p.vertices = std::move(bends);
    out_.pipes.push_back(p);
    return int(out_.pipes.size()) - 1;
  }

  /// A manhole at every crossing; sewers run down each north-south street to the avenue and
  /// along the avenue east: a tree that follows the fall of the ground.
  void place_manholes_and_sewers() {
    manhole_.assign(xs_.size(), std::vector<int>(ys_.size(), -1));
    for (std::size_t ci = 0; ci < xs_.size(); ++ci)
      for (std::size_t rj = 0; rj < ys_.size(); ++rj)
        manhole_[ci][rj] = add_node("MH_" + crossing_name(int(ci), int(rj)), SewerNodeKind::Manhole,
                                    xs_[ci], ys_[rj]);
    const int v = valley_row_;
    for (std::size_t ci = 0; ci < xs_.size(); ++ci) {
      for (int rj = 0; rj < int(ys_.size()); ++rj) {
        if (rj == v) continue;
        const int down = rj > v ? rj - 1 : rj + 1;
        add_pipe("SW_" + crossing_name(int(ci), rj), manhole_[ci][rj], manhole_[ci][down], false);
      }
      if (ci + 1 < xs_.size())
        add_pipe("SW_" + crossing_name(int(ci), v), manhole_[ci][v], manhole_[ci + 1][v], false);
    }
  }

  double half_width_of_row(double y) const {
    return std::fabs(y - valley_) < 1e-6 ? 0.5 * demo_.avenue_width : 0.5 * demo_.road_width;
  }

  /// One gully inlet at the lowest road cell of every street segment between two crossings (or
  /// a crossing and the domain edge), outside the crossing streets; a lead pipe takes it to the
  /// manhole of the nearer crossing.
  void place_inlets() {
    const double half_road = 0.5 * demo_.road_width;
    // north-south streets: segments between street rows
    for (std::size_t ci = 0; ci < xs_.size(); ++ci) {
      const double x = xs_[ci];
      for (std::size_t s = 0; s <= ys_.size(); ++s) {
        const bool lower_is_crossing = s > 0, upper_is_crossing = s < ys_.size();
        const double a = lower_is_crossing ? ys_[s - 1] : 0.0;
        const double b = upper_is_crossing ? ys_[s] : height_;
        const double ha = lower_is_crossing ? half_width_of_row(a) : 0.0;
        const double hb = upper_is_crossing ? half_width_of_row(b) : 0.0;
        const LowPoint lp = lowest_road_cell(t_, x - half_road, x + half_road, a + ha, b - hb);
        if (!lp.found) continue;
        const bool to_lower = lower_is_crossing && (!upper_is_crossing || lp.y - a <= b - lp.y);
        const int rj = to_lower ? int(s) - 1 : int(s);
        add_inlet(int(ci), rj, to_lower ? "N" : "S", lp);
      }
    }
    // east-west streets (the avenue included): segments between street columns
    for (std::size_t rj = 0; rj < ys_.size(); ++rj) {
      const double y = ys_[rj], hw = half_width_of_row(y);
      for (std::size_t s = 0; s <= xs_.size(); ++s) {
        const bool west_is_crossing = s > 0, east_is_crossing = s < xs_.size();
        const double a = west_is_crossing ? xs_[s - 1] : 0.0;
        const double b = east_is_crossing ? xs_[s] : width_;
        const double ha = west_is_crossing ? half_road : 0.0;
        const double hb = east_is_crossing ? half_road : 0.0;
        const LowPoint lp = lowest_road_cell(t_, a + ha, b - hb, y - hw, y + hw);
        if (!lp.found) continue;
        const bool to_west = west_is_crossing && (!east_is_crossing || lp.x - a <= b - lp.x);
        const int ci = to_west ? int(s) - 1 : int(s);
        add_inlet(ci, int(rj), to_west ? "E" : "W", lp);
      }
    }
  }

  void add_inlet(int ci, int rj, const std::string& arm, const LowPoint& lp) {
    const std::string name = crossing_name(ci, rj) + "_" + arm;
    const int inlet = add_node("GI_" + name, SewerNodeKind::Inlet, lp.x, lp.y);
    add_pipe("LD_" + name, inlet, manhole_[ci][rj], true);
  }

  /// Wet well in the riverside park north of the channel, east of the last crossing; the pump's
  /// rising main ends at a free outfall on the channel bed at the east edge.
  void place_pump_station() {
    const double x_last = xs_.back(), span = width_ - x_last;
    const double x_ww = x_last + 0.3 * span, y_ww = valley_ + 0.15 * demo_.block_pitch;
    const double x_out = width_ - 0.5 * t_.dem.dx;
    if (!(span > 4.0 * t_.dem.dx) || t_.use(x_ww, y_ww) == LandUse::Road)
      throw std::invalid_argument(
          "urban demo network: no open ground east of the last street for the pump station");
    PumpStation& ps = out_.pump;
    ps.wet_well = add_node("PS_WETWELL", SewerNodeKind::WetWell, x_ww, y_ww);
    ps.outfall = add_node("OUT_CHANNEL", SewerNodeKind::Outfall, x_out, valley_);
    const int last = manhole_.back()[valley_row_];
    const double bend_x = x_last + 0.15 * span;
    add_pipe("SW_" + crossing_name(int(xs_.size()) - 1, valley_row_), last, ps.wet_well, false,
             {{bend_x, y_ww}});
  }

  // --- design --------------------------------------------------------------------------------

  /// Every cell that drains to the streets (not the channel, not the riverside park east of the
  /// last street) sends C i A to its nearest inlet.
  void assign_design_runoff() {
    std::vector<int> inlets;
    for (int n = 0; n < int(out_.nodes.size()); ++n)
      if (out_.nodes[n].kind == SewerNodeKind::Inlet) inlets.push_back(n);
    const double intensity = o_.design_rain_mm_per_h * 1e-3 / 3600.0;
    const double cell_area = t_.dem.dx * t_.dem.dx;
    const double east_kerb = xs_.back() + 0.5 * demo_.road_width;
    for (int j = 0; j < t_.dem.ny; ++j)
      for (int i = 0; i < t_.dem.nx; ++i) {
        const std::size_t k = t_.dem.index(i, j);
        const double x = t_.xc(i), y = t_.yc(j);
        if (!t_.dem.valid[k] || t_.use(k) == LandUse::Channel || x > east_kerb) continue;
        int nearest = -1;
        double best = std::numeric_limits<double>::infinity();
        for (int n : inlets) {
          const double d2 = (out_.nodes[n].x - x) * (out_.nodes[n].x - x) +
                            (out_.nodes[n].y - y) * (out_.nodes[n].y - y);
          if (d2 < best) {
            best = d2;
            nearest = n;
          }
        }
        if (nearest < 0) continue;
        const double c = mesh::demo_is_impervious(t_.use(k)) ? o_.runoff_coeff_impervious
                                                             : o_.runoff_coeff_pervious;
        SewerNode& inlet = out_.nodes[nearest];
        inlet.local_flow += rational_flow(c, intensity, cell_area);
        inlet.drained_area += cell_area;
        if (mesh::demo_is_impervious(t_.use(k))) inlet.drained_impervious_area += cell_area;
        inlet.longest_flow_path = std::max(inlet.longest_flow_path, std::sqrt(best));
      }
  }

  /// Nodes upstream first (Kahn's algorithm over the conduits and the pump, ties by index).
  std::vector<int> upstream_first_order() const {
    const int n = int(out_.nodes.size());
    std::vector<int> indegree(n, 0);
    for (const SewerPipe& p : out_.pipes) ++indegree[p.to];
    ++indegree[out_.pump.outfall];
    std::vector<int> order;
    for (int i = 0; i < n; ++i)
      if (indegree[i] == 0) order.push_back(i);
    for (std::size_t q = 0; q < order.size(); ++q) {
      const int u = order[q];
      auto release = [&](int v) {
        if (--indegree[v] == 0) order.push_back(v);
      };
      for (const SewerPipe& p : out_.pipes)
        if (p.from == u) release(p.to);
      if (u == out_.pump.wet_well) release(out_.pump.outfall);
    }
    if (int(order.size()) != n) throw std::logic_error("urban demo network: the sewer has a loop");
    return order;
  }

  void size_pipes_and_set_inverts() {
    const std::vector<int> order = upstream_first_order();
    std::vector<double> accumulated(out_.nodes.size());
    for (std::size_t n = 0; n < out_.nodes.size(); ++n) accumulated[n] = out_.nodes[n].local_flow;
    for (int u : order) {
      for (SewerPipe& p : out_.pipes)
        if (p.from == u) {
          p.design_flow = accumulated[u];
          size_and_lay(p);
          accumulated[p.to] += accumulated[u];
        }
      if (u == out_.pump.wet_well) {
        out_.pump.design_flow = accumulated[u];
        accumulated[out_.pump.outfall] += accumulated[u];
      }
    }
    set_node_inverts();
    design_pump();
  }

  /// Size one pipe and set its end inverts. Its upstream neighbours are already done.
  void size_and_lay(SewerPipe& p) {
    const SewerNode &a = out_.nodes[p.from], &b = out_.nodes[p.to];
    const double n = o_.manning_n;
    if (p.is_lead) {
      p.diameter = std::max(o_.lead_diameter, next_commercial_diameter(manning_full_diameter(
                                                  p.design_flow, n, o_.lead_slope)));
      p.invert_up = a.rim - o_.inlet_depth;
      p.invert_down = p.invert_up - o_.lead_slope * p.length;
      return;
    }
    const double slope = std::max((a.rim - b.rim) / p.length, o_.min_slope);
    double d = std::max(o_.min_diameter,
                        next_commercial_diameter(manning_full_diameter(p.design_flow, n, slope)));
    for (const SewerPipe& q : out_.pipes)  // a sewer never gets smaller downstream
      if (q.to == p.from && !q.is_lead) d = std::max(d, q.diameter);
    // Crown matching can lay the pipe flatter than the ground; then the next size up is tried
    // until the pipe as laid carries its design flow full.
    for (;;) {
      p.diameter = d;
      p.invert_up = a.rim - o_.cover - d;
      for (const SewerPipe& q : out_.pipes)  // crowns matched: the outgoing crown is not higher
        if (q.to == p.from && !q.is_lead)
          p.invert_up = std::min(p.invert_up, q.invert_down + q.diameter - d);
      p.invert_down = std::min(b.rim - o_.cover - d, p.invert_up - o_.min_slope * p.length);
      const double laid_slope = (p.invert_up - p.invert_down) / p.length;
      if (manning_full_flow(d, n, laid_slope) >= p.design_flow) break;
      d = next_commercial_diameter(d + 1e-6);
    }
  }

  void set_node_inverts() {
    for (std::size_t n = 0; n < out_.nodes.size(); ++n) {
      SewerNode& node = out_.nodes[n];
      double invert = std::numeric_limits<double>::infinity();
      double highest_crown = -std::numeric_limits<double>::infinity();
      for (const SewerPipe& p : out_.pipes) {
        if (p.from == int(n)) {
          invert = std::min(invert, p.invert_up);
          highest_crown = std::max(highest_crown, p.invert_up + p.diameter);
        }
        if (p.to == int(n)) {
          invert = std::min(invert, p.invert_down);
          highest_crown = std::max(highest_crown, p.invert_down + p.diameter);
        }
      }
      switch (node.kind) {
        case SewerNodeKind::Manhole:
        case SewerNodeKind::Inlet:
          node.invert = invert;
          node.max_depth = node.rim - invert;
          break;
        case SewerNodeKind::WetWell:  // the incoming sewer enters at the pump's start level
          node.invert = invert - (o_.pump_stop_depth + o_.pump_band);
          node.max_depth = std::max(node.rim - node.invert, highest_crown - node.invert);
          break;
        case SewerNodeKind::Outfall:
          node.invert = node.rim;
          node.max_depth = 0.0;
          break;
      }
    }
  }

  /// Wet-well area from the pump's cycle time; a TYPE3 curve through the design point at the
  /// static lift from the stop level to the outfall invert (at least 1 m).
  void design_pump() {
    PumpStation& ps = out_.pump;
    const SewerNode &ww = out_.nodes[ps.wet_well], &out = out_.nodes[ps.outfall];
    const double q = ps.design_flow;
    ps.shutoff_depth = o_.pump_stop_depth;
    ps.startup_depth = o_.pump_stop_depth + o_.pump_band;
    ps.area = wet_well_area(q, o_.pump_min_cycle_s, o_.pump_band);
    const double lift = std::max(1.0, out.invert - (ww.invert + o_.pump_stop_depth));
    // a centrifugal pump's head-flow curve: flow falls as the lift grows, zero at 2.5 x design
    ps.curve = {{0.0, 1.25 * q},
                {lift, q},
                {1.5 * lift, 0.7 * q},
                {2.0 * lift, 0.3 * q},
                {2.5 * lift, 0.0}};
  }

  Terrain t_;
  const mesh::DemoOptions& demo_;
  const UrbanNetworkOptions& o_;
  double width_ = 0.0, height_ = 0.0, valley_ = 0.0;
  std::vector<double> xs_, ys_;  // street centre lines (local m)
  int valley_row_ = -1;          // index of the avenue in ys_
  std::vector<std::vector<int>> manhole_;
  SewerLayout out_;
};

}  // namespace

SewerLayout lay_out_demo_sewer(const mesh::DemoCatchment& catchment, const mesh::DemoOptions& demo,
                               const UrbanNetworkOptions& options) {
  return SewerBuilder(catchment, demo, options).build();
}

}  // namespace sf::couple
