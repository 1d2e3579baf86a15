// The Picard loop of a routing step kept in the backend's memory (SWMM dynwave_execute: trials
// until every node converges, at least two, at most max_trials). The host queues max_trials
// trials; once converged, the later ones return at once, so a GPU runs the whole step without
// asking the host whether to go on, and the report comes back in one copy at the end.
#pragma once

#include <cstdint>

#include "core/hd.hpp"
#include "routing/network_views.hpp"

namespace sf::network {

/// Where a routing step stands; written by the kernels, read by the host once per step.
struct TrialControl {
  int trials;             // trials run so far
  int converged;          // the last trial left every non-outfall node within the tolerance
  int done;               // converged after at least two trials: the rest of the trials skip
  OutflowTotals outflow;  // system outflow rates at the end of the step [m³/s]
};

struct StartTrials {
  TrialControl* c;
  SF_HD void operator()(std::int64_t) const {
    c->trials = 0;
    c->converged = 0;
    c->done = 0;
  }
};

/// Runs the element kernel f unless the step has already converged.
template <class F>
struct UnlessDone {
  const TrialControl* c;
  F f;
  SF_HD void operator()(std::int64_t k) const {
    if (!c->done) f(k);
  }
};

/// A node update that counts itself unconverged (1) or not (0); nothing once done.
template <class F>
struct CountUnlessDone {
  const TrialControl* c;
  F f;
  SF_HD int operator()(std::int64_t k) const { return c->done ? 0 : f(k); }
};

/// Books a finished trial from its number of unconverged nodes.
struct EndTrial {
  TrialControl* c;
  SF_HD void operator()(int unconverged) const {
    if (c->done) return;
    c->trials += 1;
    c->converged = unconverged == 0 ? 1 : 0;
    if (c->trials > 1 && c->converged) c->done = 1;
  }
};

struct StoreOutflow {
  TrialControl* c;
  SF_HD void operator()(const OutflowTotals& t) const { c->outflow = t; }
};

}  // namespace sf::network
