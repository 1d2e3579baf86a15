// Host side of the engine: time stepping (SWMM's fixed or Courant-limited step), forcing,
// controls and the mass-balance ledger around the backend's routing kernels.
#include "network/network_engine.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "common/backend_choice.hpp"
#include "common/input_error.hpp"
#include "network/controls.hpp"
#include "network/engine_backend.hpp"
#include "network/forcing.hpp"
#include "routing/quality_kernels.hpp"

namespace sf::network {

double MassBalance::continuity_error_pct() const {
  const double in = dry_weather_inflow + external_inflow + surface_inflow + initial_storage;
  const double out = external_outflow + flooding + final_storage;
  if (in <= 0.0) return 0.0;
  return 100.0 * (1.0 - out / in);
}

double QualityBalance::continuity_error_pct() const {
  const double in = dry_weather_inflow + external_inflow + initial_storage;
  const double out = outflow + flooding + reacted + final_storage;
  if (in <= 0.0) return 0.0;
  return 100.0 * (1.0 - out / in);
}

NetworkEngine::NetworkEngine(const inp::Model& model, const std::string& backend)
    : model_(model), net_(build_network(model)) {
  if (parse_backend(backend) == Backend::kCpu) {
    backend_ = make_omp_backend();
  } else {
    backend_ = make_cuda_backend();
    if (!backend_) throw std::runtime_error("the CUDA backend was not built into this program");
  }
  forcing_ = std::make_unique<Forcing>(model);
  rules_ = std::make_unique<RuleSet>(model, *forcing_);
  backend_->upload_network(net_);
}

NetworkEngine::~NetworkEngine() = default;

std::string NetworkEngine::backend_name() const {
  return backend_->name();
}

/// Initial depths, flows and volumes (SWMM flowrout_init: initNodeDepths, initLinkDepths,
/// initNodes, initLinks).
void NetworkEngine::initial_state() {
  const int nn = net_.node_count(), nl = net_.link_count();
  const auto t = net_.tables.view();
  InitialState s;
  s.node_depth = net_.node_init_depth;
  s.link_flow.assign(nl, 0.0);
  s.link_q1.assign(nl, 0.0);
  s.link_depth.assign(nl, 0.0);
  s.link_volume.assign(nl, 0.0);
  s.link_area.assign(nl, 0.0);
  s.link_setting = net_.link_init_setting;
  for (int j = 0; j < nl; ++j) {
    if (net_.link_kind[j] != LinkKind::Conduit) continue;
    s.link_flow[j] = net_.link_init_flow[j];
    const double b = net_.conduit[j].barrels;
    s.link_depth[j] =
        pipe::normal_depth(net_.xsect[j], t, net_.conduit[j].beta, net_.link_init_flow[j] / b);
  }
  // nodes without an initial depth take the mean depth of their links (SWMM uses offset1)
  std::vector<double> sum(nn, 0.0), cnt(nn, 0.0);
  for (int j = 0; j < nl; ++j) {
    const double y =
        s.link_depth[j] > pipe::kFudge ? s.link_depth[j] + net_.conduit[j].offset1 : 0.0;
    sum[net_.node1[j]] += y;
    cnt[net_.node1[j]] += 1.0;
    sum[net_.node2[j]] += y;
    cnt[net_.node2[j]] += 1.0;
  }
  for (int i = 0; i < nn; ++i) {
    const auto k = net_.node[i].kind;
    if (k == pipe::NodeKind::Outfall || k == pipe::NodeKind::Storage) continue;
    if (net_.node_init_depth[i] > 0.0) continue;
    if (cnt[i] > 0.0) s.node_depth[i] = sum[i] / cnt[i];
  }
  // outfall depths from their link's initial flow
  std::vector<double> stage;
  forcing_->outfall_stages(0.0, net_, stage);
  for (int j = 0; j < nl; ++j) {
    int n = -1;
    double z = 0.0;
    if (net_.node[net_.node2[j]].kind == pipe::NodeKind::Outfall) {
      n = net_.node2[j];
      z = net_.conduit[j].offset2;
    } else if (net_.node[net_.node1[j]].kind == pipe::NodeKind::Outfall) {
      n = net_.node1[j];
      z = net_.conduit[j].offset1;
    }
    if (n < 0) continue;
    double yn = 0.0, yc = 0.0;
    if (net_.link_kind[j] == LinkKind::Conduit && !net_.is_dummy[j]) {
      const double q = std::fabs(s.link_flow[j] / net_.conduit[j].barrels);
      yn = pipe::normal_depth(net_.xsect[j], t, net_.conduit[j].beta, q);
      yc = pipe::critical_depth(net_.xsect[j], t, q);
    }
    const OutfallSpec& o = net_.outfall[net_.node_outfall[n]];
    s.node_depth[n] = pipe::outfall_depth(o.kind, net_.node_invert[n], yn, yc, z, stage[n]);
  }
  for (int j = 0; j < nl; ++j) {
    if (net_.link_kind[j] != LinkKind::Conduit) continue;
    if (net_.link_init_flow[j] == 0.0) {
      const double yf = net_.xsect[j].y_full;
      const double y1 = std::clamp(s.node_depth[net_.node1[j]] - net_.conduit[j].offset1, 0.0, yf);
      const double y2 = std::clamp(s.node_depth[net_.node2[j]] - net_.conduit[j].offset2, 0.0, yf);
      s.link_depth[j] = std::max(0.5 * (y1 + y2), pipe::kFudge);
    }
    const double b = net_.conduit[j].barrels;
    s.link_q1[j] = s.link_flow[j] / b;
    s.link_area[j] = pipe::area_of_depth(net_.xsect[j], t, s.link_depth[j]);
    s.link_volume[j] = s.link_area[j] * net_.conduit[j].length * b;
  }
  // The nodes' inflow and outflow are the links' initial flows (SWMM initNodes), so the first
  // step's old net inflow, the first half of its trapezoid, is theirs and not zero.
  s.node_inflow.assign(nn, 0.0);
  s.node_outflow.assign(nn, 0.0);
  for (int j = 0; j < nl; ++j) {
    const double q = s.link_flow[j];
    if (q >= 0.0) {
      s.node_outflow[net_.node1[j]] += q;
      s.node_inflow[net_.node2[j]] += q;
    } else {
      s.node_inflow[net_.node1[j]] -= q;
      s.node_outflow[net_.node2[j]] -= q;
    }
  }
  s.node_volume.assign(nn, 0.0);
  for (int i = 0; i < nn; ++i) {
    const pipe::NodeParams& p = net_.node[i];
    if (net_.allow_ponding && p.ponded_area > 0.0 && s.node_depth[i] > p.full_depth)
      s.node_volume[i] = p.full_volume + (s.node_depth[i] - p.full_depth) * p.ponded_area;
    else
      s.node_volume[i] = pipe::node_volume(p, net_.curve_view(net_.node_curve[i]), s.node_depth[i]);
  }
  // Wet nodes and links start at Cinit (SWMM qualrout_init).
  const std::size_t np = std::size_t(net_.pollutant_count());
  qledger_ = QualityLedger{};
  for (auto* v : {&qledger_.dwf, &qledger_.external, &qledger_.initial, &qledger_.prev_dwf,
                  &qledger_.prev_ext})
    v->assign(np, 0.0);
  s.node_quality.assign(std::size_t(nn) * np, 0.0);
  s.link_quality.assign(std::size_t(nl) * np, 0.0);
  for (std::size_t p = 0; p < np; ++p) {
    const double c0 = net_.pollutant_init[p];
    for (int i = 0; i < nn; ++i) {
      if (s.node_depth[i] <= kQualZeroDepth) continue;
      s.node_quality[i * np + p] = c0;
      qledger_.initial[p] += c0 * s.node_volume[i];
    }
    for (int j = 0; j < nl; ++j) {
      if (s.link_depth[j] <= kQualZeroDepth) continue;
      s.link_quality[j * np + p] = c0;
      qledger_.initial[p] += c0 * s.link_volume[j];
    }
  }
  settings_ = s.link_setting;
  backend_->upload_state(s);
  double v = 0.0;
  for (double x : s.node_volume) v += x;
  for (double x : s.link_volume) v += x;
  ledger_.initial_storage = v;
}

void NetworkEngine::start() {
  initial_state();
  t_ = 0.0;
  variable_step_ = 0.0;
  rule_time_ = 0.0;
  lat_.assign(net_.node_count(), 0.0);
  backend_->set_lateral_inflows(lat_);
  started_ = true;
  need_state_for_controls_ = !rules_->empty();
  for (int j = 0; j < net_.link_count(); ++j)
    if (net_.link_kind[j] == LinkKind::Pump &&
        (net_.regulator[j].pump.startup_depth > 0.0 || net_.regulator[j].pump.shutoff_depth > 0.0))
      need_state_for_controls_ = true;
  backend_->mirror_control_state(need_state_for_controls_);
  cache_valid_ = false;
}

double NetworkEngine::next_step_length() {
  const double fixed = net_.routing_step;
  double dt = fixed;
  if (net_.courant_factor > 0.0 && fixed >= 0.001) {
    if (variable_step_ == 0.0)
      variable_step_ = net_.min_step;
    else
      variable_step_ = std::max(backend_->stable_step(fixed, net_.courant_factor), net_.min_step);
    variable_step_ = std::floor(1000.0 * variable_step_) / 1000.0;
    dt = variable_step_;
  }
  // With a RULE_STEP the step lands on the next rule time (SWMM routing_getRoutingStep).
  if (net_.rule_step > 0.0 && t_ + dt >= rule_time_ + net_.rule_step)
    dt = rule_time_ + net_.rule_step - t_;
  if (t_ + dt > net_.duration) dt = std::max(net_.duration - t_, 0.001);
  return dt;
}

namespace {
/// Name of the rule whose action set link j last (empty: a pump's own start/stop depths).
std::string rule_that_set(const std::vector<RuleAction>& fired, int j) {
  for (auto a = fired.rbegin(); a != fired.rend(); ++a)
    if (a->link == j) return a->rule;
  return {};
}
}  // namespace

/// Pump start/stop depths, then control rules, then settings that changed (SWMM
/// evaluateControlRules). Orifices move toward their target at their opening rate.
void NetworkEngine::apply_controls(double dt) {
  if (!need_state_for_controls_) return;
  refresh_cache();
  std::vector<double>& target = control_target_;
  target.assign(settings_.begin(), settings_.end());
  for (int j = 0; j < net_.link_count(); ++j) {
    if (net_.link_kind[j] != LinkKind::Pump) continue;
    const pipe::PumpParams& p = net_.regulator[j].pump;
    const double y = c_depth_[net_.node1[j]];
    if (p.shutoff_depth > 0.0 && settings_[j] > 0.0 && y < p.shutoff_depth) target[j] = 0.0;
    if (p.startup_depth > 0.0 && settings_[j] == 0.0 && y > p.startup_depth) target[j] = 1.0;
  }
  std::vector<RuleAction> fired;  // the rules' actions, in order (empty unless rules are due)
  // pump start/stop depths act every step; rules only when a RULE_STEP interval is due (to the
  // millisecond, as SWMM compares its clocks)
  const bool rules_due = net_.rule_step <= 0.0 || std::fabs(t_ - rule_time_) < 1e-3;
  if (!rules_->empty() && rules_due) {
    std::vector<double>& full = rule_full_depth_;
    if (full.empty())
      for (const auto& p : net_.node) full.push_back(p.full_depth);
    RuleInputs in;
    in.t = t_;
    in.cal = forcing_->calendar(t_);
    in.node_depth = &c_depth_;
    in.node_volume = &c_volume_;
    in.node_lateral_inflow = &lat_;  // the last step's, as SWMM's rules read it
    std::vector<double>& flow_inp = rule_link_flow_;
    flow_inp.assign(c_flow_.begin(), c_flow_.end());
    for (int j = 0; j < net_.link_count(); ++j) flow_inp[j] *= net_.conduit[j].direction;
    in.link_flow = &flow_inp;
    in.link_depth = &c_ldepth_;
    in.link_setting = &settings_;
    in.node_invert = &net_.node_invert;
    in.node_full_depth = &full;
    in.target_setting = &target;
    in.net = &net_;
    in.dt = dt;
    fired = rules_->evaluate(in);
    for (const RuleAction& a : fired) target[a.link] = a.setting;
  }
  bool changed = false, reg_changed = false;
  for (int j = 0; j < net_.link_count(); ++j) {
    if (target[j] == settings_[j]) continue;
    double s = target[j];
    if (net_.link_kind[j] == LinkKind::Orifice) {
      const double rate = net_.regulator[j].orifice.open_rate;
      if (rate > 0.0) {
        const double delta = target[j] - settings_[j];
        const double stepv = dt / rate;
        s = (stepv + 0.001 >= std::fabs(delta)) ? target[j]
                                                : settings_[j] + (delta > 0 ? stepv : -stepv);
      }
    }
    // SWMM (routing.c) stamps a switch between closed and open with the step's start
    if (target[j] * settings_[j] == 0.0) rules_->note_switch(j, t_);
    settings_[j] = s;
    changed = true;
    if (net_.link_kind[j] == LinkKind::Orifice || net_.link_kind[j] == LinkKind::Weir) {
      update_regulator_coefficients(net_, j, s);
      reg_changed = true;
    }
    actions_.push_back({t_, j, s, rule_that_set(fired, j)});
  }
  if (changed) backend_->set_link_settings(settings_);
  if (reg_changed) backend_->set_regulators(net_.regulator);
}

bool NetworkEngine::step() {
  return advance(std::numeric_limits<double>::infinity());
}

bool NetworkEngine::step_until(double t) {
  // A remainder below a microsecond counts as arrived: the surface clock and this one add
  // different step lengths, so they meet only to round-off.
  while (t - t_ > 1e-6) {
    if (!advance(t)) return false;
  }
  return true;
}

void NetworkEngine::set_coupled_nodes(const std::vector<int>& nodes) {
  if (started_) throw std::logic_error("set_coupled_nodes must be called before start()");
  for (int i : nodes) {
    if (i < 0 || i >= net_.node_count()) throw std::out_of_range("coupled node out of range");
    net_.node[i].ponded_area = 0.0;  // no ponding: overflow is handed to the surface
  }
  backend_->upload_network(net_);
  backend_->enable_coupling();
  coupled_ = true;
}

CouplingArrays NetworkEngine::coupling_arrays() {
  if (!coupled_) throw std::logic_error("coupling_arrays: call set_coupled_nodes first");
  return backend_->coupling_arrays();
}

/// One step, cut short so as not to pass t_limit (s).
bool NetworkEngine::advance(double t_limit) {
  if (done()) return false;
  double dt = next_step_length();
  // Land on the limit; a sliver step below a thousandth of dt is merged into this one.
  if (t_ + dt * 1.001 >= t_limit) dt = t_limit - t_;
  // ledger: previous rates over the first half of this step (SWMM massbal_updateRoutingTotals)
  ledger_.external_inflow += prev_ext_ * dt / 2.0;
  ledger_.dry_weather_inflow += prev_dwf_ * dt / 2.0;
  ledger_.external_outflow += prev_out_ * dt / 2.0;
  ledger_.flooding += prev_flood_ * dt / 2.0;
  apply_controls(dt);
  double ext = 0.0, dwf = 0.0, withdrawn = 0.0;
  forcing_->lateral_inflows(t_, lat_, &ext, &dwf, &withdrawn);
  backend_->set_lateral_inflows(lat_);  // a coupler's inflow is added on the device
  book_quality_inflows(t_, dt);
  if (!net_.outfall.empty()) {
    forcing_->outfall_stages(t_ + dt, net_, stage_);
    backend_->set_outfall_stages(stage_);
  }
  const TrialReport rep = backend_->route(dt, net_.max_trials);
  prev_ext_ = ext + rep.outflow.backflow;
  prev_dwf_ = dwf;
  prev_out_ = rep.outflow.outfall + withdrawn;
  prev_flood_ = rep.outflow.flooding;
  // a coupler's inflow is a constant rate over the step (node continuity integrates it so)
  ledger_.surface_inflow += rep.outflow.coupled * dt;
  ledger_.external_inflow += prev_ext_ * dt / 2.0;
  ledger_.dry_weather_inflow += prev_dwf_ * dt / 2.0;
  ledger_.external_outflow += prev_out_ * dt / 2.0;
  ledger_.flooding += prev_flood_ * dt / 2.0;
  t_ += dt;
  last_dt_ = dt;
  if (net_.rule_step > 0.0 && std::fabs(t_ - (rule_time_ + net_.rule_step)) < 1e-3)
    rule_time_ += net_.rule_step;
  ++steps_;
  trials_ += rep.trials;
  if (!rep.converged) ++unconverged_;
  min_dt_ = std::min(min_dt_, dt);
  max_dt_ = std::max(max_dt_, dt);
  cache_valid_ = false;
  if (need_state_for_controls_) take_mirrored_state();
  return true;
}

/// Sends this step's lateral pollutant loads to the backend and books them in the quality
/// ledger as the flow ledger books inflows: half of the last step's rate and half of this one's.
void NetworkEngine::book_quality_inflows(double t, double dt) {
  if (net_.pollutant_count() == 0) return;
  forcing_->lateral_loads(t, loads_, step_dwf_load_, step_ext_load_);
  backend_->set_lateral_loads(loads_);
  QualityLedger& q = qledger_;
  for (std::size_t p = 0; p < q.dwf.size(); ++p) {
    q.dwf[p] += 0.5 * (q.prev_dwf[p] + step_dwf_load_[p]) * dt;
    q.external[p] += 0.5 * (q.prev_ext[p] + step_ext_load_[p]) * dt;
    q.prev_dwf[p] = step_dwf_load_[p];
    q.prev_ext[p] = step_ext_load_[p];
  }
}

std::vector<QualityBalance> NetworkEngine::quality_balance() const {
  const std::size_t np = std::size_t(net_.pollutant_count());
  std::vector<QualityBalance> out(np);
  if (np == 0) return out;
  std::vector<double> nv, lv, nc, lc, a;
  backend_->read(Field::NodeVolume, nv);
  backend_->read(Field::LinkVolume, lv);
  backend_->read(Field::NodeQuality, nc);
  backend_->read(Field::LinkQuality, lc);
  auto sum_into = [&](Field f, double QualityBalance::*member) {
    backend_->read(f, a);
    for (std::size_t k = 0; k < a.size(); ++k) out[k % np].*member += a[k];
  };
  sum_into(Field::NodeOutMass, &QualityBalance::outflow);
  sum_into(Field::NodeFloodMass, &QualityBalance::flooding);
  sum_into(Field::NodeReactedMass, &QualityBalance::reacted);
  sum_into(Field::LinkReactedMass, &QualityBalance::reacted);
  sum_into(Field::NodeDroppedMass, &QualityBalance::final_storage);
  sum_into(Field::LinkDroppedMass, &QualityBalance::final_storage);
  for (std::size_t p = 0; p < np; ++p) {
    QualityBalance& b = out[p];
    for (std::size_t i = 0; i < nv.size(); ++i) b.final_storage += nv[i] * nc[i * np + p];
    for (std::size_t j = 0; j < lv.size(); ++j) b.final_storage += lv[j] * lc[j * np + p];
    b.dry_weather_inflow = qledger_.dwf[p];
    b.external_inflow = qledger_.external[p];
    b.initial_storage = qledger_.initial[p];
    const inp::Pollutant& pol = model_.pollutants[p];
    b.pollutant = pol.id;
    b.units = pol.units;
    const double f = inp::load_per_concentration_volume(pol.units);
    for (double* x : {&b.dry_weather_inflow, &b.external_inflow, &b.initial_storage, &b.outflow,
                      &b.flooding, &b.reacted, &b.final_storage})
      *x *= f;
  }
  return out;
}

std::vector<double> NetworkEngine::outfall_loads() const {
  std::vector<double> w;
  backend_->read(Field::OutfallLoad, w);
  const std::size_t np = std::size_t(net_.pollutant_count());
  for (std::size_t k = 0; k < w.size(); ++k)
    w[k] *= inp::load_per_concentration_volume(model_.pollutants[k % np].units);
  return w;
}

double NetworkEngine::node_concentration(int i, int p) const {
  std::vector<double> c;
  backend_->read(Field::NodeQuality, c);
  return c.at(std::size_t(i) * std::size_t(net_.pollutant_count()) + std::size_t(p));
}

double NetworkEngine::link_concentration(int j, int p) const {
  std::vector<double> c;
  backend_->read(Field::LinkQuality, c);
  return c.at(std::size_t(j) * std::size_t(net_.pollutant_count()) + std::size_t(p));
}

double NetworkEngine::stored_volume() const {
  std::vector<double> nv, lv;
  backend_->read(Field::NodeVolume, nv);
  backend_->read(Field::LinkVolume, lv);
  double v = 0.0;
  for (double x : nv) v += x;
  for (double x : lv) v += x;
  return v;
}

void NetworkEngine::finish() {
  ledger_.final_storage = stored_volume();
}

void NetworkEngine::refresh_cache() const {
  if (cache_valid_) return;
  backend_->read(Field::NodeDepth, c_depth_);
  backend_->read(Field::NodeVolume, c_volume_);
  backend_->read(Field::NodeInflow, c_inflow_);
  backend_->read(Field::LinkFlow, c_flow_);
  backend_->read(Field::LinkDepth, c_ldepth_);
  backend_->read(Field::LinkSetting, c_setting_);
  cache_valid_ = true;
}

/// The state route() brought back with its report: the next step's controls read it from here.
void NetworkEngine::take_mirrored_state() {
  // the scratch gets the previous step's vectors back, so the next read reuses their memory
  ControlState& s = mirror_scratch_;
  backend_->read_control_state(s);
  c_depth_.swap(s.node_depth);
  c_volume_.swap(s.node_volume);
  c_inflow_.swap(s.node_inflow);
  c_flow_.swap(s.link_flow);
  c_ldepth_.swap(s.link_depth);
  c_setting_.swap(s.link_setting);
  cache_valid_ = true;
}

int NetworkEngine::node_index(const std::string& id) const {
  return model_.find_node(id);
}
int NetworkEngine::link_index(const std::string& id) const {
  return model_.find_link(id);
}
double NetworkEngine::node_depth(int i) const {
  return refresh_cache(), c_depth_[i];
}
double NetworkEngine::node_head(int i) const {
  return node_depth(i) + net_.node_invert[i];
}
double NetworkEngine::node_volume(int i) const {
  return refresh_cache(), c_volume_[i];
}
double NetworkEngine::node_inflow(int i) const {
  return refresh_cache(), c_inflow_[i];
}
double NetworkEngine::link_flow(int j) const {
  return refresh_cache(), c_flow_[j] * net_.conduit[j].direction;
}
double NetworkEngine::link_depth(int j) const {
  return refresh_cache(), c_ldepth_[j];
}
double NetworkEngine::link_setting(int j) const {
  return refresh_cache(), c_setting_[j];
}
double NetworkEngine::link_velocity(int j) const {
  refresh_cache();
  if (net_.link_kind[j] != LinkKind::Conduit || c_ldepth_[j] <= 0.01 * pipe::kFtToM) return 0.0;
  const double a = pipe::area_of_depth(net_.xsect[j], net_.tables.view(), c_ldepth_[j]);
  return a > pipe::kFudgeArea ? link_flow(j) / net_.conduit[j].barrels / a : 0.0;
}

void NetworkEngine::interpolated_state(double t, std::vector<double>& depth,
                                       std::vector<double>& flow) const {
  std::vector<double> d0, d1, q0, q1;
  backend_->read(Field::NodeDepthOld, d0);
  backend_->read(Field::NodeDepth, d1);
  backend_->read(Field::LinkFlowOld, q0);
  backend_->read(Field::LinkFlow, q1);
  const double f = last_dt_ > 0.0 ? std::clamp((t - (t_ - last_dt_)) / last_dt_, 0.0, 1.0) : 1.0;
  depth.resize(d1.size());
  for (size_t i = 0; i < d1.size(); ++i) depth[i] = (1.0 - f) * d0[i] + f * d1[i];
  flow.resize(q1.size());
  for (size_t j = 0; j < q1.size(); ++j) {
    double q = (1.0 - f) * q0[j] + f * q1[j];
    if (net_.link_kind[j] == LinkKind::Pump && q0[j] * q1[j] == 0.0) q = f >= 0.5 ? q1[j] : q0[j];
    flow[j] = q * net_.conduit[j].direction;
  }
}

void NetworkEngine::read_pump_summary(NetworkStatistics& s) const {
  std::vector<double> sum, periods, off_low, off_high, time_on;
  backend_->read(Field::LinkPumpMinFlow, s.pump_min_flow);
  backend_->read(Field::LinkPumpFlowSum, sum);
  backend_->read(Field::LinkPumpPeriods, periods);
  backend_->read(Field::LinkPumpOffLow, off_low);
  backend_->read(Field::LinkPumpOffHigh, off_high);
  backend_->read(Field::LinkPumpEnergy, s.pump_energy_kwh);
  backend_->read(Field::LinkTimeOn, time_on);
  const std::size_t nl = time_on.size();
  s.pump_pct_utilized.assign(nl, 0.0);
  s.pump_avg_flow.assign(nl, 0.0);
  s.pump_pct_off_curve_low.assign(nl, 0.0);
  s.pump_pct_off_curve_high.assign(nl, 0.0);
  for (std::size_t j = 0; j < nl; ++j) {
    if (t_ > 0.0) s.pump_pct_utilized[j] = 100.0 * time_on[j] / t_;
    if (periods[j] > 0.0) s.pump_avg_flow[j] = sum[j] / periods[j];
    if (time_on[j] > 0.0) {
      s.pump_pct_off_curve_low[j] = 100.0 * off_low[j] / time_on[j];
      s.pump_pct_off_curve_high[j] = 100.0 * off_high[j] / time_on[j];
    }
  }
}

NetworkStatistics NetworkEngine::statistics() const {
  NetworkStatistics s;
  backend_->read(Field::NodeMaxDepth, s.node_max_depth);
  backend_->read(Field::NodeFloodVolume, s.node_flood_volume);
  backend_->read(Field::NodeTimeFlooded, s.node_hours_flooded);
  for (double& h : s.node_hours_flooded) h /= 3600.0;
  backend_->read(Field::NodeMaxInflow, s.node_max_inflow);
  backend_->read(Field::NodeOutfallVolume, s.outfall_volume);
  s.outfall_load = outfall_loads();
  backend_->read(Field::LinkMaxFlow, s.link_max_flow);
  backend_->read(Field::LinkMaxVelocity, s.link_max_velocity);
  backend_->read(Field::LinkPumpVolume, s.pump_volume);
  backend_->read(Field::LinkTimeOn, s.pump_hours_on);
  for (double& h : s.pump_hours_on) h /= 3600.0;
  std::vector<double> st;
  backend_->read(Field::LinkPumpStartups, st);
  s.pump_startups.assign(st.begin(), st.end());
  read_pump_summary(s);
  s.steps = steps_;
  s.total_trials = trials_;
  s.unconverged_steps = unconverged_;
  s.min_step = steps_ ? min_dt_ : 0.0;
  s.max_step = max_dt_;
  return s;
}

}  // namespace sf::network
