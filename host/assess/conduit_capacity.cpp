#include "assess/conduit_capacity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace sf::assess {
namespace {

std::string years(double p) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", p);
  return b;
}

}  // namespace

bool is_surcharged(const ConduitGeometry& g, double depth, double head_up, double head_down) {
  return depth >= g.full_depth - kCrownTolerance || head_up > g.crown_up + kCrownTolerance ||
         head_down > g.crown_down + kCrownTolerance;
}

CapacityClasses::CapacityClasses(std::vector<double> return_periods)
    : periods_(std::move(return_periods)) {
  if (periods_.empty()) throw std::invalid_argument("return periods: none given");
  for (std::size_t k = 0; k < periods_.size(); ++k) {
    if (!(periods_[k] > 0.0) || !std::isfinite(periods_[k]))
      throw std::invalid_argument("return periods: " + years(periods_[k]) +
                                  " is not a positive number of years");
    if (k > 0 && !(periods_[k] > periods_[k - 1]))
      throw std::invalid_argument("return periods: " + years(periods_[k]) + " after " +
                                  years(periods_[k - 1]) +
                                  "; expected strictly increasing periods, e.g. 1,2,3,5,10");
  }
}

double CapacityClasses::carried(const std::vector<bool>& surcharged_by_period) const {
  if (surcharged_by_period.size() != periods_.size())
    throw std::invalid_argument("capacity: " + std::to_string(surcharged_by_period.size()) +
                                " results for " + std::to_string(periods_.size()) + " periods");
  double p = 0.0;
  for (std::size_t k = 0; k < periods_.size() && !surcharged_by_period[k]; ++k) p = periods_[k];
  return p;
}

int CapacityClasses::class_index(double carried_years) const {
  int k = 0;
  while (k < static_cast<int>(periods_.size()) && carried_years >= periods_[k]) ++k;
  return k;
}

std::string CapacityClasses::class_name(int index) const {
  if (index <= 0) return "< " + years(periods_.front()) + " a";
  if (index >= static_cast<int>(periods_.size())) return ">= " + years(periods_.back()) + " a";
  return years(periods_[index - 1]) + "-" + years(periods_[index]) + " a";
}

std::vector<std::string> CapacityClasses::class_names() const {
  std::vector<std::string> names;
  for (int k = 0; k <= static_cast<int>(periods_.size()); ++k) names.push_back(class_name(k));
  return names;
}

ConduitCapacity assess_conduit(const CapacityClasses& classes, const ConduitGeometry& g,
                               std::vector<ConduitPeaks> peaks) {
  ConduitCapacity c;
  c.geometry = g;
  c.peaks = std::move(peaks);
  for (const ConduitPeaks& p : c.peaks) c.surcharged.push_back(is_surcharged(g, p));
  c.carried_years = classes.carried(c.surcharged);
  c.class_index = classes.class_index(c.carried_years);
  return c;
}

std::vector<RenewalEntry> renewal_priority(const CapacityClasses& classes,
                                           const std::vector<ConduitCapacity>& conduits,
                                           double target_years) {
  const auto& P = classes.periods();
  const auto at = std::find(P.begin(), P.end(), target_years);
  if (at == P.end())
    throw std::invalid_argument("renewal target " + years(target_years) +
                                " a is not one of the tested return periods");
  const std::size_t t = static_cast<std::size_t>(at - P.begin());
  std::vector<RenewalEntry> list;
  for (std::size_t i = 0; i < conduits.size(); ++i) {
    const ConduitCapacity& c = conduits[i];
    if (c.carried_years >= target_years) continue;
    const ConduitPeaks& p = c.peaks[t];
    RenewalEntry e;
    e.conduit = i;
    e.deficit_years = target_years - c.carried_years;
    e.flow_ratio = c.geometry.full_flow > 0.0 ? p.peak_flow / c.geometry.full_flow : 0.0;
    e.surcharge_s = p.surcharge_s;
    e.upstream_flood_m3 = p.upstream_flood_m3;
    e.cause = e.flow_ratio >= 1.0 ? "capacity" : "backwater";
    char b[512];
    std::snprintf(b, sizeof b,
                  "carries %s, target %s a; peak flow at %s a is %.0f %% of full-flow capacity "
                  "(%s); surcharged %.0f min",
                  c.carried_years > 0.0 ? (years(c.carried_years) + " a").c_str()
                                        : "none of the tested periods",
                  years(target_years).c_str(), years(target_years).c_str(), 100.0 * e.flow_ratio,
                  e.cause == "capacity" ? "pipe too small" : "water level held up from downstream",
                  e.surcharge_s / 60.0);
    e.reasons = b;
    if (e.upstream_flood_m3 > 0.0) {
      std::snprintf(b, sizeof b, "; node %s floods %.1f m3", c.geometry.upstream_node.c_str(),
                    e.upstream_flood_m3);
      e.reasons += b;
    }
    list.push_back(e);
  }
  std::stable_sort(list.begin(), list.end(), [](const RenewalEntry& a, const RenewalEntry& b) {
    if (a.deficit_years != b.deficit_years) return a.deficit_years > b.deficit_years;
    if (a.surcharge_s != b.surcharge_s) return a.surcharge_s > b.surcharge_s;
    return a.upstream_flood_m3 > b.upstream_flood_m3;
  });
  for (std::size_t k = 0; k < list.size(); ++k) list[k].rank = static_cast<int>(k + 1);
  return list;
}

}  // namespace sf::assess
