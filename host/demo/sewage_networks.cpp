#include "demo/sewage_networks.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <stdexcept>

#include "common/number_text.hpp"
#include "demo/hourly_rain.hpp"
#include "demo/sewer_design.hpp"
#include "demo/sewer_inp_text.hpp"
#include "demo/sewer_runoff_text.hpp"

namespace sf::couple {
namespace {

constexpr const char* kPattern = "DIURNAL";

/// The pipe size that carries q full at `slope` (at least `min_d`), from the commercial sizes.
double pipe_for(double q, double manning_n, double slope, double min_d) {
  return std::max(min_d, next_commercial_diameter(manning_full_diameter(q, manning_n, slope)));
}

int add_node(SewerLayout& l, const std::string& id, SewerNodeKind kind, double x, double y,
             double invert, double rim) {
  SewerNode n;
  n.id = id;
  n.kind = kind;
  n.x = x;
  n.y = y;
  n.invert = invert;
  n.rim = rim;
  n.max_depth = rim - invert;
  l.nodes.push_back(n);
  return int(l.nodes.size()) - 1;
}

/// The plant's inlet: a free outfall off the map, south of the pump station, one main's fall
/// below the wet well's invert.
int add_plant_outfall(SewerLayout& l, const SewageOptions& o) {
  const SewerNode& ww = l.nodes[l.pump.wet_well];
  const double invert = ww.invert - o.plant_main_slope * o.plant_main_length;
  return add_node(l, "OUT_PLANT", SewerNodeKind::Outfall, ww.x, ww.y - 60.0, invert, invert);
}

SewerPipe plant_main(const std::string& id, int from, int to, const SewerLayout& l, double d,
                     const SewageOptions& o) {
  SewerPipe p;
  p.id = id;
  p.from = from;
  p.to = to;
  p.length = o.plant_main_length;
  p.diameter = d;
  p.invert_up = l.nodes[from].invert;
  p.invert_down = l.nodes[to].invert;
  return p;
}

/// [POLLUTANTS], [PATTERNS] and [DWF] for the nodes with sewage (dwf[i] > 0 at node i).
std::string sewage_text(const SewerLayout& l, const std::vector<double>& dwf,
                        const SewageOptions& o) {
  std::string s =
      "[POLLUTANTS]\n;;Name  Units  Crain  Cgw  Crdii  Kdecay  SnowOnly  CoPollut  CoFrac  Cdwf  "
      "Cinit\n";
  s += "COD  MG/L  0  0  0  0  NO  *  0  " + number_text("%.1f", o.cod_mg_l) + "  0\n";
  s += "NH3-N  MG/L  0  0  0  0  NO  *  0  " + number_text("%.1f", o.nh3n_mg_l) + "  0\n\n";
  const double mean = std::accumulate(o.hourly_pattern.begin(), o.hourly_pattern.end(), 0.0) / 24.0;
  s += "[PATTERNS]\n;;Name  Type  Factors (hour 0-23, mean 1)\n";
  for (int h = 0; h < 24; ++h) {
    if (h % 6 == 0)
      s += h == 0 ? std::string(kPattern) + "  HOURLY" : std::string(kPattern) + "        ";
    s += "  " + number_text("%.4f", o.hourly_pattern[h] / mean);
    if (h % 6 == 5) s += "\n";
  }
  s += "\n[DWF]\n;;Node  Parameter  Average  Patterns\n";
  for (std::size_t i = 0; i < l.nodes.size(); ++i) {
    if (!(dwf[i] > 0.0)) continue;
    const std::string& id = l.nodes[i].id;
    s += id + "  FLOW  " + number_text("%.7g", dwf[i]) + "  " + kPattern + "\n";
    s += id + "  COD  " + number_text("%.1f", o.cod_mg_l) + "\n";
    s += id + "  NH3-N  " + number_text("%.1f", o.nh3n_mg_l) + "\n";
  }
  return s + "\n";
}

std::string inp_text(const SewerLayout& l, const std::vector<double>& dwf, double x0, double y0,
                     const UrbanNetworkOptions& network, const SewageOptions& sewage,
                     const std::string& rain_series_line, const char* title) {
  UrbanNetworkOptions runoff_options = network;
  runoff_options.wet_step_s = 60.0;  // as network_runoff.inp (docs/capacity.md)
  std::string text = sewer_inp_text(l, x0, y0, runoff_options);
  const std::string old_title =
      "spongeflow urban demo storm sewer under the synthetic demo catchment";
  const auto at = text.find(old_title);
  if (at != std::string::npos) text.replace(at, old_title.size(), title);
  // The runoff text ends with its [TIMESERIES] section: the record joins that section (the
  // reader wants every series of a section complete within it).
  std::string runoff = sewer_runoff_text(l, network);
  if (!rain_series_line.empty()) runoff.insert(runoff.size() - 1, rain_series_line + "\n");
  return text + runoff + sewage_text(l, dwf, sewage);
}

/// Index of the sewer (not a gully lead) leaving each node, -1 where none does.
std::vector<int> sewer_leaving(const SewerLayout& l) {
  std::vector<int> out(l.nodes.size(), -1);
  for (std::size_t p = 0; p < l.pipes.size(); ++p)
    if (!l.pipes[p].is_lead) out[l.pipes[p].from] = int(p);
  return out;
}

}  // namespace

std::vector<double> dry_weather_flows(const SewerLayout& l, const SewageOptions& o) {
  const double per_m2 = o.population_per_ha / 1e4 * o.sewage_l_per_capita_day * 1e-3 / 86400.0;
  std::vector<double> q(l.nodes.size(), 0.0);
  for (const SewerPipe& p : l.pipes)
    if (p.is_lead && l.nodes[p.from].kind == SewerNodeKind::Inlet)
      q[p.to] += per_m2 * l.nodes[p.from].drained_area;
  return q;
}

SewageNetworks make_sewage_networks(const SewerLayout& storm, double x0, double y0,
                                    const UrbanNetworkOptions& network, const SewageOptions& o,
                                    const std::string& rain_series_line) {
  if (!(o.interception_ratio >= 0.0) || !(o.population_per_ha >= 0.0) ||
      !(o.sewage_l_per_capita_day > 0.0) || !(o.plant_main_slope > 0.0))
    throw std::invalid_argument(
        "sewage networks: expected n0 >= 0, population >= 0, sewage per capita > 0 and a "
        "plant main slope > 0");
  SewageNetworks out;
  const std::vector<double> dwf = dry_weather_flows(storm, o);
  out.average_dwf_m3s = std::accumulate(dwf.begin(), dwf.end(), 0.0);
  for (const SewerNode& n : storm.nodes)
    if (n.kind == SewerNodeKind::Inlet)
      out.population += o.population_per_ha * n.drained_area / 1e4;
  out.interceptor_capacity_m3s = (1.0 + o.interception_ratio) * out.average_dwf_m3s;
  const int ww = storm.pump.wet_well;

  // Combined: the sewage enters the storm sewer's manholes; the wet well is the interception
  // chamber. The interceptor takes up to (1 + n0) Qdw to the plant; above that the wet well
  // rises, the storm pumps lift the rest to the river, and a weir spills what they cannot.
  SewerLayout c = storm;
  const int plant = add_plant_outfall(c, o);
  out.interceptor_diameter = pipe_for(out.interceptor_capacity_m3s, network.manning_n,
                                      o.plant_main_slope, o.sanitary_min_diameter);
  SewerPipe interceptor = plant_main("INTERCEPTOR", ww, plant, c, out.interceptor_diameter, o);
  interceptor.max_flow = out.interceptor_capacity_m3s;
  c.pipes.push_back(interceptor);
  const SewerNode& river = storm.nodes[storm.pump.outfall];
  const int cso = add_node(c, "OUT_CSO_WEIR", SewerNodeKind::Outfall, river.x, river.y + 20.0,
                           river.invert, river.invert);
  SewerWeir weir;
  weir.id = "CSO_WEIR";
  weir.from = ww;
  weir.to = cso;
  const SewerNode& wet = storm.nodes[ww];
  // The crest stands above the pumps' start level and above the river outfall's invert.
  weir.crest_height = std::max(storm.pump.startup_depth + 0.5, river.invert - wet.invert + 0.3);
  weir.opening = wet.max_depth - weir.crest_height;
  weir.length = o.weir_length;
  if (!(weir.opening > 0.1))
    throw std::invalid_argument(
        "sewage networks: the wet well is too shallow for an overflow weir");
  c.weirs.push_back(weir);
  std::vector<double> dwf_c = dwf;
  dwf_c.resize(c.nodes.size(), 0.0);
  out.combined_inp = inp_text(c, dwf_c, x0, y0, network, o, rain_series_line,
                              "spongeflow demo COMBINED sewer: sewage + storm, intercepted at the "
                              "pump station (docs/scenarios.md)");

  // Separated: the storm sewer unchanged, and a sanitary sewer along the same streets (a twin
  // of every sewer between manholes, at the same inverts) gathering at SA_PS beside the wet
  // well and running to the plant.
  SewerLayout s = storm;
  std::vector<int> twin(storm.nodes.size(), -1);
  for (std::size_t i = 0; i < storm.nodes.size(); ++i) {
    const SewerNode& n = storm.nodes[i];
    if (n.kind == SewerNodeKind::Manhole)
      twin[i] =
          add_node(s, "SA" + n.id.substr(2), SewerNodeKind::Manhole, n.x, n.y, n.invert, n.rim);
  }
  const std::vector<int> leaving = sewer_leaving(storm);
  std::vector<double> carried(storm.pipes.size(), 0.0);  // average DWF through each sewer
  for (std::size_t i = 0; i < storm.nodes.size(); ++i)
    for (int node = int(i), p; dwf[i] > 0.0 && (p = leaving[node]) >= 0; node = storm.pipes[p].to)
      carried[p] += dwf[i];
  for (std::size_t k = 0; k < storm.pipes.size(); ++k) {
    const SewerPipe& p = storm.pipes[k];
    if (p.is_lead || twin[p.from] < 0) continue;
    SewerPipe q = p;
    q.id = "SS" + p.id.substr(2);
    q.from = twin[p.from];
    if (p.to == ww) {
      const SewerNode& w = storm.nodes[ww];
      q.to = add_node(s, "SA_PS", SewerNodeKind::Manhole, w.x + 5.0, w.y, p.invert_down, w.rim);
    } else {
      q.to = twin[p.to];
    }
    const double slope = std::max(network.min_slope, (p.invert_up - p.invert_down) / p.length);
    q.diameter = pipe_for(o.sanitary_peak_factor * carried[k], network.manning_n, slope,
                          o.sanitary_min_diameter);
    s.pipes.push_back(q);
  }
  const int sa_ps = int(s.nodes.size()) - 1;
  if (s.nodes[sa_ps].id != "SA_PS")
    throw std::invalid_argument("sewage networks: no sewer reaches the pump station");
  const int plant_s = add_plant_outfall(s, o);
  s.nodes[plant_s].invert = s.nodes[plant_s].rim =
      s.nodes[sa_ps].invert - o.plant_main_slope * o.plant_main_length;
  s.pipes.push_back(
      plant_main("SANITARY_MAIN", sa_ps, plant_s, s,
                 pipe_for(o.sanitary_peak_factor * out.average_dwf_m3s, network.manning_n,
                          o.plant_main_slope, o.sanitary_min_diameter),
                 o));
  std::vector<double> dwf_s(s.nodes.size(), 0.0);
  for (std::size_t i = 0; i < storm.nodes.size(); ++i)
    if (dwf[i] > 0.0) dwf_s[twin[i]] = dwf[i];
  out.separated_inp = inp_text(s, dwf_s, x0, y0, network, o, rain_series_line,
                               "spongeflow demo SEPARATED system: storm sewer to the river, "
                               "sanitary sewer to the plant (docs/scenarios.md)");
  return out;
}

std::vector<std::pair<std::string, std::string>> combined_sewer_demo_files(
    const SewerLayout& storm, double x0, double y0, const UrbanNetworkOptions& network) {
  const HourlyRainOptions rain;
  const std::string series = swmm_rain_series_text(generate_hourly_rain(rain), rain.year);
  const SewageNetworks n =
      make_sewage_networks(storm, x0, y0, network, {}, "RAIN_YEAR  FILE  \"rain_year.dat\"");
  return {{"rain_year.dat", series},
          {"network_combined.inp", n.combined_inp},
          {"network_separated.inp", n.separated_inp}};
}

}  // namespace sf::couple
