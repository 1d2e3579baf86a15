// The overflow recorders of a set of outfalls fed from a running network engine, step by step
// (`spongeflow overflows` and `spongeflow scenarios`). See docs/capacity.md, "Overflows".
#pragma once

#include <vector>

#include "assess/overflow_events.hpp"
#include "network/network_engine.hpp"

namespace sf::app {

class OutfallRecorders {
 public:
  /// `nodes`: the engine's node indices of the outfalls; see assess::OverflowRecorder.
  OutfallRecorders(std::vector<int> nodes, double min_flow_m3s, double inter_event_s)
      : nodes_(std::move(nodes)),
        rec_(nodes_.size(), assess::OverflowRecorder(min_flow_m3s, inter_event_s)),
        q_prev_(nodes_.size(), 0.0) {}

  /// After NetworkEngine::start(): the flows the first step starts from.
  void start(const network::NetworkEngine& eng) {
    t_prev_ = eng.time();
    np_ = std::size_t(eng.pollutant_count());
    if (np_ > 0) load_prev_ = eng.outfall_loads();
    step_loads_.assign(np_, 0.0);
    for (std::size_t k = 0; k < nodes_.size(); ++k) q_prev_[k] = eng.node_inflow(nodes_[k]);
  }

  /// After every NetworkEngine::step(): each outfall's inflow, linear over the step, and the
  /// pollutant loads that left through it in the step (from the engine's cumulative loads).
  void step(const network::NetworkEngine& eng) {
    const double t = eng.time();
    if (np_ > 0) load_now_ = eng.outfall_loads();
    for (std::size_t k = 0; k < nodes_.size(); ++k) {
      const double q = eng.node_inflow(nodes_[k]);
      const std::size_t at = std::size_t(nodes_[k]) * np_;
      for (std::size_t p = 0; p < np_; ++p) step_loads_[p] = load_now_[at + p] - load_prev_[at + p];
      rec_[k].add(t_prev_, t, q_prev_[k], q, step_loads_);
      q_prev_[k] = q;
    }
    t_prev_ = t;
    load_prev_.swap(load_now_);
  }

  const std::vector<int>& nodes() const { return nodes_; }
  const std::vector<assess::OverflowRecorder>& recorders() const { return rec_; }

 private:
  std::vector<int> nodes_;
  std::vector<assess::OverflowRecorder> rec_;
  std::vector<double> q_prev_;
  double t_prev_ = 0.0;
  std::size_t np_ = 0;  // pollutants
  std::vector<double> load_prev_, load_now_, step_loads_;
};

}  // namespace sf::app
