#include "couple/coupling_points.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "common/csv_rows.hpp"
#include "common/input_error.hpp"

namespace sf::couple {
namespace {

std::string fmt(double v) {
  char b[48];
  std::snprintf(b, sizeof b, "%.3f", v);
  return b;
}

}  // namespace

std::vector<CouplingPointSpec> read_coupling_csv(const std::string& path) {
  static const char* kColumns[] = {"node_id",   "role", "x",          "y",
                                   "perimeter", "area", "weir_coeff", "orifice_coeff"};
  std::vector<InputIssue> issues;
  std::vector<int> column_of;  // index into kColumns per CSV column
  std::vector<CouplingPointSpec> points;
  std::map<std::string, int> seen;
  for (const csv::Row& row : csv::read_rows(path, "", "the coupling file")) {
    const int n = row.line;
    const std::vector<std::string>& f = row.cells;
    if (column_of.empty()) {  // header
      bool has_id = false;
      for (const std::string& name : f) {
        int k = -1;
        for (int c = 0; c < 8; ++c)
          if (name == kColumns[c]) k = c;
        if (k < 0)
          issues.push_back({path, n, "", name,
                            "unknown column; expected node_id, role, x, y, perimeter, area, "
                            "weir_coeff, orifice_coeff"});
        has_id = has_id || k == 0;
        column_of.push_back(k);
      }
      if (!has_id) {
        issues.push_back({path, n, "", "node_id", "the header has no node_id column"});
        break;
      }
      continue;
    }
    if (f.size() != column_of.size()) {
      issues.push_back({path, n, "", "",
                        "has " + std::to_string(f.size()) + " fields; expected " +
                            std::to_string(column_of.size()) + " as in the header"});
      continue;
    }
    CouplingPointSpec p;
    p.line = n;
    for (std::size_t c = 0; c < f.size(); ++c) {
      const int k = column_of[c];
      if (k <= 0) {
        if (k == 0) p.node_id = f[c];
        continue;
      }
      if (k == 1) {
        if (f[c].empty()) continue;
        if (auto r = parse_role(f[c]))
          p.role = *r;
        else
          issues.push_back(
              {path, n, "", "role", "'" + f[c] + "'; expected inlet, manhole or outfall"});
        continue;
      }
      if (f[c].empty()) continue;  // optional numbers may be left blank
      double v;
      if (!csv::parse_number(f[c], v)) {
        issues.push_back({path, n, "", kColumns[k], "'" + f[c] + "' is not a number"});
        continue;
      }
      const bool coordinate = k == 2 || k == 3;
      if (!coordinate && v < 0) {
        issues.push_back({path, n, "", kColumns[k], "is negative; expected a value >= 0"});
        continue;
      }
      std::optional<double>* slot[] = {nullptr,      nullptr, &p.x,          &p.y,
                                       &p.perimeter, &p.area, &p.weir_coeff, &p.orifice_coeff};
      *slot[k] = v;
    }
    if (p.node_id.empty()) {
      issues.push_back({path, n, "", "node_id", "is empty; expected a node of the network"});
      continue;
    }
    if (p.x.has_value() != p.y.has_value()) {
      issues.push_back({path, n, "", p.x ? "y" : "x", "give both x and y, or neither"});
      continue;
    }
    if (auto it = seen.find(p.node_id); it != seen.end()) {
      issues.push_back({path, n, "", "node_id",
                        "node '" + p.node_id + "' is listed twice (first on line " +
                            std::to_string(it->second) + ")"});
      continue;
    }
    seen[p.node_id] = n;
    points.push_back(p);
  }
  if (column_of.empty() && issues.empty())
    issues.push_back({path, 0, "", "", "is empty; expected a header node_id,role,x,y and rows"});
  if (!issues.empty()) throw InputError(issues);
  return points;
}

CouplingPlan plan_coupling(const inp::Model& model, const network::NetworkData& net,
                           const CouplingGrid& g,
                           const std::optional<std::vector<CouplingPointSpec>>& points,
                           const std::string& points_file, const std::string& inp_file,
                           const CouplingDefaults& defaults) {
  const GridGeometry& grid = *g.grid;
  std::map<std::string, int> index;
  for (int i = 0; i < int(net.node_id.size()); ++i) index[net.node_id[i]] = i;

  std::vector<CouplingPointSpec> list;
  if (points) {
    list = *points;
  } else {
    for (int i = 0; i < int(net.node_id.size()); ++i) {
      if (net.node[i].kind == pipe::NodeKind::Outfall) continue;
      if (!model.map.coordinates.count(net.node_id[i])) continue;
      CouplingPointSpec p;
      p.node_id = net.node_id[i];
      list.push_back(p);
    }
  }
  const std::string& where = points ? points_file : inp_file;
  const std::string section = points ? "" : "[COORDINATES]";

  CouplingPlan plan;
  std::vector<InputIssue> issues;
  for (const CouplingPointSpec& p : list) {
    auto bad = [&](const std::string& message) {
      issues.push_back({where, p.line, section, p.node_id, message});
    };
    const auto it = index.find(p.node_id);
    if (it == index.end()) {
      bad("is not a node of the network " + inp_file);
      continue;
    }
    const int node = it->second;
    const bool is_outfall = net.node[node].kind == pipe::NodeKind::Outfall;
    if (p.role == CouplingRole::Outfall && !is_outfall) {
      bad("has role outfall but is not in [OUTFALLS]");
      continue;
    }
    if (p.role != CouplingRole::Outfall && is_outfall) {
      bad("is an outfall; give it role outfall to discharge onto the surface");
      continue;
    }
    double x, y;
    if (p.x) {
      x = *p.x;
      y = *p.y;
    } else {
      const auto c = model.map.coordinates.find(p.node_id);
      if (c == model.map.coordinates.end()) {
        bad("has no [COORDINATES] in " + inp_file + " and no x, y in the coupling file");
        continue;
      }
      x = c->second.x;
      y = c->second.y;
    }
    const double fi = std::floor((x - grid.x0) / grid.dx);
    const double fj = std::floor((y - grid.y0) / grid.dx);
    if (!(fi >= 0 && fi < grid.nx && fj >= 0 && fj < grid.ny)) {
      bad("at (" + fmt(x) + ", " + fmt(y) + ") lies outside the DEM (x " + fmt(grid.x0) + " .. " +
          fmt(grid.x0 + grid.nx * grid.dx) + ", y " + fmt(grid.y0) + " .. " +
          fmt(grid.y0 + grid.ny * grid.dx) + "); coordinates must be in the DEM's CRS");
      continue;
    }
    const std::int64_t cell = std::int64_t(fj) * grid.nx + std::int64_t(fi);
    if (!(*g.active)[std::size_t(cell)]) {
      bad("at (" + fmt(x) + ", " + fmt(y) + ") lies on an inactive cell (nodata or a building)");
      continue;
    }
    const double ground = (*g.bed)[std::size_t(cell)];
    CouplingLink link;
    link.node = node;
    link.cell = cell;
    link.outfall = p.role == CouplingRole::Outfall;
    link.inlet = p.role == CouplingRole::Inlet ? defaults.inlet : defaults.manhole;
    link.inlet.rim_elevation = ground;
    if (p.perimeter) link.inlet.perimeter = *p.perimeter;
    if (p.area) link.inlet.area = *p.area;
    if (p.weir_coeff) link.inlet.weir_coeff = *p.weir_coeff;
    if (p.orifice_coeff) link.inlet.orifice_coeff = *p.orifice_coeff;
    if (!link.outfall) {
      const double rim = net.node_invert[node] + net.node_full_depth_as_written[node];
      if (std::fabs(rim - ground) > 0.5)
        plan.warnings.push_back("node " + p.node_id + ": its rim (invert + max depth) " + fmt(rim) +
                                " m is " + fmt(std::fabs(rim - ground)) + " m from the ground " +
                                fmt(ground) + " m of its cell; flooding starts at the rim");
    }
    plan.links.push_back(link);
    plan.roles.push_back(p.role);
    plan.node_ids.push_back(p.node_id);
  }
  if (!issues.empty()) throw InputError(issues);
  if (plan.links.empty())
    throw InputError(InputIssue{where, 0, section, "",
                                "no network node is coupled to the surface; give nodes "
                                "[COORDINATES] in the DEM's CRS or a coupling file"});
  return plan;
}

}  // namespace sf::couple
