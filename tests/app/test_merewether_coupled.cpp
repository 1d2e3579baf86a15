// Merewether with a storm sewer (cases/merewether-coupled): a short coupled run through the CLI on
// the real DEM. The whole system's volume balance closes and the inlets take water from the
// surface. Needs ../shared/dem/merewether; skipped without it.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace sf::test {
namespace {

TEST(MerewetherCoupled, ShortRunClosesTheBalanceAndInletsCapture) {
  const std::string data = std::string(SPONGEFLOW_SHARED_DIR) + "/dem/merewether";
  if (!std::filesystem::exists(data + "/topography1_buildings3m.tif"))
    GTEST_SKIP() << "Merewether data not found in " << data
                 << " (see cases/merewether-coupled/README.md)";
  const double duration = 200.0;  // s: the flood reaches the main-road pits within a minute
  const auto out = scratch("merewether_coupled");
  const auto r = run_spongeflow(
      "run " + std::string(SPONGEFLOW_SOURCE_DIR) + "/cases/merewether-coupled/case.toml --data " +
      data + " --threads 1 --quiet --output " + out.string() +
      " --set output.vtk=false --set time.duration=" + std::to_string(int(duration)) +
      " --set time.output_interval=100");
  ASSERT_EQ(r.status, 0) << r.output;
  std::ifstream in(out / "summary.json");
  const auto j = nlohmann::json::parse(in);
  ASSERT_TRUE(j.contains("coupled_volume_balance_m3")) << "not a coupled run";
  const auto& b = j["coupled_volume_balance_m3"];
  const double err = b["continuity_error_pct"].get<double>();
  const double captured = b["surface_to_network"].get<double>();
  const double returned = b["network_to_surface"].get<double>();
  const double source = b["source_inflow"].get<double>();
  const double net0 = b["network_initial"].get<double>(), net1 = b["network_final"].get<double>();
  // the outfall is coupled: what it discharges goes back onto the surface, not out
  const double outfall = b["outfall_outflow"].get<double>() + b.value("outfall_to_surface", 0.0);
  std::printf(
      "[merewether-coupled] %.0f s: continuity %.4f %%, source %.1f m3, inlets took %.2f m3, "
      "overflow returned %.2f m3, in the pipes %.2f m3, outfall %.2f m3, network alone %.2f %%\n",
      duration, err, source, captured, returned, net1, outfall,
      j["network"]["network_continuity_error_pct"].get<double>());

  EXPECT_EQ(j["network"]["coupled_points"].get<int>(), 21);  // 20 pits and the outfall
  EXPECT_NEAR(source, 19.7 * duration, 1e-3 * 19.7 * duration);
  EXPECT_LT(std::fabs(err), 0.5);
  // the surface ledger books the exchange, so it closes on its own (f64: round-off)
  EXPECT_LT(std::fabs(j["volume_balance_m3"]["continuity_error_pct"].get<double>()), 1e-3);
  // the flood runs down the main road over pits A1-A4: they take water
  EXPECT_GT(captured, 0.0);
  EXPECT_LT(captured, source);
  // the pipes hold or pass on what they took, to within the network ledger's own error while
  // the empty pipes fill: SWMM's scheme loses (or gains) a volume there, -2 % to +6 % of the
  // first ~100 m3 here depending on the exchange details; 2.9 % after 600 s
  EXPECT_NEAR(net1 - net0 + outfall + returned, captured, 0.10 * captured);
}

}  // namespace
}  // namespace sf::test
