// `spongeflow forecast` of a coupled case (a pipe network under the surface): a forecast from a
// coupled checkpoint at T equals the continuous coupled run bit for bit (results.nc from T on,
// network_timeseries.csv rows after T), writing its own network outputs from T; a checkpoint of
// the other kind of run is refused; every member of an ensemble restarts from the same coupled
// state; the pump stations and outfalls with a predicted surcharge are listed with
// hand-computed values; the watch loop runs a coupled cycle.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "forecast_test_grid.hpp"

namespace sf::test {
namespace {

const std::string kOptions = " --threads 1 --quiet";

/// Under the pit grid: J1 (taking surface water through its manhole) drains through C1 (0.3 m)
/// into O1, held at a fixed stage of 8.2 m, above C1's crown at O1 (7.7 + 0.3 = 8.0 m): O1 is
/// surcharged all the time. J2 drains a small inflow through C2 into the free outfall O3, which
/// never fills C2. The wet well W (10 m2, 2 m deep) receives 0.1 m3/s and its pump P1 delivers
/// its curve's flat 0.05 m3/s: W rises 0.005 m/s from empty and floods at t = 400 s. W2 receives
/// 0.02 m3/s and P2 keeps it nearly empty. The pumps discharge into O2 and O4.
const char* kNetwork = R"([OPTIONS]
FLOW_UNITS CMS
FLOW_ROUTING DYNWAVE
START_DATE 01/01/2020
START_TIME 00:00
END_DATE 01/01/2020
END_TIME 01:00
ROUTING_STEP 1
[JUNCTIONS]
J1 8.0 1.75 0 0 0
J2 8.0 1.75 0 0 0
[STORAGE]
W 5.0 2.0 0 FUNCTIONAL 0 0 10 0 0
W2 5.0 2.0 0 FUNCTIONAL 0 0 10 0 0
[OUTFALLS]
O1 7.7 FIXED 8.2 NO
O2 4.0 FREE NO
O3 7.7 FREE NO
O4 4.0 FREE NO
[CONDUITS]
C1 J1 O1 30 0.013 0 0 0 0
C2 J2 O3 30 0.013 0 0 0 0
[XSECTIONS]
C1 CIRCULAR 0.3 0 0 0 1
C2 CIRCULAR 0.3 0 0 0 1
[PUMPS]
P1 W O2 PC4 ON 0 0
P2 W2 O4 PC4 ON 0 0
[CURVES]
PC4 PUMP4 0 0.05
PC4 3 0.05
[INFLOWS]
J1 FLOW "" FLOW 1.0 1.0 0.05
J2 FLOW "" FLOW 1.0 1.0 0.01
W FLOW "" FLOW 1.0 1.0 0.1
W2 FLOW "" FLOW 1.0 1.0 0.02
[COORDINATES]
J1 1020.5 2030.5
O1 1050.5 2030.5
J2 1020.5 2010.5
O3 1050.5 2010.5
W 1060.5 2040.5
W2 1060.5 2020.5
O2 1070.5 2030.5
O4 1070.5 2020.5
)";

fs::path write_coupled_pit_case(const std::string& name) {
  const fs::path c = write_pit_case(name,
                                    "timeseries_interval = 35\n[network]\ninp = \"net.inp\"\n"
                                    "coupling = \"coupling.csv\"\n");
  write_file(c.parent_path() / "net.inp", kNetwork);
  write_file(c.parent_path() / "coupling.csv", "node_id,role\nJ1,manhole\nJ2,manhole\n");
  return c;
}

std::vector<std::string> lines(const fs::path& p) {
  std::ifstream in(p);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

double row_time(const std::string& row) {
  return std::stod(row.substr(0, row.find(',')));
}

/// network_alerts.csv as rows of named fields, by the row's id.
std::map<std::string, std::map<std::string, std::string>> alert_rows(const fs::path& p) {
  const std::vector<std::string> all = lines(p);
  auto split = [](const std::string& s) {
    std::vector<std::string> f;
    std::stringstream in(s);
    for (std::string x; std::getline(in, x, ',');) f.push_back(x);
    if (!s.empty() && s.back() == ',') f.push_back("");
    return f;
  };
  std::map<std::string, std::map<std::string, std::string>> rows;
  if (all.empty()) return rows;
  const std::vector<std::string> head = split(all[0]);
  for (std::size_t k = 1; k < all.size(); ++k) {
    const std::vector<std::string> f = split(all[k]);
    EXPECT_EQ(f.size(), head.size()) << all[k];
    for (std::size_t c = 0; c < f.size() && c < head.size(); ++c) rows[f[1]][head[c]] = f[c];
  }
  return rows;
}

/// The whole coupled run (0..600 s) in DIR/whole, the analysis (0..320 s, checkpoint at 300 s)
/// in DIR/analysis and the forecast from it in DIR/forecast; each test in its own folder (ctest
/// runs them side by side). Returns the case file; `forecast` gets the forecast's status.
fs::path run_coupled_forecast(const std::string& name, CliResult& forecast) {
  const fs::path c = write_coupled_pit_case(name), dir = c.parent_path();
  auto r = run_spongeflow("run " + c.string() + " --output " + (dir / "whole").string() + kOptions);
  EXPECT_EQ(r.status, 0) << r.output;
  // The analysis goes on past its checkpoint at 300 s: a run's end writes a time-series row,
  // which the continuous run has not at 300 s (its rows are every 35 s).
  r = run_spongeflow("run " + c.string() + " --output " + (dir / "analysis").string() + kOptions +
                     " --set time.duration=320 --checkpoint-interval 300");
  EXPECT_EQ(r.status, 0) << r.output;
  forecast = run_spongeflow("forecast " + c.string() + " --state " +
                            (dir / "analysis" / "checkpoint.nc").string() + " --rain " +
                            (dir / "rain.nc").string() + " --lead 300 --output " +
                            (dir / "forecast").string() + kOptions);
  return c;
}

TEST(CoupledForecast, FromACheckpointIsTheContinuousCoupledRunBitForBit) {
  CliResult forecast;
  const fs::path dir = run_coupled_forecast("forecast_coupled_bits", forecast).parent_path();
  ASSERT_EQ(forecast.status, 0) << forecast.output;
  const Records whole = read_records(dir / "whole" / "results.nc");
  const Records fc = read_records(dir / "forecast" / "results.nc");
  ASSERT_EQ(fc.time, (std::vector<double>{300, 360, 420, 480, 540, 600}));
  ASSERT_EQ(whole.time.size(), 11u);
  for (std::size_t k = 0; k < fc.time.size(); ++k) {
    EXPECT_TRUE(whole.depth[k + 5] == fc.depth[k]) << "depth differs at t = " << fc.time[k];
    EXPECT_TRUE(whole.u[k + 5] == fc.u[k]) << "u differs at t = " << fc.time[k];
    EXPECT_TRUE(whole.v[k + 5] == fc.v[k]) << "v differs at t = " << fc.time[k];
  }

  // The forecast's own network_timeseries.csv: the header, the row of the state's time, then
  // the rows of the continuous run after it, byte for byte (samples every 35 s: the first after
  // the state is the continuous run's at the first step after 315 s).
  const std::vector<std::string> w = lines(dir / "whole" / "network_timeseries.csv");
  const std::vector<std::string> f = lines(dir / "forecast" / "network_timeseries.csv");
  ASSERT_GT(f.size(), 3u);
  EXPECT_EQ(f[0], w[0]);
  EXPECT_EQ(row_time(f[1]), 300.0);
  std::vector<std::string> after;
  for (std::size_t k = 1; k < w.size(); ++k)
    if (row_time(w[k]) > 300.0) after.push_back(w[k]);
  EXPECT_EQ(std::vector<std::string>(f.begin() + 2, f.end()), after);
  EXPECT_GE(row_time(f[2]), 315.0);
  EXPECT_LT(row_time(f[2]), 320.0);

  // The network part of summary.json counts from the state: P1 pumped 0.05 m3/s for 300 s.
  std::ifstream in(dir / "forecast" / "summary.json");
  const nlohmann::json j = nlohmann::json::parse(in);
  EXPECT_NEAR(j["network"]["pumps"]["P1"]["volume_m3"].get<double>(), 15.0, 0.1) << j.dump(1);
  EXPECT_NEAR(j["network"]["pumps"]["P1"]["hours_on"].get<double>(), 300.0 / 3600, 1e-3);
  EXPECT_EQ(j["forecast"]["network_alerts"].get<int>(), 2);
  // The member's continuity error is the coupled system's, as the run reports it.
  EXPECT_EQ(j["forecast"]["member_runs"][0]["continuity_error_pct"].get<double>(),
            j["coupled_volume_balance_m3"]["continuity_error_pct"].get<double>());
}

TEST(CoupledForecast, PumpStationsAndOutfallsWithASurchargeAreListed) {
  CliResult forecast;
  const fs::path dir = run_coupled_forecast("forecast_coupled_alerts", forecast).parent_path();
  ASSERT_EQ(forecast.status, 0) << forecast.output;
  auto rows = alert_rows(dir / "forecast" / "network_alerts.csv");
  ASSERT_EQ(rows.size(), 6u);  // P1, P2, O1, O2, O3, O4

  // W fills at 0.1 - 0.05 = 0.05 m3/s over 10 m2 from empty at 0 s: full (2 m) at 400 s, then
  // it overflows to the end (600 s); P1 runs at its curve's flow all the window.
  auto& p1 = rows["P1"];
  EXPECT_EQ(p1["kind"], "pump_station");
  EXPECT_EQ(p1["node"], "W");
  EXPECT_EQ(p1["probability_surcharge"], "1.000");
  EXPECT_NEAR(std::stod(p1["first_surcharge_s"]), 400.0, 2.0);
  EXPECT_NEAR(std::stod(p1["lead_to_surcharge_s"]), 100.0, 2.0);
  EXPECT_NEAR(std::stod(p1["surcharge_duration_s"]), 200.0, 2.0);
  EXPECT_EQ(p1["probability_flooding"], "1.000");
  EXPECT_NEAR(std::stod(p1["first_flooding_s"]), 400.0, 2.0);
  EXPECT_NEAR(std::stod(p1["max_depth_m"]), 2.0, 1e-4);
  EXPECT_EQ(p1["full_depth_m"], "2.0000");
  EXPECT_EQ(p1["probability_at_curve_max"], "1.000");
  EXPECT_NEAR(std::stod(p1["at_curve_max_duration_s"]), 300.0, 2.0);

  // W2 never fills: listed in the CSV, no surcharge.
  auto& p2 = rows["P2"];
  EXPECT_EQ(p2["probability_surcharge"], "0.000");
  EXPECT_EQ(p2["first_surcharge_s"], "");
  EXPECT_EQ(p2["probability_flooding"], "0.000");
  EXPECT_LT(std::stod(p2["max_depth_m"]), 0.5);

  // O1: held at 8.2 m, above C1's crown at 8.0 m, from the first step to the end.
  auto& o1 = rows["O1"];
  EXPECT_EQ(o1["kind"], "outfall");
  EXPECT_EQ(o1["probability_surcharge"], "1.000");
  EXPECT_NEAR(std::stod(o1["first_surcharge_s"]), 300.0, 2.0);
  EXPECT_NEAR(std::stod(o1["surcharge_duration_s"]), 300.0, 2.0);
  EXPECT_EQ(o1["crown_m"], "8.0000");
  EXPECT_EQ(o1["max_hgl_m"], "8.2000");
  EXPECT_GT(std::stod(o1["peak_outflow_m3s"]), 0.04);
  // O3: C2 flows part full into a free outfall; O2 takes only pumps (no crown to reach).
  EXPECT_EQ(rows["O3"]["probability_surcharge"], "0.000");
  EXPECT_LT(std::stod(rows["O3"]["max_hgl_m"]), 8.0);
  EXPECT_EQ(rows["O3"]["crown_m"], "8.0000");
  EXPECT_EQ(rows["O2"]["probability_surcharge"], "0.000");
  EXPECT_EQ(rows["O2"]["crown_m"], "");
  EXPECT_NEAR(std::stod(rows["O2"]["peak_outflow_m3s"]), 0.05, 1e-6);

  // alerts.geojson: the spots' polygons and a point for each of W (P1) and O1.
  std::ifstream in(dir / "forecast" / "alerts.geojson");
  const nlohmann::json g = nlohmann::json::parse(in);
  std::map<std::string, nlohmann::json> points;
  for (const auto& f : g["features"])
    if (f["properties"].contains("kind")) points[f["properties"]["id"]] = f;
  ASSERT_EQ(points.size(), 2u) << g.dump(1);
  EXPECT_EQ(points["P1"]["properties"]["kind"], "pump_station");
  EXPECT_EQ(points["P1"]["geometry"]["coordinates"], nlohmann::json({1060.5, 2040.5}));
  EXPECT_EQ(points["P1"]["properties"]["probability"].get<double>(), 1.0);
  EXPECT_EQ(points["O1"]["properties"]["kind"], "outfall");
  EXPECT_EQ(points["O1"]["geometry"]["coordinates"], nlohmann::json({1050.5, 2030.5}));
  EXPECT_NEAR(points["O1"]["properties"]["max_hgl_m"].get<double>(), 8.2, 1e-9);
}

TEST(CoupledForecast, EveryMemberRestartsFromTheSameCoupledState) {
  CliResult forecast;
  const fs::path c = run_coupled_forecast("forecast_coupled_members", forecast),
                 dir = c.parent_path();
  ASSERT_EQ(forecast.status, 0) << forecast.output;
  // Two members with the deterministic forecast's rain: each must be that forecast again.
  write_nowcast(dir / "rain2.nc", 0.0, 60.0, {120, 200, 80, 150, 60, 100, 180, 40, 90, 30}, true,
                kNx, kNy, kDx, 0, 2);
  const auto r = run_spongeflow("forecast " + c.string() + " --state " +
                                (dir / "analysis" / "checkpoint.nc").string() + " --rain " +
                                (dir / "rain2.nc").string() + " --lead 300 --output " +
                                (dir / "ensemble").string() + kOptions);
  ASSERT_EQ(r.status, 0) << r.output;
  const std::vector<std::string> one = lines(dir / "forecast" / "network_timeseries.csv");
  ASSERT_GT(one.size(), 3u);
  for (const char* m : {"m000", "m001"}) {
    EXPECT_EQ(lines(dir / "ensemble" / "members" / m / "network_timeseries.csv"), one) << m;
    const Records a = read_records(dir / "forecast" / "results.nc");
    const Records b = read_records(dir / "ensemble" / "members" / m / "results.nc");
    EXPECT_TRUE(a.depth == b.depth) << m;
  }
  auto rows = alert_rows(dir / "ensemble" / "network_alerts.csv");
  EXPECT_EQ(rows["O1"]["probability_surcharge"], "1.000");
  EXPECT_EQ(rows["P1"]["probability_flooding"], "1.000");
  EXPECT_EQ(rows["P2"]["probability_surcharge"], "0.000");
  EXPECT_EQ(alert_rows(dir / "forecast" / "network_alerts.csv")["P1"]["first_flooding_s"],
            rows["P1"]["first_flooding_s"]);
}

TEST(CoupledForecast, ACheckpointOfTheOtherKindIsRefused) {
  CliResult forecast;
  const fs::path case_file = run_coupled_forecast("forecast_coupled_refused", forecast),
                 dir = case_file.parent_path();
  // A surface-only checkpoint for the coupled case (and the coupled one for the surface case).
  const fs::path surface = write_pit_case("forecast_coupled_surface_state");
  const fs::path sdir = surface.parent_path();
  auto r = run_spongeflow("run " + surface.string() + " --output " + (sdir / "a").string() +
                          kOptions + " --set time.duration=120 --checkpoint-interval 120");
  ASSERT_EQ(r.status, 0) << r.output;
  r = run_spongeflow("forecast " + case_file.string() + " --state " +
                     (sdir / "a" / "checkpoint.nc").string() + " --rain " +
                     (dir / "rain.nc").string() + " --lead 120 --output " + (sdir / "f1").string() +
                     kOptions);
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("was written by a surface-only run"), std::string::npos) << r.output;
  r = run_spongeflow("forecast " + surface.string() + " --state " +
                     (dir / "analysis" / "checkpoint.nc").string() + " --rain " +
                     (sdir / "rain.nc").string() + " --lead 120 --output " +
                     (sdir / "f2").string() + kOptions);
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("was written by a coupled run"), std::string::npos) << r.output;
}

TEST(CoupledWatch, OneCycleAdvancesTheCoupledAnalysisAndForecasts) {
  const fs::path c = write_coupled_pit_case("forecast_coupled_watch");
  const fs::path dir = c.parent_path(), inbox = dir / "inbox", root = dir / "watch";
  fs::create_directories(inbox);
  // Observed to 120 s (two frames), then the forecast frames.
  write_nowcast(inbox / "n1.nc", 0.0, 60.0, {120, 200, 80, 150, 60}, true, kNx, kNy, kDx, 2);
  const auto r =
      run_spongeflow("forecast " + c.string() + " --watch " + inbox.string() + " --output " +
                     root.string() + " --lead 180 --cycles 1 --poll 0.1" + kOptions);
  ASSERT_EQ(r.status, 0) << r.output;
  // The analysis ran coupled to the issue time and left a coupled checkpoint there.
  const std::vector<std::string> a = lines(root / "analysis" / "network_timeseries.csv");
  ASSERT_GT(a.size(), 2u);
  EXPECT_GE(row_time(a.back()), 105.0);
  EXPECT_LE(row_time(a.back()), 120.0);
  const fs::path cycle = root / "latest";
  ASSERT_TRUE(fs::exists(cycle / "network_alerts.csv")) << r.output;
  // The nowcast has a member dimension: its one member's run is in members/m000.
  const std::vector<std::string> f = lines(cycle / "members" / "m000" / "network_timeseries.csv");
  ASSERT_GT(f.size(), 2u);
  EXPECT_EQ(row_time(f[1]), 120.0);
  EXPECT_EQ(row_time(f.back()), 300.0);
  auto rows = alert_rows(cycle / "network_alerts.csv");
  EXPECT_EQ(rows["O1"]["probability_surcharge"], "1.000");
  EXPECT_EQ(rows["P1"]["probability_surcharge"], "0.000");  // W is full only at 400 s
}

}  // namespace
}  // namespace sf::test
