#include "app/coupled_run.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "common/input_error.hpp"
#include "couple/network_placement.hpp"
#include "couple/subcatchment_overlap.hpp"
#include "inp/reader.hpp"
#include "network/forcing.hpp"
#include "network/network_snapshot_build.hpp"
#include "runoff/runoff_model.hpp"

namespace sf::app {
namespace {

couple::InletParams<double> inlet_params(const config::InletConfig& c) {
  couple::InletParams<double> p;
  p.perimeter = c.perimeter;
  p.area = c.area;
  p.weir_coeff = c.weir_coeff;
  p.orifice_coeff = c.orifice_coeff;
  return p;
}

std::string csv_number(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.6g", v);
  return b;
}

/// The totals of `st` counted from `start` (a forecast's state): volumes, hours, start-ups and
/// steps. Maxima need no edit: the forecast window starts them from the state (forecast_window).
void since_window_start(network::NetworkStatistics& st, const network::NetworkStatistics& start) {
  auto minus = [](auto& now, const auto& then) {
    for (std::size_t k = 0; k < now.size() && k < then.size(); ++k) now[k] -= then[k];
  };
  minus(st.node_flood_volume, start.node_flood_volume);
  minus(st.node_hours_flooded, start.node_hours_flooded);
  minus(st.outfall_volume, start.outfall_volume);
  minus(st.pump_volume, start.pump_volume);
  minus(st.pump_hours_on, start.pump_hours_on);
  minus(st.pump_startups, start.pump_startups);
  st.steps -= start.steps;
}

}  // namespace

CoupledRun::CoupledRun(const config::CaseConfig& cfg, Simulation& surface, Backend backend,
                       const std::string& out_dir, const NetworkModelEdit& edit)
    : cfg_(cfg), surface_(surface), out_dir_(out_dir) {
  const config::NetworkConfig& nc = *cfg.network;
  model_ = inp::read_inp_file(nc.inp, &warnings_);
  settle_subcatchments(edit);
  // The network runs as long as the surface: its own END_DATE does not apply when coupled.
  const auto duration = std::int64_t(std::ceil(surface.setup().duration));
  if (model_.options.duration_s < duration) {
    model_.options.duration_s = duration;
    model_.options.swmm_duration_s = duration;
  }
  couple::NetworkBackendChoice where;
  try {
    where = couple::choose_network_backend(backend, int(model_.links.size()),
                                           couple::parse_network_placement(nc.backend));
  } catch (const std::invalid_argument& e) {
    throw InputError(InputIssue{cfg.file, 0, "network", "backend", e.what()});
  }
  placement_ = where.reason;
  engine_ = std::make_unique<network::NetworkEngine>(model_, where.backend);
  std::optional<std::vector<couple::CouplingPointSpec>> points;
  if (!nc.coupling.empty()) points = couple::read_coupling_csv(nc.coupling);
  const SurfaceSetup& s = surface.setup();
  couple::CouplingGrid grid{&s.grid, &s.z, &s.active};
  couple::CouplingDefaults defaults{inlet_params(nc.inlet), inlet_params(nc.manhole)};
  plan_ = couple::plan_coupling(model_, engine_->network(), grid, points, nc.coupling, nc.inp,
                                defaults);
  for (const std::string& w : plan_.warnings) warnings_.push_back(w);
  if (nc.subcatchments == "load_nodes" && !model_.subcatchments.empty())
    for (const couple::SubcatchmentOverlap& o : couple::subcatchments_on_grid(model_, grid))
      warnings_.push_back(couple::overlap_warning(o, nc.inp));
  coupler_ = std::make_unique<couple::CoupledSimulation>(surface, *engine_, plan_.links);

  const network::NetworkData& net = engine_->network();
  for (int j = 0; j < net.link_count(); ++j) {
    if (net.link_kind[j] == network::LinkKind::Pump) pumps_.push_back(j);
    if (net.link_kind[j] == network::LinkKind::Conduit) conduits_.push_back(j);
  }
  for (int i = 0; i < net.node_count(); ++i) {
    if (net.node[i].kind == pipe::NodeKind::Storage) storages_.push_back(i);
    if (net.node[i].kind == pipe::NodeKind::Outfall) outfalls_.push_back(i);
  }
  surcharged_s_.assign(std::size_t(net.link_count()), 0.0);
  snap_flood_.assign(std::size_t(net.node_count()), 0.0);

  csv_path_ = (std::filesystem::path(out_dir) / "network_timeseries.csv").string();
}

CoupledRun::~CoupledRun() = default;

void CoupledRun::settle_subcatchments(const NetworkModelEdit& edit) {
  const config::NetworkConfig& nc = *cfg_.network;
  const std::size_t n = model_.subcatchments.size();
  if (n > 0 && nc.subcatchments == "ignore") {
    // Without subcatchments the network builds no runoff process (network/forcing.cpp).
    model_.subcatchments.clear();
    model_.subcatchment_index.clear();
    model_.lid_usages.clear();
    warnings_.push_back(nc.inp + ": its " + std::to_string(n) +
                        " subcatchments are left out ([network] subcatchments = \"ignore\"): the "
                        "grid takes the case's rain; set subcatchments = \"load_nodes\" for "
                        "areas outside the DEM (docs/coupling.md)");
  }
  if (edit) edit(model_);
  if (nc.subcatchments == "load_nodes" && n > 0 && !edit)
    warnings_.push_back(nc.inp + ": its " + std::to_string(n) +
                        " subcatchments take the rain of the .inp's gages, not the case's rain "
                        "on the grid (docs/coupling.md, Subcatchments)");
}

void CoupledRun::start_outputs() {
  if (cfg_.network_vtk) vtp_ = std::make_unique<viz::NetworkVtpSeriesWriter>(out_dir_, "network");
  write_header();
  sample_balance_ = coupler_->balance();
  write_sample(0.0);
}

void CoupledRun::write_header() {
  const network::NetworkData& net = engine_->network();
  csv_.open(csv_path_);
  if (!csv_) throw std::runtime_error("cannot write " + csv_path_);
  csv_ << "time_s,rain_mm_per_h,inlet_capture_m3s,surcharge_m3s,outfall_total_m3s";
  for (int j : pumps_) csv_ << ",pump_flow:" << net.link_id[j] << ",pump_on:" << net.link_id[j];
  for (int i : storages_) csv_ << ",depth:" << net.node_id[i];
  for (int i : outfalls_) csv_ << ",outfall_flow:" << net.node_id[i];
  csv_ << "\n";
}

RunHooks CoupledRun::hooks() {
  RunHooks h;
  h.step = [this](double t_limit) { return coupler_->step(t_limit); };
  h.on_output = [this](int index, double t) { write_snapshot(index, t); };
  h.on_sample = [this](double t) { write_sample(t); };
  return h;
}

std::vector<std::string> CoupledRun::outputs() const {
  std::vector<std::string> out;
  if (vtp_) out.push_back("network.pvd");
  out.push_back("network_timeseries.csv");
  return out;
}

void CoupledRun::write_snapshot(int index, double t) {
  if (!vtp_) return;
  // Overflow rate per node since the last snapshot; coupled nodes hand it to the surface.
  const network::NetworkStatistics st = engine_->statistics();
  std::vector<double> rate(st.node_flood_volume.size(), 0.0);
  const double span = t - snap_t_;
  for (std::size_t i = 0; i < rate.size(); ++i) {
    if (span > 0) rate[i] = (st.node_flood_volume[i] - snap_flood_[i]) / span;
    snap_flood_[i] = st.node_flood_volume[i];
  }
  snap_t_ = t;
  vtp_->write(network::make_network_snapshot(*engine_, model_, index, t, rate));
}

void CoupledRun::write_sample(double t) {
  const network::NetworkData& net = engine_->network();
  const couple::CoupledBalance b = coupler_->balance();
  const double span = t - sample_t_;
  auto rate = [&](double now, double before) { return span > 0 ? (now - before) / span : 0.0; };
  const double area = surface_.active_area();
  csv_ << csv_number(t) << ','
       << csv_number(area > 0 ? rate(b.rain, sample_balance_.rain) / area * 3.6e6 : 0.0) << ','
       << csv_number(rate(b.surface_to_network, sample_balance_.surface_to_network)) << ','
       << csv_number(rate(b.network_to_surface, sample_balance_.network_to_surface)) << ','
       << csv_number(rate(b.outfall_outflow + b.outfall_to_surface,
                          sample_balance_.outfall_outflow + sample_balance_.outfall_to_surface));
  for (int j : pumps_) {
    const double q = engine_->link_flow(j);
    csv_ << ',' << csv_number(q) << ',' << (engine_->link_setting(j) > 0 && q != 0.0 ? 1 : 0);
  }
  for (int i : storages_) csv_ << ',' << csv_number(engine_->node_depth(i));
  for (int i : outfalls_) csv_ << ',' << csv_number(engine_->node_inflow(i));
  csv_ << '\n' << std::flush;
  // Surcharge time: conduits flowing full at this sample count for the whole interval.
  for (int j : conduits_)
    if (net.xsect[j].y_full > 0 && engine_->link_depth(j) >= 0.999 * net.xsect[j].y_full)
      surcharged_s_[std::size_t(j)] += span;
  sample_t_ = t;
  sample_balance_ = b;
}

void CoupledRun::add_exchange(VolumeBalance& surface) {
  const couple::CoupledBalance b = coupler_->balance();
  surface.network_inflow = b.surface_received + b.outfall_received;
  surface.network_outflow = b.surface_to_network;
}

io::NetworkReport CoupledRun::report() {
  const network::NetworkData& net = engine_->network();
  network::NetworkStatistics st = engine_->statistics();
  if (window_start_) since_window_start(st, *window_start_);
  const couple::CoupledBalance b = coupler_->balance();
  io::NetworkReport r;
  r.inp_file = cfg_.network->inp;
  r.backend = engine_->backend_name();
  r.nodes = net.node_count();
  r.links = net.link_count();
  r.coupled_points = int(plan_.links.size());
  r.steps = st.steps;
  r.balance_m3 = {{"surface_initial", b.surface_initial},
                  {"network_initial", b.network_initial},
                  {"rain", b.rain},
                  {"boundary_inflow", b.boundary_inflow},
                  {"source_inflow", b.source_inflow},
                  {"network_inflow", b.network_inflow},
                  {"boundary_outflow", b.boundary_outflow},
                  {"sink_outflow", b.source_outflow},
                  {"infiltration", b.infiltration},
                  {"surface_depth_clamp", b.surface_clamp},
                  {"lid_losses", b.other_surface_losses},
                  {"outfall_outflow", b.outfall_outflow},
                  {"flooding_lost", b.network_flood_lost},
                  {"surface_final", b.surface_final},
                  {"network_final", b.network_final},
                  {"surface_to_network", b.surface_to_network},
                  {"network_to_surface", b.network_to_surface},
                  {"outfall_to_surface", b.outfall_to_surface}};
  r.continuity_error_pct = b.continuity_error_pct();
  if (const runoff::RunoffModel* ro = engine_->forcing().runoff()) {
    // Subcatchment runoff enters the nodes inside network_inflow (the routing ledger books it
    // as external inflow); this line says how much of it the runoff process produced.
    const runoff::RunoffTotals t = ro->totals();
    r.balance_m3.push_back({"subcatchment_runoff", t.runoff + t.lid_drainage});
    r.runoff_continuity = t.summary_rows();
  }
  network::MassBalance m = engine_->mass_balance();
  m.final_storage = engine_->storage_volume();
  r.network_continuity_error_pct = m.continuity_error_pct();
  for (int j : pumps_)
    r.pumps.push_back({net.link_id[j],
                       {{"volume_m3", st.pump_volume[j]},
                        {"hours_on", st.pump_hours_on[j]},
                        {"startups", double(st.pump_startups[j])},
                        {"max_flow_m3s", st.link_max_flow[j]},
                        {"energy_kwh", st.pump_energy_kwh[j]},
                        {"pct_time_off_curve_low", st.pump_pct_off_curve_low[j]},
                        {"pct_time_off_curve_high", st.pump_pct_off_curve_high[j]}}});
  for (int i : outfalls_)
    r.outfalls.push_back(
        {net.node_id[i],
         {{"volume_m3", st.outfall_volume[i]}, {"max_inflow_m3s", st.node_max_inflow[i]}}});
  for (int i = 0; i < net.node_count(); ++i)
    if (st.node_flood_volume[i] > 0)
      r.flooded_nodes.push_back({net.node_id[i],
                                 {{"volume_m3", st.node_flood_volume[i]},
                                  {"hours_flooded", st.node_hours_flooded[i]},
                                  {"max_depth_m", st.node_max_depth[i]}}});
  for (int j : conduits_)
    if (surcharged_s_[std::size_t(j)] > 0)
      r.surcharged_conduits.push_back({net.link_id[j],
                                       {{"hours_full", surcharged_s_[std::size_t(j)] / 3600.0},
                                        {"max_flow_m3s", st.link_max_flow[j]}}});
  return r;
}

std::string coupled_table_text(const io::NetworkReport& n, double area_m2) {
  static const std::pair<const char*, const char*> kRows[] = {
      {"surface_initial", "Initial surface volume .........."},
      {"network_initial", "Initial network volume .........."},
      {"rain", "Rainfall ........................"},
      {"boundary_inflow", "Boundary inflow ................."},
      {"source_inflow", "Source inflow ..................."},
      {"network_inflow", "Network inflow (DWF, ext., runoff)"},
      {"surface_depth_clamp", "Depth clamp (added) ............."},
      {"boundary_outflow", "Boundary outflow ................"},
      {"sink_outflow", "Sink outflow ...................."},
      {"infiltration", "Infiltration loss ..............."},
      {"lid_losses", "LID underdrain, evap., storage .."},
      {"outfall_outflow", "Outflow of uncoupled outfalls ..."},
      {"flooding_lost", "Flooding of uncoupled nodes ....."},
      {"surface_final", "Final surface volume ............"},
      {"network_final", "Final network volume ............"},
      {"surface_to_network", "  surface -> network (inlets) ..."},
      {"network_to_surface", "  network -> surface (overflow) ."},
      {"outfall_to_surface", "  outfalls onto the surface ....."},
      {"subcatchment_runoff", "  subcatchment runoff to nodes .."}};
  std::string s;
  auto value = [&](const char* key) {
    for (const auto& [name, v] : n.balance_m3)
      if (name == key) return v;
    return 0.0;
  };
  auto row = [&](const char* label, double v, bool percent = false) {
    s += balance_table_row(label, v, area_m2, 34, percent);
  };
  s += "  Coupled System Continuity                Volume (m3)   Depth (mm)\n";
  s += "  ---------------------------------------------------------------------\n";
  auto has = [&](const char* key) {
    for (const auto& entry : n.balance_m3)
      if (entry.first == key) return true;
    return false;
  };
  for (const auto& [key, label] : kRows) {
    if (std::string(key) == "subcatchment_runoff" && !has(key)) continue;
    if (std::string(key) == "surface_to_network") {
      row("Continuity error (%) ............", n.continuity_error_pct, true);
      s += "  Exchanged inside the system:\n";
    }
    row(label, value(key));
  }
  row("Pipe network alone (SWMM ledger) .", n.network_continuity_error_pct, true);
  if (!n.runoff_continuity.empty()) {
    // SWMM's runoff continuity of the subcatchments, depths over their own area
    static const std::pair<const char*, const char*> kRunoff[] = {
        {"initial_storage_m3", "Initial subcatchment storage ...."},
        {"total_precipitation_m3", "Rainfall on subcatchments ......."},
        {"evaporation_loss_m3", "Evaporation loss ................"},
        {"infiltration_loss_m3", "Infiltration loss ..............."},
        {"surface_runoff_m3", "Surface runoff .................."},
        {"lid_drainage_m3", "LID drainage ...................."},
        {"final_storage_m3", "Final subcatchment storage ......"}};
    auto runoff_value = [&](const std::string& key) {
      for (const auto& [name, v] : n.runoff_continuity)
        if (name == key) return v;
      return 0.0;
    };
    const double area = runoff_value("subcatchment_area_m2");
    s += "\n  Subcatchment Runoff Continuity           Volume (m3)   Depth (mm)\n";
    s += "  ---------------------------------------------------------------------\n";
    for (const auto& [key, label] : kRunoff)
      s += balance_table_row(label, runoff_value(key), area, 34, false);
    s += balance_table_row("Continuity error (%) ............",
                           runoff_value("continuity_error_pct"), area, 34, true);
  }
  return s;
}

}  // namespace sf::app
