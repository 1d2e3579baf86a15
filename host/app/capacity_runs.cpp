#include "app/capacity_runs.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "common/input_error.hpp"
#include "inp/shape_keyword.hpp"
#include "network/forcing.hpp"
#include "network/network_engine.hpp"
#include "runoff/runoff_model.hpp"

namespace sf::app {
namespace {

constexpr double kMmPerHour = 1e-3 / 3600.0;  // m/s

inp::Point2 node_point(const inp::Model& model, const std::string& id) {
  const auto c = model.map.coordinates.find(id);
  return c != model.map.coordinates.end() ? c->second : inp::Point2{};
}

}  // namespace

CapacityNetwork capacity_network(const inp::Model& model) {
  // The engine's own network data: crowns and full flows after SWMM's input adjustments.
  const network::NetworkEngine eng(model, "cpu");
  const network::NetworkData& net = eng.network();
  CapacityNetwork out;
  for (int j = 0; j < net.link_count(); ++j) {
    if (net.link_kind[j] != network::LinkKind::Conduit || net.xsect[j].open ||
        net.xsect[j].y_full <= 0.0)
      continue;
    const pipe::ConduitParams& cp = net.conduit[j];
    const int n1 = net.node1[j], n2 = net.node2[j];
    assess::ConduitGeometry g;
    g.id = net.link_id[j];
    g.shape = inp::shape_keyword(net.xsect[j].shape);
    g.full_depth = net.xsect[j].y_full;
    g.length = cp.length;
    g.slope = net.conduit_slope[j];
    g.full_flow = net.link_q_full[j] * cp.barrels;
    g.crown_up = net.node_invert[n1] + cp.offset1 + g.full_depth;
    g.crown_down = net.node_invert[n2] + cp.offset2 + g.full_depth;
    g.upstream_node = net.node_id[n1];
    g.downstream_node = net.node_id[n2];
    ConduitLine line;
    line.link = j;
    // Bends are listed from the .inp's from-node; a reversed conduit runs the other way.
    const bool reversed = cp.direction < 0;
    line.points.push_back(node_point(model, reversed ? g.downstream_node : g.upstream_node));
    const auto v = model.map.vertices.find(g.id);
    if (v != model.map.vertices.end())
      line.points.insert(line.points.end(), v->second.begin(), v->second.end());
    line.points.push_back(node_point(model, reversed ? g.upstream_node : g.downstream_node));
    if (reversed) std::reverse(line.points.begin(), line.points.end());
    out.conduits.push_back(g);
    out.lines.push_back(line);
  }
  return out;
}

inp::Model with_gage_rain(const inp::Model& model, const std::vector<double>& rain_mm_per_h,
                          double step_s, double duration_s) {
  if (model.subcatchments.empty() || model.gages.empty())
    throw InputError(InputIssue{model.source, 0, "[SUBCATCHMENTS]", "",
                                "the network has no subcatchments with rain gages; a design-storm "
                                "run loads the network through its subcatchments' runoff"});
  inp::Model m = model;
  inp::TimeSeries ts;
  ts.id = "SPONGEFLOW_DESIGN_STORM";
  for (std::size_t k = 0; k < rain_mm_per_h.size(); ++k) {
    ts.t_s.push_back(k * step_s);
    ts.raw.push_back(rain_mm_per_h[k]);
  }
  ts.value = ts.raw;
  ts.use = inp::SeriesUse::Other;
  m.timeseries.push_back(ts);
  for (inp::RainGage& g : m.gages) {
    g.format = inp::RainFormat::Intensity;
    g.interval_s = step_s;
    g.series = static_cast<int>(m.timeseries.size()) - 1;
    g.intensity_to_si = kMmPerHour;
  }
  m.options.duration_s = static_cast<std::int64_t>(std::llround(duration_s));
  m.options.swmm_duration_s = m.options.duration_s;
  m.options.ignore_rainfall = false;
  return m;
}

inp::Model with_design_storm(const inp::Model& model, const rain::StormIntensityFormula& formula,
                             const rain::ChicagoParameters& storm, double duration_s) {
  std::vector<double> mm_per_h = rain::chicago_block_intensities_mm_per_min(formula, storm);
  for (double& v : mm_per_h) v *= 60.0;
  return with_gage_rain(model, mm_per_h, storm.step_s, duration_s);
}

std::vector<assess::ConduitPeaks> initial_conduit_peaks(const CapacityNetwork& net,
                                                        const network::NetworkData& nd) {
  std::vector<assess::ConduitPeaks> peaks(net.conduits.size());
  for (std::size_t c = 0; c < peaks.size(); ++c) {
    const int j = net.lines[c].link;
    peaks[c].max_head_up = nd.node_invert[nd.node1[j]];
    peaks[c].max_head_down = nd.node_invert[nd.node2[j]];
  }
  return peaks;
}

void record_conduit_step(const network::NetworkEngine& eng, const CapacityNetwork& net, double dt,
                         std::vector<assess::ConduitPeaks>& peaks) {
  const network::NetworkData& nd = eng.network();
  for (std::size_t c = 0; c < peaks.size(); ++c) {
    const int j = net.lines[c].link;
    assess::ConduitPeaks& p = peaks[c];
    const double depth = eng.link_depth(j);
    const double h1 = eng.node_head(nd.node1[j]), h2 = eng.node_head(nd.node2[j]);
    p.max_depth = std::max(p.max_depth, depth);
    p.max_head_up = std::max(p.max_head_up, h1);
    p.max_head_down = std::max(p.max_head_down, h2);
    if (assess::is_surcharged(net.conduits[c], depth, h1, h2)) p.surcharge_s += dt;
  }
}

void take_network_statistics(const network::NetworkEngine& eng, const CapacityNetwork& net,
                             CapacityRun& run) {
  const network::NetworkData& nd = eng.network();
  const network::NetworkStatistics st = eng.statistics();
  for (std::size_t c = 0; c < run.peaks.size(); ++c) {
    const int j = net.lines[c].link;
    run.peaks[c].peak_flow = std::fabs(st.link_max_flow[j]);
    run.peaks[c].upstream_flood_m3 = st.node_flood_volume[nd.node1[j]];
  }
  run.flooding_m3 = 0;
  run.flooded_nodes = 0;
  for (double v : st.node_flood_volume) {
    run.flooding_m3 += v;
    if (v > 0.0) ++run.flooded_nodes;
  }
  run.steps = st.steps;
}

CapacityRun run_design_storm(const inp::Model& model, const CapacityNetwork& net,
                             double return_period_years, const RunObserver& observer) {
  const auto t0 = std::chrono::steady_clock::now();
  CapacityRun run;
  run.return_period_years = return_period_years;
  network::NetworkEngine eng(model, "cpu");
  run.peaks = initial_conduit_peaks(net, eng.network());
  eng.start();
  if (observer.after_start) observer.after_start(eng);
  while (eng.step()) {
    if (observer.after_step) observer.after_step(eng);
    record_conduit_step(eng, net, eng.last_step(), run.peaks);
  }
  eng.finish();
  if (observer.after_finish) observer.after_finish(eng);
  take_network_statistics(eng, net, run);
  run.routing_continuity_pct = eng.mass_balance().continuity_error_pct();
  if (const runoff::RunoffModel* r = eng.forcing().runoff()) {
    run.runoff_continuity_pct = r->totals().continuity_error_pct();
    run.runoff_m3 = r->totals().runoff;
    run.rainfall_m3 = r->totals().rainfall;
  }
  run.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return run;
}

}  // namespace sf::app
