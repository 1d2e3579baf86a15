// EngineCore<Exec>: device buffers of the network and the sequence of kernels of a routing
// step (SWMM 5.2 dynwave_execute: trials of conduit momentum, regulator flows and node
// continuity until all nodes converge). Instantiated for OmpExec and CudaExec.
// On a GPU a routing step waits for the device twice: once for the stable step length (one
// reduction) and once for the step's report, copied with the state the controls read at the end
// of route(). The inputs of a step go up asynchronously from pinned memory; the Picard loop's
// convergence test stays on the device (routing/trial_control.hpp).
#pragma once

#include <algorithm>
#include <vector>

#include "launch/device_buffer.hpp"
#include "launch/pinned_buffer.hpp"
#include "network/engine_backend.hpp"
#include "routing/element_kernels.hpp"
#include "routing/trial_control.hpp"

namespace sf::network {

template <class Exec>
class EngineCore final : public EngineBackend {
  template <class T>
  using Buf = launch::DeviceBuffer<T, Exec>;
  template <class T>
  using Pinned = launch::PinnedBuffer<T, Exec>;

 public:
  const char* name() const override { return Exec::kName; }

  void upload_network(const NetworkData& net) override {
    nn_ = net.node_count();
    nl_ = net.link_count();
    node_params_.upload(net.node);
    node_invert_.upload(net.node_invert);
    node_curve_.upload(net.node_curve);
    node_outfall_.upload(net.node_outfall);
    outfall_spec_.upload(net.outfall.empty() ? std::vector<OutfallSpec>(1) : net.outfall);
    adj_start_.upload(net.adj_start);
    adj_link_.upload(net.adj_link.empty() ? std::vector<int>(1, 0) : net.adj_link);
    link_kind_.upload(net.link_kind);
    node1_.upload(net.node1);
    node2_.upload(net.node2);
    xsect_.upload(net.xsect);
    conduit_.upload(net.conduit);
    regulator_.upload(net.regulator);
    std::vector<unsigned char> dummy(nl_);
    for (int j = 0; j < nl_; ++j) dummy[j] = net.is_dummy[j] ? 1 : 0;
    dummy_.upload(dummy);
    tables_.upload(net.tables.rows.empty() ? std::vector<double>(3, 0.0) : net.tables.rows);
    curve_x_.upload(net.curve_x.empty() ? std::vector<double>(1, 0.0) : net.curve_x);
    curve_y_.upload(net.curve_y.empty() ? std::vector<double>(1, 0.0) : net.curve_y);
    curve_start_.upload(net.curve_start.empty() ? std::vector<int>(1, 0) : net.curve_start);
    curve_count_.upload(net.curve_count.empty() ? std::vector<int>(1, 0) : net.curve_count);
    for (auto* b : node_state()) *b = Buf<double>(nn_);
    for (auto* b : coupling_state()) *b = Buf<double>();
    for (auto* b : link_state()) *b = Buf<double>(nl_);
    converged_ = Buf<int>(nn_);
    control_ = Buf<TrialControl>(1);
    report_ = Pinned<TrialControl>(1);
    lat_staging_ = Pinned<double>(nn_);
    stage_staging_ = Pinned<double>(nn_);
    setting_staging_ = Pinned<double>(nl_);
    for (auto& m : mirror_) m = Pinned<double>(0);
    mirror_node_ = mirror_link_ = 0;
    flow_class_ = Buf<int>(nl_);
    normal_flow_ = Buf<int>(nl_);
    shared_.options = net.conduit_options;
    shared_.allow_ponding = net.allow_ponding;
    shared_.min_surf_area = net.min_surf_area;
    shared_.head_tolerance = net.head_tolerance;
  }

  void upload_state(const InitialState& s) override {
    depth_.upload(s.node_depth);
    volume_.upload(s.node_volume);
    flow_.upload(s.link_flow);
    q1_.upload(s.link_q1);
    link_depth_.upload(s.link_depth);
    link_volume_.upload(s.link_volume);
    a1_.upload(s.link_area);
    setting_.upload(s.link_setting);
  }

  // Pinned staging, one area per input: route() ends with a synchronisation, so each area is
  // free again before the next step writes it (a second write before a route() only makes the
  // later values win, as no kernel reads them in between).
  void set_lateral_inflows(const std::vector<double>& q) override {
    upload_async(q, lat_staging_, lat_flow_);
  }
  void set_outfall_stages(const std::vector<double>& stage) override {
    upload_async(stage, stage_staging_, stage_);
  }
  void set_link_settings(const std::vector<double>& setting) override {
    upload_async(setting, setting_staging_, setting_);
  }
  void set_regulators(const std::vector<RegulatorParams>& r) override { regulator_.upload(r); }

  TrialReport route(double dt, int max_trials) override {
    const NodeView n = node_view();
    const LinkView l = link_view();
    const SharedView s = shared_view();
    TrialControl* c = control_.data();
    Exec::for_each(nn_, BeginStepNodes{n, dt});
    Exec::for_each(nl_, BeginStepLinks{l});
    Exec::for_each(1, StartTrials{c});
    for (int trial = 0; trial < max_trials; ++trial) {
      Exec::for_each(nl_, UnlessDone<ConduitTrials>{c, {n, l, s, trial, dt}});
      Exec::for_each(nn_, UnlessDone<GatherConduitFlows>{c, {n, l, s}});
      Exec::for_each(nl_, UnlessDone<NonConduitTrials>{c, {n, l, s, trial, dt}});
      exec_.sum_reduce_into(nn_, CountUnlessDone<UpdateNodes>{c, {n, l, s, trial, dt}}, 0,
                            EndTrial{c});
      // In host memory the verdict can be read at no cost: stop queuing trials at once.
      if (!Exec::kIsDevice && c->done) break;
    }
    exec_.sum_reduce_into(nn_, SystemOutflow{n}, OutflowTotals{}, StoreOutflow{c});
    if (n.outfall_booked) Exec::for_each(nn_, BookOutfallVolumes{n, dt});
    Exec::for_each(nn_, UpdateNodeStats{n, dt});
    Exec::for_each(nl_, UpdateLinkStats{l, s, dt});
    Exec::copy_to_host_async(report_.data(), c, sizeof(TrialControl));
    if (mirror_node_ || mirror_link_) queue_mirror_copies();
    Exec::synchronize();
    TrialReport rep;
    rep.trials = report_[0].trials;
    rep.converged = report_[0].converged != 0;
    rep.outflow = report_[0].outflow;
    return rep;
  }

  double stable_step(double max_step, double courant) override {
    const NegStableStep f{{link_view(), courant, max_step}, {node_view(), max_step}};
    return -exec_.max_reduce(std::int64_t(nl_) + nn_, f, -max_step);
  }

  void mirror_control_state(bool on) override {
    mirror_node_ = on ? nn_ : 0;
    mirror_link_ = on ? nl_ : 0;
    for (int m = 0; m < kMirrors; ++m)
      mirror_[m] = Pinned<double>(m < kNodeMirrors ? mirror_node_ : mirror_link_);
  }

  void read_control_state(ControlState& out) const override {
    std::vector<double>* dst[kMirrors] = {&out.node_depth, &out.node_volume, &out.node_inflow,
                                          &out.link_flow,  &out.link_depth,  &out.link_setting};
    for (int m = 0; m < kMirrors; ++m)
      dst[m]->assign(mirror_[m].data(), mirror_[m].data() + mirror_[m].size());
  }

  void read(Field f, std::vector<double>& out) const override { buffer(f).download(out); }

  void enable_coupling() override {
    for (auto* b : coupling_state()) *b = Buf<double>(nn_);
  }

  CouplingArrays coupling_arrays() override {
    CouplingArrays a;
    a.on_device = Exec::kIsDevice;
    a.nodes.depth = depth_.data();
    a.nodes.invert = node_invert_.data();
    a.nodes.volume = volume_.data();
    a.nodes.flood_volume = flood_volume_.data();
    a.nodes.outfall_volume = outfall_booked_.data();
    a.nodes.inflow = coupled_inflow_.data();
    a.nodes.node_inflow = inflow_.data();
    a.nodes.node_outflow = outflow_.data();
    return a;
  }

 private:
  static constexpr int kMirrors = 6, kNodeMirrors = 3;

  void upload_async(const std::vector<double>& host, Pinned<double>& staging, Buf<double>& dst) {
    if (dst.size() != host.size()) dst = Buf<double>(host.size());
    if (staging.size() != host.size()) staging = Pinned<double>(host.size());
    std::copy(host.begin(), host.end(), staging.data());
    Exec::copy_to_device_async(dst.data(), staging.data(), host.size() * sizeof(double));
  }

  /// The state that pump start/stop depths and control rules read, in ControlState's order.
  void queue_mirror_copies() {
    const Buf<double>* src[kMirrors] = {&depth_, &volume_,     &inflow_,
                                        &flow_,  &link_depth_, &setting_};
    for (int m = 0; m < kMirrors; ++m)
      Exec::copy_to_host_async(mirror_[m].data(), src[m]->data(),
                               mirror_[m].size() * sizeof(double));
  }

  const Buf<double>& buffer(Field f) const {
    switch (f) {
      case Field::NodeDepth:
        return depth_;
      case Field::NodeDepthOld:
        return depth_old_;
      case Field::NodeVolume:
        return volume_;
      case Field::NodeInflow:
        return inflow_;
      case Field::NodeInflowOld:
        return inflow_old_;
      case Field::NodeOverflow:
        return overflow_;
      case Field::NodeLatFlow:
        return lat_flow_;
      case Field::NodeMaxDepth:
        return max_depth_;
      case Field::NodeFloodVolume:
        return flood_volume_;
      case Field::NodeTimeFlooded:
        return time_flooded_;
      case Field::NodeOutfallVolume:
        return outfall_volume_;
      case Field::NodeMaxInflow:
        return max_inflow_;
      case Field::LinkFlow:
        return flow_;
      case Field::LinkFlowOld:
        return flow_old_;
      case Field::LinkDepth:
        return link_depth_;
      case Field::LinkVolume:
        return link_volume_;
      case Field::LinkSetting:
        return setting_;
      case Field::LinkMaxFlow:
        return max_flow_;
      case Field::LinkMaxVelocity:
        return max_velocity_;
      case Field::LinkPumpVolume:
        return pump_volume_;
      case Field::LinkPumpStartups:
        return pump_startups_;
      case Field::LinkTimeOn:
        return time_on_;
      case Field::LinkFroude:
        return froude_;
    }
    return depth_;
  }

  std::vector<Buf<double>*> node_state() {
    return {&depth_,     &depth_old_,     &volume_,       &volume_old_,     &lat_flow_,
            &inflow_,    &outflow_,       &inflow_old_,   &overflow_,       &old_net_inflow_,
            &surf_area_, &old_surf_area_, &sumdqdh_,      &dydt_,           &stage_,
            &max_depth_, &flood_volume_,  &time_flooded_, &outfall_volume_, &max_inflow_};
  }
  std::vector<Buf<double>*> coupling_state() {
    return {&coupled_inflow_, &coupled_inflow_old_, &outfall_booked_, &outfall_rate_last_};
  }
  std::vector<Buf<double>*> link_state() {
    return {&flow_,   &flow_old_, &link_depth_, &link_depth_old_, &link_volume_, &link_volume_old_,
            &q1_,     &a1_,       &a2_,         &froude_,         &dqdh_,        &surf1_,
            &surf2_,  &setting_,  &max_flow_,   &max_velocity_,   &pump_volume_, &pump_startups_,
            &time_on_};
  }

  NodeView node_view() {
    NodeView v;
    v.n = nn_;
    v.params = node_params_.data();
    v.invert = node_invert_.data();
    v.curve = node_curve_.data();
    v.outfall = node_outfall_.data();
    v.outfall_spec = outfall_spec_.data();
    v.adj_start = adj_start_.data();
    v.adj_link = adj_link_.data();
    v.depth = depth_.data();
    v.depth_old = depth_old_.data();
    v.volume = volume_.data();
    v.volume_old = volume_old_.data();
    v.lat_flow = lat_flow_.data();
    v.inflow = inflow_.data();
    v.outflow = outflow_.data();
    v.inflow_old = inflow_old_.data();
    v.overflow = overflow_.data();
    v.old_net_inflow = old_net_inflow_.data();
    v.surf_area = surf_area_.data();
    v.old_surf_area = old_surf_area_.data();
    v.sumdqdh = sumdqdh_.data();
    v.dydt = dydt_.data();
    v.stage = stage_.data();
    v.converged = converged_.data();
    v.max_depth = max_depth_.data();
    v.flood_volume = flood_volume_.data();
    v.time_flooded = time_flooded_.data();
    v.outfall_volume = outfall_volume_.data();
    v.max_inflow = max_inflow_.data();
    v.coupled_inflow = coupled_inflow_.data();  // null unless coupling is enabled
    v.coupled_inflow_old = coupled_inflow_old_.data();
    v.outfall_booked = outfall_booked_.data();
    v.outfall_rate_last = outfall_rate_last_.data();
    return v;
  }

  LinkView link_view() {
    LinkView v;
    v.n = nl_;
    v.kind = link_kind_.data();
    v.node1 = node1_.data();
    v.node2 = node2_.data();
    v.xsect = xsect_.data();
    v.conduit = conduit_.data();
    v.regulator = regulator_.data();
    v.dummy = dummy_.data();
    v.flow = flow_.data();
    v.flow_old = flow_old_.data();
    v.depth = link_depth_.data();
    v.depth_old = link_depth_old_.data();
    v.volume = link_volume_.data();
    v.volume_old = link_volume_old_.data();
    v.q1 = q1_.data();
    v.a1 = a1_.data();
    v.a2 = a2_.data();
    v.froude = froude_.data();
    v.dqdh = dqdh_.data();
    v.surf1 = surf1_.data();
    v.surf2 = surf2_.data();
    v.setting = setting_.data();
    v.flow_class = flow_class_.data();
    v.normal_flow = normal_flow_.data();
    v.max_flow = max_flow_.data();
    v.max_velocity = max_velocity_.data();
    v.pump_volume = pump_volume_.data();
    v.pump_startups = pump_startups_.data();
    v.time_on = time_on_.data();
    return v;
  }

  SharedView shared_view() {
    SharedView s = shared_;
    s.tables = pipe::XsectTables{tables_.data()};
    s.curve_x = curve_x_.data();
    s.curve_y = curve_y_.data();
    s.curve_start = curve_start_.data();
    s.curve_count = curve_count_.data();
    return s;
  }

  Exec exec_;  // owns the reductions' scratch
  int nn_ = 0, nl_ = 0;
  SharedView shared_;
  Buf<TrialControl> control_;
  Pinned<TrialControl> report_;
  Pinned<double> lat_staging_, stage_staging_, setting_staging_;
  Pinned<double> mirror_[kMirrors];
  int mirror_node_ = 0, mirror_link_ = 0;  // mirrored lengths; 0 while nothing is mirrored
  Buf<pipe::NodeParams> node_params_;
  Buf<double> node_invert_;
  Buf<int> node_curve_, node_outfall_, adj_start_, adj_link_, converged_;
  Buf<OutfallSpec> outfall_spec_;
  Buf<LinkKind> link_kind_;
  Buf<int> node1_, node2_, flow_class_, normal_flow_;
  Buf<pipe::Xsect> xsect_;
  Buf<pipe::ConduitParams> conduit_;
  Buf<RegulatorParams> regulator_;
  Buf<unsigned char> dummy_;
  Buf<double> tables_, curve_x_, curve_y_;
  Buf<int> curve_start_, curve_count_;
  Buf<double> depth_, depth_old_, volume_, volume_old_, lat_flow_, inflow_, outflow_, inflow_old_,
      overflow_, old_net_inflow_, surf_area_, old_surf_area_, sumdqdh_, dydt_, stage_, max_depth_,
      flood_volume_, time_flooded_, outfall_volume_, max_inflow_;
  Buf<double> coupled_inflow_, coupled_inflow_old_, outfall_booked_,
      outfall_rate_last_;  // 1D-2D coupling only
  Buf<double> flow_, flow_old_, link_depth_, link_depth_old_, link_volume_, link_volume_old_, q1_,
      a1_, a2_, froude_, dqdh_, surf1_, surf2_, setting_, max_flow_, max_velocity_, pump_volume_,
      pump_startups_, time_on_;
};

}  // namespace sf::network
