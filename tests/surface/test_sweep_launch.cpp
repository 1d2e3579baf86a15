// The CPU launch (row sweeps solving each face once, SurfaceStage::sweep_rows) against the
// per-cell launch (operator(), each face solved by both its cells, as on the GPU): every field must
// come out bit for bit the same, on a grid that has everything a face can meet: wet, thin and dry
// cells, inactive cells inside and on the edges, every edge kind, a rain grid, a roughness grid,
// event statistics, order 1 and 2, both stages, f32 and f64, several steps.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

#include "launch/exec_omp.hpp"
#include "swe/surface_stage.hpp"

namespace {

using sf::swe::EdgeKind;

// Grid with an odd shape, so that blocks of rows do not divide it evenly.
constexpr int kNx = 23, kNy = 37;
constexpr std::int64_t kCells = std::int64_t(kNx) * kNy;

template <class T>
struct Fields {
  std::vector<T> h, qx, qy, hmax;
  std::vector<T> stat[6];
  explicit Fields(std::int64_t n) : h(n), qx(n), qy(n), hmax(n, T(0)) {
    for (auto& s : stat) s.assign(std::size_t(n), T(-1));
  }
  sf::swe::StateOut<T> out() { return {h.data(), qx.data(), qy.data()}; }
  sf::swe::StateIn<T> in() const { return {h.data(), qx.data(), qy.data()}; }
};

template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0;
}

template <class T>
struct Case {
  std::vector<T> z, roughness, rain, slope[4];
  std::vector<std::uint8_t> active, kind[4], segment[4];
  Fields<T> state{kCells}, base{kCells};
  sf::swe::SurfaceView<T> view;
  sf::swe::StageParams<T> params;

  explicit Case(unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u01(0.0, 1.0);
    z.resize(kCells);
    roughness.resize(kCells);
    rain.resize(kCells);
    active.assign(kCells, 1);
    const double dry_depth = 1e-4;
    for (int j = 0; j < kNy; ++j)
      for (int i = 0; i < kNx; ++i) {
        const std::int64_t k = std::int64_t(j) * kNx + i;
        z[k] = T(0.3 * std::sin(0.4 * i) * std::cos(0.3 * j) + (i > 15 ? 0.5 : 0.0));
        roughness[k] = T(0.02 + 0.04 * u01(rng));
        rain[k] = T(u01(rng) < 0.5 ? 0.0 : 3e-5 * u01(rng));
        if (u01(rng) < 0.06 || (i >= 8 && i <= 10 && j >= 12 && j <= 14)) active[k] = 0;
        // Wet (most), thin (below dry_depth) and dry cells side by side.
        const double r = u01(rng);
        double h = r < 0.2 ? 0.0 : r < 0.3 ? 0.5 * dry_depth : 0.05 + 0.8 * u01(rng);
        if (i < 4) {  // a dry plateau above every water level: dry cells among dry cells
          z[k] += T(2);
          rain[k] = T(0);
          h = 0;
        }
        state.h[k] = T(h);
        state.qx[k] = T(h > dry_depth ? h * (2.0 * u01(rng) - 1.0) : 0.0);
        state.qy[k] = T(h > dry_depth ? h * (2.0 * u01(rng) - 1.0) : 0.0);
      }
    base = state;
    for (std::int64_t k = 0; k < kCells; ++k) base.h[k] = T(double(base.h[k]) * 0.9);
    // Every edge kind on every side, in segments of a few cells.
    const EdgeKind kinds[] = {EdgeKind::kWall, EdgeKind::kFree, EdgeKind::kCritical,
                              EdgeKind::kLevel, EdgeKind::kInflow};
    for (int s = 0; s < 4; ++s) {
      const int n = s < 2 ? kNy : kNx;
      kind[s].resize(n);
      segment[s].resize(n);
      slope[s].resize(n);
      for (int e = 0; e < n; ++e) {
        const int seg = (e / 4 + s) % 5;
        kind[s][e] = std::uint8_t(kinds[seg]);
        segment[s][e] = std::uint8_t(seg + 5 * s);
        slope[s][e] = T(0.001 * (1 + e % 3));
      }
      view.edge_kind[s] = kind[s].data();
      view.edge_segment[s] = segment[s].data();
      view.edge_slope[s] = slope[s].data();
    }
    for (int seg = 0; seg < 20; ++seg) {
      const int k = seg % 5;  // the segment's kind, as above
      params.segment.value[seg] = T(k == 3 ? 0.6 : k == 4 ? (seg % 2 ? 0.3 : 0.0) : 0.0);
      params.segment_depth.value[seg] = T(seg == 9 ? 0.2 : 0.0);
    }
    view.nx = kNx;
    view.ny = kNy;
    view.dx = T(2);
    view.dry_depth = T(dry_depth);
    view.z = z.data();
    view.active = active.data();
    view.roughness = roughness.data();
    view.rain = rain.data();
    params.dt = T(0.05);
    params.flux_weight = 0.5;
    params.time_end = T(1.5);
  }

  template <int Order, bool Final>
  sf::swe::SurfaceStage<T, Order, Final> stage(Fields<T>& out) const {
    sf::swe::SurfaceStage<T, Order, Final> s;
    s.v = view;
    s.in = state.in();
    s.base = base.in();
    s.out = out.out();
    s.hmax = out.hmax.data();
    s.stats.max_speed = out.stat[0].data();
    s.stats.max_hazard = out.stat[1].data();
    s.stats.time_of_max_depth = out.stat[2].data();
    s.stats.time_first_wet = out.stat[3].data();
    s.stats.duration_flooded = out.stat[4].data();
    s.stats.duration_user = out.stat[5].data();
    s.stats.flood_threshold = T(0.15);
    s.p = params;
    return s;
  }
};

template <class T>
void expect_same_fields(const Fields<T>& a, const Fields<T>& b, const char* what) {
  EXPECT_TRUE(same_bits(a.h, b.h)) << what << ": h";
  EXPECT_TRUE(same_bits(a.qx, b.qx)) << what << ": qx";
  EXPECT_TRUE(same_bits(a.qy, b.qy)) << what << ": qy";
  EXPECT_TRUE(same_bits(a.hmax, b.hmax)) << what << ": hmax";
  for (int s = 0; s < 6; ++s)
    EXPECT_TRUE(same_bits(a.stat[s], b.stat[s])) << what << ": stat " << s;
}

template <class T>
void expect_same_sums(const sf::swe::StageSums<T>& a, const sf::swe::StageSums<T>& b,
                      double tolerance, const char* what) {
  EXPECT_EQ(std::memcmp(&a.speed, &b.speed, sizeof(T)), 0) << what << ": speed";
  EXPECT_NEAR(a.clamp, b.clamp, tolerance * (1 + std::abs(a.clamp))) << what;
  EXPECT_NEAR(a.edge_out, b.edge_out, tolerance * (1 + std::abs(a.edge_out))) << what;
  EXPECT_NEAR(a.edge_in, b.edge_in, tolerance * (1 + std::abs(a.edge_in))) << what;
}

// Several steps; each step runs both launches from the same state and continues from the
// per-cell result. Blocks of 1, 5 and all rows, and the OpenMP row-block launch.
template <class T, int Order, bool Final>
void check_launches_agree(unsigned seed) {
  Case<T> c(seed);
  const sf::swe::StageSumsCombine combine;
  double edge_volume = 0, clamp = 0;
  for (int step = 0; step < 6; ++step) {
    Fields<T> per_cell = c.state;
    const auto a = c.template stage<Order, Final>(per_cell);
    sf::swe::StageSums<T> sums_a;
    for (std::int64_t k = 0; k < kCells; ++k) sums_a = combine(sums_a, a(k));
    edge_volume += sums_a.edge_out + sums_a.edge_in;
    clamp += sums_a.clamp;

    for (const int rows : {1, 5, kNy}) {
      Fields<T> swept = c.state;
      const auto b = c.template stage<Order, Final>(swept);
      std::vector<sf::swe::ReconstructedFlux<T>> north(kNx);
      sf::swe::StageSums<T> sums_b;
      for (int j0 = 0; j0 < kNy; j0 += rows)
        sums_b = combine(sums_b, b.sweep_rows(j0, std::min(kNy, j0 + rows), north.data()));
      expect_same_fields(per_cell, swept, "sweep_rows");
      // One block sums the cells in the per-cell order: the same bits; more blocks regroup the
      // double sums of the ledger terms.
      expect_same_sums(sums_a, sums_b, rows == kNy ? 0.0 : 1e-13, "sweep_rows");
    }

    Fields<T> launched = c.state;
    const auto b = c.template stage<Order, Final>(launched);
    auto block = [&b](int j0, int j1) {
      std::vector<sf::swe::ReconstructedFlux<T>> north(kNx);
      return b.sweep_rows(j0, j1, north.data());
    };
    const sf::launch::OmpExec exec;
    const auto sums_c = exec.reduce_row_blocks(kNy, 4, sf::launch::OmpExec::kSerialBelow, block,
                                               sf::swe::StageSums<T>{}, combine);
    expect_same_fields(per_cell, launched, "reduce_row_blocks");
    expect_same_sums(sums_a, sums_c, 1e-13, "reduce_row_blocks");

    c.state.h = per_cell.h;
    c.state.qx = per_cell.qx;
    c.state.qy = per_cell.qy;
  }
  // The case must reach the edge and wet/dry branches it claims to cover.
  EXPECT_GT(edge_volume, 0.0);
  int dry_open = 0;
  for (std::int64_t k = 0; k < kCells; ++k)
    if (c.active[k] && c.state.h[k] <= c.view.dry_depth) ++dry_open;
  EXPECT_GT(dry_open, 10);
}

}  // namespace

TEST(SweepLaunch, MatchesPerCellLaunchBitForBitF32Order1) {
  check_launches_agree<float, 1, true>(1);
  check_launches_agree<float, 1, false>(2);
}

TEST(SweepLaunch, MatchesPerCellLaunchBitForBitF32Order2) {
  check_launches_agree<float, 2, false>(3);
  check_launches_agree<float, 2, true>(4);
}

TEST(SweepLaunch, MatchesPerCellLaunchBitForBitF64Order1) {
  check_launches_agree<double, 1, true>(5);
}

TEST(SweepLaunch, MatchesPerCellLaunchBitForBitF64Order2) {
  check_launches_agree<double, 2, false>(6);
  check_launches_agree<double, 2, true>(7);
}
