// CPU-against-CUDA agreement: the same case run on both backends, the largest difference of its
// results relative to their size, and the bound it must stay under (1e-10 in f64, 1e-5 in f32).
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "engine/backend.hpp"

namespace sf::agreement {

/// One compared case: a name such as "surface/dam_break/order2", its precision and the result.
struct Comparison {
  std::string name;
  Precision precision = Precision::kF64;
  double error = 0.0;      // largest relative difference over the compared quantities
  double tolerance = 0.0;  // bound for this precision
  std::string note;        // why it failed when it is not only the size of the difference
  bool pass() const { return note.empty() && error <= tolerance; }
};

inline double tolerance_for(Precision p) {
  return p == Precision::kF64 ? 1e-10 : 1e-5;
}

/// Tracks max |a - b| over one group of quantities against the group's own size max |a|, so a
/// field that is zero throughout (qy of a 1D dam break) is judged against its group, not itself.
class Difference {
 public:
  void add(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) {
      size_mismatch_ = true;
      return;
    }
    for (std::size_t k = 0; k < a.size(); ++k) add(a[k], b[k]);
  }
  void add(double a, double b) {
    diff_ = std::max(diff_, std::fabs(a - b));
    scale_ = std::max(scale_, std::fabs(a));
    if (std::isnan(a) != std::isnan(b)) size_mismatch_ = true;
  }
  /// max |a - b| / max |a|; an absolute difference where every value is zero.
  double relative() const { return scale_ > 0.0 ? diff_ / scale_ : diff_; }
  bool mismatched() const { return size_mismatch_; }

 private:
  double diff_ = 0.0, scale_ = 0.0;
  bool size_mismatch_ = false;
};

/// Folds the groups of one case into a Comparison.
inline Comparison compare(std::string name, Precision p, const std::vector<Difference>& groups) {
  Comparison c;
  c.name = std::move(name);
  c.precision = p;
  c.tolerance = tolerance_for(p);
  for (const Difference& d : groups) {
    c.error = std::max(c.error, d.relative());
    if (d.mismatched()) c.note = "results differ in size or in where they are NaN";
  }
  return c;
}

// Each family runs its cases on both backends and compares them; the CUDA device must exist.
std::vector<Comparison> surface_agreement(Precision p);
std::vector<Comparison> network_agreement(const std::string& swmm_case_dir);
std::vector<Comparison> coupled_agreement(Precision p);

}  // namespace sf::agreement
