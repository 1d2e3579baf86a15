// The start of a forecast window edits only the event maps, the rain window and the outputs of
// a saved state; depths and discharges stay as they were, bit for bit.
#include <gtest/gtest.h>

#include "forecast/arrival_tracker.hpp"
#include "forecast/forecast_window.hpp"

namespace sf::forecast {
namespace {

StateRecord saved_state() {
  StateRecord r;
  r.put("surface_h", std::vector<float>{0.0f, 0.2f, 0.05f});
  r.put("surface_qx", std::vector<float>{0.0f, 0.01f, 0.002f});
  r.put("surface_hmax", std::vector<float>{0.3f, 0.4f, 0.05f});
  r.put("surface_time_of_max_depth", std::vector<float>{100.0f, 200.0f, 250.0f});
  r.put("surface_time_first_wet", std::vector<float>{50.0f, 60.0f, 70.0f});
  r.put("surface_duration_flooded", std::vector<float>{80.0f, 90.0f, 0.0f});
  r.put("clock", std::vector<double>{300.0, 42, 0, 1.5, 0.1, 2.0, 0.0, 12.0});
  r.put("rain_field", std::vector<float>{1e-5f, 1e-5f, 1e-5f});
  r.put("rain_field_window", std::vector<double>{360.0, 3e-5, 1e-5});
  r.put("run_cursor", std::vector<double>{1, 6, 360, 360, 300, 4.0, 0, 0.2, 240});
  r.put("run_hydrograph", std::vector<double>{60, 0.1, 120, 0.2});
  r.put("run_frame_times", std::vector<double>{0, 60, 120, 180, 240, 300});
  return r;
}

TEST(ForecastWindow, EventMapsStartFromTheStateAndFieldsStayAsSaved) {
  StateRecord r = saved_state();
  start_forecast_window(r, 3);
  EXPECT_EQ(r.get<float>("surface_h", 3), saved_state().get<float>("surface_h", 3));
  EXPECT_EQ(r.get<float>("surface_qx", 3), saved_state().get<float>("surface_qx", 3));
  EXPECT_EQ(r.get<double>("clock", 8), saved_state().get<double>("clock", 8));
  EXPECT_EQ(r.get<float>("surface_hmax", 3), (std::vector<float>{0.0f, 0.2f, 0.05f}));
  EXPECT_EQ(r.get<float>("surface_time_of_max_depth", 3),
            (std::vector<float>{-1.0f, 300.0f, 300.0f}));
  EXPECT_EQ(r.get<float>("surface_time_first_wet", 3), (std::vector<float>(3, -1.0f)));
  EXPECT_EQ(r.get<float>("surface_duration_flooded", 3), (std::vector<float>(3, 0.0f)));
  // The nowcast is read at once (the observed field is not carried past the state's time).
  EXPECT_EQ(r.get<double>("rain_field_window", 3)[0], 300.0);
  const auto cursor = r.get<double>("run_cursor", 9);
  EXPECT_EQ(cursor[0], 0.0);
  EXPECT_EQ(cursor[1], 0.0);
  EXPECT_EQ(r.get<double>("run_frame_times", 0).size(), 0u);
  EXPECT_EQ(r.get<double>("run_hydrograph", 0).size(), 0u);
}

TEST(ForecastWindow, AStateWithoutARainGridGetsADryFieldReadAgainAtOnce) {
  StateRecord r = saved_state();
  StateRecord no_rain;
  for (const auto& [name, a] : r.arrays())
    if (name.rfind("rain_", 0) != 0) no_rain.put_array(name, a);
  start_forecast_window(no_rain, 3);
  EXPECT_EQ(no_rain.get<float>("rain_field", 3), (std::vector<float>(3, 0.0f)));
  EXPECT_EQ(no_rain.get<double>("rain_field_window", 3)[0], 300.0);
}

TEST(ForecastWindow, AnEntryOfAnotherSizeIsRefusedByName) {
  StateRecord r = saved_state();
  r.put("surface_hmax", std::vector<float>{0.3f});
  try {
    start_forecast_window(r, 3);
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("surface_hmax"), std::string::npos) << e.what();
  }
}

TEST(ForecastWindow, NetworkMaximaStartFromTheStateAndTheRoutingStateStays) {
  StateRecord r;
  r.put("network_node_depth", std::vector<double>{1.0, 2.0});
  r.put("network_node_max_depth", std::vector<double>{3.0, 4.0});
  r.put("network_node_inflow", std::vector<double>{0.1, 0.0});
  r.put("network_node_max_inflow", std::vector<double>{0.7, 0.2});
  r.put("network_link_flow", std::vector<double>{-0.5});
  r.put("network_link_max_flow", std::vector<double>{2.0});
  r.put("network_link_max_velocity", std::vector<double>{3.0});
  r.put("network_node_flood_volume", std::vector<double>{5.0, 6.0});
  start_network_window(r);
  EXPECT_EQ(r.get<double>("network_node_max_depth", 2), (std::vector<double>{1.0, 2.0}));
  EXPECT_EQ(r.get<double>("network_node_max_inflow", 2), (std::vector<double>{0.1, 0.0}));
  EXPECT_EQ(r.get<double>("network_link_max_flow", 1), (std::vector<double>{0.5}));
  EXPECT_EQ(r.get<double>("network_link_max_velocity", 1), (std::vector<double>{0.0}));
  // Totals the exchange reads (flood volume) and the state itself are left as saved.
  EXPECT_EQ(r.get<double>("network_node_flood_volume", 2), (std::vector<double>{5.0, 6.0}));
  EXPECT_EQ(r.get<double>("network_node_depth", 2), (std::vector<double>{1.0, 2.0}));
  // A surface-only state has no network entries: nothing changes.
  StateRecord surface;
  surface.put("surface_h", std::vector<double>{0.1});
  start_network_window(surface);
  EXPECT_EQ(surface.arrays().size(), 1u);
  // A maximum of another length than its source is refused by name.
  r.put("network_link_max_flow", std::vector<double>{1.0, 2.0});
  EXPECT_THROW(start_network_window(r), std::invalid_argument);
}

TEST(ArrivalTracker, FirstLookAboveTheThresholdIsTheArrival) {
  ArrivalTracker t(3, 0.15, 60.0, 300.0);
  t.observe(300, {0.2, 0.1, 0.0});
  t.observe(360, {0.1, 0.16, 0.0});
  t.observe(420, {0.3, 0.3, 0.15});  // 0.15 is not above 0.15
  EXPECT_EQ(t.arrival(), (std::vector<double>{300, 360, -1}));
}

}  // namespace
}  // namespace sf::forecast
