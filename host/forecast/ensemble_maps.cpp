#include "forecast/ensemble_maps.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace sf::forecast {
namespace {

std::size_t cells_of(const std::vector<MemberMaps>& members) {
  if (members.empty()) throw std::invalid_argument("ensemble maps: no members");
  const std::size_t n = members.front().max_depth.size();
  for (const MemberMaps& m : members)
    if (m.max_depth.size() != n || m.arrival.size() != n)
      throw std::invalid_argument("ensemble maps: members have maps of different sizes");
  return n;
}

}  // namespace

std::vector<double> exceedance_probability(const std::vector<MemberMaps>& members,
                                           double threshold_m) {
  const std::size_t n = cells_of(members);
  std::vector<double> p(n, 0.0);
  for (std::size_t k = 0; k < n; ++k) {
    int above = 0;
    for (const MemberMaps& m : members) above += m.max_depth[k] > threshold_m;
    p[k] = double(above) / double(members.size());
  }
  return p;
}

std::vector<double> max_depth_quantile(const std::vector<MemberMaps>& members, double q) {
  if (!(q >= 0.0 && q <= 1.0)) throw std::invalid_argument("quantile outside 0..1");
  const std::size_t n = cells_of(members), m = members.size();
  std::vector<double> out(n), v(m);
  const double pos = q * double(m - 1);
  const std::size_t lo = std::size_t(std::floor(pos)), hi = std::min(lo + 1, m - 1);
  const double frac = pos - double(lo);
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t i = 0; i < m; ++i) v[i] = members[i].max_depth[k];
    std::sort(v.begin(), v.end());
    out[k] = v[lo] + frac * (v[hi] - v[lo]);
  }
  return out;
}

std::vector<double> likely_arrival(const std::vector<MemberMaps>& members, double probability) {
  if (!(probability > 0.0 && probability <= 1.0))
    throw std::invalid_argument("probability outside (0, 1]");
  const std::size_t n = cells_of(members), m = members.size();
  // The rank needed: the smallest count of members that is at least `probability` of them.
  const std::size_t rank = std::max<std::size_t>(1, std::size_t(std::ceil(probability * m - 1e-9)));
  const double never = std::numeric_limits<double>::infinity();
  std::vector<double> out(n), v(m);
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t i = 0; i < m; ++i)
      v[i] = members[i].arrival[k] < 0 ? never : members[i].arrival[k];
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(rank - 1), v.end());
    out[k] = std::isinf(v[rank - 1]) ? -1.0 : v[rank - 1];
  }
  return out;
}

std::vector<double> max_depth_envelope(const std::vector<MemberMaps>& members) {
  const std::size_t n = cells_of(members);
  std::vector<double> out(n, 0.0);
  for (const MemberMaps& m : members)
    for (std::size_t k = 0; k < n; ++k) out[k] = std::max(out[k], m.max_depth[k]);
  return out;
}

std::vector<double> spot_probability(const std::vector<int>& label, int spots,
                                     const std::vector<MemberMaps>& members, double threshold_m) {
  const std::size_t n = cells_of(members);
  if (label.size() != n)
    throw std::invalid_argument("spot labels: " + std::to_string(label.size()) +
                                " cells; expected " + std::to_string(n));
  std::vector<int> count(static_cast<std::size_t>(spots), 0);
  std::vector<char> hit(static_cast<std::size_t>(spots));
  for (const MemberMaps& m : members) {
    std::fill(hit.begin(), hit.end(), 0);
    for (std::size_t k = 0; k < n; ++k)
      if (label[k] > 0 && label[k] <= spots && m.max_depth[k] > threshold_m) hit[label[k] - 1] = 1;
    for (int s = 0; s < spots; ++s) count[std::size_t(s)] += hit[std::size_t(s)];
  }
  std::vector<double> p(static_cast<std::size_t>(spots));
  for (int s = 0; s < spots; ++s)
    p[std::size_t(s)] = double(count[std::size_t(s)]) / double(members.size());
  return p;
}

}  // namespace sf::forecast
