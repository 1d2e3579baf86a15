// The network's node arrays copied into the surface's memory space, for a coupled run whose
// network runs on the other backend (a small network on the CPU beside a CUDA surface; see
// docs/coupling.md, "Backends"). Each exchange pass uploads the fields it reads; the coupled
// inflow, which only the exchange writes, lives here and is downloaded after each write. Per
// surface step: six uploads and one download of node_count doubles, and no kernel of the network.
#pragma once

#include <cstddef>

#include "exchange/node_arrays.hpp"
#include "launch/device_buffer.hpp"

namespace sf::couple {

template <class Exec>
class NodeMirror {
  using Buffer = launch::DeviceBuffer<double, Exec>;

 public:
  /// `host` are the network's arrays of `node_count` nodes; the inverts never change and the
  /// coupled inflow starts from the network's.
  NodeMirror(int node_count, const NodeArrays& host)
      : n_(std::size_t(node_count)),
        depth_(n_),
        invert_(n_),
        volume_(n_),
        flood_volume_(n_),
        outfall_volume_(n_),
        inflow_(n_),
        node_inflow_(n_),
        node_outflow_(n_) {
    upload(invert_, host.invert);
    upload(inflow_, host.inflow);
  }

  /// What DrawThroughInlets reads: heads, volumes and the last step's node flows.
  NodeArrays for_draw(const NodeArrays& host) {
    upload(depth_, host.depth);
    upload(volume_, host.volume);
    upload(node_inflow_, host.node_inflow);
    upload(node_outflow_, host.node_outflow);
    return view();
  }

  /// SetNodeInflow writes the mirror's inflow; download_inflow then hands it to the network.
  NodeArrays for_inflow() { return view(); }
  void download_inflow(const NodeArrays& host) {
    Exec::copy_to_host(host.inflow, inflow_.data(), n_ * sizeof(double));
  }

  /// What HandBackToCells and TakeOver read: the cumulative flood and outfall volumes.
  NodeArrays for_hand_back(const NodeArrays& host) {
    upload(flood_volume_, host.flood_volume);
    upload(outfall_volume_, host.outfall_volume);
    return view();
  }

 private:
  void upload(Buffer& to, const double* from) {
    Exec::copy_to_device(to.data(), from, n_ * sizeof(double));
  }

  NodeArrays view() {
    NodeArrays a;
    a.depth = depth_.data();
    a.invert = invert_.data();
    a.volume = volume_.data();
    a.flood_volume = flood_volume_.data();
    a.outfall_volume = outfall_volume_.data();
    a.inflow = inflow_.data();
    a.node_inflow = node_inflow_.data();
    a.node_outflow = node_outflow_.data();
    return a;
  }

  std::size_t n_;
  Buffer depth_, invert_, volume_, flood_volume_, outfall_volume_, inflow_, node_inflow_,
      node_outflow_;
};

}  // namespace sf::couple
