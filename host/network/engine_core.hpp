// EngineCore<Exec>: device buffers of the network and the sequence of kernels of a routing
// step (SWMM 5.2 dynwave_execute: trials of conduit momentum, regulator flows and node
// continuity until all nodes converge). Instantiated for OmpExec and CudaExec.
// On a GPU a routing step waits for the device twice: once for the stable step length (one
// reduction) and once for the step's report, copied with the state the controls read at the end
// of route(). The inputs of a step go up asynchronously from pinned memory; the Picard loop's
// convergence test stays on the device (routing/trial_control.hpp).
#pragma once

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/state_record.hpp"

#include "launch/device_buffer.hpp"
#include "launch/pinned_buffer.hpp"
#include "network/engine_backend.hpp"
#include "routing/element_kernels.hpp"
#include "routing/quality_kernels.hpp"
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
    np_ = net.pollutant_count();
    decay_.upload(net.pollutant_decay.empty() ? std::vector<double>(1, 0.0) : net.pollutant_decay);
    node_params_.upload(net.node);
    node_invert_.upload(net.node_invert);
    node_curve_.upload(net.node_curve);
    node_outfall_.upload(net.node_outfall);
    outfall_spec_.upload(net.outfall.empty() ? std::vector<OutfallSpec>(1) : net.outfall);
    adj_start_.upload(net.adj_start);
    adj_link_.upload(net.adj_link.empty() ? std::vector<int>(1, 0) : net.adj_link);
    const NodeLinkSums sums = node_link_sums(net);
    sum_start_.upload(sums.start);
    sum_split_.upload(sums.split.empty() ? std::vector<int>(1, 0) : sums.split);
    sum_link_.upload(sums.links.empty() ? std::vector<NodeLink>(1) : sums.links);
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
    for (const Saved& b : saved_buffers()) b.resize(extent(b.extent, false));
    control_ = Buf<TrialControl>(1);
    report_ = Pinned<TrialControl>(1);
    lat_staging_ = Pinned<double>(nn_);
    stage_staging_ = Pinned<double>(nn_);
    setting_staging_ = Pinned<double>(nl_);
    for (auto& m : mirror_) m = Pinned<double>(0);
    mirror_node_ = mirror_link_ = 0;
    shared_.options = net.conduit_options;
    shared_.allow_ponding = net.allow_ponding;
    shared_.min_surf_area = net.min_surf_area;
    shared_.head_tolerance = net.head_tolerance;
  }

  void upload_state(const InitialState& s) override {
    st_.depth.upload(s.node_depth);
    st_.volume.upload(s.node_volume);
    st_.inflow.upload(s.node_inflow);
    st_.outflow.upload(s.node_outflow);
    st_.flow.upload(s.link_flow);
    st_.q1.upload(s.link_q1);
    st_.link_depth.upload(s.link_depth);
    st_.link_volume.upload(s.link_volume);
    st_.a1.upload(s.link_area);
    st_.setting.upload(s.link_setting);
    if (np_ > 0) {
      st_.node_c.upload(s.node_quality);
      st_.link_c.upload(s.link_quality);
    }
  }

  // Pinned staging, one area per input: route() ends with a synchronisation, so each area is
  // free again before the next step writes it (a second write before a route() only makes the
  // later values win, as no kernel reads them in between).
  void set_lateral_inflows(const std::vector<double>& q) override {
    upload_async(q, lat_staging_, st_.lat_flow);
  }
  void set_outfall_stages(const std::vector<double>& stage) override {
    upload_async(stage, stage_staging_, st_.stage);
  }
  void set_link_settings(const std::vector<double>& setting) override {
    upload_async(setting, setting_staging_, st_.setting);
  }
  void set_regulators(const std::vector<RegulatorParams>& r) override { regulator_.upload(r); }
  void set_lateral_loads(const std::vector<double>& w) override {
    upload_async(w, load_staging_, st_.lat_load);
  }

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
    if (np_ > 0) {
      const QualityView q = quality_view();
      Exec::for_each(std::int64_t(nn_ + nl_) * np_, BeginQualityStep{q, nn_});
      Exec::for_each(nn_, NodeQuality{n, l, q, dt});
      Exec::for_each(nl_, LinkQuality{n, l, q, dt});
    }
    exec_.sum_reduce_into(nn_, SystemOutflow{n}, OutflowTotals{}, StoreOutflow{c});
    if (n.outfall_booked) Exec::for_each(nn_, BookOutfallVolumes{n, dt});
    Exec::for_each(nn_, UpdateNodeStats{n, dt});
    Exec::for_each(nl_, UpdateLinkStats{n, l, s, dt});
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
    for (const Saved& b : saved_buffers())
      if (b.extent == Extent::kCoupling) b.resize(std::size_t(nn_));
  }

  void save_state(StateRecord& record) const override {
    // saved_buffers() hands out mutable pointers for load_state; saving only reads them.
    for (const Saved& b : const_cast<EngineCore*>(this)->saved_buffers()) {
      std::vector<double> values;
      if (b.f64) {
        b.f64->download(values);
      } else {
        const std::vector<int> ints = b.i32->to_host();
        values.assign(ints.begin(), ints.end());
      }
      record.put(std::string("network_") + b.name, std::move(values));
    }
  }

  void load_state(const StateRecord& record) override {
    for (const Saved& b : saved_buffers()) {
      const std::size_t n = b.f64 ? b.f64->size() : b.i32->size();
      // quality entries are absent from checkpoints written before pollutant routing
      if (n == 0 && !record.has(std::string("network_") + b.name)) continue;
      const std::vector<double> values = record.get<double>(std::string("network_") + b.name, n);
      if (b.f64) {
        if (n > 0) b.f64->upload(values);
      } else {
        if (n > 0) b.i32->upload(std::vector<int>(values.begin(), values.end()));
      }
    }
  }

  CouplingArrays coupling_arrays() override {
    CouplingArrays a;
    a.on_device = Exec::kIsDevice;
    a.nodes.depth = st_.depth.data();
    a.nodes.invert = node_invert_.data();
    a.nodes.volume = st_.volume.data();
    a.nodes.flood_volume = st_.flood_volume.data();
    a.nodes.outfall_volume = st_.outfall_booked.data();
    a.nodes.inflow = st_.coupled_inflow.data();
    a.nodes.node_inflow = st_.inflow.data();
    a.nodes.node_outflow = st_.outflow.data();
    return a;
  }

 private:
  /// Every array the routing carries from one step to the next (per node, per node of a coupled
  /// network, per link). Checkpoints save exactly the buffers named in saved_buffers(); a buffer
  /// added here without an entry there fails the static_assert or the check in saved_buffers().
  struct StateBuffers {
    Buf<double> depth, depth_old, volume, volume_old, lat_flow, inflow, outflow, inflow_old,
        overflow, old_net_inflow, surf_area, old_surf_area, sumdqdh, dydt, stage, max_depth,
        flood_volume, time_flooded, outfall_volume, max_inflow;
    Buf<double> coupled_inflow, coupled_inflow_old, outfall_booked, outfall_rate_last;
    Buf<double> flow, flow_old, link_depth, link_depth_old, link_volume, link_volume_old, q1, a1,
        a2, froude, dqdh, surf1, surf2, setting, max_flow, max_velocity, pump_volume, pump_startups,
        time_on, pump_min_flow, pump_flow_sum, pump_periods, pump_off_low, pump_off_high,
        pump_energy;
    Buf<int> converged, flow_class, normal_flow;
    Buf<double> node_c, node_c_old, lat_load, outfall_load, node_out_mass, node_out_rate,
        node_flood_mass, node_flood_rate, node_reacted_mass, node_reacted_rate, node_dropped_mass;
    Buf<double> link_c, link_c_old, link_reacted_mass, link_reacted_rate, link_dropped_mass;
  };
  static constexpr std::size_t kSavedBuffers = 68;
  static_assert(sizeof(Buf<int>) == sizeof(Buf<double>) &&
                    sizeof(StateBuffers) == kSavedBuffers * sizeof(Buf<double>),
                "a buffer was added to StateBuffers: name it in saved_buffers() and count it");

  enum class Extent { kNode, kCoupling, kLink, kNodeQuality, kLinkQuality };
  struct Saved {
    const char* name = nullptr;
    Extent extent = Extent::kNode;
    Buf<double>* f64 = nullptr;
    Buf<int>* i32 = nullptr;
    void resize(std::size_t n) const {
      if (f64) *f64 = Buf<double>(n);
      if (i32) *i32 = Buf<int>(n);
    }
  };

  std::size_t extent(Extent e, bool coupled) const {
    if (e == Extent::kLink) return std::size_t(nl_);
    if (e == Extent::kNodeQuality) return std::size_t(nn_) * std::size_t(np_);
    if (e == Extent::kLinkQuality) return std::size_t(nl_) * std::size_t(np_);
    return e == Extent::kNode || coupled ? std::size_t(nn_) : 0;
  }

  /// The one list of saved buffers, with the names they have in a checkpoint (network_<name>).
  /// Throws std::logic_error if it misses a member of StateBuffers or names one twice.
  std::array<Saved, kSavedBuffers> saved_buffers() {
    const Extent N = Extent::kNode, C = Extent::kCoupling, L = Extent::kLink;
    const Extent NQ = Extent::kNodeQuality, LQ = Extent::kLinkQuality;
    StateBuffers& b = st_;
    const std::array<Saved, kSavedBuffers> list = {{
        {"node_depth", N, &b.depth},
        {"node_depth_old", N, &b.depth_old},
        {"node_volume", N, &b.volume},
        {"node_volume_old", N, &b.volume_old},
        {"node_lat_flow", N, &b.lat_flow},
        {"node_inflow", N, &b.inflow},
        {"node_outflow", N, &b.outflow},
        {"node_inflow_old", N, &b.inflow_old},
        {"node_overflow", N, &b.overflow},
        {"node_old_net_inflow", N, &b.old_net_inflow},
        {"node_surf_area", N, &b.surf_area},
        {"node_old_surf_area", N, &b.old_surf_area},
        {"node_sumdqdh", N, &b.sumdqdh},
        {"node_dydt", N, &b.dydt},
        {"node_stage", N, &b.stage},
        {"node_max_depth", N, &b.max_depth},
        {"node_flood_volume", N, &b.flood_volume},
        {"node_time_flooded", N, &b.time_flooded},
        {"node_outfall_volume", N, &b.outfall_volume},
        {"node_max_inflow", N, &b.max_inflow},
        {"coupled_inflow", C, &b.coupled_inflow},
        {"coupled_inflow_old", C, &b.coupled_inflow_old},
        {"coupled_outfall_booked", C, &b.outfall_booked},
        {"coupled_outfall_rate_last", C, &b.outfall_rate_last},
        {"link_flow", L, &b.flow},
        {"link_flow_old", L, &b.flow_old},
        {"link_depth", L, &b.link_depth},
        {"link_depth_old", L, &b.link_depth_old},
        {"link_volume", L, &b.link_volume},
        {"link_volume_old", L, &b.link_volume_old},
        {"link_q1", L, &b.q1},
        {"link_a1", L, &b.a1},
        {"link_a2", L, &b.a2},
        {"link_froude", L, &b.froude},
        {"link_dqdh", L, &b.dqdh},
        {"link_surf1", L, &b.surf1},
        {"link_surf2", L, &b.surf2},
        {"link_setting", L, &b.setting},
        {"link_max_flow", L, &b.max_flow},
        {"link_max_velocity", L, &b.max_velocity},
        {"link_pump_volume", L, &b.pump_volume},
        {"link_pump_startups", L, &b.pump_startups},
        {"link_time_on", L, &b.time_on},
        {"link_pump_min_flow", L, &b.pump_min_flow},
        {"link_pump_flow_sum", L, &b.pump_flow_sum},
        {"link_pump_periods", L, &b.pump_periods},
        {"link_pump_off_low", L, &b.pump_off_low},
        {"link_pump_off_high", L, &b.pump_off_high},
        {"link_pump_energy", L, &b.pump_energy},
        {"node_converged", N, nullptr, &b.converged},
        {"link_flow_class", L, nullptr, &b.flow_class},
        {"link_normal_flow", L, nullptr, &b.normal_flow},
        {"node_quality", NQ, &b.node_c},
        {"node_quality_old", NQ, &b.node_c_old},
        {"node_lateral_load", NQ, &b.lat_load},
        {"outfall_load", NQ, &b.outfall_load},
        {"node_quality_out_mass", NQ, &b.node_out_mass},
        {"node_quality_out_rate", NQ, &b.node_out_rate},
        {"node_quality_flood_mass", NQ, &b.node_flood_mass},
        {"node_quality_flood_rate", NQ, &b.node_flood_rate},
        {"node_quality_reacted_mass", NQ, &b.node_reacted_mass},
        {"node_quality_reacted_rate", NQ, &b.node_reacted_rate},
        {"node_quality_dropped_mass", NQ, &b.node_dropped_mass},
        {"link_quality", LQ, &b.link_c},
        {"link_quality_old", LQ, &b.link_c_old},
        {"link_quality_reacted_mass", LQ, &b.link_reacted_mass},
        {"link_quality_reacted_rate", LQ, &b.link_reacted_rate},
        {"link_quality_dropped_mass", LQ, &b.link_dropped_mass},
    }};
    // Complete: as many entries as buffers, each a distinct member of st_ with a name.
    const auto* begin = reinterpret_cast<const unsigned char*>(&st_);
    std::vector<const void*> seen;
    for (const Saved& e : list) {
      const void* p = e.f64 ? static_cast<const void*>(e.f64) : static_cast<const void*>(e.i32);
      const auto* u = static_cast<const unsigned char*>(p);
      if (!e.name || !p || u < begin || u >= begin + sizeof(StateBuffers) ||
          std::find(seen.begin(), seen.end(), p) != seen.end())
        throw std::logic_error(
            "EngineCore::saved_buffers: the list of saved buffers does not "
            "cover StateBuffers one to one");
      seen.push_back(p);
    }
    return list;
  }

  static constexpr int kMirrors = 6, kNodeMirrors = 3;

  void upload_async(const std::vector<double>& host, Pinned<double>& staging, Buf<double>& dst) {
    if (dst.size() != host.size()) dst = Buf<double>(host.size());
    if (staging.size() != host.size()) staging = Pinned<double>(host.size());
    std::copy(host.begin(), host.end(), staging.data());
    Exec::copy_to_device_async(dst.data(), staging.data(), host.size() * sizeof(double));
  }

  /// The state that pump start/stop depths and control rules read, in ControlState's order.
  void queue_mirror_copies() {
    const Buf<double>* src[kMirrors] = {&st_.depth, &st_.volume,     &st_.inflow,
                                        &st_.flow,  &st_.link_depth, &st_.setting};
    for (int m = 0; m < kMirrors; ++m)
      Exec::copy_to_host_async(mirror_[m].data(), src[m]->data(),
                               mirror_[m].size() * sizeof(double));
  }

  const Buf<double>& buffer(Field f) const {
    switch (f) {
      case Field::NodeDepth:
        return st_.depth;
      case Field::NodeDepthOld:
        return st_.depth_old;
      case Field::NodeVolume:
        return st_.volume;
      case Field::NodeInflow:
        return st_.inflow;
      case Field::NodeInflowOld:
        return st_.inflow_old;
      case Field::NodeOverflow:
        return st_.overflow;
      case Field::NodeLatFlow:
        return st_.lat_flow;
      case Field::NodeMaxDepth:
        return st_.max_depth;
      case Field::NodeFloodVolume:
        return st_.flood_volume;
      case Field::NodeTimeFlooded:
        return st_.time_flooded;
      case Field::NodeOutfallVolume:
        return st_.outfall_volume;
      case Field::NodeMaxInflow:
        return st_.max_inflow;
      case Field::LinkFlow:
        return st_.flow;
      case Field::LinkFlowOld:
        return st_.flow_old;
      case Field::LinkDepth:
        return st_.link_depth;
      case Field::LinkVolume:
        return st_.link_volume;
      case Field::LinkSetting:
        return st_.setting;
      case Field::LinkMaxFlow:
        return st_.max_flow;
      case Field::LinkMaxVelocity:
        return st_.max_velocity;
      case Field::LinkPumpVolume:
        return st_.pump_volume;
      case Field::LinkPumpStartups:
        return st_.pump_startups;
      case Field::LinkTimeOn:
        return st_.time_on;
      case Field::LinkPumpMinFlow:
        return st_.pump_min_flow;
      case Field::LinkPumpFlowSum:
        return st_.pump_flow_sum;
      case Field::LinkPumpPeriods:
        return st_.pump_periods;
      case Field::LinkPumpOffLow:
        return st_.pump_off_low;
      case Field::LinkPumpOffHigh:
        return st_.pump_off_high;
      case Field::LinkPumpEnergy:
        return st_.pump_energy;
      case Field::LinkFroude:
        return st_.froude;
      case Field::NodeQuality:
        return st_.node_c;
      case Field::LinkQuality:
        return st_.link_c;
      case Field::OutfallLoad:
        return st_.outfall_load;
      case Field::NodeOutMass:
        return st_.node_out_mass;
      case Field::NodeFloodMass:
        return st_.node_flood_mass;
      case Field::NodeReactedMass:
        return st_.node_reacted_mass;
      case Field::LinkReactedMass:
        return st_.link_reacted_mass;
      case Field::NodeDroppedMass:
        return st_.node_dropped_mass;
      case Field::LinkDroppedMass:
        return st_.link_dropped_mass;
    }
    return st_.depth;
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
    v.sum_start = sum_start_.data();
    v.sum_split = sum_split_.data();
    v.sum_link = sum_link_.data();
    v.depth = st_.depth.data();
    v.depth_old = st_.depth_old.data();
    v.volume = st_.volume.data();
    v.volume_old = st_.volume_old.data();
    v.lat_flow = st_.lat_flow.data();
    v.inflow = st_.inflow.data();
    v.outflow = st_.outflow.data();
    v.inflow_old = st_.inflow_old.data();
    v.overflow = st_.overflow.data();
    v.old_net_inflow = st_.old_net_inflow.data();
    v.surf_area = st_.surf_area.data();
    v.old_surf_area = st_.old_surf_area.data();
    v.sumdqdh = st_.sumdqdh.data();
    v.dydt = st_.dydt.data();
    v.stage = st_.stage.data();
    v.converged = st_.converged.data();
    v.max_depth = st_.max_depth.data();
    v.flood_volume = st_.flood_volume.data();
    v.time_flooded = st_.time_flooded.data();
    v.outfall_volume = st_.outfall_volume.data();
    v.max_inflow = st_.max_inflow.data();
    v.coupled_inflow = st_.coupled_inflow.data();  // null unless coupling is enabled
    v.coupled_inflow_old = st_.coupled_inflow_old.data();
    v.outfall_booked = st_.outfall_booked.data();
    v.outfall_rate_last = st_.outfall_rate_last.data();
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
    v.flow = st_.flow.data();
    v.flow_old = st_.flow_old.data();
    v.depth = st_.link_depth.data();
    v.depth_old = st_.link_depth_old.data();
    v.volume = st_.link_volume.data();
    v.volume_old = st_.link_volume_old.data();
    v.q1 = st_.q1.data();
    v.a1 = st_.a1.data();
    v.a2 = st_.a2.data();
    v.froude = st_.froude.data();
    v.dqdh = st_.dqdh.data();
    v.surf1 = st_.surf1.data();
    v.surf2 = st_.surf2.data();
    v.setting = st_.setting.data();
    v.flow_class = st_.flow_class.data();
    v.normal_flow = st_.normal_flow.data();
    v.max_flow = st_.max_flow.data();
    v.max_velocity = st_.max_velocity.data();
    v.pump_volume = st_.pump_volume.data();
    v.pump_startups = st_.pump_startups.data();
    v.time_on = st_.time_on.data();
    v.pump_min_flow = st_.pump_min_flow.data();
    v.pump_flow_sum = st_.pump_flow_sum.data();
    v.pump_periods = st_.pump_periods.data();
    v.pump_off_low = st_.pump_off_low.data();
    v.pump_off_high = st_.pump_off_high.data();
    v.pump_energy = st_.pump_energy.data();
    return v;
  }

  QualityView quality_view() {
    StateBuffers& b = st_;
    QualityView q;
    q.np = np_;
    q.decay = decay_.data();
    q.node_c = b.node_c.data();
    q.node_c_old = b.node_c_old.data();
    q.lat_load = b.lat_load.data();
    q.link_c = b.link_c.data();
    q.link_c_old = b.link_c_old.data();
    q.outfall_load = b.outfall_load.data();
    q.node_out_mass = b.node_out_mass.data();
    q.node_out_rate = b.node_out_rate.data();
    q.node_flood_mass = b.node_flood_mass.data();
    q.node_flood_rate = b.node_flood_rate.data();
    q.node_reacted_mass = b.node_reacted_mass.data();
    q.node_reacted_rate = b.node_reacted_rate.data();
    q.link_reacted_mass = b.link_reacted_mass.data();
    q.link_reacted_rate = b.link_reacted_rate.data();
    q.node_dropped_mass = b.node_dropped_mass.data();
    q.link_dropped_mass = b.link_dropped_mass.data();
    return q;
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
  int nn_ = 0, nl_ = 0, np_ = 0;
  SharedView shared_;
  Buf<double> decay_;  // per pollutant [1/s]
  Buf<TrialControl> control_;
  Pinned<TrialControl> report_;
  Pinned<double> lat_staging_, stage_staging_, setting_staging_, load_staging_;
  Pinned<double> mirror_[kMirrors];
  int mirror_node_ = 0, mirror_link_ = 0;  // mirrored lengths; 0 while nothing is mirrored
  Buf<pipe::NodeParams> node_params_;
  Buf<double> node_invert_;
  Buf<int> node_curve_, node_outfall_, adj_start_, adj_link_, sum_start_, sum_split_;
  Buf<NodeLink> sum_link_;
  Buf<OutfallSpec> outfall_spec_;
  Buf<LinkKind> link_kind_;
  Buf<int> node1_, node2_;
  Buf<pipe::Xsect> xsect_;
  Buf<pipe::ConduitParams> conduit_;
  Buf<RegulatorParams> regulator_;
  Buf<unsigned char> dummy_;
  Buf<double> tables_, curve_x_, curve_y_;
  Buf<int> curve_start_, curve_count_;
  StateBuffers st_;
};

}  // namespace sf::network
