// ExchangeRunner for one backend and precision: the exchange layout on the device and the
// launches of the exchange kernels. Included by the surface solver's backend translation units
// (surface_solver_impl.hpp), which know T and the launch layer Exec.
#pragma once

#include <memory>

#include "engine/exchange_runner.hpp"
#include "engine/node_mirror.hpp"
#include "launch/device_buffer.hpp"

namespace sf::couple {

template <class T, class Exec>
class ExchangeRunnerImpl final : public ExchangeRunner {
  template <class U>
  using Buffer = launch::DeviceBuffer<U, Exec>;

 public:
  /// h, qx, qy are the solver's current-state buffers; their storage is swapped every step, so
  /// the pointers are taken at each call. The runner must not outlive the solver.
  ExchangeRunnerImpl(const ExchangeLayout& layout, Buffer<T>& h, Buffer<T>& qx, Buffer<T>& qy,
                     double cell_area, T dry_depth, T gravity)
      : h_(h),
        qx_(qx),
        qy_(qy),
        cell_area_(cell_area),
        dry_depth_(dry_depth),
        gravity_(gravity),
        cells_(std::int64_t(layout.cell.size())),
        slots_(std::int64_t(layout.slot_node.size())),
        cell_(layout.cell),
        bed_(layout.bed),
        cell_begin_(layout.cell_begin),
        node_(layout.node),
        slot_(layout.slot),
        inlet_(layout.inlet),
        outfall_(layout.outfall),
        share_(layout.share),
        rate_(layout.node.size()),
        moved_(layout.node.size()),
        slot_node_(layout.slot_node),
        slot_begin_(layout.slot_begin),
        slot_link_(layout.slot_link),
        flooded_(layout.slot_node.size()),
        flood_taken_(layout.slot_node.size()),
        outfall_taken_(layout.slot_node.size()),
        mirrored_nodes_(layout.mirrored_nodes) {}

  DrawSums draw(const NodeArrays& nodes, double dt) override {
    const NodeArrays n = mirror(nodes) ? mirror_->for_draw(nodes) : nodes;
    return exec_.sum_reduce(cells_, DrawThroughInlets<T>{surface(), view(), n, dt}, DrawSums{});
  }

  void set_node_inflow(const NodeArrays& nodes, double dt) override {
    const NodeArrays n = mirror(nodes) ? mirror_->for_inflow() : nodes;
    Exec::for_each(slots_, SetNodeInflow{view(), n, dt});
    if (mirror_) mirror_->download_inflow(nodes);
  }

  ReturnSums hand_back(const NodeArrays& nodes) override {
    const NodeArrays n = mirror(nodes) ? mirror_->for_hand_back(nodes) : nodes;
    const ReturnSums r =
        exec_.sum_reduce(cells_, HandBackToCells<T>{surface(), view(), n}, ReturnSums{});
    Exec::for_each(slots_, TakeOver{view(), n});
    return r;
  }

  std::vector<double> rates() const override { return rate_.to_host(); }

  void save_state(StateRecord& record) const override {
    record.put("exchange_rate", rate_.to_host());
    record.put("exchange_moved", moved_.to_host());
    const std::vector<unsigned char> flooded = flooded_.to_host();
    record.put("exchange_flooded", std::vector<double>(flooded.begin(), flooded.end()));
    record.put("exchange_flood_taken", flood_taken_.to_host());
    record.put("exchange_outfall_taken", outfall_taken_.to_host());
  }

  void load_state(const StateRecord& record) override {
    const std::size_t links = rate_.size(), slots = flood_taken_.size();
    // Buffers of zero length stay as they are (an upload would reallocate them).
    auto load = [&](Buffer<double>& b, const char* name, std::size_t n) {
      const std::vector<double> v = record.get<double>(name, n);
      if (n > 0) b.upload(v);
    };
    load(rate_, "exchange_rate", links);
    load(moved_, "exchange_moved", links);
    const std::vector<double> flooded = record.get<double>("exchange_flooded", slots);
    if (slots > 0) flooded_.upload(std::vector<unsigned char>(flooded.begin(), flooded.end()));
    load(flood_taken_, "exchange_flood_taken", slots);
    load(outfall_taken_, "exchange_outfall_taken", slots);
  }

 private:
  /// The copy of the network's nodes when they live in the other memory space, made on first use
  /// from the network's current arrays; null when the kernels read the network's arrays directly.
  NodeMirror<Exec>* mirror(const NodeArrays& nodes) {
    if (mirrored_nodes_ > 0 && !mirror_)
      mirror_ = std::make_unique<NodeMirror<Exec>>(mirrored_nodes_, nodes);
    return mirror_.get();
  }

  SurfaceCells<T> surface() {
    return {h_.data(), qx_.data(), qy_.data(), cell_area_, dry_depth_, gravity_};
  }
  ExchangeView view() {
    ExchangeView v;
    v.cell = cell_.data();
    v.bed = bed_.data();
    v.cell_begin = cell_begin_.data();
    v.node = node_.data();
    v.slot = slot_.data();
    v.inlet = inlet_.data();
    v.outfall = outfall_.data();
    v.share = share_.data();
    v.rate = rate_.data();
    v.moved = moved_.data();
    v.slot_node = slot_node_.data();
    v.slot_begin = slot_begin_.data();
    v.slot_link = slot_link_.data();
    v.flooded = flooded_.data();
    v.flood_taken = flood_taken_.data();
    v.outfall_taken = outfall_taken_.data();
    return v;
  }

  Exec exec_;  // owns the reductions' scratch
  Buffer<T>& h_;
  Buffer<T>& qx_;
  Buffer<T>& qy_;
  double cell_area_;
  T dry_depth_;
  T gravity_;
  std::int64_t cells_, slots_;
  Buffer<std::int64_t> cell_;
  Buffer<double> bed_;
  Buffer<int> cell_begin_, node_, slot_;
  Buffer<InletParams<double>> inlet_;
  Buffer<unsigned char> outfall_;
  Buffer<double> share_, rate_, moved_;
  Buffer<int> slot_node_, slot_begin_, slot_link_;
  Buffer<unsigned char> flooded_;
  Buffer<double> flood_taken_, outfall_taken_;
  int mirrored_nodes_;
  std::unique_ptr<NodeMirror<Exec>> mirror_;
};

}  // namespace sf::couple
